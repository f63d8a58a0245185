/**
 * The player on a long transfer: runs of segments are drawn as bands ("×N segments a-b") when the
 * diagram is too tall, and the band the cursor steps into opens segment by segment (issue 11).
 */
import { describe, expect, it } from 'vitest';
import { runSource } from '../../../src/tcp/index.js';
import { bandAt } from '../../../src/diagram/index.js';
import { diagramWindow, renderOptions, type DiagramRequest } from '../../../src/ui/player/diagram.js';
import { renderWindowStyled } from '../../../src/diagram/index.js';
import type { Trace } from '../../../src/tcp/types.js';

function bulk(): Trace {
  const r = runSource('option mss 1000\noption delayed-ack off\nclient connect\nclient send 2500000\n', { profile: 'linux', name: 'bulk' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.trace;
}

describe('player bands', () => {
  const trace = bulk();
  const req = (upTo: number): DiagramRequest => ({ trace, width: 100, height: 40, upTo, seq: 'absolute', ascii: false, transit: [] });
  const at = (upTo: number) => diagramWindow(req(upTo)).join('\n');
  /** The diagram's whole height (body rows) as the player draws it at this cursor. */
  /** The height (body rows) of the whole run drawn with the bands as the player opens them at this
   *  cursor (the player draws up to the cursor; the whole run makes the heights comparable). */
  const rows = (cursor: number) => renderWindowStyled(trace, { ...renderOptions(req(cursor)), upTo: end, highlight: end, fromRow: 0, rows: 0 }).totalRows;
  // A band in the middle of the transfer, with the cursor on its third segment and then past it.
  const middle = trace.events.findIndex((_, i) => i > trace.events.length / 2 && (bandAt(trace, i)?.members.length ?? 0) >= 5);
  const band = bandAt(trace, middle)!;
  const end = trace.events.length - 1;

  it('draws the band collapsed while the cursor is elsewhere, and opens it when the cursor is inside', () => {
    expect(band).not.toBeNull();
    // The last event (the end of the transfer) is in no band: every band is collapsed.
    expect(bandAt(trace, end)).toBeNull();
    // Opened, the band's segments take a row each instead of one arrow for the run.
    expect(rows(band.members[2]) - rows(end)).toBeGreaterThanOrEqual(band.members.length - 1);
    // The whole transfer is drawn in bands: far fewer rows than segments.
    const segments = trace.events.filter((e) => e.type === 'segment').length;
    expect(rows(end)).toBeLessThan(segments / 4);
  });

  it('opens the band the cursor is in: its segments one by one, the cursor row among them', () => {
    const inside = at(band.members[2]);
    expect(inside).not.toContain(`×${band.members.length} segments`);
    const third = trace.events[band.members[2]];
    if (third.type !== 'segment') throw new Error('not a segment');
    expect(inside).toContain(`seq=${third.seq}`);
  });
});
