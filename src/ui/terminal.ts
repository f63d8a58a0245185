/**
 * Terminal modes around the Ink app: the alternate screen and the cursor, restored on every exit
 * path (normal exit, Ctrl+C, signals, uncaught errors). Idempotent.
 */
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
