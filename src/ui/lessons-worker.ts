/**
 * A worker thread that loads every lesson of a directory (src/lessons/load.ts) off the UI thread,
 * so a large or hostile lessons directory never holds up keys, Ctrl+C or signals. Built as its own
 * entry (dist/lessons-worker.js) and started by run.tsx after the first frame (through a bootstrap
 * that first lowers the thread's priority); it posts two messages and ends: the AllLessons result
 * (plain data), then the model runs of the lessons' diagrams (src/tcp/run-cache.ts), so the UI
 * thread does not compute them when a lesson opens.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadAllLessons } from '../lessons/load.js';
import { cachedRuns } from '../tcp/run-cache.js';
import { precomputeLessonRuns } from './player/run.js';
import { isLang, setLang } from '../i18n/index.js';

export type LessonsWorkerMessage =
  | { kind: 'lessons'; all: ReturnType<typeof loadAllLessons> }
  | { kind: 'runs'; runs: ReturnType<typeof cachedRuns> };

// A worker has its own module state: the app's language comes with the job (messages of broken lessons).
const { dir, lang } = workerData as { dir: string; lang?: unknown };
if (isLang(lang)) setLang(lang);
const post = (m: LessonsWorkerMessage) => parentPort?.postMessage(m);
const all = loadAllLessons(dir, isLang(lang) ? { lang } : {});
post({ kind: 'lessons', all });
try {
  precomputeLessonRuns(all.lessons);
  post({ kind: 'runs', runs: cachedRuns() });
} catch {
  /* a run that cannot be copied to the UI thread is computed there when shown */
}
