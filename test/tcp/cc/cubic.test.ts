/**
 * CUBIC (RFC 9438) and where Linux's tcp_cubic.c differs. W in segments, t and K in seconds.
 *   eq. 1  W_cubic(t) = C (t - K)^3 + W_max, C = 0.4
 *   eq. 2  K = cubic_root((W_max - cwnd_epoch) / C)
 *   eq. 4  W_est += alpha_cubic * segments_acked / cwnd, alpha_cubic = 3 (1 - beta) / (1 + beta)
 *   §4.2   target = clamp(W_cubic(t + RTT), cwnd, 1.5 cwnd), cwnd += (target - cwnd) / cwnd per segment
 *   §4.6   ssthresh = max(flight_size * beta, 2), beta = 0.7
 *   §4.7   fast convergence: W_max = cwnd (1 + beta) / 2 when cwnd < W_max
 *   §4.8   after an RTO the first stage has K = 0 and W_max = cwnd at its start
 */
import { describe, expect, it } from 'vitest';
import {
  alphaCubic,
  ccConfig,
  ccInit,
  cubic,
  cubicK,
  linuxCubicK,
  onAck,
  wCubic,
  type CcState,
} from '../../../src/tcp/cc/index.js';
import { ack, dup, rto, runTable } from './helpers.js';

const rfc = ccConfig('rfc', 'cubic', 1000);
const linux = ccConfig('linux', 'cubic', 1000);

describe('the RFC 9438 equations', () => {
  it('eq. 2: K = cbrt((W_max - cwnd_epoch) / C); W_max 100, cwnd_epoch 70 -> cbrt(75) = 4.21716 s', () => {
    expect(cubicK(100, 70)).toBeCloseTo(4.2171633265, 9);
    expect(cubicK(100, 100)).toBe(0);
    expect(cubicK(80, 100)).toBe(0); // cwnd_epoch above W_max: K = 0
    // W_max 10: cbrt(3 / 0.4) = cbrt(7.5) = 1.95743 s
    expect(cubicK(10, 7)).toBeCloseTo(1.9574338205, 9);
  });

  it('eq. 1: W_cubic(0) = cwnd_epoch, W_cubic(K) = W_max, symmetric around K', () => {
    const k = cubicK(100, 70);
    expect(wCubic(0, k, 100)).toBeCloseTo(70, 9);
    expect(wCubic(k, k, 100)).toBe(100);
    expect(wCubic(2 * k, k, 100)).toBeCloseTo(130, 9);
    // 0.4 * (1 - 4.2171633)^3 + 100 = 0.4 * (-33.29809) + 100 = 86.68076
    expect(wCubic(1, k, 100)).toBeCloseTo(86.6807638, 6);
  });

  it('§4.3: alpha_cubic = 3 * 0.3 / 1.7 = 9/17', () => {
    expect(alphaCubic(0.7)).toBeCloseTo(9 / 17, 12);
    expect(alphaCubic(0.5)).toBe(1); // beta = 0.5 is Reno: alpha 1
  });

  it('Linux: K in 1/1024 s with cube_factor = 2^40 / 410, i.e. C = 410/1024; 1.4 ms shorter here', () => {
    // cbrt(2681735677 * 30) / 1024 = 4.2157914 s versus cbrt(75) = 4.2171633 s
    expect(linuxCubicK(100, 70)).toBeCloseTo(4.2157914448, 8);
    expect(linuxCubicK(100, 70)).toBeCloseTo(cubicK(100, 70, 410 / 1024), 8);
    expect(cubicK(100, 70) - linuxCubicK(100, 70)).toBeCloseTo(0.0013719, 6);
    expect(linuxCubicK(70, 70)).toBe(0);
  });
});

