/**
 * Merging two copies of progress (pure: `now` is passed in).
 *
 * Used for every save (this process's copy merged into what is on disk, so two synack processes
 * never overwrite each other's answers) and for `synack progress --import`.
 *
 * The rules, field by field:
 * - history: the union, one entry per (question, time); sorted by time; trimmed to HISTORY_LIMIT by
 *   dropping entries dated in the future first, then the oldest.
 * - cards: per question id, the card whose last review is the latest one not in the future (a card
 *   reviewed "in the future" comes from a wrong clock or a hand-edited file and never wins).
 * - lessons: per lesson id, the furthest reading, done if either is done, the position of the most
 *   recently opened copy, and per question the FIRST answer (the earliest date not in the future:
 *   the first attempt is the one that counts, a retry never replaces it).
 * - courses (the `--lessons DIR` courses' progress, one namespace per course root): each course by
 *   these same rules; a course only one side has is kept.
 * - mistakes, settings, last and any other field (including fields added later to the schema):
 *   3-way by key. A key this side changed since `base` (the copy it started from) takes this side's
 *   value, deletion included; otherwise the other side's value is kept. Without a base, a key this
 *   side has wins and keys only the other side has are kept. Arrays of unknown fields are unioned.
 */
import { emptyProgress, type AnswerRecord, type CardRecord, type CourseProgress, type LessonProgress, type Progress } from './types.js';

export const HISTORY_LIMIT = 5000;

/** What a merge changed in `other` (the counts `progress --import` prints). */
export interface MergeReport {
  /** History entries that were only in `mine`. */
  newAnswers: number;
  /** Cards added or replaced by `mine`'s card. */
  cardsTaken: number;
  /** Cards of `mine` that lost because their last review is dated in the future. */
  futureCardsIgnored: number;
  /** Lessons added or updated. */
  lessonsUpdated: number;
  /** History entries dropped by the HISTORY_LIMIT trim. */
  trimmed: number;
}

type Rec = Record<string, unknown>;

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A record without a prototype, so a key named `__proto__` is an ordinary key. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => own(b, k) && deepEqual((a as Rec)[k], (b as Rec)[k]));
}

/** A date's time when it is valid and not after `now`; otherwise -Infinity (it never wins). */
function trusted(at: string | undefined, now: number): number {
  if (!at) return -Infinity;
  const t = Date.parse(at);
  return Number.isNaN(t) || t > now ? -Infinity : t;
}

/** Whether an answer dated `a` came before one dated `b`: an untrusted date (future, invalid)
 *  never comes first; a trusted one beats an untrusted one. */
function firstFirst(a: string, b: string, now: number): boolean {
  const ta = trusted(a, now);
  const tb = trusted(b, now);
  if (ta === -Infinity) return false;
  return tb === -Infinity || ta < tb;
}

function historyKey(h: AnswerRecord): string {
  return `${h.questionId}\u0000${h.at}`;
}

/** Sorted by time; over the limit, entries dated in the future go first, then the oldest. */
export function trimHistory(history: AnswerRecord[], now: number, limit = HISTORY_LIMIT): AnswerRecord[] {
  const sorted = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (sorted.length <= limit) return sorted;
  let excess = sorted.length - limit;
  const future = new Set<AnswerRecord>();
  for (let i = sorted.length - 1; i >= 0 && excess > 0; i--) {
    if (trusted(sorted[i]!.at, now) === -Infinity) {
      future.add(sorted[i]!);
      excess--;
    }
  }
  const kept = sorted.filter((h) => !future.has(h));
  return kept.slice(kept.length - limit);
}

function mergeCard(other: CardRecord | undefined, mine: CardRecord | undefined, now: number): { card: CardRecord | undefined; taken: boolean; future: boolean } {
  if (!mine) return { card: other, taken: false, future: false };
  if (!other) return { card: mine, taken: true, future: false };
  const tm = trusted(mine.last_review, now);
  const to = trusted(other.last_review, now);
  const mineFuture = mine.last_review !== undefined && tm === -Infinity;
  if (tm > to) return { card: mine, taken: true, future: false };
  return { card: other, taken: false, future: mineFuture && !deepEqual(mine, other) };
}

