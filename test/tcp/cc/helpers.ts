/** A step-by-step driver for the congestion control tables: one event per row, the state after it. */
import { expect } from 'vitest';
import {
  onAck,
  onDupAck,
  onRto,
  onSent,
  sendAllowance,
  needsRetransmit,
  type CcConfig,
  type CcState,
} from '../../../src/tcp/cc/index.js';

export type Ev =
  /** a duplicate ACK; `flight` = SND.NXT - SND.UNA */
  | { dup: true; ack: number; flight: number; nxt: number; now?: number }
  /** an ACK of `acked` new bytes; `flight` after it */
  | { ack: number; acked: number; flight: number; nxt: number; now?: number; srtt?: number | null }
  /** the endpoint sent `bytes` (a retransmission or new data); `flight` after it */
  | { sent: number; retx: boolean; flight: number }
  /** the retransmission timer fired */
  | { rto: true; flight: number; nxt: number; now?: number };

export const dup = (ack: number, flight: number, nxt: number, now = 0): Ev => ({ dup: true, ack, flight, nxt, now });
export const ack = (a: number, acked: number, flight: number, nxt: number, now = 0, srtt: number | null = null): Ev => ({
  ack: a,
  acked,
  flight,
  nxt,
  now,
  srtt,
});
export const sent = (bytes: number, flight: number, retx = false): Ev => ({ sent: bytes, retx, flight });
export const rto = (flight: number, nxt: number, now = 0): Ev => ({ rto: true, flight, nxt, now });

export interface Seen {
  cwnd: number;
  ssthresh: number;
  phase: CcState['phase'];
  dupAcks: number;
  recover: number;
  retransmit: boolean;
  /** cwnd - pipe with the row's FlightSize */
  allowance: number;
  needsRetransmit: boolean;
  prrDelivered?: number;
  prrOut?: number;
}

export function step(cfg: CcConfig, s: CcState, ev: Ev): { state: CcState; seen: Seen } {
  let state: CcState;
  let retransmit = false;
  if ('dup' in ev) {
    const r = onDupAck(cfg, s, { now: ev.now ?? 0, ack: ev.ack, flightSize: ev.flight, sndNxt: ev.nxt });
    state = r.state;
    retransmit = r.retransmit;
  } else if ('rto' in ev) {
    state = onRto(cfg, s, { now: ev.now ?? 0, flightSize: ev.flight, sndNxt: ev.nxt });
  } else if ('sent' in ev) {
    state = onSent(cfg, s, ev.sent, ev.retx);
  } else {
    const r = onAck(cfg, s, { now: ev.now ?? 0, ack: ev.ack, bytesAcked: ev.acked, flightSize: ev.flight, sndNxt: ev.nxt, srtt: ev.srtt ?? null });
    state = r.state;
    retransmit = r.retransmit;
  }
  const seen: Seen = {
    cwnd: state.cwnd,
    ssthresh: state.ssthresh,
    phase: state.phase,
    dupAcks: state.dupAcks,
    recover: state.recover,
    retransmit,
    allowance: sendAllowance(state, ev.flight),
    needsRetransmit: needsRetransmit(state),
  };
  if (state.prr) {
    seen.prrDelivered = state.prr.prrDelivered;
    seen.prrOut = state.prr.prrOut;
  }
  return { state, seen };
}

/** Run the rows; each row's expectation must match the state after its event. */
export function runTable(cfg: CcConfig, start: CcState, rows: [Ev, Partial<Seen>][]): CcState {
  let s = start;
  rows.forEach(([ev, want], i) => {
    const r = step(cfg, s, ev);
    s = r.state;
    expect({ row: i + 1, ...r.seen }).toMatchObject({ row: i + 1, ...want });
  });
  return s;
}
