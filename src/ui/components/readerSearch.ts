/**
 * The reader's search highlight and table-of-contents lines (pure: lines in, lines out).
 *
 * Highlight: reverse video, which is not a colour, so it marks matches under NO_COLOR and --ascii
 * too (no-color.org: only colour is turned off); the current match is also bold and underlined (and
 * yellow with colour). Text and widths never change, so the layout stays as it is.
 */
import type { DocLayout, Line, Span } from './markdown.js';
import { lineText } from './markdown.js';
import { findMatches, type SearchMatch } from '../../lessons/search.js';
import type { TocEntry } from '../../lessons/toc.js';
import { glyphs } from './theme.js';
import { truncate, width as sw } from './text.js';
import { RS, UI } from '../strings.js';
import { asciiMarker } from './theme.js';

const memo = new WeakMap<readonly Line[], { query: string; matches: SearchMatch[] }>();

/** Every match of `query` in the laid-out lesson, in reading order (memoised per layout and query). */
export function layoutMatches(layout: DocLayout, query: string): SearchMatch[] {
  const hit = memo.get(layout.lines);
  if (hit && hit.query === query) return hit.matches;
  const matches = findMatches(
    layout.lines.map((l) => lineText(l)),
    query,
  );
  memo.set(layout.lines, { query, matches });
  return matches;
}

export interface Highlight {
  /** In code units of the row's text. */
  index: number;
  length: number;
  current: boolean;
}

/** One row with its matches marked: reverse video (the current match also bold and underlined,
 *  and yellow when colour is on). The text and its width never change. */
export function highlightLine(line: Line, marks: readonly Highlight[], opts: { color: boolean }): Line {
  if (!marks.length) return line;
  const sorted = [...marks].sort((a, b) => a.index - b.index);
  const out: Span[] = [];
  const push = (span: Span) => {
    if (span.text !== '') out.push(span);
  };
  let pos = 0;
  for (const s of line) {
    const start = pos;
    const end = pos + s.text.length;
    pos = end;
    let cut = start;
    for (const m of sorted) {
      const a = Math.max(m.index, start);
      const b = Math.min(m.index + m.length, end);
      if (a >= b) continue;
      push({ ...s, text: s.text.slice(cut - start, a - start) });
      const text = s.text.slice(a - start, b - start);
      push(m.current ? { ...s, text, inverse: true, bold: true, underline: true, ...(opts.color ? { color: 'yellow' } : {}) } : { ...s, text, inverse: true });
      cut = b;
    }
    push({ ...s, text: s.text.slice(cut - start) });
  }
  return out;
}

/**
 * The table of contents as lines for `rows` screen rows: its title, then the entries (indented by
 * depth, the current section marked, the cursor on one), a window that keeps the cursor in view
 * with "more above / below" rows when the list is longer than the screen.
 */
export function tocLines(entries: readonly TocEntry[], cursor: number, current: number, width: number, rows: number, ascii: boolean): Line[] {
  const g = glyphs(ascii);
  const out: Line[] = [[{ text: truncate(RS.tocTitle, width, g.ellipsis), bold: true }]];
  const room = Math.max(1, rows - 1);
  const minDepth = Math.min(...entries.map((e) => e.depth));
  const entry = (i: number): Line => {
    const e = entries[i]!;
    const mark = `${i === cursor ? g.pointer : ' '} ${i === current ? g.bullet : ' '} ${'  '.repeat(Math.max(0, e.depth - minDepth))}`;
    const text = truncate(e.title, Math.max(1, width - sw(mark)), g.ellipsis);
    return [{ text: mark + text, inverse: i === cursor, bold: i === current }];
  };
  if (entries.length <= room) {
    for (let i = 0; i < entries.length; i++) out.push(entry(i));
    return out;
  }
  if (room < 3) return [...out, entry(cursor)].slice(-rows);
  // A window that keeps the cursor in view: a marker row above / below where entries are cut.
  const endOf = (start: number) => {
    const end = start + room - (start > 0 ? 1 : 0);
    return end >= entries.length ? entries.length : end - 1;
  };
  let start = Math.max(0, Math.min(cursor - Math.floor(room / 2), entries.length - 1));
  while (cursor >= endOf(start)) start++;
  while (start > 0 && endOf(start - 1) >= entries.length) start--;
  const end = endOf(start);
  if (start > 0) out.push([{ text: truncate(asciiMarker(UI.moreAbove(start), ascii), width), dim: true }]);
  for (let i = start; i < end; i++) out.push(entry(i));
  if (end < entries.length) out.push([{ text: truncate(asciiMarker(UI.moreBelow(entries.length - end), ascii), width), dim: true }]);
  return out;
}
