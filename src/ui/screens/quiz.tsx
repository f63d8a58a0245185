/**
 * The interview-prep screen: mode menu -> session -> report. A ScreenDef (src/ui/screen.ts): pure
 * reducer, onKey mapping, a tick for the per-question timer; every recorded answer goes to the shell
 * as a `progress` command (recordAnswer: FSRS card, history, mistakes shelf).
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { UI } from '../strings.js';
import { keyUpdate, type AppContext, type KeyName, type ScreenDef, type ScreenRequest, type ShellCommand, type Update } from '../screen.js';
import { CMD, off, on, type Active } from '../bindings.js';
import {
  MODES,
  DEFAULTS,
  allowsHints,
  canUndo,
  currentQuestion,
  isReviewMode,
  initialQuizState,
  quizReduce,
  secondsLeft,
  selectQuestions,
  sessionOptions,
  showsExplanation,
  type Mode,
  type QuizAction,
  type QuizState,
  type QuestionResult,
} from '../../quiz/engine.js';
import { buildBank } from '../../quiz/bank.js';
import { defaultRunner } from '../../quiz/model.js';
import type { TcpRunner } from '../../quiz/generate.js';
import { questionDiagram } from '../../quiz/diagram.js';
import { dueIds, gradeIntervalLabels, newCardsLeft, recordAnswer, NEW_CARDS_PER_DAY } from '../../quiz/srs.js';
import { MENU, MODE_BLURBS, MODE_NAMES, Q } from '../../quiz/strings.js';
import { TOPICS, type Question, type Topic } from '../../quiz/types.js';
import { isTopic } from '../../quiz/topics.js';
import type { Progress } from '../../store/types.js';
import { glyphs, col, asciiMarker } from '../components/theme.js';
import { initQuestionUi, capturesText, questionBindings, questionInstruction, questionOnKey, questionOnPaste, questionReduce, responseOf, type QuestionUi, type QuestionUiAction } from '../quiz/question.js';
import { QuestionView } from '../quiz/QuestionView.js';
import { grade } from '../../quiz/grade.js';

/** The interview's question keys: hints unless a mock interview, and only while the question is
 *  asked (the engine takes no hint once a recall answer is revealed: no `h hint` row there either);
 *  Tab also shows a hint here. */
function keyOpts(mode: Parameters<typeof allowsHints>[0], phase: QuizState['phase'] = 'asking') {
  return { hints: allowsHints(mode) && phase === 'asking', tabHint: true };
}
import { ReportView } from '../quiz/ReportView.js';
import { padEndWidth } from '../../text/width.js';

export interface QuizMenu {
  cursor: number;
  topics: Topic[];
  count: number;
  /** Seconds per question, null = off, undefined = the selected mode's default (as on the CLI). */
  timeLimitSec?: number | null;
}

/** The timer a session of `mode` runs with: the menu's choice, else the mode's default (the CLI's rule). */
export function menuTimer(menu: QuizMenu, mode: Mode): number | null {
  return menu.timeLimitSec === undefined ? DEFAULTS[mode].timeLimitSec : menu.timeLimitSec;
}

export interface QuizScreenState {
  stage: 'menu' | 'session';
  menu: QuizMenu;
  /** Seed of the next session (each session after the first uses the next one). */
  seed: number;
  engine: QuizState;
  ui: QuestionUi | null;
  /** How many of engine.results were already sent to the shell as progress commands. */
  saved: number;
  /** Partial diagram of the current generated question. */
  diagram: string[];
  /** Generated questions per session (0 without the TCP model). */
  generated: number;
  /** The countdown value last shown (tick returns a new state when it changes). */
  shownSeconds?: number | null;
  /** The session index `ui` belongs to (a card graded Again comes back as the same question). */
  uiIndex?: number;
  /** A mock interview asks before Esc finishes it early ("Finish the mock interview?"). */
  confirmFinish?: boolean;
  /** When the countdown last moved on screen (see `observe`). */
  seenAt?: number;
}

/**
 * A gap longer than this since the countdown last moved (it moves every second while a timer runs)
 * is time the app did not run: stopped with Ctrl+Z until `fg`, or a machine asleep. That time is not
 * counted against the question: every way the screen hears of time (a tick, a key, a paste, the
 * `resume` after SIGCONT) first moves the deadline on by it, so a learner back from `fg` finds the
 * seconds they had left, not "Time's up" recorded as a wrong answer.
 */
