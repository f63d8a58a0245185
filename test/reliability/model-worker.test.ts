/**
 * Issue 16 item 6: the model runs of the player's `d` and the playground happen in a worker thread
 * (the built dist/model-worker.js, as the app starts it through src/ui/worker/runner.ts). The
 * model is pure and deterministic: what the worker sends back is the in-process result, byte for
 * byte. The worker starts once and is reused; a newer job of the same screen supersedes an older
 * one (the worker computing it is stopped); without a usable worker the job runs in-process.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CLI, ensureBuilt, tempDir } from './helpers.js';
import { computeJob, SUPERSEDED } from '../../src/ui/model-job.js';
import { createModelRunner, modelWorkerFile, type ModelRunner } from '../../src/ui/worker/runner.js';
import { clearRunCache } from '../../src/tcp/run-cache.js';
import { setLang } from '../../src/i18n/index.js';
import type { ModelJob, ModelResult } from '../../src/ui/screen.js';

const WORKER = join(CLI, '..', 'model-worker.js');
const job = (source: string, options: ModelJob['options'] = {}): ModelJob => ({ kind: 'run', source, options });

/** A run that keeps a thread busy for a while (a million spoofed SYNs: the most a script may ask). */
const FLOOD = 'option backlog 5\nflood 1000000 over 130s\nat 1s client connect\n';
/** Many events in several transfer parts (with snapshots), with random loss and a drop. */
const TRANSFER = 'option loss 1%\noption seed 7\nclient connect\nclient send 300000\nserver send 2000\nclient close\n';

let runners: ModelRunner[] = [];
const runner = (opts: Parameters<typeof createModelRunner>[0]) => {
  const r = createModelRunner(opts);
  runners.push(r);
  return r;
};
afterEach(() => {
  for (const r of runners) r.dispose();
  runners = [];
  setLang('en');
});

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

function valueOf(r: ModelResult): unknown {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('the model worker', () => {
  it('is built beside the bundle and found from it', () => {
    expect(modelWorkerFile(new URL(`file://${CLI}`).href)).toBe(WORKER);
    // from the sources there is no worker file: the App then runs jobs in-process
    expect(modelWorkerFile()).toBeNull();
  });

  it('sends back the in-process result byte for byte, from one worker reused for every job', async () => {
    const r = runner({ file: WORKER });
    const jobs = [
      job('client connect\nclient send 5\nserver close\n', { name: 'small' }),
      job(TRANSFER, { name: 'transfer', dropSegmentIds: [3, 40] }),
      job(FLOOD, { name: 'flood' }),
      job('client connect\nclient jump\n', { name: 'bad' }),
    ];
    for (const j of jobs) {
      const got = valueOf(await r.run(j, 1));
      clearRunCache();
      const here = computeJob(j);
      expect(JSON.stringify(got)).toBe(JSON.stringify(here));
      expect(got).toStrictEqual(here);
    }
    expect(r.stats()).toEqual({ workersStarted: 1, inProcess: 0, superseded: 0 });
  }, 60_000);

  it("runs in the app's language (the trace's explanations, the memo's key)", async () => {
    setLang('zh-CN');
    const r = runner({ file: WORKER });
    const j = job('client connect\n', { name: 'zh' });
    const got = valueOf(await r.run(j, 1)) as { key: string };
    clearRunCache();
    expect(JSON.stringify(got)).toBe(JSON.stringify(computeJob(j)));
    expect(got.key).toContain('zh-CN');
  }, 30_000);

  it('a newer job of the same screen supersedes the one computing: that worker is stopped', async () => {
    const r = runner({ file: WORKER });
    const old = r.run(job(FLOOD, { name: 'old' }), 7);
    // another screen's job waits its turn and is not superseded
    const other = r.run(job('client connect\n', { name: 'other' }), 8);
    await new Promise((res) => setTimeout(res, 50));
    const next = r.run(job('client connect\nclient close\n', { name: 'new' }), 7);
    expect(await old).toEqual({ ok: false, error: SUPERSEDED });
    const got = valueOf(await next);
    clearRunCache();
    expect(JSON.stringify(got)).toBe(JSON.stringify(computeJob(job('client connect\nclient close\n', { name: 'new' }))));
    expect((await other).ok).toBe(true);
    expect(r.stats().superseded).toBe(1);
    expect(r.stats().workersStarted).toBe(2);
    expect(r.stats().inProcess).toBe(0);
  }, 60_000);

  it('without a worker (no file, or one that cannot run) the job runs in-process with the same result', async () => {
    const j = job('client connect\nclient send 1000\n', { name: 'fallback' });
    clearRunCache();
    const want = JSON.stringify(computeJob(j));
    const none = runner({ file: null });
    expect(JSON.stringify(valueOf(await none.run(j, 1)))).toBe(want);
    expect(none.stats()).toEqual({ workersStarted: 0, inProcess: 1, superseded: 0 });
    const tmp = tempDir();
    try {
      const broken = join(tmp.dir, 'model-worker.js');
      writeFileSync(broken, 'throw new Error("broken worker")\n');
      const bad = runner({ file: broken });
      expect(JSON.stringify(valueOf(await bad.run(j, 1)))).toBe(want);
      expect(bad.stats().inProcess).toBe(1);
    } finally {
      tmp.cleanup();
    }
  }, 30_000);
});
