/**
 * Saved progress on disk: the one place that reads and writes progress.json.
 *
 * - Validated with zod on load. A file that is not JSON, does not match the schema, or comes from
 *   a newer version of synack is never overwritten: it is renamed to
 *   `progress.json.corrupt-<time>` and reported once; a fresh progress starts.
 * - Every save merges with what is on disk (src/store/merge.ts) under a lock file
 *   (`progress.json.lock`, src/store/lock.ts): two synack processes on the same file never lose
 *   each other's answers.
 * - Written atomically (temp file `progress.json.tmp-<pid>-<n>` + fsync + rename), so a kill in the
 *   middle of a save leaves either the old or the new file, never a torn one; temp files left by a
 *   killed process are removed at the next start.
 * - Only a regular file is read (a FIFO or a device named progress.json is refused, never opened).
 * - A read-only directory is reported and the app runs on without saving.
 */
import {
  mkdirSync,
  readFileSync,
  linkSync,
  unlinkSync,
  renameSync,
  accessSync,
  constants,
  existsSync,
  statSync,
  openSync,
  writeSync,
  fsyncSync,
  closeSync,
  readdirSync,
  copyFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';
// zod/mini: the same validation and messages as zod's classic API in a tenth of the code (the
// progress file is read before the first frame; the classic API, 580 kB with every locale, would
// be compiled first). Its English messages are zod's own locale, set once here.
import {
  array,
  boolean,
  catch as orElse,
  config,
  discriminatedUnion,
  enum as oneOf,
  int,
  literal,
  maximum,
  maxLength,
  minimum,
  nullable,
  number,
  object,
  optional,
  record,
  refine,
  string,
  type ZodMiniType,
} from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { emptyProgress, type CourseProgress, type Progress } from './types.js';
import { STORE_STRINGS as S } from './strings.js';
import { errnoReason } from '../i18n/errno.js';
import { merge, courseAsProgress, progressAsCourse, HISTORY_LIMIT, trimHistory, type Base, type MergeReport } from './merge.js';
import { acquireLock, type LockOptions } from './lock.js';

export { HISTORY_LIMIT, type MergeReport };

export const PROGRESS_FILE = 'progress.json';
export const PROGRESS_VERSION = 1;

config(en());

// The message is read when a value fails (not at import), so it is in the language of that moment.
const iso = string().check(refine((s) => !Number.isNaN(Date.parse(s)), { error: () => S.notIsoDate }));
const index99 = int().check(minimum(0), maximum(99));
const text500 = string().check(maxLength(500));

/** The learner's answer to a lesson quiz (indices and text bounded like the quiz input: 500 characters). */
const response = discriminatedUnion('type', [
  object({ type: literal('single'), choice: index99 }),
  object({ type: literal('multi'), choices: array(index99).check(maxLength(100)) }),
  object({ type: literal('truefalse'), value: boolean() }),
  object({ type: literal('order'), order: array(index99).check(maxLength(100)) }),
  object({ type: literal('numeric'), text: text500 }),
  object({ type: literal('text'), text: text500 }),
  object({ type: literal('recall'), grade: oneOf(['again', 'hard', 'good', 'easy']) }),
]);

// A response this version cannot read (a later format) is dropped, not fatal: the answer still counts.
const lessonAnswer = object({ correct: boolean(), at: iso, response: orElse(optional(response), undefined) });
const count = int().check(minimum(0));
const mistakeCount = count;

const lessonProgress = object({
  position: count,
  furthest: number().check(minimum(0), maximum(1)),
  done: boolean(),
  answers: record(string(), lessonAnswer),
  lastOpened: iso,
});

const card = object({
  due: iso,
  stability: number(),
  difficulty: number(),
  elapsed_days: number(),
  scheduled_days: number(),
  learning_steps: number(),
  reps: count,
  lapses: count,
  state: int().check(minimum(0), maximum(3)),
  last_review: optional(iso),
});

const answer = object({
  questionId: string(),
  at: iso,
  correct: boolean(),
  rating: int().check(minimum(1), maximum(4)),
  ms: number().check(minimum(0)),
  topics: array(string()),
  mode: oneOf(['lesson', 'mock', 'drill', 'review', 'mistakes']),
});

const courseFields = {
  lessons: record(string(), lessonProgress),
  last: nullable(object({ lessonId: string(), position: count })),
  cards: record(string(), card),
  history: array(answer),
  mistakes: record(string(), mistakeCount),
};

export const progressSchema = object({
  version: literal(1),
  ...courseFields,
  settings: object({
    streak: boolean(),
    // The players' remembered seq mode (the `s` key); a file without it reads as absolute.
    relative: orElse(boolean(), false),
    lang: orElse(optional(oneOf(['en', 'zh-CN'])), undefined),
    mockTimeSec: orElse(optional(int().check(minimum(0), maximum(3600))), undefined),
    newPerDay: orElse(optional(int().check(minimum(0), maximum(1000))), undefined),
  }),
  courses: optional(record(string(), object(courseFields))),
});

/**
 * The progress of one course as the app uses it: the bundled course (`course` null) is the file's
 * top level; a `--lessons DIR` course (`course` = its root) is its namespace in `courses`, with the
 * shared settings. Pure.
 */
export function courseView(p: Progress, course: string | null): Progress {
  if (course === null) return p;
  return courseAsProgress(p.courses && Object.prototype.hasOwnProperty.call(p.courses, course) ? p.courses[course] : undefined, p.settings);
}

/** `full` with the course's progress replaced by `view` (and the settings by the view's). Pure. */
export function withCourse(full: Progress, course: string | null, view: Progress): Progress {
  if (course === null) return view;
  const courses = Object.assign(Object.create(null) as Record<string, CourseProgress>, full.courses ?? {});
  courses[course] = progressAsCourse(view);
  return { ...full, settings: view.settings, courses };
}

/** The namespace key of a course root: null for the bundled lessons, else its absolute path. */
export function courseKey(lessonsDir: string, bundledDir: string): string | null {
  const a = resolve(lessonsDir);
  return a === resolve(bundledDir) ? null : a;
}

/** The directory progress lives in: $SYNACK_HOME, else the OS data directory for "synack". */
export function progressDir(env: Record<string, string | undefined> = process.env): string {
  if (env.SYNACK_HOME) return env.SYNACK_HOME;
  return envPaths('synack', { suffix: '' }).data;
}

export interface LoadResult {
  progress: Progress;
  /** One message to show the learner (corrupt file kept aside, unreadable directory...). */
  warning: string | null;
  /** Where a corrupt file was moved, if it was. */
  keptAside: string | null;
  /** False when saves cannot work (read-only directory): the app runs on without saving. */
  writable: boolean;
}

type Validation = { ok: true; progress: Progress } | { ok: false; reason: string };

/** The JSON type of a value, in the catalogue's words. */
function typeName(v: unknown): string {
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  return S.typeNames[t] ?? t;
}

/** What a schema issue found, in the learner's language (zod's own words are English only). */
function issueText(zodIssue: { code: string; path: PropertyKey[]; message: string }, data: unknown): string {
  const issue = zodIssue as typeof zodIssue & Record<string, unknown>;
  let value: unknown = data;
  for (const k of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k] : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return S.missing;
      return S.expectedType(S.typeNames[String(issue.expected)] ?? String(issue.expected), typeName(value));
    case 'too_small':
      return S.atLeast(String(issue.minimum));
    case 'too_big':
      return S.atMost(String(issue.maximum));
    case 'invalid_value': {
      const values = (issue.values as unknown[]).map((v) => JSON.stringify(v));
      return values.length === 1 ? S.mustBe(values[0]) : S.oneOf(values.join(', '));
    }
    case 'unrecognized_keys':
      return S.unknownKeys((issue.keys as string[]).join(', '));
    case 'custom':
      return issue.message; // our own refinements' messages come from the catalogue
    default:
      return S.invalidValue;
  }
}

