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
  dataSegment: 'data segment',
  hintAck: 'The ack number is the next sequence number expected; a SYN or FIN counts as one byte.',
  hintSeq: 'Start from the ISN: the SYN uses one number, then every data byte and the FIN use one each.',
  hintState: 'Follow this host\'s state changes in the diagram: which segment did it last send or receive?',
  hintNext: 'Who has something left to send or acknowledge?',
  hintRetransmit: 'The retransmission timer starts when the segment is sent; the initial RTO is a fixed value.',
};

const MODE_NAMES_EN = {
  mock: 'Mock interview',
  drill: 'Topic drill',
  review: 'Review due',
  mistakes: 'Mistakes',
} as const;

const MODE_BLURBS_EN = {
  mock: 'N questions across topics, a timer, no hints, a report at the end',
  drill: 'choose topics; hints allowed; the explanation after each answer',
  review: 'the cards spaced repetition says are due now',
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
  diagramSteps: (n: number) => `(diagram: first ${n} events)`,
  truthy: 'true',
  falsy: 'false',
};

const REPORT_EN = {
  title: 'Report',
  score: (c: number, t: number, pct: number) => `Score: ${c}/${t} (${pct}%)`,
  skipped: (n: number) => `${n} not reached`,
  time: (total: string, avg: string) => `Time: ${total} total, ${avg} per question`,
  perQuestion: 'Per question:',
  perTopic: 'Per topic:',
  weakest: 'Reread:',
  weakLine: (topic: string, pct: number, lessonId: string, title?: string) => `${topic} (${pct}%) -> lesson ${title ? `"${title}" (${lessonId})` : lessonId}`,
  allGood: 'No weak topics this time.',
  dueNow: (n: number) => `${n} card${n === 1 ? '' : 's'} due now`,
  nextDue: (when: string) => `next review: ${when}`,
  nothingDue: 'nothing scheduled',
  empty: 'No questions matched: try other topics, or answer some first.',
  timedOut: 'timed out',
  hints: (n: number) => `${n} hint${n === 1 ? '' : 's'}`,
};

const MENU_EN = {
  title: 'Interview prep',
  topics: 'Topics (space toggles, none = all):',
  count: (n: number) => `Questions: ${n}  (-/+ to change)`,
  time: (s: number | null) => `Timer: ${s ? `${s}s per question` : 'off'}  ([/] to change)`,
  start: 'enter: start',
};

const STATS_EN = {
  title: 'Stats',
  totals: (answers: number, correct: number, pct: number) => `Answers: ${answers}   correct: ${correct} (${pct}%)`,
  cards: (total: number, n: number, l: number, r: number, rl: number) => `Cards: ${total}  (new ${n}, learning ${l}, review ${r}, relearning ${rl})`,
  mistakes: (n: number) => `Mistakes shelf: ${n}`,
  perTopic: 'Per topic (accuracy per week, oldest -> this week):',
  topicHeader: (weeks: string[]) => `  ${'topic'.padEnd(20)}${weeks.map((w) => w.padStart(7)).join('')}   all`,
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
// TODO(i18n step 2): translate.
const GEN_ZH: Translation<typeof GEN_EN> = GEN_EN;
// TODO(i18n step 2): translate.
const MODE_NAMES_ZH: Translation<typeof MODE_NAMES_EN> = MODE_NAMES_EN;
// TODO(i18n step 2): translate.
const MODE_BLURBS_ZH: Translation<typeof MODE_BLURBS_EN> = MODE_BLURBS_EN;
// TODO(i18n step 2): translate.
const Q_ZH: Translation<typeof Q_EN> = Q_EN;
// TODO(i18n step 2): translate.
const REPORT_ZH: Translation<typeof REPORT_EN> = REPORT_EN;
// TODO(i18n step 2): translate.
const MENU_ZH: Translation<typeof MENU_EN> = MENU_EN;
// TODO(i18n step 2): translate.
const STATS_ZH: Translation<typeof STATS_EN> = STATS_EN;
// TODO(i18n step 2): translate.
const WORKSHEET_ZH: Translation<typeof WORKSHEET_EN> = WORKSHEET_EN;
// TODO(i18n step 2): translate.
const CLI_ZH: Translation<typeof CLI_EN> = CLI_EN;

export const GEN = catalogue('quiz.GEN', { en: GEN_EN, 'zh-CN': GEN_ZH });
export const MODE_NAMES = catalogue('quiz.MODE_NAMES', { en: MODE_NAMES_EN, 'zh-CN': MODE_NAMES_ZH });
export const MODE_BLURBS = catalogue('quiz.MODE_BLURBS', { en: MODE_BLURBS_EN, 'zh-CN': MODE_BLURBS_ZH });
export const Q = catalogue('quiz.Q', { en: Q_EN, 'zh-CN': Q_ZH });
export const REPORT = catalogue('quiz.REPORT', { en: REPORT_EN, 'zh-CN': REPORT_ZH });
export const MENU = catalogue('quiz.MENU', { en: MENU_EN, 'zh-CN': MENU_ZH });
export const STATS = catalogue('quiz.STATS', { en: STATS_EN, 'zh-CN': STATS_ZH });
export const WORKSHEET = catalogue('quiz.WORKSHEET', { en: WORKSHEET_EN, 'zh-CN': WORKSHEET_ZH });
export const CLI = catalogue('quiz.CLI', { en: CLI_EN, 'zh-CN': CLI_ZH });
