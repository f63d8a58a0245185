/**
 * Receiver and flow control (issue 11): a receive buffer per host (`option rcvbuf HOST N`), reads by
 * the application (`HOST read N|all`), the advertised window = free buffer space with receiver
 * silly-window avoidance (RFC 9293 §3.8.6.2.2), zero window and the persist timer's probes
 * (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17; Linux tcp_probe_timer), the window update after a read.
 */
import { describe, it, expect } from 'vitest';
import { parseScript } from '../../src/tcp/index.js';
import { render } from '../../src/diagram/render.js';
import { run, segments } from './helpers.js';

const H = 'option isn client 100\noption isn server 300\noption mss 1000\n';
const fromServer = (t: ReturnType<typeof run>) => segments(t).filter((s) => s.from === 'server');
const acks = (t: ReturnType<typeof run>) => fromServer(t).filter((s) => s.flags.join() === 'ACK');

describe('the advertised window is the free buffer space (RFC 9293 §3.8.6.2.2)', () => {
  it('each segment received shrinks it; the right edge stays put; 0 when the buffer is full', () => {
    const t = run(H + 'option rcvbuf server 4000\nclient connect\nclient send 4000\n');
    expect(fromServer(t).map((s) => `${s.flags.join()} ack=${s.ack! - 100} win=${s.window}`)).toEqual([
      'SYN,ACK ack=1 win=4000',
      'ACK ack=1001 win=3000',
      'ACK ack=2001 win=2000',
      'ACK ack=3001 win=1000',
      'ACK ack=4001 win=0',
    ]);
  });

  // rcvbuf 10000, MSS 1000: the threshold to open the window is min(RCV.BUFF / 2, MSS) = 1000.
  // Each row: the read, then whether a window update is sent and with what window, per profile
  // (rfc: the SWS rule; linux tcp_cleanup_rbuf: also at least twice the window the peer has).
  const TABLE: { read: number; free: number; rfc: number | null; linux: number | null }[] = [
    { read: 500, free: 500, rfc: null, linux: null }, // 500 - 0 < 1000: no update (SWS)
    { read: 500, free: 1000, rfc: 1000, linux: 1000 }, // 1000 - 0 >= 1000
    { read: 1000, free: 2000, rfc: 2000, linux: 2000 }, // 2000 - 1000 >= 1000; linux: 2000 >= 2 x 1000
    { read: 900, free: 2900, rfc: null, linux: null }, // 2900 - 2000 < 1000
    { read: 100, free: 3000, rfc: 3000, linux: null }, // 3000 - 2000 >= 1000; linux: 3000 < 2 x 2000
  ];
  for (const profile of ['rfc', 'linux'] as const) {
    it(`window updates after reads, step by step (${profile})`, () => {
      let src = `option profile ${profile}\n` + H + 'option rcvbuf server 10000\nclient connect\nclient send 10000\nwait 1s\n';
      let before = acks(run(src)).length;
      expect(acks(run(src)).at(-1)!.window).toBe(0);
      for (const row of TABLE) {
        src += `server read ${row.read}\nwait 100ms\n`;
        const t = run(src);
        const a = acks(t);
        const want = row[profile];
        if (want === null) expect(a.length, `read ${row.read} (free ${row.free})`).toBe(before);
        else {
          expect(a.length, `read ${row.read} (free ${row.free})`).toBe(before + 1);
          expect(a.at(-1)!.window).toBe(want);
          expect(a.at(-1)!.explain).toContain('window update');
        }
        before = a.length;
      }
    });
  }

  it('without option rcvbuf the window stays 65535 whatever is unread (the model before issue 11)', () => {
    const t = run(H + 'client connect\nclient send 30000\n');
    expect(segments(t).every((s) => s.window === 65535)).toBe(true);
  });
});

