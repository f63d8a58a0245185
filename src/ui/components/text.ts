/** Width-aware string helpers for plain (unstyled) text. Pure. */
import { displayWidth as stringWidth } from '../../text/width.js';
import { wrapText } from '../../text/wrap.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function width(s: string): number {
  return stringWidth(s);
}

/** Cut `s` to at most `w` columns; adds `ellipsis` when cut (if it fits). */
export function truncate(s: string, w: number, ellipsis = '…'): string {
  if (w <= 0) return '';
  if (stringWidth(s) <= w) return s;
  const ew = stringWidth(ellipsis);
  const room = ew < w ? w - ew : w;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const sw = stringWidth(segment);
    if (used + sw > room) break;
    out += segment;
    used += sw;
  }
  return ew < w ? out + ellipsis : out;
}

/** Cut to `w` columns without an ellipsis (code blocks). */
export function clip(s: string, w: number): string {
  return truncate(s, w, '');
}

export function padRight(s: string, w: number): string {
  const sw = stringWidth(s);
  return sw >= w ? s : s + ' '.repeat(w - sw);
}

export function padLeft(s: string, w: number): string {
  const sw = stringWidth(s);
  return sw >= w ? s : ' '.repeat(w - sw) + s;
}

export function center(s: string, w: number): string {
  const sw = stringWidth(s);
  if (sw >= w) return s;
  const left = Math.floor((w - sw) / 2);
  return ' '.repeat(left) + s + ' '.repeat(w - sw - left);
}

/**
 * Wraps plain text to `w` columns (src/text/wrap.ts: words for Latin, between any two CJK
 * characters, Chinese punctuation rules); `indent` starts the continuation lines (hanging indent).
 */
export function wrap(s: string, w: number, indent = ''): string[] {
  if (w <= 0) return [''];
  return wrapText(s, w, indent).map((l) => (width(l) > w ? clip(l, w) : l));
}