export const STOP_GAP_MS = 3000;

export function observe(s: QuizScreenState, now: number): QuizScreenState {
  const e = s.engine;
  if (s.stage !== 'session' || e.phase !== 'asking' || e.deadline === null) return s;
  const seen = Math.max(s.seenAt ?? 0, e.startedAt);
  const gap = now - seen;
  if (gap <= STOP_GAP_MS) return s;
  // The countdown ran for up to a second after it last moved: that second counts.
  const lost = gap - 1000;
  return { ...s, seenAt: now, engine: { ...e, deadline: e.deadline + lost, startedAt: e.startedAt + lost } };
}

type Inner =
  | { type: 'menu-move'; delta: number }
  | { type: 'menu-toggle' }
  | { type: 'menu-count'; delta: number }
  | { type: 'menu-time'; delta: number }
  | { type: 'start'; mode: Mode; now: number }
  | { type: 'ui'; action: QuestionUiAction }
  | { type: 'engine'; action: QuizAction }
  | { type: 'menu' }
  | { type: 'confirm-finish'; on: boolean }
  | { type: 'noop' };


/** The timer's choices (seconds per question; null = off), in the menu and the home screen's setting. */
export const TIME_STEPS: readonly (number | null)[] = [null, 15, 30, 45, 60, 90, 120, 180, 300];

/** Test/integration hook: the TCP model used for generated questions (defaults to src/tcp). */
let runner: TcpRunner | undefined = defaultRunner;
export function setQuizRunner(r: TcpRunner | undefined): void {
  runner = r;
}

function readOptions(o: Record<string, unknown>): { mode?: Mode; topics: Topic[]; count?: number; timeLimitSec?: number | null; seed?: number } {
  const mode = typeof o.mode === 'string' && (MODES as readonly string[]).includes(o.mode) ? (o.mode as Mode) : undefined;
  const topics = Array.isArray(o.topics) ? (o.topics.filter((t) => typeof t === 'string' && isTopic(t)) as Topic[]) : [];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);
  const out: ReturnType<typeof readOptions> = { mode, topics };
  if (num(o.count)) out.count = num(o.count);
  if (o.timeLimitSec === null) out.timeLimitSec = null;
  else if (num(o.timeLimitSec) !== undefined) out.timeLimitSec = num(o.timeLimitSec) || null;
  if (num(o.seed) !== undefined) out.seed = num(o.seed);
  return out;
}

/** Body rows of the partial diagram shown with a generated question (the last ones): what the
 *  screen height leaves after the prompt, the choices and the verdict. */
function diagramRows(height: number): number {
  return Math.max(2, Math.min(7, height - 16));
}

function diagramFor(q: Question | null, ctx: AppContext): string[] {
  if (!q?.diagram || !runner) return [];
  return questionDiagram(q.diagram.source, q.diagram.upTo, runner, { width: Math.min(ctx.width, 76), ascii: ctx.ascii, maxRows: diagramRows(ctx.height), showStates: q.diagram.showStates }) ?? [];
}

function withQuestion(s: QuizScreenState, ctx: AppContext): QuizScreenState {
  const q = currentQuestion(s.engine);
  if (!q) return { ...s, ui: null, diagram: [] };
  if (s.ui && s.ui.questionId === q.id && (s.uiIndex ?? s.engine.index) === s.engine.index) return s;
  return { ...s, ui: initQuestionUi(q, s.engine.options.seed), uiIndex: s.engine.index, diagram: diagramFor(q, ctx) };
}

function startSession(s: QuizScreenState, mode: Mode, now: number, progress: Progress, ctx: AppContext): QuizScreenState {
  const count = s.menu.count;
  // null is "off" (--time 0 or the menu's off): never replaced by a default.
  const timeLimitSec = menuTimer(s.menu, mode);
  const bank = buildBank({ lessons: ctx.lessons, seed: s.seed, topics: s.menu.topics, generated: runner ? s.generated : 0, progress, now, run: runner });
  const engine = quizReduce(initialQuizState(progress), {
    type: 'start',
    // Review: the due cards, then new ones up to the day's allowance (settings.newPerDay).
    options: { mode, seed: s.seed, topics: s.menu.topics, count, timeLimitSec, newCards: mode === 'review' ? newCardsLeft(progress, now, progress.settings.newPerDay ?? NEW_CARDS_PER_DAY) : 0 },
    bank,
    progress,
    now,
  });
  return withQuestion({ ...s, stage: 'session', engine, ui: null, saved: 0, seed: (s.seed + 1) >>> 0 }, ctx);
}

