/**
 * Saved progress that cannot be used: corrupt, truncated, empty, wrong-schema and future-version
 * progress.json files are each kept aside byte for byte (progress.json.corrupt-<time>), reported
 * once, and never overwritten; a data directory that cannot be created (SYNACK_HOME under a regular
 * file: works as root too, which ignores permission bits) gives a clear message and every command
 * still runs. Killing `synack progress --import` at random moments never leaves an unparsable file.
 * Driven through the built CLI (SYNACK_HOME in a temp dir) and the app's notice line.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import fc from 'fast-check';
import { loadProgress, parseProgress, serializeProgress } from '../../src/store/progress.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { App } from '../../src/ui/app.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { CLI, ensureBuilt, runCli, tempDir, STACK_FRAME } from './helpers.js';

let tmp: { dir: string; cleanup(): void };
let n = 0;
const freshHome = () => {
  const d = join(tmp.dir, `home-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** A real, non-trivial progress (one lesson read, one answer) serialised as synack writes it. */
function sample(): Progress {
  const p = emptyProgress();
  const at = '2026-01-15T12:00:00.000Z';
  p.lessons['three-way-handshake'] = { position: 12, furthest: 0.5, done: false, answers: { q1: { correct: true, at } }, lastOpened: at };
  p.last = { lessonId: 'three-way-handshake', position: 12 };
  p.history.push({ questionId: 'q1', at, correct: true, rating: 3, ms: 4000, topics: ['handshake'], mode: 'lesson' });
  return p;
}
const GOOD = serializeProgress(sample());

/** The five kinds of the issue, each through the CLI. */
const BAD: Record<string, string> = {
  corrupt: '{"version":1,"lessons":{"x": nonsense}}',
  truncated: GOOD.slice(0, Math.floor(GOOD.length / 2)),
  empty: '',
  'wrong-schema': JSON.stringify({ version: 1, lessons: [], cards: 'none' }),
  'future-version': JSON.stringify({ ...JSON.parse(GOOD), version: 2, newField: {} }),
};
/** More of the same, through loadProgress in-process (fast). */
const MORE_BAD: Record<string, string> = {
  whitespace: '  \n\t\n',
  binary: '\u0000\u0001\u00ff\ufffd',
  'wrong-type': '[1,2,3]',
  'json-null': 'null',
  'bad-date': JSON.stringify({ ...JSON.parse(GOOD), last: { lessonId: 'x', position: -1 } }),
  'string-version': JSON.stringify({ ...JSON.parse(GOOD), version: '1' }),
  'huge-version': JSON.stringify({ ...JSON.parse(GOOD), version: 1e308 }),
  truncated1: GOOD.slice(0, GOOD.length - 3),
};

function asides(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
}

beforeAll(async () => {
  tmp = tempDir();
  await ensureBuilt();
}, 60_000);
afterAll(() => tmp.cleanup());

describe('unusable progress.json in-process', () => {
  it.each(Object.keys(MORE_BAD))('%s: kept aside byte for byte and reported', (kind) => {
    const home = freshHome();
    const file = join(home, 'progress.json');
    writeFileSync(file, MORE_BAD[kind]!);
    const r = loadProgress(home, Date.UTC(2026, 0, 15));
    expect(r.progress).toEqual(emptyProgress());
    expect(r.writable).toBe(true);
    expect(r.keptAside).not.toBeNull();
    expect(readFileSync(r.keptAside!, 'utf8')).toBe(MORE_BAD[kind]);
    expect(r.warning).toContain(r.keptAside!);
    expect(existsSync(file)).toBe(false);
    const again = loadProgress(home, Date.UTC(2026, 0, 16));
    expect(again.warning).toBeNull();
    expect(again.keptAside).toBeNull();
  });
});

