/**
 * The endpoint alone, smoltcp style: fixtures put a TCB in each state (ISS 100, IRS 300), and a grid
 * of segments x states gives the expected reply and the state after (RFC 9293 §3.10.7.3/§3.10.7.4,
 * RFC 5961 challenge ACKs). The endpoint returns its effects; no network is involved.
 */
import { describe, it, expect } from 'vitest';
import { Endpoint, type Effect } from '../../src/tcp/endpoint.js';
import type { Seg } from '../../src/tcp/segment.js';
import { PROFILES } from '../../src/tcp/profile.js';
import type { TcpState } from '../../src/tcp/types.js';

const cfg = { prof: PROFILES.rfc, profile: 'rfc' as const, mss: 1460, delayedAck: false, nagle: true };
const ME = { ip: '10.0.0.1', port: 1000 };
const PEER = { ip: '10.0.0.2', port: 80 };

/** An endpoint in `state`; the peer's FIN (at 301) has arrived in CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT. */
function fixture(state: TcpState): Endpoint {
  const ep = new Endpoint('client', ME, PEER, false, cfg, () => {}, state);
  ep.iss = 100;
  ep.irs = 300;
  ep.sndUna = 101;
  ep.sndNxt = 101;
  ep.dataEnd = 101;
  ep.rcvNxt = 301;
  ep.lastSmallEnd = 101;
  const ourFin = ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(state);
  const peerFin = ['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(state);
  if (state === 'SYN-SENT') ep.sndUna = 100;
  if (state === 'SYN-RECEIVED') {
    ep.sndUna = 100;
    ep.passive = true;
  }
  if (ourFin) {
    ep.finRequested = true;
    ep.finSent = true;
    ep.finSeq = 101;
    ep.sndNxt = 102;
    ep.dataEnd = 101;
    // FIN-WAIT-2 and TIME-WAIT: our FIN is acknowledged
    if (state === 'FIN-WAIT-2' || state === 'TIME-WAIT') ep.sndUna = 102;
  }
  if (peerFin) ep.rcvNxt = 302;
  return ep;
}

type Kind = 'ack' | 'rst' | 'rst-inexact' | 'syn' | 'fin' | 'data' | 'old';
function segment(kind: Kind, ep: Endpoint): Seg {
  const peerFinIn = ['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(ep.state);
  const base: Seg = {
    srcIp: PEER.ip, srcPort: PEER.port, dstIp: ME.ip, dstPort: ME.port,
    syn: false, ack: true, fin: false, rst: false, psh: false, seq: ep.rcvNxt, ackNo: ep.sndNxt, len: 0, wnd: 65535,
  };
  switch (kind) {
    case 'ack': return base;
    case 'rst': return { ...base, ack: false, ackNo: 0, rst: true };
    case 'rst-inexact': return { ...base, ack: false, ackNo: 0, rst: true, seq: ep.rcvNxt + 10 };
    case 'syn': return { ...base, ack: false, ackNo: 0, syn: true, seq: 5000 };
    // a new FIN, or once the peer's FIN is in, that FIN again (a retransmission)
    case 'fin': return { ...base, fin: true, seq: peerFinIn ? ep.rcvNxt - 1 : ep.rcvNxt };
    case 'data': return { ...base, psh: true, len: 5 };
    case 'old': return { ...base, seq: ep.rcvNxt - 1000 };
  }
}

const describeEffects = (fx: Effect[], end: TcpState): string => {
  const sent = fx
    .filter((e): e is Extract<Effect, { type: 'send' }> => e.type === 'send')
    .map((e) => {
      const f = ['syn', 'fin', 'rst', 'psh', 'ack'].filter((k) => e.flags[k as keyof typeof e.flags]).map((k) => k.toUpperCase()).join(',');
      return `${f} ${e.seq}${e.flags.ack ? `/${e.ack}` : ''}${e.len ? `+${e.len}` : ''}`;
    });
  const toListen = fx.some((e) => e.type === 'to-listen');
  return `${sent.join('; ') || '-'} | ${toListen ? 'LISTEN' : end}`;
};

// expected: reply (or -) | state after
const GRID: Record<string, Record<Kind, string>> = {
  'SYN-SENT': {
    ack: '- | SYN-SENT', // no SYN, no RST: dropped (§3.10.7.3 fifth)
    rst: '- | SYN-SENT', // a RST without an acceptable ACK is dropped
    'rst-inexact': '- | SYN-SENT',
    syn: 'SYN,ACK 100/5001 | SYN-RECEIVED', // simultaneous open
    fin: '- | SYN-SENT',
    data: '- | SYN-SENT',
    old: '- | SYN-SENT',
  },
  'SYN-RECEIVED': {
    ack: '- | ESTABLISHED',
    rst: '- | LISTEN', // passive open: back to LISTEN
    'rst-inexact': 'ACK 101/301 | SYN-RECEIVED', // RFC 5961 challenge ACK
    syn: '- | LISTEN', // a different SYN: the half-open entry goes, the listener stays
    fin: 'ACK 101/302 | CLOSE-WAIT',
    data: 'ACK 101/306 | ESTABLISHED',
    old: 'ACK 101/301 | SYN-RECEIVED', // outside the window: ACK and drop
  },
  ESTABLISHED: {
    ack: '- | ESTABLISHED',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 101/301 | ESTABLISHED',
    syn: 'ACK 101/301 | ESTABLISHED',
    fin: 'ACK 101/302 | CLOSE-WAIT',
    data: 'ACK 101/306 | ESTABLISHED',
    old: 'ACK 101/301 | ESTABLISHED',
  },
  'FIN-WAIT-1': {
    ack: '- | FIN-WAIT-2',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 102/301 | FIN-WAIT-1',
    syn: 'ACK 102/301 | FIN-WAIT-1',
    fin: 'ACK 102/302 | TIME-WAIT', // FIN,ACK that also acks our FIN
    data: 'ACK 102/306 | FIN-WAIT-2',
    old: 'ACK 102/301 | FIN-WAIT-1',
  },
  'FIN-WAIT-2': {
    ack: '- | FIN-WAIT-2',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 102/301 | FIN-WAIT-2',
    syn: 'ACK 102/301 | FIN-WAIT-2',
    fin: 'ACK 102/302 | TIME-WAIT',
    data: 'ACK 102/306 | FIN-WAIT-2',
    old: 'ACK 102/301 | FIN-WAIT-2',
  },
  'CLOSE-WAIT': {
    ack: '- | CLOSE-WAIT',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 101/302 | CLOSE-WAIT',
    syn: 'ACK 101/302 | CLOSE-WAIT',
    fin: 'ACK 101/302 | CLOSE-WAIT', // the peer's FIN again: re-ACKed
    data: '- | CLOSE-WAIT', // data after the peer's FIN is ignored (§3.10.7.4 seventh)
    old: 'ACK 101/302 | CLOSE-WAIT',
  },
  CLOSING: {
    ack: '- | TIME-WAIT',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 102/302 | CLOSING',
    syn: 'ACK 102/302 | CLOSING',
    fin: 'ACK 102/302 | CLOSING',
    data: '- | TIME-WAIT', // its ACK acknowledges our FIN
    old: 'ACK 102/302 | CLOSING',
  },
  'LAST-ACK': {
    ack: '- | CLOSED',
    rst: '- | CLOSED',
    'rst-inexact': 'ACK 102/302 | LAST-ACK',
    syn: 'ACK 102/302 | LAST-ACK',
    fin: 'ACK 102/302 | LAST-ACK',
    data: '- | CLOSED',
    old: 'ACK 102/302 | LAST-ACK',
  },
  'TIME-WAIT': {
    ack: '- | TIME-WAIT',
    rst: '- | CLOSED', // RFC 793's TIME-WAIT assassination (RFC 1337), as Linux with tcp_rfc1337=0
    'rst-inexact': 'ACK 102/302 | TIME-WAIT',
    syn: 'ACK 102/302 | TIME-WAIT',
    fin: 'ACK 102/302 | TIME-WAIT', // and the TIME-WAIT timer restarts
    data: '- | TIME-WAIT',
    old: 'ACK 102/302 | TIME-WAIT',
  },
};

describe('segment x state grid (one endpoint, no network)', () => {
  for (const [state, row] of Object.entries(GRID)) {
    for (const [kind, expected] of Object.entries(row) as [Kind, string][]) {
      it(`${state} + ${kind} -> ${expected}`, () => {
        const ep = fixture(state as TcpState);
        const fx = ep.onSegment(segment(kind, ep), 1000);
        expect(describeEffects(fx, ep.state)).toBe(expected);
      });
    }
  }

  it('TIME-WAIT: the retransmitted FIN restarts the TIME-WAIT timer', () => {
    const ep = fixture('TIME-WAIT');
    const fx = ep.onSegment(segment('fin', ep), 5000);
    expect(fx.some((e) => e.type === 'timer' && e.timer === 'time-wait' && e.action === 'set' && e.expires === 5000 + PROFILES.rfc.timeWait)).toBe(true);
  });

  it('the endpoint never calls anything: the same input gives the same effects', () => {
    const a = fixture('ESTABLISHED').onSegment(segment('data', fixture('ESTABLISHED')), 7);
    const b = fixture('ESTABLISHED').onSegment(segment('data', fixture('ESTABLISHED')), 7);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('timers and calls per state', () => {
  it('SYN-SENT: the retransmission timer resends the SYN; ESTABLISHED: it resends the oldest data', () => {
    const s = fixture('SYN-SENT');
    s.open(100, 'CLOSED', 0);
    const token = s.timers.get('retransmit')!.token;
    expect(describeEffects(s.onTimer('retransmit', token, 1000), s.state)).toBe('SYN 100 | SYN-SENT');
    const e = fixture('ESTABLISHED');
    e.onCall({ kind: 'send', bytes: 5 }, 0);
    const t = e.timers.get('retransmit')!.token;
    expect(describeEffects(e.onTimer('retransmit', t, 1000), e.state)).toBe('PSH,ACK 101/301+5 | ESTABLISHED');
    expect(e.onTimer('retransmit', t, 1000).length).toBe(0); // a stale token does nothing
  });

  it('close: ESTABLISHED -> FIN-WAIT-1 with a FIN; CLOSE-WAIT -> LAST-ACK; SYN-SENT -> CLOSED silently', () => {
    const cases: [TcpState, string][] = [
      ['ESTABLISHED', 'FIN,ACK 101/301 | FIN-WAIT-1'],
      ['CLOSE-WAIT', 'FIN,ACK 101/302 | LAST-ACK'],
      ['SYN-SENT', '- | CLOSED'],
    ];
    for (const [state, expected] of cases) {
      const ep = fixture(state);
      expect(describeEffects(ep.onCall({ kind: 'close' }, 0), ep.state), state).toBe(expected);
    }
  });

  it('abort sends RST with SEQ=SND.NXT from the synchronized states, nothing from SYN-SENT', () => {
    const est = fixture('ESTABLISHED');
    expect(describeEffects(est.onCall({ kind: 'abort' }, 0), est.state)).toBe('RST 101 | CLOSED');
    const ss = fixture('SYN-SENT');
    expect(describeEffects(ss.onCall({ kind: 'abort' }, 0), ss.state)).toBe('- | CLOSED');
  });
});
