/**
 * A worker thread that loads every lesson of a directory (src/lessons/load.ts) off the UI thread,
 * so a large or hostile lessons directory never holds up keys, Ctrl+C or signals. Built as its own
 * entry (dist/lessons-worker.js) and started by run.tsx after the first frame (through a bootstrap
 * that first lowers the thread's priority); it posts two messages and ends: the AllLessons result
 * (plain data), then the model runs of the lessons' diagrams (src/tcp/run-cache.ts), so the UI
 * thread does not compute them when a lesson opens.
 *
 * Both are remembered between runs (src/lessons/lessons-cache.ts) when the job names a cache
 * directory: while no lesson file and no code changed, the worker reads them from there and posts
 * the same two messages, without importing the parser or the model.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AllLessons } from '../lessons/load.js';
import type { cachedRuns } from '../tcp/run-cache.js';
import { codeStamp, courseStat, lessonsCacheKey, readLessonsCacheBytes, settled, writeLessonsCache } from '../lessons/lessons-cache.js';
import { isLang, setLang } from '../i18n/index.js';

type Runs = ReturnType<typeof cachedRuns>;

/**
 * `lessons` and `runs` carry the data; on a cache hit `lessons-v8` and `runs-v8` carry it still
 * serialized (v8.serialize, checked whole by the worker) for the UI thread to decode with
 * decodeLessons / decodeRuns (src/lessons/lessons-cache.ts). In this order, then the worker ends.
 */
export type LessonsWorkerMessage =
  | { kind: 'lessons'; all: AllLessons }
  | { kind: 'runs'; runs: Runs }
  | { kind: 'lessons-v8'; bytes: Uint8Array }
  | { kind: 'runs-v8'; bytes: Uint8Array };

/** What the worker is asked: the lessons directory, the app's language, synack's cache directory. */
export interface LessonsJob {
  dir: string;
  lang?: unknown;
  /** Where the lessons are remembered (src/cli/compile-cache.ts lessonsCacheDir); none: not remembered. */
  cacheDir?: string;
}

// A worker has its own module state: the app's language comes with the job (messages of broken lessons).
const { dir, lang, cacheDir } = workerData as LessonsJob;
if (isLang(lang)) setLang(lang);
const post = (m: LessonsWorkerMessage) => parentPort?.postMessage(m);

const stamp = typeof cacheDir === 'string' ? codeStamp(fileURLToPath(import.meta.url)) : null;
const key = stamp !== null ? lessonsCacheKey(dir, isLang(lang) ? lang : undefined, stamp) : null;
const startedAt = Date.now();
const before = key !== null ? courseStat(dir, isLang(lang) ? lang : undefined) : null;
const hit = key !== null && before !== null ? readLessonsCacheBytes(cacheDir!, key, before.signature) : null;
if (hit) {
  // Each section in a buffer of its own, moved to the UI thread rather than copied.
  for (const [kind, section] of [['lessons-v8', hit.lessons], ['runs-v8', hit.runs]] as const) {
    const bytes = new Uint8Array(section);
    parentPort?.postMessage({ kind, bytes } satisfies LessonsWorkerMessage, [bytes.buffer]);
  }
} else {
  const { loadAllLessons } = await import('../lessons/load.js');
  const all = loadAllLessons(dir, isLang(lang) ? { lang } : {});
  post({ kind: 'lessons', all });
  let runs: Runs | null = null;
  try {
    const { precomputeLessonRuns } = await import('./player/run.js');
    const rc = await import('../tcp/run-cache.js');
    precomputeLessonRuns(all.lessons);
    runs = rc.cachedRuns();
    post({ kind: 'runs', runs });
  } catch {
    /* a run that cannot be copied to the UI thread is computed there when shown (and nothing is remembered) */
    runs = null;
  }
  // Remembered only when no file changed while it was read, nor just before (module comment of lessons-cache.ts).
  if (runs && key !== null && before !== null && settled(before, startedAt)) {
    if (courseStat(dir, isLang(lang) ? lang : undefined).signature === before.signature) writeLessonsCache(cacheDir!, key, before.signature, { all, runs });
  }
}
