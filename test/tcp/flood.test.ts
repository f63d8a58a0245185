import { describe, it, expect } from 'vitest';
import { getScenario, runSource, type Trace, type FloodEvent } from '../../src/tcp/index.js';
import { segments, states } from './helpers.js';

function run(src: string): Trace {
  const r = runSource(src);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.trace;
}

describe('SYN floods', () => {
  it('syn-flood: the queue is full, the real client retransmits its SYN unanswered and gives up', () => {
    const t = run(getScenario('syn-flood')!.source);
    const client = segments(t).filter((s) => s.from === 'client');
    // 8 SYNs: 0, 1, 3, 7, 15, 31, 63, 123 s after connect; it fails at 183 s (RFC 9293 MUST-23: at least 3 minutes)
    expect(client.length).toBe(8);
    expect(client.every((s) => s.flags.join() === 'SYN' && s.fate === 'dropped' && s.dropReason === 'SYN queue full')).toBe(true);
    expect(client.slice(1).every((s) => s.retransmission)).toBe(true);
    expect(segments(t).filter((s) => s.from === 'server')).toEqual([]);
    expect(states(t).some((s) => s.host === 'client' && s.to === 'ESTABLISHED')).toBe(false);
    expect(t.events.some((e) => e.type === 'app' && e.error === 'connection timed out')).toBe(true);
    const q = t.events.filter((e) => e.type === 'queue');
    expect(q.every((e) => e.type === 'queue' && e.synQueue === e.synQueueMax)).toBe(true);
  });

  it('syn-flood-cookies: the real client reaches ESTABLISHED while the queue is full', () => {
    const t = run(getScenario('syn-flood-cookies')!.source);
    const est = states(t).find((s) => s.host === 'server' && s.to === 'ESTABLISHED');
    expect(est).toBeDefined();
    expect(states(t).some((s) => s.host === 'client' && s.to === 'ESTABLISHED')).toBe(true);
    const i = t.events.indexOf(est!);
    expect(t.snapshots[i].server.synQueue).toBe(t.snapshots[i].server.synQueueMax);
    const floods = t.events.filter((e): e is FloodEvent => e.type === 'flood');
    expect(floods.reduce((n, f) => n + f.count, 0)).toBe(10000);
    expect(floods.reduce((n, f) => n + f.cookies, 0)).toBeGreaterThan(9000);
  });

  it('a 10,000-SYN flood is summarised: the trace size does not grow with N', () => {
    const size = (n: number) => run(`option backlog 5\nflood ${n}\nclient connect\n`).events.length;
    const small = size(100);
    const big = size(10_000);
    expect(big).toBeLessThanOrEqual(small + 5);
    const t = run('flood 10000\nclient connect\n');
    const floods = t.events.filter((e): e is FloodEvent => e.type === 'flood');
    expect(floods.reduce((n, f) => n + f.count, 0)).toBe(10_000);
    expect(floods.reduce((n, f) => n + f.queued + f.dropped + f.cookies, 0)).toBe(10_000);
    expect(segments(t).every((s) => s.from !== 'attacker' && s.to !== 'attacker')).toBe(true);
  });

  it('linux profile queues hold backlog + 1', () => {
    const t = run('option profile linux\noption backlog 5\nflood 50\n');
    const f = t.events.find((e): e is FloodEvent => e.type === 'flood')!;
    expect(f.queued).toBe(6);
    expect(f.dropped).toBe(44);
  });
});