function menuItems(): number {
  return MODES.length + TOPICS.length;
}

function reduceInner(s: QuizScreenState, a: Inner, ctx: AppContext): QuizScreenState {
  switch (a.type) {
    case 'menu-move':
      return { ...s, menu: { ...s.menu, cursor: Math.max(0, Math.min(menuItems() - 1, s.menu.cursor + a.delta)) } };
    case 'menu-toggle': {
      const t = TOPICS[s.menu.cursor - MODES.length];
      if (!t) return s;
      const topics = s.menu.topics.includes(t) ? s.menu.topics.filter((x) => x !== t) : [...s.menu.topics, t];
      return { ...s, menu: { ...s.menu, topics } };
    }
    case 'menu-count':
      return { ...s, menu: { ...s.menu, count: Math.max(1, Math.min(50, s.menu.count + a.delta)) } };
    case 'menu-time': {
      const mode = MODES[Math.min(s.menu.cursor, MODES.length - 1)] ?? 'mock';
      const i = Math.max(0, TIME_STEPS.indexOf(menuTimer(s.menu, s.menu.cursor < MODES.length ? mode : 'mock')));
      return { ...s, menu: { ...s.menu, timeLimitSec: TIME_STEPS[Math.max(0, Math.min(TIME_STEPS.length - 1, i + a.delta))] } };
    }
    case 'start':
      return startSession(s, a.mode, a.now, ctx.progress, ctx);
    case 'ui': {
      const q = currentQuestion(s.engine);
      if (!q || !s.ui) return s;
      return { ...s, ui: questionReduce(q, s.ui, a.action) };
    }
    case 'engine': {
      const engine = quizReduce(s.engine, a.action);
      let next: QuizScreenState = { ...s, engine, confirmFinish: false };
      if (a.action.type === 'reveal' && next.ui) next = { ...next, ui: { ...next.ui, revealed: true } };
      return withQuestion(next, ctx);
    }
    case 'menu':
      return { ...s, stage: 'menu', engine: initialQuizState(ctx.progress), ui: null, saved: 0, diagram: [], confirmFinish: false };
    case 'confirm-finish':
      return { ...s, confirmFinish: a.on };
    case 'noop':
      return s;
  }
}

/** 1 while the last result is held back from the shell because it can still be undone. */
function held(s: QuizScreenState): number {
  return s.stage === 'session' && canUndo(s.engine) ? 1 : 0;
}

/** Every result not saved yet (the grade held back for undo included), as progress commands. */
function saveHeld(s: QuizScreenState): Update<QuizScreenState> {
  return [
    s.saved === s.engine.results.length ? s : { ...s, saved: s.engine.results.length },
    s.engine.results.slice(s.saved).map((r) => progressCommand(r, s.engine.options.mode)),
  ];
}

function progressCommand(r: QuestionResult, mode: Mode): ShellCommand {
  return {
    cmd: 'progress',
    update: (p: Progress) => recordAnswer(p, { questionId: r.questionId, correct: r.correct, rating: r.rating, ms: r.ms, topics: r.topics, mode }, r.at),
  };
}

/**
 * One step of the screen: the next state and a progress command for every result recorded by it
 * (answers, and a timeout a tick recorded), so progress is saved when the state changes; only the
 * last grade waits while it can still be undone (`u`), and goes with the next step.
 */
function step(s: QuizScreenState, inner: Inner, ctx: AppContext): Update<QuizScreenState> {
  const [next, commands] = flush(s, reduceInner(s, inner, ctx));
  // A timer chosen in the menu is remembered (settings.mockTimeSec, 0 = off).
  if (inner.type === 'menu-time' && next.menu.timeLimitSec !== s.menu.timeLimitSec) {
    const sec = next.menu.timeLimitSec ?? 0;
    commands.push({ cmd: 'progress', update: (p: Progress) => (p.settings.mockTimeSec === sec ? p : { ...p, settings: { ...p.settings, mockTimeSec: sec } }) });
  }
  return [next, commands];
}

