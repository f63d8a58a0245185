import { describe, expect, it } from 'vitest';
import stringWidthExact from 'string-width';
import stringWidth from '../../src/text/string-width-fast.js';
import { mulberry32 } from '../../src/quiz/rng.js';

/** Strings on which the two disagree, with both widths (expected: none). */
function differences(strings: Iterable<string>): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const s of strings) {
    const a = stringWidth(s);
    const b = stringWidthExact(s);
    if (a !== b) out.push([s, a, b]);
  }
  return out;
}
function* codePoints(from: number, to: number): Generator<string> {
  for (let cp = from; cp <= to; cp++) yield String.fromCodePoint(cp);
}

describe('string-width-fast', () => {
  it('agrees with string-width on every code point of the blocks a frame draws', () => {
    const ranges: [number, number][] = [
      [0x0000, 0x036f], // ASCII, Latin-1, combining marks
      [0x2000, 0x2bff], // punctuation, arrows, box drawing, blocks, shapes, dingbats
      [0x3000, 0x30ff], // CJK punctuation, kana
      [0x4e00, 0x4eff], // CJK ideographs (a slice)
      [0xfe00, 0xffff], // variation selectors, fullwidth forms, specials
      [0x1f000, 0x1faff], // emoji blocks, regional indicators
      [0xe0000, 0xe01ef], // tags, variation selectors supplement
    ];
    for (const [a, b] of ranges) expect(differences(codePoints(a, b))).toEqual([]);
  });

  it('agrees on a seeded sample of all code points (SYNACK_WIDTH_EXHAUSTIVE=1: every one)', () => {
    if (process.env.SYNACK_WIDTH_EXHAUSTIVE === '1') {
      expect(differences(codePoints(0, 0x10ffff))).toEqual([]);
      return;
    }
    const rng = mulberry32(0x5717);
    const sample = Array.from({ length: 4000 }, () => String.fromCodePoint(Math.floor(rng() * 0x110000)));
    expect(differences(sample)).toEqual([]);
  }, process.env.SYNACK_WIDTH_EXHAUSTIVE === '1' ? 600_000 : undefined);

  it('agrees on strings of several code points, escape sequences and options', () => {
    for (const s of ['', 'SYN,ACK', '三次握手', '│ seq=1 │', '👍🏽', '🇨🇳', 'e\u0301', '\u001b[31mred\u001b[0m', '\u001b[1m│三\u001b[0m', '\u001b\u001b[31m[0m', '\u001b[31m', 'a\tb', '🧑‍💻', '1️⃣', 'ﾊﾟ'])
      expect(differences([s])).toEqual([]);
    expect(stringWidth('±', { ambiguousIsNarrow: false })).toBe(stringWidthExact('±', { ambiguousIsNarrow: false }));
  });
});

describe('string-width-fast on strings', () => {
  it('agrees with string-width on seeded random strings mixing ASCII, box drawing, CJK, emoji and joiners', () => {
    const rng = mulberry32(0xc0de);
    const pools = [
      'abc SYN,ACK=1 ', '│─╭╮╰╯├┤┬┴┼→←↑↓…·●○✓✗▶◀', '三次握手，。（）《》「」已建立连接', 'ＳＹＮ１２３ｶﾞﾊﾟ',
      '👍🏽🇨🇳🇺🇸🧑‍💻1️⃣❤️☺︎', 'e\u0301\u0308\u200d\u200c\ufe0f\ufe0e', '\u1100\u1161\u11a8한글', 'क्षि\u0d4eക', '\u00ad\u2060\u{e0041}\t\n',
    ].map((p) => Array.from(p));
    // Escape sequences (whole, cut short, and pieces that join into one when another is removed).
    pools.push(['\u001b[31m', '\u001b[0m', '\u001b[1;4m', '\u001b[K', '\u009b2J', '\u001b]8;;https://x\u0007', '\u001b]8;;\u0007', '\u001b', '\u009b', '\u001b[', '[31m']);
    const strings: string[] = [];
    const scale = process.env.SYNACK_WIDTH_EXHAUSTIVE === '1' ? 100 : 1;
    for (let i = 0; i < 3000 * scale; i++) {
      const n = 1 + Math.floor(rng() * 8);
      let s = '';
      for (let k = 0; k < n; k++) {
        const pool = pools[Math.floor(rng() * pools.length)];
        s += pool[Math.floor(rng() * pool.length)];
      }
      strings.push(s);
    }
    // Random code points of any plane, two or three at a time.
    for (let i = 0; i < 2000 * scale; i++) {
      let s = '';
      for (let k = 0; k < 2 + (i % 2); k++) s += String.fromCodePoint(Math.floor(rng() * 0x110000));
      strings.push(s);
    }
    expect(differences(strings)).toEqual([]);
  }, process.env.SYNACK_WIDTH_EXHAUSTIVE === '1' ? 600_000 : undefined);
});
