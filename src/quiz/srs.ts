/**
 * Spaced repetition with ts-fsrs (FSRS-6). Every question is a card keyed by its stable id. Pure
 * functions over Progress; the clock is always a parameter.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { AnswerRecord, CardRecord, Progress } from '../store/types.js';
import type { QuestionType } from './types.js';
import type { DayOf } from './days.js';
import { Q } from './strings.js';

export { Rating, State };
export type RatingValue = 1 | 2 | 3 | 4;
export type SelfGrade = 'again' | 'hard' | 'good' | 'easy';
export const SELF_GRADES: readonly SelfGrade[] = ['again', 'hard', 'good', 'easy'];
export const GRADE_RATING: Record<SelfGrade, RatingValue> = { again: 1, hard: 2, good: 3, easy: 4 };

export const HISTORY_LIMIT = 5000;
/** Right answers in a row that take a question off the mistakes shelf. */
export const MISTAKE_CLEAR_STREAK = 2;

export interface SchedulerOptions {
  /** Interval fuzz (deterministic in ts-fsrs, seeded from the card). Default true; tests pass false. */
  fuzz?: boolean;
}

const schedulers = new Map<boolean, FSRS>();
export function scheduler(opts: SchedulerOptions = {}): FSRS {
  const fuzz = opts.fuzz ?? true;
  let f = schedulers.get(fuzz);
  if (!f) {
    f = fsrs(generatorParameters({ enable_fuzz: fuzz, enable_short_term: true }));
    schedulers.set(fuzz, f);
  }
  return f;
}

export function toDate(now: number | Date): Date {
  return now instanceof Date ? now : new Date(now);
}

export function cardToRecord(card: Card): CardRecord {
  const rec: CardRecord = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) rec.last_review = card.last_review.toISOString();
  return rec;
}

export function recordToCard(rec: CardRecord): Card {
  const card: Card = {
    due: new Date(rec.due),
    stability: rec.stability,
    difficulty: rec.difficulty,
    elapsed_days: rec.elapsed_days,
    scheduled_days: rec.scheduled_days,
    learning_steps: rec.learning_steps,
    reps: rec.reps,
    lapses: rec.lapses,
    state: rec.state as State,
  };
  if (rec.last_review) card.last_review = new Date(rec.last_review);
  return card;
}

export function newCard(now: number | Date): CardRecord {
  return cardToRecord(createEmptyCard(toDate(now)));
}

/** Schedules one review of a card (a new card when `rec` is undefined). */
export function reviewCard(rec: CardRecord | undefined, rating: RatingValue, now: number | Date, opts?: SchedulerOptions): CardRecord {
  const d = toDate(now);
  const card = rec ? recordToCard(rec) : createEmptyCard(d);
  return cardToRecord(scheduler(opts).next(card, d, rating as Grade).card);
}

export interface RatingInput {
  type: QuestionType;
  correct: boolean;
  ms: number;
  hintsUsed: number;
  /** The recall question's self-grade (used as is). */
  selfGrade?: SelfGrade;
  /** Per-question time limit, when the session is timed. */
  timeLimitMs?: number | null;
}

/** How long a right answer may take and still count as fast / not yet slow, per type (ms). */
const PACE: Record<QuestionType, { fast: number; slow: number }> = {
  single: { fast: 8000, slow: 40000 },
  multi: { fast: 12000, slow: 60000 },
  truefalse: { fast: 5000, slow: 30000 },
  order: { fast: 15000, slow: 75000 },
  numeric: { fast: 12000, slow: 60000 },
  text: { fast: 10000, slow: 50000 },
  recall: { fast: 30000, slow: 180000 },
};

/**
 * wrong -> Again; right but slow or after a hint -> Hard; right -> Good; right and fast -> Easy.
 * Recall questions use the learner's own grade. With a time limit, "fast" is the first quarter of
 * it and "slow" the last quarter.
 */
export function ratingFor(x: RatingInput): RatingValue {
  if (x.type === 'recall' && x.selfGrade) return GRADE_RATING[x.selfGrade];
  if (!x.correct) return 1;
  if (x.hintsUsed > 0) return 2;
  const pace = x.timeLimitMs ? { fast: x.timeLimitMs * 0.25, slow: x.timeLimitMs * 0.75 } : PACE[x.type];
  if (x.ms > pace.slow) return 2;
  if (x.ms <= pace.fast) return 4;
  return 3;
}

export interface AnswerInput {
  questionId: string;
  correct: boolean;
  rating: RatingValue;
  ms: number;
  topics: string[];
  mode: AnswerRecord['mode'];
}

/** The mistakes shelf: a wrong answer puts a question on it (count 0); each right answer counts up;
 *  MISTAKE_CLEAR_STREAK right answers in a row take it off. */
export function updateMistakes(shelf: Record<string, number>, id: string, correct: boolean): Record<string, number> {
  const out = { ...shelf };
  if (!correct) out[id] = 0;
  else if (id in out) {
    const n = out[id] + 1;
    if (n >= MISTAKE_CLEAR_STREAK) delete out[id];
    else out[id] = n;
  }
  return out;
}

