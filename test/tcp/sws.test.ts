/** Sender silly-window avoidance (RFC 9293 §3.8.6.2.1), the send decision itself (src/tcp/sws.ts),
 *  and the same rules seen in runs, apart from Nagle. */
import { describe, it, expect } from 'vitest';
import { senderSws, type SwsRule } from '../../src/tcp/sws.js';
import { run, segments } from './helpers.js';

describe('the send decision: usable window vs. MSS vs. half the largest window vs. the override timer', () => {
  // D queued, U usable window, MSS, Max(SND.WND), override -> segment length and the rule that lets it go
  const cases: [string, number, number, number, number, boolean, number, SwsRule | null][] = [
    // (1) a maximum-sized segment can be sent
    ['a full segment: D and U both >= MSS', 5000, 4000, 1000, 4000, false, 1000, 'full'],
    ['a full segment: U exactly one MSS', 5000, 1000, 1000, 4000, false, 1000, 'full'],
    // (2) all queued data fits in the usable window (pushed; Nagle decides later)
    ['all queued: a small write, a large window', 300, 4000, 1000, 4000, false, 300, 'all-queued'],
    ['all queued: D = U, below an MSS and below half the window', 600, 600, 1000, 4000, false, 600, 'all-queued'],
    // (3) at least half of the largest window ever offered
    ['half the max window: U = Max(SND.WND)/2', 5000, 700, 1460, 1400, false, 700, 'half-window'],
    ['a buffer smaller than an MSS: the whole window each time', 3000, 800, 1000, 800, false, 800, 'half-window'],
    // hold: cut short by the window, less than half of it, no timeout
    ['hold: U one byte below half the max window', 5000, 699, 1460, 1400, false, 699, null],
    ['hold: D one byte more than U', 601, 600, 1000, 4000, false, 600, null],
    ['hold: a sliver of window', 5000, 100, 1000, 4000, false, 100, null],
    // (4) the override timeout sends what the window allows
    ['override: the timer forces the sliver out', 5000, 100, 1000, 4000, true, 100, 'override'],
    // nothing to send: no window, or no data (the override does not invent data)
    ['zero window', 5000, 0, 1000, 4000, false, 0, null],
    ['zero window, even at the override', 5000, 0, 1000, 4000, true, 0, null],
    ['window shrunk below SND.NXT (U < 0)', 5000, -200, 1000, 4000, true, 0, null],
    ['no data queued', 0, 4000, 1000, 4000, false, 0, null],
  ];
  it.each(cases)('%s', (_name, queued, usable, mss, maxSndWnd, override, len, rule) => {
    expect(senderSws({ queued, usable, mss, maxSndWnd, override })).toEqual({ len, rule });
  });

  it('the conditions are checked in the RFC order: a full segment wins even when the others hold too', () => {
    expect(senderSws({ queued: 1000, usable: 1000, mss: 1000, maxSndWnd: 1000, override: true }).rule).toBe('full');
    expect(senderSws({ queued: 500, usable: 500, mss: 1000, maxSndWnd: 600, override: true }).rule).toBe('all-queued');
  });
});

describe('the same rules in runs (Nagle off, so only silly-window avoidance decides)', () => {
  const base = 'option isn client 100\noption isn server 300\noption mss 1000\noption nagle off\nclient connect\n';
  const data = (src: string) => segments(run(base + src)).filter((s) => s.from === 'client' && s.len > 0);

  it('(3) a receive buffer smaller than an MSS: every segment is the whole 800-byte window (at least half the largest window)', () => {
    const d = data('option rcvbuf server 800\noption read-rate server 800/10ms\nclient send 3000\n');
    expect(d.map((s) => s.len)).toEqual([800, 800, 800, 600]);
  });

  it('hold, then (4): a 500-byte sliver of a 2500-byte window waits for the persist timer, which sends it', () => {
    const t = run(base + 'option rcvbuf server 2500\nclient send 8000\n');
    const d = segments(t).filter((s) => s.from === 'client' && s.len > 0);
    expect(d.slice(0, 3).map((s) => s.len)).toEqual([1000, 1000, 500]);
    // The data leaves at 150 ms (the line runs once the handshake's ACK has arrived) and its ACK,
    // which leaves a 500-byte window, is back at 250 ms; the sliver leaves only when the persist
    // timer expires, later.
    const lastAck = segments(t).filter((s) => s.from === 'server' && s.t < d[2].t).at(-1)!;
    expect(lastAck).toMatchObject({ window: 500, arrives: 250 });
    expect(d[2].t).toBeGreaterThan(lastAck.arrives);
    const fired = t.events.find((e) => e.type === 'timer' && e.timer === 'persist' && e.action === 'fired')!;
    expect(fired.t).toBe(d[2].t);
  });

  it('(2) a small write that fits the window goes at once', () => {
    const d = data('client send 300\n');
    expect(d.map((s) => [s.len, s.t])).toEqual([[300, 150]]); // the line runs when the handshake's ACK has arrived
  });
});
