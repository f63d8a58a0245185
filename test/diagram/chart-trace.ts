/**
 * A hand-written bulk transfer with congestion state in its snapshots (HostSnapshot.cc), for the
 * chart, the player's panel and `synack plot` independently of the model: the client sends
 * MSS-sized segments (MSS 1000), slow start 10 -> 20 MSS, three duplicate ACKs at 20 MSS in
 * flight, fast recovery (ssthresh 10000, cwnd 13000), then congestion avoidance from 10000.
 */
import type { CcSnapshot, HostSnapshot, Trace } from '../../src/tcp/types.js';
import { TraceBuilder } from './fixtures.js';

export const MSS = 1000;

export interface CcStep {
  t: number;
  cc: Partial<CcSnapshot>;
  /** A data segment the client sends at t (len MSS), or an ACK from the server. */
  send?: number;
  ack?: number;
  dup?: boolean;
}

const BASE: CcSnapshot = {
  algo: 'newreno',
  cwnd: 10 * MSS,
  ssthresh: null,
  flight: 0,
  peerWnd: 65535,
  dupAcks: 0,
  phase: 'slow-start',
  rto: 1000,
};

/** The steps of the fixture (each becomes one event with the client's cc after it). */
export const STEPS: CcStep[] = [
  { t: 100, cc: {}, send: 101 },
  { t: 100, cc: { flight: 10 * MSS }, send: 1101 },
  { t: 200, cc: { cwnd: 20 * MSS, flight: 0 }, ack: 10101 },
  { t: 200, cc: { cwnd: 20 * MSS, flight: 20 * MSS }, send: 10101 },
  { t: 300, cc: { cwnd: 20 * MSS, flight: 20 * MSS, dupAcks: 1 }, ack: 10101, dup: true },
  { t: 300, cc: { cwnd: 20 * MSS, flight: 20 * MSS, dupAcks: 2 }, ack: 10101, dup: true },
  { t: 300, cc: { cwnd: 13 * MSS, ssthresh: 10 * MSS, flight: 20 * MSS, dupAcks: 3, phase: 'fast-recovery' }, ack: 10101, dup: true },
  { t: 400, cc: { cwnd: 10 * MSS, ssthresh: 10 * MSS, flight: 8 * MSS, dupAcks: 0, phase: 'congestion-avoidance' }, ack: 22101 },
  { t: 500, cc: { cwnd: 11 * MSS, ssthresh: 10 * MSS, flight: 0, phase: 'congestion-avoidance' }, ack: 30101 },
];

/** The fixture trace: a connection already established (no cc before the first step for the server). */
export function ccTrace(o: { smss?: boolean; serverSends?: boolean } = {}): Trace {
  const b = new TraceBuilder('cc-fixture');
  b.app(0, 'client', 'send', { bytes: 30000 });
  for (const s of STEPS) {
    if (s.send !== undefined) b.seg(s.t, 'client', 'server', ['ACK'], s.send, 301, { len: MSS });
    else b.seg(s.t, 'server', 'client', ['ACK'], 301, s.ack ?? 0);
  }
  if (o.serverSends) b.seg(550, 'server', 'client', ['PSH', 'ACK'], 301, 30101, { len: 500 });
  const trace = b.build();
  const ccs: (CcSnapshot | undefined)[] = [undefined, ...STEPS.map((s) => ({ ...BASE, ...s.cc, ...(o.smss ? { smss: MSS } : {}) }))];
  if (o.serverSends) ccs.push(ccs[ccs.length - 1]);
  const server: CcSnapshot = { ...BASE, cwnd: 10 * MSS, flight: 0, peerWnd: 64000 };
  trace.snapshots = trace.snapshots.map((snap, i) => {
    const out: Record<string, HostSnapshot> = {};
    for (const [h, s] of Object.entries(snap)) out[h] = { ...s, state: 'ESTABLISHED' };
    const cc = ccs[i];
    if (cc) out.client = { ...out.client, cc };
    if (i > 0) out.server = { ...out.server, cc: o.serverSends && i === snap_len(trace) - 1 ? { ...server, flight: 500 } : server };
    return out;
  });
  return trace;
}

function snap_len(t: Trace): number {
  return t.snapshots.length;
}
