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
  writeExists: (path: string) => `${path} already exists. Press y to replace it, any other key to keep it.`,
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
  lessonLoading: 'Loading the lesson…',
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
// TODO(i18n step 2): translate.
const UI_ZH: Translation<typeof UI_EN> = UI_EN;
// TODO(i18n step 2): translate.
const QK_ZH: Translation<typeof QK_EN> = QK_EN;

export const UI = catalogue('ui.UI', { en: UI_EN, 'zh-CN': UI_ZH });
export const QK = catalogue('ui.QK', { en: QK_EN, 'zh-CN': QK_ZH });
