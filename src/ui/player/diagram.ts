/**
 * The player's only way to draw a diagram: the shared renderer (src/diagram/render.ts), windowed
 * to the rows the view has and following the current step (the host header stays pinned, the
 * legend for the visible segments goes under the window).
 */
import { renderWindowStyled, type RenderOptions, type StyledLine } from '../../diagram/render.js';
import { truncate } from '../components/text.js';
import { asciiMarker } from '../components/theme.js';
import { UI } from '../strings.js';
import { getLang } from '../../i18n/index.js';

export type { StyledLine } from '../../diagram/render.js';
import type { Trace } from '../../tcp/types.js';
import type { InFlight, SeqMode } from './model.js';

export interface DiagramRequest {
  trace: Trace;
  width: number;
  height: number;
  /** Current step: events[0..upTo] are drawn, and upTo is highlighted. */
  upTo: number;
  seq: SeqMode;
  ascii: boolean;
  transit: InFlight[];
  compact?: boolean;
}

export function renderOptions(req: DiagramRequest): RenderOptions {
  // The renderer animates one segment: the one sent last among those in flight.
  const moving = req.transit.length > 0 ? req.transit[req.transit.length - 1] : null;
  return {
    width: req.width,
    upTo: req.upTo,
    charset: req.ascii ? 'ascii' : 'unicode',
    seq: req.seq,
    compact: req.compact,
    highlight: req.upTo,
    // A long transfer's runs of segments collapse into bands (src/diagram/layout.ts); the band the
    // cursor has stepped into is drawn segment by segment.
    expand: req.upTo,
    ...(moving ? { transit: { segment: moving.index, fraction: moving.fraction } } : {}),
  };
}

/** A window of the diagram: its lines, and how many body rows are hidden above and below it. */
export interface DiagramView {
  lines: StyledLine[];
  /** Body rows above the window (before its first row) and below it (after the cursor's rows are
   *  scrolled out of view); the view marks each with a line. */
  above: number;
  below: number;
  /** The scroll (rows back from the cursor) actually used: `back` clamped to `maxBack`. */
  back: number;
  /** The furthest the view can scroll back: the first body row is then on screen. */
  maxBack: number;
}

/**
 * At most `height` lines, each at most `width` columns: header, the body rows that end `back` rows
 * before the cursor's last row (0: the view follows the cursor), legend. A marker line says how
 * many rows are above the window, and another how many are below it when scrolled back.
 * Styled runs carry the renderer's roles (flag, state, drop, time, ...) for colouring.
 */
export function diagramView(req: DiagramRequest & { back?: number }): DiagramView {
  const height = Math.max(0, Math.floor(req.height));
  if (height === 0) return { lines: [], above: 0, below: 0, back: 0, maxBack: 0 };
  const o = renderOptions(req);
  const probe = renderWindowStyled(req.trace, { ...o, fromRow: 0, rows: 0 });
  const total = probe.totalRows;
  // Pin the header only when there is room for it and a few body rows.
  const header = height >= probe.header.length + 3 ? probe.header : [];
  const room = Math.max(1, height - header.length);
  const marker = (text: string, role: 'legend'): StyledLine => [{ text: truncate(asciiMarker(text, req.ascii), req.width, req.ascii ? '~' : '…'), role }];
  const frame = (cap: number) => {
    // Markers only when the window has room for them and at least two body rows (a window of 3
    // rows, the fewest the player keeps, stays all diagram).
    const marks = cap >= 4;
    const maxBack = Math.max(0, total - (marks ? cap - 1 : cap));
    const back = Math.max(0, Math.min(maxBack, Math.floor(Number.isFinite(req.back) ? (req.back as number) : 0)));
    const end = total - back; // exclusive
    let rows = cap - (marks && back > 0 ? 1 : 0);
    let from = Math.max(0, end - rows);
    if (marks && from > 0) {
      rows -= 1;
      from = Math.max(0, end - rows);
    }
    return { rows: Math.max(1, rows), from, back, maxBack, above: from, below: back };
  };
  let legendRows = 0;
  let f = frame(room);
  let w = renderWindowStyled(req.trace, { ...o, fromRow: f.from, rows: f.rows });
  for (let i = 0; i < 3 && w.legend.length > 0; i++) {
    // Leave room for the legend (at most half the body), then re-render the window.
    const want = Math.min(w.legend.length, Math.floor(room / 2));
    if (want === legendRows) break;
    legendRows = want;
    const next = frame(Math.max(1, room - legendRows));
    if (next.rows === f.rows && next.from === f.from) {
      f = next;
      break;
    }
    f = next;
    w = renderWindowStyled(req.trace, { ...o, fromRow: f.from, rows: f.rows });
  }
  const marks = room - legendRows >= 4;
  const body = [...(f.above > 0 && marks ? [marker(UI.moreAbove(f.above), 'legend')] : []), ...w.body];
  if (f.below > 0 && marks) body.push(marker(UI.moreBelow(f.below), 'legend'));
  const left = Math.max(0, height - header.length - body.length);
  return { lines: [...header, ...body, ...w.legend.slice(0, left)], above: f.above, below: f.below, back: f.back, maxBack: f.maxBack };
}

