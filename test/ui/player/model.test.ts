import { describe, it, expect } from 'vitest';
import { scenarioSource } from '../../../src/ui/player/run.js';
import type { SegmentEvent, Trace } from '../../../src/tcp/types.js';
import {
  initPlayer,
  reducePlayer,
  tickPlayer,
  simTime,
  inFlight,
  panelData,
  nextDroppable,
  speedOf,
  SPEEDS,
  MIN_GAP_WALL_MS,
  MAX_GAP_WALL_MS,
  WALL_MS_PER_SIM_MS,
  type PlayerAction,
  type PlayerState,
} from '../../../src/ui/player/model.js';

function load(name: string): PlayerState {
  const src = scenarioSource(name);
  if (src === undefined) throw new Error(`no scenario ${name}`);
  const s = initPlayer(src, name);
  if (!s.trace) throw new Error(`scenario ${name} did not run: ${JSON.stringify(s.errors)}`);
  return s;
}

function apply(s: PlayerState, ...actions: PlayerAction[]): PlayerState {
  return actions.reduce((acc, a) => reducePlayer(acc, a), s);
}

function segments(t: Trace): SegmentEvent[] {
  return t.events.filter((e): e is SegmentEvent => e.type === 'segment');
}

/** Expected wall time of the gap after event k, from the documented pacing rule. */
function expectedGap(t: Trace, k: number): number {
  const sim = t.events[k + 1].t - t.events[k].t;
  return Math.min(MAX_GAP_WALL_MS, Math.max(MIN_GAP_WALL_MS, sim * WALL_MS_PER_SIM_MS));
}

describe('player reducer: stepping', () => {
  const hs = load('handshake');
  const n = hs.trace!.events.length;

  it.each([
    ['back at the start stays at 0', [{ type: 'back' }], 0],
    ['one step', [{ type: 'step' }], 1],
    ['step then back', [{ type: 'step' }, { type: 'step' }, { type: 'back' }], 1],
    ['goto past the end clamps to the last event', [{ type: 'goto', step: 10_000 }], n - 1],
    ['goto negative clamps to 0', [{ type: 'goto', step: -5 }], 0],
    ['step at the end stays at the end', [{ type: 'goto', step: n - 1 }, { type: 'step' }], n - 1],
    ['restart goes back to 0', [{ type: 'step' }, { type: 'step' }, { type: 'restart' }], 0],
  ] as [string, PlayerAction[], number][])('%s', (_label, actions, expected) => {
    expect(apply(hs, ...actions).step).toBe(expected);
  });

  it('stepping through the handshake shows every event explanation in order', () => {
    let s = hs;
    const seen = [s.trace!.events[0].explain];
    for (let i = 1; i < n; i++) {
      s = reducePlayer(s, { type: 'step' });
      seen.push(s.trace!.events[s.step].explain);
    }
    expect(seen).toEqual(hs.trace!.events.map((e) => e.explain));
  });
});

describe('player reducer: speed', () => {
  const hs = load('handshake');
  it('speeds are bounded to 0.25x .. 8x', () => {
    const slow = apply(hs, ...Array(10).fill({ type: 'slower' }));
    expect(speedOf(slow)).toBe(0.25);
    const fast = apply(hs, ...Array(10).fill({ type: 'faster' }));
    expect(speedOf(fast)).toBe(8);
    expect(SPEEDS[0]).toBe(0.25);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(8);
    expect(speedOf(hs)).toBe(1);
    expect(speedOf(apply(hs, { type: 'faster' }))).toBe(2);
    expect(speedOf(apply(hs, { type: 'slower' }))).toBe(0.5);
  });
});

