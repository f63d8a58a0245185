/**
 * FrameOutput repaints only changed lines. Whatever the sequence of frames (growing, shrinking,
 * full-width lines, wide characters at the end of a line, resizes), the terminal screen must show
 * exactly the last frame: checked on a real terminal emulator (@xterm/headless).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { FrameOutput, fitFrame, frameDiff } from '../../src/ui/output.js';

class Screen extends EventEmitter {
  isTTY = true;
  bytes = 0;
  term: InstanceType<typeof xterm.Terminal>;
  constructor(public columns: number, public rows: number) {
    super();
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
  }
  write(s: string) {
    this.bytes += Buffer.byteLength(s);
    this.term.write(s);
    return true;
  }
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.emit('resize');
  }
  async lines(): Promise<string[]> {
    await new Promise<void>((r) => this.term.write('', r));
    const buf = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < this.rows; i++) out.push((buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '').replace(/\s+$/, ''));
    return out;
  }
}

/** What the screen must show for a frame: its lines cut to the screen's size, blank below. */
function expected(frame: string[], columns: number, rows: number): string[] {
  const cut = (l: string) => {
    let s = '';
    for (const c of l) {
      if (stringWidth(s + c) > columns) break;
      s += c;
    }
    return s;
  };
  return Array.from({ length: rows }, (_, i) => cut(frame[i] ?? '').replace(/\s+$/, ''));
}

const CELLS = ['a', 'b', 'x', ' ', '│', '─', '中', '字', '▸'];
/** A line of at most `cols` columns, made of narrow and wide characters. */
const line = (cols: number) =>
  fc.array(fc.constantFrom(...CELLS), { maxLength: cols }).map((cs) => {
    let s = '';
    for (const c of cs) if (stringWidth(s + c) <= cols) s += c;
    return s;
  });
// Lines may be wider than the screen (Ink's frame right after a resize, before the app re-lays out).
const frame = (cols: number, rows: number) => fc.array(line(cols + 3), { minLength: 0, maxLength: rows + 2 });

describe('FrameOutput', () => {
  it('the screen always shows exactly the last frame', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(frame(12, 6).map((f) => ({ f })), fc.constant({ resize: true as const })), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const screen = new Screen(12, 6);
          const out = new FrameOutput(screen);
          let last: string[] | null = null;
          let small = false;
          for (const s of steps) {
            if ('resize' in s) {
              small = !small;
              screen.resize(small ? 10 : 12, small ? 5 : 6);
              last = null;
              continue;
            }
            out.write(s.f.join('\n'));
            last = s.f;
          }
          if (last) expect(await screen.lines()).toEqual(expected(last, screen.columns, screen.rows));
          out.dispose();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cuts a line wider than the screen instead of letting it wrap onto the next row', async () => {
    const screen = new Screen(6, 3);
    const out = new FrameOutput(screen);
    out.write('abc\n\nz');
    out.write('abcdefgh\n\nz');
    expect(await screen.lines()).toEqual(['abcdef', '', 'z']);
    out.write('a\n\nz中中中中');
    expect(await screen.lines()).toEqual(['a', '', 'z中中']);
  });

  it('keeps a wide character that ends a full-width line', async () => {
    const screen = new Screen(6, 3);
    const out = new FrameOutput(screen);
    out.write('abcd中\nxy');
    out.write('abcd字\nxz');
    expect(await screen.lines()).toEqual(['abcd字', 'xz', '']);
  });

  it('writes only the changed lines, in one synchronized update', () => {
    const screen = new Screen(20, 5);
    const out = new FrameOutput(screen);
    const writes: string[] = [];
    screen.write = (s: string) => (writes.push(s), true);
    out.write('title\nline one\nline two');
    out.write('title\nline ONE\nline two');
    expect(writes[1]).toBe('\u001B[?2026h\u001B[2;1Hline ONE\u001B[K\u001B[?2026l');
    out.write('title\nline ONE\nline two');
    expect(writes).toHaveLength(2);
  });

  it("fits a frame the same with the frame before's fitted lines as without (they are reused, not measured again)", () => {
    fc.assert(
      fc.property(frame(8, 5), frame(8, 5), fc.integer({ min: 4, max: 10 }), fc.integer({ min: 4, max: 10 }), (a, b, before, now) => {
        const fitted = fitFrame(a, before, 5);
        const lines = new Map(a.slice(0, 5).map((l, i) => [l, fitted[i]!] as const));
        // The next frame: some new lines, the old ones moved down (a scroll), at another width or the same.
        const next = [...b.slice(0, 2), ...a];
        expect(fitFrame(next, now, 5, { columns: before, lines })).toEqual(fitFrame(next, now, 5));
        expect(fitFrame(a, before, 5, { columns: before, lines })).toEqual(fitted);
      }),
      { numRuns: 80 },
    );
    // With ANSI colours: a cut line keeps its escape sequences whole.
    const red = '\u001B[31mabcdefgh\u001B[39m';
    const first = fitFrame([red], 5, 3);
    expect(fitFrame([red], 5, 3, { columns: 5, lines: new Map([[red, first[0]!]]) })).toEqual(first);
  });

  it('repaints the whole screen after a resize, and clears lines a shorter frame no longer has', () => {
    expect(frameDiff(['a', 'b', 'c'], ['a'], 10, 5)).toBe('\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K');
    expect(frameDiff(null, ['a', '', 'c'], 10, 5)).toBe('\u001B[H\u001B[2J\u001B[1;1Ha\u001B[K\u001B[3;1Hc\u001B[K');
    expect(frameDiff(null, ['a', 'b', 'c'], 10, 2)).toBe('\u001B[H\u001B[2J\u001B[1;1Ha\u001B[K\u001B[2;1Hb\u001B[K');
  });
});

describe('FrameOutput and Ink', () => {
  it('passes bare cursor sequences through without taking them for a frame', async () => {
    const screen = new Screen(10, 3);
    const out = new FrameOutput(screen);
    out.write('one\ntwo');
    out.write('\u001B[?25h');
    expect(await screen.lines()).toEqual(['one', 'two', '']);
    out.write('one\nTWO');
    expect(await screen.lines()).toEqual(['one', 'TWO', '']);
  });

  it("answers Ink's exit barrier (an empty write with a callback) without touching the screen", async () => {
    const screen = new Screen(10, 3);
    const out = new FrameOutput(screen);
    out.write('one\ntwo');
    const before = screen.bytes;
    await new Promise<void>((r) => out.write('', r));
    expect(screen.bytes).toBe(before);
    expect(await screen.lines()).toEqual(['one', 'two', '']);
  });
});