describe.concurrent('unusable progress.json through the CLI', () => {
  it.each(Object.keys(BAD))('%s: kept aside byte for byte, reported once, never overwritten', async (kind) => {
    const home = freshHome();
    const file = join(home, 'progress.json');
    writeFileSync(file, BAD[kind]!);

    const r = await runCli(['progress'], { env: { SYNACK_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const kept = asides(home);
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(home, kept[0]!), 'utf8')).toBe(BAD[kind]);
    // Reported, naming both files.
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(kept[0]!);
    if (kind === 'future-version') expect(r.stderr).toMatch(/newer/);

    // Reported once: the next run has nothing to say and keeps nothing else aside.
    const again = await runCli(['progress'], { env: { SYNACK_HOME: home } });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(asides(home)).toEqual(kept);

    // A save afterwards writes a fresh file and leaves the kept one alone.
    const imp = join(tmp.dir, `import-${kind}.json`);
    writeFileSync(imp, GOOD);
    const saved = await runCli(['progress', '--import', imp], { env: { SYNACK_HOME: home } });
    expect(saved.code).toBe(0);
    expect(parseProgress(readFileSync(file, 'utf8')).ok).toBe(true);
    expect(readFileSync(join(home, kept[0]!), 'utf8')).toBe(BAD[kind]);
  });

  it.each([['stats']])(
    'synack %s also keeps a corrupt file aside and runs on',
    async (...args) => {
      const home = freshHome();
      writeFileSync(join(home, 'progress.json'), BAD.truncated!);
      const r = await runCli(args, { env: { SYNACK_HOME: home } });
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr).toMatch(/kept/);
      expect([0, 1]).toContain(r.code);
      expect(asides(home)).toHaveLength(1);
      expect(readFileSync(join(home, asides(home)[0]!), 'utf8')).toBe(BAD.truncated);
    },
  );

  it('a valid progress file is read, not touched', async () => {
    const home = freshHome();
    writeFileSync(join(home, 'progress.json'), GOOD);
    const r = await runCli(['progress'], { env: { SYNACK_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('three-way-handshake');
    expect(readFileSync(join(home, 'progress.json'), 'utf8')).toBe(GOOD);
    expect(asides(home)).toEqual([]);
  });

  it('a progress.json that is a directory is reported and left alone', async () => {
    const home = freshHome();
    mkdirSync(join(home, 'progress.json'));
    const r = await runCli(['progress'], { env: { SYNACK_HOME: home } });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toContain('progress.json');
    expect([0, 1]).toContain(r.code);
    const imp = join(tmp.dir, 'import-dir.json');
    writeFileSync(imp, GOOD);
    const s = await runCli(['progress', '--import', imp], { env: { SYNACK_HOME: home } });
    expect(s.stderr).not.toMatch(STACK_FRAME);
    expect(s.code).toBe(1);
  });
});

describe.concurrent('a data directory that cannot be written', () => {
  let home: string;
  beforeAll(() => {
    const blocker = join(tmp.dir, 'a-regular-file');
    writeFileSync(blocker, 'not a directory');
    home = join(blocker, 'synack');
  });

  it.each([['progress'], ['stats'], ['progress', '--export', '-']])(
    'synack %s says progress will not be saved, and runs',
    async (...args) => {
      const r = await runCli(args, { env: { SYNACK_HOME: home } });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr).toContain(home);
      expect(r.stdout.length).toBeGreaterThan(0);
    },
  );

  it('synack progress --import fails with a message, no stack trace', async () => {
    const imp = join(tmp.dir, 'import-ro.json');
    writeFileSync(imp, GOOD);
    const r = await runCli(['progress', '--import', imp], { env: { SYNACK_HOME: home } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toContain(home);
  });

  it('loadProgress reports it as not writable, so the app runs without saving', () => {
    const r = loadProgress(home);
    expect(r.writable).toBe(false);
    expect(r.warning).toContain(home);
    expect(r.progress).toEqual(emptyProgress());
  });
});

describe('the app shows the notice once and runs', () => {
  it('a kept-aside file is reported on the first screen', async () => {
    const home = freshHome();
    writeFileSync(join(home, 'progress.json'), BAD.corrupt!);
    const loaded = loadProgress(home);
    expect(loaded.keptAside).not.toBeNull();
    const r = await renderInk(
      createElement(App, { initial: { screen: 'home' }, lessons: [], progress: loaded.progress, clock: new FakeClock(), notice: loaded.warning }),
      { columns: 80, rows: 24 },
    );
    const frame = r.frame().replace(/\s+/g, ' ');
    expect(frame).toContain('kept');
    await r.press('down');
    expect(r.frame()).not.toMatch(/Something went wrong/);
    await r.unmount();
  });
});

describe('killed during saves', () => {
  it('progress.json always parses after `synack progress --import` is killed at random moments', async () => {
    const home = freshHome();
    const big = sample();
    for (let i = 0; i < 3000; i++)
      big.history.push({ questionId: `q${i}`, at: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(), correct: i % 3 > 0, rating: 3, ms: 1000, topics: ['handshake'], mode: 'drill' });
    const imp = join(tmp.dir, 'import-big.json');
    writeFileSync(imp, serializeProgress(big));
    const delays = fc.sample(fc.integer({ min: 20, max: 250 }), { numRuns: 8, seed: 7 });
    for (const ms of delays) {
      await new Promise<void>((resolve) => {
        const p = spawn(process.execPath, [CLI, 'progress', '--import', imp], { env: { ...process.env, SYNACK_HOME: home, CI: 'true' }, stdio: 'ignore' });
        const t = setTimeout(() => p.kill('SIGKILL'), ms);
        p.on('close', () => {
          clearTimeout(t);
          resolve();
        });
      });
      const file = join(home, 'progress.json');
      if (existsSync(file)) expect(parseProgress(readFileSync(file, 'utf8')).ok, `killed after ${ms} ms`).toBe(true);
      expect(asides(home)).toEqual([]);
    }
  }, 30_000);
});
