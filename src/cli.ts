/**
 * synack's entry point. Every command module is imported lazily, so `--help`, `--version` and the
 * plain commands never load Ink/React. Exit codes: 0 ok, 1 runtime error, 2 usage error or no
 * terminal, 70 internal error. Output cut short by the reader (`synack trace x | head -1`) ends the
 * process quietly.
 */
import { processIO, UsageError, type Command } from './cli/io.js';
import { safe, safeIO } from './cli/safe.js';
import { VERSION } from './version.js';
import { applyLangOption, commandHelp, generalHelp, reportUsage, suggest } from './cli/args.js';
import { CLI, COMMANDS, type CommandName } from './cli/strings.js';
import { enableCompileCache } from './cli/compile-cache.js';
import { quietOnClosedOutput } from './cli/epipe.js';

const LOADERS: Record<CommandName, () => Promise<Command>> = {
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
const PLAIN_OUTPUT = new Set<string>(['check', 'trace', 'scenarios', 'stats']);

const isCommand = (name: string): name is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, name);

async function main(argv: string[]): Promise<number> {
  // stderr never carries intended escapes: sanitise everything written to it (user input echoed in
  // a message must not reach the terminal as a command).
  const io = safeIO(processIO());
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
    const { appCommand } = await import('./cli/app.js');
    return appCommand(argv, io);
  }
  if (!isCommand(first)) {
    reportUsage(io, null, `${CLI.unknownCommand(safe(first), suggest(first, Object.keys(COMMANDS)))} ${CLI.seeGeneralHelp}`);
    return 2;
  }
  const cmd = await LOADERS[first]();
  return cmd(rest, PLAIN_OUTPUT.has(first) ? safeIO(io, { stdout: true }) : io);
}

enableCompileCache(process.env);
quietOnClosedOutput(process);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(safe(CLI.prefix(null) + err.message) + '\n');
      process.exitCode = err.code;
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(safe(CLI.prefix(null) + CLI.internal(msg)) + '\n' + CLI.debugHint + '\n');
      if (process.env.SYNACK_DEBUG) console.error(err);
      process.exitCode = 70;
    }
  },
);
