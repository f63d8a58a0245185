import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
// Widths are string-width's; columns() skips its cost on box drawing (test/diagram/width.ts).
import { columns } from './width.js';
import { render, renderWindow } from '../../src/diagram/render.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { runSource, TCP_STATES, type Flag, type HostInfo, type TcpState } from '../../src/tcp/index.js';
import { TraceBuilder } from './fixtures.js';

const fits = (lines: string[], width: number) => lines.every((l) => columns(l) <= width);

const HOST_NAMES = ['client', 'server', 'peer', '客户端', 'сервер', 'a'.repeat(30)];

/** Random well-typed traces: 2-3 lanes, spoofed hosts, every event type, odd times and fates. */
const traceArb = fc
  .record({
    names: fc.shuffledSubarray(HOST_NAMES, { minLength: 2, maxLength: 3 }),
    spoofed: fc.boolean(),
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom('seg', 'seg', 'seg', 'state', 'timer', 'flood', 'queue', 'app', 'spoof'),
        dt: fc.constantFrom(0, 0, 1, 12.5, 50, 1000, 60000),
        a: fc.nat(5),
        b: fc.nat(5),
        flags: fc.subarray(['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as Flag[]),
        seq: fc.nat({ max: 4294967295 }),
        len: fc.constantFrom(0, 0, 5, 1460),
        transit: fc.constantFrom(0, 1, 50, 50, 3000),
        dropped: fc.boolean(),
        retx: fc.boolean(),
        state: fc.constantFrom(...TCP_STATES),
        n: fc.nat(10000),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ names, spoofed, steps }) => {
    const hosts: Record<string, HostInfo> = {};
    names.forEach((n, i) => {
      hosts[n] = { ip: `10.0.0.${i + 1}`, port: 1000 + i, isn: i === 2 ? null : i * 1000, role: i === 0 ? 'client' : i === 1 ? 'server' : 'peer' };
    });
    if (spoofed) hosts['spoofed-1'] = { ip: '6.6.6.6', port: 666, isn: 1, role: 'spoofed' };
    const all = Object.keys(hosts);
    const b = new TraceBuilder('random', hosts);
    const cur: Record<string, TcpState> = {};
    let t = 0;
    for (const s of steps) {
      t += s.dt;
      const A = names[s.a % names.length];
      const B = names[s.b % names.length] === A ? names[(s.b + 1) % names.length] : names[s.b % names.length];
      switch (s.kind) {
        case 'seg':
          b.seg(t, A, B, s.flags, s.seq, s.flags.includes('ACK') ? (s.seq + 7) >>> 0 : null, { len: s.len, dropped: s.dropped, retx: s.retx, arrives: t + s.transit });
          break;
        case 'spoof':
          if (hosts['spoofed-1']) b.seg(t, s.dropped ? 'spoofed-1' : A, s.dropped ? A : 'spoofed-1', s.flags, s.seq, null);
          break;
        case 'state':
          b.state(t, A, cur[A] ?? 'CLOSED', s.state);
          cur[A] = s.state;
          break;
        case 'timer':
          b.timer(t, A, s.retx ? 'retransmit' : 'time-wait', s.dropped ? 'fired' : 'set', t + 1000);
          break;
        case 'flood':
          b.flood(t, all[s.a % all.length], s.n, s.n % 7, s.n % 3, s.n % 5);
          break;
        case 'queue':
          b.queue(t, A, s.n % 6, 5, s.n % 4, 3);
          break;
        case 'app':
          b.app(t, A, 'connect', s.dropped ? { error: 'connection refused' } : {});
          break;
      }
    }
    return b.build();
  });

const optsArb = fc.record({
  width: fc.integer({ min: 1, max: 300 }),
  charset: fc.constantFrom('unicode' as const, 'ascii' as const),
  seq: fc.constantFrom('absolute' as const, 'relative' as const),
  compact: fc.boolean(),
  showStates: fc.boolean(),
  showTime: fc.boolean(),
});

describe('properties', () => {
  it('random traces at random widths never exceed the width and never throw', () => {
    fc.assert(
      fc.property(traceArb, optsArb, fc.nat(60), fc.double({ min: 0, max: 1, noNaN: true }), (trace, o, k, f) => {
        const lines = render(trace, o);
        expect(fits(lines, o.width)).toBe(true);
        const upTo = Math.min(k, trace.events.length - 1);
        const seg = trace.events.findIndex((e) => e.type === 'segment');
        const stepped = render(trace, { ...o, upTo, highlight: upTo, transit: seg >= 0 ? { segment: seg, fraction: f } : undefined });
        expect(fits(stepped, o.width)).toBe(true);
        const w = renderWindow(trace, { ...o, fromRow: k, rows: 10 });
        expect(fits([...w.header, ...w.body, ...w.legend], o.width)).toBe(true);
        if (o.charset === 'ascii') expect(lines.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
        expect(toMermaid(trace).startsWith('sequenceDiagram\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('random scripts run through the model render within the width', () => {
    const line = fc.constantFrom(
      'client connect',
      'client send 5',
      'server send 7',
      'client close',
      'server close',
      'client abort',
      'drop next client',
      'drop next server',
      'wait 2s',
      'client close; server close',
      'flood 20',
      'server reboot',
      'option delayed-ack on',
      'option profile linux',
      'option syncookies on',
      'option loss 0.2',
    );
    let ran = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.integer({ min: 1, max: 260 }), fc.nat(1000), (lines, width, seed) => {
        // Options must come first in a script.
        const src = [...lines.filter((l) => l.startsWith('option')), 'client connect', ...lines.filter((l) => !l.startsWith('option'))].join('\n') + '\n';
        const r = runSource(src, { seed });
        if (!r.ok) return; // a random combination the parser rejects is not the renderer's business
        ran++;
        expect(fits(render(r.trace, { width }), width)).toBe(true);
        expect(fits(render(r.trace, { width, charset: 'ascii', compact: true }), width)).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(ran).toBeGreaterThan(30);
  });
});