function flush(s: QuizScreenState, after: QuizScreenState): Update<QuizScreenState> {
  const toMenu = after.stage === 'menu' && after.engine !== s.engine;
  const toSave = toMenu ? s.engine.results.slice(s.saved) : after.engine.results.slice(s.saved, after.engine.results.length - held(after));
  const commands = toSave.map((r) => progressCommand(r, s.engine.options.mode));
  const saved = Math.max(0, after.engine.results.length - held(after));
  return [after.saved === saved ? after : { ...after, saved }, commands];
}

function innerForKey(s: QuizScreenState, key: KeyName, ctx: AppContext): Inner | null {
  if (s.stage === 'menu') {
    if (key === 'up' || key === 'k') return { type: 'menu-move', delta: -1 };
    if (key === 'down' || key === 'j') return { type: 'menu-move', delta: 1 };
    if (key === '-') return { type: 'menu-count', delta: -1 };
    if (key === '+' || key === '=') return { type: 'menu-count', delta: 1 };
    if (key === '[') return { type: 'menu-time', delta: -1 };
    if (key === ']') return { type: 'menu-time', delta: 1 };
    if (key === 'space') return { type: 'menu-toggle' };
    if (key === 'enter') {
      const mode = MODES[s.menu.cursor];
      return mode ? { type: 'start', mode, now: ctx.now } : { type: 'menu-toggle' };
    }
    return null;
  }
  const e = s.engine;
  // q from the report goes back to the interview menu too (not out of the interview).
  if (e.phase === 'done') return key === 'enter' || key === 'q' ? { type: 'menu' } : null;
  // "Finish the mock interview?": y / Enter finishes, n / Esc keeps going; other keys do nothing.
  if (s.confirmFinish) {
    if (key === 'y' || key === 'enter') return { type: 'engine', action: { type: 'finish', now: ctx.now } };
    if (key === 'n' || key === 'escape') return { type: 'confirm-finish', on: false };
    return { type: 'noop' };
  }
  const finishKey = (): Inner =>
    e.options.mode === 'mock' && e.results.length < e.questions.length ? { type: 'confirm-finish', on: true } : { type: 'engine', action: { type: 'finish', now: ctx.now } };
  if (e.phase === 'answered') {
    if (key === 'enter' || key === 'space' || key === 'n') return { type: 'engine', action: { type: 'next', now: ctx.now } };
    if (key === Q.undoKey.keys && canUndo(e)) return { type: 'engine', action: { type: 'undo' } };
    if (key === 'escape') return finishKey();
    return null;
  }
  const q = currentQuestion(e);
  if (!q || !s.ui) return null;
  if (key === 'escape') return finishKey();
  // The timer may have run out between ticks: the key then records the timeout.
  if (e.deadline !== null && ctx.now >= e.deadline && e.phase === 'asking') return { type: 'engine', action: { type: 'timeout', now: ctx.now } };
  const ui = questionOnKey(q, { ...s.ui, revealed: e.phase === 'revealed', hintsShown: e.hintsShown }, key, keyOpts(e.options.mode, e.phase));
  if (!ui) return null;
  switch (ui.type) {
    case 'hint':
      return { type: 'engine', action: { type: 'hint' } };
    case 'reveal':
      return { type: 'engine', action: { type: 'reveal', now: ctx.now } };
    case 'self-grade':
      return { type: 'engine', action: { type: 'grade', grade: ui.grade, now: ctx.now } };
    case 'submit': {
      const r = responseOf(q, s.ui);
      // Input that is not an answer (empty, not a number) is refused in the UI, never sent as an attempt.
      if (r && grade(q, r).invalid) return { type: 'ui', action: ui };
      return r ? { type: 'engine', action: { type: 'answer', response: r, now: ctx.now } } : null;
    }
    default:
      return { type: 'ui', action: ui };
  }
}

/** The menu timer saved with the settings (0 = off), or undefined (then each mode's default). */
function savedTimer(p: Progress): number | null | undefined {
  const t = p.settings.mockTimeSec;
  return t === undefined ? undefined : t === 0 ? null : t;
}

