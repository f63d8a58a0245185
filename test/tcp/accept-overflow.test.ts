/**
 * The accept queue overflows (issue 10): the server's application stops calling accept(), and a
 * handshake completes while the queue is full. What Linux does (net/ipv4/tcp_minisocks.c
 * tcp_check_req, tcp_ipv4.c tcp_v4_syn_recv_sock -> exit_overflow, with tcp_abort_on_overflow=0):
 * the completing ACK (and any later segment, which carries the same ACK) is dropped, LISTENOVERFLOWS
 * counts it, the request stays in the SYN queue and its timer (reqsk_timer_handler) keeps resending
 * the SYN,ACK at 1, 2, 4 ... s until tcp_synack_retries; the client, which got the SYN,ACK, is
 * ESTABLISHED and sends data nobody receives. A SYN arriving while the queue is full is dropped
 * (tcp_conn_request: sk_acceptq_is_full). A valid SYN cookie ACK meets the same overflow check, but
 * no request exists, so nothing is resent. Once accept() makes room, the next segment completes it.
 */
import { afterEach, describe, it, expect } from 'vitest';
import { getScenario, type StateEvent } from '../../src/tcp/index.js';
import { X } from '../../src/tcp/explain.js';
import { setLang } from '../../src/i18n/index.js';
import { run, segments, states } from './helpers.js';

const S = 'option profile linux\noption isn client 100\noption isn server 300\noption isn client2 500\noption backlog 0\nserver accept off\n';
/** client2's handshake starts first but its final ACK is 300 ms late; client fills the queue meanwhile. */
const RACE = 'client2 connect\nat 60ms delay next client2 300ms\nat 60ms client connect\n';

const c2 = (t: ReturnType<typeof run>) => segments(t).filter((s) => s.from === 'client2' || s.to === 'client2');
/** `t from FLAGS seq/ack`, seq relative to the sender's ISN (client2 500, server 300), ack absolute. */
const row = (s: ReturnType<typeof segments>[number]) =>
  `${s.t} ${s.from} ${s.flags.join(',')} ${s.seq - (s.from === 'client2' ? 500 : 300)}/${s.ack === null ? '-' : s.ack}${s.len ? ` +${s.len}` : ''}${s.fate === 'dropped' ? ` DROPPED ${s.dropReason}` : ''}`;

