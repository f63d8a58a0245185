/**
 * User-facing strings of the app shell, home, lesson list, lesson reader and help (English).
 * A zh-CN catalogue will sit beside this one with the same shape.
 */
import { catalogue, type Translation } from '../i18n/index.js';
const UI_EN = {
  appName: 'synack',
  tooSmall: (cols: number, rows: number, minCols: number, minRows: number) =>
    `Make the terminal larger: ${cols}×${rows} now, synack needs at least ${minCols}×${minRows}.`,
  tooSmallHint: 'Ctrl+C quits.',
  screenError: (msg: string) => `Something went wrong on this screen: ${msg}`,
  writeOk: (path: string) => `Saved ${path}`,
  writeFailed: (path: string, msg: string) => `Could not write ${path}: ${msg}`,
  writeExists: (path: string, other: string) => `${path} already exists. Press y to replace it, r to save as ${other} instead, any other key to keep it.`,
  writeKept: (path: string) => `Not saved: ${path} was kept as it was.`,
  saveFailed: (msg: string) => `Progress not saved: ${msg}`,
  placeholder: (what: string) => `${what} is not available in this build yet.`,
  placeholderBack: 'Press q or Esc to go back.',

  // shell keys (footer and help overlay)
  keyHelp: { keys: '?', label: 'help', help: 'Show the keys of this screen (any key closes it)' },
  keyBack: { keys: 'q/Esc', label: 'back', help: 'Go back (quit from the first screen)' },
  keyQuit: { keys: 'Ctrl+C', label: 'quit', help: 'Quit from anywhere' },
  helpTitle: (screen: string) => `Keys: ${screen}`,
  helpClose: 'Press any key to close.',
  helpGeneral: 'Everywhere',

  // non-terminal
  notATerminal:
    'synack is interactive and needs a terminal (stdin and stdout must be a TTY).\n' +
    'Without one, use the plain commands:\n' +
    '  synack trace NAME          print the TCP model\'s trace of a scenario\n' +
    '  synack diagram NAME --plain  print the sequence diagram\n' +
    '  synack check [DIR]         validate lesson files\n' +
    'Run \'synack --help\' for everything.\n',
  /** The terminal is there, but CI is set (Ink would render only the final frame). */
  ciSet:
    'synack does not open the app while CI is set (CI=true says this is a build, not a person).\n' +
    'Unset CI to use it here, or use the plain commands:\n' +
    '  synack trace NAME          print the TCP model\'s trace of a scenario\n' +
    '  synack diagram NAME --plain  print the sequence diagram\n' +
    '  synack check [DIR]         validate lesson files\n' +
    'Run \'synack --help\' for everything.\n',
  lessonLoading: 'Loading the lesson…',
  /** Under a watched lesson's error (learn --watch). */
  lessonWatchBroken: 'Fix the file and save: the lesson reloads.',
  dumbTerminal:
    'synack needs a terminal with cursor addressing, and TERM=dumb says this one has none.\n' +
    'Set TERM to your terminal (for example TERM=xterm-256color), or use the plain commands:\n' +
    '  synack diagram NAME --plain     synack trace NAME     synack quiz --print\n' +
    'Run \'synack --help\' for everything.\n',
  crashed: (msg: string) => `synack: internal error: ${msg}\n(set SYNACK_DEBUG=1 for details)\n`,
  badLessonId: (id: string) =>
    `'${id}' is not a lesson id (ids are kebab-case, like 'tcp-handshake'). Run 'synack learn' for the list.`,
  unknownLesson: (id: string, known: string[]) =>
    `No lesson '${id}'.` + (known.length ? ` Lessons: ${known.join(', ')}.` : ' No lessons were found.'),
  noLessons: (dir: string) => `No lessons found in ${dir}.`,
  ambiguousLesson: (query: string, ids: string[]) => `'${query}' matches ${ids.length} lessons: ${ids.join(', ')}. Give more of the id.`,
  brokenLessons: (n: number) => `${n} lesson file${n === 1 ? '' : 's'} could not be loaded (run 'synack check').`,

  // home
  homeTitle: 'Home',
  homeTagline: 'a terminal tutor for network protocols',
  homeContinue: (title: string, pct: number) => `Continue: ${title} (${pct}%)`,
  homeStart: (title: string) => `Start: ${title}`,
  homeLessons: 'Lessons',
  homeLessonsCount: (done: number, total: number) => `Lessons (${done}/${total} done)`,
  homeQuiz: 'Interview quiz',
  homePlayer: 'Diagram player',
  homePlayground: 'Playground',
  homeStats: 'Stats',
  homeLanguage: (name: string) => `Language: ${name} (Enter switches)`,
  homeHelp: 'Help',
  homeQuit: 'Quit',
  homeCourse: 'Course',
  homeCoursePct: (pct: number) => `${pct}%`,
  homeDue: (n: number) => `${n} review${n === 1 ? '' : 's'} due`,
  homePickScenario: 'Pick a scenario',
  homeNoScenarios: 'No built-in scenarios available.',
  keyOpen: { keys: 'Enter', label: 'open' },
  keyMove: { keys: '↑/↓ j/k', label: 'move' },

  // lesson list
  lessonsTitle: 'Lessons',
  lessonsEmpty: 'No lessons found. Check --lessons DIR or SYNACK_LESSONS.',
  lessonMinutes: (m: number) => `${m} min`,
  lessonQuestions: (right: number, total: number) => `${right}/${total} right`,
  lessonPrereq: (ids: string[]) => `Before this: ${ids.join(', ')}`,
  /** The selected lesson's id and the command that opens it (its number in the list). */
  lessonRef: (n: number, id: string) => `${id} · synack learn ${n}`,
  lessonPrereqMissing: (ids: string[]) =>
    `Warning: prerequisite${ids.length === 1 ? '' : 's'} ${ids.map((i) => `'${i}'`).join(', ')} not among the loaded lessons`,
  brokenSection: (n: number) => `Broken lessons (${n}), not loaded:`,
  brokenHint: "Fix the file and restart synack; 'synack check' lists every error.",
  homeBrokenCount: (n: number) => `${n} broken`,
  markDone: '✓',
  markStarted: '◐',
  markNone: '·',
  markDoneAscii: '+',
  markStartedAscii: '~',
  markNoneAscii: '.',

  // lesson reader
  readerPosition: (line: number, total: number, pct: number) => `${line}/${total} ${pct}%`,
  readerEnd: 'End of lesson.',
  readerQuizzesLeft: (n: number) =>
    `End of lesson: ${n} quiz${n === 1 ? '' : 'zes'} still to answer (Tab reaches them) before it counts as complete.`,
  readerDone: 'Lesson complete ✓',
  readerDoneAscii: 'Lesson complete',
  readerNextLesson: (title: string) => `Next lesson: ${title} — press Enter or n to open it.`,
  readerLastLesson: 'That was the last lesson. Press q to go back.',
  readerNotFound: (id: string) => `No lesson '${id}'.`,
  keyScroll: { keys: '↑/↓ j/k', label: 'scroll', help: 'Scroll one line' },
  keyPage: { keys: 'PgUp/PgDn space', label: 'page', help: 'Scroll one page' },
  keyTop: { keys: 'g/G', label: 'top/end', help: 'Go to the top or the end' },
  keySection: { keys: 'n/p', label: 'section', help: 'Next / previous section (n at the end opens the next lesson)' },
  keyFocus: { keys: 'Tab', label: 'focus', help: 'Focus the next quiz, diagram or layers block on screen' },
  keyUnfocus: { keys: 'Esc', label: 'unfocus', help: 'Leave the focused block' },
  keyHint: { keys: 'h', label: 'hint', help: 'Show the next hint of the focused quiz' },
  keyAnswer: { keys: 'Enter', label: 'answer', help: 'Choose / submit the answer' },
  keyChoose: { keys: '↑/↓ 1-9', label: 'choose', help: 'Move between choices, or pick one by number' },
  keyToggle: { keys: 'space', label: 'toggle', help: 'Toggle a choice (several may be right)' },
  keyLayerStep: { keys: '←/→', label: 'layer', help: 'Step the encapsulation back / forward' },
  keyOpenPlayer: { keys: 'Enter', label: 'full player', help: 'Open the diagram in the full player' },
  keyNextBlock: { keys: 'Tab', label: 'next block', help: 'Focus the next quiz, diagram or layers block' },
  keyLayersPlay: { keys: 'space', label: 'play', help: 'Play the encapsulation step by step' },
  keyRetry: { keys: 'r', label: 'retry', help: 'Answer the question again' },
  keyOrderGrab: { keys: 'space', label: 'pick up/drop', help: 'Pick up a step, move it with ↑/↓, drop it' },
  keyOrderMove: { keys: '↑/↓', label: 'move', help: 'Move the cursor (or the step you hold)' },
  keySubmit: { keys: 'Enter', label: 'submit', help: 'Submit your answer' },
  keyReveal: { keys: 'Enter', label: 'reveal', help: 'Show the model answer' },
  keyGrade: { keys: '1-4', label: 'grade', help: 'Grade yourself: 1 again, 2 hard, 3 good, 4 easy' },
  keyPick: { keys: '1-9', label: 'pick', help: 'Open the item with that number' },
  keyQuitHome: { keys: 'q', label: 'quit', help: 'Quit synack' },
  keyPlayScenario: { keys: 'Enter', label: 'play', help: 'Open the scenario in the diagram player' },
  keyClose: { keys: 'Esc', label: 'close', help: 'Close the scenario list' },
  keyFirstLast: { keys: 'g/G', label: 'first/last', help: 'Jump to the first or last lesson' },
  keyOpenLesson: { keys: 'Enter', label: 'open', help: 'Open the lesson at your saved position' },
  layersFocused: '←/→ step, space play',
  moreLessons: (n: number) => `${n} more`,
  moreAbove: (n: number) => `↑ ${n} more above`,
  moreBelow: (n: number) => `↓ ${n} more below`,

  // quiz fallback (used when the interview helper's views are not available)
  quizLabel: 'Quiz',
  reportNoAnswers: (n: number) => `Finished before answering: no score (${n} question${n === 1 ? '' : 's'} not reached).`,
  reportDueElsewhere: (n: number) =>
    `None of them in the topics you chose; ${n} card${n === 1 ? ' is' : 's are'} due in other topics (choose no topic to review all).`,
  quizPrompt: 'Tab to answer',
  quizAnsweredPrompt: 'Answered. Tab, then r, to try again',
  quizCorrect: 'Right!',
  quizWrong: 'Not quite.',
  quizAnswerWas: (a: string) => `Answer: ${a}`,
  quizHint: (i: number, n: number, text: string) => `Hint ${i}/${n}: ${text}`,
  quizNoMoreHints: 'No more hints.',
  quizTypeHere: 'Type your answer, Enter to submit',
  quizTrue: 'True',
  quizFalse: 'False',
  quizOrderHelp: 'Pick the steps in order by number; Backspace undoes',
  quizRecallReveal: 'Enter shows the model answer',
  quizRecallGrade: 'Grade yourself: 1 again  2 hard  3 good  4 easy',
  quizKeyPoints: 'Key points:',
  quizRetry: 'r tries again',

  // diagram / layers blocks
  tcpLabel: (caption: string | null) => (caption ? `Diagram: ${caption}` : 'Diagram'),
  tcpFocusHint: 'Tab to focus, then the player keys; Enter opens the full player',
  layersLabel: (title: string | null) => (title ? `Encapsulation: ${title}` : 'Encapsulation'),
  layersStep: (i: number, n: number) => `step ${i}/${n}`,
  layersFocusHint: 'Tab to focus, then ←/→',
  payload: 'payload',

  quoteKinds: {
    note: 'Note',
    tip: 'Tip',
    important: 'Important',
    warning: 'Warning',
    caution: 'Caution',
  } as Record<string, string>,

  // help screen
  helpScreenTitle: 'Help',
  helpScreenBody: [
    'synack teaches how networks work, TCP above all: read lessons, watch the live sequence diagram, answer quizzes.',
    '',
    'Everywhere: ? shows the keys of the current screen, q or Esc goes back, Ctrl+C quits.',
    'Lessons: ↑/↓ or j/k scroll, PgUp/PgDn or space page, g/G top and end, n/p next and previous section.',
    'Inside a lesson, Tab focuses the next quiz, diagram or layers block; Esc leaves it.',
    'Quizzes: pick with ↑/↓ or a number and Enter; h shows the next hint.',
    'Diagram player: space play/pause, →/l step, ←/h back, +/- speed, r restart, d drop the next segment.',
    '',
    'Your progress is saved automatically (set SYNACK_HOME to choose where).',
    'Without a terminal use the plain commands: synack trace, synack diagram --plain, synack check.',
  ],
} as const;