/** Parses and validates progress JSON text (pure). */
export function parseProgress(text: string): Validation {
  if (text.trim() === '') return { ok: false, reason: S.empty };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: S.notJson((e as Error).message) };
  }
  if (data && typeof data === 'object' && 'version' in data) {
    const v = (data as { version: unknown }).version;
    if (typeof v === 'number' && v > PROGRESS_VERSION) return { ok: false, reason: S.future(v) };
  }
  const r = progressSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : S.topLevel;
    return { ok: false, reason: S.schema(where, issueText(issue, data)) };
  }
  const progress = r.data as Progress;
  const bad = restoreProtoKeys(data as Record<string, unknown>, progress);
  if (bad) return { ok: false, reason: S.schema(bad, S.invalidValue) };
  return { ok: true, progress };
}

/**
 * JSON.parse keeps a key named `__proto__` as an ordinary key, but zod's records assign it, which
 * sets the prototype instead: the entry would vanish silently. Put such entries back (validated)
 * as own properties. Returns the path of an invalid one, or null.
 */
function restoreProtoKeys(raw: Record<string, unknown>, out: Progress): string | null {
  const KEY = '__proto__';
  const has = (o: unknown): o is Record<string, unknown> =>
    typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, KEY);
  const put = (target: object, schema: ZodMiniType, value: unknown, path: string): string | null => {
    const r = schema.safeParse(value);
    if (!r.success) return path;
    Object.defineProperty(target, KEY, { value: r.data, enumerable: true, writable: true, configurable: true });
    return null;
  };
  const lessons = raw.lessons as Record<string, unknown>;
  for (const [id, l] of Object.entries(out.lessons)) {
    const rawAnswers = (lessons[id] as Record<string, unknown>).answers;
    if (has(rawAnswers)) {
      const e = put(l.answers, lessonAnswer, rawAnswers[KEY], ['lessons', id, 'answers', KEY].join('.'));
      if (e) return e;
    }
  }
  if (has(lessons)) {
    const e = put(out.lessons, lessonProgress, lessons[KEY], `lessons.${KEY}`);
    if (e) return e;
  }
  if (has(raw.cards)) {
    const e = put(out.cards, card, raw.cards[KEY], `cards.${KEY}`);
    if (e) return e;
  }
  if (has(raw.mistakes)) {
    const e = put(out.mistakes, mistakeCount, raw.mistakes[KEY], `mistakes.${KEY}`);
    if (e) return e;
  }
  return null;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves `file` to `target` without ever replacing an existing file: link(2) fails on an existing
 * name (rename(2) would silently replace it), so a second bad file kept aside in the same
 * millisecond gets a counter suffix instead of destroying the first. Falls back to rename on file
 * systems without hard links, still checking the name is free.
 */
