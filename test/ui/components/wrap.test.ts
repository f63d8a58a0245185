/**
 * The one line breaker (src/text/wrap.ts) and its users in src/ui/components: display width, CJK
 * breaks, Chinese punctuation rules (GB/T 15834, W3C clreq), hanging indents, tables.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { wrapText } from '../../../src/text/wrap.js';
import { wrap, truncate } from '../../../src/ui/components/text.js';
import { blockLines, lineText, lineWidth, wrapSpans } from '../../../src/ui/components/markdown.js';
import type { Block } from '../../../src/lessons/types.js';

// The rules, restated from the spec (not imported from the implementation).
const NO_START = '，。、；：？！）》」』”’…—' + ',.;:?!)';
const NO_END = '（《「『“‘' + '([';
const first = (s: string) => [...s][0] ?? '';
const last = (s: string) => [...s].at(-1) ?? '';

describe('wrapText: Chinese line breaking (kinsoku)', () => {
  // [input, width, expected lines]
  const cases: [string, number, string[]][] = [
    // No spaces needed between CJK characters.
    ['三次握手同步双方的序列号', 8, ['三次握手', '同步双方', '的序列号']],
    // A comma that would start the second line pulls the character before it down with it.
    ['客户端发送，服务器确认', 10, ['客户端发', '送，服务器', '确认']],
    // Full stop, enumeration comma, colon, question and exclamation marks likewise.
    ['一二三四。五六', 8, ['一二三', '四。五六']],
    ['甲乙丙丁、戊己', 8, ['甲乙丙', '丁、戊己']],
    ['甲乙丙丁：戊己', 8, ['甲乙丙', '丁：戊己']],
    ['甲乙丙丁？戊己', 8, ['甲乙丙', '丁？戊己']],
    ['甲乙丙丁！戊己', 8, ['甲乙丙', '丁！戊己']],
    ['甲乙丙丁；戊己', 8, ['甲乙丙', '丁；戊己']],
    // Closing brackets and quotes never start a line.
    ['见《计算机网络》一书', 14, ['见《计算机网', '络》一书']],
    ['即「半连接队列」满了', 14, ['即「半连接队', '列」满了']],
    ['甲乙丙丁）戊己', 8, ['甲乙丙', '丁）戊己']],
    // Opening brackets never end a line: they go down with what they open.
    ['三次握手（handshake）', 14, ['三次握手', '（handshake）']],
    ['甲乙丙《丁戊》', 8, ['甲乙丙', '《丁戊》']],
    ['甲乙丙“丁戊”己', 8, ['甲乙丙', '“丁戊”己']],
    // Ellipsis and dash: never at a line start, never split in two.
    ['甲乙丙丁……戊', 8, ['甲乙丙', '丁……戊']],
    ['甲乙丙丁——戊', 8, ['甲乙丙', '丁——戊']],
    // Half-width punctuation used as CJK punctuation follows the same rules.
    ['甲乙丙丁,戊己', 8, ['甲乙丙', '丁,戊己']],
    ['甲乙丙丁(ACK)', 8, ['甲乙丙丁', '(ACK)']],
    // Latin inside Chinese: breaks around the word, never inside it.
    ['服务器回复SYN,ACK报文', 10, ['服务器回复', 'SYN,ACK报', '文']],
    ['序列号seq=100的报文段', 10, ['序列号', 'seq=100的', '报文段']],
    // Latin alone: at spaces, never inside a word; spaces at a break are removed.
    ['the SYN flag is set', 10, ['the SYN', 'flag is', 'set']],
    ['a   b', 2, ['a', 'b']],
    // A word wider than the line is the only thing cut inside.
    ['abcdefghijkl xy', 5, ['abcde', 'fghij', 'kl xy']],
    // Numbers stay whole.
    ['窗口 65535 字节', 6, ['窗口', '65535', '字节']],
    // A paragraph's leading spaces and hard line breaks.
    ['  甲乙\n丙丁', 10, ['甲乙', '丙丁']],
    ['', 10, ['']],
  ];
  it.each(cases)('%s at %i columns', (input, width, expected) => {
    expect(wrapText(input, width)).toEqual(expected);
  });

  it('keeps a hanging indent on continuation lines', () => {
    expect(wrapText('甲乙丙丁戊己庚辛', 8, '  ')).toEqual(['甲乙丙丁', '  戊己庚', '  辛']);
    expect(wrap('• 甲乙丙丁，戊己庚辛', 8, '  ')).toEqual(['• 甲乙丙', '  丁，戊', '  己庚辛']);
  });

  it('never cuts a wide character and never leaves a line wider than the width', () => {
    // Width 3: a CJK pair does not fit, so every line holds one character (2 columns).
    expect(wrap('甲乙丙', 3)).toEqual(['甲', '乙', '丙']);
    expect(truncate('甲乙丙', 5)).toBe('甲乙…');
    expect(truncate('甲乙丙', 4, '')).toBe('甲乙');
    expect(truncate('甲乙丙', 3, '')).toBe('甲');
  });
});

/** Random text from the pieces that matter: CJK, Latin words, numbers, spaces, both kinds of punctuation. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'三次握手的客户端服务器发送确认序列号窗口连接队列') },
  { weight: 3, arbitrary: fc.constantFrom('SYN', 'ACK', 'seq=100', 'TCP', 'ESTABLISHED', '65535', 'RFC', '9293', 'a') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ') },
  { weight: 3, arbitrary: fc.constantFrom(...'，。、；：？！）》」』”’…—（《「『“‘', ',', '.', '(', ')', ';') },
);

/** Legal break between `a` (end of line i-1) and `b` (start of line i), `spaced` when spaces were removed. */
function legal(a: string, b: string, spaced: boolean): boolean {
  if (NO_START.includes(first(b)) || NO_END.includes(last(a))) return false;
  return spaced || stringWidth(last(a)) >= 2 || stringWidth(first(b)) >= 2;
}

