/** A CliIO that records what a command writes (no process.* touched). */
import type { CliIO } from '../../src/cli/io.js';

export interface FakeIO {
  io: CliIO;
  out(): string;
  err(): string;
}

export function fakeIO(o: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; tty?: boolean; columns?: number } = {}): FakeIO {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s), isTTY: o.tty ?? false, columns: o.columns, hasColors: () => false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    stdin: { isTTY: o.tty ?? false },
    env: o.env ?? {},
    cwd: o.cwd ?? process.cwd(),
    readStdin: async () => o.stdin ?? '',
  };
  return { io, out: () => out, err: () => err };
}

/** Raw terminal control bytes (tab and newline excepted). */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
