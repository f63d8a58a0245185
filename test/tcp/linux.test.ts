/**
 * The model against real Linux: test/fixtures/linux/*.json are tcpdump captures of a client and a
 * server on 127.0.0.1 (made by tools/capture/run.py), normalised to each side's ISN. The model runs
 * the script that does the same steps with the `linux` profile; the segments must be equal one by
 * one: sender, flags, relative seq, relative ack, length. (Timing is not compared: loopback has no
 * delay, and Linux's quick-ACK mode at the start of a connection acks at once where the model's
 * delayed ACK waits its 40 ms; the order and content of segments are the same.)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSource } from '../../src/tcp/index.js';
import type { Trace, SegmentEvent } from '../../src/tcp/types.js';

interface FixtureSegment {
  from: string;
  to: string;
  flags: string[];
  seq: number;
  ack: number | null;
  len: number;
}

const steps = (...lines: string[]) =>
  ['option profile linux', 'option delayed-ack on', 'option isn client 1000', 'option isn server 5000000', ...lines].join('\n');

// The capture tool reads what arrives (conn.recv, cli.recv) before it closes, so the scripts read
// too: in the linux profile close() with unread data sends RST (Linux tcp_close).
const CASES: Record<string, string> = {
  'linux-close-client-first': steps(
    'client connect', 'wait 300ms',
    'client send 5', 'wait 300ms', 'server receive',
    'server send 5', 'wait 300ms', 'client receive',
    'client close', 'wait 300ms',
    'server close', 'wait 300ms',
  ),
  'linux-close-server-first': steps(
    'client connect', 'wait 300ms',
    'client send 5', 'wait 300ms', 'server receive',
    'server send 5', 'wait 300ms', 'client receive',
    'server close', 'wait 300ms',
    'client close', 'wait 300ms',
  ),
  'linux-close-fast': steps(
    'client connect', 'wait 300ms',
    'client send 5', 'wait 300ms', 'server receive',
    'server send 5', 'wait 300ms', 'client receive',
    'client close',
    'server close', 'wait 300ms',
  ),
  'linux-refused': steps('option listen off', 'client connect', 'wait 300ms'),
  // close() vs shutdown() with data the client never read (captured by the model's own engineer):
  // close() sends RST,ACK; shutdown() sends FIN and the client still receives afterwards.
  'linux-close-unread': steps(
    'client connect', 'wait 300ms',
    'server send 5', 'wait 300ms',
    'client close', 'wait 300ms',
    'server close', 'wait 300ms',
  ),
  'linux-shutdown-unread': steps(
    'client connect', 'wait 300ms',
    'server send 5', 'wait 300ms',
    'client shutdown', 'wait 300ms',
    'server receive', 'server send 5', 'wait 300ms',
    'client receive', 'server close', 'wait 300ms',
    'client close', 'wait 300ms',
  ),
  'linux-abort': steps('client connect', 'wait 300ms', 'client abort', 'wait 300ms'),
};

function normalise(trace: Trace): FixtureSegment[] {
  const segs = trace.events.filter((e): e is SegmentEvent => e.type === 'segment');
  // Same rule as the capture tool: a side's base is its ISN, or its first seq if it never sent a SYN.
  const base: Record<string, number> = {};
  for (const s of segs) if (!(s.from in base)) base[s.from] = trace.hosts[s.from]?.isn ?? s.seq;
  const rel = (v: number, side: string) => (v - (base[side] ?? 0) + 2 ** 32) % 2 ** 32;
  return segs.map((s) => ({
    from: s.from,
    to: s.to,
    flags: [...s.flags],
    seq: rel(s.seq, s.from),
    ack: s.ack === null ? null : rel(s.ack, s.to),
    len: s.len,
  }));
}

describe('the model reproduces real Linux on loopback', () => {
  for (const [name, script] of Object.entries(CASES)) {
    it(name, () => {
      const fixture = JSON.parse(
        readFileSync(join(__dirname, '..', 'fixtures', 'linux', `${name}.json`), 'utf8'),
      ) as { segments: (FixtureSegment & { tcpdump: string; ms: number })[] };
      const expected = fixture.segments.map(({ from, to, flags, seq, ack, len }) => ({ from, to, flags, seq, ack, len }));
      const r = runSource(script, { name });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(normalise(r.trace)).toEqual(expected);
    });
  }
});

describe('when Linux gives up on connect(): tcp_syn_retries = 2, captured in a network namespace', () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'linux', 'linux-syn-giveup-retries2.json'), 'utf8')) as {
    segments: (FixtureSegment & { ms: number })[];
    gave_up_ms: number;
    error: string;
  };
  it('six SYNs about 1 s apart and connect() fails at about 7 s, as the model says', () => {
    const r = runSource(steps('option syn-retries 2', ...Array(8).fill('drop next client'), 'client connect'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const model = r.trace.events.filter((e): e is SegmentEvent => e.type === 'segment');
    expect(model.map((s) => s.flags)).toEqual(fixture.segments.map((s) => s.flags));
    // Linux's timers run on jiffies and its RTO of 1 s drifts by a few ms per retry: within 3 %.
    model.forEach((s, i) => expect(Math.abs(s.t - fixture.segments[i].ms)).toBeLessThanOrEqual(0.03 * s.t + 5));
    const gaveUp = r.trace.events.find((e) => e.type === 'app' && e.error === 'connection timed out');
    expect(fixture.error).toBe('Connection timed out');
    expect(Math.abs(gaveUp!.t - fixture.gave_up_ms)).toBeLessThanOrEqual(0.03 * gaveUp!.t);
  });
});
