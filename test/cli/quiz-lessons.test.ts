/**
 * `synack quiz --mode ...` in a real terminal starts from every lesson's questions (not the lesson
 * index loaded for the first frame): the session has as many questions as the worksheet of the
 * same options.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { warmLessonsCache } from '../reliability/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
let home: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'synack-quizpty-'));
  await warmLessonsCache();
}, 120_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

function env(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && !k.startsWith('VITEST') && k !== 'FORCE_COLOR') out[k] = v;
  return { ...out, SYNACK_HOME: home, NO_COLOR: '1', TERM: 'xterm-256color' };
}

/** The "Question 1/N" total the interactive session shows, then quits with Ctrl+C. */
function sessionTotal(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = pty.spawn(process.execPath, [CLI, ...args], { name: 'xterm-256color', cols: 100, rows: 30, cwd: ROOT, env: env() });
    let raw = '';
    let total: number | null = null;
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`no question counter on screen: ${raw.slice(-400)}`));
    }, 15_000);
    p.onData((d) => {
      raw += d;
      const m = /Question 1\/(\d+)/.exec(raw);
      if (m && total === null) {
        total = Number(m[1]);
        p.write('\x03');
      }
    });
    p.onExit(() => {
      clearTimeout(timer);
      if (total === null) reject(new Error(`exited without a question: ${raw.slice(-400)}`));
      else resolve(total);
    });
  });
}

describe('synack quiz --mode in a terminal', () => {
  it('includes the lesson questions: as many as the worksheet with the same options', async () => {
    const args = ['--mode', 'drill', '--topic', 'ethernet-mac', '--count', '10', '--seed', '1'];
    const sheet = spawnSync(process.execPath, [CLI, 'quiz', '--print', ...args], { encoding: 'utf8', env: env() });
    const expected = Number(/(\d+) questions/.exec(sheet.stdout)?.[1]);
    expect(expected).toBe(10);
    expect(await sessionTotal(['quiz', ...args])).toBe(expected);
  }, 30_000);
});
