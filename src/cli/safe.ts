/**
 * Safe CLI output: every message the CLI prints that may contain user input (an argument, a file
 * name, a script token echoed in a parse error) goes through `safe`, so control characters and
 * escape sequences are shown as visible text (ESC -> '␛') and never reach the terminal as
 * commands. File-system errors become a short reason ("no such file or directory", in the chosen
 * language) instead of Node's "ENOENT: ..., open '...'" text or an internal error.
 */
import { sanitizeText } from '../lessons/sanitize.js';
import { errnoReason } from '../i18n/errno.js';
import type { CliIO } from './io.js';

/** The text with control characters and escape sequences made visible (newlines and tabs kept). */
export function safe(text: string): string {
  return sanitizeText(text);
}

/** The most characters of one argument echoed in a message (docs/limits.md). */
export const ECHO_MAX = 200;

/**
 * A value the user typed (an argument, an option's value, a path), as a message echoes it: sanitised
 * like `safe`, on one line (a newline, CR or tab shows as its visible picture: `␊`, `␍`, `␉`), and at
 * most ECHO_MAX characters: a longer one keeps its start and its end around a `…`, so an error
 * about a 100 kB argument stays one short line.
 */
export function arg(text: string): string {
  let s = sanitizeText(text.replace(/[\t\n\r]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))));
  const cps = [...s];
  if (cps.length > ECHO_MAX) {
    const tail = Math.floor(ECHO_MAX / 4);
    s = cps.slice(0, ECHO_MAX - tail - 1).join('') + '…' + cps.slice(cps.length - tail).join('');
  }
  return s;
}

/** Extra arguments as a message lists them: each as `arg` shows it, at most 5 (then `…`). */
export function argList(list: readonly string[]): string[] {
  return list.length > 5 ? [...list.slice(0, 5).map(arg), '…'] : list.map(arg);
}

/**
 * JSON text safe for a terminal with the same data: JSON.stringify escapes C0 controls but not
 * DEL, C1 controls or bidi controls; those can only occur inside strings, so they become \\uXXXX.
 */
export function safeJson(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** One user-facing line (sanitised, newline added) on the given stream. */
export function writeLine(stream: { write(s: string): unknown }, message: string): void {
  stream.write(safe(message) + '\n');
}

/** A short reason for a file-system error, in the current language: "no such file or directory",
 *  "permission denied" ... (the shared ERRNO table, src/i18n/strings.ts). */
export function fsReason(e: unknown): string {
  return errnoReason(e);
}

/**
 * The IO with stderr sanitised (a last line of defence: stderr never carries intended escapes),
 * and stdout too when `stdout` is set (for commands whose output is plain text: never for the
 * interactive app or the coloured diagram).
 */
export function safeIO(io: CliIO, opts: { stdout?: boolean } = {}): CliIO {
  const err = io.stderr;
  const out = io.stdout;
  return {
    ...io,
    stderr: {
      write: (s: string) => err.write(safe(s)),
      ...(err.isTTY !== undefined ? { isTTY: err.isTTY } : {}),
    },
    ...(opts.stdout
      ? {
          stdout: {
            write: (s: string) => out.write(safe(s)),
            isTTY: out.isTTY,
            columns: out.columns,
            rows: out.rows,
            ...(out.hasColors ? { hasColors: (n?: number) => out.hasColors!(n) } : {}),
          },
        }
      : {}),
  };
}