describe('accept queue overflow (Linux, tcp_abort_on_overflow=0)', () => {
  it('the completing ACK is dropped: the client is ESTABLISHED, the server resends SYN,ACK after 1, 2, 4, 8, 16 s, every ACK dropped', () => {
    const t = run(S + 'option syncookies on\n' + RACE + 'wait 3500ms\n');
    expect(c2(t).map(row)).toEqual([
      '0 client2 SYN 0/-',
      '50 server SYN,ACK 0/501',
      '100 client2 ACK 1/301 DROPPED accept queue full',
      '1050 server SYN,ACK 0/501',
      '1100 client2 ACK 1/301 DROPPED accept queue full',
      '3050 server SYN,ACK 0/501',
      '3100 client2 ACK 1/301 DROPPED accept queue full',
      '7050 server SYN,ACK 0/501',
      '7100 client2 ACK 1/301 DROPPED accept queue full',
      '15050 server SYN,ACK 0/501',
      '15100 client2 ACK 1/301 DROPPED accept queue full',
      '31050 server SYN,ACK 0/501',
      '31100 client2 ACK 1/301 DROPPED accept queue full',
    ]);
    // tcp_synack_retries = 5: the request expires at the sixth timeout, 63 s after the first SYN,ACK
    expect(t.events.some((e) => e.type === 'state' && e.host === 'server' && e.from === 'SYN-RECEIVED' && e.to === 'LISTEN' && e.t === 63050)).toBe(true);
    expect(segments(t).filter((s) => s.from === 'server' && s.to === 'client2').slice(1).every((s) => s.retransmission)).toBe(true);
    // the dropped ACK arrived at 450 ms (sent at 100, 50 ms link + 300 ms extra), after client's connection (a SYN cookie) took the only slot at 210 ms
    const arrivals = t.events.filter((e) => e.type === 'arrival' && e.dropReason === 'accept queue full');
    expect(arrivals[0]?.t).toBe(450);
    expect(t.events.some((e) => e.type === 'queue' && e.t === 210 && e.acceptQueue === 1 && e.acceptQueueMax === 1)).toBe(true);
    const at = (ms: number) => t.snapshots[t.events.findIndex((e) => e.t > ms) - 1];
    expect(at(3500).client2.state).toBe('ESTABLISHED');
    // the server's lane draws client2's connection, still half-open
    expect(at(3500).server.state).toBe('SYN-RECEIVED');
  });

  it("the client's data is dropped as well; accept() makes room and the next retransmission completes the handshake", () => {
    const t = run(getScenario('accept-overflow')!.source);
    const data = segments(t).filter((s) => s.from === 'client2' && s.len === 10);
    expect(data.length).toBeGreaterThan(2);
    const accepted = t.events.find((e) => e.type === 'app' && e.call === 'accept' && e.host === 'server' && e.t > 0 && !e.explain.includes('stops'))!;
    expect(data.filter((s) => s.t < accepted.t).every((s) => s.fate === 'dropped' && s.dropReason === 'accept queue full')).toBe(true);
    const first = data.find((s) => s.t > accepted.t)!;
    expect(first.fate).toBe('delivered');
    const est = states(t).find((s): s is StateEvent => s.host === 'server' && s.to === 'ESTABLISHED')!;
    expect(est.t).toBe(first.arrives);
    expect(segments(t).at(-1)).toMatchObject({ from: 'server', to: 'client2', flags: ['ACK'], ack: 511 });
  });

  it('if the application never accepts, the request expires after tcp_synack_retries and the client learns it only by RST', () => {
    const t = run(S + 'option syncookies on\noption synack-retries 2\n' + RACE + 'wait 1s\nclient2 send 10\n');
    const rst = segments(t).find((s) => s.from === 'server' && s.to === 'client2' && s.flags.includes('RST'))!;
    expect(rst).toBeDefined();
    // SYN,ACK at 50, 1050, 3050; the request expires at 7050 (Linux: 1 + 2 + 4 s)
    expect(t.events.some((e) => e.type === 'state' && e.host === 'server' && e.from === 'SYN-RECEIVED' && e.to === 'LISTEN' && e.t === 7050)).toBe(true);
    expect(rst.t).toBeGreaterThan(7050);
    expect(t.snapshots.at(-1)!.client2.state).toBe('CLOSED');
  });

  it('a SYN arriving while the accept queue is full is dropped', () => {
    const t = run(S + 'client connect\nclient2 connect\n');
    const syns = segments(t).filter((s) => s.from === 'client2' && s.flags.join() === 'SYN');
    expect(syns.length).toBeGreaterThan(1);
    expect(syns.every((s) => s.fate === 'dropped' && s.dropReason === 'accept queue full')).toBe(true);
  });

  it('a valid SYN cookie ACK is dropped while the queue is full, and nothing is resent (no request was kept)', () => {
    const t = run(S + 'option syncookies always\n' + RACE + 'wait 3s\n');
    const segs = c2(t);
    // SYN, the cookie SYN,ACK, the ACK carrying the cookie back: dropped; no SYN,ACK is ever resent
    expect(segs.map((s) => `${s.from} ${s.flags.join(',')} ${s.fate}`)).toEqual(['client2 SYN delivered', 'server SYN,ACK delivered', 'client2 ACK dropped']);
    expect(segs[2].dropReason).toBe('accept queue full');
    expect(segs[2].ack).toBe((segs[1].seq + 1) >>> 0);
    expect(t.snapshots.at(-1)!.client2.state).toBe('ESTABLISHED');
  });
});

describe('the explanation of the dropped final ACK (accept-overflow, segment #7)', () => {
  afterEach(() => setLang('en'));
  const seven = () => {
    const s = segments(run(getScenario('accept-overflow')!.source)).find((x) => x.id === 7)!;
    expect(s).toMatchObject({ from: 'client2', flags: ['ACK'], fate: 'dropped', dropReason: X.acceptFullReason() });
    return s;
  };

  it.each(['en', 'zh-CN'] as const)('%s: says the ACK was dropped because the accept queue was full, not that it was outside a window', (lang) => {
    setLang(lang);
    const s = seven();
    // why client2 sent it: the server's SYN,ACK came again (a duplicate, not "outside the window")
    expect(s.explain.startsWith(X.dupSynAck('client2', 300, 301))).toBe(true);
    expect(s.explain).not.toContain(X.notAcceptable('client2', 300, 301));
    // what happened to it: the accept queue was full, a listen overflow, the SYN,ACK is retried
    expect(s.explain.endsWith(X.acceptFullAck('server', 1, 1))).toBe(true);
    expect(s.explain).toContain('tcp_abort_on_overflow=0');
    expect(s.explain).toContain('listen overflow');
    expect(s.explain).toContain('SYN,ACK');
  });

  it('en words: full accept queue, listen overflow, ACK ignored, SYN,ACK retried', () => {
    const e = seven().explain;
    expect(e).not.toMatch(/outside its receive window/);
    expect(e).toMatch(/accept queue is full \(1\/1\), so this segment is dropped/);
    expect(e).toMatch(/ignores the ACK/);
    expect(e).toMatch(/keeps retrying its SYN,ACK/);
  });
});