describe('the multiplicative decrease', () => {
  it('rfc: ssthresh = max(FlightSize * 0.7, 2 SMSS); linux: max(cwnd * 717 / 1024, 2) segments', () => {
    const s: CcState = { ...ccInit(rfc, 0), cwnd: 100_000 };
    expect(cubic.ssthreshOnLoss(rfc, s, 100_000)).toBe(70_000);
    expect(cubic.ssthreshOnLoss(rfc, s, 61_000)).toBe(42_700); // FlightSize, not cwnd
    expect(cubic.ssthreshOnLoss(rfc, s, 2000)).toBe(2000); // max(1400, 2000)
    // Linux: 100 * 717 / 1024 = 70.02 -> 70; 10 -> 7; 2 -> max(1, 2) = 2
    expect(cubic.ssthreshOnLoss(linux, { ...s, cwnd: 100_000 }, 0)).toBe(70_000);
    expect(cubic.ssthreshOnLoss(linux, { ...s, cwnd: 10_000 }, 0)).toBe(7000);
    expect(cubic.ssthreshOnLoss(linux, { ...s, cwnd: 2000 }, 0)).toBe(2000);
    // where 0.7 and 717/1024 part: 1000 segments -> 700 (RFC) and 700.2 -> 700 (Linux); 10000 -> 7000 and 7001
    expect(cubic.ssthreshOnLoss(linux, { ...s, cwnd: 10_000_000 }, 0)).toBe(7_001_000);
  });

  it('§4.7 fast convergence: a loss below W_max leaves W_max = cwnd (1 + beta) / 2', () => {
    let s: CcState = { ...ccInit(rfc, 0), cwnd: 100_000 };
    s = cubic.onCongestion(rfc, s, false);
    expect(s.cubic).toMatchObject({ wMax: 100_000, cwndPrior: 100_000, tEpoch: null });
    s = cubic.onCongestion(rfc, { ...s, cwnd: 90_000 }, false);
    expect(s.cubic!.wMax).toBe(76_500); // 90000 * 1.7 / 2
    s = cubic.onCongestion(rfc, { ...s, cwnd: 95_000 }, false);
    expect(s.cubic!.wMax).toBe(95_000); // above the last W_max: no fast convergence
    // Linux in segments: 90 * (1024 + 717) / 2048 = 76.5 -> 76
    let l: CcState = { ...ccInit(linux, 0), cwnd: 100_000 };
    l = cubic.onCongestion(linux, l, false);
    l = cubic.onCongestion(linux, { ...l, cwnd: 90_000 }, false);
    expect(l.cubic!.wMax).toBe(76_000);
  });
});

