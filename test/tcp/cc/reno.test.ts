/**
 * Reno (RFC 5681) in the rfc profile, byte counting, and Linux's packet counting of the same algorithm.
 * SMSS = 1000 bytes throughout, so the numbers read as segments x 1000. Expected values are worked out
 * by hand from the equation cited above each table.
 */
import { describe, expect, it } from 'vitest';
import { ccConfig, ccInit, initialWindow, onAck, SSTHRESH_INFINITE, type CcState } from '../../../src/tcp/cc/index.js';
import { ack, dup, runTable, sent } from './helpers.js';

const rfcReno = ccConfig('rfc', 'reno', 1000);
const linuxReno = ccConfig('linux', 'reno', 1000);

describe('initial window', () => {
  it('rfc: RFC 5681 §3.1 eq. 1 (4, 3 or 2 segments by SMSS); linux: RFC 6928 / TCP_INIT_CWND = 10', () => {
    expect(initialWindow('rfc', 536)).toBe(4 * 536);
    expect(initialWindow('rfc', 1095)).toBe(4 * 1095);
    expect(initialWindow('rfc', 1096)).toBe(3 * 1096);
    expect(initialWindow('rfc', 1460)).toBe(4380);
    expect(initialWindow('rfc', 2190)).toBe(3 * 2190);
    expect(initialWindow('rfc', 2191)).toBe(2 * 2191);
    expect(initialWindow('linux', 1460)).toBe(14_600);
    expect(initialWindow('linux', 65_483)).toBe(654_830); // Linux counts segments, whatever the MSS
    const s = ccInit(ccConfig('linux', undefined, 1460), 1234);
    expect(s).toMatchObject({ cwnd: 14_600, ssthresh: SSTHRESH_INFINITE, phase: 'slow-start', recover: 1234 });
  });

  it('defaults: cubic with PRR on linux, NewReno on rfc', () => {
    expect(ccConfig('linux', undefined, 1000)).toMatchObject({ growth: 'cubic', recovery: 'prr', counting: 'packets' });
    expect(ccConfig('rfc', undefined, 1000)).toMatchObject({ growth: 'reno', recovery: 'newreno', counting: 'bytes' });
    expect(() => ccConfig('rfc', 'reno', 0)).toThrow(/SMSS/);
    expect(() => ccConfig('rfc', 'reno', 1.5)).toThrow(/SMSS/);
  });
});

describe('rfc profile: slow start and congestion avoidance by byte counting', () => {
  it('slow start: cwnd += min(N, L), L = 2*SMSS (RFC 3465 §2.2; RFC 5681 eq. 2 has L = SMSS)', () => {
    const start = ccInit(rfcReno, 0); // IW = 4000 (eq. 1, SMSS 1000)
    runTable(rfcReno, start, [
      [ack(1001, 1000, 3000, 4001), { cwnd: 5000, phase: 'slow-start' }], // +1000
      [ack(3001, 2000, 1000, 4001), { cwnd: 7000 }], // delayed ACK of two segments: +2000
      [ack(6001, 3000, 0, 6001), { cwnd: 9000 }], // a stretch ACK of three: +min(3000, 2000)
      [ack(6501, 500, 0, 6501), { cwnd: 9500 }], // a short segment: +500
    ]);
  });

  it('congestion avoidance: +SMSS once a whole cwnd of bytes is acknowledged (RFC 5681 §3.1, RFC 3465 §2.1)', () => {
    const start: CcState = { ...ccInit(rfcReno, 0), cwnd: 5000, ssthresh: 5000, phase: 'congestion-avoidance' };
    // bytes_acked += N; if bytes_acked >= cwnd: bytes_acked -= cwnd, cwnd += SMSS
    const s = runTable(rfcReno, start, [
      [ack(1001, 1000, 4000, 5001), { cwnd: 5000, phase: 'congestion-avoidance' }],
      [ack(2001, 1000, 4000, 6001), { cwnd: 5000 }],
      [ack(4001, 2000, 4000, 8001), { cwnd: 5000 }], // 4000 counted
      [ack(5001, 1000, 4000, 9001), { cwnd: 6000 }], // 5000 >= 5000: +SMSS, 0 carried
      [ack(8001, 3000, 4000, 12001), { cwnd: 6000 }],
      [ack(11001, 3000, 4000, 15001), { cwnd: 7000 }], // 6000 >= 6000
    ]);
    expect(s.caAcked).toBe(0);
  });
});