/** The keys of a question (the lesson reader's inline quizzes and the interview screen). */
const QK_EN = {
  move: { keys: '↑/↓ j/k', label: 'move', help: 'Move between the choices (or move the step you hold)' },
  pick: (keys: string) => ({ keys, label: 'choose', help: 'Choose by number or letter' }),
  toggle: (keys: string) => ({ keys, label: 'toggle', help: 'Toggle a choice (several may be right)' }),
  grab: { keys: 'space', label: 'pick up/drop', help: 'Pick up the step under the cursor, move it with ↑/↓, drop it' },
  answer: { keys: 'Enter', label: 'answer', help: 'Submit your answer' },
  submit: { keys: 'Enter', label: 'answer', help: 'Submit what you typed (input that is not an answer is refused, not graded)' },
  type: { keys: 'letters', label: 'type', help: 'Type your answer' },
  backspace: { keys: 'Backspace', label: 'erase', help: 'Erase the last character' },
  reveal: { keys: 'Enter', label: 'reveal', help: 'Show the model answer' },
  grade: { keys: '1-4', label: 'grade', help: 'Grade yourself: 1 again, 2 hard, 3 good, 4 easy' },
  hint: (keys: string) => ({ keys, label: 'hint', help: 'Show the next hint' }),
  refused: (why: string) => `${why} Not counted; try again.`,
} as const;

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
const UI_ZH: Translation<typeof UI_EN> = {
  appName: 'synack',
  tooSmall: (cols, rows, minCols, minRows) =>
    `请把终端放大：现在是 ${cols}×${rows}，synack 至少需要 ${minCols}×${minRows}。`,
  tooSmallHint: '按 Ctrl+C 退出。',
  screenError: (msg) => `这个界面出错了：${msg}`,
  writeOk: (path) => `已保存 ${path}`,
  writeFailed: (path, msg) => `无法写入 ${path}：${msg}`,
  writeExists: (path, other) => `${path} 已存在。按 y 覆盖，按 r 改存为 ${other}，按其他任意键保留原文件。`,
  writeKept: (path) => `未保存：${path} 保持原样。`,
  saveFailed: (msg) => `进度未保存：${msg}`,
  placeholder: (what) => `此版本尚未提供${what}。`,
  placeholderBack: '按 q 或 Esc 返回。',

  keyHelp: { keys: '?', label: '帮助', help: '显示本界面的按键（按任意键关闭）' },
  keyBack: { keys: 'q/Esc', label: '返回', help: '返回上一界面（在第一个界面则退出）' },
  keyQuit: { keys: 'Ctrl+C', label: '退出', help: '在任何界面退出' },
  helpTitle: (screen) => `按键：${screen}`,
  helpClose: '按任意键关闭。',
  helpGeneral: '所有界面',

  notATerminal:
    'synack 是交互式程序，需要终端（stdin 和 stdout 都必须是 TTY）。\n' +
    '没有终端时，请使用纯文本命令：\n' +
    '  synack trace NAME          打印 TCP 模型对某个场景的跟踪记录\n' +
    '  synack diagram NAME --plain  打印时序图\n' +
    '  synack check [DIR]         检查课程文件\n' +
    "运行 'synack --help' 查看全部命令。\n",
  ciSet:
    '设置了 CI 时 synack 不打开交互界面（CI=true 表示这是自动构建，不是有人在用）。\n' +
    '要在这里使用，请取消 CI，或者使用纯文本命令：\n' +
    '  synack trace NAME          打印 TCP 模型对某个场景的跟踪记录\n' +
    '  synack diagram NAME --plain  打印时序图\n' +
    '  synack check [DIR]         检查课程文件\n' +
    "运行 'synack --help' 查看全部命令。\n",
  lessonLoading: '正在加载课程…',
  lessonWatchBroken: '改好文件并保存：课程会重新加载。',
  dumbTerminal:
    'synack 需要支持光标定位的终端，而 TERM=dumb 表示当前终端不支持。\n' +
    '请把 TERM 设为你的终端类型（例如 TERM=xterm-256color），或使用纯文本命令：\n' +
    '  synack diagram NAME --plain     synack trace NAME     synack quiz --print\n' +
    "运行 'synack --help' 查看全部命令。\n",
  crashed: (msg) => `synack：内部错误：${msg}\n（设置 SYNACK_DEBUG=1 可查看详情）\n`,
  badLessonId: (id) =>
    `'${id}' 不是课程 id（id 使用 kebab-case 格式，例如 'tcp-handshake'）。运行 'synack learn' 查看课程列表。`,
  unknownLesson: (id, known) =>
    `没有课程 '${id}'。` + (known.length ? `现有课程：${known.join(', ')}。` : '一个课程也没有找到。'),
  noLessons: (dir) => `在 ${dir} 中没有找到课程。`,
  ambiguousLesson: (query, ids) => `'${query}' 对应 ${ids.length} 课：${ids.join('、')}。请写出更多的 id。`,
  brokenLessons: (n) => `有 ${n} 个课程文件无法加载（请运行 'synack check'）。`,

  homeTitle: '主页',
  homeTagline: '终端里的网络协议教程',
  homeContinue: (title, pct) => `继续学习：${title}（${pct}%）`,
  homeStart: (title) => `开始学习：${title}`,
  homeLessons: '课程',
  homeLessonsCount: (done, total) => `课程（已完成 ${done}/${total}）`,
  homeQuiz: '面试题练习',
  homePlayer: '时序图播放器',
  homePlayground: '实验场',
  homeStats: '统计',
  homeLanguage: (name) => `语言：${name}（按 Enter 切换）`,
  homeHelp: '帮助',
  homeQuit: '退出',
  homeCourse: '课程进度',
  homeCoursePct: (pct) => `${pct}%`,
  homeDue: (n) => `${n} 张卡片待复习`,
  homePickScenario: '选择一个场景',
  homeNoScenarios: '没有可用的内置场景。',
  keyOpen: { keys: 'Enter', label: '打开' },
  keyMove: { keys: '↑/↓ j/k', label: '移动' },

  lessonsTitle: '课程',
  lessonsEmpty: '没有找到课程。请检查 --lessons DIR 或 SYNACK_LESSONS。',
  lessonMinutes: (m) => `${m} 分钟`,
  lessonQuestions: (right, total) => `答对 ${right}/${total}`,
  lessonPrereq: (ids) => `先修：${ids.join(', ')}`,
  lessonRef: (n, id) => `${id} · synack learn ${n}`,
  lessonPrereqMissing: (ids) => `警告：先修课程 ${ids.map((i) => `'${i}'`).join(', ')} 不在已加载的课程中`,
  brokenSection: (n) => `损坏的课程（${n} 个），未加载：`,
  brokenHint: "修正文件后重新启动 synack；'synack check' 会列出所有错误。",
  homeBrokenCount: (n) => `${n} 个损坏`,
  markDone: '✓',
  markStarted: '◐',
  markNone: '·',
  markDoneAscii: '+',
  markStartedAscii: '~',
  markNoneAscii: '.',

  readerPosition: (line, total, pct) => `${line}/${total} ${pct}%`,
  readerEnd: '本课结束。',
  readerQuizzesLeft: (n) => `本课结束：还有 ${n} 道测验没有作答（按 Tab 可到达），全部作答后本课才算完成。`,
  readerDone: '本课完成 ✓',
  readerDoneAscii: '本课完成',
  readerNextLesson: (title) => `下一课：${title}。按 Enter 或 n 打开。`,
  readerLastLesson: '这是最后一课。按 q 返回。',
  readerNotFound: (id) => `没有课程 '${id}'。`,
  keyScroll: { keys: '↑/↓ j/k', label: '滚动', help: '滚动一行' },
  keyPage: { keys: 'PgUp/PgDn space', label: '翻页', help: '滚动一页' },
  keyTop: { keys: 'g/G', label: '开头/结尾', help: '跳到开头或结尾' },
  keySection: { keys: 'n/p', label: '小节', help: '下一节 / 上一节（在结尾按 n 打开下一课）' },
  keyFocus: { keys: 'Tab', label: '聚焦', help: '聚焦屏幕上的下一个测验、时序图或分层图' },
  keyUnfocus: { keys: 'Esc', label: '取消聚焦', help: '离开当前聚焦的块' },
  keyHint: { keys: 'h', label: '提示', help: '显示当前测验的下一条提示' },
  keyAnswer: { keys: 'Enter', label: '作答', help: '选择 / 提交答案' },
  keyChoose: { keys: '↑/↓ 1-9', label: '选择', help: '在选项间移动，或按编号直接选择' },
  keyToggle: { keys: 'space', label: '勾选', help: '勾选或取消一个选项（可能有多个正确答案）' },
  keyLayerStep: { keys: '←/→', label: '分层', help: '封装过程后退 / 前进一步' },
  keyOpenPlayer: { keys: 'Enter', label: '完整播放器', help: '在完整播放器中打开这张时序图' },
  keyNextBlock: { keys: 'Tab', label: '下一块', help: '聚焦下一个测验、时序图或分层图' },
  keyLayersPlay: { keys: 'space', label: '播放', help: '逐步播放封装过程' },
  keyRetry: { keys: 'r', label: '重答', help: '重新回答这道题' },
  keyOrderGrab: { keys: 'space', label: '拿起/放下', help: '拿起一个步骤，用 ↑/↓ 移动，再放下' },
  keyOrderMove: { keys: '↑/↓', label: '移动', help: '移动光标（或你拿着的步骤）' },
  keySubmit: { keys: 'Enter', label: '提交', help: '提交答案' },
  keyReveal: { keys: 'Enter', label: '看答案', help: '显示参考答案' },
  keyGrade: { keys: '1-4', label: '自评', help: '给自己打分：1 重来，2 困难，3 良好，4 简单' },
  keyPick: { keys: '1-9', label: '选择', help: '打开该编号的项目' },
  keyQuitHome: { keys: 'q', label: '退出', help: '退出 synack' },
  keyPlayScenario: { keys: 'Enter', label: '播放', help: '在时序图播放器中打开该场景' },
  keyClose: { keys: 'Esc', label: '关闭', help: '关闭场景列表' },
  keyFirstLast: { keys: 'g/G', label: '第一/最后', help: '跳到第一课或最后一课' },
  keyOpenLesson: { keys: 'Enter', label: '打开', help: '在上次保存的位置打开课程' },
  layersFocused: '←/→ 单步，space 播放',
  moreLessons: (n) => `还有 ${n} 课`,
  moreAbove: (n) => `↑ 上方还有 ${n} 行`,
  moreBelow: (n) => `↓ 下方还有 ${n} 行`,

  quizLabel: '测验',
  reportNoAnswers: (n) => `还没作答就结束了：没有得分（${n} 道题未作答）。`,
  reportDueElsewhere: (n) => `你选的主题里没有待复习的卡片；其他主题有 ${n} 张到期（不选主题即可全部复习）。`,
  quizPrompt: '按 Tab 作答',
  quizAnsweredPrompt: '已作答。按 Tab 再按 r 重答',
  quizCorrect: '答对了！',
  quizWrong: '不太对。',
  quizAnswerWas: (a) => `答案：${a}`,
  quizHint: (i, n, text) => `提示 ${i}/${n}：${text}`,
  quizNoMoreHints: '没有更多提示了。',
  quizTypeHere: '输入答案，按 Enter 提交',
  quizTrue: '对',
  quizFalse: '错',
  quizOrderHelp: '按编号依次选出各步骤；Backspace 撤销',
  quizRecallReveal: '按 Enter 显示参考答案',
  quizRecallGrade: '给自己打分：1 重来  2 困难  3 良好  4 简单',
  quizKeyPoints: '要点：',
  quizRetry: '按 r 重答',

  tcpLabel: (caption) => (caption ? `时序图：${caption}` : '时序图'),
  tcpFocusHint: '按 Tab 聚焦，然后使用播放器按键；Enter 打开完整播放器',
  layersLabel: (title) => (title ? `封装：${title}` : '封装'),
  layersStep: (i, n) => `第 ${i}/${n} 步`,
  layersFocusHint: '按 Tab 聚焦，然后按 ←/→',
  payload: '载荷',

  quoteKinds: {
    note: '注意',
    tip: '提示',
    important: '重要',
    warning: '警告',
    caution: '当心',
  },

  helpScreenTitle: '帮助',
  helpScreenBody: [
    'synack 讲解网络的工作原理，重点是 TCP：阅读课程，观看实时时序图，回答测验。',
    '',
    '所有界面：? 显示当前界面的按键，q 或 Esc 返回，Ctrl+C 退出。',
    '课程：↑/↓ 或 j/k 滚动，PgUp/PgDn 或 space 翻页，g/G 到开头和结尾，n/p 到下一节和上一节。',
    '在课程中，Tab 聚焦下一个测验、时序图或分层图；Esc 离开。',
    '测验：用 ↑/↓ 或编号选择，再按 Enter；h 显示下一条提示。',
    '时序图播放器：space 播放/暂停，→/l 单步前进，←/h 后退，+/- 调速，r 重新开始，d 丢弃下一个报文段。',
    '',
    '学习进度会自动保存（设置 SYNACK_HOME 可指定保存位置）。',
    '没有终端时请使用纯文本命令：synack trace、synack diagram --plain、synack check。',
  ],
};

