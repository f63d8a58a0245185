/**
 * Lesson blocks -> styled lines at a given width (pure). The reader slices these lines to scroll.
 *
 * Every string from a lesson goes through sanitizeText. Paragraphs, list items, quotes and table
 * cells wrap (CJK anywhere, other text at spaces); code fences are never reflowed, only cut to the
 * width with an ellipsis. Interactive blocks (quiz, tcp, layers) are rendered by a callback so the
 * reader can give them their live state.
 */
import { displayWidth as stringWidth } from '../../text/width.js';
import type { Block, Inline } from '../../lessons/types.js';
import { sanitizeText } from '../../lessons/sanitize.js';
import { glyphs, type Glyphs } from './theme.js';
import { UI } from '../strings.js';
import { breakCells, cellsOf, isSpace, type Cell } from '../../text/wrap.js';

export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  inverse?: boolean;
  /** A colour name (only applied when colour is on). */
  color?: string;
}

export interface Span extends Style {
  text: string;
}

export type Line = Span[];

export interface RenderOptions {
  width: number;
  ascii: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function lineWidth(line: Line): number {
  let w = 0;
  for (const s of line) w += stringWidth(s.text);
  return w;
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

export function plain(text: string, style: Style = {}): Line {
  return text === '' ? [] : [{ text, ...style }];
}

function sameStyle(a: Style, b: Style): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.dim === !!b.dim &&
    !!a.inverse === !!b.inverse &&
    a.color === b.color
  );
}

function pushSpan(line: Line, text: string, style: Style): void {
  if (text === '') return;
  const last = line[line.length - 1];
  if (last && sameStyle(last, style)) last.text += text;
  else line.push({ ...style, text });
}

/** Clean text for display: no control characters, tabs and newlines become spaces. */
export function clean(s: string): string {
  return sanitizeText(s, { keepNewlines: false, keepTabs: false });
}

/** Expand tabs (8-column stops) and sanitize one code line. */
export function cleanCodeLine(s: string): string {
  let out = '';
  let col = 0;
  for (const ch of s) {
    if (ch === '\t') {
      const n = 8 - (col % 8);
      out += ' '.repeat(n);
      col += n;
    } else {
      out += ch;
      col += stringWidth(ch);
    }
  }
  return sanitizeText(out, { keepNewlines: false, keepTabs: false });
}

/** Inline markup -> spans (unwrapped). Links show their address after the text when it differs. */
export function inlineSpans(inlines: Inline[], base: Style = {}): Span[] {
  const out: Span[] = [];
  const walk = (xs: Inline[], st: Style) => {
    for (const x of xs) {
      switch (x.type) {
        case 'text':
          out.push({ ...st, text: clean(x.text) });
          break;
        case 'strong':
          walk(x.children, { ...st, bold: true });
          break;
        case 'em':
          walk(x.children, { ...st, italic: true });
          break;
        case 'code':
          out.push({ ...st, color: 'yellow', text: clean(x.text) });
          break;
        case 'link': {
          const before = out.length;
          walk(x.children, { ...st, underline: true, color: 'blue' });
          const shown = out.slice(before).map((s) => s.text).join('');
          const href = clean(x.href);
          if (href && href !== shown && `mailto:${shown}` !== href) out.push({ ...st, dim: true, text: ` (${href})` });
          break;
        }
        case 'br':
          out.push({ ...st, text: '\n' });
          break;
      }
    }
  };
  walk(inlines, base);
  return out;
}

/**
 * Wraps styled spans (src/text/wrap.ts: display width, CJK anywhere, Latin at spaces, Chinese
 * punctuation rules). A run of whitespace counts as one space; `\n` (a hard break) starts a new
 * line. `first`/`rest` are prefixes (their width is reserved): `rest` is the hanging indent.
 */
export function wrapSpans(spans: Span[], width: number, first: Line = [], rest: Line = first): Line[] {
  const cells: Cell<Style>[] = [];
  for (const span of spans) {
    const { text, ...style } = span;
    const from = cells.length;
    cellsOf(text, style as Style, cells);
    // Collapse whitespace runs to one plain space (not inverse: a highlight covers words only).
    let k = from;
    for (let i = from; i < cells.length; i++) {
      const c = cells[i];
      if (isSpace(c.g)) {
        const prev = cells[k - 1];
        if (k > 0 && prev && isSpace(prev.g)) continue;
        cells[k++] = { g: ' ', w: 1, s: { ...c.s, inverse: false } };
      } else cells[k++] = c;
    }
    cells.length = k;
  }
  const lines = breakCells(cells, width - lineWidth(first), width - lineWidth(rest));
  return lines.map((cs, i) => {
    const line: Line = (i === 0 ? first : rest).map((s) => ({ ...s }));
    for (const c of cs) pushSpan(line, c.g, c.s);
    return line;
  });
}

