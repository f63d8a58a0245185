/** Every user-facing string of the quiz area (core, CLI, screens) in one place, for translation. */
import { catalogue, type Translation } from '../i18n/index.js';

const GEN_EN = {
  numberPrompt: (kind: 'ack' | 'seq', who: string, flags: string, len: number, isnC: number, isnS: number) =>
    `Client ISN = ${isnC}, server ISN = ${isnS}. The diagram stops just before the ${who} sends its next segment: ${flags}${len > 0 ? ` with ${len} bytes of data` : ''}. What ${kind === 'ack' ? 'ack' : 'sequence'} number does it carry?`,
  numberExplain: (kind: 'ack' | 'seq', value: number, explain: string) =>
    `${kind === 'ack' ? 'ack' : 'seq'} = ${value}. ${explain}`,
  statePrompt: (who: string, scenario: string) => `In this ${scenario} run, what state is the ${who} in now (at the end of the diagram)?`,
  stateExplain: (who: string, state: string, last?: string) => `The ${who} is in ${state}.${last ? ` ${last}` : ''}`,
  nextSegmentPrompt: (who: string, scenario: string) => `In this ${scenario} run, a segment is missing at the end of the diagram: the ${who} sends it next. Which segment is it?`,
  retransmitPrompt: (who: string, what: string, sentAt: number) =>
    `The ${who}'s ${what} sent at t=${sentAt} ms was lost. At what time (ms) is it sent again?`,
  retransmitExplain: (at: number, sentAt: number, explain: string) =>
    `It is sent again at t=${at} ms, ${at - sentAt} ms after the original, when the retransmission timer fires. ${explain}`,
  /** A host's role as the prompts name it (client, server; other hosts by name). */
  role: (r: string) => r,
  dataSegment: 'data segment',
  hintAck: 'The ack number is the next sequence number expected; a SYN or FIN counts as one byte.',
  hintSeq: 'Start from the ISN: the SYN uses one number, then every data byte and the FIN use one each.',
  hintState: 'Follow this host\'s state changes in the diagram: which segment did it last send or receive?',
  hintNext: 'Who has something left to send or acknowledge?',
  hintRetransmit: 'The retransmission timer starts when the segment is sent; the initial RTO is a fixed value.',
  // flow control and congestion control (issue 11)
  windowPrompt: (buffer: number, mss: number, read: number) =>
    `The server's receive buffer holds ${buffer} bytes (MSS ${mss}) and its application has read nothing, so the window has closed. Now the application reads ${read} bytes. What window (win=) does the server's next segment advertise?`,
  windowExplain: (win: number, buffer: number, read: number, unread: number | null, explain: string) =>
    `win=${win}. The window offered is the free space of the ${buffer}-byte buffer${unread !== null ? ` (${unread} bytes were unread before the read of ${read})` : ''}, but with receiver silly-window avoidance (RFC 9293 §3.8.6.2.2) it only opens once it can grow by min(buffer/2, MSS), and never shrinks. ${explain}`,
  probePrompt: (last: number, n: number) =>
    `The server advertises a zero window and the client's persist timer probes it. Zero-window probe ${n} went out at t=${last} ms and was answered with win=0. At what time (ms) does the next probe go out?`,
  probeExplain: (at: number, gap: number, prevGap: number | null, explain: string) =>
    `At t=${at} ms, ${gap} ms after the previous probe${prevGap !== null ? ` (the interval before was ${prevGap} ms)` : ''}: the persist timer backs off exponentially while the window stays closed (RFC 9293 §3.8.6.1; Linux starts from the RTO and doubles it, tcp_probe_timer). ${explain}`,
  cwndPrompt: (algo: string, iw: number, mss: number, k: number) =>
    `A bulk transfer (MSS ${mss}, ${algo}) starts in slow start with an initial window of ${iw} bytes and no loss. What is the sender's cwnd (bytes) after ${k} round trip${k === 1 ? '' : 's'}?`,
  cwndExplain: (cwnd: number, iw: number, k: number, rfc: boolean) =>
    `cwnd = ${cwnd}. In slow start every ACK of new data adds up to one SMSS (RFC 5681 §3.1${rfc ? ', counting bytes per RFC 3465: at most 2*SMSS per ACK' : '; Linux counts whole segments'}), so cwnd grows from ${iw} by about the data acknowledged each round trip; with delayed ACKs (one ACK per two segments) the growth per round trip is less than doubling under RFC 5681's per-ACK rule. After ${k} round trip${k === 1 ? '' : 's'} the model's sender is at ${cwnd}.`,
  ssthreshPrompt: (algo: string, cwnd: number, flight: number, mss: number) =>
    `The sender (${algo}, MSS ${mss}) has cwnd = ${cwnd} and FlightSize = ${flight} bytes when the third duplicate ACK arrives. What does ssthresh become (bytes)?`,
  ssthreshExplain: (ssthresh: number, rule: string) => `ssthresh = ${ssthresh}. ${rule}`,
  ruleReno: (flight: number, mss: number) =>
    `RFC 5681 §3.2 step 2 (equation 4): ssthresh = max(FlightSize / 2, 2*SMSS) = max(${flight} / 2, ${2 * mss}).`,
  ruleRenoLinux: (cwnd: number, mss: number) =>
    `Linux's Reno (tcp_reno_ssthresh) halves cwnd rather than FlightSize (RFC 5681 eq. 4 uses FlightSize), in whole segments: max(${Math.round(cwnd / mss)} segments / 2 rounded down, 2) segments of ${mss} bytes.`,
  ruleCubic: (from: number, beta: string, linux: boolean, mss: number) =>
    linux
      ? `CUBIC cuts cwnd by beta (RFC 9438 §4.6 says 0.7; Linux's bictcp_recalc_ssthresh uses 717/1024), in whole segments: ${Math.round(from / mss)} segments * 717/1024 rounded down, at least 2, times ${mss} bytes.`
      : `CUBIC (RFC 9438 §4.6) multiplies FlightSize by beta_cubic = ${beta}: ssthresh = ${from} * ${beta} (at least 2*SMSS).`,
  fastRetxPrompt: (lostSeq: number, sentAt: number) =>
    `The data segment seq=${lostSeq} sent at t=${sentAt} ms is lost; the segments after it arrive and each draws a duplicate ACK. At what time (ms) is seq=${lostSeq} sent again?`,
  fastRetxExplain: (at: number, rto: boolean, explain: string) =>
    rto
      ? `At t=${at} ms, when the retransmission timer fires: fewer than three duplicate ACKs came back, so fast retransmit could not start (RFC 5681 §3.2, RFC 6298). ${explain}`
      : `At t=${at} ms, when the third duplicate ACK arrives: fast retransmit (RFC 5681 §3.2 step 2) re-sends the first unacknowledged segment without waiting for the RTO. ${explain}`,
  hintWindow: 'The window is the free buffer space, but the receiver avoids offering small windows.',
  hintProbe: 'Look at the gaps between the probes so far.',
  hintCwnd: 'Slow start: cwnd grows by the data acknowledged, up to one SMSS per ACK.',
  hintSsthresh: 'RFC 5681 cuts ssthresh to half the data in flight; CUBIC uses its beta.',
  hintFastRetx: 'Count the duplicate ACKs: the third one triggers fast retransmit.',
};