const QK_ZH: Translation<typeof QK_EN> = {
  move: { keys: '↑/↓ j/k', label: '移动', help: '在选项间移动（或移动你拿着的步骤）' },
  pick: (keys) => ({ keys, label: '选择', help: '按编号或字母选择' }),
  toggle: (keys) => ({ keys, label: '勾选', help: '勾选或取消一个选项（可能有多个正确答案）' }),
  grab: { keys: 'space', label: '拿起/放下', help: '拿起光标处的步骤，用 ↑/↓ 移动，再放下' },
  answer: { keys: 'Enter', label: '作答', help: '提交答案' },
  submit: { keys: 'Enter', label: '作答', help: '提交你输入的内容（不是答案的输入会被拒绝，不计分）' },
  type: { keys: '文字', label: '输入', help: '输入答案' },
  backspace: { keys: 'Backspace', label: '删除', help: '删除最后一个字符' },
  reveal: { keys: 'Enter', label: '看答案', help: '显示参考答案' },
  grade: { keys: '1-4', label: '自评', help: '给自己打分：1 重来，2 困难，3 良好，4 简单' },
  hint: (keys) => ({ keys, label: '提示', help: '显示下一条提示' }),
  refused: (why) => `${why}不计分，请再试一次。`,
};

/** Key rows of the binding table (src/ui/bindings.ts) that have no other catalogue entry. */
const KB_EN = {
  menuPage: { keys: 'PgUp/PgDn', label: 'page', help: 'Move one page up or down the list' },
  nextLesson: { keys: 'Enter', label: 'next lesson', help: 'Open the next lesson' },
  layersStart: { keys: 'Home/0', label: 'first layer', help: 'Back to the first step of the encapsulation' },
  quizMenuMove: { keys: '↑/↓', label: 'move', help: 'Move between the modes and the topics' },
  quizMenuStart: { keys: 'enter', label: 'start', help: 'Start the mode under the cursor (on a topic: toggle it)' },
  quizMenuTopic: { keys: 'space', label: 'topic', help: 'Toggle the topic under the cursor (none = all topics)' },
  quizMenuCount: { keys: '-/+', label: 'count', help: 'Fewer or more questions' },
  quizMenuTimer: { keys: '[/]', label: 'timer', help: 'Shorter or longer timer per question (or off)' },
  quizNext: { keys: 'enter', label: 'next', help: 'Next question (also space or n)' },
  quizFinish: { keys: 'Esc', label: 'finish', help: 'Finish the session and see the report' },
  quizToMenu: { keys: 'enter', label: 'menu', help: 'Back to the interview-prep menu' },
  pagePage: { keys: 'PgUp/PgDn space', label: 'page', help: 'Scroll one page' },
  pageKeys: { keys: 'PgUp/PgDn', label: 'page', help: 'Scroll one page' },
  working: 'Working…',
  workingAscii: 'Working...',
} as const;

