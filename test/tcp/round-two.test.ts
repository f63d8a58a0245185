/**
 * Issue 10, round two: each numbered wrong behaviour of the model, with a test that failed before
 * the fix, and the script additions (labels, shutdown, inject, new options).
 */
import { describe, it, expect } from 'vitest';
import { getScenario, SCENARIOS, traceToJson } from '../../src/tcp/index.js';
import type { AppEvent, Profile, SegmentEvent, Trace } from '../../src/tcp/index.js';
import { run, rows, segments, stateRows, states } from './helpers.js';

const H = 'option isn client 100\noption isn server 300\n';
const L = H + 'option profile linux\n';

/** Segments relative to each side's ISN (mod 2^32), with times: what must not depend on the ISNs. */
function relative(t: Trace): string[] {
  const isn = (h: string) => t.hosts[h]?.isn ?? 0;
  return segments(t).map(
    (s) =>
      `${s.t} ${s.from} ${s.flags.join(',')} ${(s.seq - isn(s.from)) >>> 0} ${s.ack === null ? '-' : (s.ack - isn(s.to)) >>> 0} ${s.len} ${s.fate}`,
  );
}

describe('1. sequence numbers compare mod 2^32 everywhere', () => {
  it('linux, ISN 3000000000: the 5 bytes leave at once, not with the FIN (Minshall check)', () => {
    const t = run(L + 'option isn client 3000000000\nclient connect\nclient send 5\n');
    const data = segments(t).filter((s) => s.from === 'client' && s.len === 5);
    expect(data.length).toBe(1);
    expect(data[0].flags).toEqual(['PSH', 'ACK']);
    expect(data[0].t).toBe(150); // when the handshake's last ACK has arrived, as with any ISN
    expect(data[0].explain).not.toContain('Nagle');
  });

  it('the linux profile with the default seed sends the data of `transfer` right away', () => {
    const t = run(getScenario('transfer')!.source, { profile: 'linux', isnClient: 3_000_000_000 });
    const data = segments(t).filter((s) => s.from === 'client' && s.len > 0);
    expect(data[0].flags).not.toContain('FIN');
  });

  // Scenarios that write absolute numbers into the script (an old SYN's seq, `connect isn 400`) are
  // not ISN-free by construction; nor is accept-overflow, whose server runs a second connection from
  // a SYN cookie (a hash of the client's ISN), drawn relative to its first connection's ISN. Every
  // other built-in must be.
  const free = SCENARIOS.filter((s) => !/old-syn|connect isn/.test(s.source) && s.name !== 'accept-overflow');
  for (const profile of ['rfc', 'linux'] as Profile[]) {
    it(`every built-in gives the same relative trace for ISNs 0, 2^31-1, 2^31, 2^32-1 (${profile})`, () => {
      for (const s of free) {
        const base = relative(run(s.source, { profile, isnClient: 100, isnServer: 300 }));
        for (const isn of [0, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1]) {
          const other = relative(run(s.source, { profile, isnClient: isn, isnServer: (isn + 12345) >>> 0 }));
          expect(other, `${s.name} ISN ${isn}`).toEqual(base);
        }
      }
    });
  }
});

describe("2. Linux's ACK timeout is 0 before any data arrives", () => {
  it('a data-less FIN is ACKed at once; a close 10 ms later sends its own FIN: four segments', () => {
    const t = run(L + 'option start established\nclient close\nat 60ms server close\n');
    expect(rows(t)).toEqual(['client FIN,ACK seq=100 ack=300', 'server ACK seq=300 ack=101', 'server FIN,ACK seq=300 ack=101', 'client ACK seq=101 ack=301']);
    expect(segments(t)[1].t).toBe(50);
  });

  it('once data has arrived the ACK of a FIN is delayed (40 ms) and rides on a FIN sent meanwhile', () => {
    const t = run(L + 'client connect\nclient send 5\nserver receive\nclient close\nat 320ms server close\n');
    const fin = segments(t).filter((s) => s.from === 'server' && s.t >= 300);
    expect(fin.map((s) => s.flags.join(','))).toEqual(['FIN,ACK']);
  });
});