const MODE_NAMES_EN = {
  mock: 'Mock interview',
  drill: 'Topic drill',
  review: 'Review',
  mistakes: 'Mistakes',
} as const;

const MODE_BLURBS_EN = {
  mock: 'N questions across topics, a timer, no hints, a report at the end',
  drill: 'choose topics; hints allowed; the explanation after each answer',
  review: 'the cards due now, then new ones (at most 20 a day)',
  mistakes: 'questions you got wrong, until answered right twice',
} as const;

const Q_EN = {
  correct: 'Correct',
  wrong: 'Not quite',
  timedOut: "Time's up",
  expected: 'Answer:',
  yourAnswer: 'You:',
  explanation: 'Why:',
  hint: (i: number, n: number) => `Hint ${i}/${n}:`,
  modelAnswer: 'Model answer:',
  keyPoints: 'Key points:',
  gradeYourself: 'How did you do?  1 Again  2 Hard  3 Good  4 Easy',
  thinkThenReveal: 'Answer out loud (or type notes), then press enter to reveal the model answer.',
  notes: 'Notes:',
  trueFalse: 't/f or y/n:',
  trueFalseHelp: 't/f, y/n or up/down, enter answers',
  typeAnswer: 'Answer:',
  unit: (u: string) => `(${u})`,
  orderHelp: 'space picks up/drops a step, up/down moves, enter submits',
  multiHelp: 'space toggles, enter submits',
  singleHelp: 'up/down or a letter, enter answers',
  invalid: { empty: 'No answer given.', 'not-a-number': 'That is not a number.', unit: 'Unknown unit.' } as Record<string, string>,
  secondsLeft: (s: number) => `${s}s left`,
  questionOf: (i: number, n: number) => `Question ${i}/${n}`,
  pressNext: 'enter: next',
  rating: ['', 'Again', 'Hard', 'Good', 'Easy'],
  /** A grade button's next interval (see intervalParts): `<1m`, `10m`, `5h`, `4d`, `1.5mo`, `2y`. */
  interval: (n: number, unit: 'min' | 'h' | 'd' | 'mo' | 'y', under: boolean) =>
    `${under ? '<' : ''}${n}${{ min: 'm', h: 'h', d: 'd', mo: 'mo', y: 'y' }[unit]}`,
  /** The self-grade line with each grade's next interval: `1 Again <1m · 2 Hard 6m · ...`. */
  gradeWithIntervals: (intervals: string[]) =>
    `How did you do?  ${intervals.map((iv, i) => `${i + 1} ${['Again', 'Hard', 'Good', 'Easy'][i]} ${iv}`).join(' · ')}`,
  undoKey: { keys: 'u', label: 'undo', help: 'Undo the last grade and grade the card again' },
  confirmFinish: (left: number) => `Finish the mock interview? ${left} question${left === 1 ? '' : 's'} not answered yet count as skipped.`,
  confirmYes: { keys: 'y/Enter', label: 'finish', help: 'Finish the mock interview now and see the report' },
  confirmNo: { keys: 'n/Esc', label: 'keep going', help: 'Go back to the question' },
  diagramSteps: (n: number) => `(diagram: first ${n} events)`,
  truthy: 'true',
  falsy: 'false',
};