const KB_ZH: Translation<typeof KB_EN> = {
  menuPage: { keys: 'PgUp/PgDn', label: '翻页', help: '在列表中上下翻一页' },
  nextLesson: { keys: 'Enter', label: '下一课', help: '打开下一课' },
  layersStart: { keys: 'Home/0', label: '第一层', help: '回到封装过程的第一步' },
  quizMenuMove: { keys: '↑/↓', label: '移动', help: '在模式和主题间移动' },
  quizMenuStart: { keys: 'enter', label: '开始', help: '开始光标处的模式（在主题上则勾选它）' },
  quizMenuTopic: { keys: 'space', label: '主题', help: '勾选或取消光标处的主题（都不选 = 全部主题）' },
  quizMenuCount: { keys: '-/+', label: '题数', help: '减少或增加题目数量' },
  quizMenuTimer: { keys: '[/]', label: '计时', help: '缩短或延长每题的计时（或关闭）' },
  quizNext: { keys: 'enter', label: '下一题', help: '下一题（也可按 space 或 n）' },
  quizFinish: { keys: 'Esc', label: '结束', help: '结束本轮并查看报告' },
  quizToMenu: { keys: 'enter', label: '菜单', help: '回到面试准备菜单' },
  pagePage: { keys: 'PgUp/PgDn space', label: '翻页', help: '滚动一页' },
  pageKeys: { keys: 'PgUp/PgDn', label: '翻页', help: '滚动一页' },
  working: '正在计算…',
  workingAscii: '正在计算...',
};

