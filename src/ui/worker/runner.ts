/**
 * The UI thread's side of the model worker (src/ui/worker/model-worker.ts): `run(job, owner)`
 * posts a model job and resolves with its result (the run memo's entry, src/ui/model-job.ts).
 *
 * - The worker is started on the first job (never for a session that runs no job) and reused;
 *   it is unref'd, so it never keeps synack alive, and `dispose()` terminates it.
 * - One job runs at a time; the others wait in order. A newer job from the same owner (the
 *   shell's screen entry) supersedes an older one: a waiting one is dropped, a running one is
 *   stopped by terminating the worker (a fresh one starts for the next job). A superseded job
 *   resolves `{ ok: false, error: SUPERSEDED }` (its screen is waiting for the newer job anyway).
 * - The result arrives in parts read one per turn of the event loop (src/ui/worker/transfer.ts).
 * - Without the worker file (running from the sources), when a worker cannot start, or when it
 *   dies on a job, the job runs on this thread instead (`runModelHere`): the same result, only
 *   not off the UI thread. After MAX_WORKER_FAILURES failures every later job runs here.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getLang } from '../../i18n/index.js';
import { runModelHere, SUPERSEDED } from '../model-job.js';
import type { ModelJob, ModelResult } from '../screen.js';
import { decodeParts } from './transfer.js';
import type { WorkerJobMessage, WorkerReply } from './model-worker.js';

export { SUPERSEDED };
export const MAX_WORKER_FAILURES = 3;
/** The worker thread's nice value (Linux: per thread): the UI thread is served first. */
export const WORKER_NICE = 10;

export interface ModelRunner {
  run(job: ModelJob, owner?: number): Promise<ModelResult>;
  dispose(): void;
  /** What ran the jobs so far (tests, docs): worker starts and jobs run on this thread. */
  stats(): { workersStarted: number; inProcess: number; superseded: number };
}

/** The built worker beside the bundle (this code may sit in dist/ or dist/chunks/), or null. */
export function modelWorkerFile(from: string = import.meta.url): string | null {
  const here = dirname(fileURLToPath(from));
  for (const f of [join(here, 'model-worker.js'), join(here, '..', 'model-worker.js')]) if (existsSync(f)) return f;
  return null;
}

interface Pending {
  id: number;
  job: ModelJob;
  owner: number | undefined;
  lang: string;
  resolve: (r: ModelResult) => void;
  /** Set when superseded or disposed while its parts are being read. */
  dropped: boolean;
  /** The worker has answered (its parts are being read here). */
  replied: boolean;
}

export interface RunnerOptions {
  /** The worker's file (default: dist/model-worker.js beside the bundle); null: always in-process. */
  file?: string | null;
  /** Lower the worker thread's priority (default true). */
  nice?: boolean;
}

export function createModelRunner(opts: RunnerOptions = {}): ModelRunner {
  const file = opts.file === undefined ? modelWorkerFile() : opts.file;
  let worker: Worker | null = null;
  let failures = 0;
  let disposed = false;
  let nextId = 1;
  let current: Pending | null = null;
  const queue: Pending[] = [];
  const counts = { workersStarted: 0, inProcess: 0, superseded: 0 };

  const start = (): Worker | null => {
    if (worker) return worker;
    if (!file || failures >= MAX_WORKER_FAILURES || disposed) return null;
    try {
      const url = JSON.stringify(pathToFileURL(file).href);
      const boot = opts.nice === false ? `import(${url})` : `try { require('node:os').setPriority(${WORKER_NICE}) } catch {} import(${url})`;
      const w = new Worker(boot, { eval: true });
      w.unref();
      counts.workersStarted++;
      w.on('message', (m: WorkerReply) => onReply(w, m));
      w.on('error', () => onDeath(w));
      w.on('exit', () => onDeath(w));
      worker = w;
      return w;
    } catch {
      failures++;
      return null;
    }
  };

  const stop = () => {
    const w = worker;
    worker = null;
    if (w) void w.terminate().catch(() => undefined);
  };

  /** Runs `p` on this thread (the fallback), then the next job. */
  const here = (p: Pending) => {
    counts.inProcess++;
    void runModelHere(p.job).then((r) => finish(p, r));
  };

  const finish = (p: Pending, r: ModelResult) => {
    if (current === p) current = null;
    if (!p.dropped) p.resolve(r);
    pump();
  };

  const pump = () => {
    if (current || disposed) return;
    const p = queue.shift();
    if (!p) return;
    current = p;
    const w = start();
    if (!w) return here(p);
    const msg: WorkerJobMessage = { id: p.id, job: p.job, lang: p.lang };
    try {
      w.postMessage(msg);
    } catch {
      failures++;
      stop();
      here(p);
    }
  };

  const onReply = (w: Worker, m: WorkerReply) => {
    if (w !== worker) return;
    const p = current;
    if (!p || p.id !== m.id) return;
    p.replied = true;
    if (!m.ok) return finish(p, { ok: false, error: m.error });
    decodeParts(m.parts, () => p.dropped || disposed).then(
      (value) => finish(p, value === null ? { ok: false, error: SUPERSEDED } : { ok: true, value }),
      (e: unknown) => finish(p, { ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };

  const onDeath = (w: Worker) => {
    if (w !== worker) return; // terminated on purpose
    worker = null;
    failures++;
    const p = current;
    if (p && !disposed) here(p);
  };

  return {
    run(job, owner) {
      return new Promise<ModelResult>((resolve) => {
        if (disposed) return resolve({ ok: false, error: SUPERSEDED });
        const p: Pending = { id: nextId++, job, owner, lang: getLang(), resolve, dropped: false, replied: false };
        if (owner !== undefined) {
          // A newer job of the same screen: the older ones are of no use any more.
          for (let i = queue.length - 1; i >= 0; i--) {
            if (queue[i].owner !== owner) continue;
            const [old] = queue.splice(i, 1);
            counts.superseded++;
            old.resolve({ ok: false, error: SUPERSEDED });
          }
          const c = current;
          if (c && c.owner === owner && !c.dropped) {
            c.dropped = true;
            counts.superseded++;
            c.resolve({ ok: false, error: SUPERSEDED });
            // Still computing in the worker: stop it there (a fresh worker takes the next job).
            if (worker && !c.replied) stop();
            current = null;
          }
        }
        queue.push(p);
        pump();
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stop();
      for (const p of [current, ...queue.splice(0)]) if (p && !p.dropped) p.resolve({ ok: false, error: SUPERSEDED });
      current = null;
    },
    stats: () => ({ ...counts }),
  };
}
