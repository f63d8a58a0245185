/**
 * Columns of a diagram line for the tests' width checks: string-width's answer, without its cost on
 * box drawing (it segments the line into graphemes and tests each against its emoji regex, which was
 * most of the CPU time of the diagram tests). A line of printable ASCII and the one-column glyphs
 * the diagram draws with is its length: each of those measures 1 and none joins a neighbour into one
 * grapheme (checked against string-width in render.test.ts). Any other line (CJK, emoji) goes to
 * string-width itself.
 */
import stringWidth from 'string-width';

/** Printable ASCII, · × … arrows ⋮ box drawing and shapes (but ◽ ◾, two columns) and ✕. */
export const ONE_COLUMN_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xb7, 0xb7],
  [0xd7, 0xd7],
  [0x2026, 0x2026],
  [0x2190, 0x21ff],
  [0x22ee, 0x22ee],
  [0x2500, 0x25fc],
  [0x25ff, 0x25ff],
  [0x2715, 0x2715],
];
const hex = (c: number) => `\\u{${c.toString(16)}}`;
const ONE_COLUMN = new RegExp(`^[${ONE_COLUMN_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]*$`, 'u');

/** The columns a line takes in a terminal (string-width's measure). */
export function columns(line: string): number {
  return ONE_COLUMN.test(line) ? line.length : stringWidth(line);
}

/** The widest of some lines, in columns (0 for none). */
export function widest(lines: readonly string[]): number {
  let w = 0;
  for (const l of lines) w = Math.max(w, columns(l));
  return w;
}
