/**
 * The RTO estimator against RFC 6298's rules (rfc profile) and Linux's tcp_rtt_estimator() /
 * __tcp_set_rto() (linux profile). Every expected value below is worked out by hand from the formula
 * cited next to it.
 */
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/tcp/profile.js';
import {
  rttEstablished,
  rttInit,
  rttParams,
  rttSample,
  rttTimeout,
  type RttParams,
  type RttState,
} from '../../src/tcp/rtt.js';

const rfc = rttParams(PROFILES.rfc, 'rfc');
const linux = rttParams(PROFILES.linux, 'linux');
const fresh = { retransmitted: false };

describe('RFC 6298 (rfc profile)', () => {
  it('uses the profile bounds: 1 s initial and minimum, 60 s maximum, G = 1 ms', () => {
    expect(rfc).toEqual({ flavour: 'rfc6298', rtoInitial: 1000, rtoMin: 1000, rtoMax: 60_000, granularity: 1, rtoAfterSynLoss: 3000 });
    // §2.1: before any measurement RTO = 1 s.
    expect(rttInit(rfc)).toMatchObject({ srtt: null, rto: 1000, backoff: 0 });
  });

  it('follows §2.2, §2.3, §3 (Karn) and §5.5 (backoff) sample by sample', () => {
    // Each row: the event, then SRTT, RTTVAR, RTO, backoff after it.
    //  §2.2 first R:  SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4*RTTVAR)
    //  §2.3 next R':  RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'| (old SRTT); SRTT = 7/8 SRTT + 1/8 R'
    //  §2.4 RTO < 1 s -> 1 s; §5.5 expiry: RTO = 2 RTO; §3 a retransmitted segment gives no sample.
    type Ev = { sample: number; retx?: boolean } | { timeout: true };
    const rows: [Ev, number, number, number, number][] = [
      // R = 500: SRTT 500, RTTVAR 250, RTO = 500 + 1000 = 1500
      [{ sample: 500 }, 500, 250, 1500, 0],
      // R' = 700: RTTVAR = 187.5 + 50 = 237.5; SRTT = 437.5 + 87.5 = 525; RTO = 525 + 950 = 1475
      [{ sample: 700 }, 525, 237.5, 1475, 0],
      // R' = 300: RTTVAR = 178.125 + 56.25 = 234.375; SRTT = 459.375 + 37.5 = 496.875; RTO = 496.875 + 937.5
      [{ sample: 300 }, 496.875, 234.375, 1434.375, 0],
      // Karn: the sample of a retransmitted segment is not used
      [{ sample: 5000, retx: true }, 496.875, 234.375, 1434.375, 0],
      // §5.5: back off
      [{ timeout: true }, 496.875, 234.375, 2868.75, 1],
      [{ timeout: true }, 496.875, 234.375, 5737.5, 2],
      // Karn again: the backed-off RTO is kept until a valid sample
      [{ sample: 9000, retx: true }, 496.875, 234.375, 5737.5, 2],
      // R' = 500: RTTVAR = 175.78125 + 0.78125 = 176.5625; SRTT = 434.765625 + 62.5 = 497.265625;
      // RTO = 497.265625 + 706.25 = 1203.515625, backoff cleared
      [{ sample: 500 }, 497.265625, 176.5625, 1203.515625, 0],
      // R' = 100: RTTVAR = 132.421875 + 99.31640625 = 231.73828125; SRTT = 435.107421875 + 12.5
      // = 447.607421875; RTO = 447.607421875 + 926.953125 = 1374.560546875
      [{ sample: 100 }, 447.607421875, 231.73828125, 1374.560546875, 0],
    ];
    let s = rttInit(rfc);
    for (const [ev, srtt, rttvar, rto, backoff] of rows) {
      s = 'timeout' in ev ? rttTimeout(rfc, s) : rttSample(rfc, s, ev.sample, { retransmitted: ev.retx ?? false });
      expect({ srtt: s.srtt, rttvar: s.rttvar, rto: s.rto, backoff: s.backoff }).toEqual({ srtt, rttvar, rto, backoff });
    }
  });

  it('§2.4: an RTO under 1 s is rounded up to 1 s', () => {
    // R = 100: SRTT + 4 RTTVAR = 100 + 200 = 300 ms -> 1 s
    const s = rttSample(rfc, rttInit(rfc), 100, fresh);
    expect(s.rto).toBe(1000);
  });

  it('§2.3: the clock granularity G bounds the variance term', () => {
    // Without the 1 s floor (rtoMin 0) and with G = 10 ms, a constant 100 ms RTT shrinks RTTVAR by 3/4
    // per sample: 50, 37.5, ... 4*RTTVAR = 200 * 0.75^n falls below G after n = 11 more samples
    // (200 * 0.75^10 = 11.26, 200 * 0.75^11 = 8.45), so RTO goes from 100 + 4 RTTVAR to 100 + 10.
    const p: RttParams = { ...rfc, rtoMin: 0, granularity: 10 };
    let s = rttSample(p, rttInit(p), 100, fresh);
    for (let n = 1; n <= 10; n++) s = rttSample(p, s, 100, fresh);
    expect(s.rto).toBeCloseTo(100 + 200 * 0.75 ** 10, 9);
    s = rttSample(p, s, 100, fresh);
    expect(s.rto).toBe(110);
  });

  it('§2.5 and §5.5: backoff doubles up to the 60 s maximum', () => {
    let s = rttInit(rfc);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      s = rttTimeout(rfc, s);
      seen.push(s.rto);
    }
    expect(seen).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(s.backoff).toBe(8);
  });

  it('§5.7: after a SYN timed out, data starts with RTO = 3 s (unless a sample was taken)', () => {
    const backedOff = rttTimeout(rfc, rttInit(rfc));
    expect(rttEstablished(rfc, backedOff, true).rto).toBe(3000);
    expect(rttEstablished(rfc, backedOff, false).rto).toBe(2000);
    const sampled = rttSample(rfc, rttInit(rfc), 1500, fresh);
    expect(rttEstablished(rfc, sampled, true)).toBe(sampled);
    expect(rttEstablished(linux, rttTimeout(linux, rttInit(linux)), true).rto).toBe(2000);
  });

  it('ignores samples outside 0..1 h and non-numbers', () => {
    const s = rttSample(rfc, rttInit(rfc), 500, fresh);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 3_600_001]) expect(rttSample(rfc, s, bad, fresh)).toBe(s);
  });
});

