/**
 * The quiz session: a pure reducer over discriminated-union actions. The clock comes in with the
 * actions (`now`, ms since epoch); selection uses a seeded RNG.
 */
import type { Progress } from '../store/types.js';
import { grade as gradeResponse, expectedAnswer } from './grade.js';
import { makeRng } from './rng.js';
import { dueIds, mistakeIds, nextDue, ratingFor, recordAnswer, type RatingValue, type SchedulerOptions, type SelfGrade } from './srs.js';
import { lessonForTopic } from './topics.js';
import { TOPICS, type Question, type Response, type Topic } from './types.js';

export const MODES = ['mock', 'drill', 'review', 'mistakes'] as const;
export type Mode = (typeof MODES)[number];

export interface SessionOptions {
  mode: Mode;
  /** Empty: every topic. */
  topics: Topic[];
  count: number;
  /** Per-question time limit in seconds, or null for untimed. */
  timeLimitSec: number | null;
  seed: number;
  /**
   * Review mode: how many new cards (questions never answered) may join the due ones, the day's
   * allowance left (newCardsLeft); 0 (the default) reviews due cards only.
   */
  newCards: number;
}

export const DEFAULTS: Record<Mode, { count: number; timeLimitSec: number | null }> = {
  mock: { count: 10, timeLimitSec: 90 },
  drill: { count: 10, timeLimitSec: null },
  review: { count: 20, timeLimitSec: null },
  mistakes: { count: 20, timeLimitSec: null },
};

export function sessionOptions(o: Partial<SessionOptions> & { mode: Mode; seed: number }): SessionOptions {
  const d = DEFAULTS[o.mode];
  return {
    mode: o.mode,
    topics: o.topics ?? [],
    count: o.count ?? d.count,
    timeLimitSec: o.timeLimitSec === undefined ? d.timeLimitSec : o.timeLimitSec,
    seed: o.seed >>> 0,
    newCards: Math.max(0, Math.floor(o.newCards ?? 0)),
  };
}

/** Hints are for learning, not for the mock interview. */
export function allowsHints(mode: Mode): boolean {
  return mode !== 'mock';
}
/** The explanation is shown right after each answer except in a mock interview (it is in the report). */
export function showsExplanation(mode: Mode): boolean {
  return mode !== 'mock';
}

export interface QuestionResult {
  questionId: string;
  type: Question['type'];
  topics: Topic[];
  correct: boolean;
  /** Time to answer (for recall: to reveal), ms. */
  ms: number;
  hintsUsed: number;
  rating: RatingValue;
  timedOut: boolean;
  response: Response | null;
  expected: string;
  /** Why the response could not be read ("not-a-number", ...), if so. */
  invalid?: string;
  /** When it was answered (ms since epoch). */
  at: number;
}

export interface TopicScore {
  topic: Topic;
  correct: number;
  total: number;
  accuracy: number;
}

export interface WeakTopic extends TopicScore {
  lessonId: string;
}

export interface Report {
  mode: Mode;
  total: number;
  correct: number;
  /** 0..100, rounded. */
  percent: number;
  /** Questions not reached (the session was finished early). */
  skipped: number;
  totalMs: number;
  avgMs: number;
  questions: (QuestionResult & { prompt: string })[];
  topics: TopicScore[];
  /** Topics below 100 %, weakest first (at most 3), each with the lesson to reread. */
  weakest: WeakTopic[];
  /** Cards due now and the next due date after now (the per-day forecast is the stats screen's, in local days). */
  dueNow: number;
  nextDue: string | null;
}

export type Phase = 'idle' | 'asking' | 'revealed' | 'answered' | 'done';

