/**
 * Tools for lesson authors: `synack learn ID --plain` (the reader's layout as text), `check --watch`;
 * and the trace's time column past 1,000,000 ms.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { learnCommand } from '../../src/cli/app.js';
import { checkWatch } from '../../src/cli/check.js';
import { formatEvent, timeColumn, traceCommand } from '../../src/cli/trace.js';
import type { TraceEvent } from '../../src/tcp/index.js';
import { fakeIO } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GOOD = join(ROOT, 'test', 'fixtures', 'lessons-good');

describe('synack learn ID --plain', () => {
  it('prints every block as the reader lays it out, within the width, the same twice', async () => {
    const a = fakeIO({ env: {} });
    expect(await learnCommand(['three-way-handshake', '--plain', '--width', '60', '--lessons', join(ROOT, 'lessons')], a.io)).toBe(0);
    const b = fakeIO({ env: {} });
    await learnCommand(['three-way-handshake', '--plain', '--width', '60', '--lessons', join(ROOT, 'lessons')], b.io);
    expect(a.out()).toBe(b.out());
    const lines = a.out().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(40);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    const text = a.out();
    // A quiz box with its choices, a diagram box at its last frame (the handshake ends ESTABLISHED).
    expect(text).toMatch(/Quiz/);
    expect(text).toMatch(/ESTABLISHED/);
    expect(a.err()).toBe('');
  });

  it('shows each layer figure fully built', async () => {
    const f = fakeIO({ env: {} });
    expect(await learnCommand(['layered-models', '--plain', '--width', '80', '--lessons', join(ROOT, 'lessons')], f.io)).toBe(0);
    const steps = [...f.out().matchAll(/step (\d+)\/(\d+)/g)];
    expect(steps.length).toBeGreaterThan(0);
    for (const m of steps) expect(m[1]).toBe(m[2]);
  });

  it('--ascii draws no box-drawing characters or arrows (lesson text itself may be Chinese)', async () => {
    const f = fakeIO({ env: {} });
    expect(await learnCommand(['three-way-handshake', '--plain', '--ascii', '--lessons', join(ROOT, 'lessons')], f.io)).toBe(0);
    expect(f.out()).not.toMatch(/[\u2500-\u257f\u2190-\u21ff\u25a0-\u25ff]/);
    const g = fakeIO({ env: {} });
    await learnCommand(['three-way-handshake', '--plain', '--lessons', join(ROOT, 'lessons')], g.io);
    expect(g.out()).toMatch(/[\u2500-\u257f]/);
  });

  it('an unknown lesson is one line naming it (exit 1); --plain needs an id; --width is bounded', async () => {
    const f = fakeIO({ env: {} });
    expect(await learnCommand(['no-such-lesson', '--plain', '--lessons', GOOD], f.io)).toBe(1);
    expect(f.err().trimEnd().split('\n')).toHaveLength(1);
    expect(f.err()).toContain('no-such-lesson');
    const g = fakeIO({ env: {} });
    expect(await learnCommand(['--plain'], g.io)).toBe(2);
    const h = fakeIO({ env: {} });
    expect(await learnCommand(['good-basics', '--plain', '--width', '39', '--lessons', GOOD], h.io)).toBe(2);
    expect(h.err()).toContain('from 40 to 300');
  });
});

describe('synack check --watch', () => {
  it('checks, then checks again after a file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-watch-'));
    try {
      cpSync(GOOD, dir, { recursive: true });
      const f = fakeIO({ cwd: dir, env: {} });
      const stop = new AbortController();
      const done = checkWatch(dir, f.io, stop.signal, 20);
      expect(f.out()).toMatch(/all good\n$/);
      const file = join(dir, '01-good-basics.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: .*$/m, 'id: Not_Kebab'));
      for (let i = 0; i < 200 && !/changed: checking again/.test(f.out()); i++) await new Promise((r) => setTimeout(r, 10));
      for (let i = 0; i < 100 && !/error/.test(f.out()); i++) await new Promise((r) => setTimeout(r, 10));
      stop.abort();
      expect(await done).toBe(1);
      expect(f.out()).toMatch(/changed: checking again/);
      expect(f.out()).toMatch(/01-good-basics\.md:\d+:\d+: /);
      expect(f.err()).toContain('Watching');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('synack trace time column', () => {
  it('stays apart from the host name past 1,000,000 ms', async () => {
    const f = fakeIO({ stdin: 'client connect\nwait 1000s\nclient send 5\nwait 9000s\nclient close\n' });
    expect(await traceCommand(['-'], f.io)).toBe(0);
    const events = f.out().split('\n').slice(1, -2);
    const late = events.filter((l) => /^\d{7,}/.test(l));
    expect(late.length).toBeGreaterThan(0);
    for (const l of events) expect(l).toMatch(/^\d+(\.\d+)? ms +\S/);
    // One column for all: every event text starts at the same offset.
    const starts = new Set(events.map((l) => /^\d+(\.\d+)? ms +/.exec(l)![0].length));
    expect(starts.size).toBe(1);
  });

  it('a time of 14 characters still gets a space before the host', () => {
    const e = { type: 'state', t: 1234567.891, host: 'client', from: 'ESTABLISHED', to: 'FIN-WAIT-1', cause: 'close', explain: 'x' } as unknown as TraceEvent;
    expect(formatEvent(e)).toMatch(/^1234567\.891 ms client: /);
    expect(formatEvent(e, timeColumn([e, { ...e, t: 5 }]))).toMatch(/^1234567\.891 ms client: /);
    expect(formatEvent({ ...e, t: 5 }, timeColumn([e]))).toBe(`5 ms${' '.repeat(11)}client: ESTABLISHED -> FIN-WAIT-1 (close)  | x`);
  });
});
