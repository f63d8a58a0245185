/**
 * The CLI's strings catalogue: every command's usage, summary and options (one table entry per
 * command: the argument layer in args.ts parses, validates and prints help from it), and the
 * messages of the argument layer and the commands. English; a zh-CN catalogue will sit beside it.
 */
import { catalogue, type Translation } from '../i18n/index.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help (string options): `N`, `DIR`, `FILE`. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  /** What follows `synack CMD` in the usage line: `NAME|FILE|-`, `[DIR]`. */
  args: string;
  /** One line for the command list. */
  summary: string;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  options: Record<string, OptionSpec>;
  /** More lines for `synack help CMD`. */
  more?: string;
}

/** Documented bounds of numeric options. */
export const LIMITS = {
  width: { min: 40, max: 300 },
  count: { min: 1, max: 200 },
  time: { min: 0, max: 86400 },
  u32: { min: 0, max: 4294967295 },
} as const;

const LESSONS: OptionSpec = { type: 'string', value: 'DIR', help: 'use the lessons in DIR (or set SYNACK_LESSONS)' };
const ASCII: OptionSpec = { type: 'boolean', help: 'ASCII only, no box drawing' };
const MODEL: Record<string, OptionSpec> = {
  profile: { type: 'string', value: 'rfc|linux', help: 'timer profile of the model (default rfc)' },
  seed: { type: 'string', value: 'N', help: `seed for ISNs and ports (${LIMITS.u32.min}-${LIMITS.u32.max})` },
  'isn-client': { type: 'string', value: 'N', help: `the client's initial sequence number (${LIMITS.u32.min}-${LIMITS.u32.max})` },
  'isn-server': { type: 'string', value: 'N', help: `the server's initial sequence number (${LIMITS.u32.min}-${LIMITS.u32.max})` },
};
const WIDTH: OptionSpec = { type: 'string', value: 'N', help: `width in columns (${LIMITS.width.min}-${LIMITS.width.max}; default: the terminal's, or 80)` };