const REPORT_EN = {
  score: (c: number, t: number, pct: number) => `Score: ${c}/${t} (${pct}%)`,
  skipped: (n: number) => `${n} not reached`,
  time: (total: string, avg: string) => `Time: ${total} total, ${avg} per question`,
  perQuestion: 'Per question:',
  weakest: 'Reread:',
  weakLine: (topic: string, pct: number, lessonId: string, title?: string) => `${topic} (${pct}%) -> lesson ${title ? `"${title}" (${lessonId})` : lessonId}`,
  allGood: 'No weak topics this time.',
  dueNow: (n: number) => `${n} card${n === 1 ? '' : 's'} due now`,
  nextDue: (when: string) => `next review: ${when}`,
  nothingDue: 'nothing scheduled',
  empty: 'No questions matched: try other topics, or answer some first.',
  timedOut: 'timed out',
  hints: (n: number) => `${n} hint${n === 1 ? '' : 's'}`,
  /** The first line: the title, the score, and how many were not reached (when any). */
  headline: (score: string, skipped: string | null) => `Report: ${score}${skipped ? `, ${skipped}` : ''}`,
  /** What a question's line ends with: timed out, hints, the self-rating. */
  extras: (parts: readonly string[]) => `  (${parts.join(', ')})`,
  /** The per-topic line: each topic with its accuracy. */
  topicLine: (parts: readonly { topic: string; pct: number }[]) => `Per topic: ${parts.map((p) => `${p.topic} ${p.pct}%`).join(', ')}`,
  /** The last line: cards due now, then the next review. */
  dueLine: (now: string, next: string) => `${now}; ${next}`,
  /** A duration: under a minute in seconds with a tenth, else minutes and seconds. */
  seconds: (s: string) => `${s}s`,
  minutes: (m: number, s: string) => `${m}m${s}s`,
  /** When the next review is due, from now. */
  inMinutes: (n: number) => `in ${n} min`,
  inHours: (n: number) => `in ${n} h`,
  inDays: (n: number) => `in ${n} day${n === 1 ? '' : 's'}`,
};

