/** Segment labels: signed relative numbers (issue 10 item 10) and application labels on segments. */
import { describe, it, expect } from 'vitest';
import { render } from '../../src/diagram/render.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { runSource } from '../../src/tcp/index.js';
import { builtin } from './helpers.js';

describe('relative sequence numbers', () => {
  it('a number below the ISN (an old duplicate SYN) prints as a signed offset, seq=-10', () => {
    const text = render(builtin('old-duplicate-syn'), { width: 120, seq: 'relative' }).join('\n');
    expect(text).toContain('seq=-10');
    expect(text).not.toContain('4294967286');
    // and its SYN,ACK acknowledges -9
    expect(text).toContain('ack=-9');
  });

  it('ordinary relative numbers are unchanged (0 for the SYN, 1 after it)', () => {
    const text = render(builtin('handshake'), { width: 120, seq: 'relative' }).join('\n');
    expect(text).toContain('SYN seq=0');
    expect(text).toContain('ACK seq=1 ack=1');
  });
});

describe('application labels', () => {
  it('client send 517 "ClientHello" puts ClientHello on its segment, in text and Mermaid', () => {
    const r = runSource('option isn client 100\noption isn server 300\nclient connect\nclient send 517 "ClientHello"\n');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const text = render(r.trace, { width: 120 }).join('\n');
    expect(text).toContain('len=517 ClientHello');
    expect(toMermaid(r.trace)).toContain('ClientHello');
  });
});

describe('a second client', () => {
  it('gets its own lane between client and server; its notes never overwrite a segment label', () => {
    const src = 'option profile linux\noption isn client 100\noption isn server 300\noption isn client2 500\noption backlog 0\nserver accept off\nclient connect\nclient2 connect\nwait 3s\nserver accept\n';
    const r = runSource(src);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const width of [80, 100, 140]) {
      const lines = render(r.trace, { width });
      expect(lines[0]).toMatch(/client .*client2 .*server/);
      // every retransmitted SYN of client2 keeps its whole label
      expect(lines.filter((l) => l.includes('SYN seq=500 (retx)')).length, `width ${width}`).toBe(
        r.trace.events.filter((e) => e.type === 'segment' && e.from === 'client2' && e.retransmission).length,
      );
    }
  });
});
