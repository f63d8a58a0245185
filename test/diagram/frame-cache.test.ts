/**
 * The player's frames reuse rows that can no longer change (src/diagram/render.ts drawBody: the row
 * cache, the window memo, the header and legend memos). Whatever order the cursor moves in, with
 * arrows in transit, the current-event marker and bands, every frame must equal the frame drawn
 * with the frame caches off (setFrameCaches(false): every row drawn, nothing reused).
 */
import { afterEach, describe, it, expect } from 'vitest';
import { runSource, getScenario } from '../../src/tcp/index.js';
import type { Trace } from '../../src/tcp/index.js';
import { renderWindowStyled, renderWindow, eventRow, setFrameCaches, type RenderOptions } from '../../src/diagram/render.js';
import { makeRng } from '../../src/tcp/seq.js';

const traceOf = (src: string): Trace => {
  const r = runSource(src);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.trace;
};
afterEach(() => setFrameCaches(true));
/** expect(a).toEqual(b), with a quick path: frames are plain data (strings, numbers, booleans,
 *  arrays, objects), so equal JSON means deep-equal; only frames whose JSON differs go through
 *  toEqual (which decides, and shows the difference). Deep equality of every frame was a third of
 *  this file's time. */
function expectSame(a: unknown, b: unknown, msg?: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) expect(a, msg).toEqual(b);
}
/** The frame with the caches off. */
function scratch<T>(f: () => T): T {
  setFrameCaches(false);
  try {
    return f();
  } finally {
    setFrameCaches(true);
  }
}

const CASES: [string, Trace, number, 'on' | 'off'][] = [
  ['rto-loss', traceOf(getScenario('rto-loss')!.source), 100, 'off'],
  ['accept-overflow (a second client, brackets, notes)', traceOf(getScenario('accept-overflow')!.source), 90, 'off'],
  ['lost-final-ack (TIME-WAIT bracket)', traceOf(getScenario('lost-final-ack')!.source), 80, 'off'],
  // Bands forced on, with losses (retransmissions, labels referred to in the legend).
  ['a bulk transfer in bands, with loss', traceOf('option profile linux\noption loss 3%\noption seed 3\noption isn client 100\noption isn server 300\noption mss 1000\nclient connect\nclient send 40000\n'), 120, 'on'],
];

describe('frames drawn from the caches equal frames drawn from scratch', () => {
  it.each(CASES)('%s: the cursor forward, back and at random, with transit and the marker', (_name, trace, width, bands) => {
    const n = trace.events.length;
    const rng = makeRng(n);
    const cursors = [
      ...Array.from({ length: 12 }, (_, i) => Math.floor((i * (n - 1)) / 11)),
      ...Array.from({ length: 12 }, (_, i) => Math.floor(((11 - i) * (n - 1)) / 11)),
      ...Array.from({ length: 16 }, () => Math.floor(rng() * n)),
      n - 1,
      n - 1,
    ];
    let checked = 0;
    for (const [k, upTo] of cursors.entries()) {
      const base: RenderOptions = { width, upTo, bands };
      const row = eventRow(trace, base, upTo);
      const variants: (RenderOptions & { fromRow: number; rows: number })[] = [
        { ...base, fromRow: Math.max(0, row - 20), rows: 24 },
        { ...base, fromRow: Math.max(0, row - 20), rows: 24, highlight: upTo },
        { ...base, fromRow: Math.max(0, row - 10), rows: 16, transit: { segment: upTo, fraction: (k % 5) / 4 } },
        { ...base, fromRow: Math.max(0, row - 30), rows: 30, charset: 'ascii', seq: 'relative' },
      ];
      for (const o of variants) {
        expectSame(renderWindowStyled(trace, o), scratch(() => renderWindowStyled(trace, o)), `upTo ${upTo} ${JSON.stringify({ ...o, upTo: undefined })}`);
        expectSame(renderWindow(trace, o), scratch(() => renderWindow(trace, o)));
        checked++;
      }
    }
    expect(checked).toBe(cursors.length * 4);
  });
});

describe('a whole diagram printed after player frames', () => {
  it('takes the rows the frames kept and draws the rest (a print taller than the row cache)', () => {
    const lines = ['option isn client 100', 'option isn server 300', 'client connect'];
    for (let i = 0; i < 1600; i++) lines.push(i % 2 ? 'server send 10' : 'client send 10');
    const t = traceOf(lines.join('\n'));
    const last = t.events.length - 1;
    // Frames at the end and in the middle fill the row cache with final rows...
    for (const upTo of [last, last >> 1]) {
      const row = eventRow(t, { width: 120, upTo }, upTo);
      renderWindow(t, { width: 120, upTo, fromRow: Math.max(0, row - 30), rows: 30 });
    }
    // ...then the whole diagram (more rows than the cache holds) equals one drawn from scratch.
    const whole = renderWindow(t, { width: 120, fromRow: 0, rows: Number.MAX_SAFE_INTEGER });
    expect(whole.body.length).toBeGreaterThan(4096);
    expectSame(whole, scratch(() => renderWindow(t, { width: 120, fromRow: 0, rows: Number.MAX_SAFE_INTEGER })));
  });
});
