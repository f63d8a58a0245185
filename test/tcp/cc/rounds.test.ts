/**
 * cwnd round trip by round trip in a loss-free bulk transfer, the number interview questions ask
 * for ("cwnd after k round trips"): the sender sends a whole window each round trip, the receiver
 * ACKs every second full-sized segment (RFC 9293 §3.8.6.3) and a lone last one on its timer.
 */
import { describe, expect, it } from 'vitest';
import { ccConfig, ccInit, onAck, type CcConfig, type CcName } from '../../../src/tcp/cc/index.js';
import type { Profile } from '../../../src/tcp/types.js';

function rounds(cfg: CcConfig, n: number, ssthresh?: number): number[] {
  let s = ccInit(cfg, 0);
  if (ssthresh !== undefined) s = { ...s, ssthresh };
  let una = 1;
  const seen = [s.cwnd / cfg.smss];
  for (let r = 1; r <= n; r++) {
    const segs = Math.floor(s.cwnd / cfg.smss);
    let nxt = una + segs * cfg.smss;
    for (let i = 0; i < segs; i += 2) {
      const k = Math.min(2, segs - i);
      una += k * cfg.smss;
      s = onAck(cfg, s, { now: r * 100, ack: una, bytesAcked: k * cfg.smss, flightSize: nxt - una, sndNxt: nxt, srtt: 100 }).state;
    }
    nxt = una;
    seen.push(s.cwnd / cfg.smss);
  }
  return seen;
}

describe('slow start, round trip by round trip, with delayed ACKs', () => {
  const cases: [Profile, CcName, number[]][] = [
    // Linux: +1 segment per segment acknowledged, so a delayed ACK of two adds two: doubling from 10
    ['linux', 'reno', [10, 20, 40, 80, 160]],
    ['linux', 'cubic', [10, 20, 40, 80, 160]],
    // rfc, SMSS 1000: IW 4 (RFC 5681 eq. 1); ABC with L = 2*SMSS also doubles under delayed ACKs
    ['rfc', 'newreno', [4, 8, 16, 32, 64]],
  ];
  for (const [profile, name, want] of cases) {
    it(`${profile}/${name}: ${want.join(' -> ')} segments`, () => {
      expect(rounds(ccConfig(profile, name, 1000), 4)).toEqual(want);
    });
  }

  it('reaching ssthresh: the rest of the round is congestion avoidance (+1 segment per round trip)', () => {
    // linux, ssthresh 30: 10 -> 20 -> 30 (capped; the other 10 acknowledged segments go to
    // snd_cwnd_cnt, below 30) -> 31 -> 32
    expect(rounds(ccConfig('linux', 'reno', 1000), 4, 30_000)).toEqual([10, 20, 30, 31, 32]);
  });
});
