import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { ALONE, aloneWidth, displayWidth, graphemeWidth, WIDTH_MEMO_ENTRIES } from '../../src/text/width.js';
import { cellsOf } from '../../src/text/wrap.js';
import { mulberry32 } from '../../src/quiz/rng.js';

const SAMPLES = ['', 'abc', 'synack › Lessons', '三次握手', 'ＳＹＮ', '├──────┤ ✕ SYN seq=100', '👍🏽 ok', 'e\u0301', '한국어', 'ﾊﾟ', '\u200b', '\t', 'a\u0000b', '\u001b[31mred\u001b[0m', '«…»', '→↓↑←', '已建立连接 ESTABLISHED'];

describe('display width', () => {
  it('agrees with string-width on the text synack draws', () => {
    for (const s of SAMPLES) expect(displayWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
  });

  it('agrees with string-width on random mixes of ASCII, CJK, box drawing, marks and emoji', () => {
    const pool = [...'abc XYZ09', ...'三次握手，。「」', ...'─│┆├┤✕→', '\u0301', '\u200d', '👍', '🏽', '\ufe0f', ...'ｱｲﾞ'];
    const r = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = Math.floor(r() * 20);
      for (let i = 0; i < len; i++) s += pool[Math.floor(r() * pool.length)];
      expect(displayWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
      expect(displayWidth(s), 'again, from the memo').toBe(stringWidth(s));
    }
  });

  it('keeps its memo bounded', () => {
    for (let c = 0x4e00; c < 0x4e00 + WIDTH_MEMO_ENTRIES + 100; c++) expect(graphemeWidth(String.fromCharCode(c))).toBe(2);
  });

  it('every ALONE code point is a grapheme of its own next to any other (the fast path), with string-width\'s width', () => {
    const all: string[] = [];
    for (const [a, b] of ALONE) for (let c = a; c <= b; c++) all.push(String.fromCharCode(c));
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const r = mulberry32(11);
    const shuffled = [...all].sort(() => r() - 0.5);
    // Every code point next to others (in order, shuffled, next to ASCII) stays alone: windows of
    // 64 overlapping by 2 (the segmenter is slow on one long string), every segment one code unit.
    const mixed = shuffled.flatMap((ch, i) => (i % 2 ? [ch, 'a~ '[i % 3]!] : [ch]));
    const joined: string[] = [];
    for (const order of [all, shuffled, mixed])
      for (let i = 0; i < order.length; i += 62) for (const x of seg.segment(order.slice(i, i + 64).join(''))) if (x.segment.length !== 1) joined.push(x.segment);
    expect(joined).toEqual([]);
    // Widths: string-width's (a sample: ./string-width-fast.test.ts checks graphemeWidth's source over these blocks).
    const wrong = all.filter((ch, i) => i % 13 === 0 && aloneWidth(ch.charCodeAt(0)) !== stringWidth(ch));
    expect(wrong).toEqual([]);
    // Whole strings: the fast sum, and the wrapper's cells, equal string-width's and the segmenter's.
    for (let n = 0; n < 300; n++) {
      let t = '';
      for (let i = Math.floor(r() * 30); i > 0; i--) t += r() < 0.3 ? 'x ' : shuffled[Math.floor(r() * shuffled.length)];
      expect(displayWidth(t), JSON.stringify(t)).toBe(stringWidth(t));
      expect(cellsOf(t, null).map((c) => c.g)).toEqual([...seg.segment(t)].map((x) => x.segment));
    }
  });
});
