/**
 * synack's command line as a function: `runMain(argv, io)` runs one command line against a CliIO and
 * returns the exit code (0 ok, 1 runtime error, 2 usage error or no terminal, 70 internal error).
 * src/cli.ts calls it with the process's streams; tests call it in-process with a fake IO. Every
 * command module is imported lazily, so `--help`, `--version` and the plain commands never load
 * Ink/React.
 */
import { UsageError, type CliIO, type Command } from './io.js';
import { safe, safeIO } from './safe.js';
import { VERSION } from '../version.js';
import { applyLangOption, commandHelp, generalHelp, reportUsage, suggest } from './args.js';
import { CLI, COMMANDS, type CommandName } from './strings.js';

const LOADERS: Record<CommandName, () => Promise<Command>> = {
  trace: async () => (await import('./trace.js')).traceCommand,
  scenarios: async () => (await import('./trace.js')).scenariosCommand,
  diagram: async () => (await import('./diagram.js')).diagramCommand,
  plot: async () => (await import('./plot.js')).plotCommand,
  check: async () => (await import('./check.js')).checkCommand,
  learn: async () => (await import('./app.js')).learnCommand,
  quiz: async () => (await import('./quiz.js')).quizCommand,
  stats: async () => (await import('./quiz.js')).statsCommand,
  progress: async () => (await import('./progress.js')).progressCommand,
  playground: async () => (await import('./app.js')).playgroundCommand,
};

/** Commands whose stdout is plain text (no colour, no Ink): sanitised like stderr. */
const PLAIN_OUTPUT = new Set<string>(['check', 'trace', 'scenarios', 'stats', 'plot']);

const isCommand = (name: string): name is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, name);

async function main(argv: string[], rawIO: CliIO): Promise<number> {
  // stderr never carries intended escapes: sanitise everything written to it (user input echoed in
  // a message must not reach the terminal as a command).
  const io = safeIO(rawIO);
  // The language first (--lang, SYNACK_LANG, the locale), so help and every error follow it.
  try {
    argv = applyLangOption(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      reportUsage(io, null, `${e.message} ${CLI.seeGeneralHelp}`);
      return e.code;
    }
    throw e;
  }
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout.write(`synack ${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(generalHelp());
    return 0;
  }
  if (first === 'help') {
    const [topic, ...extra] = rest;
    if (topic === undefined) {
      io.stdout.write(generalHelp());
      return 0;
    }
    if (extra.length > 0) {
      reportUsage(io, null, `${CLI.extraArgs(extra.map(safe))} ${CLI.seeGeneralHelp}`);
      return 2;
    }
    if (!isCommand(topic)) {
      reportUsage(io, null, `${CLI.unknownCommand(safe(topic), suggest(topic, Object.keys(COMMANDS)))} ${CLI.seeGeneralHelp}`);
      return 2;
    }
    io.stdout.write(commandHelp(topic));
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    const { appCommand } = await import('./app.js');
    return appCommand(argv, io);
  }
  if (!isCommand(first)) {
    reportUsage(io, null, `${CLI.unknownCommand(safe(first), suggest(first, Object.keys(COMMANDS)))} ${CLI.seeGeneralHelp}`);
    return 2;
  }
  const cmd = await LOADERS[first]();
  return cmd(rest, PLAIN_OUTPUT.has(first) ? safeIO(io, { stdout: true }) : io);
}

/** Runs one command line; a UsageError thrown anywhere is its own exit code, anything else 70. */
export async function runMain(argv: string[], io: CliIO): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(safe(CLI.prefix(null) + err.message) + '\n');
      return err.code;
    }
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr.write(safe(CLI.prefix(null) + CLI.internal(msg)) + '\n' + CLI.debugHint + '\n');
    if (io.env.SYNACK_DEBUG) console.error(err);
    return 70;
  }
}