describe('Linux (linux profile): tcp_rtt_estimator() and __tcp_set_rto()', () => {
  it('uses TCP_RTO_MIN = 200 ms on the variance term and TCP_RTO_MAX = 120 s', () => {
    expect(linux).toMatchObject({ flavour: 'linux', rtoInitial: 1000, rtoMin: 200, rtoMax: 120_000 });
  });

  it('gives rto:201 on loopback and 3 x RTT when that is above SRTT + 200 ms', () => {
    // First sample m: srtt = m, mdev = 2m, rttvar = max(mdev, 200 ms); RTO = srtt + rttvar, in
    // jiffies (HZ = 1000, rounded up). Loopback, m = 50 us: 0.05 + 200 ms -> 201 ms, the "rto:201"
    // `ss -ti` prints on 127.0.0.1.
    expect(rttSample(linux, rttInit(linux), 0.05, fresh).rto).toBe(201);
    // netem 25 ms each way, m = 50 ms: 50 + max(100, 200) = 250 ms.
    expect(rttSample(linux, rttInit(linux), 50, fresh).rto).toBe(250);
    // m = 100 ms: 100 + max(200, 200) = 300 ms; m = 400 ms: 400 + 800 = 1200 ms (3 x RTT).
    expect(rttSample(linux, rttInit(linux), 100, fresh).rto).toBe(300);
    expect(rttSample(linux, rttInit(linux), 400, fresh).rto).toBe(1200);
  });

  it('follows the kernel arithmetic sample by sample (microseconds, shifts, per-flight rttvar)', () => {
    // Rows: sample (ms), SND.UNA, SND.NXT -> srtt8, mdev, mdev_max, rttvar (us), rtt_seq, RTO (ms).
    const rows: [number, number, number, number, number, number, number, number, number][] = [
      // first: srtt8 = 8m = 800000; mdev = 2m = 200000; rttvar = max(200000, 200000); rtt_seq = 1000;
      // RTO = ceil((100000 + 200000) / 1000) = 300
      [100, 1000, 1000, 800_000, 200_000, 200_000, 200_000, 1000, 300],
      // m = 400000 - 100000 = 300000; srtt8 = 1100000; m -= 200000/4 -> 250000; mdev = 450000 >
      // mdev_max -> mdev_max = 450000 > rttvar -> rttvar = 450000; SND.UNA 2000 after rtt_seq: no
      // decay (mdev_max = rttvar), rtt_seq = 3000, mdev_max = 200000.
      // RTO = ceil((137500 + 450000) / 1000) = 588
      [400, 2000, 3000, 1_100_000, 450_000, 200_000, 450_000, 3000, 588],
      // m = 100000 - 137500 = -37500; srtt8 = 1062500; falling: m = 37500 - 112500 = -75000 (not > 0,
      // so no /8); mdev = 375000 > mdev_max -> 375000 (< rttvar); new flight: rttvar -= (450000 -
      // 375000) / 4 = 18750 -> 431250; mdev_max = 200000. RTO = ceil((132812 + 431250) / 1000) = 565
      [100, 4000, 5000, 1_062_500, 375_000, 200_000, 431_250, 5000, 565],
      // same flight (SND.UNA 4500 not after 5000): m = 40000 - 132812 = -92812; srtt8 = 969688;
      // falling: m = 92812 - 93750 = -938; mdev = 374062; mdev_max = 374062 (< rttvar, no change).
      // RTO = ceil((121211 + 431250) / 1000) = 553
      [40, 4500, 5000, 969_688, 374_062, 374_062, 431_250, 5000, 553],
      // m = 150000 - 121211 = 28789; srtt8 = 998477; m -= 93515 -> -64726; mdev = 309336; new flight
      // (6000 after 5000): mdev_max 374062 < rttvar: rttvar -= (431250 - 374062) / 4 = 14297 -> 416953;
      // mdev_max = 200000. RTO = ceil((124809 + 416953) / 1000) = 542
      [150, 6000, 7000, 998_477, 309_336, 200_000, 416_953, 7000, 542],
    ];
    let s: RttState = rttInit(linux);
    for (const [r, sndUna, sndNxt, srtt8, mdev, mdevMax, rttvar, rttSeq, rto] of rows) {
      s = rttSample(linux, s, r, { retransmitted: false, sndUna, sndNxt });
      expect({ ...s.linux, rto: s.rto }).toEqual({ srtt8, mdev, mdevMax, rttvar, rttSeq, rto });
    }
  });

  it('a falling RTT moves mdev with gain 1/32 (mdev += (|err| - mdev/4) / 8)', () => {
    // first 100 ms: mdev 200000; then 20 ms: m = -80000, srtt8 = 720000; |m| - 50000 = 30000 > 0 ->
    // 30000 >> 3 = 3750; mdev = 203750 (RFC 6298 would give 3/4*50 + 1/4*80 = 57.5 ms, 230000 x 4).
    let s = rttSample(linux, rttInit(linux), 100, { retransmitted: false, sndUna: 1, sndNxt: 1 });
    s = rttSample(linux, s, 20, { retransmitted: false, sndUna: 1, sndNxt: 1 });
    expect(s.linux).toMatchObject({ srtt8: 720_000, mdev: 203_750 });
  });

  it('Karn without timestamps, and backoff up to 120 s', () => {
    const s = rttSample(linux, rttInit(linux), 100, fresh);
    expect(rttSample(linux, s, 3000, { retransmitted: true })).toBe(s);
    let t = s;
    const seen: number[] = [];
    for (let i = 0; i < 11; i++) {
      t = rttTimeout(linux, t);
      seen.push(t.rto);
    }
    expect(seen).toEqual([600, 1200, 2400, 4800, 9600, 19_200, 38_400, 76_800, 120_000, 120_000, 120_000]);
    // a valid sample resets the backoff
    expect(rttSample(linux, t, 100, { retransmitted: false, sndUna: 5, sndNxt: 5 }).backoff).toBe(0);
  });
});