function keepAside(file: string, target: string): string {
  for (let i = 0; i < 1000; i++) {
    const name = i === 0 ? target : `${target}-${i}`;
    try {
      linkSync(file, name);
      unlinkSync(file);
      return name;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
        if (existsSync(name)) continue;
        renameSync(file, name);
        return name;
      }
      throw e;
    }
  }
  throw new Error(S.tooManyAside(target));
}

function dirWritable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Temp files of a save: ours (`.tmp-<pid>-<n>`), the lock's (`.lock.tmp-<pid>-<n>`, `.lock.stale-<pid>-<n>`) and
 * write-file-atomic's (`.<hex hash>`, older synack).
 */
const TEMP_FILE = /^progress\.json\.(?:tmp-\d+-\d+|lock\.(?:tmp|stale)-\d+-\d+|[0-9a-f]{8,64})$/;

/**
 * Removes the temp files a killed save left behind. Only under the lock (a live save holds it while
 * its temp file exists), so another process's save in progress is never touched.
 */
export function cleanTempFiles(dir: string, lock: LockOptions = { waitMs: 500 }): string[] {
  let release: (() => void) | null = null;
  try {
    release = acquireLock(join(dir, LOCK_FILE), lock);
  } catch {
    return [];
  }
  const removed: string[] = [];
  try {
    for (const name of readdirSync(dir)) {
      if (!TEMP_FILE.test(name)) continue;
      try {
        unlinkSync(join(dir, name));
        removed.push(name);
      } catch {
        /* gone, or not ours to remove */
      }
    }
  } catch {
    /* unreadable directory: nothing to clean */
  } finally {
    release();
  }
  return removed;
}

