/**
 * The model's trace is append-only: when a receiver discards a segment, or notes how it handled it,
 * the network appends an `arrival` event at that moment instead of editing the segment's event.
 * Everything that shows a segment together with its fate (the diagram, the player, generated
 * questions, `synack trace`) sees the folded trace: each arrival event merged into a copy of its
 * segment's event (fate 'dropped' with the reason, the explanation appended) and removed, with its
 * snapshot. The input is never modified. Pure.
 */
import type { SegmentEvent, Trace, TraceEvent } from './types.js';
import { X } from './explain.js';

const memo = new WeakMap<Trace, { n: number; folded: Trace }>();

/** True when the trace has no arrival events (already folded, or nothing to fold). */
export function isFolded(trace: Trace): boolean {
  for (const e of trace.events) if (e.type === 'arrival') return false;
  return true;
}

/**
 * The trace as consumers show it (see above). Idempotent; the same Trace object for a trace with no
 * arrival events; memoized per trace (and its length, for a trace that grows).
 */
export function foldTrace(trace: Trace): Trace {
  const n = trace.events.length;
  const m = memo.get(trace);
  if (m && m.n === n) return m.folded;
  const folded = isFolded(trace) ? trace : fold(trace);
  memo.set(trace, { n, folded });
  if (folded !== trace) memo.set(folded, { n: folded.events.length, folded });
  return folded;
}

function fold(trace: Trace): Trace {
  const events: TraceEvent[] = [];
  const snapshots: Trace['snapshots'] = [];
  /** Segment id -> its position in `events`. */
  const at = new Map<number, number>();
  for (let i = 0; i < trace.events.length; i++) {
    const e = trace.events[i];
    if (e.type === 'arrival') {
      const k = at.get(e.segment);
      if (k === undefined) continue;
      const s = events[k] as SegmentEvent;
      const copy: SegmentEvent = { ...s, flags: [...s.flags], explain: X.then(s.explain, e.explain) };
      if (e.dropReason !== undefined) {
        copy.fate = 'dropped';
        copy.dropReason = e.dropReason;
      }
      events[k] = copy;
      continue;
    }
    if (e.type === 'segment') at.set(e.id, events.length);
    events.push(e);
    snapshots.push(trace.snapshots[i]);
  }
  return { ...trace, events, snapshots };
}
