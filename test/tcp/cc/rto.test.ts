/**
 * The response to a retransmission timeout: RFC 5681 §3.1 eq. 4 (ssthresh = max(FlightSize / 2,
 * 2*SMSS)) and the loss window LW = 1 SMSS, RFC 6582 §3.2 step 4 (recover = highest sequence number
 * sent), RFC 9438 §4.6/§4.8 for CUBIC; Linux's tcp_enter_loss() in the linux profile (ssthresh from
 * cwnd, cwnd = 1, kept during a fast recovery). SMSS = 1000.
 */
import { describe, expect, it } from 'vitest';
import { ccConfig, ccInit, type CcState } from '../../../src/tcp/cc/index.js';
import { ack, dup, rto, runTable, sent } from './helpers.js';

describe('RTO response', () => {
  it('rfc Reno: eq. 4 once per segment, LW = 1 SMSS, go-back-N in slow start', () => {
    const cfg = ccConfig('rfc', 'reno', 1000);
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 20_000, ssthresh: 16_000, phase: 'congestion-avoidance' };
    runTable(cfg, start, [
      // FlightSize 20000: ssthresh = max(10000, 2000); everything outstanding presumed lost
      [rto(20_000, 20_001), { cwnd: 1000, ssthresh: 10_000, phase: 'rto-recovery', recover: 20_001, needsRetransmit: true, allowance: 1000 }],
      [sent(1000, 20_000, true), { allowance: 0, needsRetransmit: true }],
      // the retransmission is lost too: the timer backs off; ssthresh is not cut again (§3.1: only
      // when the segment has not been retransmitted by the timer before)
      [rto(20_000, 20_001), { cwnd: 1000, ssthresh: 10_000, allowance: 1000 }],
      [sent(1000, 20_000, true), { allowance: 0 }],
      // ACK of the first segment: slow start 1000 -> 2000; two more lost segments may go
      [ack(1001, 1000, 19_000, 20_001), { cwnd: 2000, phase: 'rto-recovery', allowance: 2000, needsRetransmit: true }],
      [sent(2000, 19_000, true), { allowance: 0 }],
      [ack(3001, 2000, 17_000, 20_001), { cwnd: 4000, allowance: 4000 }],
      // a later RTO (after new data was acknowledged) cuts again: FlightSize 17000 -> 8500
      [rto(17_000, 20_001), { cwnd: 1000, ssthresh: 8500 }],
    ]);
  });

  it('rfc: small FlightSize gives the 2*SMSS floor; leaving rto-recovery once recover is acknowledged', () => {
    const cfg = ccConfig('rfc', 'newreno', 1000);
    runTable(cfg, ccInit(cfg, 0), [
      [rto(1000, 1001), { ssthresh: 2000, cwnd: 1000, phase: 'rto-recovery', recover: 1001 }],
      [sent(1000, 1000, true), {}],
      [ack(1001, 1000, 0, 1001), { cwnd: 2000, phase: 'congestion-avoidance', needsRetransmit: false }],
    ]);
  });

  it('rfc CUBIC: ssthresh = FlightSize * 0.7 (RFC 9438 §4.6/§4.8)', () => {
    const cfg = ccConfig('rfc', 'cubic', 1000);
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 20_000 };
    runTable(cfg, start, [[rto(20_000, 20_001), { ssthresh: 14_000, cwnd: 1000 }]]);
  });

  it('linux: ssthresh from cwnd (Reno: cwnd/2; CUBIC: cwnd * 717/1024), cwnd = 1 segment', () => {
    const reno = ccConfig('linux', 'reno', 1000);
    const cub = ccConfig('linux', 'cubic', 1000);
    // cwnd 20 segments but only 6 in flight (application-limited): Linux cuts from cwnd, RFC 5681 from FlightSize
    const s: CcState = { ...ccInit(reno, 0), cwnd: 20_000 };
    runTable(reno, s, [[rto(6000, 6001), { ssthresh: 10_000, cwnd: 1000 }]]);
    runTable(cub, { ...ccInit(cub, 0), cwnd: 20_000 }, [[rto(6000, 6001), { ssthresh: 14_000, cwnd: 1000 }]]); // 20 * 717/1024 = 14.004
    const rfcReno = ccConfig('rfc', 'reno', 1000);
    runTable(rfcReno, { ...ccInit(rfcReno, 0), cwnd: 20_000 }, [[rto(6000, 6001), { ssthresh: 3000 }]]);
  });

  it('linux: an RTO during fast recovery keeps the recovery ssthresh (tcp_enter_loss)', () => {
    const cfg = ccConfig('linux', 'reno', 1000);
    const after = runTable(cfg, ccInit(cfg, 0), [
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), { phase: 'fast-recovery', ssthresh: 5000 }],
      [sent(1000, 10_000, true), {}],
      // the retransmission is lost; cwnd has been pulled down by PRR; the timer fires: ssthresh stays 5
      [rto(10_000, 10_001), { phase: 'rto-recovery', ssthresh: 5000, cwnd: 1000, recover: 10_001 }],
    ]);
    expect(after.prr).toBeNull();
    expect(after.board).toEqual({ sacked: 0, lost: 10_000, retrans: 0 });
    // The rfc profile applies eq. 4 at the RTO: max(FlightSize / 2, 2 SMSS) = 5000 here too, but from FlightSize
    const rfc = ccConfig('rfc', 'newreno', 1000);
    runTable(rfc, { ...ccInit(rfc, 0), cwnd: 10_000 }, [
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), { phase: 'fast-recovery', ssthresh: 5000 }],
      [rto(14_000, 14_001), { phase: 'rto-recovery', ssthresh: 7000, cwnd: 1000 }],
    ]);
  });

  it('after the RTO, slow start runs to ssthresh and hands over to congestion avoidance', () => {
    const cfg = ccConfig('linux', 'reno', 1000);
    let s = runTable(cfg, { ...ccInit(cfg, 0), cwnd: 8000 }, [[rto(8000, 8001), { ssthresh: 4000, cwnd: 1000 }]]);
    s = runTable(cfg, s, [
      [ack(1001, 1000, 7000, 8001), { cwnd: 2000, phase: 'rto-recovery' }],
      [ack(2001, 1000, 6000, 8001), { cwnd: 3000, phase: 'rto-recovery' }],
      // an ACK of 4 segments: slow start stops at ssthresh 4 (1 used), the other 3 go to
      // tcp_cong_avoid_ai(w = 4): snd_cwnd_cnt 3 < 4
      [ack(6001, 4000, 2000, 8001), { cwnd: 4000, phase: 'rto-recovery' }],
      // 2 more: cnt 5 >= 4: cwnd 5, cnt 1; recover (8001) acknowledged: out of RTO recovery
      [ack(8001, 2000, 0, 8001), { cwnd: 5000, phase: 'congestion-avoidance' }],
    ]);
    expect(s.caAcked).toBe(1);
    expect(s.board).toEqual({ sacked: 0, lost: 0, retrans: 0 });
  });
});