describe('rfc profile: Reno fast retransmit and fast recovery (RFC 5681 §3.2)', () => {
  it('one loss in a window of 10 segments, ACK by ACK', () => {
    // Segments 1..10 (seq 1..10000) in flight, cwnd 10000, slow start; the first is lost. Segments
    // 2..10 each bring a duplicate ACK for 1. §3.2 step 2: ssthresh = max(FlightSize/2, 2*SMSS) =
    // max(5000, 2000) = 5000; step 3: retransmit, cwnd = ssthresh + 3*SMSS = 8000; step 4: +SMSS per
    // further duplicate ACK; step 5: new data when cwnd allows (allowance = cwnd - FlightSize);
    // step 6: the ACK of new data deflates cwnd to ssthresh.
    const start: CcState = { ...ccInit(rfcReno, 0), cwnd: 10_000 };
    runTable(rfcReno, start, [
      [dup(1, 10_000, 10_001), { dupAcks: 1, cwnd: 10_000, phase: 'slow-start', allowance: 0, retransmit: false }],
      [dup(1, 10_000, 10_001), { dupAcks: 2, cwnd: 10_000 }],
      [dup(1, 10_000, 10_001), { dupAcks: 3, ssthresh: 5000, cwnd: 8000, phase: 'fast-recovery', retransmit: true, recover: 10_001, allowance: 0 }],
      [sent(1000, 10_000, true), { cwnd: 8000, allowance: 0 }],
      [dup(1, 10_000, 10_001), { dupAcks: 4, cwnd: 9000, allowance: 0, retransmit: false }],
      [dup(1, 10_000, 10_001), { cwnd: 10_000, allowance: 0 }],
      [dup(1, 10_000, 10_001), { cwnd: 11_000, allowance: 1000 }], // step 5: one new segment may go
      [sent(1000, 11_000), { allowance: 0 }],
      [dup(1, 11_000, 11_001), { cwnd: 12_000, allowance: 1000 }],
      [sent(1000, 12_000), { allowance: 0 }],
      [dup(1, 12_000, 12_001), { cwnd: 13_000, allowance: 1000 }],
      [sent(1000, 13_000), { allowance: 0 }],
      [dup(1, 13_000, 13_001), { dupAcks: 9, cwnd: 14_000, allowance: 1000 }],
      [sent(1000, 14_000), { allowance: 0 }],
      // the retransmission arrives: ACK 10001 acknowledges 10000 bytes, FlightSize 14001 - 10001 = 4000
      [ack(10_001, 10_000, 4000, 14_001), { cwnd: 5000, ssthresh: 5000, phase: 'congestion-avoidance', dupAcks: 0, allowance: 1000 }],
      // congestion avoidance resumes from bytes_acked = 0: +SMSS after 5000 bytes
      [ack(11_001, 1000, 4000, 15_001), { cwnd: 5000 }],
      [ack(12_001, 1000, 4000, 16_001), { cwnd: 5000 }],
      [ack(13_001, 1000, 4000, 17_001), { cwnd: 5000 }],
      [ack(14_001, 1000, 4000, 18_001), { cwnd: 5000 }],
      [ack(15_001, 1000, 4000, 19_001), { cwnd: 6000, allowance: 2000 }],
    ]);
  });

  it('Reno has no `recover`: a second loss in the same window halves ssthresh again', () => {
    // After the deflation above (cwnd 5000), three more duplicate ACKs for a later hole: Reno enters
    // fast retransmit again, ssthresh = max(4000/2, 2000) = 2000, cwnd = 5000.
    const start: CcState = { ...ccInit(rfcReno, 0), cwnd: 5000, ssthresh: 5000, phase: 'congestion-avoidance', recover: 10_001 };
    runTable(rfcReno, start, [
      [dup(3001, 4000, 7001), { dupAcks: 1 }],
      [dup(3001, 4000, 7001), { dupAcks: 2 }],
      [dup(3001, 4000, 7001), { ssthresh: 2000, cwnd: 5000, phase: 'fast-recovery', retransmit: true, recover: 7001 }],
    ]);
  });
});

describe('linux profile: Reno growth counts segments (tcp_slow_start, tcp_cong_avoid_ai)', () => {
  it('slow start adds one segment per segment acknowledged: 10 -> 20 in one RTT of delayed ACKs', () => {
    const start = ccInit(linuxReno, 0); // 10 segments
    runTable(linuxReno, start, [
      [ack(2001, 2000, 8000, 10_001), { cwnd: 12_000, phase: 'slow-start' }],
      [ack(4001, 2000, 10_000, 14_001), { cwnd: 14_000 }],
      [ack(6001, 2000, 12_000, 18_001), { cwnd: 16_000 }],
      [ack(8001, 2000, 14_000, 22_001), { cwnd: 18_000 }],
      [ack(10_001, 2000, 16_000, 26_001), { cwnd: 20_000 }],
      // a short segment counts as one: +1 segment
      [ack(10_101, 100, 15_900, 26_001), { cwnd: 21_000 }],
    ]);
  });

  it('slow start stops at ssthresh and hands the rest of the ACK to congestion avoidance', () => {
    // cwnd 8, ssthresh 10, an ACK of 4 segments: cwnd = min(8 + 4, 10) = 10, 2 left; then
    // tcp_cong_avoid_ai(w = 10): cnt 0 -> 2, below w: cwnd stays 10.
    const start: CcState = { ...ccInit(linuxReno, 0), cwnd: 8000, ssthresh: 10_000 };
    const s = runTable(linuxReno, start, [[ack(4001, 4000, 4000, 8001), { cwnd: 10_000, phase: 'congestion-avoidance' }]]);
    expect(s.caAcked).toBe(2);
    // then 4 delayed ACKs of 2: cnt 4, 6, 8, 10 -> at 10 >= w: cwnd 11, cnt 0
    const t = runTable(linuxReno, s, [
      [ack(6001, 2000, 8000, 14_001), { cwnd: 10_000 }],
      [ack(8001, 2000, 8000, 16_001), { cwnd: 10_000 }],
      [ack(10_001, 2000, 8000, 18_001), { cwnd: 10_000 }],
      [ack(12_001, 2000, 8000, 20_001), { cwnd: 11_000 }],
    ]);
    expect(t.caAcked).toBe(0);
  });

  it('an application-limited ACK does not grow the window', () => {
    const start = ccInit(rfcReno, 0);
    const r = onAck(rfcReno, start, { now: 0, ack: 1001, bytesAcked: 1000, flightSize: 0, sndNxt: 1001, srtt: null, cwndLimited: false });
    expect(r.state.cwnd).toBe(4000);
  });
});