const MENU_EN = {
  title: 'Interview prep',
  /** The screen's title during a session: the mode after the menu's title. */
  titleWithMode: (mode: string) => `Interview prep: ${mode}`,
  topics: 'Topics (space toggles, none = all):',
  count: (n: number) => `Questions: ${n}  (-/+ to change)`,
  time: (s: number | null) => `Timer: ${s ? `${s}s per question` : 'off'}  ([/] to change)`,
  start: 'enter: start',
  /** The review line says what Enter will do: the due cards, then new ones (the day's allowance). */
  reviewPlan: (due: number, fresh: number) =>
    due > 0
      ? `${due} due${fresh > 0 ? ` · then ${fresh} new` : ''}`
      : fresh > 0
        ? `nothing due; ${fresh} new card${fresh === 1 ? '' : 's'}`
        : 'nothing due, no new cards left today',
};

const STATS_EN = {
  title: 'Stats',
  totals: (answers: number, correct: number, pct: number) => `Answers: ${answers}   correct: ${correct} (${pct}%)`,
  cards: (total: number, n: number, l: number, r: number, rl: number) => `Cards: ${total}  (new ${n}, learning ${l}, review ${r}, relearning ${rl})`,
  mistakes: (n: number) => `Mistakes shelf: ${n}`,
  perTopic: 'Per topic (accuracy per week, oldest -> this week):',
  /** The per-topic table's header: `weeks` are the week labels, each already right-aligned in 7 columns. */
  topicHeader: (weeks: string[]) => `  ${'topic'.padEnd(20)}${weeks.join('')}   all`,
  /** A week's column label: this week, or how many weeks ago. */
  weekLabel: (ago: number) => (ago === 0 ? 'now' : `-${ago}w`),
  due: 'Due in the next 7 days:',
  dayLabels: ['today', '+1d', '+2d', '+3d', '+4d', '+5d', '+6d'],
  streak: (n: number) => `Streak: ${n} day${n === 1 ? '' : 's'}`,
  streakOff: "Streak: off (turn it on with 'synack stats --streak on')",
  none: 'No answers yet: try `synack quiz`.',
};

const WORKSHEET_EN = {
  title: (n: number, seed: number) => `synack worksheet: ${n} question${n === 1 ? '' : 's'} (seed ${seed})`,
  answerKey: 'Answer key',
  topics: (t: string) => `[${t}]`,
  trueFalse: '(true or false)',
  order: 'Put in order:',
  multi: '(choose all that apply)',
  numeric: (unit?: string) => (unit ? `(number, in ${unit})` : '(number)'),
  text: '(short answer)',
  recall: '(answer out loud, then check the key points)',
  script: 'Scenario script (run it with `synack diagram -`):',
  upTo: (n: number) => (n < 0 ? '(the question is about the moment before the first event)' : `(the question is about the moment after event #${n})`),
  diagram: 'Diagram so far:',
  keyPoints: 'Key points:',
  lesson: (id: string) => `Reread: ${id}`,
};

