/**
 * Congestion control wired into the endpoint (issue 11): real runs of the built-in scenarios, with
 * the sender's state read after every step of the run (every ACK that reaches the client, every
 * timer that fires), compared row by row with the RFC formulas computed here independently of
 * src/tcp/cc. A row is one heap step of the network (test-only instrumentation: the network's
 * private `step` is wrapped to read the client's cc snapshot after each step).
 */
import { describe, it, expect } from 'vitest';
import { parseScript } from '../../src/tcp/script.js';
import { prepareRun } from '../../src/tcp/network.js';
import { getScenario } from '../../src/tcp/scenarios.js';
import type { CcSnapshot, Trace } from '../../src/tcp/types.js';
import type { Seg } from '../../src/tcp/segment.js';

const SMSS = 1000;

interface Row {
  /** What the step was: an ACK reaching the client, or the client's retransmission timer. */
  kind: 'ack' | 'rto' | 'other';
  ack?: number;
  t: number;
  cc: CcSnapshot;
  sndUna: number;
  sndNxt: number;
}

/** Runs a script and records the client's cc after every ACK arrival and timer expiry. */
function rows(src: string): { rows: Row[]; trace: Trace } {
  const p = parseScript(src);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const r = prepareRun(p.script);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const net = r.net as any;
  const out: Row[] = [];
  const step = net.step.bind(net);
  net.step = () => {
    const item = net.peekLive() as { kind: string; seg?: Seg; timer?: string; ep?: { who: string } } | undefined;
    step();
    const c = net.host('client').primary;
    const cc: CcSnapshot | undefined = c?.ccSnapshot();
    if (!item || !cc) return;
    let kind: Row['kind'] = 'other';
    if (item.kind === 'arrive' && item.seg && item.seg.dstIp === c.local.ip && item.seg.len === 0 && item.seg.ack && !item.seg.syn) kind = 'ack';
    if (item.kind === 'timer' && item.timer === 'retransmit' && item.ep === c) kind = 'rto';
    if (kind === 'other') return;
    out.push({ kind, ack: item.seg?.ackNo, t: net.now, cc, sndUna: c.sndUna, sndNxt: c.sndNxt });
  };
  const trace = r.finish();
  return { rows: out, trace };
}

const source = (name: string) => getScenario(name)!.source;

