import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, getScenario, runSource, traceToJson, parseScript } from '../../src/tcp/index.js';
import { ensureBuilt, runCli } from '../reliability/helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const dir = join(__dirname, '..', '..', 'scenarios');

describe('built-in scenarios', () => {
  it('are the 14 the first issue names, accept-overflow (issue 10), zero-window and the congestion control ones (issue 11)', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual([
      'handshake', 'transfer', 'four-way-close', 'three-segment-close', 'simultaneous-open', 'simultaneous-close',
      'syn-retransmit', 'data-retransmit', 'lost-final-ack', 'refused', 'old-duplicate-syn', 'half-open', 'syn-flood', 'syn-flood-cookies',
      'accept-overflow', 'zero-window',
      'slow-start', 'congestion-avoidance', 'fast-retransmit', 'rto-loss', 'delayed-ack', 'nagle-delayed-ack',
    ]);
  });

  it('each equals scenarios/NAME.tcp', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.tcp')).sort();
    expect(files).toEqual(SCENARIOS.map((s) => `${s.name}.tcp`).sort());
    for (const s of SCENARIOS) expect(readFileSync(join(dir, `${s.name}.tcp`), 'utf8')).toBe(`#: ${s.description}\n${s.source}`);
  });

  it('are bundled into dist/cli.js: the built program finds them all, run far from the source tree', async () => {
    await ensureBuilt();
    const cwd = mkdtempSync(join(tmpdir(), 'synack-scen-'));
    const list = await runCli(['scenarios'], { cwd });
    expect(list.code).toBe(0);
    for (const s of SCENARIOS) expect(list.stdout).toContain(s.name);
    const t = await runCli(['trace', 'syn-flood-cookies', '--json'], { cwd });
    expect(t.code).toBe(0);
    const r = runSource(getScenario('syn-flood-cookies')!.source, { name: 'syn-flood-cookies' });
    if (!r.ok) throw new Error('parse');
    expect(JSON.parse(t.stdout)).toEqual(JSON.parse(JSON.stringify(traceToJson(r.trace))));
  }, 60_000);

  it('each parses, runs, has a description and uses ISNs 100 / 300', () => {
    for (const s of SCENARIOS) {
      expect(s.description.length).toBeGreaterThan(10);
      expect(parseScript(s.source).ok).toBe(true);
      const r = runSource(s.source, { name: s.name });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.trace.events.length).toBeGreaterThan(0);
      expect(r.trace.snapshots.length).toBe(r.trace.events.length);
      expect(s.source).toContain('option isn client 100');
      expect(s.source).toContain('option isn server 300');
    }
    expect(getScenario('nope')).toBeUndefined();
  });

  it('same input gives byte-identical JSON (determinism)', () => {
    for (const s of SCENARIOS) {
      const a = runSource(s.source, { name: s.name, seed: 7 });
      const b = runSource(s.source, { name: s.name, seed: 7 });
      if (!a.ok || !b.ok) throw new Error('parse');
      expect(JSON.stringify(traceToJson(a.trace))).toBe(JSON.stringify(traceToJson(b.trace)));
      expect(JSON.stringify(a.trace.snapshots)).toBe(JSON.stringify(b.trace.snapshots));
    }
  });

  it('JSON events have the issue shapes', () => {
    const r = runSource(getScenario('handshake')!.source, { name: 'handshake' });
    if (!r.ok) throw new Error('parse');
    const j = traceToJson(r.trace);
    expect(j.scenario).toBe('handshake');
    expect(j.hosts.client).toEqual({ ip: '192.168.10.1', port: 6784, isn: 100 });
    const seg = j.events.find((e) => e.type === 'segment');
    expect(Object.keys(seg!).sort()).toEqual(['ack', 'arrives', 'explain', 'fate', 'flags', 'from', 'id', 'len', 'seq', 't', 'to', 'type', 'window'].sort());
    expect(seg).toMatchObject({ t: 0, from: 'client', to: 'server', flags: ['SYN'], seq: 100, ack: null, len: 0, window: 65535, fate: 'delivered', arrives: 50 });
    const st = j.events.find((e) => e.type === 'state');
    expect(Object.keys(st!).sort()).toEqual(['cause', 'explain', 'from', 'host', 't', 'to', 'type'].sort());
  });

  it('RunOptions override the script: isn, profile, dropSegmentIds', () => {
    const src = getScenario('handshake')!.source;
    const r = runSource(src, { isnClient: 5000, isnServer: 9000, profile: 'linux', dropSegmentIds: [1] });
    if (!r.ok) throw new Error('parse');
    const segs = r.trace.events.filter((e) => e.type === 'segment');
    expect(r.trace.profile).toBe('linux');
    expect(segs[0]).toMatchObject({ seq: 5000 });
    expect(segs[1]).toMatchObject({ seq: 9000, ack: 5001, fate: 'dropped' });
    // the player's "drop this segment and re-run": the SYN,ACK comes again
    expect(segs.some((s) => s.type === 'segment' && s.id > 1 && s.flags.join() === 'SYN,ACK')).toBe(true);
  });

  it('without fixed ISNs the seed picks them, deterministically', () => {
    const a = runSource('client connect\n', { seed: 1 });
    const b = runSource('client connect\n', { seed: 2 });
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(a.trace.hosts.client.isn).not.toBe(b.trace.hosts.client.isn);
    expect(a.trace.hosts.client.isn).toBe((runSource('client connect\n', { seed: 1 }) as { ok: true; trace: typeof a.trace }).trace.hosts.client.isn);
  });
});