const CLI_EN = {
  badTopic: (t: string, all: string) => `unknown topic '${t}'. Topics: ${all}`,
  noQuestions: 'No questions match those options.',
  lessonsProblem: (n: number) => `(${n} lesson file${n === 1 ? '' : 's'} failed to load; run 'synack check')`,
};

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
const GEN_ZH: Translation<typeof GEN_EN> = {
  numberPrompt: (kind, who, flags, len, isnC, isnS) =>
    `客户端 ISN = ${isnC}，服务器 ISN = ${isnS}。时序图停在${who}发送下一个报文段之前：${flags}${len > 0 ? `，携带 ${len} 字节数据` : ''}。它携带的${kind === 'ack' ? '确认号（ack）' : '序号（seq）'}是多少？`,
  numberExplain: (kind, value, explain) => `${kind === 'ack' ? 'ack' : 'seq'} = ${value}。${explain}`,
  statePrompt: (who, scenario) => `在这次 ${scenario} 运行中，${who}现在（时序图结束时）处于什么状态？`,
  stateExplain: (who, state, last) => `${who}处于 ${state}。${last ? last : ''}`,
  nextSegmentPrompt: (who, scenario) => `在这次 ${scenario} 运行中，时序图末尾少了一个报文段：它由${who}接着发送。是哪个报文段？`,
  retransmitPrompt: (who, what, sentAt) => `${who}在 t=${sentAt} ms 发送的${what}丢失了。它会在什么时刻（ms）重传？`,
  retransmitExplain: (at, sentAt, explain) =>
    `它在 t=${at} ms 重传，比原报文段晚 ${at - sentAt} ms，这时重传计时器超时。${explain}`,
  role: (r) => ({ client: '客户端', server: '服务器' })[r] ?? r,
  dataSegment: '数据报文段',
  hintAck: '确认号是期望收到的下一个序号；SYN 或 FIN 各占一个序号。',
  hintSeq: '从 ISN 开始数：SYN 占一个序号，之后每个数据字节和 FIN 各占一个。',
  hintState: '在时序图中跟踪这台主机的状态变化：它最后发送或收到的是哪个报文段？',
  hintNext: '谁还有数据要发送，或者还有报文段要确认？',
  hintRetransmit: '重传计时器在报文段发出时启动；初始 RTO 是一个固定值。',
  windowPrompt: (buffer, mss, read) =>
    `服务器的接收缓冲区为 ${buffer} 字节（MSS ${mss}），应用程序一直没有读取，窗口已经关闭。现在应用程序读取了 ${read} 字节。服务器下一个报文段通告的窗口（win=）是多少？`,
  windowExplain: (win, buffer, read, unread, explain) =>
    `win=${win}。通告的窗口是 ${buffer} 字节缓冲区中的空闲空间${unread !== null ? `（读取 ${read} 字节之前有 ${unread} 字节未读）` : ''}，但接收方的糊涂窗口避免（RFC 9293 §3.8.6.2.2）只有在窗口能增大 min(缓冲区/2, MSS) 时才打开窗口，并且窗口从不收缩。${explain}`,
  probePrompt: (last, n) =>
    `服务器通告零窗口，客户端的坚持定时器在探测它。第 ${n} 个零窗口探测在 t=${last} ms 发出，得到的回答是 win=0。下一个探测在什么时刻（ms）发出？`,
  probeExplain: (at, gap, prevGap, explain) =>
    `在 t=${at} ms，距上一个探测 ${gap} ms${prevGap !== null ? `（之前的间隔是 ${prevGap} ms）` : ''}：窗口一直关闭时，坚持定时器按指数退避（RFC 9293 §3.8.6.1；Linux 从 RTO 开始每次加倍，见 tcp_probe_timer）。${explain}`,
  cwndPrompt: (algo, iw, mss, k) =>
    `一次批量传输（MSS ${mss}，${algo}）从慢启动开始，初始窗口为 ${iw} 字节，没有丢包。${k} 个往返之后，发送方的 cwnd 是多少字节？`,
  cwndExplain: (cwnd, iw, k, rfc) =>
    `cwnd = ${cwnd}。慢启动中每个确认新数据的 ACK 最多使 cwnd 增加一个 SMSS（RFC 5681 §3.1${rfc ? '，按 RFC 3465 按字节计数：每个 ACK 最多 2*SMSS' : '；Linux 按整段计数'}），所以 cwnd 从 ${iw} 起每个往返大约增加被确认的数据量；有延迟 ACK（每两个报文段一个 ACK）时，按 RFC 5681 的每 ACK 规则，每个往返的增长不到一倍。${k} 个往返之后，模型中的发送方为 ${cwnd}。`,
  ssthreshPrompt: (algo, cwnd, flight, mss) =>
    `发送方（${algo}，MSS ${mss}）在第三个重复 ACK 到达时 cwnd = ${cwnd}，FlightSize = ${flight} 字节。ssthresh 变为多少字节？`,
  ssthreshExplain: (ssthresh, rule) => `ssthresh = ${ssthresh}。${rule}`,
  ruleReno: (flight, mss) => `RFC 5681 §3.2 第 2 步（公式 4）：ssthresh = max(FlightSize / 2, 2*SMSS) = max(${flight} / 2, ${2 * mss})。`,
  ruleRenoLinux: (cwnd, mss) =>
    `Linux 的 Reno（tcp_reno_ssthresh）减半的是 cwnd 而不是 FlightSize（RFC 5681 公式 4 用的是 FlightSize），按整段计算：max(${Math.round(cwnd / mss)} 段 / 2 向下取整, 2) 段，每段 ${mss} 字节。`,
  ruleCubic: (from, beta, linux, mss) =>
    linux
      ? `CUBIC 按 beta 缩小 cwnd（RFC 9438 §4.6 规定 0.7；Linux 的 bictcp_recalc_ssthresh 用 717/1024），按整段计算：${Math.round(from / mss)} 段 * 717/1024 向下取整，至少 2 段，每段 ${mss} 字节。`
      : `CUBIC（RFC 9438 §4.6）把 FlightSize 乘以 beta_cubic = ${beta}：ssthresh = ${from} * ${beta}（至少 2*SMSS）。`,
  fastRetxPrompt: (lostSeq, sentAt) =>
    `在 t=${sentAt} ms 发送的数据报文段 seq=${lostSeq} 丢失了；它后面的报文段到达，每个都引出一个重复 ACK。seq=${lostSeq} 在什么时刻（ms）重传？`,
  fastRetxExplain: (at, rto, explain) =>
    rto
      ? `在 t=${at} ms，重传计时器超时的时候：回来的重复 ACK 不到三个，无法启动快速重传（RFC 5681 §3.2，RFC 6298）。${explain}`
      : `在 t=${at} ms，第三个重复 ACK 到达的时候：快速重传（RFC 5681 §3.2 第 2 步）不等 RTO 超时，立即重传第一个未确认的报文段。${explain}`,
  hintWindow: '窗口是缓冲区的空闲空间，但接收方会避免通告很小的窗口。',
  hintProbe: '看一看目前各个探测之间的间隔。',
  hintCwnd: '慢启动：cwnd 按被确认的数据增长，每个 ACK 最多一个 SMSS。',
  hintSsthresh: 'RFC 5681 把 ssthresh 降为在途数据的一半；CUBIC 用它的 beta。',
  hintFastRetx: '数一数重复 ACK：第三个重复 ACK 触发快速重传。',
};