export const LOCK_FILE = `${PROGRESS_FILE}.lock`;

type DiskState =
  | { kind: 'none' }
  | { kind: 'ok'; progress: Progress }
  | { kind: 'bad'; reason: string }
  | { kind: 'unreadable'; message: string }
  | { kind: 'not-regular' };

/** Reads progress.json without ever opening anything but a regular file. */
function readDisk(file: string): DiskState {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', message: fsMessage(e) };
  }
  if (!st.isFile()) return { kind: 'not-regular' };
  if (st.size > MAX_PROGRESS_BYTES) return { kind: 'bad', reason: S.tooBig(st.size, MAX_PROGRESS_BYTES) };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { kind: 'unreadable', message: fsMessage(e) };
  }
  const v = parseProgress(text);
  return v.ok ? { kind: 'ok', progress: v.progress } : { kind: 'bad', reason: v.reason };
}

/** Progress files larger than this are not read (5,000 answers take about 1.5 MB). */
export const MAX_PROGRESS_BYTES = 32 * 1024 * 1024;

/** A file-system error in plain words (the shared ERRNO table, in the current language). */
function fsMessage(e: unknown): string {
  return errnoReason(e);
}

export interface CourseOption {
  /** The `--lessons DIR` course whose progress to use (courseKey), or null / absent: the bundled course. */
  course?: string | null;
}

/** Loads progress (the course's view of it: see courseView). */
export function loadProgress(dir: string, now: number = Date.now(), opts: CourseOption = {}): LoadResult {
  const r = loadFull(dir, now);
  return { ...r, progress: courseView(r.progress, opts.course ?? null) };
}

function loadFull(dir: string, now: number): LoadResult {
  const file = join(dir, PROGRESS_FILE);
  const writable = dirWritable(dir);
  const readOnlyWarning = writable ? null : S.readOnly(dir);
  if (writable) cleanTempFiles(dir);
  const disk = readDisk(file);
  if (disk.kind === 'none') return { progress: emptyProgress(), warning: readOnlyWarning, keptAside: null, writable };
  if (disk.kind === 'not-regular')
    return { progress: emptyProgress(), warning: S.notRegular(file), keptAside: null, writable: false };
  if (disk.kind === 'unreadable') {
    // Unreadable (permissions): do not touch it, do not save over it.
    return { progress: emptyProgress(), warning: S.unreadable(file, disk.message), keptAside: null, writable: false };
  }
  if (disk.kind === 'ok') return { progress: disk.progress, warning: readOnlyWarning, keptAside: null, writable };
  let aside = `${file}.corrupt-${stamp(now)}`;
  try {
    aside = keepAside(file, aside);
  } catch (e) {
    // Could not keep it aside: then never save over it either.
    return {
      progress: emptyProgress(),
      warning: S.cannotKeepAside(file, disk.reason, fsMessage(e)),
      keptAside: null,
      writable: false,
    };
  }
  return { progress: emptyProgress(), warning: S.keptAside(file, disk.reason, aside), keptAside: aside, writable };
}

export function serializeProgress(p: Progress, now: number = Date.now()): string {
  const trimmed: Progress = p.history.length > HISTORY_LIMIT ? { ...p, history: trimHistory(p.history, now) } : p;
  return JSON.stringify(trimmed, null, 2) + '\n';
}

let tempCounter = 0;

/** Writes `text` to `file` atomically: a temp file in the same directory, fsync, rename, fsync the directory. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${++tempCounter}`;
  let fd: number | null = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
  try {
    const dfd = openSync(join(file, '..'), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* directories cannot be fsynced everywhere; the rename is still atomic */
  }
}

export interface SaveOptions {
  /**
   * The copy `p` started from (what this process loaded or last saved): a field `p` did not change
   * since then keeps what is on disk (another process may have changed it). Without it, `p`'s
   * value wins for every key it has.
   */
  base?: Progress | null;
  now?: number;
  lock?: LockOptions;
  /** The course `p` (and `base`) belong to (see CourseOption); other courses on disk are kept. */
  course?: string | null;
}

