/**
 * Issue 16, items 1, 2 and 4: no lost answers.
 * - Two real processes on one progress file answer in turns; each saves the way the app does
 *   (its in-memory copy, merged with the disk under the lock, `base` = what it last saved). Every
 *   answer of both survives, and a question one process took off the mistakes shelf stays off.
 * - `synack progress --import` of a file with answers and reviews dated in the future keeps every
 *   local answer and card, keeps a backup of the file it changes, and prints what it merged.
 * - Temp files left by a save killed with SIGKILL are removed at the next start.
 * - A FIFO named progress.json is never opened (no hang).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseProgress, serializeProgress, loadProgress, saveProgress, LOCK_FILE } from '../../src/store/progress.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';
import { ROOT, ensureBuilt, runCli, tempDir, STACK_FRAME } from './helpers.js';

let tmp: { dir: string; cleanup(): void };
let driver: string;
let n = 0;
const freshHome = () => {
  const d = join(tmp.dir, `home-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

// A process that answers questions the way the app does: loads progress once, keeps its own copy,
// and after each answer saves that copy with the copy it last saved as the base (src/ui/run.tsx).
const DRIVER = `
import { createInterface } from 'node:readline';
import { loadProgress, saveProgress } from ${JSON.stringify(join(ROOT, 'src/store/progress.ts'))};
import { recordAnswer } from ${JSON.stringify(join(ROOT, 'src/quiz/srs.ts'))};
const dir = process.argv[2];
let progress = loadProgress(dir).progress;
let base = progress;
let clock = Date.parse('2026-11-20T10:00:00.000Z') + Number(process.argv[3]) * 1000;
const rl = createInterface({ input: process.stdin });
process.stdout.write('ready\\n');
rl.on('line', (line) => {
  const [id, ok] = line.split(' ');
  clock += 60_000;
  progress = recordAnswer(progress, { questionId: id, correct: ok === 'right', rating: ok === 'right' ? 3 : 1, ms: 1000, topics: ['handshake'], mode: 'drill' }, clock);
  const r = saveProgress(dir, progress, { base, now: clock + 1 });
  if (!r.ok) { process.stdout.write('error ' + r.error + '\\n'); return; }
  base = progress;
  process.stdout.write('saved\\n');
});
`;

beforeAll(async () => {
  tmp = tempDir();
  await ensureBuilt();
  const src = join(tmp.dir, 'driver.mts');
  writeFileSync(src, DRIVER);
  driver = join(tmp.dir, 'driver.mjs');
  await build({
    entryPoints: [src],
    outfile: driver,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}, 60_000);
afterAll(() => tmp.cleanup());

interface Learner {
  answer(line: string): Promise<string>;
  close(): Promise<void>;
}

async function learner(home: string, offset: number): Promise<Learner> {
  const p: ChildProcess = spawn(process.execPath, [driver, home, String(offset)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  const waiters: ((s: string) => void)[] = [];
  p.stdout!.setEncoding('utf8');
  p.stdout!.on('data', (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((r) => waiters.push(r));
  expect(await next()).toBe('ready');
  return {
    answer: (line) => {
      const r = next();
      p.stdin!.write(line + '\n');
      return r;
    },
    close: () =>
      new Promise((r) => {
        p.on('exit', () => r());
        p.stdin!.end();
      }),
  };
}

const onDisk = (home: string): Progress => {
  const v = parseProgress(readFileSync(join(home, 'progress.json'), 'utf8'));
  if (!v.ok) throw new Error(v.reason);
  return v.progress;
};

describe('two synack processes on one progress file', () => {
  it('answering in turns, neither loses the other one\'s answers', async () => {
    const home = freshHome();
    // Both start from the same file, as two terminals opened one after the other would.
    const a = await learner(home, 0);
    const b = await learner(home, 30);
    expect(await a.answer('hs/1 wrong')).toBe('saved');
    expect(await b.answer('hs/2 right')).toBe('saved');
    expect(await a.answer('hs/3 right')).toBe('saved');
    expect(await b.answer('hs/4 wrong')).toBe('saved');
    expect(await a.answer('hs/1 right')).toBe('saved');
    expect(await a.answer('hs/1 right')).toBe('saved'); // two right answers: off the mistakes shelf
    expect(await b.answer('hs/5 right')).toBe('saved');
    await Promise.all([a.close(), b.close()]);

    const p = onDisk(home);
    expect(p.history.map((h) => h.questionId).sort()).toEqual(['hs/1', 'hs/1', 'hs/1', 'hs/2', 'hs/3', 'hs/4', 'hs/5']);
    expect(Object.keys(p.cards).sort()).toEqual(['hs/1', 'hs/2', 'hs/3', 'hs/4', 'hs/5']);
    expect(p.cards['hs/1']!.reps).toBe(3);
    // hs/1 left the shelf in A; B never saw it and must not put it back. hs/4 (B's mistake) stays.
    expect(p.mistakes).toEqual({ 'hs/4': 0 });
    expect(existsSync(join(home, LOCK_FILE))).toBe(false);
    expect(readdirSync(home).filter((f) => f !== 'progress.json')).toEqual([]);
  }, 30_000);

  it('saving the same answers twice adds nothing', () => {
    const home = freshHome();
    let p = emptyProgress();
    p = recordAnswer(p, { questionId: 'q', correct: true, rating: 3, ms: 1, topics: [], mode: 'drill' }, Date.parse('2026-11-20T10:00:00Z'));
    expect(saveProgress(home, p).ok).toBe(true);
    expect(saveProgress(home, p).ok).toBe(true);
    expect(onDisk(home)).toEqual(p);
  });

  it('a lock left by a killed process is broken; a live one is waited for', () => {
    const home = freshHome();
    // a dead pid (well above pid_max's default would be too clever: use a child that has exited)
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(join(home, LOCK_FILE), `${dead} 2026-11-20T10:00:00.000Z`);
    const r = saveProgress(home, emptyProgress(), { lock: { waitMs: 300 } });
    expect(r.ok).toBe(true);
    // held by a live process (this one's parent) and fresh: the save waits, then gives up clearly
    writeFileSync(join(home, LOCK_FILE), `${process.ppid} ${new Date().toISOString()}`);
    const held = saveProgress(home, emptyProgress(), { lock: { waitMs: 100 } });
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.error).toMatch(/held by another synack process/);
  });

  it('an empty lock (a process killed between creating and writing it) is broken once it is old', () => {
    const home = freshHome();
    const lock = join(home, LOCK_FILE);
    // fresh and empty: its writer may still be about to write it, so it is waited for
    writeFileSync(lock, '');
    const fresh = saveProgress(home, emptyProgress(), { lock: { waitMs: 100 } });
    expect(fresh.ok).toBe(false);
    // the same empty lock two seconds old: nobody will ever write it, so it is broken
    const old = new Date(Date.now() - 2000);
    utimesSync(lock, old, old);
    const r = saveProgress(home, emptyProgress(), { lock: { waitMs: 300 } });
    expect(r.ok).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('progress --import merges', () => {
  it('answers dated in the future replace no local card and drop no local answer; a backup is kept', async () => {
    const home = freshHome();
    const now = Date.now();
    let local = emptyProgress();
    for (let i = 0; i < 104; i++)
      local = recordAnswer(local, { questionId: `q/${i % 20}`, correct: i % 3 !== 0, rating: i % 3 ? 3 : 1, ms: 1000, topics: ['ports'], mode: 'drill' }, now - (200 - i) * 3_600_000);
    writeFileSync(join(home, 'progress.json'), serializeProgress(local));
    const before = readFileSync(join(home, 'progress.json'), 'utf8');

    // The attack: 5,000 answers and 20 cards all dated a year ahead.
    const future = emptyProgress();
    const ahead = now + 365 * 86_400_000;
    for (let i = 0; i < 5000; i++)
      future.history.push({ questionId: `q/${i % 20}`, at: new Date(ahead + i * 1000).toISOString(), correct: true, rating: 4, ms: 1, topics: ['ports'], mode: 'drill' });
    for (let i = 0; i < 20; i++) future.cards[`q/${i}`] = { ...local.cards[`q/${i}`]!, reps: 99, last_review: new Date(ahead).toISOString(), due: new Date(ahead + 86_400_000).toISOString() };
    const file = join(tmp.dir, 'future.json');
    writeFileSync(file, serializeProgress(future));

    const r = await runCli(['progress', '--import', file], { env: { SYNACK_HOME: home } });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(0);
    const p = onDisk(home);
    // every local answer is still there, and every local card
    for (const h of local.history) expect(p.history).toContainEqual(h);
    for (const [id, c] of Object.entries(local.cards)) expect(p.cards[id]).toEqual(c);
    // the report says what happened
    expect(r.stdout).toMatch(/20 imported cards ignored: reviewed at a date in the future/);
    expect(r.stdout).toMatch(/0 review cards taken/);
    const backup = readdirSync(home).find((f) => f.startsWith('progress.json.before-import-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(home, backup!), 'utf8')).toBe(before);
    expect(r.stdout).toContain(backup!);
  }, 30_000);

  it('a card reviewed more recently (not in the future) is taken; the history is the union', async () => {
    const home = freshHome();
    const t = Date.parse('2026-10-01T10:00:00Z');
    let local = emptyProgress();
    local = recordAnswer(local, { questionId: 'a', correct: true, rating: 3, ms: 1, topics: [], mode: 'drill' }, t);
    let other = emptyProgress();
    other = recordAnswer(other, { questionId: 'a', correct: false, rating: 1, ms: 1, topics: [], mode: 'drill' }, t + 3_600_000);
    other = recordAnswer(other, { questionId: 'b', correct: true, rating: 3, ms: 1, topics: [], mode: 'mock' }, t + 7_200_000);
    saveProgress(home, local);
    const file = join(tmp.dir, 'other.json');
    writeFileSync(file, serializeProgress(other));
    const r = await runCli(['progress', '--import', file], { env: { SYNACK_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 new answers added/);
    expect(r.stdout).toMatch(/2 review cards taken/);
    const p = onDisk(home);
    expect(p.history).toHaveLength(3);
    expect(p.cards.a).toEqual(other.cards.a);
    expect(p.cards.b).toEqual(other.cards.b);
    // importing the same file again changes nothing
    const again = await runCli(['progress', '--import', file], { env: { SYNACK_HOME: home } });
    expect(again.stdout).toMatch(/0 new answers/);
    expect(onDisk(home)).toEqual(p);
  }, 30_000);
});

describe('files left behind and files that are not files', () => {
  it('temp files of a save killed with SIGKILL are removed at the next start', () => {
    const home = freshHome();
    saveProgress(home, emptyProgress());
    // what a kill between write and rename leaves: ours, and write-file-atomic's (older synack)
    writeFileSync(join(home, 'progress.json.tmp-12345-3'), '{"version":1,');
    writeFileSync(join(home, 'progress.json.3f2a9c0b11d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8'), '{');
    writeFileSync(join(home, 'progress.json.lock.tmp-12345-7'), '12345 2026-11-20T10:00:00.000Z');
    writeFileSync(join(home, 'progress.json.lock.stale-12345-2'), '12345 2026-11-20T10:00:00.000Z');
    writeFileSync(join(home, 'progress.json.corrupt-2026-01-01T00-00-00-000Z'), 'kept on purpose');
    const r = loadProgress(home);
    expect(r.warning).toBeNull();
    expect(readdirSync(home).sort()).toEqual(['progress.json', 'progress.json.corrupt-2026-01-01T00-00-00-000Z']);
  });

  it('a FIFO named progress.json is not opened: clear message, no hang, never saved over', async () => {
    const home = freshHome();
    execFileSync('mkfifo', [join(home, 'progress.json')]);
    const r = await runCli(['progress'], { env: { SYNACK_HOME: home }, timeoutMs: 5000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not a regular file/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const s = saveProgress(home, emptyProgress());
    expect(s.ok).toBe(false);
  }, 15_000);
});
