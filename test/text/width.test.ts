import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { displayWidth, graphemeWidth, WIDTH_MEMO_ENTRIES } from '../../src/text/width.js';
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
});
