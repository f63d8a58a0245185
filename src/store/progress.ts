/**
 * Saved progress on disk: the one place that reads and writes progress.json.
 *
 * - Validated with zod on load. A file that is not JSON, does not match the schema, or comes from
 *   a newer version of synack is never overwritten: it is renamed to
 *   `progress.json.corrupt-<time>` and reported once; a fresh progress starts.
 * - Written atomically (write-file-atomic: temp file + fsync + rename), so a kill in the middle of
 *   a save leaves either the old or the new file, never a torn one.
 * - A read-only directory is reported and the app runs on without saving.
 */
import { mkdirSync, readFileSync, linkSync, unlinkSync, renameSync, accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import envPaths from 'env-paths';
import { z } from 'zod';
import { emptyProgress, type Progress } from './types.js';
import { STORE_STRINGS as S } from './strings.js';

export const PROGRESS_FILE = 'progress.json';
export const PROGRESS_VERSION = 1;

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date');

const lessonProgress = z.object({
  position: z.number().int().min(0),
  furthest: z.number().min(0).max(1),
  done: z.boolean(),
  answers: z.record(z.string(), z.object({ correct: z.boolean(), at: iso })),
  lastOpened: iso,
});

const card = z.object({
  due: iso,
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.number().int().min(0).max(3),
  last_review: iso.optional(),
});

const answer = z.object({
  questionId: z.string(),
  at: iso,
  correct: z.boolean(),
  rating: z.number().int().min(1).max(4),
  ms: z.number().min(0),
  topics: z.array(z.string()),
  mode: z.enum(['lesson', 'mock', 'drill', 'review', 'mistakes']),
});

export const progressSchema = z.object({
  version: z.literal(1),
  lessons: z.record(z.string(), lessonProgress),
  last: z.object({ lessonId: z.string(), position: z.number().int().min(0) }).nullable(),
  cards: z.record(z.string(), card),
  history: z.array(answer),
  mistakes: z.record(z.string(), z.number().int().min(0)),
  settings: z.object({ streak: z.boolean(), relative: z.boolean() }),
});

export const HISTORY_LIMIT = 5000;

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
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return { ok: false, reason: S.schema(where, issue.message) };
  }
  return { ok: true, progress: r.data as Progress };
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
  throw new Error(`too many kept-aside files named ${target}`);
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

export function loadProgress(dir: string, now: number = Date.now()): LoadResult {
  const file = join(dir, PROGRESS_FILE);
  const writable = dirWritable(dir);
  const readOnlyWarning = writable ? null : S.readOnly(dir);
  if (!existsSync(file)) {
    return { progress: emptyProgress(), warning: readOnlyWarning, keptAside: null, writable };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    // Unreadable (permissions): do not touch it, do not save over it.
    return {
      progress: emptyProgress(),
      warning: S.unreadable(file, (e as Error).message),
      keptAside: null,
      writable: false,
    };
  }
  const v = parseProgress(text);
  if (v.ok) return { progress: v.progress, warning: readOnlyWarning, keptAside: null, writable };
  let aside = `${file}.corrupt-${stamp(now)}`;
  try {
    aside = keepAside(file, aside);
  } catch (e) {
    // Could not keep it aside: then never save over it either.
    return {
      progress: emptyProgress(),
      warning: S.cannotKeepAside(file, v.reason, (e as Error).message),
      keptAside: null,
      writable: false,
    };
  }
  return { progress: emptyProgress(), warning: S.keptAside(file, v.reason, aside), keptAside: aside, writable };
}

export function serializeProgress(p: Progress): string {
  const trimmed: Progress =
    p.history.length > HISTORY_LIMIT ? { ...p, history: p.history.slice(-HISTORY_LIMIT) } : p;
  return JSON.stringify(trimmed, null, 2) + '\n';
}

/** Saves atomically. Returns an error message instead of throwing. */
export function saveProgress(dir: string, p: Progress): { ok: true } | { ok: false; error: string } {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic.sync(join(dir, PROGRESS_FILE), serializeProgress(p), { fsync: true });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: S.saveFailed(join(dir, PROGRESS_FILE), (e as Error).message) };
  }
}

/**
 * Merges imported progress into the current one without losing either side's history:
 * cards keep the more recently reviewed version, history is the union (by question and time),
 * lessons keep the furthest reading, mistakes the imported count when the card came from it.
 */
export function mergeProgress(base: Progress, incoming: Progress): Progress {
  const cards = { ...base.cards };
  for (const [id, c] of Object.entries(incoming.cards)) {
    const mine = cards[id];
    const theirs = c.last_review ? Date.parse(c.last_review) : 0;
    const ours = mine?.last_review ? Date.parse(mine.last_review) : 0;
    if (!mine || theirs > ours) cards[id] = c;
  }
  const seen = new Set(base.history.map((h) => `${h.questionId}@${h.at}`));
  const history = [...base.history];
  for (const h of incoming.history) {
    const k = `${h.questionId}@${h.at}`;
    if (!seen.has(k)) {
      seen.add(k);
      history.push(h);
    }
  }
  history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const lessons = { ...base.lessons };
  for (const [id, l] of Object.entries(incoming.lessons)) {
    const mine = lessons[id];
    if (!mine) {
      lessons[id] = l;
      continue;
    }
    lessons[id] = {
      position: Date.parse(l.lastOpened) > Date.parse(mine.lastOpened) ? l.position : mine.position,
      furthest: Math.max(l.furthest, mine.furthest),
      done: l.done || mine.done,
      answers: { ...mine.answers, ...l.answers },
      lastOpened: Date.parse(l.lastOpened) > Date.parse(mine.lastOpened) ? l.lastOpened : mine.lastOpened,
    };
  }
  return {
    version: 1,
    lessons,
    last: base.last ?? incoming.last,
    cards,
    history: history.slice(-HISTORY_LIMIT),
    mistakes: { ...incoming.mistakes, ...base.mistakes },
    settings: base.settings,
  };
}
