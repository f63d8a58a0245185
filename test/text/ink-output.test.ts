/**
 * src/text/ink-output.ts must give Ink's own Output's frames byte for byte (the bundle and the test
 * optimizer use it in Ink's place): the two are fed the same seeded random frames (styled and plain
 * text, CJK, emoji, box drawing, clips, transformers, writes off the grid), several frames in a row
 * so the memos are hit, and must agree on every one. widest-line-fast is checked against
 * widest-line the same way.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import widestLineExact from 'widest-line';
import { Output } from '../../src/text/ink-output.js';
import widestLine from '../../src/text/widest-line-fast.js';
import { mulberry32 } from '../../src/quiz/rng.js';

type Transformer = (s: string, index: number) => string;
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}

// Ink's own Output, from its build directory (its package exports only the index).
const inkDir = dirname(createRequire(import.meta.url).resolve('ink'));
const InkOutput = ((await import(pathToFileURL(join(inkDir, 'output.js')).href)) as { default: new (o: { width: number; height: number }) => OutputLike }).default;

const PIECES = [
  ...'abc SYN,ACK seq=1 '.split(' '),
  'x',
  ' ',
  '│',
  '─╭╮╰╯',
  '→←…●✓',
  '三次握手',
  '已建立',
  'ＳＹＮ',
  '👍🏽',
  '🇨🇳',
  'e\u0301',
  '\t',
  '\u001b[31m',
  '\u001b[39m',
  '\u001b[1m',
  '\u001b[22m',
  '\u001b[2m',
  '\u001b[7m',
  '\u001b[27m',
  '\u001b[0m',
  '\u001b[38;5;33m',
  '\n',
];
const STYLE: [string, string][] = [
  ['\u001b[1m', '\u001b[22m'],
  ['\u001b[32m', '\u001b[39m'],
  ['\u001b[4m', '\u001b[24m'],
];

function frames(seed: number, count: number): ((o: OutputLike) => void)[] {
  const rng = mulberry32(seed);
  const int = (n: number) => Math.floor(rng() * n);
  // A small pool of texts, so later frames repeat earlier lines as real frames do.
  const texts = Array.from({ length: 12 }, () => {
    let s = '';
    for (let k = 1 + int(14); k > 0; k--) s += PIECES[int(PIECES.length)];
    return s;
  });
  const out: ((o: OutputLike) => void)[] = [];
  for (let f = 0; f < count; f++) {
    const ops: ((o: OutputLike) => void)[] = [];
    let depth = 0;
    for (let n = int(10); n > 0; n--) {
      const r = rng();
      if (r < 0.15) {
        const c = { x1: int(3) === 0 ? undefined : int(12) - 2, x2: int(30), y1: int(3) === 0 ? undefined : int(6) - 1, y2: int(10) };
        ops.push((o) => o.clip(c));
        depth++;
      } else if (r < 0.22 && depth > 0) {
        ops.push((o) => o.unclip());
        depth--;
      } else {
        const x = int(30) - 3;
        const y = int(10) - 2;
        const text = int(5) === 0 ? '' : texts[int(texts.length)]!;
        const transformers: Transformer[] = [];
        if (int(3) === 0) {
          const [a, b] = STYLE[int(STYLE.length)]!;
          transformers.push((s) => a + s + b);
        }
        if (int(4) === 0) transformers.push((s, i) => (i % 2 ? s.toUpperCase() : s));
        ops.push((o) => o.write(x, y, text, { transformers }));
      }
    }
    out.push((o) => ops.forEach((op) => op(o)));
  }
  return out;
}

describe('ink-output', () => {
  it("gives Ink's Output's frames byte for byte on seeded random frames", () => {
    let styled = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rng = mulberry32(seed * 7919);
      const width = 1 + Math.floor(rng() * 30);
      const height = Math.floor(rng() * 9);
      for (const draw of frames(seed, 8)) {
        const a = new InkOutput({ width, height });
        const b = new Output({ width, height });
        draw(a);
        draw(b);
        const expected = a.get();
        if (expected.output.includes('\u001b')) styled++;
        expect(b.get(), `seed ${seed}`).toEqual(expected);
      }
    }
    // The sample covers styled rows, not only plain ones.
    expect(styled).toBeGreaterThan(25);
  });

  it('widest-line-fast agrees with widest-line', () => {
    const rng = mulberry32(0x1d7);
    for (let i = 0; i < 400; i++) {
      let s = '';
      for (let k = Math.floor(rng() * 12); k > 0; k--) s += PIECES[Math.floor(rng() * PIECES.length)];
      expect(widestLine(s), JSON.stringify(s)).toBe(widestLineExact(s));
    }
  });
});
