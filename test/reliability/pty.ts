/**
 * The built synack in a real pseudo-terminal (node-pty), its output fed to @xterm/headless so the
 * screen can be read. For the e2e tests and the reliability tests of signals and of a UI that never
 * blocks.
 */
import { join } from 'node:path';
import * as pty from 'node-pty';
import xterm from '@xterm/headless';
import { CLI, ROOT } from './helpers.js';

export interface PtySession {
  pid: number;
  screen(): string;
  raw(): string;
  send(keys: string): void;
  waitFor(pred: (screen: string, raw: string) => boolean, what: string, ms?: number): Promise<string>;
  /** Waits until the app has written nothing for `quietMs` (a frame can arrive in several chunks). */
  settle(quietMs?: number, ms?: number): Promise<string>;
  exit: Promise<{ exitCode: number; signal?: number }>;
  /** When the process exited (performance.now()), once it has. */
  exitedAt(): number | null;
  kill(sig?: string): void;
}

/** The environment of a person at a terminal: no CI markers (Ink renders only the last frame under CI). */
export function terminalEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('VITEST') || k === 'FORCE_COLOR' || k === 'SYNACK_DEBUG') continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', TERM: 'xterm-256color', ...extra };
}

/** `nodeArgs` go to node before the CLI (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
export function startPty(args: string[], env: Record<string, string>, cols = 100, rows = 30, nodeArgs: readonly string[] = []): PtySession {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  let raw = '';
  let exitedAt: number | null = null;
  const p = pty.spawn(process.execPath, [...nodeArgs, CLI, ...args], { name: env.TERM ?? 'xterm-256color', cols, rows, cwd: ROOT, env: terminalEnv(env) });
  p.onData((d) => {
    raw += d;
    term.write(d);
  });
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) =>
    p.onExit((e) => {
      exitedAt = performance.now();
      resolve(e);
    }),
  );
  const screen = () => {
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) out.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    return out.join('\n');
  };
  return {
    pid: p.pid,
    screen,
    raw: () => raw,
    send: (k) => p.write(k),
    exitedAt: () => exitedAt,
    kill: (sig) => {
      try {
        p.kill(sig);
      } catch {
        /* gone */
      }
    },
    async waitFor(pred, what, ms = 15_000) {
      const until = Date.now() + ms;
      for (;;) {
        await new Promise((r) => setTimeout(r, 25));
        await new Promise<void>((r) => term.write('', r));
        const s = screen();
        if (pred(s, raw)) return s;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      }
    },
    async settle(quietMs = 300, ms = 10_000) {
      const until = Date.now() + ms;
      let seen = raw.length;
      let quietSince = Date.now();
      while (Date.now() - quietSince < quietMs && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 25));
        if (raw.length !== seen) {
          seen = raw.length;
          quietSince = Date.now();
        }
      }
      await new Promise<void>((r) => term.write('', r));
      return screen();
    },
    exit,
  };
}

export const ENTER_ALT = '\u001B[?1049h';
export const LEAVE_ALT = '\u001B[?1049l';

/** The alternate screen was left after it was last entered, and the cursor shown again. */
export function terminalRestored(raw: string): boolean {
  return raw.lastIndexOf(LEAVE_ALT) > raw.lastIndexOf(ENTER_ALT) && raw.lastIndexOf('\u001B[?25h') > raw.lastIndexOf('\u001B[?25l');
}

export const LESSONS_DIR = join(ROOT, 'lessons');
