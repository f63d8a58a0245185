/**
 * Model fuzz: random scenario scripts (random options incl. `option loss`, random profiles and
 * seeds, random sequences of connect/send/receive/close/abort/drop/delay/wait/flood/reboot/listen,
 * `at` times and `;`-joined actions) never make runSource throw; the traces are time-ordered, every
 * state change is an edge RFC 9293 allows and continues from the host's previous state, every
 * snapshot shows the states the state events have led to (snapshots[i][host].state === to for a
 * state event), no run is a segment storm (more than 50 identical segments in a row in one direction,
 * plus one per data segment sent, or the engine's 20,000-event / time limit reached: nothing the
 * generator can write justifies either),
 * and the diagram renders at random widths 40..200 with no line wider than the width.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
// Widths are string-width's; columns() skips its cost on box drawing (test/diagram/width.ts).
import { columns } from '../diagram/width.js';
import { runSource, type Trace } from '../../src/tcp/index.js';
import type { TcpState } from '../../src/tcp/types.js';
import { eventRow, render, renderWindow } from '../../src/diagram/render.js';

/**
 * RFC 9293 §3.3.2 (Figure 5) plus §3.10 event processing: RST in SYN-RECEIVED reached from LISTEN
 * returns to LISTEN; ABORT, a valid RST or a user timeout in any synchronized state goes to CLOSED;
 * a rebooted host loses everything (-> CLOSED).
 */
const EDGES: Record<TcpState, TcpState[]> = {
  CLOSED: ['LISTEN', 'SYN-SENT'],
  LISTEN: ['SYN-RECEIVED', 'SYN-SENT', 'CLOSED'],
  'SYN-SENT': ['SYN-RECEIVED', 'ESTABLISHED', 'CLOSED'],
  'SYN-RECEIVED': ['ESTABLISHED', 'FIN-WAIT-1', 'LISTEN', 'CLOSED'],
  ESTABLISHED: ['FIN-WAIT-1', 'CLOSE-WAIT', 'CLOSED'],
  'FIN-WAIT-1': ['FIN-WAIT-2', 'CLOSING', 'TIME-WAIT', 'CLOSED'],
  'FIN-WAIT-2': ['TIME-WAIT', 'CLOSED'],
  'CLOSE-WAIT': ['LAST-ACK', 'CLOSED'],
  CLOSING: ['TIME-WAIT', 'CLOSED'],
  'LAST-ACK': ['CLOSED'],
  'TIME-WAIT': ['CLOSED'],
};

const host = fc.constantFrom('client', 'server');
const ms = fc.integer({ min: 0, max: 5000 }).map((n) => `${n}ms`);
const dur = fc.oneof(ms, fc.integer({ min: 1, max: 90 }).map((n) => `${n}s`), fc.constantFrom('1min', '0'));

