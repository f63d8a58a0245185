/**
 * End to end in a real pseudo-terminal: the built synack (dist/cli.js) under node-pty, its output fed
 * to @xterm/headless to read the screen. Opens the handshake lesson, focuses and steps the inline
 * diagram, quits; checks the screen text, the alternate screen being left, and a clean exit.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, warmLessonsCache } from '../reliability/helpers.js';
import { startPty, type PtySession } from '../reliability/pty.js';

let home: string;

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'synack-e2e-'));
  await warmLessonsCache();
}, 120_000);

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

/** The built synack in a real terminal, with this file's own progress directory. */
function start(args: string[], cols = 100, rows = 30): PtySession {
  return startPty(args, { SYNACK_HOME: home }, cols, rows);
}

describe('synack in a real terminal', () => {
  it('opens the handshake lesson, steps the inline diagram, quits cleanly', async () => {
    const s = start(['learn', 'three-way-handshake']);
    await s.waitFor((x) => x.includes('synack › Lessons › The three-way handshake'), 'the lesson');
    // Tab through the interactive blocks until the diagram has focus (its keys show in the footer).
    let screen = await s.settle();
    for (let i = 0; i < 30 && !/→\/l step/.test(screen); i++) {
      // One Tab at a time, each followed by the whole frame it causes: on a loaded machine a frame
      // arrives in chunks, and a Tab sent after the first chunk skips past the diagram. Each Tab
      // moves the focus, so the screen changes: wait for that first (a render on a loaded machine
      // can take longer than settle's quiet time), then for the frame to be complete.
      const before = screen;
      s.send('\t');
      await s.waitFor((x) => x !== before, 'the focus to move');
      screen = await s.settle();
    }
    expect(screen).toMatch(/→\/l step/);
    const stepOf = (x: string) => Number(/step (\d+)\/\d+/.exec(x)?.[1] ?? NaN);
    const before = stepOf(screen);
    expect(before).toBeGreaterThan(0);
    s.send('\u001B[C'); // →
    screen = await s.waitFor((x) => stepOf(x) === before + 1, 'the next step');
    s.send('l');
    screen = await s.waitFor((x) => stepOf(x) === before + 2, 'another step');
    expect(screen).toMatch(/client|server/);
    // Esc leaves the diagram, q goes back to the list, q again quits.
    s.send('\u001B');
    await s.waitFor((x) => !/→\/l step/.test(x), 'the diagram to lose focus');
    s.send('q');
    await s.waitFor((x) => x.includes('synack › Lessons') && !x.includes('The three-way handshake\n'), 'the lesson list');
    s.send('q');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(s.raw()).toContain('\u001B[?1049h');
    expect(s.raw().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.raw().lastIndexOf('\u001B[?1049h'));
    // Progress was saved where the learner left.
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(saved.last.lessonId).toBe('three-way-handshake');
  }, 60_000);

  it('Ctrl+C quits from a lesson and restores the terminal', async () => {
    const s = start(['learn', 'three-way-handshake'], 80, 24);
    await s.waitFor((x) => x.includes('The three-way handshake'), 'the lesson');
    s.send('\u0003');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(s.raw().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.raw().lastIndexOf('\u001B[?1049h'));
    expect(s.raw()).not.toMatch(/at .*\.js:\d+/);
  }, 60_000);

  it('Ctrl+C typed as the screen switches (before the first frame) is the quit key, not a signal: exit 0', async () => {
    // Raw mode used to start in Ink's input effect, after the first frame: a Ctrl+C in that gap
    // reached the terminal driver as SIGINT and synack exited 130 (a CI run caught it).
    const s = start(['learn', 'three-way-handshake'], 80, 24);
    await s.waitFor((_x, raw) => raw.includes('\u001B[?1049h'), 'the alternate screen');
    s.send('\u0003');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(s.raw().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.raw().lastIndexOf('\u001B[?1049h'));
  }, 60_000);

  for (const burst of ['j\u0003', '\u0003\u0003']) {
    it(`Ctrl+C read together with other bytes (${JSON.stringify(burst)}) still quits`, async () => {
      const s = start(['learn', 'three-way-handshake'], 80, 24);
      await s.waitFor((x) => x.includes('The three-way handshake'), 'the lesson');
      s.send(burst);
      // Before the fix the app kept running: the exit never came (the race gives up after 10 s).
      const res = await Promise.race([s.exit, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
      expect(res, 'synack did not quit').not.toBeNull();
      expect([0, 130]).toContain(res!.exitCode);
      expect(s.raw().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.raw().lastIndexOf('\u001B[?1049h'));
    }, 30_000);
  }

  // One session of the lesson list for the three behaviours of key bursts there (each start of
  // synack costs about a CPU second): every key of a burst is seen, separate writes too, and a
  // Ctrl+C at the end of a long burst jumps the keys queued before it.
  it('three ↓ in one write move the lesson list three rows (each key of a burst is seen); jjj in one write moves it three rows, kkk back, and three ↓ as separate writes three more; Ctrl+C at the end of a long burst of keys quits at once (it jumps the keys queued before it)', async () => {
    const s = start(['learn'], 100, 30);
    const at = (x: string) => Number(/^› \S+ (\d+)\. /m.exec(x)?.[1] ?? NaN);
    const first = at(await s.waitFor((x) => at(x) >= 1, 'the lesson list'));
    s.send('\u001B[B\u001B[B\u001B[B');
    await s.waitFor((x) => at(x) === first + 3, `the cursor on lesson ${first + 3}`);
    s.send('kkk');
    await s.waitFor((x) => at(x) === first, `the cursor back on lesson ${first}`);
    s.send('jjj');
    await s.waitFor((x) => at(x) === first + 3, `the cursor on lesson ${first + 3} (jjj)`);
    s.send('kkk');
    await s.waitFor((x) => at(x) === first, `the cursor back on lesson ${first} (kkk)`);
    for (let i = 0; i < 3; i++) {
      s.send('\u001B[B');
      await new Promise((r) => setTimeout(r, 100));
    }
    await s.waitFor((x) => at(x) === first + 3, `the cursor on lesson ${first + 3} again`);
    const sent = performance.now();
    s.send('jk'.repeat(30) + '\u0003');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    // Sixty renders first would take seconds on a loaded machine; the quit itself is quick.
    expect(s.exitedAt()! - sent).toBeLessThan(5000);
    expect(s.raw().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.raw().lastIndexOf('\u001B[?1049h'));
  }, 60_000);

  it('a burst of keys with Enter in it opens what the keys before it chose (home: ↓ ↓ Enter = interview prep)', async () => {
    const s = start([], 100, 30);
    await s.waitFor((x) => /Interview quiz/.test(x), 'the home screen');
    s.send('\u001B[B\u001B[B\r');
    await s.waitFor((x) => x.includes('› Interview prep') && x.includes('Mock interview'), 'the interview menu');
    s.send('\u0003');
    await s.exit;
  }, 30_000);

  it('refuses a bad lesson id with a clear message and no stack trace', async () => {
    const s = start(['learn', '../etc/passwd']);
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(2);
    expect(s.raw()).toContain("is not a lesson id");
    expect(s.raw()).not.toMatch(/at .*\.js:\d+/);
  }, 30_000);

  it('without a terminal prints the plain commands and exits 2', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [CLI], { input: '', env: { ...process.env, SYNACK_HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      status = err.status;
      stderr = err.stderr.toString();
    }
    expect(status).toBe(2);
    expect(stderr).toContain('synack trace');
    expect(stderr).toContain('synack diagram NAME --plain');
    expect(stderr).toContain('synack check');
    expect(stderr).not.toContain('Raw mode');
  });
});
