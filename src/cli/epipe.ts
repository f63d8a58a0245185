/**
 * `synack trace x | head -1`: the reader closes the pipe, the next write fails with EPIPE. That is
 * not an error of synack: stop quietly (exit 0, no stack trace), for every command.
 */
interface Closable {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

export function quietOnClosedOutput(proc: { stdout: Closable; stderr: Closable; exit(code?: number): never }): void {
  const onError = (stream: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') proc.exit(0);
    // Any other write error on the output: nothing can be reported there; a plain exit code.
    if (stream === 'stdout') proc.exit(1);
  };
  proc.stdout.on('error', onError('stdout'));
  proc.stderr.on('error', onError('stderr'));
}
