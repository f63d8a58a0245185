/**
 * NewReno (RFC 6582) in the rfc profile: two losses in one window, partial and full ACKs, and the
 * `recover` check. SMSS = 1000; `recover` is kept as SND.NXT at the start of recovery (one past the
 * highest sequence number sent), so a full ACK is ACK >= recover and "covers more than recover" is
 * ACK > recover.
 */
import { describe, it } from 'vitest';
import { ccConfig, ccInit, type CcState } from '../../../src/tcp/cc/index.js';
import { ack, dup, rto, runTable, sent } from './helpers.js';

const cfg = ccConfig('rfc', 'newreno', 1000);

describe('NewReno (RFC 6582 §3.2)', () => {
  it('two losses in one window: one reduction, a partial ACK, then the full ACK', () => {
    // Segments 1..10 (seq 1..10000) in flight, cwnd 10000; segments 1 (seq 1) and 4 (seq 3001) lost.
    // Step 1: the 3rd duplicate ACK (1 > recover = ISS 0) sets recover = SND.NXT = 10001; step 2:
    // ssthresh = max(FlightSize/2, 2*SMSS) = 5000, retransmit, cwnd = ssthresh + 3*SMSS = 8000 (RFC 5681
    // §3.2 steps 2-3); each further duplicate ACK +SMSS.
    // Step 3, partial ACK (ACK 3001 < recover): retransmit the next hole, cwnd = cwnd - acked + SMSS
    // (acked >= SMSS) = 13000 - 3000 + 1000 = 11000. Full ACK (ACK 13001 >= recover): cwnd =
    // min(ssthresh, max(FlightSize, SMSS) + SMSS) = min(5000, 4000 + 1000) = 5000.
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 10_000 };
    runTable(cfg, start, [
      [dup(1, 10_000, 10_001), { dupAcks: 1, cwnd: 10_000 }], // segment 2
      [dup(1, 10_000, 10_001), { dupAcks: 2 }], // 3
      [dup(1, 10_000, 10_001), { ssthresh: 5000, cwnd: 8000, phase: 'fast-recovery', recover: 10_001, retransmit: true }], // 5
      [sent(1000, 10_000, true), { allowance: 0 }], // seq 1 again
      [dup(1, 10_000, 10_001), { cwnd: 9000, allowance: 0 }], // 6
      [dup(1, 10_000, 10_001), { cwnd: 10_000, allowance: 0 }], // 7
      [dup(1, 10_000, 10_001), { cwnd: 11_000, allowance: 1000 }], // 8
      [sent(1000, 11_000), { allowance: 0 }], // segment 11
      [dup(1, 11_000, 11_001), { cwnd: 12_000, allowance: 1000 }], // 9
      [sent(1000, 12_000), { allowance: 0 }], // 12
      [dup(1, 12_000, 12_001), { cwnd: 13_000, allowance: 1000 }], // 10
      [sent(1000, 13_000), { allowance: 0 }], // 13
      // the retransmitted segment 1 arrives: ACK 3001, a partial ACK
      [ack(3001, 3000, 10_000, 13_001), { cwnd: 11_000, phase: 'fast-recovery', retransmit: true, dupAcks: 0, allowance: 1000, recover: 10_001 }],
      [sent(1000, 10_000, true), { allowance: 1000 }], // seq 3001 again, outside the allowance
      [sent(1000, 11_000), { allowance: 0 }], // segment 14
      [dup(3001, 11_000, 14_001), { cwnd: 12_000, dupAcks: 1, phase: 'fast-recovery', retransmit: false, allowance: 1000 }], // 11 arrives
      [sent(1000, 12_000), {}], // 15
      [dup(3001, 12_000, 15_001), { cwnd: 13_000, allowance: 1000 }], // 12
      [sent(1000, 13_000), {}], // 16
      [dup(3001, 13_000, 16_001), { cwnd: 14_000, dupAcks: 3, phase: 'fast-recovery', retransmit: false }], // 13: no new episode
      [sent(1000, 14_000), {}], // 17
      // the retransmitted segment 4 arrives: ACK 13001 >= recover, a full ACK
      [ack(13_001, 10_000, 4000, 17_001), { cwnd: 5000, ssthresh: 5000, phase: 'congestion-avoidance', retransmit: false, allowance: 1000 }],
    ]);
  });

  it('full ACK with little in flight: cwnd = FlightSize + SMSS, back in slow start', () => {
    // min(ssthresh 5000, max(FlightSize 1000, SMSS) + SMSS) = 2000 (option 1 of step 3 avoids a burst)
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 9000, ssthresh: 5000, phase: 'fast-recovery', recover: 10_001 };
    runTable(cfg, start, [[ack(10_001, 4000, 1000, 11_001), { cwnd: 2000, phase: 'slow-start' }]]);
    // FlightSize 0 still leaves max(0, SMSS) + SMSS = 2000
    runTable(cfg, start, [[ack(10_001, 4000, 0, 10_001), { cwnd: 2000 }]]);
  });

  it('a partial ACK of less than SMSS deflates without adding SMSS back', () => {
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 9000, ssthresh: 5000, phase: 'fast-recovery', recover: 10_001 };
    runTable(cfg, start, [[ack(501, 500, 9500, 10_001), { cwnd: 8500, retransmit: true, phase: 'fast-recovery' }]]);
  });

  it('step 1: duplicate ACKs that do not cover more than recover start no new recovery (after an RTO)', () => {
    // RTO with 10000 in flight: recover = SND.NXT = 10001 (step 4), ssthresh 5000, cwnd 1000. Duplicate
    // ACKs for 1 (old segments still arriving) do not cover more than recover: no fast retransmit, no
    // second cut. Plain Reno (no recover) would cut again.
    const start: CcState = { ...ccInit(cfg, 0), cwnd: 10_000 };
    runTable(cfg, start, [
      [rto(10_000, 10_001), { cwnd: 1000, ssthresh: 5000, phase: 'rto-recovery', recover: 10_001, needsRetransmit: true }],
      [dup(1, 10_000, 10_001), { dupAcks: 1 }],
      [dup(1, 10_000, 10_001), { dupAcks: 2 }],
      [dup(1, 10_000, 10_001), { dupAcks: 3, cwnd: 1000, ssthresh: 5000, phase: 'rto-recovery', retransmit: false }],
    ]);
    const reno = ccConfig('rfc', 'reno', 1000);
    runTable(reno, start, [
      [rto(10_000, 10_001), { cwnd: 1000, ssthresh: 5000 }],
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), {}],
      [dup(1, 10_000, 10_001), { phase: 'fast-recovery', ssthresh: 5000, cwnd: 8000, retransmit: true, needsRetransmit: false }],
      // FlightSize-based again: allowance = cwnd - FlightSize (the RTO's "lost" marks are dropped)
      [dup(1, 10_000, 10_001), { cwnd: 9000, allowance: 0 }],
    ]);
  });

  it('a loss in the first window is fast-retransmitted (recover starts at ISS, the ACK is ISS + 1)', () => {
    const iss = 4_294_967_000; // near the wrap: sequence arithmetic is modulo 2^32
    const start: CcState = { ...ccInit(cfg, iss), cwnd: 4000 };
    const una = (iss + 1) >>> 0;
    const nxt = (iss + 4001) >>> 0;
    runTable(cfg, start, [
      [dup(una, 4000, nxt), {}],
      [dup(una, 4000, nxt), {}],
      [dup(una, 4000, nxt), { phase: 'fast-recovery', ssthresh: 2000, cwnd: 5000, recover: nxt, retransmit: true }],
      // the full ACK wraps past 2^32: min(2000, max(0, SMSS) + SMSS) = 2000 = ssthresh
      [ack(nxt, 4000, 0, nxt), { phase: 'congestion-avoidance', cwnd: 2000 }],
    ]);
  });
});
