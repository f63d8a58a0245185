/**
 * Model bugs found by test/reliability/model-fuzz (formerly pending/model.pending.ts), now fixed:
 *
 * 1. src/tcp/engine.ts, LISTEN processing: a SYN,ACK arriving at a listening socket was treated as a
 *    new SYN. RFC 9293 §3.10.7.2 (LISTEN): check the ACK bit first: any ACK-bearing segment gets
 *    <SEQ=SEG.ACK><CTL=RST> and the listener stays in LISTEN. With two listeners (`client listen` +
 *    `server old-syn 0`) this was an endless SYN,ACK / ACK / RST ping-pong to the 20,000-event cap.
 * 2. Snapshots disagreed with state events: event 21 "client CLOSED -> LISTEN (new SYN for the
 *    listener)" had trace.snapshots[21].client.state CLOSED (the player's side panel was wrong).
 * 3. Segment storm: `client connect / server reboot / client old-syn 5` produced ~6,500 events: the
 *    server's SYN-RECEIVED (from the old SYN) and the half-open ESTABLISHED client answered each
 *    other's out-of-window ACKs forever. Fixed per RFC 9293 §3.5.2 (an unacceptable ACK in a
 *    non-synchronized state gets a RST, before the window test, as Linux tcp_check_req does) and
 *    RFC 5961 §7 (ACKs answering invalid segments are throttled).
 * Plus three found by the widened fuzz: a retransmission re-sent data still held back by Nagle (beyond
 * SND.NXT), so the peer acknowledged "unsent" data and an ACK war followed; a connection closed in
 * SYN-RECEIVED (FIN-WAIT-1 before its SYN was acknowledged) answered a stale peer's ACKs with ACKs
 * instead of a RST; and a lazily emitted flood summary took its snapshot after the next step had
 * already changed a host.
 */
import { describe, it, expect } from 'vitest';
import { runSource, type RunOptions, type Trace } from '../../src/tcp/index.js';

function run(src: string, opts: RunOptions = {}): Trace {
  const r = runSource(src, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.trace;
}

describe('model bugs found by the fuzz', () => {
  it('a SYN,ACK arriving at a listener gets a RST, and the run ends', () => {
    const t = run('client listen\nserver old-syn 0\n');
    expect(t.events.length).toBeLessThan(200);
    for (const [i, e] of t.events.entries()) {
      if (e.type !== 'state' || e.from !== 'LISTEN' || e.to !== 'SYN-RECEIVED') continue;
      // The segment that caused it: the last one delivered to that host by then.
      const cause = t.events
        .slice(0, i)
        .filter((s) => s.type === 'segment' && s.to === e.host && s.fate === 'delivered' && s.arrives <= e.t)
        .at(-1);
      expect(cause && cause.type === 'segment' ? cause.flags : null, `event ${i}`).toEqual(['SYN']);
    }
  });

  it('every snapshot agrees with the state event it follows', () => {
    const t = run('at 0ms drop next client\nclient connect\nclient listen\nserver old-syn 0; wait 1s; delay next client 0ms\nclient listen\n');
    t.events.forEach((e, i) => {
      if (e.type === 'state') expect(t.snapshots[i]?.[e.host]?.state, `event ${i}: ${e.host} ${e.from} -> ${e.to}`).toBe(e.to);
    });
  });

  it('a half-open connection probed by an old SYN does not turn into a segment storm', () => {
    const t = run('client connect\nserver reboot\nclient old-syn 5\n');
    expect(t.events.length).toBeLessThan(300);
  });

  it('nobody acknowledges data that was never sent (a retransmission stops at SND.NXT)', () => {
    const src =
      'option delay 347ms\noption profile rfc\noption syncookies off\noption mss 42402\ndrop next server\nclient listen\nclient connect\n' +
      'client listen; drop next client; wait 84s\nserver connect\nclient send 4248\nclient send 5425\n';
    const t = run(src, { profile: 'rfc', seed: 29, dropSegmentIds: [4, 8] });
    expect(t.events.length).toBeLessThan(200);
    const isn = t.hosts.client?.isn ?? 0;
    let sent = 0; // bytes of client sequence space sent so far, relative to its ISN
    for (const e of t.events) {
      if (e.type !== 'segment') continue;
      const rel = (v: number) => (v - isn + 2 ** 32) % 2 ** 32;
      if (e.from === 'client') sent = Math.max(sent, rel(e.seq) + e.len + (e.flags.includes('SYN') || e.flags.includes('FIN') ? 1 : 0));
      else if (e.ack !== null) expect(rel(e.ack), `segment ${e.id}`).toBeLessThanOrEqual(sent);
    }
  });

  it('a connection whose SYN was never acknowledged (closed in SYN-RECEIVED) resets a stale peer instead of an ACK war', () => {
    // The drop is armed after the server's ACK of the data (811 ms): since the linux profile quick-ACKs
    // at the start of a connection (tcp_input.c), that ACK is no longer delayed past the reboot, and a
    // drop armed earlier would take it instead of the SYN,ACK this case is about.
    const src =
      'option start established\noption mss 13786\noption delay 452ms\nat 359ms client send 5920\nat 900ms drop next server\n' +
      'server reboot; client old-syn 2702874813\nserver listen\nclient send 5972\nserver send 1831; server close\n';
    const t = run(src, { profile: 'linux' });
    expect(t.events.length).toBeLessThan(100);
    const states = t.events.flatMap((e) => (e.type === 'state' ? [`${e.host} ${e.from}->${e.to}`] : []));
    // The server's close waits for ESTABLISHED (data is queued: RFC 9293 §3.10.4), which never
    // comes: the stale client is reset, and the half-open entry dies on the client's RST.
    expect(states).not.toContain('server SYN-RECEIVED->FIN-WAIT-1');
    expect(states).toContain('client ESTABLISHED->CLOSED');
    expect(states.at(-1)).toBe('server SYN-RECEIVED->LISTEN');
  });

  it('every snapshot shows the states the state events have led to (calls, floods and queue events too)', () => {
    const cases: [string, RunOptions][] = [
      ['option retries 4\nwait 0\nserver connect\nserver listen\nat 3959ms client reboot\nclient listen; flood 30 over 4746ms; server connect isn 781206948\ndrop segment 3\n', { seed: 2234395369 }],
      ['drop next server\nclient listen\nserver connect\nserver close\nclient abort\n', { profile: 'linux', seed: 22 }],
      ['client listen\nserver old-syn 0\n', {}],
    ];
    for (const [src, opts] of cases) {
      const t = run(src, opts);
      const state: Record<string, string> = {};
      for (const [h, s] of Object.entries(t.initial ?? {})) state[h] = s.state;
      t.events.forEach((e, i) => {
        if (e.type === 'state') state[e.host] = e.to;
        for (const [h, st] of Object.entries(state)) expect(t.snapshots[i]?.[h]?.state, `event ${i} (${e.type}) ${h}`).toBe(st);
      });
    }
  });
});