describe('wrapText: properties', () => {
  it('fits the width, breaks only where allowed, keeps the text (200 random mixes, widths 10-200)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 120 }), fc.integer({ min: 10, max: 200 }), (pieces, width) => {
        const input = pieces.join('');
        const lines = wrapText(input, width);
        let rest = input.trim();
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i];
          expect(stringWidth(l)).toBeLessThanOrEqual(width);
          expect(l).toBe(l.trim()); // no line starts or ends with a space
          expect(rest.startsWith(l)).toBe(true);
          rest = rest.slice(l.length);
          // The spaces removed at the break, as they were (a line keeps the spaces inside it).
          const gap = rest.length - rest.trimStart().length;
          const spaced = gap > 0;
          rest = rest.trimStart();
          if (i + 1 < lines.length && !legal(l, lines[i + 1], spaced)) {
            // Only a single unbreakable run wider than the line forces an illegal break: the line
            // then holds no legal break of its own, and the next character did not fit.
            const chars = [...l];
            let prev = -1;
            for (let k = 0; k < chars.length; k++) {
              if (/\s/.test(chars[k])) continue;
              if (prev >= 0) expect(legal(chars[prev], chars[k], k > prev + 1), `forced break after ${JSON.stringify(l)}`).toBe(false);
              prev = k;
            }
            expect(stringWidth(l) + gap + stringWidth(first(lines[i + 1]))).toBeGreaterThan(width);
          }
        }
        expect(rest).toBe('');
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic, and Latin text wraps exactly like a greedy word wrap', () => {
    const greedy = (words: string[], width: number): string[] => {
      const out: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + 1 + w.length <= width) {
          line += ' ' + w;
          continue;
        }
        if (line) out.push(line);
        line = w;
        while (line.length > width) {
          out.push(line.slice(0, width));
          line = line.slice(width);
        }
      }
      out.push(line);
      return out;
    };
    const word = fc.stringMatching(/^[a-z0-9=]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 10, max: 60 }), (words, width) => {
        const input = words.join(' ');
        const a = wrapText(input, width);
        expect(a).toEqual(greedy(words, width));
        expect(wrapText(input, width)).toBe(a); // cached: the same lines
      }),
      { numRuns: 200 },
    );
  });
});

describe('wrapSpans (styled, the reader)', () => {
  it('applies the punctuation rules across styled spans', () => {
    const lines = wrapSpans([{ text: '客户端发' }, { text: '送', bold: true }, { text: '，服务器确认' }], 10);
    expect(lines.map(lineText)).toEqual(['客户端发', '送，服务器', '确认']);
    expect(lines[1][0]).toMatchObject({ text: '送', bold: true });
  });

  it('keeps the list marker and the hanging indent', () => {
    const lines = wrapSpans([{ text: '三次握手同步双方的初始序列号。' }], 12, [{ text: '• ' }], [{ text: '  ' }]);
    expect(lines.map(lineText)).toEqual(['• 三次握手同', '  步双方的初', '  始序列号。']);
  });
});

const text = (s: string) => [{ type: 'text' as const, text: s }];

describe('tables with CJK cells', () => {
  const table: Block = {
    type: 'table',
    line: 1,
    align: ['left', 'center', 'right'],
    header: [text('状态'), text('含义'), text('端')],
    rows: [
      [text('ESTABLISHED'), text('已建立连接，可以收发数据'), text('双方')],
      [text('TIME-WAIT'), text('等待 2MSL，确保最后的 ACK 到达'), text('主动关闭方')],
    ],
  };

  it.each([20, 30, 40, 60, 80])('aligns the column separators by display width at %i columns', (width) => {
    const lines = blockLines(table, { width, ascii: false });
    const seps = (s: string) => {
      const cols: number[] = [];
      let col = 0;
      for (const ch of s) {
        if (ch === '│' || ch === '┼') cols.push(col);
        col += stringWidth(ch);
      }
      return cols;
    };
    const ref = seps(lineText(lines[1])); // the rule under the header
    expect(ref.length).toBe(2);
    for (const l of lines) {
      expect(lineWidth(l)).toBeLessThanOrEqual(width);
      if (ref[1] < width) expect(seps(lineText(l))).toEqual(ref);
      const t = lineText(l);
      for (const cell of t.split(/[│┼]/)) {
        const c = cell.trim();
        // At 20 columns a column is narrower than `2MSL，` (glued by the rules): that run is cut.
        if (c && width >= 30) expect(NO_START.includes(first(c)), `cell line starts with punctuation: ${t}`).toBe(false);
      }
    }
  });
});
