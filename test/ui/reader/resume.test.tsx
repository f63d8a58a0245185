/**
 * Issue 14, "resume updates return no commands": after Ctrl+Z / fg during a timed mock interview the
 * learner found "Time's up" recorded as a wrong answer for the minutes the app was stopped (the first
 * tick or key after SIGCONT saw the deadline long past). Now the time away is not counted; the
 * `resume` msg (SIGCONT, or the screen above closing) reaches the top screen and its commands run;
 * progress changed on disk meanwhile replaces the shell's.
 */
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { initShell, keymapOf, shellUpdate, topOf, type Effect, type ShellEnv, type ShellState, type ScreenRegistry } from '../../../src/ui/shell.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import type { AppContext, ScreenDef } from '../../../src/ui/screen.js';
import { utcDay } from '../../../src/quiz/days.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { fixtureLessons, T0 } from '../helpers/fixtures.js';
import type { QuizScreenState } from '../../../src/ui/screens/quiz.js';
import { App } from '../../../src/ui/app.js';
import { FakeClock, renderInk } from '../helpers/render.js';
import { CMD, on } from '../../../src/ui/bindings.js';
import { initPlayer, reducePlayer, tickPlayer, MAX_GAP_WALL_MS } from '../../../src/ui/player/model.js';
import { scenarioSource } from '../../../src/ui/player/run.js';

const MIN = 60_000;

function env(clock: { now: number }, registry: ScreenRegistry = SCREENS): ShellEnv {
  return {
    registry,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({ width: 80, height: 21, ascii: false, color: false, lessons: fixtureLessons(), broken: [], progress: s.progress, now: clock.now, dayOf: utcDay }),
  };
}

function mock(clock: { now: number }) {
  const e = env(clock);
  let s = initShell([{ screen: 'quiz', options: { mode: 'mock', count: 3, seed: 26, timeLimitSec: 60 } }], emptyProgress(), null, e);
  const st = () => topOf(s)!.state as QuizScreenState;
  const ev = (x: Parameters<typeof shellUpdate>[1]) => {
    s = shellUpdate(s, x, e)[0];
  };
  /** Ticks every 50 ms for `ms`, as the App's interval does while the timer runs. */
  const run = (ms: number) => {
    const end = clock.now + ms;
    while (clock.now < end) {
      clock.now += 50;
      ev({ type: 'tick', now: clock.now });
    }
  };
  /** A key of the question's own first row (a move or the backspace of a typed answer). */
  const key = () => {
    const row = keymapOf(s, e.ctx(s))[0]!.cmd;
    return row.keys === 'printable' ? 'x' : row.keys.find((k) => k !== 'enter')!;
  };
  return { st, ev, run, key };
}

describe('a timed mock interview after Ctrl+Z / fg', () => {
  for (const first of ['tick', 'key', 'resume'] as const) {
    it(`the minutes stopped are not counted (the first event after fg: a ${first})`, () => {
      const clock = { now: T0 };
      const m = mock(clock);
      expect(m.st().engine.phase).toBe('asking');
      m.run(20_000); // 40 s left
      clock.now += 10 * MIN; // stopped (no ticks) for ten minutes
      if (first === 'tick') m.ev({ type: 'tick', now: clock.now });
      else if (first === 'key') m.ev({ type: 'key', key: m.key() });
      else m.ev({ type: 'resume' });
      expect(m.st().engine.phase).toBe('asking');
      expect(m.st().engine.results).toHaveLength(0);
      const left = Math.ceil((m.st().engine.deadline! - clock.now) / 1000);
      // The seconds left before the stop (up to one more second counted as run).
      expect(left).toBeGreaterThanOrEqual(38);
      expect(left).toBeLessThanOrEqual(40);
      // The timer runs on from there and still times out when its seconds are used up.
      m.run(37_000);
      expect(m.st().engine.phase).toBe('asking');
      m.run(4_000);
      expect(m.st().engine.results).toHaveLength(1);
      expect(m.st().engine.results[0]!.timedOut).toBe(true);
    });
  }

  it('a short pause (under STOP_GAP_MS, e.g. a loaded machine) changes nothing', () => {
    const clock = { now: T0 };
    const m = mock(clock);
    m.run(10_000);
    const deadline = m.st().engine.deadline;
    clock.now += 1500;
    m.ev({ type: 'tick', now: clock.now });
    expect(m.st().engine.deadline).toBe(deadline);
  });

  it('in the App: fg after ten minutes shows the seconds that were left, not "Time\'s up"', async () => {
    const clock = new FakeClock(T0);
    let resume: ((p: Progress | null) => void) | null = null;
    const r = await renderInk(
      <App
        initial={{ screen: 'quiz', options: { mode: 'mock', count: 3, seed: 26, timeLimitSec: 60 } }}
        lessons={fixtureLessons()}
        progress={emptyProgress()}
        clock={clock}
        saveProgress={() => null}
        onResume={(fn) => {
          resume = fn;
          return () => (resume = null);
        }}
      />,
      { columns: 80, rows: 24 },
    );
    try {
      await r.advance(clock, 20_000);
      expect(r.frame()).toContain('40s left');
      // Stopped: the clock moves on with no tick (the process does not run).
      (clock as unknown as { t: number }).t += 10 * MIN;
      expect(resume).not.toBeNull();
      await act(async () => resume!(null));
      await r.advance(clock, 100);
      expect(r.frame()).not.toContain("Time's up");
      expect(r.frame()).toMatch(/(39|40)s left/);
    } finally {
      await r.unmount();
    }
  });
});

