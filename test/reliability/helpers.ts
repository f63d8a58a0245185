/**
 * Shared helpers for the reliability suite: build dist/cli.js when it is missing or older than any
 * file under src/ (one build at a time across vitest workers, via a lock directory), and run the
 * built CLI as a child process with stdin/stdout piped (never a TTY) and CI=true.
 */
import { beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const LESSONS = join(ROOT, 'lessons');
export const BROKEN_LESSONS = join(ROOT, 'test', 'fixtures', 'lessons-broken');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  if (!existsSync(CLI)) return true;
  return statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function runBuild(): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? 1, err }));
  });
}

/**
 * Builds dist/cli.js if needed (retrying a few times: another helper's file may be mid-edit), then
 * makes sure the lessons cache holds the bundled course for this build (warmLessonsCache).
 */
export async function ensureBuilt(): Promise<void> {
  await build();
  await warmLessonsCache();
}

/**
 * Takes a lock directory (one holder across vitest workers; a lock older than a minute is stale),
 * waiting up to `tries` × 50 ms; then goes ahead without it.
 */
async function lock(path: string, tries = 1200): Promise<() => void> {
  for (let i = 0; i < tries; i++) {
    try {
      mkdirSync(path);
      break;
    } catch {
      try {
        if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      await sleep(50);
    }
  }
  return () => rmSync(path, { recursive: true, force: true });
}

/**
 * The lessons cache (src/lessons/lessons-cache.ts, in the user's cache directory as synack uses it)
 * holding the bundled course in English and Chinese for this build, as after a learner's first
 * complete start: the built lessons worker runs once per build and language (about 1.7 CPU s each)
 * when the cache lacks it. Without this, on a loaded machine no synack started by the suite lives
 * long enough for its low-priority worker to finish, so the cache stayed cold through a whole
 * `npm test`, and every start began parsing the course again. The tests that are about parsing in
 * the worker use courses of their own (fresh directories, never remembered while just written).
 */
export async function warmLessonsCache(): Promise<void> {
  const cache = await import('../../src/lessons/lessons-cache.js');
  const { lessonsCacheDir } = await import('../../src/cli/compile-cache.js');
  const workerFile = join(ROOT, 'dist', 'lessons-worker.js');
  const cacheDir = lessonsCacheDir(process.env);
  const missing = () => {
    const stamp = cache.codeStamp(workerFile);
    if (stamp === null) return [];
    return (['en', 'zh-CN'] as const).filter((lang) => !cache.readLessonsCacheBytes(cacheDir, cache.lessonsCacheKey(LESSONS, lang, stamp), cache.courseStat(LESSONS, lang).signature));
  };
  if (missing().length === 0) return;
  const release = await lock(join(tmpdir(), `synack-lessons-warm-${ROOT.replace(/[^A-Za-z0-9]/g, '_')}.lock`));
  try {
    for (const lang of missing()) {
      await new Promise<void>((resolve) => {
        const w = new Worker(workerFile, { workerData: { dir: LESSONS, lang, cacheDir } });
        w.on('error', () => resolve());
        w.on('exit', () => resolve());
      });
    }
  } finally {
    release();
  }
}

async function build(): Promise<void> {
  if (!stale()) return;
  const release = await lock(join(tmpdir(), 'synack-reliability-build.lock'), 400);
  try {
    if (!stale()) return;
    let last = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await runBuild();
      if (r.code === 0) return;
      last = r.err;
      await sleep(1000);
    }
    if (!existsSync(CLI)) throw new Error(`build failed:\n${last}`);
  } finally {
    release();
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
  timeoutMs?: number;
}

/** Runs `node dist/cli.js ...args` with piped stdio and CI=true (stdin gets `input`, then EOF). */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env }))
      if (v !== undefined) env[k] = v;
    delete env.SYNACK_DEBUG;
    const p = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (stdout += d));
    p.stderr.on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    p.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    p.stdin.on('error', () => {
      /* the child may exit before reading */
    });
    p.stdin.end(opts.input ?? '');
  });
}

/**
 * The same command line in this process: src/cli/main.ts's runMain with a piped (non-TTY) IO, the
 * same environment as runCli and stdin given as `input`. Milliseconds instead of a Node start-up
 * each; the tests that are about the process itself (exit status, TTY detection, reading stdin,
 * signals, the bundle) keep runCli.
 */
export async function runInProcess(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const [{ runMain }, { setLang }] = await Promise.all([import('../../src/cli/main.js'), import('../../src/i18n/index.js')]);
  const env: Record<string, string | undefined> = { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env };
  delete env.SYNACK_DEBUG;
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: { isTTY: false },
    env,
    cwd: opts.cwd ?? ROOT,
    readStdin: async () => opts.input ?? '',
  };
  try {
    const code = await runMain(args, io);
    return { code, stdout, stderr };
  } finally {
    setLang('en'); // --lang / SYNACK_LANG set the process's language: the next run starts afresh
  }
}

/**
 * For a file of pty tests on the built CLI: builds it first (ensureBuilt) and keeps one temporary
 * directory for the file (removed after it). `home()` makes a fresh progress home inside it.
 */
export function ptyTestDir(): { dir(): string; home(): string } {
  let tmp: { dir: string; cleanup(): void } | undefined;
  let n = 0;
  beforeAll(async () => {
    tmp = tempDir();
    await ensureBuilt();
  }, 120_000);
  afterAll(() => tmp?.cleanup());
  const dir = () => tmp!.dir;
  return {
    dir,
    home: () => {
      const d = join(dir(), `home-${n++}`);
      mkdirSync(d);
      return d;
    },
  };
}

/** A fresh temporary directory (removed by `cleanup`). */
export function tempDir(prefix = 'synack-rel-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Stack frames ("    at fn (file:1:2)") must never reach the user. */
export const STACK_FRAME = /^\s{4}at /m;

/** Raw terminal control bytes that must never be echoed back: ESC, BEL, C1 CSI/OSC/ST and the other C0/C1 controls (tab and newline excepted). */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
