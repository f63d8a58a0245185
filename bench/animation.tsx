/**
 * Bench case: bytes written to the terminal per animation frame while the player moves a segment,
 * against a full repaint of the same screen, through the app's own output path (src/ui/output.ts).
 * Also: peak RSS of one session that plays every built-in scenario to its end.
 */
import React from 'react';
import { render } from 'ink';
import { EventEmitter } from 'node:events';
import { App, TICK_MS } from '../src/ui/app.js';
import { emptyProgress } from '../src/store/types.js';
import { SCENARIOS } from '../src/tcp/index.js';
import { frameRenderOptions } from '../src/ui/output.js';

class Out extends EventEmitter {
  isTTY = true;
  writes: string[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (s: string) => {
    this.writes.push(s);
    return true;
  };
  hasColors = () => false;
  getColorDepth = () => 1;
  cursorTo = () => true;
  moveCursor = () => true;
  clearLine = () => true;
}
class In extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write(d: string) {
    this.data = d;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
class Clock {
  t = Date.UTC(2026, 0, 1);
  timers = new Map<number, { at: number; every: number | null; fn: () => void }>();
  id = 1;
  now = () => this.t;
  setInterval = (fn: () => void, ms: number) => (this.timers.set(this.id, { at: this.t + ms, every: ms, fn }), this.id++);
  clearInterval = (h: unknown) => void this.timers.delete(h as number);
  setTimeout = (fn: () => void, ms: number) => (this.timers.set(this.id, { at: this.t + ms, every: null, fn }), this.id++);
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; every: number | null; fn: () => void }] | null = null;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.t = next[1].at;
      if (next[1].every === null) this.timers.delete(next[0]);
      else next[1].at += next[1].every;
      next[1].fn();
    }
    this.t = end;
  }
}
const flush = () => new Promise((r) => setImmediate(r));

async function playerSession(incremental: boolean, scenario: string, source: string, cols = 120, rows = 40) {
  const out = new Out(cols, rows);
  const inp = new In();
  const clock = new Clock();
  const inst = render(
    <App initial={{ screen: 'player', source, name: scenario }} lessons={[]} progress={emptyProgress()} clock={clock} size={{ columns: cols, rows }} />,
    // The app's own output path (src/ui/run.tsx): Ink hands whole frames to a FrameOutput, which
    // writes only the changed lines. `incremental` picks Ink's built-in incremental mode instead.
    incremental
      ? ({ stdout: out as never, stdin: inp as never, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true } as never)
      : { ...frameRenderOptions(out).options, stdin: inp as never, exitOnCtrlC: false, patchConsole: false },
  );
  await flush();
  return { out, inp, clock, inst };
}

export async function animationBytes(): Promise<{ full: number; perFrame: number; perFrameIncremental: number; frames: number }> {
  const src = SCENARIOS.find((s) => s.name === 'handshake')!.source;
  const result = { full: 0, perFrame: 0, perFrameIncremental: 0, frames: 0 };
  for (const incremental of [false]) {
    const s = await playerSession(incremental, 'handshake', src);
    const firstFrame = s.out.writes.join('');
    s.inp.write(' '); // play
    await flush();
    const before = s.out.writes.length;
    for (let i = 0; i < 40; i++) {
      s.clock.advance(TICK_MS);
      await flush();
    }
    const writes = s.out.writes.slice(before).filter((w) => w.length > 0);
    const bytes = writes.reduce((n, w) => n + Buffer.byteLength(w), 0);
    // Ink wraps each frame in synchronized-output markers written separately: count frames by
    // their content writes, and charge the markers to them.
    const frames = writes.filter((w) => !/^\u001b\[\?2026[hl]$/.test(w)).length;
    if (!incremental) {
      result.full = Buffer.byteLength(firstFrame);
      result.perFrame = bytes / Math.max(1, frames);
      result.frames = frames;
    } else result.perFrameIncremental = bytes / Math.max(1, writes.length);
    s.inst.unmount();
  }
  return result;
}

export async function playEverything(): Promise<number> {
  for (const sc of SCENARIOS) {
    const s = await playerSession(false, sc.name, sc.source, 120, 40);
    // step to the end with → presses (one per event), as a learner would
    for (let i = 0; i < 400; i++) {
      s.inp.write('\u001B[C');
      await flush();
    }
    s.inst.unmount();
  }
  return process.resourceUsage().maxRSS / 1024;
}
