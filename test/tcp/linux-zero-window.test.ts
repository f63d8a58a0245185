/**
 * The model's zero window against Linux 6.18 (test/fixtures/linux/linux-zero-window.json, taken with
 * tools/capture: SO_RCVBUF 4096, an application that reads nothing for 6 s, loopback). What must
 * match: the client probes the closed window with bare ACKs, the first one RTO after the zero window
 * (RTO at its 200 ms floor on loopback), then doubling; a probe that comes less than 500 ms after the
 * receiver's last out-of-window ACK gets no answer (RFC 5961 §7 rate limit, tcp_oow_rate_limited);
 * the other probes get an ACK still offering a zero window; the application's read sends a window
 * update and the transfer resumes at once. (tcpdump prints no sequence number for a bare ACK, so the
 * probes' SEQ = SND.UNA - 1 is not visible in the capture; Linux's buffer accounting and window
 * scaling make the window values themselves differ, so they are not compared.)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, segments } from './helpers.js';

interface FxSeg {
  from: 'client' | 'server';
  flags: string[];
  len: number;
  win: number | null;
  ms: number;
}
const fx = JSON.parse(readFileSync(join(__dirname, '../fixtures/linux/linux-zero-window.json'), 'utf8')) as { kernel: string; segments: FxSeg[] };

/** Probe times (ms after the zero window) and whether each was answered within 5 ms. */
function probesOf(segs: { from: string; flags: string[]; len: number; win: number | null; ms: number }[]) {
  const zero = segs.findIndex((s) => s.from === 'server' && s.win === 0);
  const reopen = segs.findIndex((s, i) => i > zero && s.from === 'server' && (s.win ?? 0) > 0);
  const probes = segs.slice(zero + 1, reopen).filter((s) => s.from === 'client' && s.len === 0 && s.flags.join() === 'ACK');
  return {
    at: probes.map((p) => p.ms - segs[zero].ms),
    answered: probes.map((p) => segs.some((s) => s.from === 'server' && s.len === 0 && s.win === 0 && s.ms >= p.ms && s.ms - p.ms < 5)),
    resumed: segs.slice(reopen + 1).some((s) => s.from === 'client' && s.len > 0 && s.ms - segs[reopen].ms < 5),
  };
}

describe(`zero window and probes match Linux (${fx.kernel})`, () => {
  const linux = probesOf(fx.segments);
  const t = run(
    'option profile linux\noption delay 0ms\noption mss 1000\noption rcvbuf server 4000\nclient connect\nclient send 8000\nwait 6s\nserver read all\n',
  );
  const model = probesOf(segments(t).map((s) => ({ from: s.from, flags: s.flags, len: s.len, win: s.window ?? null, ms: s.t })));

  it('the capture is what the test expects (4 probes before the read)', () => {
    expect(linux.at.length).toBe(4);
  });

  it('the same probes: the first after the 200 ms RTO floor, then doubling', () => {
    expect(model.at.length).toBe(linux.at.length);
    const gaps = (a: number[]) => a.map((x, i) => x - (i ? a[i - 1] : 0));
    const lg = gaps(linux.at);
    const mg = gaps(model.at);
    expect(mg[0]).toBe(200);
    expect(lg[0]).toBeGreaterThanOrEqual(200);
    expect(lg[0]).toBeLessThan(260); // 200 ms plus a few jiffies of RTT variance
    for (let i = 1; i < lg.length; i++) {
      expect(mg[i] / mg[i - 1]).toBe(2);
      expect(Math.abs(lg[i] / lg[i - 1] - 2)).toBeLessThan(0.1);
    }
  });

  it('the same answers: the second probe, under 500 ms after the last ACK, is not answered', () => {
    expect(linux.answered).toEqual([true, false, true, true]);
    expect(model.answered).toEqual(linux.answered);
  });

  it('the read sends a window update and the transfer resumes at once', () => {
    expect(linux.resumed).toBe(true);
    expect(model.resumed).toBe(true);
  });
});
