/** The partial sequence diagram shown with a generated question (src/diagram's renderer). Pure. */
import { render, renderWindow } from '../diagram/render.js';
import type { TcpRunner } from './generate.js';

export interface QuestionDiagramOptions {
  width: number;
  ascii?: boolean;
  /** At most this many body rows (the last ones, where the question is); default all. */
  maxRows?: number;
}

/** Lines of the diagram of `source` up to event `upTo` (inclusive), or null when the script does not run. */
export function questionDiagram(source: string, upTo: number | undefined, run: TcpRunner, o: QuestionDiagramOptions & { showStates?: boolean }): string[] | null {
  const r = run(source);
  if (!r.ok) return null;
  const charset = o.ascii ? 'ascii' : 'unicode';
  if (upTo !== undefined && upTo < 0) return [];
  if (o.maxRows === undefined) return render(r.trace, { width: o.width, upTo, charset, compact: true, showStates: o.showStates });
  const probe = renderWindow(r.trace, { width: o.width, upTo, charset, compact: true, showStates: o.showStates, fromRow: 0, rows: 0 });
  const fromRow = Math.max(0, probe.totalRows - o.maxRows);
  const w = renderWindow(r.trace, { width: o.width, upTo, charset, compact: true, showStates: o.showStates, fromRow, rows: o.maxRows });
  return [...w.header, ...w.body, ...w.legend];
}