export interface QuizState {
  phase: Phase;
  options: SessionOptions;
  questions: Question[];
  index: number;
  /** When the current question was shown. */
  startedAt: number;
  deadline: number | null;
  hintsShown: number;
  revealedAt: number | null;
  results: QuestionResult[];
  /** The learner's progress with this session's answers applied (for "what is due next"). */
  progress: Progress;
  report: Report | null;
  srs?: SchedulerOptions;
  /** Why the last answer was refused (not an answer: "not-a-number", ...): not counted, not recorded. */
  refused?: string | null;
  /** The state before the last grade, while it can be undone (review and mistakes, until `next`). */
  undo?: QuizState | null;
}

export type QuizAction =
  | {
      type: 'start';
      options: Partial<SessionOptions> & { mode: Mode; seed: number };
      bank: Question[];
      progress: Progress;
      now: number;
      srs?: SchedulerOptions;
    }
  | { type: 'answer'; response: Response; now: number }
  | { type: 'hint' }
  | { type: 'reveal'; now: number }
  | { type: 'grade'; grade: SelfGrade; now: number }
  | { type: 'timeout'; now: number }
  | { type: 'next'; now: number }
  | { type: 'undo' }
  | { type: 'finish'; now: number };

/** Times a card graded Again comes back in the same session (review and mistakes modes). */
export const MAX_AGAIN_REPEATS = 2;

/** Whether a mode brings cards graded Again back in the session and lets the last grade be undone. */
export function isReviewMode(mode: Mode): boolean {
  return mode === 'review' || mode === 'mistakes';
}

export function initialQuizState(progress: Progress): QuizState {
  return {
    phase: 'idle',
    options: sessionOptions({ mode: 'drill', seed: 0 }),
    questions: [],
    index: 0,
    startedAt: 0,
    deadline: null,
    hintsShown: 0,
    revealedAt: null,
    results: [],
    progress,
    report: null,
  };
}

function matchesTopics(q: Question, topics: readonly Topic[]): boolean {
  return topics.length === 0 || q.topics.some((t) => topics.includes(t));
}

/** Spreads questions across topics: one from each topic in turn (topics in shuffled order). */
function spreadByTopic(qs: Question[]): Question[] {
  const groups = new Map<string, Question[]>();
  for (const q of qs) {
    const k = q.topics[0] ?? '';
    const g = groups.get(k);
    if (g) g.push(q);
    else groups.set(k, [q]);
  }
  const out: Question[] = [];
  const lists = [...groups.values()];
  for (let i = 0; out.length < qs.length; i++) {
    for (const l of lists) if (i < l.length) out.push(l[i]);
  }
  return out;
}

/** Picks a session's questions from the bank. Deterministic for a given seed, bank and progress. */
export function selectQuestions(o: SessionOptions, bank: readonly Question[], progress: Progress, now: number): Question[] {
  const byId = new Map<string, Question>();
  for (const q of bank) if (!byId.has(q.id) && matchesTopics(q, o.topics)) byId.set(q.id, q);
  const rng = makeRng(o.seed);
  const count = Math.max(0, o.count);
  switch (o.mode) {
    case 'mock':
    case 'drill': {
      // Generated questions (fresh from the TCP model) get up to a quarter of the slots.
      const all = rng.shuffle([...byId.values()]);
      const gen = all.filter((q) => q.id.startsWith('gen/'));
      const rest = all.filter((q) => !q.id.startsWith('gen/'));
      const k = Math.min(gen.length, Math.max(rest.length >= count ? Math.ceil(count / 4) : count - rest.length, 0));
      const picked = [...gen.slice(0, k), ...spreadByTopic(rest).slice(0, count - k)];
      return spreadByTopic(rng.shuffle(picked)).slice(0, count);
    }
    case 'review': {
      const due = dueIds(progress, now)
        .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
        .slice(0, count);
      // Then new cards, up to the day's allowance: questions never answered, in a seeded order
      // (generated ones change with every session, so they never become cards here).
      const room = Math.min(o.newCards, count - due.length);
      if (room <= 0) return due;
      const fresh = rng.shuffle([...byId.values()].filter((q) => !q.id.startsWith('gen/') && progress.cards[q.id] === undefined));
      return [...due, ...spreadByTopic(fresh).slice(0, room)];
    }
    case 'mistakes':
      return rng.shuffle(mistakeIds(progress).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))).slice(0, count);
  }
}

