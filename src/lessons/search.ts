/**
 * Searching a laid-out lesson (the reader's `/`, `n`, `N`), pure: the reader passes the text of
 * each rendered row; matches are found per row, so a match is always on one screen row.
 *
 * Case: like less's "smart case", a query in lower case matches any case; a query with a capital
 * letter matches case-sensitively. Matching is by UTF-16 index on the row's text; `col` and `len`
 * are in code units of that text (the reader converts to columns when it highlights).
 */

/** The longest query the reader accepts (characters). */
export const MAX_QUERY = 100;

export interface SearchMatch {
  /** Row of the layout. */
  row: number;
  /** Index of the match in the row's text (UTF-16 code units). */
  index: number;
  /** Length of the match in code units. */
  length: number;
}

function caseSensitive(query: string): boolean {
  return query !== query.toLowerCase();
}

/** Every match of `query` in `rows`, in reading order (none for an empty query). */
export function findMatches(rows: readonly string[], query: string): SearchMatch[] {
  const q = query.slice(0, MAX_QUERY);
  if (q.trim() === '') return [];
  const sensitive = caseSensitive(q);
  const needle = sensitive ? q : q.toLowerCase();
  const out: SearchMatch[] = [];
  rows.forEach((text, row) => {
    // toLowerCase can change a string's length (e.g. 'İ'): search the row as is when it does.
    const lower = text.toLowerCase();
    const hay = sensitive || lower.length !== text.length ? text : lower;
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + Math.max(1, needle.length))) {
      out.push({ row, index: i, length: needle.length });
    }
  });
  return out;
}

export interface MatchStep {
  /** Index into the matches, or -1 when there are none. */
  at: number;
  /** True when the step went past the last match back to the first (or before the first to the last). */
  wrapped: boolean;
}

/**
 * The next match after row `from` (forward: the first on a row below `from`; backward: the last on
 * a row above it), wrapping around the lesson like less does.
 */
export function stepMatch(matches: readonly SearchMatch[], from: number, forward: boolean): MatchStep {
  if (matches.length === 0) return { at: -1, wrapped: false };
  if (forward) {
    const i = matches.findIndex((m) => m.row > from);
    return i >= 0 ? { at: i, wrapped: false } : { at: 0, wrapped: true };
  }
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i]!.row < from) return { at: i, wrapped: false };
  return { at: matches.length - 1, wrapped: true };
}

/** The first match on or after row `from` (the jump right after a search is entered), wrapping. */
export function firstMatchFrom(matches: readonly SearchMatch[], from: number): MatchStep {
  return stepMatch(matches, from - 1, true);
}