function quizKey(s0: QuizScreenState, key: KeyName, ctx: AppContext): Update<QuizScreenState> {
  const s = observe(s0, ctx.now);
  const inner = innerForKey(s, key, ctx);
  return inner ? step(s, inner, ctx) : [s, []];
}

const QUESTION_IDS = ['question.move', 'question.pick', 'question.toggle', 'question.grab', 'question.answer', 'question.type', 'question.backspace', 'question.reveal', 'question.grade', 'question.hint'];

const keys = keyUpdate<QuizScreenState>(
  {
    ...Object.fromEntries(
      [CMD.qmMove, CMD.qmStart, CMD.qmTopic, CMD.qmCount, CMD.qmTimer, CMD.quizNext, CMD.quizUndo, CMD.quizFinish, CMD.quizReportMenu, CMD.quizConfirmYes, CMD.quizConfirmNo].map((c) => [c.id, quizKey]),
    ),
    ...Object.fromEntries(QUESTION_IDS.map((id) => [id, quizKey])),
    // Leaving: a grade held back for undo is saved first.
    [CMD.quizLeave.id]: (s) => {
      const [state, commands] = saveHeld(s);
      return [state, [...commands, { cmd: 'pop' }]];
    },
  },
  (s0, msg, ctx) => {
    switch (msg.type) {
      case 'tick': {
        const now = msg.now;
        const s = observe(s0, now);
        const e = s.engine;
        if (s.stage !== 'session' || e.phase !== 'asking' || e.deadline === null) return [s, []];
        // A timeout is recorded and saved at once (not at the next key press).
        if (now >= e.deadline) return flush(s, withQuestion({ ...s, engine: quizReduce(e, { type: 'timeout', now }) }, ctx));
        // A new object once per displayed second, so the shell re-renders the countdown.
        const sec = secondsLeft(e, now);
        return [sec === s.shownSeconds ? s : { ...s, shownSeconds: sec, seenAt: now }, []];
      }
      // Back from a stop (or from a screen above): the time away is not counted (see observe).
      case 'resume':
        return [observe(s0, ctx.now), []];
      // The app is ending (Ctrl+C, a signal): the grade held back for undo is saved too.
      case 'quit':
        return saveHeld(s0);
      case 'paste': {
        const s = observe(s0, ctx.now);
        const q = currentQuestion(s.engine);
        if (s.stage !== 'session' || !q || !s.ui || s.engine.phase === 'answered' || s.confirmFinish) return [s, []];
        const a = questionOnPaste(q, s.ui, msg.text);
        return a ? step(s, { type: 'ui', action: a }, ctx) : [s, []];
      }
      default:
        return [s0, []];
    }
  },
);

/** The screen's keymap: the menu's rows, a question's own rows (src/ui/quiz/question.ts), next/undo/finish. */
export function quizKeymap(s: QuizScreenState): Active[] {
  if (s.stage === 'menu') return [on(CMD.qmMove), on(CMD.qmStart), on(CMD.qmTopic), on(CMD.qmCount), on(CMD.qmTimer)];
  const e = s.engine;
  if (e.phase === 'done') return [on(CMD.quizReportMenu)];
  if (s.confirmFinish) return [on(CMD.quizConfirmYes), on(CMD.quizConfirmNo)];
  if (e.phase === 'answered') return [on(CMD.quizNext), ...(canUndo(e) ? [on(CMD.quizUndo)] : []), on(CMD.quizFinish), off(CMD.quizLeave)];
  const q = currentQuestion(e);
  const own = q && s.ui ? questionBindings(q, { ...s.ui, revealed: e.phase === 'revealed', hintsShown: e.hintsShown }, keyOpts(e.options.mode, e.phase)) : [];
  return [...own.map((b) => ({ cmd: b.command, footer: b.footer !== false })), on(CMD.quizFinish), off(CMD.quizLeave)];
}

