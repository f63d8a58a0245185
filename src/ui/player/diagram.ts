/**
 * The player's only way to draw a diagram: the shared renderer (src/diagram/render.ts), windowed
 * to the rows the view has and following the current step (the host header stays pinned, the
 * legend for the visible segments goes under the window).
 */
import { renderWindowStyled, type RenderOptions, type StyledLine } from '../../diagram/render.js';

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

/** At most `height` lines, each at most `width` columns: header, the last body rows, legend.
 *  Styled runs carry the renderer's roles (flag, state, drop, time, ...) for colouring. */
export function diagramWindowStyled(req: DiagramRequest): StyledLine[] {
  const height = Math.max(0, Math.floor(req.height));
  if (height === 0) return [];
  const o = renderOptions(req);
  const probe = renderWindowStyled(req.trace, { ...o, fromRow: 0, rows: 0 });
  // Pin the header only when there is room for it and a few body rows.
  const header = height >= probe.header.length + 3 ? probe.header : [];
  let rows = Math.max(1, height - header.length);
  let w = renderWindowStyled(req.trace, { ...o, fromRow: Math.max(0, probe.totalRows - rows), rows });
  for (let i = 0; i < 3 && w.legend.length > 0; i++) {
    // Leave room for the legend (at most half the body), then re-render the window.
    const legendRows = Math.min(w.legend.length, Math.floor((height - header.length) / 2));
    const next = Math.max(1, height - header.length - legendRows);
    if (next === rows) break;
    rows = next;
    w = renderWindowStyled(req.trace, { ...o, fromRow: Math.max(0, probe.totalRows - rows), rows });
  }
  const legendRows = Math.max(0, height - header.length - w.body.length);
  return [...header, ...w.body, ...w.legend.slice(0, legendRows)];
}

export function plainLine(line: StyledLine): string {
  return line.map((r) => r.text).join('');
}

/** The same window as plain strings. */
export function diagramWindow(req: DiagramRequest): string[] {
  return diagramWindowStyled(req).map(plainLine);
}
