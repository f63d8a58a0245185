import { describe, it, expect, beforeAll } from 'vitest';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { FIXTURES } from './fixtures.js';
import { SCENARIOS, foldTrace, runSource } from '../../src/tcp/index.js';

type MermaidApi = { parse(text: string): Promise<unknown>; initialize(c: object): void };
let mermaid: MermaidApi;

beforeAll(async () => {
  // mermaid's parser runs in Node as it is: no DOM needed to parse (rendering would need one).
  mermaid = (await import('mermaid')).default as unknown as MermaidApi;
  mermaid.initialize({ startOnLoad: false });
}, 30000);

describe('toMermaid', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`${name} parses with mermaid`, async () => {
      const text = toMermaid(make());
      expect(text.startsWith('sequenceDiagram\n')).toBe(true);
      await expect(mermaid.parse(text)).resolves.toBeTruthy();
    });
  }
  for (const sc of SCENARIOS) {
    it(`built-in ${sc.name} parses with mermaid (absolute and relative)`, async () => {
      const r = runSource(sc.source, { name: sc.name });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      for (const seq of ['absolute', 'relative'] as const) {
        const text = toMermaid(r.trace, { seq });
        await expect(mermaid.parse(text)).resolves.toBeTruthy();
        // One message per segment between the lifelines, lost ones drawn with -x.
        // segments with the fate they met on arrival (the folded trace)
        const segs = foldTrace(r.trace).events.filter((e) => e.type === 'segment' && r.trace.hosts[e.from]?.role !== 'spoofed' && r.trace.hosts[e.to]?.role !== 'spoofed');
        const msgs = text.split('\n').filter((l) => /^  H\d+-(>>|x)H\d+: /.test(l));
        expect(msgs.length).toBe(segs.length);
        const lost = segs.filter((e) => e.type === 'segment' && e.fate === 'dropped').length;
        expect(msgs.filter((l) => /-xH/.test(l)).length).toBe(lost);
      }
    });
  }
  it('handshake: participants, labels and state notes', () => {
    const r = runSource(SCENARIOS.find((s) => s.name === 'handshake')!.source);
    if (!r.ok) throw new Error('bad');
    const text = toMermaid(r.trace);
    expect(text).toContain('participant H0 as client 192.168.10.1:6784');
    expect(text).toContain('H0->>H1: SYN seq=100');
    expect(text).toContain('H1->>H0: SYN,ACK seq=300 ack=101');
    expect(text).toContain('H0->>H1: ACK seq=101 ack=301');
    expect(text).toContain('Note over H0: ESTABLISHED');
  });
  it('rejects garbage (the parser is real)', async () => {
    await expect(mermaid.parse('sequenceDiagram\n  A-=>>B: x\n  participant')).rejects.toThrow();
  });
});
