/**
 * Display width in terminal columns (a CJK character is 2), as string-width measures it, but fast on
 * the text synack draws every frame: printable ASCII is its length, and every other grapheme's width
 * is remembered (string-width segments and runs Unicode-property regexes on each call, and the
 * reader, the wrapper and the diagram ask about the same few hundred graphemes over and over: box
 * drawing, arrows, CJK). Pure; the memo is bounded.
 */
import stringWidth from './string-width-fast.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
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

/** The width of a string without escape sequences (callers strip them first, as string-width would). */
export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
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
