/**
 * `synack trace x | head -1`: the reader closes the pipe, the next write fails with EPIPE. That is
 * not an error of synack: stop quietly (exit 0, no stack trace), for every command. Any other
 * failure to write the output (`synack trace x > /dev/full`: no space left) is a runtime error:
 * one line on stderr saying why, exit 1.
 */
import { CLI } from './strings.js';
import { fsReason } from './safe.js';

interface Closable {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

export function quietOnClosedOutput(proc: {
  stdout: Closable;
  stderr: Closable & { write(s: string): unknown };
  exit(code?: number): never;
}): void {
  const onError = (stream: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      proc.exit(0);
      return;
    }
    if (stream === 'stdout') {
      try {
        proc.stderr.write(CLI.prefix(null) + CLI.outputFailed(fsReason(e)) + '\n');
      } catch {
        // stderr is gone too: the exit code alone says it
      }
      proc.exit(1);
    }
  };
  proc.stdout.on('error', onError('stdout'));
  proc.stderr.on('error', onError('stderr'));
}
