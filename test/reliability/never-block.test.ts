/**
 * Issue 16, item 6: the UI never waits for lesson loading. With a lessons directory whose lessons
 * take many seconds to parse in all (the bundled lessons plus hostile files just inside every
 * limit), the home screen comes up, and Ctrl+C quits within 200 ms while the lessons are still
 * loading (they load in a worker thread); SIGTERM is as quick. Once loaded, a lesson opens in full.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../src/lessons/parse.js';
import { MAX_LESSON_BYTES, MAX_LINE_CHARS } from '../../src/lessons/limits.js';
import { LESSONS, ensureBuilt, tempDir } from './helpers.js';
import { startPty, terminalRestored } from './pty.js';

let tmp: { dir: string; cleanup(): void };
let dir: string;
let light: string;
let home: string;

/** The heaviest lesson the limits allow that we know of: nested emphasis, lines at the limit. */
function heavy(i: number): string {
  const fm = `---\nid: heavy-${i}\ntitle: Heavy ${i}\norder: ${100 + i}\nsummary: s\nobjectives: [a]\ntopics: [handshake]\nminutes: 5\n---\n`;
  const half = Math.floor((MAX_LINE_CHARS - 2) / 4);
  const para = '*_'.repeat(half) + 'a' + '_*'.repeat(half) + '\n\n';
  return fm + para.repeat(Math.floor((MAX_LESSON_BYTES - fm.length) / para.length));
}

beforeAll(async () => {
  tmp = tempDir();
  dir = join(tmp.dir, 'lessons');
  home = join(tmp.dir, 'home');
  mkdirSync(home);
  cpSync(LESSONS, dir, { recursive: true });
  for (let i = 0; i < 8; i++) writeFileSync(join(dir, `zz-heavy-${i}.md`), heavy(i));
  light = join(tmp.dir, 'light');
  cpSync(LESSONS, light, { recursive: true });
  writeFileSync(join(light, 'zz-heavy-0.md'), heavy(0));
  await ensureBuilt();
}, 120_000);
afterAll(() => tmp.cleanup());

describe('lesson loading never blocks the UI', () => {
  it('each heavy file is within the limits and takes a while to parse', () => {
    const text = heavy(0);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_LESSON_BYTES);
    const t0 = performance.now();
    const r = parseLesson(text, 'heavy.md');
    const ms = performance.now() - t0;
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Eight of them keep a thread busy for seconds: far more than a 200 ms budget.
    expect(ms * 8).toBeGreaterThan(1000);
  }, 60_000);

  /**
   * From Ctrl+C (or SIGTERM) to the process gone, sent `after` ms after the home screen is up (the
   * full lessons start loading right after that first frame). This machine may be loaded by other
   * work, so the baseline is the same app at the same moment with only the bundled lessons,
   * measured in the same test: the heaviest load may add at most 200 ms to it. Best of two each.
   * Both with a lessons cache of their own, empty (src/lessons/lessons-cache.ts): the bundled
   * lessons are being parsed too, as in any first start, and neither quits with its worker idle
   * (a start that quits 300 ms after its first frame never lives to remember its lessons).
   */
  async function quitLatency(lessons: string, after: number, how: 'Ctrl+C' | 'SIGTERM'): Promise<number> {
    const s = startPty(['--lessons', lessons], { SYNACK_HOME: home, SYNACK_CACHE: join(tmp.dir, 'cache') });
    await s.waitFor((x) => x.includes('? help'), 'the home screen', 30_000);
    await new Promise((r) => setTimeout(r, after));
    const t0 = performance.now();
    if (how === 'Ctrl+C') s.send('\u0003');
    else process.kill(s.pid, 'SIGTERM');
    const { exitCode } = await s.exit;
    // Ctrl+C is a key once the app reads the keyboard (exit 0); a SIGINT from the terminal before.
    expect(how === 'Ctrl+C' ? [0, 130] : [143]).toContain(exitCode);
    expect(terminalRestored(s.raw())).toBe(true);
    return s.exitedAt()! - t0;
  }

  let normal = Infinity;
  it('Ctrl+C quits within 200 ms (over a normal start) while the heaviest lessons are loading', async () => {
    let loading = Infinity;
    for (let i = 0; i < 2; i++) {
      normal = Math.min(normal, await quitLatency(LESSONS, 300, 'Ctrl+C'));
      loading = Math.min(loading, await quitLatency(dir, 300, 'Ctrl+C'));
    }
    expect(loading - normal).toBeLessThan(200);
  }, 90_000);

  it('SIGTERM is as quick while loading', async () => {
    let loading = Infinity;
    for (let i = 0; i < 2; i++) loading = Math.min(loading, await quitLatency(dir, 300, 'SIGTERM'));
    expect(loading - normal).toBeLessThan(200);
  }, 60_000);

  it('keys answer while loading, and the lessons arrive in full', async () => {
    const s = startPty(['learn', '--lessons', light], { SYNACK_HOME: home });
    await s.waitFor((x) => x.includes('synack › Lessons'), 'the lesson list');
    // ? opens the help at once, whatever the worker is doing
    const t0 = performance.now();
    s.send('?');
    await s.waitFor((x) => /Keys:/.test(x), 'the help', 5000);
    expect(performance.now() - t0).toBeLessThan(1000);
    s.send('q');
    await s.waitFor((x) => !/Keys:/.test(x), 'the help closed');
    // Enter opens the first lesson: loading text or content, then the full lesson text.
    s.send('\r');
    await s.waitFor((x) => /synack › Lessons › /.test(x), 'the first lesson open', 10_000);
    await s.waitFor((x) => /client/i.test(x.split('\n').slice(1).join('\n')) && !x.includes('Loading the lesson'), 'the full first lesson', 60_000);
    s.send('\u0003');
    expect((await s.exit).exitCode).toBe(0);
  }, 90_000);
});