describe('a CUBIC loss episode, ACK by ACK (rfc profile)', () => {
  it('reduction, the epoch, the Reno-friendly start, the concave climb and the 1.5 cwnd clamp', () => {
    // 100 segments in flight, cwnd 100000, a loss: W_max = 100 segments, ssthresh = 70000, recovery
    // as NewReno (cwnd = ssthresh + 3 SMSS, then the full ACK sets min(ssthresh, FlightSize + SMSS)).
    const start: CcState = { ...ccInit(rfc, 0), cwnd: 100_000, ssthresh: 200_000 };
    let s = runTable(rfc, start, [
      [dup(1, 100_000, 100_001), {}],
      [dup(1, 100_000, 100_001), {}],
      [dup(1, 100_000, 100_001), { ssthresh: 70_000, cwnd: 73_000, phase: 'fast-recovery' }],
      [ack(100_001, 100_000, 72_000, 172_001, 500, 100), { cwnd: 70_000, phase: 'congestion-avoidance' }],
    ]);
    expect(s.cubic).toMatchObject({ wMax: 100_000, cwndPrior: 100_000, tEpoch: null });

    // First ACK in congestion avoidance at 600 ms starts the epoch: K = cbrt((100 - 70) / 0.4).
    // W_est = 70 + (9/17) * 1 / 70 = 70.0075630 segments; W_cubic(0) = 70 < W_est: Reno-friendly,
    // cwnd = W_est = 70007 bytes (whole bytes).
    const K = Math.cbrt(75);
    const alpha = 9 / 17;
    let wEst = 70_000 + ((alpha * 1) / 70) * 1000;
    s = runTable(rfc, s, [[ack(101_001, 1000, 72_000, 173_001, 600, 100), { cwnd: 70_007 }]]);
    expect(s.cubic!.k).toBeCloseTo(K, 12);
    expect(s.cubic!.tEpoch).toBe(600);
    expect(s.cubic!.wEst).toBeCloseTo(wEst, 9);

    // 1 s later (t = 1): W_est = 70.0151 < W_cubic(1) = 86.68: the CUBIC region. target =
    // W_cubic(1 + 0.1) = 87.8846 (within [cwnd, 1.5 cwnd]); increase (87.8846 - 70.007) / 70.007 of a
    // segment = 255.37 bytes: cwnd 70262, 0.37 carried.
    wEst += ((alpha * 1) / 70.007) * 1000;
    const target1 = 0.4 * (1.1 - K) ** 3 + 100;
    const inc1 = ((target1 - 70.007) / 70.007) * 1000;
    expect(inc1).toBeCloseTo(255.37, 2);
    s = runTable(rfc, s, [[ack(102_001, 1000, 72_000, 174_001, 1600, 100), { cwnd: 70_007 + Math.floor(inc1) }]]);
    expect(s.cubic!.wEst).toBeCloseTo(wEst, 9);
    expect(s.caAcked).toBeCloseTo(inc1 - Math.floor(inc1), 9);

    // t = 10 s: W_cubic(10.1) = 0.4 * 5.883^3 + 100 = 181.4 > 1.5 cwnd: the target is clamped to
    // 1.5 cwnd, so an ACK of one segment adds exactly 0.5 segment (RFC 9438 §4.2).
    const before = s.cwnd;
    const carried = s.caAcked;
    s = runTable(rfc, s, [[ack(103_001, 1000, 72_000, 175_001, 10_600, 100), {}]]);
    expect(s.cwnd + s.caAcked).toBeCloseTo(before + carried + 500, 9);
  });

  it('§4.8: after an RTO, slow start to ssthresh, then K = 0 and W_max = cwnd', () => {
    const start: CcState = { ...ccInit(rfc, 0), cwnd: 20_000, ssthresh: 15_000, phase: 'congestion-avoidance' };
    let s = runTable(rfc, start, [
      [rto(20_000, 20_001, 0), { cwnd: 1000, ssthresh: 14_000, phase: 'rto-recovery' }],
    ]);
    expect(s.cubic).toMatchObject({ afterTimeout: true, tEpoch: null });
    s = { ...s, cwnd: 14_000, phase: 'slow-start' }; // slow start has brought cwnd back to ssthresh
    s = onAck(rfc, s, { now: 3000, ack: 30_001, bytesAcked: 1000, flightSize: 13_000, sndNxt: 43_001, srtt: 100 }).state;
    expect(s.cubic).toMatchObject({ k: 0, wMax: 14_000, tEpoch: 3000, afterTimeout: false });
  });
});

describe('linux profile: CUBIC in whole segments', () => {
  it('grows by whole segments; beta 717/1024 and W_max in segments', () => {
    const start: CcState = { ...ccInit(linux, 0), cwnd: 100_000, ssthresh: 200_000 };
    let s = runTable(linux, start, [
      [dup(1, 100_000, 100_001), {}],
      [dup(1, 100_000, 100_001), {}],
      [dup(1, 100_000, 100_001), { ssthresh: 70_000, phase: 'fast-recovery' }],
    ]);
    expect(s.cubic!.wMax).toBe(100_000);
    // leave recovery (an ACK above high_seq), then ACKs one segment at a time over 4 s
    s = onAck(linux, s, { now: 1000, ack: 100_002, bytesAcked: 100_001, flightSize: 60_000, sndNxt: 160_002, srtt: 50 }).state;
    expect(s.phase).toBe('congestion-avoidance');
    for (let i = 1; i <= 400; i++) {
      s = onAck(linux, s, { now: 1000 + i * 10, ack: 100_002 + i * 1000, bytesAcked: 1000, flightSize: 60_000, sndNxt: 160_002 + i * 1000, srtt: 50 }).state;
      expect(s.cwnd % 1000).toBe(0);
    }
    // K = cbrt(30 / 0.4) = 4.217 s: after 4 s the window is just under W_max
    expect(s.cwnd).toBeGreaterThan(90_000);
    expect(s.cwnd).toBeLessThanOrEqual(100_000);
  });
});
