/** What a CLI command gets instead of touching process.* directly (so tests can drive it). */
export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number; rows?: number; hasColors?: (n?: number) => boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadStream | { isTTY?: boolean; read?: never };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads all of stdin (for `-` as a file name). */
  readStdin(): Promise<string>;
}

/** A command: parses its own argv (after the command name) and returns the exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/**
 * A user-facing error: printed as one line (`synack CMD: message`), no stack trace. Exit code 2
 * (a usage error: bad arguments, or no terminal) unless given another.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
