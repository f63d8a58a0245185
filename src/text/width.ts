/**
 * Display width in terminal columns (a CJK character is 2), as string-width measures it, but fast on
 * the text synack draws every frame: printable ASCII is its length, and every other grapheme's width
 * is remembered (string-width segments and runs Unicode-property regexes on each call, and the
 * reader, the wrapper and the diagram ask about the same few hundred graphemes over and over: box
 * drawing, arrows, CJK). Pure; the memo is bounded.
 */
import stringWidth from './string-width-fast.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Graphemes remembered (cleared when full: a frame needs far fewer). */
export const WIDTH_MEMO_ENTRIES = 8192;
const memo = new Map<string, number>();

/** The width of one grapheme (a string of one user-perceived character). */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c <= 0x7e) return 1;
  }
  let w = memo.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (memo.size >= WIDTH_MEMO_ENTRIES) memo.clear();
    memo.set(g, w);
  }
  return w;
}

/**
 * BMP code points that are always a grapheme of their own, whatever is around them, as long as the
 * string holds nothing outside these ranges and printable ASCII (UAX #29: none of them is a
 * control, Extend, ZWJ, SpacingMark, Prepend, regional indicator or Hangul jamo/syllable; their
 * neighbours here are none of those either). The text synack draws is mostly these: Latin-1,
 * general punctuation, arrows, box drawing, shapes, CJK and kana, fullwidth forms. Marks,
 * variation selectors, joiners, controls and everything else take the segmenter path.
 * test/text/width.test.ts checks every one of them against the segmenter.
 */
export const ALONE: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ac],
  [0x00ae, 0x02ff],
  [0x0370, 0x0482],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2070, 0x20cf],
  [0x2100, 0x2bff],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6b],
  [0xff01, 0xff9d],
];

/** Per UTF-16 unit: 0 not looked at yet, 255 not in ALONE, else its width + 1. */
const aloneWidths = new Uint8Array(0x10000);

/** The width of a code point of ALONE (its own grapheme), or -1 for any other code unit. */
export function aloneWidth(c: number): number {
  let t = aloneWidths[c]!;
  if (t === 0) {
    t = 255;
    for (const [a, b] of ALONE) if (c >= a && c <= b) t = Math.min(254, graphemeWidth(String.fromCharCode(c))) + 1;
    aloneWidths[c] = t;
  }
  return t === 255 ? -1 : t - 1;
}

/** The width of a string without escape sequences (callers strip them first, as string-width would). */
export function displayWidth(s: string): number {
  // Printable ASCII and ALONE code points: each is one grapheme, the width is the sum of theirs.
  let fast = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) fast++;
    else {
      const w = aloneWidth(c);
      if (w < 0) return segmentedWidth(s);
      fast += w;
    }
  }
  return fast;
}

function segmentedWidth(s: string): number {
  if (s.includes('\u001B') || s.includes('\u009B')) return stringWidth(s);
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += graphemeWidth(segment);
  return w;
}

/** `s` followed by spaces up to `width` display columns (String.padEnd counts UTF-16 units: a CJK label came out short). */
export function padEndWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Spaces then `s`, up to `width` display columns. */
export function padStartWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}
