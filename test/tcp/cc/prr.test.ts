/**
 * PRR, the linux profile's recovery: RFC 6937 §3 (PRR-SSRB), with Linux's tcp_cwnd_reduction() choices,
 * on Linux's non-SACK ("reno") scoreboard. SMSS = 1000; Linux counts segments, so every value is a
 * whole number of segments x 1000. For each ACK:
 *
 *   DeliveredData: a duplicate ACK delivers 1 segment; a cumulative ACK of n segments delivers
 *                  max(n - sacked, 1) (tcp_remove_reno_sacks)
 *   pipe         = FlightSize - sacked - lost + retransmitted      (tcp_packets_in_flight)
 *   prr_delivered += DeliveredData
 *   pipe > ssthresh:  sndcnt = CEIL(prr_delivered * ssthresh / RecoverFS) - prr_out   (RFC 6937 §3,
 *                     with RecoverFS = prior_cwnd as in Linux; RFC 6937 uses FlightSize)
 *   otherwise:        sndcnt = MIN(ssthresh - pipe, MAX(prr_delivered - prr_out, DeliveredData)
 *                     [+ 1 if the ACK advanced SND.UNA and marked no new loss])  (PRR-SSRB, Linux)
 *   sndcnt = MAX(sndcnt, 1 if prr_out = 0);  cwnd = pipe + sndcnt;  allowance = cwnd - pipe
 */
import { describe, it } from 'vitest';
import { ccConfig, ccInit } from '../../../src/tcp/cc/index.js';
import { ack, dup, runTable, sent } from './helpers.js';

const cfg = ccConfig('linux', 'reno', 1000);