function mergeLesson(other: LessonProgress | undefined, mine: LessonProgress | undefined, now: number, mineWinsTie: boolean): LessonProgress | undefined {
  if (!mine) return other;
  if (!other) return mine;
  const answers = record<LessonProgress['answers'][string]>();
  for (const [k, v] of Object.entries(other.answers)) answers[k] = v;
  // The FIRST answer counts (a later one is practice): mine wins only with an earlier date that
  // is trusted (not in the future, valid); on a tie the other side's stays.
  for (const [k, v] of Object.entries(mine.answers)) {
    const o = answers[k];
    if (!o || firstFirst(v.at, o.at, now)) answers[k] = v;
  }
  const tm = trusted(mine.lastOpened, now);
  const to = trusted(other.lastOpened, now);
  const mineLater = tm > to || (tm === to && mineWinsTie);
  const later = mineLater ? mine : other;
  // Fields added to the schema later: taken from the more recently opened copy.
  return {
    ...(mineLater ? other : mine),
    ...later,
    position: later.position,
    lastOpened: later.lastOpened,
    furthest: Math.max(mine.furthest, other.furthest),
    done: mine.done || other.done,
    answers,
  };
}

/** Whether `mine` changed key `k` of a record since `base` (no base: whenever it has the key). */
type Changed = (k: string) => boolean;

/**
 * What `mine` is merged against: the copy it started from (3-way), or no copy, and then either
 * side wins for the keys it has ('mine-wins' for saves, 'other-wins' for imports).
 */
export type Base<T> = T | 'mine-wins' | 'other-wins';

function changedFn(other: Rec | undefined, mine: Rec | undefined, base: Base<Rec | undefined>): Changed {
  if (base === 'mine-wins') return (k) => mine !== undefined && own(mine, k);
  if (base === 'other-wins') return (k) => other === undefined || !own(other, k);
  return (k) => !deepEqual(mine?.[k], base?.[k]);
}

/** 3-way merge of a record by key (mistakes, settings, new record fields). */
function mergeRecord(other: Rec | undefined, mine: Rec | undefined, base: Base<Rec | undefined>): Rec {
  const out: Rec = record();
  const changed = changedFn(other, mine, base);
  const keys = new Set([...Object.keys(other ?? {}), ...Object.keys(mine ?? {})]);
  for (const k of keys) {
    const src = changed(k) ? mine : other;
    if (src && own(src, k)) out[k] = src[k];
  }
  return out;
}

function isPlainRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any field the merge has no rule for: records by key, arrays as a union, scalars 3-way. */
function mergeUnknown(other: unknown, mine: unknown, base: Base<unknown>): unknown {
  if (Array.isArray(other) && Array.isArray(mine)) {
    const out = [...other];
    for (const x of mine) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  }
  if (isPlainRecord(other) && isPlainRecord(mine)) {
    const b = base === 'mine-wins' || base === 'other-wins' ? base : isPlainRecord(base) ? base : undefined;
    return mergeRecord(other, mine, b);
  }
  if (mine === undefined) return other;
  if (other === undefined) return mine;
  if (base === 'mine-wins') return mine;
  if (base === 'other-wins') return other;
  return deepEqual(mine, base) ? other : mine;
}

/**
 * Merges `mine` into `other`. `base` is the copy `mine` started from (the last one it saved or
 * loaded), or which side wins when none is known. `other` wins every tie of dates, so merging a
 * copy with itself is a no-op.
 */