export const UI = catalogue('ui.UI', { en: UI_EN, 'zh-CN': UI_ZH });
export const KB = catalogue('ui.KB', { en: KB_EN, 'zh-CN': KB_ZH });
export const QK = catalogue('ui.QK', { en: QK_EN, 'zh-CN': QK_ZH });

/**
 * The reader's search (`/`, n/N) and table of contents (`t`), and the home screen's settings rows
 * (issue 14). A catalogue of its own so the reader and home keep their rows together.
 */
const RS_EN = {
  keySearch: { keys: '/', label: 'search', help: 'Search the lesson (then n/N for the next / previous match)' },
  keySearchStep: { keys: 'n/N', label: 'next/prev match', help: 'Next / previous match of the search (wraps around the lesson)' },
  keySearchSubmit: { keys: 'Enter', label: 'search', help: 'Search for what you typed (empty: the last search again)' },
  keySearchCancel: { keys: 'Esc', label: 'cancel', help: 'Close the search prompt' },
  keySearchType: { keys: 'text', label: 'type', help: 'Type the words to find (case and full-width forms do not matter)' },
  keySearchErase: { keys: 'Backspace', label: 'erase', help: 'Erase the last character (on an empty prompt: close it)' },
  keySearchClear: { keys: 'Esc', label: 'clear search', help: 'Clear the search and its highlight' },
  keySectionPrev: { keys: 'p', label: 'prev section', help: 'Previous section (n finds the next match while a search is on)' },
  keyToc: { keys: 't', label: 'contents', help: "The lesson's table of contents: jump to a section" },
  keyTocMove: { keys: '↑/↓ j/k', label: 'move', help: 'Move between the sections' },
  keyTocJump: { keys: 'Enter', label: 'go', help: 'Go to the section under the cursor' },
  keyTocClose: { keys: 'Esc/t', label: 'close', help: 'Close the table of contents (also q)' },
  /** The search prompt's first character (as in less). */
  promptPrefix: '/',
  notFound: (query: string) => `not found: ${query}`,
  wrappedTop: 'search wrapped to top',
  wrappedBottom: 'search wrapped to end',
  /** Which match is current, in the status line while a search is on. */
  matchOf: (at: number, total: number) => `match ${at}/${total}`,
  tocTitle: 'Contents',
  /** The home screen's settings rows. */
  homeNewPerDay: (n: number) => `New review cards a day: ${n} (-/+ change)`,
  homeTimer: (sec: number | null) => `Interview timer: ${sec === null ? 'off' : `${sec} s a question`} (-/+ change)`,
  keySetting: { keys: '-/+', label: 'change', help: 'Change the setting under the cursor (Enter: the next value)' },
} as const;

