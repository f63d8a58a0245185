/**
 * Safe CLI output: every message the CLI prints that may contain user input (an argument, a file
 * name, a script token echoed in a parse error) goes through `safe`, so control characters and
 * escape sequences are shown as visible text (ESC -> '␛') and never reach the terminal as
 * commands. File-system errors become a short reason ("no such file or directory") instead of
 * Node's "ENOENT: ..., open '...'" text or an internal error.
 */
import { sanitizeText } from '../lessons/sanitize.js';
import type { CliIO } from './io.js';

/** Reasons shown for file-system errors (by errno code). */
export const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EINVAL: 'invalid file name',
  EIO: 'input/output error',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  ETXTBSY: 'the file is busy',
  EFBIG: 'the file is too large',
  EAGAIN: 'the resource is temporarily unavailable',
};

/** The text with control characters and escape sequences made visible (newlines and tabs kept). */
export function safe(text: string): string {
  return sanitizeText(text);
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

/** A short reason for a file-system error: "no such file or directory", "permission denied", ... */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split('\n')[0] ?? msg;
  // Node's text is "CODE: the reason, syscall 'path'": keep the reason in plain words, not the code.
  const m = /^E[A-Z0-9]+: ([^,]+)/.exec(first);
  if (m) return m[1]!;
  return code && first === '' ? FS_REASONS.EIO ?? 'input/output error' : first;
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
