/**
 * Issue 16 item 6: a maximal re-run never holds up the keys. The player opens on the largest SYN
 * flood a script may ask for (a million spoofed SYNs); `d` re-runs it with a drop in the model
 * worker (the built dist/model-worker.js, as the app runs it). While it computes, an event-loop
 * lag probe on the UI thread never waits a frame (TICK_MS) longer than the same app at rest, and a
 * key moves the cursor at once, before the run arrives. The same re-run in-process (what `d` did
 * before) holds the UI thread for the whole run: the probe shows it, so the measure is known to
 * see a blocked thread.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { act } from 'react';
import { join } from 'node:path';
import { App, TICK_MS } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import type { ModelJob, ModelResult } from '../../src/ui/screen.js';
import { runModelHere } from '../../src/ui/model-job.js';
import { createModelRunner, type ModelRunner } from '../../src/ui/worker/runner.js';
import { KB } from '../../src/ui/strings.js';
import { clearRunCache } from '../../src/tcp/run-cache.js';
import { CLI, ensureBuilt } from './helpers.js';
import { renderInk, FakeClock, type Rendered } from '../ui/helpers/render.js';

const WORKER = join(CLI, '..', 'model-worker.js');
/** The most spoofed SYNs a script may ask for (docs/scripts.md: flood N, 1 to 1,000,000 in a script). */
const FLOOD = '# the largest flood (syn-flood-cookies with the most SYNs a script may send)\noption isn client 100\noption isn server 300\noption backlog 5\noption syncookies on\nflood 1000000 over 130s\nat 1s client connect\nclient send 100\n';
/** A frame of the app's animation (a tick): a key or a tick may wait at most this long more than at rest. */
const FRAME_BUDGET_MS = TICK_MS;

let runner: ModelRunner | null = null;
afterEach(() => runner?.dispose());
beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

/** The longest gap between two turns of the event loop while it runs (a 1 ms interval). */
function lagProbe() {
  let last = performance.now();
  let max = 0;
  const h = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(h);
      return Math.max(max, performance.now() - last);
    },
  };
}

const stepOf = (f: string) => Number(/step (\d+)\//.exec(f)?.[1]);

const idle = (ms: number) =>
  act(async () => {
    await new Promise((res) => setTimeout(res, ms));
  });

/**
 * The same app at rest: the longest event-loop gap while keys are pressed and nothing computes.
 * This machine may be loaded by other work (other threads get the CPU for a while): the measures
 * below are taken against this baseline, measured in the same test.
 */
async function restLag(r: Rendered): Promise<{ lag: number; keyMs: number }> {
  const probe = lagProbe();
  let keyMs = 0;
  for (const k of ['right', 'left', 'right', 'left']) {
    const t0 = performance.now();
    await r.press(k);
    keyMs = Math.max(keyMs, performance.now() - t0);
    await idle(100);
  }
  return { lag: probe.stop(), keyMs };
}

async function dropDuring(run: (job: ModelJob, owner?: number) => Promise<ModelResult>): Promise<{ lag: number; keyMs: number; frames: string[]; rest: { lag: number; keyMs: number } }> {
  const r: Rendered = await renderInk(
    <App initial={{ screen: 'player', source: FLOOD, name: 'flood' }} lessons={[]} progress={emptyProgress()} clock={new FakeClock()} runModel={run} />,
    { columns: 100, rows: 30 },
  );
  try {
    const rest = await restLag(r);
    // The re-run must compute, not come from the memo of an earlier test.
    clearRunCache();
    const probe = lagProbe();
    await r.press('d');
    const working = r.frame();
    const t0 = performance.now();
    await r.press('right');
    const keyMs = performance.now() - t0;
    const moved = r.frame();
    const until = Date.now() + 30_000;
    while (r.frame().includes(KB.working) && Date.now() < until) {
      await act(async () => {
        await new Promise((res) => setTimeout(res, 10));
      });
    }
    const lag = probe.stop();
    return { lag, keyMs, frames: [working, moved, r.frame()], rest };
  } finally {
    await r.unmount();
  }
}

describe('a maximal re-run never blocks the UI thread', () => {
  it('in the worker: the event loop never waits a frame, and the cursor moves while it computes', async () => {
    runner = createModelRunner({ file: WORKER });
    const { lag, keyMs, frames, rest } = await dropDuring(runner.run);
    const [working, moved, done] = frames;
    expect(working).toContain(KB.working);
    expect(stepOf(working)).toBe(1);
    // the key was handled at once, on the old run, while the worker computed
    expect(moved).toContain(KB.working);
    expect(stepOf(moved)).toBe(2);
    expect(keyMs).toBeLessThan(rest.keyMs + FRAME_BUDGET_MS);
    expect(done).not.toContain(KB.working);
    expect(done).toMatch(/Dropping segment #\d+/);
    expect(runner.stats()).toMatchObject({ workersStarted: 1, inProcess: 0 });
    // The worker's computing takes one of the machine's cores; with other work on the other (the
    // rest of the suite), the UI thread may wait for the CPU once. Best of two samples, as in
    // never-block.test.ts: a thread that is blocked (the in-process case below) fails both.
    let excess = lag - rest.lag;
    if (excess >= FRAME_BUDGET_MS) {
      runner.dispose();
      runner = createModelRunner({ file: WORKER });
      const again = await dropDuring(runner.run);
      expect(again.frames[2]).toMatch(/Dropping segment #\d+/);
      excess = Math.min(excess, again.lag - again.rest.lag);
    }
    expect(excess).toBeLessThan(FRAME_BUDGET_MS);
  }, 60_000);

  it('in-process (the fallback, and what d did before): the same re-run holds the thread far past a frame', async () => {
    const { lag, frames, rest } = await dropDuring(runModelHere);
    // the run is done within the `d` key itself
    expect(frames[0]).toMatch(/Dropping segment #\d+/);
    expect(frames[0]).not.toContain(KB.working);
    expect(lag).toBeGreaterThan(rest.lag + FRAME_BUDGET_MS);
  }, 60_000);
});