describe('3. a FIN on a partly old segment is taken', () => {
  it('a retransmission of received bytes plus a new FIN closes the receiving side at once', () => {
    const t = run(H + 'option start established\ndrop next server\nclient send 5\ndrop next client\nclient close\n');
    const retx = segments(t).filter((s) => s.from === 'client' && s.retransmission);
    expect(retx.length).toBe(1);
    expect(retx[0].flags).toContain('FIN');
    expect(retx[0].explain).toContain('FIN');
    const cw = states(t).find((s) => s.host === 'server' && s.to === 'CLOSE-WAIT');
    expect(cw?.t).toBe(retx[0].arrives);
  });
});

describe('4. close() is not shutdown()', () => {
  it('linux: close() with unread data sends RST,ACK, not FIN', () => {
    const t = run(L + 'client connect\nserver send 5\nclient close\n');
    const last = segments(t).filter((s) => s.from === 'client').pop()!;
    expect(last.flags).toEqual(['RST', 'ACK']);
    expect(stateRows(t, 'client').pop()).toBe('client ESTABLISHED->CLOSED');
    expect(segments(t).some((s) => s.from === 'client' && s.flags.includes('FIN'))).toBe(false);
  });

  it('linux: after reading, close() sends FIN; shutdown() with unread data sends FIN too', () => {
    const read = run(L + 'client connect\nserver send 5\nclient receive\nclient close\n');
    expect(segments(read).some((s) => s.from === 'client' && s.flags.includes('FIN'))).toBe(true);
    const shut = run(L + 'client connect\nserver send 5\nclient shutdown\n');
    expect(segments(shut).some((s) => s.from === 'client' && s.flags.includes('FIN'))).toBe(true);
    expect(segments(shut).some((s) => s.flags.includes('RST'))).toBe(false);
  });

  it('linux: data for a closed (orphaned) socket gets RST; after shutdown() it is received', () => {
    const closed = run(L + 'client connect\nclient close\nserver send 5\n');
    const rst = segments(closed).filter((s) => s.from === 'client' && s.flags.includes('RST'));
    expect(rst.length).toBe(1);
    expect(rst[0].flags).toEqual(['RST']);
    const shut = run(L + 'client connect\nclient shutdown\nserver send 5\nclient receive\n');
    expect(segments(shut).some((s) => s.flags.includes('RST'))).toBe(false);
    expect(shut.events.some((e) => e.type === 'app' && e.host === 'client' && e.call === 'receive' && e.bytes === 5)).toBe(true);
  });

  it('rfc: close() behaves like shutdown() (the textbook half-close)', () => {
    const t = run(H + 'client connect\nserver send 5\nclient close\nserver send 5\n');
    expect(segments(t).some((s) => s.flags.includes('RST'))).toBe(false);
  });
});

