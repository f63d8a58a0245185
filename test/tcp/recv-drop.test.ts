/** Script steps that follow a program's calls: `HOST recv N` (a blocking read) and `drop next`
 *  without a host (docs/scripts.md). */
import { describe, it, expect } from 'vitest';
import { parseScript } from '../../src/tcp/index.js';
import type { AppEvent, Trace } from '../../src/tcp/index.js';
import { X } from '../../src/tcp/explain.js';
import { run, rows, segments } from './helpers.js';

const H = 'option isn client 100\noption isn server 300\n';
const actions = (text: string) => {
  const r = parseScript(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.script.steps.flatMap((s) => s.actions);
};
const firstError = (text: string) => {
  const r = parseScript(text);
  if (r.ok) throw new Error('expected an error');
  return r.errors[0];
};
const apps = (t: Trace, host: string): AppEvent[] => t.events.filter((e): e is AppEvent => e.type === 'app' && e.host === host);

describe('drop next without a host', () => {
  it('parses as a drop of the next segment anyone sends; with a host it stays that host\'s', () => {
    expect(actions('drop next')).toEqual([{ kind: 'drop-next', line: 1, col: 1 }]);
    expect(actions('drop next server')).toEqual([{ kind: 'drop-next', host: 'server', line: 1, col: 1 }]);
    expect(actions('client send 5; drop next')[1]).toMatchObject({ kind: 'drop-next' });
    expect(firstError('drop next router')).toMatchObject({ line: 1, col: 11, message: expect.stringContaining("unknown host 'router'") });
    expect(firstError('drop next server now')).toMatchObject({ line: 1, col: 18, message: "unexpected 'now'" });
    expect(firstError('drop')).toMatchObject({ line: 1, col: 5, message: "missing 'next', 'next HOST' or 'segment N'" });
  });

  it('drops the next segment whoever sends it: the server\'s when the server sends first, the client\'s when the client does', () => {
    const bySrv = run(H + 'option start established\ndrop next\nserver send 5\n');
    expect(rows(bySrv)[0]).toBe('server PSH,ACK seq=300 ack=100 len=5 DROPPED');
    expect(segments(bySrv)[0].dropReason).toBe(X.dropNextAny());
    const byCli = run(H + 'option start established\ndrop next\nclient send 5\n');
    expect(rows(byCli)[0]).toBe('client PSH,ACK seq=100 ack=300 len=5 DROPPED');
  });

  it('drops exactly one segment: the SYN of a connect, and its retransmission gets through', () => {
    const t = run(H + 'drop next\nclient connect\n');
    expect(rows(t)).toEqual([
      'client SYN seq=100 DROPPED',
      'client SYN seq=100',
      'server SYN,ACK seq=300 ack=101',
      'client ACK seq=101 ack=301',
    ]);
  });

  it('drop next HOST still waits for that host: the client\'s segment passes, the server\'s next one is lost', () => {
    const t = run(H + 'option start established\ndrop next server\nclient send 5\n');
    expect(rows(t).slice(0, 2)).toEqual(['client PSH,ACK seq=100 ack=300 len=5', 'server ACK seq=300 ack=105 DROPPED']);
    expect(segments(t)[1].dropReason).toBe(X.dropNext('server'));
  });
});

describe('HOST recv N: a blocking read', () => {
  it('parses with a byte count in range', () => {
    expect(actions('server recv 200')).toEqual([{ kind: 'recv', host: 'server', bytes: 200, line: 1, col: 1 }]);
    expect(firstError('server recv')).toMatchObject({ col: 12, message: 'missing byte count' });
    expect(firstError('server recv 0')).toMatchObject({ col: 13, message: 'byte count must be between 1 and 1000000000' });
    expect(firstError('server recv all')).toMatchObject({ col: 13 });
    expect(firstError('server recv 5 6')).toMatchObject({ col: 15, message: "unexpected '6'" });
  });

  it('returns when the Nth byte arrives, and the next line runs at that instant (not when the network is quiet)', () => {
    // Two writes of 100 with Nagle: the second leaves when the first one's ACK is back (50 ms).
    const t = run(H + 'option start established\nclient send 100; client send 100\nserver recv 200\nserver send 10\n');
    const data = segments(t).filter((s) => s.len > 0);
    expect(data.map((s) => `${s.from} ${s.len} ${s.t}`)).toEqual(['client 100 0', 'client 100 100', 'server 10 150']);
    const recv = apps(t, 'server').find((e) => e.call === 'receive')!;
    expect(recv).toMatchObject({ t: 150, bytes: 200 });
    expect(recv.explain).toBe(X.appRecv('server', 200, 200, 150, 0));
    // The same program with the reply on a line of its own and no recv: it waits for a quiet
    // network, after the server's ACK of the second write has reached the client (200 ms).
    const quiet = run(H + 'option start established\nclient send 100; client send 100\nserver send 10\n');
    expect(segments(quiet).find((s) => s.from === 'server' && s.len > 0)!.t).toBe(200);
  });

  it('counts bytes already in the buffer, and leaves the rest unread', () => {
    const t = run(H + 'option start established\nclient send 300\nwait 1s\nserver recv 100\nserver recv 100\n');
    const r = apps(t, 'server').filter((e) => e.call === 'receive');
    expect(r.map((e) => [e.t, e.bytes])).toEqual([
      [1100, 100],
      [1100, 100],
    ]);
    expect(r[0].explain).toBe(X.appRecv('server', 100, 100, 0, 200));
  });

  it('returns early with what has arrived when the peer closes (end of stream)', () => {
    const t = run(H + 'option start established\nclient send 50; client close\nserver recv 100\nserver close\n');
    // (the first `receive` event is the end of file the FIN reports; the recv's comes after it)
    const r = apps(t, 'server').filter((e) => e.call === 'receive').at(-1)!;
    expect(r).toMatchObject({ t: 50, bytes: 50 });
    expect(r.explain).toBe(X.appRecv('server', 50, 100, 50, 0));
    // The server's close runs at once after it: its FIN leaves at 50 ms.
    expect(segments(t).find((x) => x.from === 'server' && x.flags.includes('FIN'))!.t).toBe(50);
  });

  it('returns with nothing when nothing more can happen, and the script goes on', () => {
    const t = run(H + 'option start established\nserver recv 10\nclient send 5\n');
    const r = apps(t, 'server').find((e) => e.call === 'receive')!;
    expect(r).toMatchObject({ t: 0, bytes: 0 });
    expect(segments(t).some((s) => s.from === 'client' && s.len === 5)).toBe(true);
  });

  it('waits for a connection that does not exist yet', () => {
    const t = run(H + 'client connect; client send 5\nserver recv 5\nserver send 7\n');
    const data = segments(t).filter((s) => s.len > 0);
    expect(data.map((s) => s.from)).toEqual(['client', 'server']);
    expect(data[1].t).toBe(data[0].arrives);
  });
});
