/**
 * synack's entry point: the command line (src/cli/main.ts) on the process's streams. Exit codes: 0
 * ok, 1 runtime error, 2 usage error or no terminal, 70 internal error. Output cut short by the
 * reader (`synack trace x | head -1`) ends the process quietly.
 */
import { processIO } from './cli/io.js';
import { runMain } from './cli/main.js';
import { enableCompileCache } from './cli/compile-cache.js';
import { quietOnClosedOutput } from './cli/epipe.js';

enableCompileCache(process.env);
quietOnClosedOutput(process);

void runMain(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