const MODE_NAMES_ZH: Translation<typeof MODE_NAMES_EN> = {
  mock: '模拟面试',
  drill: '专题练习',
  review: '到期复习',
  mistakes: '错题本',
};

const MODE_BLURBS_ZH: Translation<typeof MODE_BLURBS_EN> = {
  mock: '跨主题 N 道题，计时，无提示，结束时给出报告',
  drill: '自选主题；可以看提示；每题答完后给出解析',
  review: '现在到期的卡片，再加上新卡片（每天最多 20 张）',
  mistakes: '答错过的题，直到连续答对两次',
};

const Q_ZH: Translation<typeof Q_EN> = {
  correct: '正确',
  wrong: '不太对',
  timedOut: '时间到',
  expected: '答案：',
  yourAnswer: '你的答案：',
  explanation: '解析：',
  hint: (i, n) => `提示 ${i}/${n}：`,
  modelAnswer: '参考答案：',
  keyPoints: '要点：',
  gradeYourself: '答得怎么样？  1 重来  2 困难  3 良好  4 简单',
  thinkThenReveal: '先大声说出答案（或记下要点），再按 Enter 显示参考答案。',
  notes: '笔记：',
  trueFalse: 't/f 或 y/n：',
  trueFalseHelp: 't/f、y/n 或 上/下，Enter 作答',
  typeAnswer: '答案：',
  unit: (u) => `（${u}）`,
  orderHelp: 'space 拿起/放下一个步骤，上/下 移动，Enter 提交',
  multiHelp: 'space 勾选，Enter 提交',
  singleHelp: '上/下 或按字母选择，Enter 作答',
  invalid: { empty: '没有输入答案。', 'not-a-number': '这不是一个数字。', unit: '无法识别的单位。' },
  secondsLeft: (s) => `剩余 ${s} 秒`,
  questionOf: (i, n) => `第 ${i}/${n} 题`,
  pressNext: 'Enter：下一题',
  rating: ['', '重来', '困难', '良好', '简单'],
  interval: (n, unit, under) => `${under ? '<' : ''}${n}${{ min: '分钟', h: '小时', d: '天', mo: '个月', y: '年' }[unit]}`,
  gradeWithIntervals: (intervals) =>
    `答得怎么样？  ${intervals.map((iv, i) => `${i + 1} ${['重来', '困难', '良好', '简单'][i]} ${iv}`).join(' · ')}`,
  undoKey: { keys: 'u', label: '撤销', help: '撤销上一次评分，重新评分' },
  confirmFinish: (left) => `结束模拟面试吗？还有 ${left} 道题未作答，将计为跳过。`,
  confirmYes: { keys: 'y/Enter', label: '结束', help: '现在结束模拟面试并查看报告' },
  confirmNo: { keys: 'n/Esc', label: '继续', help: '回到题目' },
  diagramSteps: (n) => `（时序图：前 ${n} 个事件）`,
  truthy: '对',
  falsy: '错',
};