const tokenMemo = new WeakMap<Trace, Map<string, string[]>>();

/**
 * The legend tokens of the whole diagram up to the cursor, as drawn at this width (the renderer
 * reports them: src/diagram/render.ts `tokens`). Memoised per trace, width, cursor and mode.
 */
export function diagramTokens(req: DiagramRequest): string[] {
  let m = tokenMemo.get(req.trace);
  if (!m) {
    m = new Map();
    tokenMemo.set(req.trace, m);
  }
  const key = `${req.width}|${req.upTo}|${req.seq}|${req.ascii}|${req.compact ?? false}|${getLang()}`;
  let t = m.get(key);
  if (!t) {
    if (m.size > 64) m.clear();
    const o = { ...renderOptions({ ...req, transit: [] }), tokens: true };
    const total = renderWindowStyled(req.trace, { ...o, fromRow: 0, rows: 0 }).totalRows;
    t = renderWindowStyled(req.trace, { ...o, fromRow: 0, rows: total }).tokens ?? [];
    m.set(key, t);
  }
  return t;
}

/** Lines of a scrollable text in `height` rows from line `top`, with the same markers as the
 *  diagram for the lines above and below; `maxTop` bounds the scroll. */
export function textWindow(lines: readonly string[], height: number, top: number, width: number, ascii: boolean): { lines: StyledLine[]; maxTop: number } {
  const h = Math.max(1, Math.floor(height));
  if (lines.length <= h) return { lines: lines.map((text) => [{ text }]), maxTop: 0 };
  const marks = h >= 4;
  // At the end the window has only the marker above it: the last line is then on screen.
  const maxTop = Math.max(0, lines.length - (marks ? h - 1 : h));
  const t = Math.max(0, Math.min(maxTop, Math.floor(Number.isFinite(top) ? top : 0)));
  const mark = (text: string): StyledLine => [{ text: truncate(asciiMarker(text, ascii), width, ascii ? '~' : '…'), role: 'legend' }];
  let rows = h - (marks && t > 0 ? 1 : 0);
  if (marks && lines.length - t > rows) rows -= 1;
  const out: StyledLine[] = [];
  if (marks && t > 0) out.push(mark(UI.moreAbove(t)));
  out.push(...lines.slice(t, t + rows).map((text): StyledLine => [{ text }]));
  const below = lines.length - t - rows;
  if (marks && below > 0) out.push(mark(UI.moreBelow(below)));
  return { lines: out, maxTop };
}

/** The window that follows the cursor (no scrolling back), as styled lines. */
export function diagramWindowStyled(req: DiagramRequest): StyledLine[] {
  return diagramView(req).lines;
}

export function plainLine(line: StyledLine): string {
  return line.map((r) => r.text).join('');
}

/** The same window as plain strings. */
export function diagramWindow(req: DiagramRequest): string[] {
  return diagramWindowStyled(req).map(plainLine);
}