export const quizScreen: ScreenDef<QuizScreenState> = {
  id: 'quiz',
  init(request: ScreenRequest, ctx: AppContext): QuizScreenState {
    const o = readOptions(request.screen === 'quiz' ? request.options : {});
    const mode = o.mode;
    const count = o.count ?? DEFAULTS[mode ?? 'mock'].count;
    const base: QuizScreenState = {
      stage: 'menu',
      // The timer: the options' (the CLI's --time), else the one last chosen in the menu (saved).
      menu: { cursor: 0, topics: o.topics, count, timeLimitSec: o.timeLimitSec !== undefined ? o.timeLimitSec : savedTimer(ctx.progress) },
      seed: (o.seed ?? ctx.now) >>> 0,
      engine: initialQuizState(ctx.progress),
      ui: null,
      saved: 0,
      diagram: [],
      generated: Math.max(1, Math.round(count / 3)),
    };
    return mode ? startSession(base, mode, ctx.now, ctx.progress, ctx) : base;
  },
  keymap: (s) => quizKeymap(s),
  update: keys.update,
  handles: keys.handles,
  animating(s) {
    return s.stage === 'session' && s.engine.phase === 'asking' && s.engine.deadline !== null;
  },
  view(s, ctx) {
    const w = Math.max(20, ctx.width);
    if (s.stage === 'menu') return <MenuView s={s} ctx={ctx} />;
    const e = s.engine;
    if (e.phase === 'done' && e.report) {
      const titles: Record<string, string> = {};
      for (const l of ctx.lessons) titles[l.meta.id] = l.meta.title;
      return <ReportView report={e.report} width={w} height={ctx.height} ascii={ctx.ascii} color={ctx.color} now={ctx.now} lessonTitles={titles} />;
    }
    const q = currentQuestion(e);
    if (!q || !s.ui) return <Text>{Q.pressNext}</Text>;
    const last = e.phase === 'answered' ? e.results[e.results.length - 1] : null;
    return (
      <Box flexDirection="column" height={ctx.height} overflow="hidden">
      {s.confirmFinish ? (
        <Text bold color={col(ctx.color, 'yellow')} wrap="wrap">
          {Q.confirmFinish(e.questions.length - e.results.length)}
        </Text>
      ) : null}
      <QuestionView
        question={q}
        ui={s.ui}
        width={w}
        ascii={ctx.ascii}
        color={ctx.color}
        hintsShown={e.hintsShown}
        revealed={e.phase === 'revealed' || e.phase === 'answered'}
        result={last ? { correct: last.correct, expected: last.expected, invalid: last.invalid, timedOut: last.timedOut, response: last.response } : null}
        showExplanation={showsExplanation(e.options.mode)}
        header={`${Q.questionOf(e.index + 1, e.questions.length)}  ${q.topics.join(', ')}`}
        secondsLeft={secondsLeft(e, ctx.now)}
        diagramLines={s.diagram}
        gradeLine={isReviewMode(e.options.mode) && e.phase === 'revealed' ? Q.gradeWithIntervals(gradeIntervalLabels(e.progress.cards[q.id], ctx.now)) : undefined}
        instruction={e.phase === 'asking' ? questionInstruction(questionBindings(q, { ...s.ui, revealed: false, hintsShown: e.hintsShown }, keyOpts(e.options.mode))) : undefined}
      />
      </Box>
    );
  },
  title(s) {
    return s.stage === 'menu' ? MENU.title : MENU.titleWithMode(MODE_NAMES[s.engine.options.mode]);
  },
};

type MenuLine = { key: string; node: ReactNode; cursor?: boolean };

const planMemo = new WeakMap<Progress, Map<string, { due: number; fresh: number }>>();

/**
 * What "Review" will ask now, as the session would pick it (selectQuestions on the same bank,
 * the menu's count and topics, the day's new-card allowance): the due cards, then new ones. Due
 * cards of generated questions (rebuilt from the model when the session starts) count when no topic
 * filter is on.
 */