export type SaveResult = { ok: true; progress: Progress; report: MergeReport; warning: string | null } | { ok: false; error: string };

/**
 * Saves `p` merged with what is on disk, under the lock file, atomically. Returns what was written
 * (the merged progress) or an error message; never throws. A file on disk that is not usable
 * progress is kept aside first (as at load).
 */
export function saveProgress(dir: string, p: Progress, opts: SaveOptions = {}): SaveResult {
  const file = join(dir, PROGRESS_FILE);
  const now = opts.now ?? Date.now();
  let release: (() => void) | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(join(dir, LOCK_FILE), opts.lock);
    const disk = readDisk(file);
    let warning: string | null = null;
    if (disk.kind === 'not-regular') return { ok: false, error: S.saveFailed(file, S.notRegularReason) };
    if (disk.kind === 'unreadable') return { ok: false, error: S.saveFailed(file, disk.message) };
    if (disk.kind === 'bad') {
      const aside = keepAside(file, `${file}.corrupt-${stamp(now)}`);
      warning = S.keptAside(file, disk.reason, aside);
    }
    const onDisk = disk.kind === 'ok' ? disk.progress : emptyProgress();
    const base: Base<Progress> = opts.base ?? 'mine-wins';
    const course = opts.course ?? null;
    const { progress, report } = merge(courseView(onDisk, course), p, base, now);
    writeAtomic(file, serializeProgress(withCourse(onDisk, course, progress), now));
    return { ok: true, progress, report, warning };
  } catch (e) {
    return { ok: false, error: S.saveFailed(file, fsMessage(e)) };
  } finally {
    release?.();
  }
}

/**
 * Merges imported progress into the current one without losing either side's history (the rules
 * are in merge.ts): history is the union, a card keeps the review with the latest date not in the
 * future, lessons keep the furthest reading; settings, "continue" and the mistakes shelf stay the
 * current ones for the keys they have.
 */
export function mergeProgress(current: Progress, incoming: Progress, now: number = Date.now()): Progress {
  return merge(current, incoming, 'other-wins', now).progress;
}

export interface ImportResult {
  ok: boolean;
  error?: string;
  report?: MergeReport;
  /** The copy of progress.json made before the import changed it (null when there was none). */
  backup?: string | null;
  progress?: Progress;
}

/**
 * `synack progress --import`: under the lock, backs up progress.json (`progress.json.before-import-
 * <time>`), merges `incoming` into it (the current file wins ties) and writes it atomically.
 */
export function importProgress(dir: string, incoming: Progress, now: number = Date.now(), lock?: LockOptions): ImportResult {
  const file = join(dir, PROGRESS_FILE);
  let release: (() => void) | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(join(dir, LOCK_FILE), lock);
    const disk = readDisk(file);
    if (disk.kind === 'not-regular') return { ok: false, error: S.saveFailed(file, S.notRegularReason) };
    if (disk.kind === 'unreadable') return { ok: false, error: S.saveFailed(file, disk.message) };
    if (disk.kind === 'bad') return { ok: false, error: S.importOverBad(file, disk.reason) };
    let backup: string | null = null;
    if (disk.kind === 'ok') {
      backup = freeName(`${file}.before-import-${stamp(now)}`);
      copyFileSync(file, backup, constants.COPYFILE_EXCL);
    }
    const current = disk.kind === 'ok' ? disk.progress : emptyProgress();
    const { progress, report } = merge(current, incoming, 'other-wins', now);
    writeAtomic(file, serializeProgress(progress, now));
    return { ok: true, report, backup, progress };
  } catch (e) {
    return { ok: false, error: S.saveFailed(file, fsMessage(e)) };
  } finally {
    release?.();
  }
}

function freeName(target: string): string {
  for (let i = 0; i < 1000; i++) {
    const name = i === 0 ? target : `${target}-${i}`;
    if (!existsSync(name)) return name;
  }
  throw new Error(S.tooManyBackups(target));
}
