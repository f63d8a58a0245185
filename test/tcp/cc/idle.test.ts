/**
 * Restarting after idle: RFC 5681 §4.1 (rfc profile) and Linux's tcp_cwnd_restart() with
 * tcp_slow_start_after_idle = 1 (linux profile). SMSS = 1000.
 */
import { describe, expect, it } from 'vitest';
import { ccConfig, ccInit, onAck, onIdle, SSTHRESH_INFINITE, type CcState } from '../../../src/tcp/cc/index.js';

describe('restart after idle', () => {
  it('rfc: idle longer than the RTO: cwnd = min(RW = IW, cwnd), ssthresh unchanged (RFC 5681 §4.1)', () => {
    const cfg = ccConfig('rfc', 'newreno', 1000); // IW 4000
    const s: CcState = { ...ccInit(cfg, 0), cwnd: 30_000, ssthresh: 20_000, phase: 'congestion-avoidance' };
    expect(onIdle(cfg, s, { now: 5000, idle: 1000, rto: 1000 })).toEqual(s); // not more than one RTO
    expect(onIdle(cfg, s, { now: 5000, idle: 1001, rto: 1000 })).toMatchObject({ cwnd: 4000, ssthresh: 20_000, phase: 'slow-start' });
    const small: CcState = { ...s, cwnd: 3000 };
    expect(onIdle(cfg, small, { now: 5000, idle: 9000, rto: 1000 }).cwnd).toBe(3000); // min(RW, cwnd)
  });

  it('linux: ssthresh = max(ssthresh, 3/4 cwnd); cwnd halved per idle RTO down to min(IW, cwnd)', () => {
    const cfg = ccConfig('linux', 'reno', 1000); // IW 10 segments
    const s: CcState = { ...ccInit(cfg, 0), cwnd: 100_000, ssthresh: 50_000, phase: 'congestion-avoidance' };
    // idle 700 ms, RTO 200: delta 500 > 0 -> 50, 300 > 0 -> 25, 100 > 0 -> 12, -100: stop. cwnd 12.
    // ssthresh = max(50, 100/2 + 100/4 = 75) = 75.
    expect(onIdle(cfg, s, { now: 10_000, idle: 700, rto: 200 })).toMatchObject({ cwnd: 12_000, ssthresh: 75_000, phase: 'slow-start' });
    // a long idle stops at the initial window
    expect(onIdle(cfg, s, { now: 10_000, idle: 60_000, rto: 200 }).cwnd).toBe(10_000);
    // odd cwnd: (7 >> 1) + (7 >> 2) = 4, not 5; an infinite ssthresh stays infinite
    const odd: CcState = { ...s, cwnd: 7000, ssthresh: 2000 };
    expect(onIdle(cfg, odd, { now: 10_000, idle: 300, rto: 200 }).ssthresh).toBe(4000);
    expect(onIdle(cfg, { ...s, ssthresh: SSTHRESH_INFINITE }, { now: 10_000, idle: 300, rto: 200 }).ssthresh).toBe(SSTHRESH_INFINITE);
  });

  it('CUBIC: the epoch moves forward by the idle time (Linux CA_EVENT_TX_START), capped at now', () => {
    const cfg = ccConfig('linux', 'cubic', 1000);
    let s: CcState = { ...ccInit(cfg, 0), cwnd: 20_000, ssthresh: 20_000, phase: 'congestion-avoidance' };
    s = onAck(cfg, s, { now: 1000, ack: 1001, bytesAcked: 1000, flightSize: 0, sndNxt: 1001, srtt: 50 }).state;
    expect(s.cubic!.tEpoch).toBe(1000);
    expect(onIdle(cfg, s, { now: 1200, idle: 150, rto: 250 }).cubic!.tEpoch).toBe(1150);
    expect(onIdle(cfg, s, { now: 1200, idle: 400, rto: 500 }).cubic!.tEpoch).toBe(1200);
  });
});
