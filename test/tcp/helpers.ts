import type { SegmentEvent, StateEvent, Trace } from '../../src/tcp/index.js';
import { foldTrace, runSource } from '../../src/tcp/index.js';
import type { RunOptions } from '../../src/tcp/types.js';

export function run(src: string, opts: RunOptions = {}): Trace {
  const r = runSource(src, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.trace;
}

/** The segments with the fate each met on arrival (the folded trace, src/tcp/fold.ts). */
export const segments = (t: Trace): SegmentEvent[] => foldTrace(t).events.filter((e): e is SegmentEvent => e.type === 'segment');
export const states = (t: Trace): StateEvent[] => t.events.filter((e): e is StateEvent => e.type === 'state');

/** `client SYN seq=100` / `server SYN,ACK seq=300 ack=101` rows, textbook style. */
export function rows(t: Trace): string[] {
  return segments(t).map(
    (s) =>
      `${s.from} ${s.flags.join(',')} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`}${s.len ? ` len=${s.len}` : ''}${s.fate === 'dropped' ? ' DROPPED' : ''}`,
  );
}

export const stateRows = (t: Trace, host?: string): string[] =>
  states(t)
    .filter((s) => host === undefined || s.host === host)
    .map((s) => `${s.host} ${s.from}->${s.to}`);
