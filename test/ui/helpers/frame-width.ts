/**
 * The frame checks' measure: string-width itself (not the app's own measuring code), remembered per
 * line, since consecutive frames repeat most of their lines and string-width runs an emoji regex
 * on every grapheme. A frame is checked with one assertion that lists its offending lines.
 *
 *   expect(tooWide(frame.split('\n'), columns), where).toEqual([]);
 */
import stringWidth from 'string-width';

const memo = new Map<string, number>();

/** string-width of `line`, remembered (the memo is cleared when it holds 20,000 lines). */
export function frameLineWidth(line: string): number {
  let w = memo.get(line);
  if (w === undefined) {
    w = stringWidth(line);
    if (memo.size >= 20_000) memo.clear();
    memo.set(line, w);
  }
  return w;
}

/** The lines wider than `columns` (each with its width): empty when the frame fits. */
export function tooWide(lines: readonly string[], columns: number): { width: number; line: string }[] {
  const out: { width: number; line: string }[] = [];
  for (const line of lines) {
    const width = frameLineWidth(line);
    if (width > columns) out.push({ width, line });
  }
  return out;
}