const REPORT_ZH: Translation<typeof REPORT_EN> = {
  score: (c, t, pct) => `得分：${c}/${t}（${pct}%）`,
  skipped: (n) => `${n} 道未作答`,
  time: (total, avg) => `用时：共 ${total}，平均每题 ${avg}`,
  perQuestion: '各题情况：',
  weakest: '建议重读：',
  weakLine: (topic, pct, lessonId, title) => `${topic}（${pct}%）-> 课程 ${title ? `“${title}”（${lessonId}）` : lessonId}`,
  allGood: '这次没有薄弱主题。',
  dueNow: (n) => `现在有 ${n} 张卡片待复习`,
  nextDue: (when) => `下次复习：${when}`,
  nothingDue: '没有安排复习',
  empty: '没有符合条件的题目：换几个主题试试，或者先答一些题。',
  timedOut: '超时',
  hints: (n) => `用了 ${n} 条提示`,
  headline: (score, skipped) => `报告：${score}${skipped ? `，${skipped}` : ''}`,
  extras: (parts) => `  （${parts.join('，')}）`,
  topicLine: (parts) => `各主题情况：${parts.map((p) => `${p.topic} ${p.pct}%`).join('，')}`,
  dueLine: (now, next) => `${now}；${next}`,
  seconds: (s) => `${s} 秒`,
  minutes: (m, s) => `${m} 分 ${s} 秒`,
  inMinutes: (n) => `${n} 分钟后`,
  inHours: (n) => `${n} 小时后`,
  inDays: (n) => `${n} 天后`,
};

