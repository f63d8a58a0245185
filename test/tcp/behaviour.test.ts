/** Timers and data-path behaviour beyond the RFC figures. */
import { describe, it, expect } from 'vitest';
import { run, rows, segments, stateRows, states } from './helpers.js';

const H = 'option isn client 100\noption isn server 300\n';

describe('data path', () => {
  it('delayed ACK (rfc profile) waits 200 ms, the classic value under RFC 9293 §3.8.6.3\'s 0.5 s bound, then a bare ACK goes out', () => {
    const t = run(H + 'option delayed-ack on\nclient connect\nclient send 5\n');
    const s = segments(t);
    expect(rows(t).slice(3)).toEqual(['client PSH,ACK seq=101 ack=301 len=5', 'server ACK seq=301 ack=106']);
    expect(s[4].t - s[3].arrives).toBe(200);
    expect(s[4].t - s[3].arrives).toBeLessThan(500); // MUST-40
    expect(t.events.some((e) => e.type === 'timer' && e.timer === 'delayed-ack' && e.action === 'fired')).toBe(true);
  });

  it('a delayed ACK rides on data sent before it expires', () => {
    const t = run(H + 'option delayed-ack on\nclient connect\nclient send 5\nserver send 5\n');
    expect(rows(t).slice(3)).toEqual(['client PSH,ACK seq=101 ack=301 len=5', 'server PSH,ACK seq=301 ack=106 len=5', 'client ACK seq=106 ack=306']);
  });

  it('linux quick-ACK mode: the first data segments are ACKed at once even with delayed ACK on', () => {
    const t = run(H + 'option profile linux\nclient connect\nclient send 5\n');
    const s = segments(t);
    expect(s[4].t).toBe(s[3].arrives);
  });

  it('with delayed ACK every second full-sized segment is ACKed at once', () => {
    const t = run(H + 'option delayed-ack on\noption nagle off\nclient connect\nclient send 2920\n');
    const acks = segments(t).filter((s) => s.from === 'server' && s.t > 150);
    expect(acks.map((a) => a.ack)).toEqual([3021]);
    expect(acks[0].t).toBe(segments(t)[4].arrives);
  });

  it("Nagle: a second small write waits for the first one's ACK; option nagle off sends at once", () => {
    const on = run(H + 'client connect\nclient send 5; client send 5\n');
    const d = segments(on).filter((s) => s.from === 'client' && s.len > 0);
    expect(d.map((s) => [s.seq, s.t])).toEqual([[101, 150], [106, 250]]);
    const off = run(H + 'option nagle off\nclient connect\nclient send 5; client send 5\n');
    expect(segments(off).filter((s) => s.from === 'client' && s.len > 0).map((s) => s.t)).toEqual([150, 150]);
  });

  it('fast retransmit after three duplicate ACKs, before the RTO', () => {
    // The rfc profile's initial window is 3 segments of 1460 (RFC 5681 eq. 1): the first segment of
    // the second flight (id 9) is lost, the five after it bring duplicate ACKs.
    const t = run(H + 'client connect\ndrop segment 9\nclient send 14600\n');
    const rt = segments(t).find((s) => s.retransmission);
    expect(rt).toMatchObject({ seq: 4481, len: 1460 });
    expect(rt!.explain).toMatch(/3rd duplicate ACK/);
    expect(rt!.t).toBeLessThan(1000);
    const last = segments(t).at(-1)!;
    expect(last).toMatchObject({ from: 'server', ack: 101 + 14600 });
  });

  it('a lost first segment with only two segments behind it is recovered by the RTO, not fast retransmit', () => {
    // Initial window 3 * 1460: two duplicate ACKs only (RFC 5681 §3.2 needs three).
    const t = run(H + 'client connect\ndrop segment 3\nclient send 5840\n');
    const rt = segments(t).find((s) => s.retransmission)!;
    expect(rt).toMatchObject({ seq: 101, len: 1460, t: 1150 });
    expect(rt.explain).toMatch(/RTO expired/);
  });

  it('RTO backs off exponentially and the connection gives up after the configured retries', () => {
    const t = run(H + 'option retries 3\noption start established\noption listen off\n' + 'drop next client\n'.repeat(10) + 'client send 5\n');
    const s = segments(t).filter((x) => x.from === 'client');
    expect(s.map((x) => x.t)).toEqual([0, 1000, 3000, 7000]);
    const closed = states(t).find((x) => x.host === 'client' && x.to === 'CLOSED');
    expect(closed?.t).toBe(15000);
    expect(t.events.some((e) => e.type === 'app' && e.error === 'connection timed out')).toBe(true);
  });

  it('the linux profile measures RTT: RTO = SRTT + max(200 ms, 4*RTTVAR)', () => {
    const t = run(H + 'option profile linux\nclient connect\ndrop next client\nclient send 5\n');
    const s = segments(t).filter((x) => x.from === 'client' && x.len > 0);
    expect(s[1].t - s[0].t).toBe(300);
  });

  it('sequence numbers wrap modulo 2^32', () => {
    const t = run('option isn client 4294967295\noption isn server 4294967290\nclient connect\nclient send 10\nserver send 10\n');
    expect(rows(t)).toEqual([
      'client SYN seq=4294967295',
      'server SYN,ACK seq=4294967290 ack=0',
      'client ACK seq=0 ack=4294967291',
      'client PSH,ACK seq=0 ack=4294967291 len=10',
      'server ACK seq=4294967291 ack=10',
      'server PSH,ACK seq=4294967291 ack=10 len=10',
      'client ACK seq=10 ack=5',
    ]);
  });

  it('at TIME runs at an absolute time; a line without it waits for a quiet network', () => {
    const t = run(H + 'client connect\nat 75ms server close\n');
    const c = t.events.find((e) => e.type === 'app' && e.host === 'server' && e.call === 'close');
    expect(c?.t).toBe(75);
    const q = run(H + 'client connect\nserver send 1\n');
    const send = q.events.find((e) => e.type === 'app' && e.call === 'send');
    expect(send?.t).toBe(150);
  });

  it('snapshots carry TCB variables, timers and queue fill', () => {
    const t = run(H + 'client connect\n');
    const i = t.events.findIndex((e) => e.type === 'segment' && e.id === 1);
    expect(t.snapshots[i].server).toMatchObject({ state: 'SYN-RECEIVED', sndUna: 300, sndNxt: 301, rcvNxt: 101, synQueue: 1, synQueueMax: 5 });
    expect(t.snapshots[i].client).toMatchObject({ state: 'SYN-SENT', sndUna: 100, sndNxt: 101, rcvNxt: null });
    expect(t.snapshots[i].client.timers).toEqual([{ timer: 'retransmit', expires: 1000 }]);
  });
});