describe('a playing diagram after Ctrl+Z / fg', () => {
  it('goes on from where it was, not to the end (the time stopped is not played)', () => {
    const src = scenarioSource('handshake')!;
    let p = reducePlayer(initPlayer(src, 'handshake'), { type: 'play' });
    p = tickPlayer(p, T0);
    for (let t = 50; t <= 400; t += 50) p = tickPlayer(p, T0 + t);
    const before = p.step;
    const last = p.trace!.events.length - 1;
    expect(before).toBeLessThan(last - 1);
    p = tickPlayer(p, T0 + 400 + 10 * MIN);
    expect(p.step).toBe(before);
    expect(p.playing).toBe(true);
    // and plays on at its pace from there
    p = tickPlayer(p, T0 + 400 + 10 * MIN + MAX_GAP_WALL_MS + 1);
    expect(p.step).toBeGreaterThan(before);
    expect(p.step).toBeLessThan(last);
  });
});

describe('the resume msg', () => {
  it('after SIGCONT: progress changed on disk replaces the shell\'s, and the top screen hears of it', () => {
    const clock = { now: T0 };
    const e = env(clock);
    let s = initShell([{ screen: 'home' }], emptyProgress(), null, e);
    const disk = emptyProgress();
    disk.settings.newPerDay = 7;
    const [next, effects] = shellUpdate(s, { type: 'resume', progress: disk }, e);
    s = next;
    expect(s.progress.settings.newPerDay).toBe(7);
    // Shown, not saved again.
    expect(effects).toEqual([]);
  });

  it("the screen under a closing one runs its resume's commands (they were dropped)", () => {
    const clock = { now: T0 };
    const seen: string[] = [];
    const probe: ScreenDef<{ n: number }> = {
      ...SCREENS.stats,
      id: 'stats',
      init: () => ({ n: 0 }),
      keymap: () => [on(CMD.pageScroll)],
      update: (st, msg) => {
        if (msg.type !== 'resume') return [st, []];
        seen.push('resume');
        return [{ n: st.n + 1 }, [{ cmd: 'progress', update: (p: Progress) => ({ ...p, settings: { ...p.settings, newPerDay: 3 } }) }]];
      },
      handles: () => true,
      view: SCREENS.stats.view as never,
      title: () => 'probe',
    };
    const e = env(clock, { ...SCREENS, stats: probe });
    let s = initShell([{ screen: 'stats' }, { screen: 'help' }], emptyProgress(), null, e);
    const [next, effects] = shellUpdate(s, { type: 'key', key: 'q' }, e);
    s = next;
    expect(topOf(s)!.def.id).toBe('stats');
    expect(seen).toEqual(['resume']);
    expect((topOf(s)!.state as { n: number }).n).toBe(1);
    expect(s.progress.settings.newPerDay).toBe(3);
    expect((effects as Effect[]).some((x) => x.type === 'save')).toBe(true);
  });
});
