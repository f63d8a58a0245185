/**
 * Model runs asked for by a screen's `run-model` command (src/ui/screen.ts). The job's result is
 * the run memo's entry (src/tcp/run-cache.ts): the App seeds the memo with it before the screen gets
 * its `model` msg, so the screen's pure reducer then finds the run there instead of computing it.
 *
 * run.tsx runs jobs in a worker thread (src/ui/worker/runner.ts and model-worker.ts) so that a
 * long run (a flood of SYNs, a 10 MB transfer) never holds up keys, Ctrl+C or signals;
 * `runModelHere` is the in-process fallback (tests, running from the sources, a worker that cannot
 * start) that still yields to the event loop first.
 */
import { cachedRunSource, runCacheKey, seedRuns, type CachedRunResult } from '../tcp/run-cache.js';
import type { ModelJob, ModelResult } from './screen.js';

/** The error of a job that a newer job of the same screen replaced (its screen ignores it). */
export const SUPERSEDED = 'model-job.superseded';

export interface ModelJobValue {
  key: string;
  result: CachedRunResult;
}

/** Computes a job (in whatever thread calls it). */
export function computeJob(job: ModelJob): ModelJobValue {
  return { key: runCacheKey(job.source, job.options), result: cachedRunSource(job.source, job.options) };
}

/** Puts a job's value into this thread's run memo. */
export function acceptJobValue(value: unknown): void {
  const v = value as ModelJobValue | null;
  if (v && typeof v.key === 'string' && v.result) seedRuns([v]);
}

export function runModelHere(job: ModelJob): Promise<ModelResult> {
  return new Promise((resolve) =>
    setImmediate(() => {
      try {
        resolve({ ok: true, value: computeJob(job) });
      } catch (e) {
        resolve({ ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
}