/** Cut a line to `width` columns, adding `ellipsis` when cut. */
export function clipLine(line: Line, width: number, ellipsis = ''): Line {
  if (lineWidth(line) <= width) return line;
  const ew = stringWidth(ellipsis);
  const room = Math.max(0, width - ew);
  const out: Line = [];
  let used = 0;
  outer: for (const s of line) {
    const { text, ...style } = s;
    for (const { segment } of segmenter.segment(text)) {
      const w = stringWidth(segment);
      if (used + w > room) break outer;
      pushSpan(out, segment, style);
      used += w;
    }
  }
  if (ew && ew <= width) out.push({ text: ellipsis, dim: true });
  return out;
}

function padLine(line: Line, width: number): Line {
  const w = lineWidth(line);
  return w >= width ? line : [...line, { text: ' '.repeat(width - w) }];
}

function prefixLines(lines: Line[], first: Line, rest: Line): Line[] {
  return lines.map((l, i) => [...(i === 0 ? first : rest).map((s) => ({ ...s })), ...l]);
}

/** Callback rendering an interactive block (quiz/tcp/layers) at a width. */
export type InteractiveRenderer = (block: Block, index: number, width: number) => Line[];

export interface BlockLayout {
  /** Index into lesson.blocks (top-level blocks only). */
  block: number;
  start: number;
  /** Rows this block takes (without the blank line after it). */
  height: number;
}

export interface DocLayout {
  lines: Line[];
  blocks: BlockLayout[];
  /** Start rows of the `##` (depth <= 2) headings, with their text. */
  sections: { row: number; title: string; block: number }[];
}

function tableLines(b: Extract<Block, { type: 'table' }>, width: number, g: Glyphs): Line[] {
  const ncol = Math.max(b.header.length, ...b.rows.map((r) => r.length));
  if (ncol === 0) return [];
  const cellSpans = (c: Inline[] | undefined, header: boolean) => inlineSpans(c ?? [], header ? { bold: true } : {});
  const natural = (c: Inline[] | undefined) =>
    Math.max(1, ...cellSpans(c, false).map((s) => s.text).join('').split('\n').map((t) => stringWidth(t)));
  const widths = Array.from({ length: ncol }, (_, i) =>
    Math.max(natural(b.header[i]), ...b.rows.map((r) => natural(r[i]))),
  );
  const sep = 3; // ' │ '
  const avail = Math.max(ncol, width - sep * (ncol - 1));
  // A column never gets narrower than its widest character (2 for CJK), so no character is lost.
  const widest = (c: Inline[] | undefined) => {
    let m = 1;
    for (const s of cellSpans(c, false)) for (const ch of s.text) if (ch.codePointAt(0)! > 0x7f) m = Math.max(m, stringWidth(ch));
    return m;
  };
  const minW = Array.from({ length: ncol }, (_, i) => Math.max(widest(b.header[i]), ...b.rows.map((r) => widest(r[i]))));
  // Shrink the widest columns until the table fits.
  while (widths.reduce((a, x) => a + x, 0) > avail) {
    let k = -1;
    for (let i = 0; i < ncol; i++) if (widths[i] > minW[i] && (k < 0 || widths[i] > widths[k])) k = i;
    if (k < 0) break;
    widths[k]--;
  }
  const rowLines = (cells: (Inline[] | undefined)[], header: boolean): Line[] => {
    const wrapped = widths.map((w, i) => wrapSpans(cellSpans(cells[i], header), w).map((l) => clipLine(l, w)));
    const h = Math.max(1, ...wrapped.map((c) => c.length));
    const out: Line[] = [];
    for (let r = 0; r < h; r++) {
      const line: Line = [];
      widths.forEach((w, i) => {
        if (i > 0) line.push({ text: ` ${g.v} `, dim: true });
        const cell = wrapped[i][r] ?? [];
        const align = b.align[i];
        const cw = lineWidth(cell);
        const gap = Math.max(0, w - cw);
        const left = align === 'right' ? gap : align === 'center' ? Math.floor(gap / 2) : 0;
        if (left) line.push({ text: ' '.repeat(left) });
        line.push(...cell);
        if (i < ncol - 1 && gap - left) line.push({ text: ' '.repeat(gap - left) });
      });
      out.push(line);
    }
    return out;
  };
  const rule: Line = [
    {
      text: widths.map((w) => g.h.repeat(w)).join(g.h + (g.h === '-' ? '+' : '┼') + g.h),
      dim: true,
    },
  ];
  const out = [...rowLines(b.header, true), rule, ...b.rows.flatMap((r) => rowLines(r, false))];
  return out.map((l) => clipLine(l, width));
}

