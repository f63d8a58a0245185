/** A CliIO that records what a command writes (no process.* touched). */
import fc from 'fast-check';
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

/**
 * The same strings as fast-check's `fc.string({ unit: 'binary' })` (any code point, lone
 * surrogates included, small code points favoured the same way: both map a `nat` to a code point),
 * without its one-time set-up, which costs seconds of CPU in every test file that uses it.
 */
export function binaryString(constraints: { maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: fc.nat({ max: 0x10ffff }).map((c) => String.fromCodePoint(c)) });
}