export function currentQuestion(s: QuizState): Question | null {
  return s.phase === 'idle' || s.phase === 'done' ? null : (s.questions[s.index] ?? null);
}

export function lastResult(s: QuizState): QuestionResult | null {
  return s.phase === 'answered' ? (s.results[s.results.length - 1] ?? null) : null;
}

function ask(s: QuizState, index: number, now: number): QuizState {
  if (index >= s.questions.length) return finish(s, now);
  const limit = s.options.timeLimitSec;
  return { ...s, phase: 'asking', index, startedAt: now, deadline: limit ? now + limit * 1000 : null, hintsShown: 0, revealedAt: null, refused: null };
}

function record(s: QuizState, r0: Omit<QuestionResult, 'at'>, now: number): QuizState {
  const r: QuestionResult = { ...r0, at: now };
  const progress = recordAnswer(
    s.progress,
    { questionId: r.questionId, correct: r.correct, rating: r.rating, ms: r.ms, topics: r.topics, mode: s.options.mode },
    now,
    s.srs,
  );
  const review = isReviewMode(s.options.mode);
  // A card graded Again comes back at the end of this session (at most MAX_AGAIN_REPEATS times).
  let questions = s.questions;
  const q = s.questions[s.index];
  if (review && r.rating === 1 && q && s.questions.filter((x) => x.id === q.id).length <= MAX_AGAIN_REPEATS) questions = [...questions, q];
  return { ...s, phase: 'answered', results: [...s.results, r], progress, questions, refused: null, undo: review ? { ...s, undo: null } : null };
}

/** Whether the last grade can still be undone (`u`). */
export function canUndo(s: QuizState): boolean {
  return s.phase === 'answered' && !!s.undo;
}

/** The first result of each question: a card graded Again and asked again later counts once, by its first answer. */
export function firstResults(results: readonly QuestionResult[]): QuestionResult[] {
  const seen = new Set<string>();
  return results.filter((r) => (seen.has(r.questionId) ? false : (seen.add(r.questionId), true)));
}

function timedOutResult(s: QuizState, q: Question): Omit<QuestionResult, 'at'> {
  return {
    questionId: q.id,
    type: q.type,
    topics: q.topics,
    correct: false,
    ms: (s.deadline ?? s.startedAt) - s.startedAt,
    hintsUsed: s.hintsShown,
    rating: 1,
    timedOut: true,
    response: null,
    expected: expectedAnswer(q),
  };
}

export function buildReport(s: QuizState, now: number): Report {
  const byId = new Map(s.questions.map((q) => [q.id, q]));
  const results = firstResults(s.results);
  const questions = results.map((r) => ({ ...r, prompt: byId.get(r.questionId)?.prompt ?? r.questionId }));
  const correct = results.filter((r) => r.correct).length;
  const total = results.length;
  const totalMs = results.reduce((a, r) => a + r.ms, 0);
  const topics: TopicScore[] = [];
  for (const t of TOPICS) {
    const rs = results.filter((r) => r.topics.includes(t));
    if (rs.length === 0) continue;
    const c = rs.filter((r) => r.correct).length;
    topics.push({ topic: t, correct: c, total: rs.length, accuracy: c / rs.length });
  }
  const weakest = topics
    .filter((t) => t.accuracy < 1)
    .sort((a, b) => a.accuracy - b.accuracy || b.total - a.total || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic))
    .slice(0, 3)
    .map((t) => ({ ...t, lessonId: lessonForTopic(t.topic) }));
  return {
    mode: s.options.mode,
    total,
    correct,
    percent: total === 0 ? 0 : Math.round((correct / total) * 100),
    skipped: Math.max(0, new Set(s.questions.map((q) => q.id)).size - total),
    totalMs,
    avgMs: total === 0 ? 0 : Math.round(totalMs / total),
    questions,
    topics,
    weakest,
    dueNow: dueIds(s.progress, now).length,
    nextDue: nextDue(s.progress, now),
  };
}

