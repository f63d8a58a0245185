/**
 * A SYN arriving in TIME-WAIT (issue 10). RFC 9293 §3.10.7.4 answers a SYN in a synchronized state
 * with a challenge ACK (RFC 5961 §4) and lets TIME-WAIT accept a new connection only with timestamps
 * (RFC 6191), which the model does not send: the rfc profile keeps TIME-WAIT. Linux
 * (tcp_timewait_state_process, the RFC 1122 §4.2.2.13 rule) accepts a SYN whose sequence number is
 * above the old connection's rcv_nxt: the TIME-WAIT socket is killed, the listener takes the SYN on
 * the same 4-tuple and answers with ISN = the old snd_nxt + 65537. A SYN at or below rcv_nxt may be
 * an old duplicate: it gets an ACK and TIME-WAIT goes on.
 */
import { describe, it, expect } from 'vitest';
import { run, segments, stateRows } from './helpers.js';

/** The server closes first (it reads the 5 bytes first), so the server is the one in TIME-WAIT. */
const CLOSE = 'option isn client 100\noption isn server 300\nclient connect\nclient send 5\nserver receive\nserver close\nclient close\nwait 1s\n';

describe('a SYN in TIME-WAIT', () => {
  it('linux: a SYN above rcv_nxt ends TIME-WAIT; the listener answers with ISN = old snd.nxt + 65537', () => {
    const t = run('option profile linux\n' + CLOSE + 'client connect\nclient send 3\n');
    expect(stateRows(t, 'server').slice(-5)).toEqual([
      'server FIN-WAIT-2->TIME-WAIT',
      'server TIME-WAIT->CLOSED',
      'server CLOSED->LISTEN',
      'server LISTEN->SYN-RECEIVED',
      'server SYN-RECEIVED->ESTABLISHED',
    ]);
    const syn = segments(t).filter((s) => s.from === 'client' && s.flags.join() === 'SYN').at(-1)!;
    expect(syn.seq).toBe(200); // above the old rcv_nxt 107
    const synAck = segments(t).find((s) => s.from === 'server' && s.flags.join() === 'SYN,ACK' && s.t > syn.t)!;
    expect(synAck.seq).toBe(302 + 65537);
    expect(synAck.ack).toBe(201);
    expect(synAck.t).toBe(syn.arrives);
    expect(t.snapshots.at(-1)!.server.state).toBe('ESTABLISHED');
    expect(segments(t).at(-1)).toMatchObject({ from: 'server', flags: ['ACK'], ack: 204 });
  });

  it('linux: a SYN at or below rcv_nxt may be an old duplicate: it gets an ACK; the RST that answers it kills TIME-WAIT (tcp_rfc1337=0)', () => {
    const t = run('option profile linux\n' + CLOSE + 'client connect isn 50\n');
    const after = segments(t).filter((s) => s.t > 1000);
    expect(after.slice(0, 4).map((s) => `${s.from} ${s.flags.join()} ${s.seq}/${s.ack}`)).toEqual([
      'client SYN 50/null',
      'server ACK 302/107', // the old connection's ACK, not a SYN,ACK
      'client RST 107/null', // RFC 9293 §3.10.7.3: an ACK that does not ack our SYN gets RST
      'client SYN 50/null', // the SYN retransmitted 1 s later finds the listener
    ]);
    // TIME-WAIT ended by the RST (TIME-WAIT assassination, RFC 1337; Linux's default tcp_rfc1337=0)
    const end = t.events.find((e) => e.type === 'state' && e.host === 'server' && e.from === 'TIME-WAIT')!;
    expect(end.type === 'state' && end.cause).toBe('rcv RST');
    expect(after[4]).toMatchObject({ from: 'server', flags: ['SYN', 'ACK'], ack: 51 });
    expect(after[4].seq).not.toBe(302 + 65537);
  });

  it('rfc: no timestamps, so no early reuse: the SYN gets a challenge ACK, not a SYN,ACK', () => {
    const t = run(CLOSE + 'client connect\n');
    const after = segments(t).filter((s) => s.t > 1000);
    expect(after.slice(0, 2).map((s) => `${s.from} ${s.flags.join()} ${s.seq}/${s.ack}`)).toEqual(['client SYN 200/null', 'server ACK 302/107']);
    const end = t.events.find((e) => e.type === 'state' && e.host === 'server' && e.from === 'TIME-WAIT');
    expect(end && end.type === 'state' && end.cause).not.toBe('rcv new SYN in TIME-WAIT');
  });
});
