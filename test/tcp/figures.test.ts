/** The RFC 793 / RFC 9293 figures, reproduced exactly by the built-in scenarios. */
import { describe, it, expect } from 'vitest';
import { getScenario } from '../../src/tcp/index.js';
import { run, rows, stateRows, segments, states } from './helpers.js';

const src = (name: string): string => {
  const s = getScenario(name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s.source;
};

describe('RFC figures', () => {
  it('handshake (RFC 9293 Figure 6): SYN 100; SYN,ACK 300/101; ACK 101/301', () => {
    const t = run(src('handshake'));
    expect(rows(t)).toEqual(['client SYN seq=100', 'server SYN,ACK seq=300 ack=101', 'client ACK seq=101 ack=301']);
    expect(stateRows(t)).toEqual([
      'server CLOSED->LISTEN',
      'client CLOSED->SYN-SENT',
      'server LISTEN->SYN-RECEIVED',
      'client SYN-SENT->ESTABLISHED',
      'server SYN-RECEIVED->ESTABLISHED',
    ]);
    const segs = segments(t);
    expect(segs.map((s) => [s.t, s.arrives])).toEqual([
      [0, 50],
      [50, 100],
      [100, 150],
    ]);
    expect(segs[1].explain).toMatch(/ack = 100 \+ 1 = 101/);
    expect(t.hosts.client).toEqual({ ip: '192.168.10.1', port: 6784, isn: 100, role: 'client' });
    expect(t.hosts.server).toMatchObject({ ip: '110.242.68.3', port: 80, isn: 300 });
  });

  it('normal close from 100/300 (RFC 793 Figure 13) gives its four rows', () => {
    const t = run(src('four-way-close'));
    expect(rows(t)).toEqual([
      'client FIN,ACK seq=100 ack=300',
      'server ACK seq=300 ack=101',
      'server FIN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301',
    ]);
    expect(stateRows(t, 'client')).toEqual([
      'client ESTABLISHED->FIN-WAIT-1',
      'client FIN-WAIT-1->FIN-WAIT-2',
      'client FIN-WAIT-2->TIME-WAIT',
      'client TIME-WAIT->CLOSED',
    ]);
    expect(stateRows(t, 'server')).toEqual([
      'server ESTABLISHED->CLOSE-WAIT',
      'server CLOSE-WAIT->LAST-ACK',
      'server LAST-ACK->CLOSED',
    ]);
    // TIME-WAIT lasts 2 MSL = 4 minutes in the rfc profile
    const tw = states(t).filter((s) => s.host === 'client');
    expect(tw[3].t - tw[2].t).toBe(240_000);
    expect(t.initial?.client.state).toBe('ESTABLISHED');
  });

  it('three-segment close: with delayed ACK the ACK of the FIN rides on the second FIN', () => {
    const t = run(src('three-segment-close'));
    expect(rows(t)).toEqual([
      'client FIN,ACK seq=100 ack=300',
      'server FIN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301',
    ]);
    expect(stateRows(t, 'client')).toContain('client FIN-WAIT-1->TIME-WAIT');
  });

  it('simultaneous open (RFC 9293 Figure 7, with the ACKs of §3.10.7.4 and RFC 793 Figure 8 line 7)', () => {
    const t = run(src('simultaneous-open'));
    // Each side answers the peer's SYN,ACK in SYN-RECEIVED with an ACK (RFC 9293's Figure 7 omits
    // it; its text, RFC 793's Figure 8 and Linux send it).
    expect(rows(t)).toEqual([
      'client SYN seq=100',
      'server SYN seq=300',
      'server SYN,ACK seq=300 ack=101',
      'client SYN,ACK seq=100 ack=301',
      'client ACK seq=101 ack=301',
      'server ACK seq=301 ack=101',
    ]);
    const acks = t.events.filter((e) => e.type === 'segment' && e.flags.join() === 'ACK');
    for (const a of acks) expect(a.explain).toContain('Figure 7 leaves this ACK out');
    for (const h of ['client', 'server']) {
      expect(stateRows(t, h)).toEqual([`${h} CLOSED->SYN-SENT`, `${h} SYN-SENT->SYN-RECEIVED`, `${h} SYN-RECEIVED->ESTABLISHED`]);
    }
  });

  it('simultaneous close (RFC 9293 Figure 13)', () => {
    const t = run(src('simultaneous-close'));
    expect(rows(t)).toEqual([
      'client FIN,ACK seq=100 ack=300',
      'server FIN,ACK seq=300 ack=100',
      'server ACK seq=301 ack=101',
      'client ACK seq=101 ack=301',
    ]);
    for (const h of ['client', 'server']) {
      expect(stateRows(t, h)).toEqual([
        `${h} ESTABLISHED->FIN-WAIT-1`,
        `${h} FIN-WAIT-1->CLOSING`,
        `${h} CLOSING->TIME-WAIT`,
        `${h} TIME-WAIT->CLOSED`,
      ]);
    }
  });

  it('refused: a SYN to a port with no listener gets RST,ACK seq 0 ack ISN+1', () => {
    const t = run(src('refused'));
    expect(rows(t)).toEqual(['client SYN seq=100', 'server RST,ACK seq=0 ack=101']);
    expect(stateRows(t)).toEqual(['client CLOSED->SYN-SENT', 'client SYN-SENT->CLOSED']);
    expect(t.events.some((e) => e.type === 'app' && e.error === 'connection refused')).toBe(true);
  });

  it('a segment with ACK to a closed port gets a bare RST with seq = its ack', () => {
    const t = run('option isn client 100\noption isn server 300\noption start established\noption listen off\nserver reboot\nclient send 5\n');
    expect(rows(t)).toEqual(['client PSH,ACK seq=100 ack=300 len=5', 'server RST seq=300']);
    expect(stateRows(t, 'client')).toEqual(['client ESTABLISHED->CLOSED']);
  });

  it('lost final ACK: TIME-WAIT re-ACKs the retransmitted FIN and restarts 2MSL', () => {
    const t = run(src('lost-final-ack'));
    expect(rows(t)).toEqual([
      'client FIN,ACK seq=100 ack=300',
      'server ACK seq=300 ack=101',
      'server FIN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301 DROPPED',
      'server FIN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301',
    ]);
    const segs = segments(t);
    expect(segs[4].retransmission).toBe(true);
    expect(segs[4].t - segs[2].t).toBe(1000); // RTO 1 s
    const closed = states(t).find((s) => s.host === 'client' && s.to === 'CLOSED');
    expect(closed?.t).toBe(segs[5].t + 240_000); // 2MSL restarted at the re-ACK
    expect(stateRows(t, 'server').at(-1)).toBe('server LAST-ACK->CLOSED');
  });

  it('syn-retransmit: the lost SYN is sent again after the initial RTO of 1 s', () => {
    const t = run(src('syn-retransmit'));
    expect(rows(t)).toEqual(['client SYN seq=100 DROPPED', 'client SYN seq=100', 'server SYN,ACK seq=300 ack=101', 'client ACK seq=101 ack=301']);
    const segs = segments(t);
    expect(segs[1].t).toBe(1000);
    expect(segs[1].retransmission).toBe(true);
  });

  it('SYN retransmission schedule: rfc doubles (1,2,4...), linux gaps are 1,1,1,1,1,2,4...', () => {
    const trace = (profile: string) => run(`option profile ${profile}\noption isn client 1\n` + 'drop next client\n'.repeat(12) + 'client connect\n');
    const times = (profile: string) => segments(trace(profile)).map((s) => s.t);
    const giveUp = (profile: string) => trace(profile).events.find((e) => e.type === 'app' && e.error === 'connection timed out')?.t;
    // RFC 9293 MUST-23: SYNs go on for at least 3 minutes (timeouts capped at RTO max = 60 s).
    expect(times('rfc')).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000, 123000]);
    expect(giveUp('rfc')).toBe(183_000);
    expect(times('linux')).toEqual([0, 1000, 2000, 3000, 4000, 5000, 7000, 11000, 19000, 35000, 67000]);
    expect(giveUp('linux')).toBe(131_000);
  });

  it('data-retransmit: lost data is resent after the RTO', () => {
    const t = run(src('data-retransmit'));
    expect(rows(t).slice(3)).toEqual(['client PSH,ACK seq=101 ack=301 len=5 DROPPED', 'client PSH,ACK seq=101 ack=301 len=5', 'server ACK seq=301 ack=106']);
    const segs = segments(t);
    expect(segs[4].t - segs[3].t).toBe(1000);
  });

  it('old duplicate SYN (RFC 793 Figure 9)', () => {
    const t = run(src('old-duplicate-syn'));
    expect(rows(t)).toEqual([
      'client SYN seq=100',
      'client SYN seq=90',
      'server SYN,ACK seq=300 ack=91',
      'client RST seq=91',
      'server SYN,ACK seq=400 ack=101',
      'client ACK seq=101 ack=401',
    ]);
    expect(stateRows(t, 'server')).toEqual([
      'server CLOSED->LISTEN',
      'server LISTEN->SYN-RECEIVED',
      'server SYN-RECEIVED->LISTEN',
      'server LISTEN->SYN-RECEIVED',
      'server SYN-RECEIVED->ESTABLISHED',
    ]);
  });

  it('half-open (RFC 793 Figure 10): challenge ACK, RST, then a fresh handshake', () => {
    const t = run(src('half-open'));
    expect(rows(t).slice(0, 4)).toEqual(['client SYN seq=400', 'server ACK seq=300 ack=100', 'client RST seq=100', 'client SYN seq=400']);
    expect(stateRows(t, 'server')).toContain('server ESTABLISHED->CLOSED');
    expect(stateRows(t).at(-1)).toBe('server SYN-RECEIVED->ESTABLISHED');
  });

  it('abort sends RST (rfc) / RST,ACK (linux) and resets the peer', () => {
    const rfc = run('option isn client 100\noption isn server 300\noption start established\nclient abort\n');
    expect(rows(rfc)).toEqual(['client RST seq=100']);
    expect(stateRows(rfc, 'server')).toEqual(['server ESTABLISHED->CLOSED']);
    const linux = run('option profile linux\noption isn client 100\noption isn server 300\noption start established\nclient abort\n');
    expect(rows(linux)).toEqual(['client RST,ACK seq=100 ack=300']);
  });

  it('linux profile: TIME-WAIT is a fixed 60 s', () => {
    const t = run('option profile linux\noption start established\nclient close\nserver close\n');
    const cs = states(t).filter((s) => s.host === 'client');
    const tw = cs.find((s) => s.to === 'TIME-WAIT');
    const closed = cs.find((s) => s.to === 'CLOSED');
    expect((closed?.t ?? 0) - (tw?.t ?? 0)).toBe(60_000);
  });

  it('SYN-ACK retransmissions 1,2,4,8,16 s, then the half-open entry expires at 63 s', () => {
    // The client's ACKs of the SYN,ACKs (ids 2,4,6,...) are all lost.
    const t = run('option isn client 100\noption isn server 300\n' + [2, 4, 6, 8, 10, 12].map((i) => `drop segment ${i}`).join('\n') + '\nclient connect\n');
    const sa = segments(t).filter((s) => s.from === 'server');
    expect(sa.map((s) => s.t - sa[0].t)).toEqual([0, 1000, 3000, 7000, 15000, 31000]);
    expect(sa.slice(1).every((s) => s.retransmission)).toBe(true);
    const back = states(t).find((s) => s.host === 'server' && s.to === 'LISTEN' && s.from === 'SYN-RECEIVED');
    expect(back ? back.t - sa[0].t : -1).toBe(63_000);
  });
});
