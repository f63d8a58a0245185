/**
 * Issue 16 item 6 at the screens: the player's `d`/`u` and the playground's actions ask the App for
 * a model run (`run-model`) instead of computing it on the UI thread. Here the App's runModel holds
 * each job until the test releases it, so what the learner sees while a run computes is checked:
 * "Working…" (en and zh-CN), keys acting on the trace shown, a newer `d` superseding an older
 * one, and q leaving at once.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { act } from 'react';
import { App } from '../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../src/ui/screens/index.js';
import { playerScreen } from '../../src/ui/screens/player.js';
import { playgroundScreen } from '../../src/ui/screens/playground.js';
import { emptyProgress } from '../../src/store/types.js';
import type { ModelJob, ModelResult, ScreenRequest } from '../../src/ui/screen.js';
import { scenarioSource } from '../../src/ui/player/run.js';
import { computeJob } from '../../src/ui/model-job.js';
import { KB } from '../../src/ui/strings.js';
import { setLang } from '../../src/i18n/index.js';
import { renderInk, FakeClock, type Rendered } from './helpers/render.js';
import { fixtureLessons, T0 } from './helpers/fixtures.js';

const registry: ScreenRegistry = { ...SCREENS, player: playerScreen, playground: playgroundScreen };

interface Held {
  job: ModelJob;
  owner: number | undefined;
  resolve: (r: ModelResult) => void;
}

function heldRunner() {
  const calls: Held[] = [];
  return {
    calls,
    run: (job: ModelJob, owner?: number) => new Promise<ModelResult>((resolve) => calls.push({ job, owner, resolve })),
    async release(r: Rendered, i: number) {
      await act(async () => {
        calls[i].resolve({ ok: true, value: computeJob(calls[i].job) });
        await new Promise((res) => setImmediate(res));
      });
    },
  };
}

async function open(req: ScreenRequest, run: (job: ModelJob, owner?: number) => Promise<ModelResult>, onExit?: (c: number) => void): Promise<Rendered> {
  return renderInk(
    <App initial={req} lessons={[]} progress={emptyProgress()} screens={registry} clock={new FakeClock()} runModel={run} onExit={onExit} />,
    { columns: 100, rows: 30 },
  );
}

const handshake: ScreenRequest = { screen: 'player', source: scenarioSource('handshake')!, name: 'handshake' };
const stepOf = (f: string) => /step (\d+)\/(\d+)/.exec(f)!.slice(1).map(Number);

afterEach(() => setLang('en'));

describe('model runs asked for by the screens', () => {
  it("the player's d shows Working…, keys move the cursor meanwhile, the run then applies", async () => {
    const m = heldRunner();
    const r = await open(handshake, m.run);
    const [, total] = stepOf(r.frame());
    await r.press('d');
    expect(m.calls).toHaveLength(1);
    expect(m.calls[0].job.options).toEqual({ dropSegmentIds: [0], name: 'handshake' });
    expect(r.frame()).toContain(KB.working);
    expect(stepOf(r.frame())).toEqual([1, total]);
    // the cursor still moves on the old run
    await r.press('right', 'right');
    expect(stepOf(r.frame())).toEqual([3, total]);
    expect(r.frame()).toContain(KB.working);
    await m.release(r, 0);
    expect(r.frame()).not.toContain(KB.working);
    expect(r.frame()).toMatch(/Dropping segment #0/);
    const [step, after] = stepOf(r.frame());
    expect(step).toBe(3);
    expect(after).toBeGreaterThan(total);
    await r.unmount();
  });

  it('a newer d supersedes the older one: its late result changes nothing', async () => {
    const m = heldRunner();
    const r = await open(handshake, m.run);
    await r.press('d', 'right', 'right', 'right', 'right', 'right', 'right', 'd');
    expect(m.calls).toHaveLength(2);
    expect(m.calls[1].owner).toBe(m.calls[0].owner);
    const second = m.calls[1].job.options.dropSegmentIds!;
    expect(second).toHaveLength(1);
    expect(second[0]).toBeGreaterThan(0);
    const before = r.frame();
    await m.release(r, 0);
    expect(r.frame()).toBe(before);
    expect(r.frame()).toContain(KB.working);
    await m.release(r, 1);
    expect(r.frame()).toContain(`Dropping segment #${second[0]}`);
    expect(r.frame()).not.toContain(KB.working);
    await r.unmount();
  });

  it('q leaves at once while a run computes', async () => {
    const m = heldRunner();
    let code: number | null = null;
    const r = await open(handshake, m.run, (c) => (code = c));
    await r.press('d');
    expect(r.frame()).toContain(KB.working);
    await r.press('q');
    expect(code).toBe(0);
    // the late result reaches no screen
    await m.release(r, 0);
    await r.unmount();
  });

  it('the playground: an action shows Working… (zh-CN too) and the run arrives as the diagram grows', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      setLang(lang);
      const m = heldRunner();
      const r = await open({ screen: 'playground' }, m.run);
      await r.press('enter'); // client connect
      expect(m.calls).toHaveLength(1);
      expect(m.calls[0].job.source).toContain('client connect');
      expect(r.frame()).toContain(KB.working);
      await m.release(r, 0);
      expect(r.frame()).not.toContain(KB.working);
      expect(r.frame()).toMatch(/SYN/);
      await r.unmount();
    }
  });
});

describe("a lesson diagram's d (issue 16: the reader's inline player too)", () => {
  it('asks for the run, shows Working… in the diagram, and applies the drop when it is back', async () => {
    const m = heldRunner();
    const r = await renderInk(
      <App initial={{ screen: 'lesson', lessonId: 'handshake', position: 0 }} lessons={fixtureLessons()} progress={emptyProgress()} clock={new FakeClock(T0)} runModel={m.run} saveProgress={() => null} />,
      { columns: 100, rows: 30 },
    );
    for (let i = 0; i < 8 && !/\bd drop/.test(r.lines().at(-1) ?? ''); i++) await r.press('tab');
    expect(r.lines().at(-1)).toMatch(/\bd drop/); // the diagram has focus: its footer names d
    const [, total] = stepOf(r.frame());
    await r.press('d');
    expect(m.calls).toHaveLength(1);
    expect(m.calls[0].job.options.dropSegmentIds).toEqual([0]);
    expect(r.frame()).toContain(KB.working);
    await r.press('right');
    expect(stepOf(r.frame())[0]).toBe(2); // the cursor moves on the run shown meanwhile
    await m.release(r, 0);
    expect(r.frame()).not.toContain(KB.working);
    expect(r.frame()).toMatch(/Dropping segment #0/);
    expect(stepOf(r.frame())[1]).toBeGreaterThan(total);
    await r.unmount();
  });
});