describe('player reducer: tick with an injected clock', () => {
  const hs = load('handshake');
  const t = hs.trace!;

  it('the first tick only records the clock; the step advances exactly when the gap is used up', () => {
    const T0 = 1_000_000;
    const gap0 = expectedGap(t, 0);
    let s = apply(hs, { type: 'play' });
    expect(s.playing).toBe(true);
    s = tickPlayer(s, T0);
    expect(s.step).toBe(0);
    expect(s.lastTick).toBe(T0);
    const before = tickPlayer(s, T0 + gap0 - 1);
    expect(before.step).toBe(0);
    const at = tickPlayer(s, T0 + gap0);
    expect(at.step).toBe(1);
    expect(at.progress).toBe(0);
  });

  it('ticking by small increments gives the same step as one big tick', () => {
    const T0 = 5000;
    let a = tickPlayer(apply(hs, { type: 'play' }), T0);
    let b = a;
    const total = expectedGap(t, 0) + expectedGap(t, 1) + 10;
    for (let ms = 50; ms <= total; ms += 50) a = tickPlayer(a, T0 + ms);
    b = tickPlayer(b, T0 + Math.floor(total / 50) * 50);
    expect(a.step).toBe(b.step);
    expect(a.step).toBe(2);
  });

  it('at 2x the same wall time covers twice the gap', () => {
    const T0 = 0;
    const gap0 = expectedGap(t, 0);
    const s = tickPlayer(apply(hs, { type: 'faster' }, { type: 'play' }), T0);
    expect(tickPlayer(s, T0 + gap0 / 2 - 1).step).toBe(0);
    expect(tickPlayer(s, T0 + gap0 / 2).step).toBe(1);
  });

  it('playing to the end stops, and play at the end starts over', () => {
    let s = tickPlayer(apply(hs, { type: 'play' }), 0);
    // Ticks a second apart (a gap over PAUSE_GAP_MS is time away, not played).
    for (let at = 1000; s.playing && at < 10_000_000; at += 1000) s = tickPlayer(s, at);
    expect(s.step).toBe(t.events.length - 1);
    expect(s.playing).toBe(false);
    s = reducePlayer(s, { type: 'play' });
    expect(s.step).toBe(0);
    expect(s.playing).toBe(true);
  });

  it('ticks while paused change nothing (same object)', () => {
    expect(tickPlayer(hs, 123)).toBe(hs);
  });

  it('a segment in flight moves along its arrow: transit fraction follows simulated time', () => {
    const segIdx = t.events.findIndex((e) => e.type === 'segment');
    const seg = t.events[segIdx] as SegmentEvent;
    expect(segIdx).toBeGreaterThanOrEqual(0);
    let s = apply(hs, { type: 'goto', step: segIdx }, { type: 'play' });
    s = tickPlayer(s, 0);
    const gap = expectedGap(t, segIdx);
    const next = t.events[segIdx + 1];
    s = tickPlayer(s, gap / 2);
    expect(s.step).toBe(segIdx);
    const sim = seg.t + (next.t - seg.t) / 2;
    expect(simTime(s)).toBeCloseTo(sim, 6);
    const flying = inFlight(s).find((f) => f.id === seg.id);
    expect(flying).toBeDefined();
    expect(flying!.fraction).toBeCloseTo((sim - seg.t) / (seg.arrives - seg.t), 6);
    // paused: nothing is in transit (the arrow is drawn whole)
    expect(inFlight(reducePlayer(s, { type: 'pause' }))).toEqual([]);
  });
});

describe('player reducer: drop the next segment', () => {
  it('re-runs the model: the trace then has a dropped segment and its retransmission; the step is kept', () => {
    const hs = load('handshake');
    const target = nextDroppable(hs)!;
    expect(target).toBeDefined();
    expect(target.fate).toBe('delivered');
    const s = reducePlayer(hs, { type: 'drop-next' });
    expect(s.step).toBe(hs.step);
    expect(s.dropIds).toEqual([target.id]);
    const segs = segments(s.trace!);
    const dropped = segs.find((e) => e.id === target.id)!;
    expect(dropped.fate).toBe('dropped');
    const retrans = segs.find((e) => e.retransmission && e.t > dropped.t && e.flags.join() === dropped.flags.join());
    expect(retrans).toBeDefined();
    expect(retrans!.seq).toBe(dropped.seq);
    expect(retrans!.fate).toBe('delivered');
    // the original run had no retransmission
    expect(segments(hs.trace!).some((e) => e.retransmission)).toBe(false);
    expect(s.message).toContain(`#${target.id}`);
  });

  it('drops the next segment after the current step, not an earlier one', () => {
    const hs = load('handshake');
    const segs = segments(hs.trace!);
    const firstIdx = hs.trace!.events.findIndex((e) => e === segs[0]);
    const s = reducePlayer(reducePlayer(hs, { type: 'goto', step: firstIdx }), { type: 'drop-next' });
    expect(s.dropIds).toEqual([segs[1].id]);
    expect(s.step).toBe(firstIdx);
    expect(segments(s.trace!)[0].fate).toBe('delivered');
  });

  it('undo brings the original run back', () => {
    const hs = load('handshake');
    const s = apply(hs, { type: 'drop-next' }, { type: 'undo-drop' });
    expect(s.dropIds).toEqual([]);
    expect(s.trace!.events).toEqual(hs.trace!.events);
  });

  it('at the end there is nothing to drop: a message, same trace', () => {
    const hs = load('handshake');
    const end = reducePlayer(hs, { type: 'goto', step: 1e9 });
    const s = reducePlayer(end, { type: 'drop-next' });
    expect(s.trace).toBe(end.trace);
    expect(s.message).toBeTruthy();
  });
});

