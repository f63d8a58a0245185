/**
 * Property tests: random but well-formed event sequences (a sender that only sends what the
 * controller allows, ACKs that never exceed SND.NXT, duplicate ACKs only with data outstanding,
 * timeouts) for every profile and algorithm, from a seeded generator (src/quiz/rng.ts). After every
 * event: cwnd >= 1 SMSS, ssthresh >= 2 SMSS, no NaN or infinity anywhere in the state, whole segments
 * in the linux profile, a consistent scoreboard; and the same seed gives the same run, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/quiz/rng.js';
import {
  ccConfig,
  ccInit,
  needsRetransmit,
  onAck,
  onIdle,
  onDupAck,
  onRto,
  onSent,
  sendAllowance,
  type CcConfig,
  type CcName,
  type CcState,
} from '../../../src/tcp/cc/index.js';
import type { Profile } from '../../../src/tcp/types.js';

const PHASES = new Set(['slow-start', 'congestion-avoidance', 'fast-recovery', 'rto-recovery']);

function finiteEverywhere(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x && typeof x === 'object') return Object.values(x).every(finiteEverywhere);
  return true;
}

/** The invariants; returns the first one broken, or null. Plain checks: this runs ~150 000 times. */
function broken(cfg: CcConfig, s: CcState, flight: number): string | null {
  if (!finiteEverywhere(s)) return 'a NaN or infinite number';
  if (s.cwnd < cfg.smss) return 'cwnd < 1 SMSS';
  if (!Number.isInteger(s.cwnd)) return 'cwnd not whole bytes';
  if (s.ssthresh < 2 * cfg.smss) return 'ssthresh < 2 SMSS';
  if (cfg.counting === 'packets' && s.cwnd % cfg.smss !== 0) return 'cwnd not whole segments';
  if (!PHASES.has(s.phase)) return 'unknown phase';
  const b = s.board;
  if (b.sacked < 0 || b.lost < 0 || b.retrans < 0) return 'negative scoreboard';
  if (b.retrans > b.lost) return 'retransmitted > lost';
  if (b.lost > flight + cfg.smss) return 'lost > FlightSize';
  if (sendAllowance(s, flight) < 0) return 'negative allowance';
  if (s.prr && s.phase !== 'fast-recovery') return 'PRR state outside fast recovery';
  return null;
}

/** One random run; returns its trace (for the determinism check). */
function run(profile: Profile, name: CcName, seed: number, steps: number, keep = false): string[] {
  const rng = makeRng(seed);
  const smss = rng.pick([536, 1000, 1460, 8948]);
  const cfg = ccConfig(profile, name, smss);
  const iss = rng.seed();
  let una = (iss + 1) >>> 0;
  let nxt = una;
  let s = ccInit(cfg, iss);
  let now = 0;
  const trace: string[] = [];
  const flight = () => (nxt - una) >>> 0;
  for (let i = 0; i < steps; i++) {
    now += rng.int(50);
    const srtt = rng.next() < 0.1 ? null : 1 + rng.int(400);
    const f = flight();
    const r = rng.next();
    let ev: string;
    if (r < 0.3) {
      // send what the window allows (lost data first), in segments of up to SMSS
      // (a burst: up to 40 segments, as long as the window allows; after idle if nothing is out)
      if (f === 0 && rng.next() < 0.5) s = onIdle(cfg, s, { now, idle: rng.int(3000), rto: 200 + rng.int(1000) });
      let n = 0;
      for (; n < 40; n++) {
        const allow = sendAllowance(s, flight());
        if (allow <= 0) break;
        const retx = needsRetransmit(s) && flight() > 0;
        const len = Math.min(allow, rng.next() < 0.1 ? 1 + rng.int(smss) : smss);
        if (!retx) nxt = (nxt + len) >>> 0;
        s = onSent(cfg, s, len, retx);
        const bad = broken(cfg, s, flight());
        if (bad) expect.fail(`${profile}/${name} seed ${seed} step ${i} (send ${n}): ${bad} in ${JSON.stringify(s)}`);
      }
      if (n === 0) continue;
      ev = `sent ${n}`;
    } else if (r < 0.6) {
      if (f === 0) continue;
      const acked = rng.next() < 0.5 ? Math.min(f, smss * (1 + rng.int(3))) : 1 + rng.int(f);
      una = (una + acked) >>> 0;
      const res = onAck(cfg, s, { now, ack: una, bytesAcked: acked, flightSize: flight(), sndNxt: nxt, srtt, cwndLimited: rng.next() < 0.9 });
      s = res.state;
      ev = `ack ${acked} ${res.retransmit}`;
    } else if (r < 0.95) {
      if (f === 0) continue;
      const res = onDupAck(cfg, s, { now, ack: una, flightSize: f, sndNxt: nxt });
      s = res.state;
      ev = `dup ${res.retransmit}`;
    } else {
      if (f === 0) continue;
      s = onRto(cfg, s, { now, flightSize: f, sndNxt: nxt });
      ev = 'rto';
    }
    const bad = broken(cfg, s, flight());
    if (bad) expect.fail(`${profile}/${name} seed ${seed} step ${i} (${ev}): ${bad} in ${JSON.stringify(s)}`);
    if (keep) trace.push(`${ev} ${JSON.stringify(s)}`);
  }
  return trace;
}

describe('congestion control properties', () => {
  const cases: [Profile, CcName][] = [
    ['rfc', 'reno'],
    ['rfc', 'newreno'],
    ['rfc', 'cubic'],
    ['linux', 'reno'],
    ['linux', 'cubic'],
  ];
  for (const [profile, name] of cases) {
    it(`${profile}/${name}: invariants hold over 40 random runs of 200 events`, () => {
      for (let seed = 1; seed <= 40; seed++) run(profile, name, seed * 7919, 200);
    });
  }

  it('is deterministic: the same seed gives the same run', () => {
    for (const [profile, name] of cases) {
      const a = run(profile, name, 42, 300, true);
      expect(a.length).toBeGreaterThan(100);
      expect(a).toEqual(run(profile, name, 42, 300, true));
    }
  });
});
