/**
 * Display width for the start-up path (the CLI's help tables): a CJK or full-width character is two
 * columns, marks and format characters none, anything else one, from get-east-asian-width alone.
 * It agrees with src/text/width.ts for text without emoji or joining sequences (help labels and
 * summaries), which is all the help holds; test/text/width-lite.test.ts checks the two agree there.
 *
 * Why not width.ts: it loads string-width, which builds an Intl.Segmenter when imported (about
 * 50 ms on this machine, more under load), and the help and `--version` share the CLI's first chunk.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

/** Columns `s` takes (CJK two, marks and controls zero); for text without emoji. */
export function widthLite(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    if (ZERO_WIDTH.test(ch)) continue;
    w += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false });
  }
  return w;
}

/** `s` followed by spaces up to `width` columns (by widthLite). */
export function padEndLite(s: string, width: number): string {
  const w = widthLite(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}