const RS_ZH: Translation<typeof RS_EN> = {
  keySearch: { keys: '/', label: '搜索', help: '在本课中搜索（然后按 n/N 跳到下一个 / 上一个匹配）' },
  keySearchStep: { keys: 'n/N', label: '下一个/上一个', help: '搜索的下一个 / 上一个匹配（到头后从另一端继续）' },
  keySearchSubmit: { keys: 'Enter', label: '搜索', help: '搜索输入的内容（不输入则重复上一次搜索）' },
  keySearchCancel: { keys: 'Esc', label: '取消', help: '关闭搜索栏' },
  keySearchType: { keys: '文字', label: '输入', help: '输入要查找的内容（不区分大小写和全角/半角）' },
  keySearchErase: { keys: 'Backspace', label: '删除', help: '删除最后一个字符（搜索栏为空时关闭它）' },
  keySearchClear: { keys: 'Esc', label: '清除搜索', help: '清除搜索和高亮' },
  keySectionPrev: { keys: 'p', label: '上一节', help: '上一节（搜索时 n 跳到下一个匹配）' },
  keyToc: { keys: 't', label: '目录', help: '本课目录：跳到某一节' },
  keyTocMove: { keys: '↑/↓ j/k', label: '移动', help: '在各节之间移动' },
  keyTocJump: { keys: 'Enter', label: '跳转', help: '跳到光标所在的一节' },
  keyTocClose: { keys: 'Esc/t', label: '关闭', help: '关闭目录（也可按 q）' },
  promptPrefix: '/',
  notFound: (query) => `没有找到：${query}`,
  wrappedTop: '搜索已绕回开头',
  wrappedBottom: '搜索已绕回结尾',
  matchOf: (at, total) => `第 ${at}/${total} 个匹配`,
  tocTitle: '目录',
  homeNewPerDay: (n) => `每天新卡片数：${n}（按 -/+ 调整）`,
  homeTimer: (sec) => `面试计时：${sec === null ? '关闭' : `每题 ${sec} 秒`}（按 -/+ 调整）`,
  keySetting: { keys: '-/+', label: '调整', help: '调整光标处的设置（Enter：下一个值）' },
};

export const RS = catalogue('ui.RS', { en: RS_EN, 'zh-CN': RS_ZH });