export function merge(other: Progress, mine: Progress, base: Base<Progress>, now: number): { progress: Progress; report: MergeReport } {
  const report: MergeReport = { newAnswers: 0, cardsTaken: 0, futureCardsIgnored: 0, lessonsUpdated: 0, trimmed: 0 };

  const seen = new Set(other.history.map(historyKey));
  const history = [...other.history];
  for (const h of mine.history) {
    const k = historyKey(h);
    if (seen.has(k)) continue;
    seen.add(k);
    history.push(h);
    report.newAnswers++;
  }
  const trimmedHistory = trimHistory(history, now);
  report.trimmed = history.length - trimmedHistory.length;

  const cards = record<CardRecord>();
  for (const id of new Set([...Object.keys(other.cards), ...Object.keys(mine.cards)])) {
    const r = mergeCard(own(other.cards, id) ? other.cards[id] : undefined, own(mine.cards, id) ? mine.cards[id] : undefined, now);
    if (r.card) cards[id] = r.card;
    if (r.taken && !deepEqual(r.card, other.cards[id])) report.cardsTaken++;
    if (r.future) report.futureCardsIgnored++;
  }

  const lessons = record<LessonProgress>();
  const lessonChanged = changedFn(other.lessons, mine.lessons, typeof base === 'string' ? base : base.lessons);
  for (const id of new Set([...Object.keys(other.lessons), ...Object.keys(mine.lessons)])) {
    const o = own(other.lessons, id) ? other.lessons[id] : undefined;
    const l = mergeLesson(o, own(mine.lessons, id) ? mine.lessons[id] : undefined, now, lessonChanged(id));
    if (l) lessons[id] = l;
    if (l && !deepEqual(l, o)) report.lessonsUpdated++;
  }

  const top = changedFn(other as unknown as Rec, mine as unknown as Rec, base as Base<Rec>);
  const sub = (k: 'mistakes' | 'settings'): Base<Rec> => (typeof base === 'string' ? base : (base[k] as Rec));
  const out: Rec = {
    ...(other as unknown as Rec),
    version: other.version,
    lessons,
    last: top('last') ? mine.last : other.last,
    cards,
    history: trimmedHistory,
    mistakes: mergeRecord(other.mistakes, mine.mistakes, sub('mistakes')),
    settings: mergeRecord(other.settings as unknown as Rec, mine.settings as unknown as Rec, sub('settings')),
  };
  const courses = mergeCourses(other.courses, mine.courses, base, now);
  if (courses) out.courses = courses;
  else delete out.courses;
  const known = new Set(['version', 'lessons', 'last', 'cards', 'history', 'mistakes', 'settings', 'courses']);
  for (const k of new Set([...Object.keys(other), ...Object.keys(mine)])) {
    if (known.has(k)) continue;
    const v = mergeUnknown((other as unknown as Rec)[k], (mine as unknown as Rec)[k], typeof base === 'string' ? base : (base as unknown as Rec)[k]);
    if (v !== undefined) out[k] = v;
  }
  return { progress: out as unknown as Progress, report };
}

const COURSE_FIELDS = ['lessons', 'last', 'cards', 'history', 'mistakes'] as const;

/** A course's progress as a Progress (the bundled course's settings), to merge or show it. */
export function courseAsProgress(c: CourseProgress | undefined, settings: Progress['settings']): Progress {
  const p = emptyProgress();
  if (c) for (const k of COURSE_FIELDS) (p as unknown as Rec)[k] = c[k];
  p.settings = settings;
  return p;
}

/** The course fields of a Progress. */
export function progressAsCourse(p: Progress): CourseProgress {
  return { lessons: p.lessons, last: p.last, cards: p.cards, history: p.history, mistakes: p.mistakes };
}

function mergeCourses(
  other: Progress['courses'],
  mine: Progress['courses'],
  base: Base<Progress>,
  now: number,
): Record<string, CourseProgress> | undefined {
  if (!other && !mine) return undefined;
  const out = record<CourseProgress>();
  const o = other ?? {};
  const m = mine ?? {};
  const settings = emptyProgress().settings;
  for (const key of new Set([...Object.keys(o), ...Object.keys(m)])) {
    const oc = own(o, key) ? o[key] : undefined;
    const mc = own(m, key) ? m[key] : undefined;
    if (!oc || !mc) {
      out[key] = (oc ?? mc)!;
      continue;
    }
    const bc = typeof base === 'string' ? base : courseAsProgress(base.courses && own(base.courses, key) ? base.courses[key] : undefined, settings);
    out[key] = progressAsCourse(merge(courseAsProgress(oc, settings), courseAsProgress(mc, settings), bc, now).progress);
  }
  return out;
}
