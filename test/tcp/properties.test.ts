/**
 * Property tests over thousands of random scripts with random loss: the model never throws, only
 * takes RFC 9293 state-diagram edges, never moves sequence numbers backwards except when it
 * retransmits, and a connection whose both sides close ends with both in CLOSED.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runSource, seqDiff, type TcpState, type Trace, type SegmentEvent } from '../../src/tcp/index.js';

/** RFC 9293 Figure 5 plus the transitions §3.10 describes in text (RST, abort, timeouts). */
const ALLOWED: Record<TcpState, TcpState[]> = {
  CLOSED: ['LISTEN', 'SYN-SENT'],
  LISTEN: ['SYN-RECEIVED', 'SYN-SENT', 'CLOSED'],
  'SYN-SENT': ['SYN-RECEIVED', 'ESTABLISHED', 'CLOSED'],
  // -> LISTEN: RST (or expiry) of a half-open connection that came from LISTEN
  'SYN-RECEIVED': ['ESTABLISHED', 'FIN-WAIT-1', 'LISTEN', 'CLOSED', 'CLOSE-WAIT'],
  ESTABLISHED: ['FIN-WAIT-1', 'CLOSE-WAIT', 'CLOSED'],
  'FIN-WAIT-1': ['FIN-WAIT-2', 'CLOSING', 'TIME-WAIT', 'CLOSED'],
  'FIN-WAIT-2': ['TIME-WAIT', 'CLOSED'],
  'CLOSE-WAIT': ['LAST-ACK', 'CLOSED'],
  CLOSING: ['TIME-WAIT', 'CLOSED'],
  'LAST-ACK': ['CLOSED'],
  'TIME-WAIT': ['CLOSED'],
};

const host = fc.constantFrom('client', 'server');
const action = fc.oneof(
  fc.constant('client connect'),
  fc.constant('server connect'),
  fc.tuple(host, fc.integer({ min: 1, max: 4000 })).map(([h, n]) => `${h} send ${n}`),
  host.map((h) => `${h} close`),
  host.map((h) => `${h} receive`),
  fc.tuple(host, fc.integer({ min: 0, max: 20 })).map(([h, k]) => (k === 0 ? `${h} abort` : `${h} close`)),
  host.map((h) => `drop next ${h}`),
  fc.integer({ min: 0, max: 30 }).map((k) => `drop segment ${k}`),
  fc.integer({ min: 1, max: 3000 }).map((ms) => `wait ${ms}ms`),
  fc.constant('server reboot'),
  fc.integer({ min: 1, max: 30 }).map((n) => `flood ${n}`),
);
const line = fc.oneof(
  { weight: 6, arbitrary: action },
  { weight: 1, arbitrary: fc.tuple(action, action).map(([a, b]) => `${a}; ${b}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 5000 }), action).map(([t, a]) => `at ${t}ms ${a}`) },
);
const options = fc.record({
  profile: fc.constantFrom('rfc', 'linux'),
  delayedAck: fc.boolean(),
  loss: fc.constantFrom(0, 0, 0.05, 0.2, 0.5),
  start: fc.constantFrom('closed', 'established'),
  listen: fc.boolean(),
  cookies: fc.boolean(),
  backlog: fc.integer({ min: 1, max: 4 }),
  isn: fc.option(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }))),
  delay: fc.integer({ min: 1, max: 200 }),
});
type Opts = typeof options extends fc.Arbitrary<infer T> ? T : never;

function header(o: Opts): string {
  return [
    `option profile ${o.profile}`,
    `option delayed-ack ${o.delayedAck ? 'on' : 'off'}`,
    `option loss ${o.loss}`,
    `option start ${o.start}`,
    `option listen ${o.listen ? 'on' : 'off'}`,
    `option syncookies ${o.cookies ? 'on' : 'off'}`,
    `option backlog ${o.backlog}`,
    `option delay ${o.delay}ms`,
    ...(o.isn ? [`option isn client ${o.isn[0]}`, `option isn server ${o.isn[1]}`] : []),
  ].join('\n');
}

function runOk(src: string, seed: number): Trace {
  const r = runSource(src, { seed });
  if (!r.ok) throw new Error(`script did not parse: ${JSON.stringify(r.errors)}\n${src}`);
  return r.trace;
}

function checkEdges(t: Trace): void {
  for (const e of t.events) {
    if (e.type !== 'state') continue;
    if (!ALLOWED[e.from].includes(e.to)) throw new Error(`illegal edge ${e.host} ${e.from} -> ${e.to} (${e.cause}) at ${e.t}`);
  }
}

/** Per sender and connection: a new (non-retransmitted) segment never has a lower seq. */
function checkSeq(t: Trace): void {
  const last: Record<string, number | undefined> = {};
  for (const e of t.events) {
    if (e.type !== 'segment') continue;
    const s = e as SegmentEvent;
    if (s.flags.includes('RST') || s.retransmission) continue;
    if (s.flags.includes('SYN')) {
      last[s.from] = s.seq; // a new connection (new ISN)
      continue;
    }
    const prev = last[s.from];
    if (prev !== undefined && seqDiff(s.seq, prev) < 0) throw new Error(`${s.from} seq went back ${prev} -> ${s.seq} (segment ${s.id})`);
    last[s.from] = s.seq;
  }
}

describe('properties of random scripts', () => {
  it('never throw, take only RFC 9293 edges, never move seq backwards except to retransmit', () => {
    fc.assert(
      fc.property(options, fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (o, lines, seed) => {
        const src = `${header(o)}\n${lines.join('\n')}\n`;
        const t = runOk(src, seed);
        expect(t.snapshots.length).toBe(t.events.length);
        for (let i = 1; i < t.events.length; i++) if (t.events[i].t < t.events[i - 1].t) throw new Error('events out of time order');
        checkEdges(t);
        checkSeq(t);
      }),
      { numRuns: 2500 },
    );
  });

  it('both sides close and wait 2MSL: both end CLOSED', () => {
    const data = fc.array(fc.tuple(host, fc.integer({ min: 1, max: 5000 })).map(([h, n]) => `${h} send ${n}`), { maxLength: 4 });
    const drops = fc.array(fc.tuple(host, fc.integer({ min: 0, max: 4 })).map(([h, k]) => (k === 0 ? `drop next ${h}` : `wait ${k * 10}ms`)), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.constantFrom('rfc', 'linux'),
        fc.boolean(),
        fc.boolean(),
        data,
        drops,
        fc.constantFrom('client close\nserver close', 'server close\nclient close', 'client close; server close'),
        fc.integer({ min: 0, max: 1000 }),
        (profile, delayedAck, established, sends, ds, closes, seed) => {
          const src = [
            `option profile ${profile}`,
            `option delayed-ack ${delayedAck ? 'on' : 'off'}`,
            ...(established ? ['option start established'] : ['client connect']),
            ...sends,
            ...ds,
            closes,
            'wait 5min',
          ].join('\n');
          const t = runOk(src, seed);
          const end = t.snapshots[t.snapshots.length - 1];
          expect([end.client.state, end.server.state, src]).toEqual(['CLOSED', 'CLOSED', src]);
          checkEdges(t);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