function finish(s: QuizState, now: number): QuizState {
  return { ...s, phase: 'done', report: buildReport(s, now) };
}

export function quizReduce(s: QuizState, a: QuizAction): QuizState {
  if (a.type === 'start') {
    const options = sessionOptions(a.options);
    const questions = selectQuestions(options, a.bank, a.progress, a.now);
    const base: QuizState = { ...initialQuizState(a.progress), options, questions, srs: a.srs };
    return ask(base, 0, a.now);
  }
  const q = currentQuestion(s);
  switch (a.type) {
    case 'answer': {
      if (s.phase !== 'asking' || !q || q.type === 'recall') return s;
      if (s.deadline !== null && a.now >= s.deadline) return record(s, timedOutResult(s, q), a.now);
      const g = gradeResponse(q, a.response);
      // Input that is not an answer (empty, not a number, an unknown unit) is refused with its
      // reason: never recorded, never counted as an attempt.
      if (g.invalid) return { ...s, refused: g.invalid };
      const ms = Math.max(0, a.now - s.startedAt);
      const r: Omit<QuestionResult, 'at'> = {
        questionId: q.id,
        type: q.type,
        topics: q.topics,
        correct: g.correct,
        ms,
        hintsUsed: s.hintsShown,
        rating: ratingFor({ type: q.type, correct: g.correct, ms, hintsUsed: s.hintsShown, timeLimitMs: s.deadline === null ? null : s.deadline - s.startedAt }),
        timedOut: false,
        response: a.response,
        expected: g.expected,
      };
      return record(s, r, a.now);
    }
    case 'hint':
      if (s.phase !== 'asking' || !q || !allowsHints(s.options.mode) || s.hintsShown >= q.hints.length) return s;
      return { ...s, hintsShown: s.hintsShown + 1 };
    case 'reveal':
      if (s.phase !== 'asking' || !q || q.type !== 'recall') return s;
      if (s.deadline !== null && a.now >= s.deadline) return record(s, timedOutResult(s, q), a.now);
      return { ...s, phase: 'revealed', revealedAt: a.now };
    case 'grade': {
      if (s.phase !== 'revealed' || !q) return s;
      const ms = Math.max(0, (s.revealedAt ?? a.now) - s.startedAt);
      const correct = a.grade !== 'again';
      return record(
        s,
        {
          questionId: q.id,
          type: q.type,
          topics: q.topics,
          correct,
          ms,
          hintsUsed: s.hintsShown,
          rating: ratingFor({ type: 'recall', correct, ms, hintsUsed: s.hintsShown, selfGrade: a.grade }),
          timedOut: false,
          response: { type: 'recall', grade: a.grade },
          expected: expectedAnswer(q),
        },
        a.now,
      );
    }
    case 'timeout':
      if (s.phase !== 'asking' || !q || s.deadline === null || a.now < s.deadline) return s;
      return record(s, timedOutResult(s, q), a.now);
    case 'next':
      if (s.phase !== 'answered') return s;
      return ask({ ...s, undo: null }, s.index + 1, a.now);
    case 'undo':
      // Back to the question as it was before the grade (a recall card: revealed, to grade again).
      return canUndo(s) ? s.undo! : s;
    case 'finish':
      if (s.phase === 'idle' || s.phase === 'done') return s;
      return finish(s, a.now);
  }
}

/** Seconds left on the current question's timer (ceil), or null when untimed / not asking. */
export function secondsLeft(s: QuizState, now: number): number | null {
  if (s.deadline === null || s.phase !== 'asking') return null;
  return Math.max(0, Math.ceil((s.deadline - now) / 1000));
}