/** Every command. The order is the order of `synack --help`. */
const COMMANDS_EN = {
  learn: {
    args: '[LESSON-ID]',
    summary: 'the lesson list, or one lesson at your saved position',
    positionals: { min: 0, max: 1 },
    options: {
      plain: { type: 'boolean', help: 'print the rendered lesson to stdout (for authors and snapshot tests)' },
      width: WIDTH,
      watch: { type: 'boolean', help: 'with --plain: print the lesson again whenever a lesson file changes' },
      lessons: LESSONS,
      ascii: ASCII,
    },
  },
  diagram: {
    args: 'NAME|FILE|-',
    summary: 'play a TCP scenario live (--plain prints it; --format mermaid|json)',
    positionals: { min: 1, max: 1 },
    options: {
      plain: { type: 'boolean', help: 'print the whole diagram instead of playing it (the default when piped)' },
      format: { type: 'string', value: 'text|mermaid|json', help: 'output format (default text)' },
      width: WIDTH,
      ascii: ASCII,
      relative: { type: 'boolean', help: 'relative sequence numbers (from 0)' },
      compact: { type: 'boolean', help: 'one line per event' },
      ...MODEL,
    },
    more: "NAME is a built-in scenario (see 'synack scenarios'), FILE a .tcp script, - reads the script from stdin.",
  },
  playground: {
    args: '',
    summary: 'drive a client and server yourself, watch the diagram grow',
    positionals: { min: 0, max: 0 },
    options: { lessons: LESSONS, ascii: ASCII },
  },
  trace: {
    args: 'NAME|FILE|-',
    summary: "print the model's trace of a scenario (--json)",
    positionals: { min: 1, max: 1 },
    options: { json: { type: 'boolean', help: 'the trace as JSON' }, ...MODEL },
    more: "NAME is a built-in scenario (see 'synack scenarios'), FILE a .tcp script, - reads the script from stdin.",
  },
  scenarios: {
    args: '',
    summary: 'list the built-in TCP scenarios',
    positionals: { min: 0, max: 0 },
    options: {},
  },
  quiz: {
    args: '',
    summary: 'interview prep (--print writes a worksheet with an answer key)',
    positionals: { min: 0, max: 0 },
    options: {
      mode: { type: 'string', value: 'mock|drill|review|mistakes', help: 'the kind of session (default drill)' },
      topic: { type: 'string', value: 'a,b', help: 'only these topics' },
      topics: { type: 'string', value: 'a,b', help: 'the same as --topic' },
      count: { type: 'string', value: 'N', help: `how many questions (${LIMITS.count.min}-${LIMITS.count.max}; at most the questions that match)` },
      time: { type: 'string', value: 'SECONDS', help: `time limit (${LIMITS.time.min}-${LIMITS.time.max}; 0: none)` },
      seed: { type: 'string', value: 'N', help: `seed for the question order and generated questions (${LIMITS.u32.min}-${LIMITS.u32.max})` },
      print: { type: 'boolean', help: 'print a worksheet with an answer key instead of the interactive quiz' },
      lessons: LESSONS,
      ascii: ASCII,
    },
  },
  stats: {
    args: '',
    summary: 'your accuracy per topic and the reviews due',
    positionals: { min: 0, max: 0 },
    options: {
      streak: { type: 'string', value: 'on|off', help: 'turn the daily streak on or off (it is opt-in)' },
      ascii: ASCII,
    },
  },
  check: {
    args: '[DIR]',
    summary: 'validate lesson files (file:line:col: message)',
    positionals: { min: 0, max: 1 },
    options: {
      watch: { type: 'boolean', help: 'check again whenever a lesson file changes (Ctrl+C stops)' },
      lessons: { type: 'string', value: 'DIR', help: 'the same as giving DIR' },
    },
    more: 'Exit 0 when no file has an error, 1 otherwise. DIR defaults to --lessons, SYNACK_LESSONS, then the built-in lessons.',
  },
  progress: {
    args: '',
    summary: 'show saved progress (--export FILE, --import FILE, --reset)',
    positionals: { min: 0, max: 0 },
    options: {
      export: { type: 'string', value: 'FILE', help: 'write your progress as JSON to FILE (- for stdout)' },
      import: { type: 'string', value: 'FILE', help: 'merge progress exported on another machine into this one' },
      reset: { type: 'boolean', help: 'start over (asks first; the old file is kept aside)' },
      yes: { type: 'boolean', short: 'y', help: 'with --reset: do not ask' },
    },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** `synack` with no command (the home screen). */
const HOME_EN: CommandSpec = {
  args: '',
  summary: 'open the tutor (home screen)',
  positionals: { min: 0, max: 0 },
  options: { lessons: LESSONS, ascii: ASCII },
};

const HELP_OPTION_EN: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

const CLI_EN = {
  title: 'synack - a terminal tutor for network protocols',
  usageHeader: 'Usage:',
  optionsHeader: 'Options:',
  commandsHeader: 'Commands:',
  usageLine: (cmd: string, args: string, hasOptions: boolean) =>
    `synack ${cmd}${args ? ` ${args}` : ''}${hasOptions ? ' [options]' : ''}`,
  homeLine: 'synack [--lessons DIR] [--ascii] [--lang en|zh-CN]',
  globalOptions: [
    ['--lang en|zh-CN', 'language (or SYNACK_LANG; default: the setting saved on the home screen, else the locale)'],
    ['--lessons DIR', 'use lessons from DIR (or set SYNACK_LESSONS)'],
    ['--ascii', 'ASCII only, no box drawing'],
    ['-h, --help', 'this help (synack help CMD: one command)'],
    ['-v, --version', 'the version'],
  ] as const,
  footer:
    'Progress is saved in your data directory (set SYNACK_HOME to move it). NO_COLOR=1 turns colour off.\n' +
    'Exit codes: 0 ok, 1 error, 2 usage error or no terminal, 70 a bug in synack (please report it).',
  helpMore: "Run 'synack help CMD' (or 'synack CMD --help') for a command's options.",

  // The argument layer (usage errors, exit 2).
  unknownCommand: (cmd: string, suggestion: string | null) =>
    `unknown command '${cmd}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  seeGeneralHelp: "Run 'synack --help' for the list.",
  unknownOption: (opt: string, suggestion: string | null) =>
    `unknown option '${opt}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  missingValue: (opt: string, value: string) => `${opt} needs a value (${opt} ${value}).`,
  noValue: (opt: string) => `${opt} takes no value.`,
  missingArgs: (args: string) => `missing argument: ${args}.`,
  extraArgs: (extra: string[]) => `unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.map((a) => `'${a}'`).join(' ')}.`,
  badInteger: (opt: string, v: string, min: number, max: number) =>
    `${opt} must be a whole number from ${min} to ${max}, not '${v}'.`,
  badChoice: (opt: string, v: string, choices: readonly string[]) =>
    `${opt} must be ${choices.slice(0, -1).join(', ')}${choices.length > 1 ? ' or ' : ''}${choices[choices.length - 1]}, not '${v}'.`,
  conflict: (a: string, b: string) => `${a} and ${b} cannot be used together.`,
  seeHelp: (cmd: string) => `Run 'synack help ${cmd}'.`,
  prefix: (cmd: string | null) => (cmd ? `synack ${cmd}: ` : 'synack: '),
  internal: (msg: string) => `internal error: ${msg}`,
  debugHint: '(set SYNACK_DEBUG=1 for details)',

  // Commands' runtime messages (exit 1).
  cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
  unknownScenario: (name: string, guess: string | null) =>
    `unknown scenario '${name}'.${guess ? ` Did you mean '${guess}'?` : ''} Built-in scenarios:`,
  stdinName: '<stdin>',
  noSuchFile: 'no such file',
  scenariosHeader: 'Built-in TCP scenarios (run one with `synack trace NAME`):',
  traceEnd: (t: string) => `end of run at ${t}`,
  traceTruncated: ' (stopped at the simulation limit; the trace is cut short)',
  quizNeedsTty: "interactive mode needs a terminal; use --print for a worksheet.",
  countCapped: (asked: number, got: number) =>
    `--count ${asked}: only ${got} question${got === 1 ? '' : 's'} match these options; the worksheet has ${got}.`,
  /** The start of check's summary line: how many files it read. */
  checkedFiles: (n: number) => `${n} file${n === 1 ? '' : 's'} checked: `,
  watching: (what: string) => `Watching ${what} (Ctrl+C stops).`,
  watchChanged: (file: string) => `\n${file} changed: checking again.`,
  watchLessonGone: (id: string) => `The lesson '${id}' is gone or broken; waiting for the next change.`,
  watchNeedsPlain: '--watch works with --plain (it prints the lesson again after every change).',
  lessonNotFound: (id: string, known: string[]) =>
    `no lesson '${id}'.` + (known.length ? ` Lessons: ${known.join(', ')}.` : ' No lessons were found.'),
} as const;

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
// TODO(i18n step 2): translate.
const COMMANDS_ZH: Translation<typeof COMMANDS_EN> = COMMANDS_EN;
// TODO(i18n step 2): translate.
const HOME_ZH: Translation<typeof HOME_EN> = HOME_EN;
// TODO(i18n step 2): translate.
const HELP_OPTION_ZH: Translation<typeof HELP_OPTION_EN> = HELP_OPTION_EN;
// TODO(i18n step 2): translate.
const CLI_ZH: Translation<typeof CLI_EN> = CLI_EN;

export const COMMANDS = catalogue('cli.COMMANDS', { en: COMMANDS_EN, 'zh-CN': COMMANDS_ZH });
export const HOME = catalogue('cli.HOME', { en: HOME_EN, 'zh-CN': HOME_ZH });
export const HELP_OPTION = catalogue('cli.HELP_OPTION', { en: HELP_OPTION_EN, 'zh-CN': HELP_OPTION_ZH });
export const CLI = catalogue('cli.CLI', { en: CLI_EN, 'zh-CN': CLI_ZH });
