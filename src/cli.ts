/**
 * synack's entry point. Every command module is imported lazily, so `--help`, `--version` and the
 * plain commands never load Ink/React.
 */
import { processIO, UsageError, type Command } from './cli/io.js';
import { safe, safeIO } from './cli/safe.js';
import { VERSION } from './version.js';
import { HELP } from './cli/help.js';

const COMMANDS: Record<string, () => Promise<Command>> = {
  trace: async () => (await import('./cli/trace.js')).traceCommand,
  scenarios: async () => (await import('./cli/trace.js')).scenariosCommand,
  diagram: async () => (await import('./cli/diagram.js')).diagramCommand,
  check: async () => (await import('./cli/check.js')).checkCommand,
  learn: async () => (await import('./cli/app.js')).learnCommand,
  quiz: async () => (await import('./cli/quiz.js')).quizCommand,
  stats: async () => (await import('./cli/quiz.js')).statsCommand,
  progress: async () => (await import('./cli/progress.js')).progressCommand,
  playground: async () => (await import('./cli/app.js')).playgroundCommand,
};

/** Commands whose stdout is plain text (no colour, no Ink): sanitised like stderr. */
const PLAIN_OUTPUT = new Set(['check', 'trace', 'scenarios', 'stats']);

async function main(argv: string[]): Promise<number> {
  // stderr never carries intended escapes: sanitise everything written to it (user input echoed in
  // a message must not reach the terminal as a command).
  const io = safeIO(processIO());
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout.write(`synack ${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    const { appCommand } = await import('./cli/app.js');
    return appCommand(argv, io);
  }
  const load = COMMANDS[first];
  if (!load) {
    io.stderr.write(`synack: unknown command '${safe(first)}'. Run 'synack --help' for the list.\n`);
    return 1;
  }
  const cmd = await load();
  return cmd(rest, PLAIN_OUTPUT.has(first) ? safeIO(io, { stdout: true }) : io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(safe(`synack: ${err.message}`) + '\n');
      process.exitCode = err.code;
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(safe(`synack: internal error: ${msg}`) + '\n(set SYNACK_DEBUG=1 for details)\n');
      if (process.env.SYNACK_DEBUG) console.error(err);
      process.exitCode = 70;
    }
  },
);