/** Records one answer: reviews its card, appends to the history (trimmed), updates the mistakes shelf. */
export function recordAnswer(p: Progress, a: AnswerInput, now: number, opts?: SchedulerOptions): Progress {
  const at = toDate(now).toISOString();
  const rec: AnswerRecord = { questionId: a.questionId, at, correct: a.correct, rating: a.rating, ms: Math.max(0, Math.round(a.ms)), topics: a.topics, mode: a.mode };
  const history = [...p.history, rec];
  return {
    ...p,
    cards: { ...p.cards, [a.questionId]: reviewCard(p.cards[a.questionId], a.rating, now, opts) },
    history: history.length > HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT) : history,
    mistakes: updateMistakes(p.mistakes, a.questionId, a.correct),
  };
}

/** Ids of the cards due at `now`, most overdue first. */
export function dueIds(p: Progress, now: number): string[] {
  return Object.entries(p.cards)
    .filter(([, c]) => Date.parse(c.due) <= now)
    .sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due) || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

/** Ids on the mistakes shelf. */
export function mistakeIds(p: Progress): string[] {
  return Object.keys(p.mistakes).sort();
}

/** Cards due in each of the next `days` days: [0] = due by the end of today (incl. overdue), in the learner's days (`dayOf`, see days.ts). */
export function dueForecast(p: Progress, now: number, days: number, dayOf: DayOf): number[] {
  const out = new Array<number>(days).fill(0);
  const today = dayOf(now);
  for (const c of Object.values(p.cards)) {
    const d = Math.max(0, dayOf(Date.parse(c.due)) - today);
    if (d < days) out[d]++;
  }
  return out;
}

/** The next due date after `now` (ISO), or null. */
export function nextDue(p: Progress, now: number): string | null {
  let best: number | null = null;
  for (const c of Object.values(p.cards)) {
    const t = Date.parse(c.due);
    if (t > now && (best === null || t < best)) best = t;
  }
  return best === null ? null : new Date(best).toISOString();
}

/** New cards a review session may introduce per day, unless the settings say otherwise (settings.newPerDay). */
export const NEW_CARDS_PER_DAY = 20;
const DAY_MS = 86_400_000;

/**
 * How many new cards review may still introduce: `perDay` minus the cards whose first answer ever
 * was given in a review session in the last 24 hours (a rolling day, so no time zone is needed).
 */
export function newCardsLeft(p: Progress, now: number, perDay: number = NEW_CARDS_PER_DAY): number {
  const first = new Map<string, AnswerRecord>();
  for (const h of p.history) {
    const f = first.get(h.questionId);
    if (!f || Date.parse(h.at) < Date.parse(f.at)) first.set(h.questionId, h);
  }
  let introduced = 0;
  for (const h of first.values()) {
    const t = Date.parse(h.at);
    if (h.mode === 'review' && t <= now && t > now - DAY_MS) introduced++;
  }
  return Math.max(0, Math.floor(perDay) - introduced);
}

/** For each grade, how long until the card would be due again if graded so now (ms). */
export function previewIntervals(rec: CardRecord | undefined, now: number, opts?: SchedulerOptions): Record<RatingValue, number> {
  const d = toDate(now);
  const card = rec ? recordToCard(rec) : createEmptyCard(d);
  const log = scheduler(opts).repeat(card, d);
  const at = (r: Grade) => Math.max(0, log[r].card.due.getTime() - d.getTime());
  return { 1: at(Rating.Again), 2: at(Rating.Hard), 3: at(Rating.Good), 4: at(Rating.Easy) };
}

export type IntervalUnit = 'min' | 'h' | 'd' | 'mo' | 'y';

/**
 * An interval as the grade buttons show it: under a minute `<1 min`; minutes, hours and days
 * rounded; from 30 days months and from 365 days years, to one decimal.
 */
export function intervalParts(ms: number): { n: number; unit: IntervalUnit; under: boolean } {
  const min = ms / 60_000;
  if (min < 1) return { n: 1, unit: 'min', under: true };
  if (min < 60) return { n: Math.round(min), unit: 'min', under: false };
  const h = min / 60;
  if (h < 24) return { n: Math.round(h), unit: 'h', under: false };
  const days = h / 24;
  if (days < 30) return { n: Math.round(days), unit: 'd', under: false };
  if (days < 365) return { n: Math.round((days / 30) * 10) / 10, unit: 'mo', under: false };
  return { n: Math.round((days / 365) * 10) / 10, unit: 'y', under: false };
}

/** The four grade buttons' next intervals as the catalogue words them (Again, Hard, Good, Easy). */
export function gradeIntervalLabels(rec: CardRecord | undefined, now: number, opts?: SchedulerOptions): string[] {
  const iv = previewIntervals(rec, now, opts);
  return ([1, 2, 3, 4] as const).map((r) => {
    const p = intervalParts(iv[r]);
    return Q.interval(p.n, p.unit, p.under);
  });
}
