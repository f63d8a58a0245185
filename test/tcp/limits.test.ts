/**
 * Issue 16 item 8: bounded scripts. Every number has a range (an error names line:col past it),
 * a whole script is bounded, and every run has a budget of events, steps and simulated time.
 */
import { describe, it, expect } from 'vitest';
import { parseScript, runSource } from '../../src/tcp/index.js';
import { LIMITS } from '../../src/tcp/script.js';
import { RUN_LIMITS } from '../../src/tcp/network.js';

const errors = (text: string) => {
  const p = parseScript(text);
  if (p.ok) throw new Error('expected errors');
  return p.errors.map((e) => `${e.line}:${e.col}: ${e.message}`);
};

describe('every number has a range', () => {
  it('a 400-digit duration is an error at its column, not Infinity', () => {
    const big = '9'.repeat(400);
    expect(errors(`client connect\nwait ${big}ms\n`)).toEqual(['2:6: duration must be at most 24 h (1440min)']);
    expect(errors(`at ${big}s client connect\n`)).toEqual(['1:4: time must be at most 24 h (1440min)']);
    expect(errors(`option delay ${big}ms\n`)).toEqual(['1:14: delay must be at most 1 min']);
    expect(errors(`option msl 2h\n`)).toEqual(["1:12: bad duration '2h' (use e.g. 50ms, 1s, 2min)"]);
    expect(errors(`option msl 61min\n`)).toEqual(['1:12: msl must be at most 1 h (60min)']);
    expect(errors(`flood 10 over ${big}s\n`)).toEqual(['1:15: duration must be at most 24 h (1440min)']);
    expect(errors(`delay next client ${big}ms\n`)).toEqual(['1:19: extra delay must be at most 1 min']);
  });

  it('flood 100000000 is refused; so is a total above the budget over several lines', () => {
    expect(errors('flood 100000000\n')).toEqual([`1:7: SYN count must be between 1 and ${LIMITS.floodPerLine}`]);
    expect(errors('flood 600000\nflood 600000\nclient connect\n')).toEqual(['2:1: too many spoofed SYNs (at most 1,000,000 in a script)']);
  });

  it('sequence numbers, labels, inject fields', () => {
    expect(errors('client old-syn 4294967296\n')).toEqual(['1:16: sequence number must be between 0 and 4294967295']);
    expect(errors('client inject ACK seq=1 ack=4294967296\n')).toEqual(['1:29: ack must be between 0 and 4294967295']);
    expect(errors('client inject ACK seq=1\n')).toEqual(['1:24: missing ack=N (the segment has ACK)']);
    expect(errors('client inject XYZ seq=1\n')[0]).toMatch(/^1:15: bad flags 'XYZ'/);
    expect(errors(`client send 5 "${'x'.repeat(41)}"\n`)).toEqual(['1:15: a label has 1 to 40 characters']);
    expect(errors('client send 5 "a\u0007b"\n')[0]).toMatch(/^1:15: bad label/);
    expect(errors('client send 5 "unterminated\n')[0]).toMatch(/^1:15: bad label/);
  });
});

describe('a whole script is bounded', () => {
  it('1,000,000 `client send 1` lines: refused at the size limit, quickly, with line and column', () => {
    const t0 = performance.now();
    const e = errors('client connect\n' + 'client send 1\n'.repeat(1_000_000));
    expect(e.length).toBe(1);
    expect(e[0]).toMatch(/^\d+:\d+: the script is too long \(at most 1,000,000 characters\)$/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('more than 10,000 actions: an error on the first line past the limit', () => {
    const e = errors('option listen off\n' + 'client send 1\n'.repeat(LIMITS.actions + 5));
    expect(e).toEqual([`${LIMITS.actions + 2}:1: too many actions (at most 10,000 in a script)`]);
  });
});

describe('every run has a budget', () => {
  it('app events are not recorded past the event cap: the trace stops there, truncated', () => {
    // A bulk send fills the budget (100,000 events); the app calls after it are never recorded.
    const r = runSource('option isn client 100\noption isn server 300\nclient connect\nclient send 100000000\n' + 'client send 1\n'.repeat(100));
    if (!r.ok) throw new Error('parse');
    expect(r.trace.events.length).toBeLessThanOrEqual(RUN_LIMITS.events);
    expect(r.trace.snapshots.length).toBe(r.trace.events.length);
    expect(r.trace.truncated).toBe(true);
  });

  it('simulated time is bounded: 10,000 waits of 1440min stop at the budget', () => {
    const r = runSource('client connect\n' + 'wait 1440min\n'.repeat(LIMITS.actions - 1));
    if (!r.ok) throw new Error('parse');
    expect(r.trace.end).toBeLessThanOrEqual(RUN_LIMITS.simulatedTime + RUN_LIMITS.afterLastAction);
    expect(Number.isFinite(r.trace.end)).toBe(true);
  });

  it('the largest flood allowed runs in bounded time and keeps a small trace', () => {
    const t0 = performance.now();
    const r = runSource(`option backlog 128\nflood ${LIMITS.floodTotal}\nclient connect\n`);
    if (!r.ok) throw new Error('parse');
    expect(r.trace.events.length).toBeLessThan(200);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