describe('5. when Linux gives up on connect()', () => {
  const giveUp = (t: Trace) => t.events.find((e): e is AppEvent => e.type === 'app' && e.error === 'connection timed out')?.t;
  it('tcp_syn_retries 2: SYNs at 0, 1, 2, 3, 4, 5 s, failure at 7 s', () => {
    const t = run(L + 'option syn-retries 2\n' + 'drop next client\n'.repeat(12) + 'client connect\n');
    expect(segments(t).map((s) => s.t)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(giveUp(t)).toBe(7000);
  });

  it('syn-linear-timeouts 0 (classic doubling) with the default 6 retries: failure at 127 s', () => {
    const t = run(L + 'option syn-linear-timeouts 0\n' + 'drop next client\n'.repeat(12) + 'client connect\n');
    expect(segments(t).map((s) => s.t / 1000)).toEqual([0, 1, 3, 7, 15, 31, 63]);
    expect(giveUp(t)).toBe(127_000);
  });
});

describe('6. a connection opened from a SYN cookie uses the MSS the cookie encodes', () => {
  it('client MSS 1000 -> cookie MSS 536: the server sends 536-byte segments and says so', () => {
    const t = run(H + 'option syncookies always\noption mss 1000\nclient connect\nserver send 2000\n');
    const data = segments(t).filter((s) => s.from === 'server' && s.len > 0);
    expect(Math.max(...data.map((s) => s.len))).toBe(536);
    expect(states(t).find((s) => s.host === 'server' && s.to === 'SYN-RECEIVED')?.explain).toContain('MSS 536');
    // the client still sends up to the MSS both sides announced
    const c = run(H + 'option syncookies always\noption mss 1000\nclient connect\nclient send 2000\n');
    expect(Math.max(...segments(c).filter((s) => s.from === 'client').map((s) => s.len))).toBe(1000);
  });
});

describe('9. after a reboot the listening server is drawn LISTEN', () => {
  it('server reboot: ESTABLISHED -> CLOSED -> LISTEN, and the snapshots say LISTEN', () => {
    const t = run(H + 'option start established\nserver reboot\n');
    expect(stateRows(t, 'server')).toEqual(['server ESTABLISHED->CLOSED', 'server CLOSED->LISTEN']);
    expect(t.snapshots[t.snapshots.length - 1].server.state).toBe('LISTEN');
  });
});

describe('11. explanations that taught something false', () => {
  it('close in SYN-SENT: no "can still receive", and the server is not told it saw an old SYN', () => {
    const t = run(H + 'client connect; client close\n');
    const close = t.events.find((e) => e.type === 'app' && e.call === 'close')!;
    expect(close.explain).not.toContain('still receive');
    const back = states(t).find((s) => s.host === 'server' && s.to === 'LISTEN' && s.from === 'SYN-RECEIVED')!;
    expect(back.explain).not.toContain('old SYN');
  });

  it('the ACK that reveals a half-open connection is not called an old duplicate', () => {
    const t = run(getScenario('half-open')!.source);
    const rst = segments(t).find((s) => s.from === 'client' && s.flags.includes('RST'))!;
    expect(rst.explain).not.toContain('old duplicate');
    expect(rst.explain).toContain('half-open');
  });

  it('a RST in an active-open SYN-RECEIVED answers the SYN,ACK, not "its SYN"', () => {
    const t = run(H + 'option listen off\nclient connect; server connect\nat 10ms server inject RST seq=1\n');
    const closed = states(t).find((s) => s.host === 'client' && s.from === 'SYN-RECEIVED' && s.to === 'CLOSED')!;
    expect(closed.explain).toContain('SYN,ACK');
  });

  it('the linux profile never calls its fixed 60 s TIME-WAIT "2MSL"', () => {
    const t = run(getScenario('four-way-close')!.source, { profile: 'linux' });
    for (const e of t.events) {
      expect(e.explain).not.toMatch(/2 ?MSL/);
      if (e.type === 'state') expect(e.cause).not.toMatch(/2 ?MSL/);
    }
  });
});

describe('script additions', () => {
  it('a label on a write names its segments in the trace and the JSON', () => {
    const t = run(H + 'client connect\nclient send 517 "ClientHello"\nserver send 90 "ServerHello + Finished"\n');
    const labelled = segments(t).filter((s) => s.label);
    expect(labelled.map((s) => [s.from, s.len, s.label])).toEqual([
      ['client', 517, 'ClientHello'],
      ['server', 90, 'ServerHello + Finished'],
    ]);
    const json = traceToJson(t).events.filter((e) => e.label);
    expect(json.length).toBe(2);
  });

  it('a write larger than the MSS labels every segment carrying it', () => {
    const t = run(H + 'option nagle off\nclient connect\nclient send 3000 "GET /"\n');
    expect(segments(t).filter((s) => s.from === 'client' && s.len > 0).map((s) => s.label)).toEqual(['GET /', 'GET /', 'GET /']);
  });

  it('inject: a crafted SYN,ACK to a listener gets RST and the listener stays; a stray ACK in TIME-WAIT', () => {
    const t = run(H + 'client inject SYN,ACK seq=0 ack=1\n');
    expect(rows(t)).toEqual(['client SYN,ACK seq=100 ack=301', 'server RST seq=301']);
    expect(t.snapshots[t.snapshots.length - 1].server.state).toBe('LISTEN');
    const tw = run(H + 'option start established\nclient close\nserver close\nserver inject ACK seq=2 ack=2 abs\n');
    // TIME-WAIT: an unacceptable segment gets an ACK (seq=SND.NXT, ack=RCV.NXT); the server, whose
    // connection is gone, answers that ACK with RST from its listener, and the RST (seq = RCV.NXT)
    // ends TIME-WAIT early: the TIME-WAIT assassination of RFC 1337 (Linux with tcp_rfc1337=0).
    expect(rows(tw).slice(4)).toEqual(['server ACK seq=2 ack=2', 'client ACK seq=101 ack=301', 'server RST seq=301']);
    const end = states(tw).find((s) => s.host === 'client' && s.from === 'TIME-WAIT')!;
    expect(end).toMatchObject({ to: 'CLOSED', cause: 'rcv RST', t: segments(tw)[6].arrives });
  });

  it('option backlog 0: Linux still queues one connection; synack-retries counts SYN,ACK retries', () => {
    const t = run(L + 'option backlog 0\nclient connect\n');
    expect(states(t).some((s) => s.host === 'client' && s.to === 'ESTABLISHED')).toBe(true);
    const r = run(H + 'option synack-retries 2\n' + 'drop next client\n'.repeat(0) + 'client connect\n', { dropSegmentIds: [2, 3, 4, 5, 6, 7] });
    const synacks = segments(r).filter((s) => s.from === 'server' && s.flags.join() === 'SYN,ACK');
    expect(synacks.length).toBe(3);
  });

  it('option mss client N / server N: both sides send at most the smaller', () => {
    const t = run(H + 'option nagle off\noption mss client 1400\noption mss server 600\nclient connect\nclient send 1500\nserver send 1500\n');
    expect(Math.max(...segments(t).map((s) => s.len))).toBe(600);
  });
});

describe('item 10 lives in test/diagram (signed relative numbers)', () => {
  it('the trace keeps absolute numbers', () => {
    const t = run(getScenario('old-duplicate-syn')!.source);
    expect((segments(t) as SegmentEvent[]).some((s) => s.seq === 90)).toBe(true);
  });
});

describe('more than one client, and an application that does not accept', () => {
  const S = 'option profile linux\noption isn client 100\noption isn server 300\noption isn client2 500\noption backlog 0\n';
  it('client2 is a third host with its own address, port and lane; other traces keep two hosts', () => {
    const t = run(S + 'client connect\nclient2 connect\n');
    expect(Object.keys(t.hosts)).toEqual(['client', 'client2', 'server']);
    expect(t.hosts.client2).toMatchObject({ ip: '192.168.10.2', port: 6785, isn: 500, role: 'client' });
    expect(segments(t).some((s) => s.from === 'client2' && s.flags.join() === 'SYN')).toBe(true);
    expect(Object.keys(run(H + 'client connect\n').hosts)).toEqual(['client', 'server']);
  });

  it('server accept off: the connection waits in the accept queue; while it is full a SYN is dropped; accept takes it', () => {
    const t = run(S + 'server accept off\nclient connect\nclient2 connect\nwait 3s\nserver accept\n');
    const full = t.events.filter((e) => e.type === 'queue' && e.acceptQueue === 1 && e.acceptQueueMax === 1);
    expect(full.length).toBeGreaterThan(0);
    const dropped = segments(t).filter((s) => s.from === 'client2' && s.fate === 'dropped');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((s) => s.dropReason === 'accept queue full')).toBe(true);
    // after `server accept` the queue is empty and client2's next SYN retransmission connects
    const acceptAt = t.events.find((e) => e.type === 'app' && e.call === 'accept' && e.host === 'server' && e.t >= 3000)!.t;
    const est = segments(t).find((s) => s.from === 'client2' && s.flags.join() === 'ACK');
    expect(est && est.t > acceptAt).toBe(true);
    expect(segments(t).filter((s) => s.from === 'client2' && s.flags.join() === 'SYN' && s.t > acceptAt)[0].fate).toBe('delivered');
  });

  it('`server accept` on a server that does not listen is an error; accept takes a host verb only', () => {
    const t = run(H + 'option listen off\nserver accept off\n');
    expect(t.events.some((e) => e.type === 'app' && e.call === 'accept' && e.error)).toBe(true);
  });
});
