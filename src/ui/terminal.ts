/**
 * Terminal modes around the Ink app: the alternate screen and the cursor, restored on every exit
 * path (normal exit, Ctrl+C, signals, uncaught errors). Idempotent. And whether the app can open
 * at all (a light module: the CLI asks before it loads Ink and the screens).
 */
import type { CliIO } from '../cli/io.js';

export const EXIT_NOT_A_TERMINAL = 2;

/** A terminal on both ends, and not CI (under CI Ink renders only the final frame). */
export function isInteractive(io: Pick<CliIO, 'env' | 'stdin' | 'stdout'>): boolean {
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return !!io.stdin.isTTY && !!io.stdout.isTTY;
}

/** TERM=dumb: no cursor addressing, no alternate screen. */
export function dumbTerminal(env: Record<string, string | undefined>): boolean {
  return env.TERM === 'dumb';
}

/**
 * Why the interactive app cannot open here, or null: the key of its message in the UI catalogue
 * (src/ui/strings.ts; printed on stderr, exit EXIT_NOT_A_TERMINAL).
 */
export function appRefusal(io: Pick<CliIO, 'env' | 'stdin' | 'stdout'>): 'notATerminal' | 'ciSet' | 'dumbTerminal' | null {
  if (!isInteractive(io)) return io.stdin.isTTY && io.stdout.isTTY ? 'ciSet' : 'notATerminal';
  // A terminal without cursor addressing or an alternate screen cannot show the app.
  if (dumbTerminal(io.env)) return 'dumbTerminal';
  return null;
}
export const ENTER_ALT = '\u001B[?1049h\u001B[H';
export const LEAVE_ALT = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';

export interface TerminalOut {
  write(s: string): unknown;
}

export interface TerminalSession {
  /** Leave the alternate screen and show the cursor (safe to call more than once). */
  restore(): void;
}

export function enterAltScreen(out: TerminalOut): TerminalSession {
  let active = true;
  out.write(ENTER_ALT + HIDE_CURSOR);
  return {
    restore() {
      if (!active) return;
      active = false;
      out.write(SHOW_CURSOR + LEAVE_ALT);
    },
  };
}

/** Whether colour is wanted: NO_COLOR turns it off; FORCE_COLOR=0 too; else the terminal decides. */
export function colorEnabled(
  env: Record<string, string | undefined>,
  stdout: { isTTY?: boolean; hasColors?: (n?: number) => boolean },
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR !== undefined) return true;
  if (!stdout.isTTY) return false;
  if (env.TERM === 'dumb') return false;
  try {
    return stdout.hasColors ? stdout.hasColors() : true;
  } catch {
    return false;
  }
}
