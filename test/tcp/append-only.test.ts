/**
 * The model's trace is append-only (issue 10): an event is never edited after it is appended. What a
 * receiver does with a segment on arrival (drops it: SYN queue full, accept queue full; or notes an
 * ACK it did not send) is an `arrival` event appended then, and consumers fold it (src/tcp/fold.ts).
 */
import { describe, it, expect } from 'vitest';
import { foldTrace, parseScript, SCENARIOS, traceToJson, type SegmentEvent, type Trace, type TraceEvent } from '../../src/tcp/index.js';
import { prepareRun } from '../../src/tcp/network.js';
import { formatTrace } from '../../src/cli/trace.js';
import { run, segments } from './helpers.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** Runs a script with every event deep-frozen, and a JSON copy kept, the moment it is appended. */
function watched(src: string): { trace: Trace; copies: string[] } {
  const p = parseScript(src);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const { net, finish } = prepareRun(p.script, { name: 'watched' });
  const copies: string[] = [];
  class FrozenLog extends Array<TraceEvent> {
    override push(...items: TraceEvent[]): number {
      for (const e of items) {
        copies.push(JSON.stringify(e));
        deepFreeze(e);
      }
      return super.push(...items);
    }
  }
  net.events = new FrozenLog();
  const trace = finish();
  return { trace, copies };
}

const H = 'option isn client 100\noption isn server 300\n';
const CASES: Record<string, string> = {
  'SYN queue full (flood)': H + 'option backlog 2\nflood 10\nclient connect\n',
  'accept queue full (completing ACK and new SYN dropped)':
    'option profile linux\n' + H + 'option isn client2 500\noption backlog 0\nserver accept off\nclient connect\nclient2 connect\nwait 3s\nserver accept\n',
  'ACK throttle note (RFC 5961)': H + 'option start established\nclient old-syn 5; client old-syn 6; client old-syn 7\n',
};

describe('the trace is append-only', () => {
  for (const [name, src] of [...Object.entries(CASES), ...SCENARIOS.map((s) => [s.name, s.source] as const)]) {
    it(`${name}: no event changes after it is appended`, () => {
      // A write to a frozen event throws (ES modules are strict), so this run fails if the network edits one.
      const { trace, copies } = watched(src);
      expect(trace.events.map((e) => JSON.stringify(e))).toEqual(copies);
      // and the watched run is the ordinary run
      expect(JSON.stringify(trace)).toBe(JSON.stringify(run(src, { name: 'watched' })));
    });
  }

  it('the three receiver-side cases are arrival events, and the folded trace shows them on the segment', () => {
    for (const src of Object.values(CASES)) {
      const t = run(src);
      const arrivals = t.events.filter((e) => e.type === 'arrival');
      expect(arrivals.length).toBeGreaterThan(0);
      const folded = foldTrace(t);
      expect(folded.events.some((e) => e.type === 'arrival')).toBe(false);
      expect(folded.snapshots.length).toBe(folded.events.length);
      for (const a of arrivals) {
        if (a.type !== 'arrival') continue;
        const raw = t.events.find((e): e is SegmentEvent => e.type === 'segment' && e.id === a.segment)!;
        const seg = folded.events.find((e): e is SegmentEvent => e.type === 'segment' && e.id === a.segment)!;
        // an arrival comes after its segment was sent, at or after its arrival time
        expect(a.t).toBe(raw.arrives);
        expect(raw.fate).toBe('delivered');
        expect(seg.explain.endsWith(a.explain)).toBe(true);
        if (a.dropReason !== undefined) expect(seg).toMatchObject({ fate: 'dropped', dropReason: a.dropReason });
      }
    }
  });

  it('folding is idempotent, memoized, and never touches its input', () => {
    const t = run(CASES['SYN queue full (flood)']);
    const before = JSON.stringify(t);
    const f = foldTrace(t);
    expect(JSON.stringify(t)).toBe(before);
    expect(foldTrace(t)).toBe(f);
    expect(foldTrace(f)).toBe(f);
    const plain = run(H + 'client connect\n');
    expect(foldTrace(plain)).toBe(plain);
  });

  it('synack trace (text and --json) shows the folded trace', () => {
    const t = run(CASES['accept queue full (completing ACK and new SYN dropped)']);
    const json = traceToJson(t);
    expect(json.events.some((e) => e.type === 'arrival')).toBe(false);
    expect(json.events.filter((e) => e.type === 'segment' && e.dropReason === 'accept queue full').length).toBe(
      segments(t).filter((s) => s.dropReason === 'accept queue full').length,
    );
    expect(formatTrace(t)).toBe(formatTrace(foldTrace(t)));
    expect(formatTrace(t)).toContain('DROPPED (accept queue full)');
  });
});