describe('player side panel', () => {
  it('relative/absolute toggle changes the displayed sequence numbers', () => {
    const hs = load('handshake');
    const end = reducePlayer(hs, { type: 'goto', step: 1e9 });
    const t = end.trace!;
    const snap = t.snapshots[end.step];
    const client = Object.keys(t.hosts).find((h) => t.hosts[h].role === 'client')!;
    const server = Object.keys(t.hosts).find((h) => t.hosts[h].role === 'server')!;
    // absolute by default (issue 14 bug 10), relative after the toggle
    expect(end.seq).toBe('absolute');
    const abs = panelData(end)!.hosts.find((h) => h.name === client)!;
    const rel = panelData(reducePlayer(end, { type: 'toggle-seq' }))!.hosts.find((h) => h.name === client)!;
    const isnC = t.hosts[client].isn!;
    const isnS = t.hosts[server].isn!;
    expect(abs.sndNxt).toBe(String(snap[client].sndNxt));
    expect(rel.sndNxt).toBe(String(snap[client].sndNxt! - isnC));
    expect(abs.rcvNxt).toBe(String(snap[client].rcvNxt));
    expect(rel.rcvNxt).toBe(String(snap[client].rcvNxt! - isnS));
    // after the handshake both sides have consumed the SYN: relative numbers are 1
    expect(rel.sndNxt).toBe('1');
    expect(rel.rcvNxt).toBe('1');
    expect(rel.state).toBe('ESTABLISHED');
    expect(abs.sndNxt).not.toBe(rel.sndNxt);
  });

  it('running timers count down from the player simulated time', () => {
    const s0 = load('syn-retransmit');
    const t = s0.trace!;
    const i = t.snapshots.findIndex((snap) => Object.values(snap).some((h) => h.timers.length > 0));
    expect(i).toBeGreaterThanOrEqual(0);
    const s = reducePlayer(s0, { type: 'goto', step: i });
    const withTimer = panelData(s)!.hosts.find((h) => h.timers.length > 0)!;
    const snapTimer = t.snapshots[i][withTimer.name].timers[0];
    expect(withTimer.timers[0].remaining).toBe(Math.round(snapTimer.expires - t.events[i].t));
  });

  it('the SYN flood shows the SYN queue gauge data of the listener', () => {
    const s0 = load('syn-flood');
    const t = s0.trace!;
    const full = t.snapshots.findIndex((snap) =>
      Object.values(snap).some((h) => h.synQueueMax !== undefined && (h.synQueue ?? 0) >= h.synQueueMax),
    );
    expect(full).toBeGreaterThanOrEqual(0);
    const p = panelData(reducePlayer(s0, { type: 'goto', step: full }))!;
    expect(p.showQueues).toBe(true);
    const listener = p.hosts.find((h) => h.queue)!;
    expect(listener.queue!.syn).toBe(listener.queue!.synMax);
    expect(p.hosts.every((h) => h.role !== 'spoofed')).toBe(true);
  });
});

describe('player load', () => {
  it('a script with errors keeps them (line and column) and has no trace', () => {
    const s = initPlayer('client connect\nclient fly away\n', 'bad');
    expect(s.trace).toBeNull();
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.errors[0].line).toBe(2);
  });
});