describe('PRR with Linux Reno (no SACK)', () => {
  it('one loss in a window of 10, the sender keeps sending: ACK by ACK', () => {
    // Segments 1..10 in flight, cwnd 10 (IW), segment 1 lost. Before recovery each duplicate ACK
    // lowers pipe by one, so one new segment goes out (Linux's effect of limited transmit). At the
    // 3rd: ssthresh = max(cwnd/2, 2) = 5, RecoverFS = prior_cwnd = 10, recover (high_seq) = 12001.
    const start = ccInit(cfg, 0);
    runTable(cfg, start, [
      [dup(1, 10_000, 10_001), { dupAcks: 1, cwnd: 10_000, allowance: 1000, phase: 'slow-start' }], // pipe 9
      [sent(1000, 11_000), { allowance: 0 }], // segment 11
      [dup(1, 11_000, 11_001), { dupAcks: 2, allowance: 1000 }], // pipe 11 - 2 = 9
      [sent(1000, 12_000), { allowance: 0 }], // segment 12
      // 3rd: pipe = 12 - 3 - 1 (head lost) = 8 > 5: sndcnt = ceil(1 * 5 / 10) - 0 = 1, cwnd = 9
      [dup(1, 12_000, 12_001), { phase: 'fast-recovery', ssthresh: 5000, recover: 12_001, prrDelivered: 1000, prrOut: 0, cwnd: 9000, allowance: 1000, retransmit: true, needsRetransmit: true }],
      [sent(1000, 12_000, true), { prrOut: 1000, allowance: 0, needsRetransmit: false }], // segment 1 again: pipe 9
      // pipe = 12 - 4 - 1 + 1 = 8: ceil(2 * 5 / 10) - 1 = 0, cwnd 8
      [dup(1, 12_000, 12_001), { prrDelivered: 2000, cwnd: 8000, allowance: 0, retransmit: false }],
      // pipe 7: ceil(3 * 5 / 10) - 1 = 1, cwnd 8
      [dup(1, 12_000, 12_001), { prrDelivered: 3000, cwnd: 8000, allowance: 1000 }],
      [sent(1000, 13_000), { prrOut: 2000, allowance: 0 }], // segment 13
      // pipe = 13 - 6 - 1 + 1 = 7: ceil(4 * 5 / 10) - 2 = 0, cwnd 7
      [dup(1, 13_000, 13_001), { prrDelivered: 4000, cwnd: 7000, allowance: 0 }],
      // pipe 6: ceil(5 * 5 / 10) - 2 = 1, cwnd 7
      [dup(1, 13_000, 13_001), { prrDelivered: 5000, cwnd: 7000, allowance: 1000 }],
      [sent(1000, 14_000), { prrOut: 3000 }], // segment 14
      // pipe = 14 - 8 - 1 + 1 = 6: ceil(6 * 5 / 10) - 3 = 0, cwnd 6
      [dup(1, 14_000, 14_001), { prrDelivered: 6000, cwnd: 6000, allowance: 0 }],
      // pipe 5 = ssthresh: SSRB: min(5 - 5, max(7 - 3, 1)) = 0, cwnd 5
      [dup(1, 14_000, 14_001), { prrDelivered: 7000, cwnd: 5000, allowance: 0 }],
      // pipe 4: min(5 - 4, max(8 - 3, 1)) = 1, cwnd 5
      [dup(1, 14_000, 14_001), { prrDelivered: 8000, cwnd: 5000, allowance: 1000 }],
      [sent(1000, 15_000), { prrOut: 4000 }], // segment 15
      // pipe = 15 - 11 - 1 + 1 = 4: min(1, max(9 - 4, 1)) = 1, cwnd 5
      [dup(1, 15_000, 15_001), { prrDelivered: 9000, cwnd: 5000, allowance: 1000 }],
      [sent(1000, 16_000), { prrOut: 5000 }], // segment 16
      // The retransmission arrives: ACK 12001 acknowledges 12 segments, 11 already counted as sacked:
      // DeliveredData = max(12 - 11, 1) = 1. ACK = high_seq exactly: Linux holds recovery (reno) and
      // clears sacked. pipe = 4: min(5 - 4, max(10 - 5, 1) + 1) = 1, cwnd 5
      [ack(12_001, 12_000, 4000, 16_001), { phase: 'fast-recovery', prrDelivered: 10_000, cwnd: 5000, allowance: 1000, retransmit: false }],
      [sent(1000, 5000), { prrOut: 6000, allowance: 0 }], // segment 17
      // ACK 13001 > high_seq: recovery ends, cwnd = ssthresh = 5 (tcp_end_cwnd_reduction), and the
      // same ACK goes to congestion avoidance (snd_cwnd_cnt 0 -> 1, below 5).
      [ack(13_001, 1000, 4000, 17_001), { phase: 'congestion-avoidance', cwnd: 5000, ssthresh: 5000, allowance: 1000 }],
    ]);
  });

  it('two losses, an application with nothing more to send: a partial ACK marks the next hole lost', () => {
    // Segments 1..10, segments 1 and 5 lost, nothing new to send.
    const start = ccInit(cfg, 0);
    runTable(cfg, start, [
      [dup(1, 10_000, 10_001), { dupAcks: 1 }], // segment 2
      [dup(1, 10_000, 10_001), { dupAcks: 2 }], // 3
      // 4: pipe = 10 - 3 - 1 = 6 > 5: ceil(1 * 5 / 10) = 1, cwnd 7
      [dup(1, 10_000, 10_001), { phase: 'fast-recovery', ssthresh: 5000, recover: 10_001, cwnd: 7000, prrDelivered: 1000, retransmit: true, allowance: 1000 }],
      [sent(1000, 10_000, true), { prrOut: 1000, allowance: 0 }],
      // 6: pipe 6: ceil(2 * 5 / 10) - 1 = 0, cwnd 6
      [dup(1, 10_000, 10_001), { cwnd: 6000, prrDelivered: 2000 }],
      // 7: pipe 5: SSRB min(0, max(3 - 1, 1)) = 0, cwnd 5
      [dup(1, 10_000, 10_001), { cwnd: 5000, prrDelivered: 3000 }],
      // 8: pipe 4: min(1, max(4 - 1, 1)) = 1, cwnd 5
      [dup(1, 10_000, 10_001), { cwnd: 5000, prrDelivered: 4000, allowance: 1000 }],
      // 9: pipe 3: min(2, max(5 - 1, 1)) = 2, cwnd 5
      [dup(1, 10_000, 10_001), { cwnd: 5000, prrDelivered: 5000, allowance: 2000 }],
      // 10: pipe 2: min(3, max(6 - 1, 1)) = 3, cwnd 5
      [dup(1, 10_000, 10_001), { cwnd: 5000, prrDelivered: 6000, allowance: 3000, dupAcks: 8 }],
      // ACK 4001 (segments 1-4), partial: DeliveredData = max(4 - 8, 1) = 1; sacked = 8 - 3 = 5;
      // segment 5 marked lost (newly lost: no +1). pipe = 6 - 5 - 1 = 0: min(5, max(7 - 1, 1)) = 5,
      // cwnd 5; segment 5 to be retransmitted.
      [ack(4001, 4000, 6000, 10_001), { phase: 'fast-recovery', cwnd: 5000, prrDelivered: 7000, retransmit: true, needsRetransmit: true, allowance: 5000 }],
      [sent(1000, 6000, true), { prrOut: 2000, needsRetransmit: false, allowance: 4000 }],
      // ACK 10001 = high_seq: held; DeliveredData = max(6 - 5, 1) = 1; pipe 0: min(5, max(8 - 2, 1) + 1) = 5
      [ack(10_001, 6000, 0, 10_001), { phase: 'fast-recovery', cwnd: 5000, prrDelivered: 8000, retransmit: false }],
      [sent(1000, 1000), { prrOut: 3000 }], // the application writes one more segment
      [ack(11_001, 1000, 0, 11_001), { phase: 'congestion-avoidance', cwnd: 5000 }],
    ]);
  });
});
