/**
 * synack's command line as a function: `runMain(argv, io)` runs one command line against a CliIO and
 * returns the exit code (0 ok, 1 runtime error, 2 usage error or no terminal, 70 internal error).
 * src/cli.ts calls it with the process's streams; tests call it in-process with a fake IO. Every
 * command module is imported lazily, so `--help`, `--version` and the plain commands never load
 * Ink/React.
 */
import { UsageError, type CliIO, type Command } from './io.js';
import { arg, argList, safe, safeIO } from './safe.js';
import { VERSION } from '../version.js';
import { applyLangOption, commandHelp, generalHelp, helpWidth, reportUsage, suggest } from './args.js';
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

/** How many arguments at the start of argv are the home command's options (`--lessons DIR`, `--ascii`). */
function leadingOptions(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a === '--ascii' || a.startsWith('--lessons=')) i++;
    else if (a === '--lessons' && i + 1 < argv.length) i += 2;
    else break;
  }
  return i;
}

async function main(argv: string[], rawIO: CliIO): Promise<number> {
  // stderr never carries intended escapes: sanitise everything written to it (user input echoed in
  // a message must not reach the terminal as a command).
  const io = safeIO(rawIO);
  // The language first (--lang, SYNACK_LANG, the locale), so help and every error follow it.
  try {
    argv = applyLangOption(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      reportUsage(io, null, CLI.withHint(e.message, CLI.seeGeneralHelp));
      return e.code;
    }
    throw e;
  }
  const [first, ...rest] = argv;
  const usage = (message: string): number => {
    reportUsage(io, null, CLI.withHint(message, CLI.seeGeneralHelp));
    return 2;
  };
  const isHelpFlag = (a: string): boolean => a === '--help' || a === '-h';
  if (first === '--version' || first === '-v' || first === 'version') {
    // --help wins over every other check (as in every command); anything else is an extra argument.
    if (rest.length > 0 && rest.every(isHelpFlag)) {
      io.stdout.write(generalHelp(helpWidth(io)));
      return 0;
    }
    if (rest.length > 0) return usage(CLI.extraArgs(argList(rest)));
    io.stdout.write(`synack ${VERSION}\n`);
    return 0;
  }
  if (first === 'help' || (first !== undefined && isHelpFlag(first))) {
    // `synack help [CMD]`, `synack --help [CMD]`: options in it (`help trace --help`) change nothing;
    // `help help` is the general help.
    const words = rest.filter((a) => !a.startsWith('-'));
    const [topic, ...extra] = words;
    if (topic === undefined || (topic === 'help' && extra.length === 0)) {
      io.stdout.write(generalHelp(helpWidth(io)));
      return 0;
    }
    if (extra.length > 0) return usage(CLI.extraArgs(argList(extra)));
    if (!isCommand(topic)) return usage(CLI.unknownCommand(arg(topic), suggest(topic, [...Object.keys(COMMANDS), 'help'])));
    io.stdout.write(commandHelp(topic, helpWidth(io)));
    return 0;
  }
  if (first !== undefined && first.startsWith('-')) {
    // The general help's options before a command (`synack --lessons DIR learn ID`, `synack
    // --ascii quiz`) are that command's: they move after it, and the command says if it takes them.
    const lead = leadingOptions(argv);
    const next = argv[lead];
    if (lead > 0 && next !== undefined && !next.startsWith('-')) {
      if (next === 'help' || isCommand(next)) return main([next, ...argv.slice(0, lead), ...argv.slice(lead + 1)], rawIO);
      return usage(CLI.unknownCommand(arg(next), suggest(next, [...Object.keys(COMMANDS), 'help'])));
    }
  }
  if (first === undefined || first.startsWith('-')) {
    const { appCommand } = await import('./app.js');
    return appCommand(argv, io);
  }
  if (!isCommand(first)) {
    return usage(CLI.unknownCommand(arg(first), suggest(first, [...Object.keys(COMMANDS), 'help'])));
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