const MENU_ZH: Translation<typeof MENU_EN> = {
  title: '面试准备',
  titleWithMode: (mode) => `面试准备：${mode}`,
  topics: '主题（space 勾选，不选 = 全部）：',
  count: (n) => `题数：${n}  （-/+ 调整）`,
  time: (s) => `计时：${s ? `每题 ${s} 秒` : '关'}  （[/] 调整）`,
  start: 'Enter：开始',
  reviewPlan: (due, fresh) =>
    due > 0 ? `${due} 张到期${fresh > 0 ? ` · 再加 ${fresh} 张新卡片` : ''}` : fresh > 0 ? `没有到期的卡片；${fresh} 张新卡片` : '没有到期的卡片，今天的新卡片已用完',
};

const STATS_ZH: Translation<typeof STATS_EN> = {
  title: '统计',
  totals: (answers, correct, pct) => `作答：${answers}   正确：${correct}（${pct}%）`,
  cards: (total, n, l, r, rl) => `卡片：${total}  （新卡 ${n}，学习中 ${l}，复习 ${r}，重新学习 ${rl}）`,
  mistakes: (n) => `错题本：${n}`,
  perTopic: '各主题每周正确率（从早到近，最后一列是本周）：',
  topicHeader: (weeks) => `  主题${' '.repeat(16)}${weeks.join('')}   全部`,
  weekLabel: (ago) => (ago === 0 ? '本周' : `-${ago}周`),
  due: '未来 7 天待复习：',
  dayLabels: ['今天', '+1天', '+2天', '+3天', '+4天', '+5天', '+6天'],
  streak: (n) => `连续学习：${n} 天`,
  streakOff: "连续学习：未开启（用 'synack stats --streak on' 开启）",
  none: '还没有作答记录：试试 `synack quiz`。',
};

const WORKSHEET_ZH: Translation<typeof WORKSHEET_EN> = {
  title: (n, seed) => `synack 练习卷：${n} 道题（种子 ${seed}）`,
  answerKey: '答案',
  topics: (t) => `[${t}]`,
  trueFalse: '（判断对错）',
  order: '排出正确顺序：',
  multi: '（多选）',
  numeric: (unit) => (unit ? `（数字，单位 ${unit}）` : '（数字）'),
  text: '（简答）',
  recall: '（先说出答案，再对照要点）',
  script: '场景脚本（用 `synack diagram -` 运行）：',
  upTo: (n) => (n < 0 ? '（问的是第一个事件之前的时刻）' : `（问的是第 ${n} 号事件之后的时刻）`),
  diagram: '到此为止的时序图：',
  keyPoints: '要点：',
  lesson: (id) => `建议重读：${id}`,
};

const CLI_ZH: Translation<typeof CLI_EN> = {
  badTopic: (t, all) => `未知主题 '${t}'。可选主题：${all}`,
  noQuestions: '没有符合这些选项的题目。',
  lessonsProblem: (n) => `（${n} 个课程文件加载失败；请运行 'synack check'）`,
};

export const GEN = catalogue('quiz.GEN', { en: GEN_EN, 'zh-CN': GEN_ZH });
export const MODE_NAMES = catalogue('quiz.MODE_NAMES', { en: MODE_NAMES_EN, 'zh-CN': MODE_NAMES_ZH });
export const MODE_BLURBS = catalogue('quiz.MODE_BLURBS', { en: MODE_BLURBS_EN, 'zh-CN': MODE_BLURBS_ZH });
export const Q = catalogue('quiz.Q', { en: Q_EN, 'zh-CN': Q_ZH });
export const REPORT = catalogue('quiz.REPORT', { en: REPORT_EN, 'zh-CN': REPORT_ZH });
export const MENU = catalogue('quiz.MENU', { en: MENU_EN, 'zh-CN': MENU_ZH });
export const STATS = catalogue('quiz.STATS', { en: STATS_EN, 'zh-CN': STATS_ZH });
export const WORKSHEET = catalogue('quiz.WORKSHEET', { en: WORKSHEET_EN, 'zh-CN': WORKSHEET_ZH });
export const CLI = catalogue('quiz.CLI', { en: CLI_EN, 'zh-CN': CLI_ZH });