/** Lines for one block (not interactive ones: those come from `interactive`). */
export function blockLines(b: Block, opts: RenderOptions, interactive?: InteractiveRenderer, index = -1): Line[] {
  const { width, ascii } = opts;
  const g = glyphs(ascii);
  switch (b.type) {
    case 'heading': {
      const spans = inlineSpans(b.inlines, { bold: true, color: b.depth <= 2 ? 'cyan' : undefined });
      const lines = wrapSpans(spans, width);
      if (b.depth === 1) {
        const w = Math.min(width, Math.max(...lines.map(lineWidth)));
        return [...lines, [{ text: (ascii ? '=' : '═').repeat(Math.max(1, w)), dim: true }]];
      }
      if (b.depth === 2) {
        const w = Math.min(width, Math.max(...lines.map(lineWidth)));
        return [...lines, [{ text: g.h.repeat(Math.max(1, w)), dim: true }]];
      }
      return lines;
    }
    case 'paragraph':
      return wrapSpans(inlineSpans(b.inlines), width);
    case 'list': {
      const out: Line[] = [];
      b.items.forEach((item, i) => {
        const marker = b.ordered ? `${b.start + i}. ` : `${g.bullet} `;
        const mw = stringWidth(marker);
        const inner = Math.max(4, width - mw);
        const body: Line[] = [];
        item.forEach((child, k) => {
          const ls = blockLines(child, { width: inner, ascii }, interactive);
          if (k > 0 && child.type !== 'list') body.push([]);
          body.push(...ls);
        });
        if (body.length === 0) body.push([]);
        out.push(...prefixLines(body, [{ text: marker, color: 'cyan' }], [{ text: ' '.repeat(mw) }]));
      });
      return out.map((l) => clipLine(l, width));
    }
    case 'table':
      return tableLines(b, width, g);
    case 'code': {
      const text = b.text.replace(/\r\n/g, '\n');
      const indent = width >= 30 ? 2 : 0;
      return text.split('\n').map((raw) => {
        const line = cleanCodeLine(raw);
        const clipped = clipLine([{ text: line, color: 'green' }], width - indent, g.ellipsis);
        return indent ? [{ text: ' '.repeat(indent) }, ...clipped] : clipped;
      });
    }
    case 'quote': {
      const bar: Line = [{ text: `${g.quoteBar} `, color: quoteColor(b.kind), dim: b.kind === null }];
      const inner = Math.max(4, width - 2);
      const body: Line[] = [];
      if (b.kind) body.push([{ text: UI.quoteKinds[b.kind] ?? b.kind, bold: true, color: quoteColor(b.kind) }]);
      b.blocks.forEach((child, k) => {
        if (k > 0) body.push([]);
        body.push(...blockLines(child, { width: inner, ascii }, interactive));
      });
      return prefixLines(body, bar, bar).map((l) => clipLine(l, width));
    }
    case 'hr':
      return [[{ text: g.h.repeat(Math.max(1, width)), dim: true }]];
    case 'quiz':
    case 'tcp':
    case 'layers':
      return interactive ? interactive(b, index, width).map((l) => clipLine(l, width)) : [];
  }
}

function quoteColor(kind: string | null): string | undefined {
  switch (kind) {
    case 'note':
      return 'blue';
    case 'tip':
      return 'green';
    case 'important':
      return 'magenta';
    case 'warning':
      return 'yellow';
    case 'caution':
      return 'red';
    default:
      return undefined;
  }
}

export function headingText(b: Block): string {
  if (b.type !== 'heading') return '';
  return inlineSpans(b.inlines)
    .map((s) => s.text)
    .join('')
    .replace(/\n/g, ' ');
}

/** The whole document: blocks separated by one blank line. */
export function layoutDoc(blocks: Block[], opts: RenderOptions, interactive?: InteractiveRenderer): DocLayout {
  const lines: Line[] = [];
  const layout: BlockLayout[] = [];
  const sections: DocLayout['sections'] = [];
  blocks.forEach((b, i) => {
    if (i > 0) lines.push([]);
    const ls = blockLines(b, opts, interactive, i);
    if (b.type === 'heading' && b.depth <= 2) sections.push({ row: lines.length, title: headingText(b), block: i });
    layout.push({ block: i, start: lines.length, height: ls.length });
    lines.push(...ls);
  });
  return { lines, blocks: layout, sections };
}

/** A bordered box of lines (used for interactive blocks), `width` wide. */
export function boxLines(body: Line[], width: number, ascii: boolean, opts: { title?: string; focused?: boolean } = {}): Line[] {
  const g = glyphs(ascii);
  const inner = Math.max(1, width - 4);
  const borderStyle: Style = { color: opts.focused ? 'cyan' : undefined, dim: !opts.focused, bold: !!opts.focused };
  const title = opts.title ? ` ${clean(opts.title)} ` : '';
  const titleCut = clipLine([{ text: title }], Math.max(0, width - 4), g.ellipsis);
  const tw = lineWidth(titleCut);
  const top: Line = [
    { text: g.tl + g.h, ...borderStyle },
    ...titleCut.map((s) => ({ ...s, bold: true })),
    { text: g.h.repeat(Math.max(0, width - 3 - tw)) + g.tr, ...borderStyle },
  ];
  const bottom: Line = [{ text: g.bl + g.h.repeat(Math.max(0, width - 2)) + g.br, ...borderStyle }];
  const mid = body.map((l) => [
    { text: g.v + ' ', ...borderStyle },
    ...padLine(clipLine(l, inner, g.ellipsis), inner),
    { text: ' ' + g.v, ...borderStyle },
  ]);
  return [top, ...mid, bottom];
}