export function reviewPlan(ctx: AppContext, menu: QuizMenu): { due: number; fresh: number } {
  const key = `${menu.count}|${menu.topics.join(',')}|${Math.floor(ctx.now / 60_000)}|${ctx.lessons.length}`;
  let m = planMemo.get(ctx.progress);
  const hit = m?.get(key);
  if (hit) return hit;
  const p = ctx.progress;
  const bank = buildBank({ lessons: ctx.lessons, seed: 0, topics: menu.topics, generated: 0, progress: p, now: ctx.now });
  const newCards = newCardsLeft(p, ctx.now, p.settings.newPerDay ?? NEW_CARDS_PER_DAY);
  const picked = selectQuestions(sessionOptions({ mode: 'review', seed: 0, topics: menu.topics, count: menu.count, newCards }), bank, p, ctx.now);
  const genDue = menu.topics.length ? 0 : dueIds(p, ctx.now).filter((id) => id.startsWith('gen/')).length;
  const dueStatic = picked.filter((q) => p.cards[q.id] !== undefined).length;
  const due = Math.min(menu.count, dueStatic + genDue);
  const fresh = Math.min(picked.length - dueStatic, Math.max(0, menu.count - due));
  const plan = { due, fresh };
  if (!m) planMemo.set(p, (m = new Map()));
  m.set(key, plan);
  return plan;
}

function MenuView({ s, ctx }: { s: QuizScreenState; ctx: AppContext }) {
  const g = glyphs(ctx.ascii);
  const cols = ctx.width >= 72 ? 3 : 2;
  const colW = Math.floor((ctx.width - 2) / cols);
  const rows: Topic[][] = [];
  TOPICS.forEach((t, i) => {
    const r = Math.floor(i / cols);
    (rows[r] ??= []).push(t);
  });
  const lines: MenuLine[] = [];
  const review = reviewPlan(ctx, s.menu);
  MODES.forEach((m, i) =>
    lines.push({
      key: m,
      cursor: s.menu.cursor === i,
      node: (
        <Text inverse={s.menu.cursor === i && ctx.color} wrap="truncate">
          {s.menu.cursor === i ? g.pointer : ' '} {padEndWidth(MODE_NAMES[m], 15)}{' '}
          <Text dimColor>{m === 'review' ? MENU.reviewPlan(review.due, review.fresh) : MODE_BLURBS[m]}</Text>
        </Text>
      ),
    }),
  );
  lines.push({ key: 'gap1', node: <Text> </Text> });
  lines.push({ key: 'topics', node: <Text dimColor wrap="truncate">{MENU.topics}</Text> });
  rows.forEach((r, ri) => {
    const first = MODES.length + ri * cols;
    lines.push({
      key: `t${ri}`,
      cursor: s.menu.cursor >= first && s.menu.cursor < first + r.length,
      node: (
        <Text wrap="truncate">
          {r
            .map((t, ci) => {
              const cur = s.menu.cursor === first + ci;
              const on = s.menu.topics.includes(t);
              return `${cur ? g.pointer : ' '}[${on ? 'x' : ' '}] ${t}`.padEnd(colW);
            })
            .join('')}
        </Text>
      ),
    });
  });
  lines.push({ key: 'gap2', node: <Text> </Text> });
  lines.push({ key: 'count', node: <Text wrap="truncate">{MENU.count(s.menu.count)}</Text> });
  lines.push({ key: 'time', node: <Text wrap="truncate">{MENU.time(menuTimer(s.menu, MODES[s.menu.cursor] ?? 'mock'))}</Text> });
  lines.push({ key: 'start', node: <Text color={col(ctx.color, 'cyan')} wrap="truncate">{MENU.start}</Text> });
  // Taller than the screen: a window that keeps the cursor's row in view, with a marker for what is
  // above and below (never a silently dropped row).
  const h = Math.max(3, ctx.height);
  let shown = lines;
  let above = 0;
  let below = 0;
  if (lines.length > h) {
    const cur = Math.max(0, lines.findIndex((l) => l.cursor));
    const room = h - 2;
    let start = Math.max(0, Math.min(cur - Math.floor(room / 2), lines.length - room));
    if (start === 1) start = 0;
    above = start;
    shown = lines.slice(start, start + room + (start === 0 ? 1 : 0));
    below = lines.length - start - shown.length;
  }
  return (
    <Box flexDirection="column" width={ctx.width}>
      {above > 0 ? <Text dimColor wrap="truncate">{asciiMarker(UI.moreAbove(above), ctx.ascii)}</Text> : null}
      {shown.map((l) => (
        <Box key={l.key} width={ctx.width}>
          {l.node}
        </Box>
      ))}
      {below > 0 ? <Text dimColor wrap="truncate">{asciiMarker(UI.moreBelow(below), ctx.ascii)}</Text> : null}
    </Box>
  );
}