describe('invalid segments (RFC 9293 §3.5.2, §3.10.7; RFC 5961)', () => {
  it('a SYN,ACK at a listener gets <SEQ=SEG.ACK><CTL=RST> and the listener stays in LISTEN', () => {
    const t = run(H + 'client listen\nserver old-syn 0\n');
    expect(rows(t)).toEqual(['server SYN seq=0', 'client SYN,ACK seq=100 ack=1', 'server RST seq=1']);
    expect(stateRows(t, 'server')).toEqual(['server CLOSED->LISTEN']);
    expect(stateRows(t, 'client')).toEqual(['client CLOSED->LISTEN', 'client LISTEN->SYN-RECEIVED', 'client SYN-RECEIVED->LISTEN']);
    expect(t.truncated).toBeUndefined();
  });

  it('a stale ACK at a half-open SYN-RECEIVED gets a RST (ACK checked first): the half-open peer is reset', () => {
    const t = run(H + 'client connect\nserver reboot\nclient old-syn 5\n');
    expect(rows(t).slice(3)).toEqual([
      'client SYN seq=5',
      'server SYN,ACK seq=400 ack=6',
      'client ACK seq=101 ack=301', // challenge ACK from the ESTABLISHED client
      'server RST seq=301', // its ACK acknowledges nothing the server's SYN-RECEIVED sent
      'server SYN,ACK seq=400 ack=6', // retransmission: the client has forgotten the connection
      'client RST seq=6',
    ]);
    expect(stateRows(t)).toContain('client ESTABLISHED->CLOSED');
    expect(stateRows(t).at(-1)).toBe('server SYN-RECEIVED->LISTEN');
  });

  it('ACKs answering invalid segments are throttled: one per 500 ms per connection (RFC 5961 §7)', () => {
    const t = run(H + 'option start established\nclient old-syn 5; client old-syn 6; client old-syn 7\nwait 600ms\nclient old-syn 8\n');
    expect(rows(t)).toEqual([
      'client SYN seq=5',
      'client SYN seq=6',
      'client SYN seq=7',
      'server ACK seq=300 ack=100',
      'client SYN seq=8',
      'server ACK seq=300 ack=100',
    ]);
    const unanswered = segments(t).filter((s) => s.explain.includes('RFC 5961 §7'));
    expect(unanswered.map((s) => s.seq)).toEqual([6, 7]);
  });

  it('a retransmission re-sends only bytes already sent: data held back by Nagle goes out as new data', () => {
    const t = run(H + 'client connect\nclient send 10; drop next server; client send 5\n');
    expect(rows(t).slice(3)).toEqual([
      'client PSH,ACK seq=101 ack=301 len=10',
      'server ACK seq=301 ack=111 DROPPED',
      'client PSH,ACK seq=101 ack=301 len=10', // RTO: the 10 bytes, not the 5 still queued
      'server ACK seq=301 ack=111',
      'client PSH,ACK seq=111 ack=301 len=5',
      'server ACK seq=301 ack=116',
    ]);
  });
});

describe('close in SYN-RECEIVED (RFC 9293 §3.10.4)', () => {
  it('with data queued, waits until ESTABLISHED, then sends the data and FIN', () => {
    const t = run(H + 'client connect\nat 60ms server send 5\nat 60ms server close\n');
    expect(rows(t)).toEqual([
      'client SYN seq=100',
      'server SYN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301',
      'server FIN,PSH,ACK seq=301 ack=101 len=5',
      'client ACK seq=101 ack=307',
    ]);
    const st = stateRows(t).filter((r) => r.startsWith('server'));
    expect(st.indexOf('server SYN-RECEIVED->ESTABLISHED')).toBeGreaterThan(-1);
    expect(st.indexOf('server SYN-RECEIVED->ESTABLISHED')).toBeLessThan(st.indexOf('server ESTABLISHED->FIN-WAIT-1'));
  });

  it('with nothing queued, sends FIN at once and enters FIN-WAIT-1', () => {
    const t = run(H + 'client connect\nat 60ms server close\n');
    expect(stateRows(t)).toContain('server SYN-RECEIVED->FIN-WAIT-1');
    expect(rows(t)[2]).toBe('server FIN,ACK seq=301 ack=101');
  });
});