const action = fc.oneof(
  { weight: 4, arbitrary: host.map((h) => `${h} connect`) },
  { weight: 1, arbitrary: fc.tuple(host, fc.nat({ max: 4294967295 })).map(([h, n]) => `${h} connect isn ${n}`) },
  { weight: 4, arbitrary: fc.tuple(host, fc.integer({ min: 1, max: 6000 })).map(([h, n]) => `${h} send ${n}`) },
  { weight: 1, arbitrary: host.map((h) => `${h} receive`) },
  { weight: 3, arbitrary: host.map((h) => `${h} close`) },
  { weight: 1, arbitrary: host.map((h) => `${h} abort`) },
  { weight: 1, arbitrary: host.map((h) => `${h} reboot`) },
  // Either side may listen (again): a stray SYN,ACK at a listener gets a RST (RFC 9293 §3.10.7.2).
  { weight: 1, arbitrary: host.map((h) => `${h} listen`) },
  { weight: 1, arbitrary: fc.tuple(host, fc.nat({ max: 4294967295 })).map(([h, n]) => `${h} old-syn ${n}`) },
  { weight: 2, arbitrary: host.map((h) => `drop next ${h}`) },
  { weight: 1, arbitrary: fc.nat({ max: 12 }).map((n) => `drop segment ${n}`) },
  { weight: 1, arbitrary: fc.tuple(host, ms).map(([h, d]) => `delay next ${h} ${d}`) },
  { weight: 2, arbitrary: dur.map((d) => `wait ${d}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.option(ms, { nil: undefined })).map(([n, o]) => (o ? `flood ${n} over ${o}` : `flood ${n}`)) },
);

const line = fc.oneof(
  { weight: 6, arbitrary: action },
  { weight: 1, arbitrary: fc.array(action, { minLength: 2, maxLength: 3 }).map((as) => as.join('; ')) },
  { weight: 1, arbitrary: fc.tuple(ms, action).map(([t, a]) => `at ${t} ${a}`) },
);

const option = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 60 })).map(([p]) => `option loss ${(p / 100).toFixed(2)}`),
  fc.constantFrom('option profile rfc', 'option profile linux'),
  fc.nat({ max: 4294967295 }).map((n) => `option seed ${n}`),
  fc.constantFrom('option delayed-ack on', 'option delayed-ack off', 'option syncookies on', 'option syncookies off'),
  fc.constantFrom('option listen on', 'option listen off', 'option start established', 'option start closed'),
  fc.integer({ min: 1, max: 8 }).map((n) => `option backlog ${n}`),
  fc.integer({ min: 0, max: 500 }).map((n) => `option delay ${n}ms`),
  fc.tuple(host, fc.nat({ max: 4294967295 })).map(([h, n]) => `option isn ${h} ${n}`),
  fc.integer({ min: 0, max: 6 }).map((n) => `option syn-retries ${n}`),
  fc.integer({ min: 0, max: 8 }).map((n) => `option retries ${n}`),
  fc.integer({ min: 100, max: 65495 }).map((n) => `option mss ${n}`),
  fc.integer({ min: 1, max: 120 }).map((n) => `option msl ${n}s`),
);

const script = fc
  .tuple(fc.array(option, { maxLength: 5 }), fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean())
  .map(([opts, lines, comment]) => [...opts, ...(comment ? ['# a comment'] : []), ...lines].join('\n') + '\n');

const runOpts = fc.record(
  {
    profile: fc.constantFrom('rfc' as const, 'linux' as const),
    seed: fc.nat({ max: 4294967295 }),
    dropSegmentIds: fc.array(fc.nat({ max: 10 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** FUZZ_RUNS / FUZZ_SEED explore further (e.g. `FUZZ_RUNS=20000 FUZZ_SEED=5 npx vitest run ...`). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

/** The engine's safety net (src/tcp/engine.ts MAX_EVENTS): a run that reaches it is a runaway loop. */
const MAX_EVENTS = 20_000;
/** Legitimate repeats (SYN, SYN,ACK and data retransmissions) stay far below this. */
const MAX_IDENTICAL = 50;

/** Throws (with the reason) on the first broken invariant; plain checks so 20,000-event traces stay cheap. */
function checkTrace(trace: Trace): void {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  if (trace.snapshots.length !== trace.events.length) fail(`snapshots ${trace.snapshots.length} != events ${trace.events.length}`);
  if (trace.truncated || trace.events.length >= MAX_EVENTS) fail(`the run hit a limit: ${trace.events.length} events, truncated=${trace.truncated}`);
  let t = -Infinity;
  const state: Record<string, TcpState> = {};
  for (const [name, snap] of Object.entries(trace.initial ?? {})) state[name] = snap.state;
  // Per direction: the current run of identical segments (same flags, seq, ack, length and reason).
  const run: Record<string, { key: string; n: number }> = {};
  let dataSegments = 0;
  trace.events.forEach((e, i) => {
    if (!Number.isFinite(e.t)) fail(`event ${i}: time ${e.t}`);
    if (e.t < t) fail(`event ${i} goes back in time: ${e.t} after ${t}`);
    t = e.t;
    if (e.type === 'segment') {
      if (!(e.arrives >= e.t)) fail(`segment ${i} arrives (${e.arrives}) before it is sent (${e.t})`);
      if (!(Number.isInteger(e.seq) && e.seq >= 0 && e.seq <= 4294967295)) fail(`segment ${i}: seq ${e.seq}`);
      if (e.ack !== null && !(Number.isInteger(e.ack) && e.ack >= 0 && e.ack <= 4294967295)) fail(`segment ${i}: ack ${e.ack}`);
      if ((e.ack !== null) !== e.flags.includes('ACK')) fail(`segment ${i}: ack ${e.ack} with flags ${e.flags.join(',')}`);
      const dir = `${e.from}>${e.to}`;
      const key = `${e.flags.join(',')} ${e.seq} ${e.ack} ${e.len} ${e.explain}`;
      let r = run[dir];
      if (r && r.key === key) r.n++;
      else run[dir] = r = { key, n: 1 };
      if (e.len > 0) dataSegments++;
      // Each data segment may legitimately cause one identical answer downstream (a flight reaching
      // a gap gets a duplicate ACK per segment; a rebooted host answers each of those with the same
      // RST), so the bound grows with them. Identical answers to identical answers are a loop.
      if (r.n > MAX_IDENTICAL + dataSegments) {
        fail(`segment ${i}: ${r.n} identical segments ${dir} in a row with only ${dataSegments} data segments sent (${key}): a segment storm`);
      }
    }
    if (e.type === 'state') {
      if (!EDGES[e.from]?.includes(e.to)) fail(`${e.host}: ${e.from} -> ${e.to} (${e.cause}) is not an RFC 9293 edge`);
      const prev = state[e.host] ?? 'CLOSED';
      if (e.from !== prev) fail(`event ${i}: ${e.host} was ${prev}, the event says ${e.from} -> ${e.to}`);
      state[e.host] = e.to;
    }
    // The player's side panel: after every event, each host's snapshot shows the state the state
    // events have led to (in particular snapshots[i][host].state === to for a state event).
    for (const [name, st] of Object.entries(state)) {
      const shown = trace.snapshots[i]?.[name]?.state;
      if (shown !== st) fail(`event ${i} (${e.type}): snapshot shows ${name} ${shown}, its state events say ${st}`);
    }
  });
}

function checkWidth(lines: string[], width: number): void {
  for (const l of lines) if (columns(l) > width) throw new Error(`line wider than ${width} (${columns(l)}): ${JSON.stringify(l)}`);
}

describe('random scripts through the model and the renderer', () => {
  it('never throw, keep time order and RFC 9293 edges, and fit any width', () => {
    fc.assert(
      fc.property(
        script,
        runOpts,
        fc.integer({ min: 40, max: 200 }),
        fc.constantFrom('unicode' as const, 'ascii' as const),
        fc.constantFrom('absolute' as const, 'relative' as const),
        fc.boolean(),
        (src, opts, width, charset, seq, compact) => {
          const r = runSource(src, opts);
          if (!r.ok) throw new Error(`generated script did not parse: ${JSON.stringify(r.errors)}\n${src}`);
          checkTrace(r.trace);
          const n = r.trace.events.length;
          if (n <= 2000) {
            const lines = render(r.trace, { width, charset, seq, compact });
            expect(lines.length).toBeGreaterThan(0);
            checkWidth(lines, width);
            if (n > 1) checkWidth(render(r.trace, { width, charset, upTo: n >> 1, highlight: n >> 1 }), width);
          } else {
            // Huge traces: the player's windows (first and last screenful) instead of the whole picture.
            for (const fromRow of [0, Math.max(0, eventRow(r.trace, { width, charset }, n - 1) - 40)]) {
              const w = renderWindow(r.trace, { width, charset, seq, compact, fromRow, rows: 40 });
              checkWidth([...w.header, ...w.body, ...w.legend], width);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 60_000 + 10 * RUNS);

  it('the same script and options give the same trace (determinism)', () => {
    fc.assert(
      fc.property(script, runOpts, (src, opts) => {
        const a = runSource(src, opts);
        const b = runSource(src, opts);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
