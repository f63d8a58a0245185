/**
 * Width-aware text helpers for the diagram: everything is measured in terminal columns with
 * string-width, so CJK host names (2 columns a character) line up and never overflow.
 */
import { displayWidth as stringWidth } from '../text/width.js';
import { wrapText } from '../text/wrap.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters that always take one column and never combine: printable ASCII and the box-drawing,
 * arrow and mark glyphs the diagram draws with (string-width agrees; it is just slow on them).
 * Not U+25FD and U+25FE (◽ ◾): shapes with emoji presentation, two columns.
 */
const SIMPLE = /^[\x20-\x7e\u00b7\u00d7\u2026\u2190-\u21ff\u22ee\u2500-\u25fc\u25ff\u2715]*$/;

/** Whether every character of `s` takes one column and none combines (its width is its length). */
export function isSimple(s: string): boolean {
  return SIMPLE.test(s);
}

/** Columns a string takes in a terminal. */
export function strWidth(s: string): number {
  return SIMPLE.test(s) ? s.length : stringWidth(s);
}

/** A string cut into grapheme clusters with their column widths (zero-width ones dropped). */
export function graphemes(s: string): { g: string; w: number }[] {
  const out: { g: string; w: number }[] = [];
  if (SIMPLE.test(s)) {
    for (let i = 0; i < s.length; i++) out.push({ g: s[i], w: 1 });
    return out;
  }
  for (const { segment } of segmenter.segment(s)) {
    const w = stringWidth(segment);
    if (w === 0) continue;
    out.push({ g: segment, w });
  }
  return out;
}

/** Removes control characters (a host name or explanation must not move the cursor). */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Replaces everything outside printable ASCII with '?' (for charset ascii). */
export function asciiOnly(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    out += c >= 0x20 && c <= 0x7e ? ch : '?';
  }
  return out;
}

/** Cuts a string to at most `max` columns, ending in `ellipsis` when something was cut. */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  if (max <= 0) return '';
  if (strWidth(s) <= max) return s;
  const ew = strWidth(ellipsis);
  const room = Math.max(0, max - ew);
  let out = '';
  let w = 0;
  for (const { g, w: gw } of graphemes(s)) {
    if (w + gw > room) break;
    out += g;
    w += gw;
  }
  return ew <= max ? out + ellipsis : out;
}

/**
 * Wraps text into lines of at most `width` columns; continuation lines start with `indent`. The
 * app's one line breaker (src/text/wrap.ts): CJK between any two characters, Latin at spaces,
 * Chinese punctuation rules.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  return wrapText(text, width, indent).map((l) => truncate(l, width, ''));
}
