/**
 * Searching a laid-out lesson (the reader's `/`, `n`, `N`), pure: the reader passes the text of
 * each rendered row; matches are found per row, so a match is always on one screen row.
 *
 * Matching folds text the way the quiz grader does (src/quiz/grade.ts normalizeText): Unicode NFKC,
 * so full-width forms equal half-width ones (`ＳＹＮ` finds `SYN`, `１０１` finds `101`), then lower
 * case, so it is case-insensitive (`syn` finds `SYN` and `Syn`). The fold is applied character by
 * character, so every match maps back to a range of the row as shown: `index` and `length` are in
 * UTF-16 code units of the row's own text (the reader converts to columns when it highlights).
 */

/** The longest query the reader accepts (characters); longer input is not taken. */
export const MAX_QUERY = 100;

export interface SearchMatch {
  /** Row of the layout. */
  row: number;
  /** Index of the match in the row's text (UTF-16 code units). */
  index: number;
  /** Length of the match in code units of the row's text. */
  length: number;
}

/** One character folded for matching (NFKC, then lower case): the grader's normalisation. */
function foldChar(ch: string): string {
  return ch.normalize('NFKC').toLowerCase();
}

/** A query folded for matching (cut to MAX_QUERY characters first). */
export function foldQuery(query: string): string {
  return [...query].slice(0, MAX_QUERY).map(foldChar).join('');
}

/** A row folded, with the index in the row of the character each folded code unit came from. */
function foldRow(text: string): { folded: string; from: number[]; ends: number[] } {
  let folded = '';
  const from: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      ends.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, from, ends };
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** Every match of `query` in `rows`, in reading order (none for an empty or blank query). */
export function findMatches(rows: readonly string[], query: string): SearchMatch[] {
  const needle = foldQuery(query);
  if (needle.trim() === '') return [];
  const out: SearchMatch[] = [];
  rows.forEach((text, row) => {
    // ASCII rows (most of an English lesson) fold by lower case alone, index for index.
    if (ASCII.test(text)) {
      const folded = text.toLowerCase();
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) out.push({ row, index: i, length: needle.length });
      return;
    }
    const { folded, from, ends } = foldRow(text);
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
      const start = from[i]!;
      const end = ends[i + needle.length - 1]!;
      // A fold that splits one character (ﬁ -> fi) matched in its middle: not a match of the text shown.
      if (i > 0 && from[i - 1] === start) continue;
      if (i + needle.length < from.length && from[i + needle.length] === from[i + needle.length - 1]) continue;
      out.push({ row, index: start, length: end - start });
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
