import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { diagramCommand } from '../../src/cli/diagram.js';
import type { CliIO } from '../../src/cli/io.js';
import { SCENARIOS } from '../../src/tcp/index.js';

function fakeIO(o: { tty?: boolean; colours?: boolean; columns?: number; env?: Record<string, string>; stdin?: string; cwd?: string } = {}) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: {
      write: (s: string) => (out += s),
      isTTY: o.tty ?? false,
      columns: o.columns,
      hasColors: () => o.colours ?? false,
    },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    stdin: { isTTY: o.tty ?? false },
    env: o.env ?? {},
    cwd: o.cwd ?? process.cwd(),
    readStdin: async () => o.stdin ?? '',
  };
  return { io, out: () => out, err: () => err };
}

describe('synack diagram', () => {
  it('piped: prints the whole diagram at 80 columns and exits 0', async () => {
    const f = fakeIO();
    expect(await diagramCommand(['handshake'], f.io)).toBe(0);
    const lines = f.out().trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(f.out()).toContain('SYN,ACK seq=300 ack=101');
    expect(f.out()).not.toContain('\x1b[');
    expect(f.err()).toBe('');
  });

  it('--plain on a colour terminal prints coloured text at the terminal width; NO_COLOR turns colour off', async () => {
    const f = fakeIO({ tty: true, colours: true, columns: 100 });
    expect(await diagramCommand(['syn-retransmit', '--plain'], f.io)).toBe(0);
    expect(f.out()).toContain('\x1b[');
    const plain = f.out().replace(/\x1b\[[0-9;]*m/g, '');
    expect(Math.max(...plain.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(100);
    expect(plain).toContain('✕');
    const g = fakeIO({ tty: true, colours: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(await diagramCommand(['syn-retransmit', '--plain'], g.io)).toBe(0);
    expect(g.out()).not.toContain('\x1b[');
    expect(g.out()).toBe(plain);
  });

  it('--width, --ascii, --relative, --compact', async () => {
    const f = fakeIO();
    expect(await diagramCommand(['simultaneous-close', '--width', '50', '--ascii', '--relative'], f.io)).toBe(0);
    expect(f.out()).toMatch(/^[\x20-\x7e\n]*$/);
    expect(Math.max(...f.out().split('\n').map((l) => l.length))).toBeLessThanOrEqual(50);
    const g = fakeIO();
    expect(await diagramCommand(['handshake', '--compact', '--relative', '--width', '120'], g.io)).toBe(0);
    expect(g.out()).toContain('SYN seq=0');
  });

  it('--format mermaid and --format json', async () => {
    const f = fakeIO();
    expect(await diagramCommand(['handshake', '--format', 'mermaid'], f.io)).toBe(0);
    expect(f.out().startsWith('sequenceDiagram\n')).toBe(true);
    expect(f.out()).toContain('->>');
    const g = fakeIO();
    expect(await diagramCommand(['handshake', '--format', 'json', '--isn-client', '5000'], g.io)).toBe(0);
    const j = JSON.parse(g.out());
    expect(j.scenario).toBe('handshake');
    expect(Array.isArray(j.events)).toBe(true);
    const h = fakeIO();
    expect(await diagramCommand(['handshake', '--format', 'svg'], h.io)).toBe(2);
    expect(h.err()).toContain('--format');
  });

  it('reads a file and stdin; a bad script is file:line:col: message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-diagram-'));
    writeFileSync(join(dir, 'ok.tcp'), 'client connect\nclient close\n');
    writeFileSync(join(dir, 'bad.tcp'), 'client connect\nclient fly away\n');
    const ok = fakeIO({ cwd: dir });
    expect(await diagramCommand(['ok.tcp'], ok.io)).toBe(0);
    expect(ok.out()).toContain('FIN');
    const bad = fakeIO({ cwd: dir });
    expect(await diagramCommand(['bad.tcp'], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/^bad\.tcp:2:\d+: \S.*\n$/);
    expect(bad.err()).not.toMatch(/\n\s+at /);
    const stdin = fakeIO({ stdin: 'client connect\n' });
    expect(await diagramCommand(['-'], stdin.io)).toBe(0);
    expect(stdin.out()).toContain('SYN');
    const missing = fakeIO({ cwd: dir });
    expect(await diagramCommand(['nope.tcp'], missing.io)).toBe(1);
    expect(missing.err()).toContain('nope.tcp');
  });

  it('an unknown scenario lists the valid names; bad options are one line', async () => {
    const f = fakeIO();
    expect(await diagramCommand(['handshak'], f.io)).toBe(1);
    for (const s of SCENARIOS) expect(f.err()).toContain(s.name);
    const g = fakeIO();
    expect(await diagramCommand(['handshake', '--width', 'wide'], g.io)).toBe(2);
    expect(g.err()).toContain('--width');
    const h = fakeIO();
    expect(await diagramCommand(['handshake', '--frobnicate'], h.io)).toBe(2);
    expect(h.err()).toContain('--frobnicate');
    const k = fakeIO();
    expect(await diagramCommand([], k.io)).toBe(2);
    const p = fakeIO();
    expect(await diagramCommand(['handshake', '--profile', 'bsd'], p.io)).toBe(2);
  });
});