describe('RFC 5681 slow start and RFC 6582 NewReno recovery, in the fast-retransmit scenario (rfc profile)', () => {
  // An independent NewReno sender: RFC 5681 §3.1 (slow start with RFC 3465 L = 2*SMSS, as
  // docs/decisions.md), §3.2 (fast retransmit, eq. 4, cwnd = ssthresh + 3*SMSS, inflation) and
  // RFC 6582 §3.2 (recover, partial ACKs, full ACK option 1).
  const { rows: rs } = rows(source('fast-retransmit'));
  const total = 101 + 20000;

  it('every ACK: cwnd, ssthresh, FlightSize, duplicate ACKs and phase follow the formulas', () => {
    let cwnd = 4 * SMSS; // RFC 5681 eq. 1: SMSS <= 1095 -> 4 segments
    let ssthresh = Infinity;
    let una = 101;
    let dupAcks = 0;
    let recover = 100; // ISS
    let phase: CcSnapshot['phase'] = 'slow-start';
    let checked = 0;
    let sawRecovery = false;
    for (const r of rs) {
      expect(r.kind).toBe('ack');
      const a = r.ack!;
      if (a > una) {
        const acked = a - una;
        una = a;
        dupAcks = 0;
        const flight = r.sndNxt - una;
        if (phase === 'fast-recovery') {
          if (a >= recover) {
            cwnd = Math.min(ssthresh, Math.max(flight, SMSS) + SMSS); // RFC 6582 §3.2 step 3, option 1
            phase = cwnd < ssthresh ? 'slow-start' : 'congestion-avoidance';
          } else {
            cwnd = Math.max(SMSS, cwnd - acked + (acked >= SMSS ? SMSS : 0)); // partial ACK deflation
          }
        } else if (r.sndNxt < total || flight > 0) {
          if (cwnd < ssthresh) cwnd += Math.min(acked, 2 * SMSS);
          phase = cwnd < ssthresh ? 'slow-start' : 'congestion-avoidance';
        }
      } else {
        dupAcks++;
        const flight = r.sndNxt - una;
        if (phase === 'fast-recovery') cwnd += SMSS; // RFC 5681 §3.2 step 4
        else if (dupAcks === 3 && a > recover) {
          ssthresh = Math.max(Math.floor(flight / 2), 2 * SMSS); // eq. 4
          cwnd = ssthresh + 3 * SMSS; // step 3
          recover = r.sndNxt;
          phase = 'fast-recovery';
          sawRecovery = true;
        }
      }
      if (r.cc.phase === 'congestion-avoidance' && phase === 'congestion-avoidance') break; // past the episode: CA has its own table
      expect({ cwnd: r.cc.cwnd, ssthresh: r.cc.ssthresh, flight: r.cc.flight, dupAcks: r.cc.dupAcks, phase: r.cc.phase }, `ACK ${a} at ${r.t} ms`).toEqual({
        cwnd,
        ssthresh: ssthresh === Infinity ? null : ssthresh,
        flight: r.sndNxt - una,
        dupAcks,
        phase,
      });
      checked++;
    }
    expect(sawRecovery).toBe(true);
    expect(checked).toBeGreaterThan(8);
  });

  it('the episode by numbers: ssthresh = 8000/2 at the 3rd duplicate ACK, cwnd 7000, then 4000 on the full ACK', () => {
    const third = rs.find((r) => r.cc.phase === 'fast-recovery')!;
    expect(third.cc).toMatchObject({ ssthresh: 4000, cwnd: 7000, flight: 8000, dupAcks: 3 });
    const exit = rs.find((r, i) => i > rs.indexOf(third) && r.cc.phase !== 'fast-recovery')!;
    expect(exit.ack).toBe(12101); // recover = SND.NXT at the 3rd duplicate ACK
    expect(exit.cc).toMatchObject({ cwnd: 4000, ssthresh: 4000, phase: 'congestion-avoidance' });
  });
});

describe('RFC 5681 congestion avoidance after Reno recovery (congestion-avoidance scenario)', () => {
  const { rows: rs } = rows(source('congestion-avoidance'));

  it('Reno: the first new ACK deflates cwnd to ssthresh (RFC 5681 §3.2 step 6); then +1 SMSS per cwnd of bytes ACKed', () => {
    const start = rs.findIndex((r) => r.cc.phase === 'congestion-avoidance');
    expect(rs[start].cc).toMatchObject({ cwnd: 2000, ssthresh: 2000, algo: 'reno' });
    // Byte counting (RFC 5681 §3.1 / RFC 3465 §2.1): bytes_acked accumulates; each time it reaches
    // cwnd, cwnd += SMSS.
    let cwnd = 2000;
    let acc = 0;
    let una = rs[start].ack!;
    for (const r of rs.slice(start + 1)) {
      if (r.ack! <= una) continue;
      const acked = r.ack! - una;
      una = r.ack!;
      if (r.sndNxt === 101 + 40000) break; // everything sent: application-limited, cwnd no longer grows (RFC 7661)
      acc += acked;
      if (acc >= cwnd) {
        acc -= cwnd;
        cwnd += SMSS;
      }
      expect(r.cc.cwnd, `ACK ${r.ack}`).toBe(cwnd);
      expect(r.cc.phase).toBe('congestion-avoidance');
    }
    expect(cwnd).toBe(8000);
  });
});

