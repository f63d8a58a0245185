import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import {
  loadProgress,
  saveProgress,
  parseProgress,
  mergeProgress,
  progressDir,
  PROGRESS_FILE,
} from '../../src/store/progress.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'synack-progress-'));
});

function sample(): Progress {
  const p = emptyProgress();
  p.lessons['three-way-handshake'] = {
    position: 42,
    furthest: 0.5,
    done: false,
    answers: { 'three-way-handshake/ack': { correct: true, at: '2026-11-20T09:00:00.000Z' } },
    lastOpened: '2026-11-20T09:00:00.000Z',
  };
  p.last = { lessonId: 'three-way-handshake', position: 42 };
  p.cards['three-way-handshake/ack'] = {
    due: '2026-11-22T09:00:00.000Z',
    stability: 3.1,
    difficulty: 5.2,
    elapsed_days: 0,
    scheduled_days: 2,
    learning_steps: 0,
    reps: 2,
    lapses: 0,
    state: 2,
    last_review: '2026-11-20T09:00:00.000Z',
  };
  p.history.push({
    questionId: 'three-way-handshake/ack',
    at: '2026-11-20T09:00:00.000Z',
    correct: true,
    rating: 3,
    ms: 4200,
    topics: ['handshake'],
    mode: 'drill',
  });
  return p;
}

describe('progress store', () => {
  it('starts empty when there is no file, and round-trips a save', () => {
    const r = loadProgress(dir, NOW);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.warning).toBeNull();
    expect(r.writable).toBe(true);
    expect(saveProgress(dir, sample()).ok).toBe(true);
    const back = loadProgress(dir, NOW);
    expect(back.progress).toEqual(sample());
    expect(back.warning).toBeNull();
  });

  it.each([
    ['corrupt', '{"version": 1, "lessons": {', /not valid JSON/],
    ['truncated', JSON.stringify(sample()).slice(0, 80), /not valid JSON/],
    ['empty', '', /empty/],
    ['wrong schema', JSON.stringify({ version: 1, lessons: [] }), /does not match the progress format/],
    ['future version', JSON.stringify({ ...sample(), version: 7 }), /newer synack \(progress version 7\)/],
  ])('keeps a %s file aside, reports it once, and starts fresh', (_name, text, reason) => {
    writeFileSync(join(dir, PROGRESS_FILE), text);
    const r = loadProgress(dir, NOW);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.warning).toMatch(reason);
    expect(r.keptAside).toBe(join(dir, `${PROGRESS_FILE}.corrupt-2026-11-21T10-00-00-000Z`));
    // the original bytes are kept, byte for byte
    expect(readFileSync(r.keptAside!, 'utf8')).toBe(text);
    expect(existsSync(join(dir, PROGRESS_FILE))).toBe(false);
    // the next load is clean: the warning is reported once
    saveProgress(dir, r.progress);
    expect(loadProgress(dir, NOW).warning).toBeNull();
  });

  it('reports a read-only directory and does not throw', () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; simulate with a path under a file instead
      const file = join(dir, 'not-a-dir');
      writeFileSync(file, 'x');
      const r = loadProgress(join(file, 'sub'), NOW);
      expect(r.writable).toBe(false);
      expect(r.warning).toMatch(/not be saved/);
      expect(saveProgress(join(file, 'sub'), sample()).ok).toBe(false);
      return;
    }
    chmodSync(dir, 0o500);
    const r = loadProgress(dir, NOW);
    expect(r.writable).toBe(false);
    expect(r.warning).toMatch(/not writable/);
    chmodSync(dir, 0o700);
  });

  it('validates dates and ranges', () => {
    const bad = sample();
    (bad.cards['three-way-handshake/ack'] as { due: string }).due = 'tomorrow';
    const v = parseProgress(JSON.stringify(bad));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/cards\.three-way-handshake\/ack\.due/);
  });

  it('merges imported progress without losing history on either side', () => {
    const a = sample();
    const b = emptyProgress();
    b.history.push({
      questionId: 'ports/mysql',
      at: '2026-11-19T09:00:00.000Z',
      correct: false,
      rating: 1,
      ms: 9000,
      topics: ['ports'],
      mode: 'mock',
    });
    b.cards['ports/mysql'] = { ...a.cards['three-way-handshake/ack'], state: 3 };
    const m = mergeProgress(a, b);
    expect(m.history.map((h) => h.questionId)).toEqual(['ports/mysql', 'three-way-handshake/ack']);
    expect(Object.keys(m.cards).sort()).toEqual(['ports/mysql', 'three-way-handshake/ack']);
    expect(mergeProgress(m, m)).toEqual(m);
  });

  it('honours SYNACK_HOME', () => {
    expect(progressDir({ SYNACK_HOME: '/x/y' })).toBe('/x/y');
  });

  it('never leaves an unparsable file when the process is killed during saves', async () => {
    // A child process saves in a tight loop; we kill it at varied moments and check the file.
    const script = `
      import { saveProgress } from ${JSON.stringify(join(process.cwd(), 'src/store/progress.ts'))};
      const dir = process.argv[2];
      const base = ${JSON.stringify(sample())};
      let i = 0;
      for (;;) {
        base.history.push({ ...base.history[0], at: new Date(1e12 + i++ * 1000).toISOString() });
        if (base.history.length > 400) base.history.splice(1, 1);
        const r = saveProgress(dir, base);
        if (!r.ok) { process.stderr.write(r.error); process.exit(3); }
        if (i === 1) process.stdout.write('ready\\n');
      }
    `;
    const file = join(dir, 'saver.mts');
    writeFileSync(file, script);
    // run through vitest's own transform is not available to a child: bundle it with esbuild
    const { build } = await import('esbuild');
    const out = join(dir, 'saver.mjs');
    await build({ entryPoints: [file], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; import { fileURLToPath } from 'node:url'; const require = createRequire(import.meta.url); const __filename = fileURLToPath(import.meta.url);" } });
    const data = join(dir, 'data');
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, [out, data], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((r) => child.stdout!.once('data', () => r()));
      await new Promise((r) => setTimeout(r, 5 + round * 13));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (!existsSync(join(data, PROGRESS_FILE))) continue;
      const v = parseProgress(readFileSync(join(data, PROGRESS_FILE), 'utf8'));
      expect(v.ok).toBe(true);
    }
    expect(existsSync(join(data, PROGRESS_FILE))).toBe(true);
    // no corrupt-* files were produced
    expect(readdirSync(data).filter((f) => f.includes('corrupt'))).toEqual([]);
  }, 60000);
});
