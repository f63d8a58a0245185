/**
 * The one line breaker for every text synack lays out (the reader, quiz boxes, the player's panel
 * and narration, the diagram's captions, tables). Pure and deterministic.
 *
 * - Widths are display columns (string-width): a CJK character takes two.
 * - Latin text breaks between words (at spaces), never inside a word or number unless the word alone
 *   is wider than the line. CJK text breaks between any two characters, and between a CJK character
 *   and Latin text, with no space needed.
 * - Chinese line-breaking rules (kinsoku; GB/T 15834, W3C clreq "Requirements for Chinese Text
 *   Layout" §3.1.7): no line starts with closing or pause punctuation (，。、；：？！）》」』”’…— and
 *   their half-width kin , . ; : ? ! ) ] } %), no line ends with opening punctuation (（《「『“‘ and
 *   ( [ {). A character that may not start a line is kept with the one before it (both move to the
 *   next line together), an opening mark with the one after it.
 * - The spaces at a break are removed, so no wrapped line starts or ends with a space; a paragraph's
 *   leading and trailing spaces are dropped too. `\n` ends a paragraph.
 * - A number stays with its Chinese unit of time and the 后/前/内 after it (`1 分钟后`, `3 天前`,
 *   `90 秒内`, clreq §3.1.7's "do not separate a number from its unit"): such a run is one unit.
 * - Only a single unbreakable run (a word, or characters glued by the rules above) wider than the
 *   line is cut inside, at a grapheme boundary (never inside a wide character).
 */
import { aloneWidth, displayWidth as stringWidth } from './width.js';

/** One grapheme with its width and a caller's payload (a style, or nothing). */
export interface Cell<S> {
  g: string;
  w: number;
  s: S;
}

/** May not start a line (closing brackets and quotes, pause and stop marks, ellipsis, dash...). */
const NO_START = new Set([
  ...'，。、；：？！）》」』”’…—―～〕〗〙〛】〉］｝％‰・·．｡､﹐﹑﹒﹔﹕﹖﹗',
  ...',.;:?!)]}%',
  ...'々〃ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
]);

/** May not end a line (opening brackets and quotes). */
const NO_END = new Set([...'（《「『“‘〔〖〘〚【〈［｛', ...'([{']);

/** The first code point of a grapheme (a cluster such as `，︀` counts as its base character). */
function base(g: string): string {
  const c = g.codePointAt(0);
  return c === undefined ? '' : String.fromCodePoint(c);
}

export function mayNotStart(g: string): boolean {
  return NO_START.has(base(g));
}

export function mayNotEnd(g: string): boolean {
  return NO_END.has(base(g));
}

const SPACE = /^\s+$/u;

export function isSpace(g: string): boolean {
  return g !== '\n' && SPACE.test(g);
}

/**
 * Whether a line may break between two adjacent graphemes `a` and `b` (`spaced`: spaces lie between
 * them, which the break removes). Without spaces, a break needs a wide (CJK) character on one side.
 */
export function breakAllowed(a: Cell<unknown>, b: Cell<unknown>, spaced: boolean): boolean {
  if (mayNotStart(b.g) || mayNotEnd(a.g)) return false;
  return spaced || a.w >= 2 || b.w >= 2;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cells of a string (graphemes with their widths), all carrying `s`. `\n` stays a cell of its own. */
export function cellsOf<S>(text: string, s: S, out: Cell<S>[] = []): Cell<S>[] {
  if (PRINTABLE_ASCII.test(text)) {
    for (let i = 0; i < text.length; i++) out.push({ g: text[i], w: 1, s });
    return out;
  }
  // Printable ASCII and ALONE code points (src/text/width.ts): each is a grapheme of its own.
  const from = out.length;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = c >= 0x20 && c <= 0x7e ? 1 : aloneWidth(c);
    if (w < 0) break;
    out.push({ g: text[i], w, s });
  }
  if (i === text.length) return out;
  out.length = from;
  for (const { segment } of segmenter.segment(text)) {
    if (segment === '\r\n') out.push({ g: '\n', w: 0, s });
    else out.push({ g: segment, w: segment === '\n' ? 0 : stringWidth(segment), s });
  }
  return out;
}

/**
 * A number, an optional space, a Chinese unit of time and an optional 后/前/内 (`1 分钟后`,
 * `2.5 小时前`, `3 天`): a run no line may break inside.
 */
const QUANTITY = /\d+(?:\.\d+)?[ \u00a0\u2009]?(?:毫秒|秒钟|秒|分钟|分|小时|个小时|天|周|星期|个月|年)(?:以后|之后|以前|之前|以内|后|前|内)?/g;
const HAS_QUANTITY = /\d[ \u00a0\u2009]?[毫秒分小个天周星年]/;

/**
 * For the cells from..to: the indices (absolute) that must stay on the line of the cell before
 * them, because both lie inside one QUANTITY run; null when the paragraph has none (the usual case).
 */
