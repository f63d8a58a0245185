import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceCommand, scenariosCommand } from '../../src/cli/trace.js';
import type { CliIO } from '../../src/cli/io.js';

function fakeIO(cwd = process.cwd(), stdin = '') {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: { isTTY: false },
    env: {},
    cwd,
    readStdin: async () => stdin,
  };
  return { io, out: () => out, err: () => err };
}

describe('synack trace / scenarios', () => {
  it('prints the handshake as text, one line per event', async () => {
    const f = fakeIO();
    expect(await traceCommand(['handshake'], f.io)).toBe(0);
    const lines = f.out().split('\n');
    expect(lines.some((l) => l.includes('#0 client -> server  SYN seq=100 len=0'))).toBe(true);
    expect(lines.some((l) => l.includes('#1 server -> client  SYN,ACK seq=300 ack=101'))).toBe(true);
    expect(lines.some((l) => l.includes('#2 client -> server  ACK seq=101 ack=301'))).toBe(true);
  });

  it('--json gives { scenario, hosts, events } with the issue shapes; options override', async () => {
    const f = fakeIO();
    expect(await traceCommand(['handshake', '--json', '--isn-client', '7', '--profile', 'linux'], f.io)).toBe(0);
    const j = JSON.parse(f.out());
    expect(j.scenario).toBe('handshake');
    expect(j.profile).toBe('linux');
    expect(j.hosts.client).toEqual({ ip: '192.168.10.1', port: 6784, isn: 7 });
    expect(j.events.find((e: { type: string }) => e.type === 'segment')).toMatchObject({ flags: ['SYN'], seq: 7, ack: null, fate: 'delivered' });
  });

  it('syn-flood-cookies --json shows the client reaching ESTABLISHED', async () => {
    const f = fakeIO();
    expect(await traceCommand(['syn-flood-cookies', '--json'], f.io)).toBe(0);
    const j = JSON.parse(f.out());
    expect(j.events.some((e: { type: string; host?: string; to?: string }) => e.type === 'state' && e.host === 'client' && e.to === 'ESTABLISHED')).toBe(true);
  });

  it('reads a file and stdin; a bad script exits 1 with file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-'));
    writeFileSync(join(dir, 'bad.tcp'), 'client connect\nclient jump 3\n');
    writeFileSync(join(dir, 'ok.tcp'), 'option listen off\nclient connect\n');
    const bad = fakeIO(dir);
    expect(await traceCommand(['bad.tcp'], bad.io)).toBe(1);
    expect(bad.err()).toBe("bad.tcp:2:8: unknown action 'jump' (use connect, listen, accept, send, receive, read, recv, close, shutdown, abort, reboot, old-syn, inject)\n");
    const ok = fakeIO(dir);
    expect(await traceCommand(['ok.tcp'], ok.io)).toBe(0);
    expect(ok.out()).toContain('RST,ACK seq=0');
    const si = fakeIO(dir, 'client connect\n');
    expect(await traceCommand(['-'], si.io)).toBe(0);
    expect(si.out()).toContain('SYN,ACK');
    const missing = fakeIO(dir);
    expect(await traceCommand(['nope.tcp'], missing.io)).toBe(1);
    expect(missing.err()).toContain('cannot read nope.tcp');
  });

  it('an unknown name lists the valid ones (exit 1); bad options are usage errors (exit 2)', async () => {
    const f = fakeIO();
    expect(await traceCommand(['handshak'], f.io)).toBe(1);
    expect(f.err()).toContain("unknown scenario 'handshak'");
    expect(f.err()).toContain('syn-flood-cookies');
    const p = fakeIO();
    expect(await traceCommand(['handshake', '--profile', 'bsd'], p.io)).toBe(2);
    expect(p.err()).toContain('rfc or linux');
    const n = fakeIO();
    expect(await traceCommand(['handshake', '--seed', 'x'], n.io)).toBe(2);
  });

  it('scenarios lists the built-ins with descriptions', async () => {
    const f = fakeIO();
    expect(await scenariosCommand([], f.io)).toBe(0);
    expect(f.out().split('\n').filter((l) => /^\s{2}\S/.test(l)).length).toBe(22);
    expect(f.out()).toMatch(/three-segment-close\s+With delayed ACK/);
  });
});