describe('zero window: the persist timer probes it (RFC 9293 §3.8.6.1)', () => {
  const ZW = 'option profile linux\n' + H + 'option rcvbuf server 4000\nclient connect\nclient send 6000\nwait 5s\nserver read all\n';

  it('the sender stops at the zero window and probes with SEQ = SND.UNA - 1 and no data, at RTO, 2 RTO, 4 RTO ... (Linux)', () => {
    const t = run(ZW);
    const probes = segments(t).filter((s) => s.from === 'client' && s.len === 0 && s.seq === 100 + 4000);
    expect(probes.length).toBeGreaterThanOrEqual(3);
    const zeroAt = acks(t).find((s) => s.window === 0)!.arrives;
    const gaps = [probes[0].t - zeroAt, ...probes.slice(1).map((p, i) => p.t - probes[i].t)];
    // the first after one RTO (Linux tcp_probe0_base: max(RTO, 200 ms)), then doubling
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBe(2 * gaps[i - 1]);
    expect(gaps[0]).toBeGreaterThanOrEqual(200);
    // every probe is answered with an ACK still offering a zero window
    for (const p of probes) {
      const answer = acks(t).find((a) => a.t === p.arrives)!;
      expect(answer).toMatchObject({ ack: 4101, window: 0 });
    }
    // no data beyond the window was sent while it was zero
    const readAt = t.events.find((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive')!.t;
    expect(segments(t).filter((s) => s.from === 'client' && s.len > 0 && s.t < readAt).reduce((n, s) => n + s.len, 0)).toBe(4000);
  });

  it('the read sends a window update, the transfer resumes and the persist timer stops', () => {
    const t = run(ZW);
    const readAt = t.events.find((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive')!.t;
    const update = acks(t).find((a) => a.t === readAt)!;
    expect(update.window).toBe(4000);
    const resumed = segments(t).filter((s) => s.from === 'client' && s.len > 0 && s.t >= update.arrives);
    expect(resumed.reduce((n, s) => n + s.len, 0)).toBe(2000);
    expect(resumed[0].t).toBe(update.arrives);
    expect(t.events.some((e) => e.type === 'timer' && e.timer === 'persist' && e.action === 'cancelled' && e.t === update.arrives)).toBe(true);
    expect(t.snapshots.at(-1)!.client.timers.some((x) => x.timer === 'persist')).toBe(false);
  });

  it('probe backoff is capped at the maximum RTO (Linux 120 s)', () => {
    const t = run('option profile linux\n' + H + 'option rcvbuf server 1000\nclient connect\nclient send 2000\nwait 20min\n');
    const probes = segments(t).filter((s) => s.from === 'client' && s.len === 0 && s.t > 1000);
    const gaps = probes.slice(1).map((p, i) => p.t - probes[i].t);
    expect(Math.max(...gaps)).toBe(120_000);
  });
});

describe('bulk data', () => {
  it('client send 100000 goes in MSS segments, never more in flight than the window, all delivered as the server reads', () => {
    const t = run('option profile linux\n' + H + 'option rcvbuf server 8000\nclient connect\nclient send 100000\n' + 'wait 1s\nserver read all\n'.repeat(14));
    const data = segments(t).filter((s) => s.from === 'client' && s.len > 0 && !s.retransmission);
    expect(data.every((s) => s.len <= 1000)).toBe(true);
    expect(data.reduce((n, s) => n + s.len, 0)).toBe(100000);
    // at every send, the bytes in flight stay within the window the server last advertised
    let acked = 101;
    let wnd = 65535;
    for (const s of segments(t)) {
      if (s.from === 'server' && s.flags.includes('ACK') && s.t > 0) {
        acked = Math.max(acked, s.ack!);
        wnd = s.window!;
      }
      if (s.from === 'client' && s.len > 0) expect(s.seq + s.len - acked).toBeLessThanOrEqual(wnd);
    }
    expect(t.snapshots.at(-1)!.server.rcvNxt).toBe(100 + 1 + 100000);
  });
});

describe('the diagram shows win= when the window changes', () => {
  it('zero window and update drawn; a trace without flow control has no win=', () => {
    const t = run('option profile linux\n' + H + 'option rcvbuf server 2000\nclient connect\nclient send 2000\nwait 1s\nserver read all\n');
    const text = render(t, { width: 120, seq: 'relative' }).join('\n');
    expect(text).toContain('win=0');
    expect(text).toContain('win=2000');
    const plain = render(run(H + 'client connect\nclient send 2000\n'), { width: 120 }).join('\n');
    expect(plain).not.toContain('win=');
  });
});

describe('script: option rcvbuf and read', () => {
  it('parses rcvbuf per host and read N / read all; bounds name line and column', () => {
    const p = parseScript('option rcvbuf server 4000\noption rcvbuf client2 100\nserver read 10\nserver read all\n');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.script.options.rcvBuf).toEqual({ server: 4000, client2: 100 });
    expect(p.script.steps.flatMap((s) => s.actions).map((a) => (a.kind === 'read' ? a.bytes ?? 'all' : a.kind))).toEqual([10, 'all']);
    const bad = parseScript('option rcvbuf server 70000\noption rcvbuf nobody 5\nserver read 0\nserver read some\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => `${e.line}:${e.col}`)).toEqual(['1:22', '2:15', '3:13', '4:13']);
  });

  it('read takes at most what has arrived', () => {
    const t = run(H + 'option rcvbuf server 4000\nclient connect\nclient send 100\nserver read 1000\nserver read 5\n');
    const reads = t.events.filter((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive').map((e) => (e.type === 'app' ? e.bytes : -1));
    expect(reads).toEqual([100, 0]);
  });
});