function gluedCells(cells: Cell<unknown>[], from: number, to: number): Set<number> | null {
  let text = '';
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    starts.push(text.length);
    text += cells[i].g;
  }
  if (!HAS_QUANTITY.test(text)) return null;
  const glued = new Set<number>();
  let k = 0;
  for (const m of text.matchAll(QUANTITY)) {
    const end = m.index + m[0].length;
    while (k < starts.length && starts[k] <= m.index) k++;
    while (k < starts.length && starts[k] < end) glued.add(from + k++);
  }
  return glued;
}

interface Atom<S> {
  /** Spaces before the atom (kept only when the atom does not start a line). */
  lead: Cell<S>[];
  leadW: number;
  cells: Cell<S>[];
  w: number;
}

/** One paragraph (no `\n`) cut into unbreakable atoms. */
function atomsOf<S>(cells: Cell<S>[], from: number, to: number): Atom<S>[] {
  const atoms: Atom<S>[] = [];
  let cur: Atom<S> | null = null;
  let prev: Cell<S> | null = null;
  let spaces: Cell<S>[] = [];
  const glued = gluedCells(cells, from, to);
  for (let i = from; i < to; i++) {
    const c = cells[i];
    if (isSpace(c.g)) {
      if (cur) spaces.push(c);
      continue;
    }
    if (c.w === 0 && cur && spaces.length === 0) {
      // A zero-width character (joiner, mark the segmenter left alone) sticks to what precedes it.
      cur.cells.push(c);
      continue;
    }
    if (!cur || !prev) {
      cur = { lead: [], leadW: 0, cells: [c], w: c.w };
      atoms.push(cur);
    } else if (!glued?.has(i) && breakAllowed(prev, c, spaces.length > 0)) {
      const leadW = spaces.reduce((a, x) => a + x.w, 0);
      cur = { lead: spaces, leadW, cells: [c], w: c.w };
      atoms.push(cur);
    } else {
      for (const sp of spaces) {
        cur.cells.push(sp);
        cur.w += sp.w;
      }
      cur.cells.push(c);
      cur.w += c.w;
    }
    spaces = [];
    prev = c;
  }
  return atoms;
}

/**
 * Breaks cells into lines: the first line has `firstWidth` columns, the others `restWidth` (the
 * callers' prefixes, such as a list marker and its hanging indent, are already taken off). Every
 * line is at most its width, except a lone grapheme wider than the whole line (a CJK character at
 * width 1), which gets a line of its own.
 */
export function breakCells<S>(cells: Cell<S>[], firstWidth: number, restWidth: number = firstWidth): Cell<S>[][] {
  const lines: Cell<S>[][] = [];
  let line: Cell<S>[] = [];
  let used = 0;
  let avail = Math.max(1, firstWidth);
  const restAvail = Math.max(1, restWidth);
  const newLine = () => {
    while (line.length && isSpace(line[line.length - 1].g)) line.pop();
    lines.push(line);
    line = [];
    used = 0;
    avail = restAvail;
  };
  let start = 0;
  for (let end = 0; end <= cells.length; end++) {
    if (end < cells.length && cells[end].g !== '\n') continue;
    if (start > 0) newLine();
    for (const atom of atomsOf(cells, start, end)) {
      if (used > 0 && used + atom.leadW + atom.w <= avail) {
        line.push(...atom.lead, ...atom.cells);
        used += atom.leadW + atom.w;
        continue;
      }
      if (used > 0) newLine();
      if (atom.w <= avail) {
        line.push(...atom.cells);
        used = atom.w;
        continue;
      }
      // A single run wider than the line: cut it at grapheme boundaries.
      for (const c of atom.cells) {
        if (used === 0 && isSpace(c.g)) continue;
        if (used > 0 && used + c.w > avail) {
          newLine();
          if (isSpace(c.g)) continue;
        }
        line.push(c);
        used += c.w;
      }
    }
    start = end + 1;
  }
  newLine();
  return lines;
}

function joinCells(line: Cell<unknown>[]): string {
  let s = '';
  for (const c of line) s += c.g;
  return s;
}

/** Columns a line of cells takes. */
export function cellsWidth(line: Cell<unknown>[]): number {
  let w = 0;
  for (const c of line) w += c.w;
  return w;
}

const cache = new Map<string, string[]>();
const CACHE_MAX = 2000;

/**
 * Plain text to lines of at most `width` columns; continuation lines start with `indent` (a
 * hanging indent, dropped when it leaves no room). Cached (it runs on every frame): the returned
 * array is shared, do not change it.
 */
export function wrapText(text: string, width: number, indent = ''): readonly string[] {
  const w = Math.max(1, width);
  const iw = indent ? stringWidth(indent) : 0;
  const ind = iw > 0 && iw < w ? indent : '';
  const key = `${w}\u0000${ind}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rest = ind ? w - iw : w;
  const out = breakCells(cellsOf(text, null), w, rest).map((l, i) => (i > 0 && ind ? ind : '') + joinCells(l));
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, out);
  return out;
}