describe('RFC 5681 §3.1 and RFC 6298 on a timeout (rto-loss scenario)', () => {
  const { rows: rs, trace } = rows(source('rto-loss'));

  it('the timer fires with FlightSize 4000: ssthresh = max(4000/2, 2*SMSS), cwnd = 1 SMSS, RTO doubled (backoff)', () => {
    const rto = rs.find((r) => r.kind === 'rto')!;
    expect(rto.t).toBe(1150); // sent at 150 ms, RTO 1 s (RFC 6298 §2.4 floor; SRTT 100)
    expect(rto.cc).toMatchObject({ cwnd: 1000, ssthresh: 2000, phase: 'rto-recovery', rto: 2000, srtt: 100 });
    expect(rto.cc.flight).toBe(4000);
  });

  it('then slow start from 1 SMSS up to ssthresh, RTO recovery until SND.NXT at the timeout is ACKed, and Karn', () => {
    const i = rs.findIndex((r) => r.kind === 'rto');
    const after = rs.slice(i + 1);
    // ACK of the retransmission: +1 SMSS (slow start); SRTT unchanged (Karn: the retransmitted
    // segment is not timed) and the backed-off RTO kept (RFC 6298 §5.7 / §3).
    expect(after[0].cc).toMatchObject({ cwnd: 2000, phase: 'rto-recovery', rto: 2000, srtt: 100 });
    // The ACK of everything sent before the timeout (4101 = recover) ends RTO recovery; cwnd 2000
    // + min(2000, 2*SMSS) = 4000 >= ssthresh: congestion avoidance.
    const done = after.find((r) => r.ack === 4101)!;
    expect(done.cc.phase).toBe('congestion-avoidance');
    expect(done.cc.cwnd).toBe(3000);
    // A new segment timed after the timeout brings a fresh sample: the RTO leaves the backoff.
    expect(rs.at(-1)!.cc.rto).toBe(1000);
    // The retransmissions say why.
    const retx = trace.events.filter((e) => e.type === 'segment' && e.retransmission);
    expect(retx.length).toBe(3);
    expect(retx[0].explain).toMatch(/RTO expired/);
    expect(retx[2].explain).toMatch(/presumed lost/);
  });
});

describe('RFC 9438 CUBIC (rfc profile) and RFC 6937 PRR (linux profile) at the 3rd duplicate ACK', () => {
  it('CUBIC in rfc: ssthresh = FlightSize * beta_cubic (0.7), cwnd = ssthresh + 3*SMSS (RFC 9438 §4.6, recovery RFC 6582)', () => {
    const { rows: rs } = rows(source('fast-retransmit').replace('client connect', 'option cc cubic\nclient connect'));
    const fr = rs.find((r) => r.cc.phase === 'fast-recovery')!;
    expect(fr.cc.algo).toBe('cubic');
    expect(fr.cc.ssthresh).toBe(Math.max(Math.floor(8000 * 0.7), 2 * SMSS));
    expect(fr.cc.cwnd).toBe(fr.cc.ssthresh! + 3 * SMSS);
  });

  it('PRR in linux: at entry cwnd = pipe + sndcnt, sndcnt = CEIL(prr_delivered * ssthresh / RecoverFS) - prr_out >= 1; recovery ends with cwnd = ssthresh', () => {
    const src = 'option profile linux\noption isn client 100\noption isn server 300\noption mss 1000\noption delayed-ack off\noption cc reno\nclient connect\ndrop segment 23\nclient send 40000\n';
    const { rows: rs } = rows(src);
    const enter = rs.findIndex((r) => r.cc.phase === 'fast-recovery');
    expect(enter).toBeGreaterThan(0);
    const before = rs[enter - 1].cc;
    const at = rs[enter].cc;
    // Linux tcp_reno_ssthresh: max(cwnd / 2, 2) segments; RecoverFS = prior cwnd.
    const ssthresh = Math.max(Math.floor(before.cwnd / SMSS / 2), 2) * SMSS;
    expect(at.ssthresh).toBe(ssthresh);
    // pipe at entry (Linux's reno scoreboard): FlightSize - 3 dup-ACKed segments - 1 lost head.
    const pipe = at.flight - 3 * SMSS - SMSS;
    const sndcnt = Math.max(Math.ceil((SMSS * ssthresh) / before.cwnd) - 0, 1) * 1; // prr_delivered = 1 segment
    expect(at.cwnd).toBe(pipe + Math.ceil(sndcnt / SMSS) * SMSS);
    const exit = rs.findIndex((r, i) => i > enter && r.cc.phase !== 'fast-recovery');
    expect(rs[exit].cc.cwnd).toBeGreaterThanOrEqual(ssthresh); // cwnd = ssthresh, then this ACK's growth
    expect(rs[exit].cc.cwnd).toBeLessThanOrEqual(ssthresh + SMSS);
    expect(rs[exit].cc.phase).toBe('congestion-avoidance');
  });
});
