/**
 * The one argument layer of every command: a thin wrapper over `node:util` parseArgs driven by the
 * command table in strings.ts. It gives every command `--help`, "did you mean" for mistyped options,
 * the same usage-error format (`synack CMD: message` + a pointer to `synack help CMD`, exit 2), and
 * rejects extra arguments. Adding a command's option is one entry in that table.
 */
import { parseArgs } from 'node:util';
import { UsageError, type CliIO, type Command } from './io.js';
import { arg, argList, safe, writeLine } from './safe.js';
import { suggest } from '../util/suggest.js';
import { padEndLite, widthLite } from '../text/width-lite.js';

export { distance, suggest } from '../util/suggest.js';
import { CLI, COMMANDS, HELP_OPTION, HOME, type CommandName, type CommandSpec, type OptionSpec } from './strings.js';
import { LANGS, resolveLang, setLang, UnknownLangError, type Lang } from '../i18n/index.js';

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The --lang value given on the command line (the shell's later resolveLang calls need it), if any. */
let langFlag: string | undefined;

export function givenLangFlag(): string | undefined {
  return langFlag;
}

/**
 * Takes the global option `--lang L` / `--lang=L` out of `argv` (anywhere before `--`; the last
 * one wins). Throws a UsageError for a missing value.
 */
export function takeLangOption(argv: readonly string[]): { argv: string[]; flag: string | undefined } {
  const out: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('-')) throw new UsageError(CLI.missingValue('--lang', LANGS.join('|')), 2);
      flag = v;
      i++;
    } else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
    else out.push(a);
  }
  return { argv: out, flag };
}

/**
 * Chooses the language at start (src/cli.ts, and every command run directly): --lang, else
 * SYNACK_LANG, else the locale (src/i18n resolveLang). The saved setting of the home screen is
 * applied later by the interactive app, when it has read the progress (--lang and SYNACK_LANG
 * still win). Returns argv without --lang; a bad value is a usage error listing the choices.
 */
export function applyLangOption(argv: readonly string[], env: Record<string, string | undefined>): string[] {
  const taken = takeLangOption(argv);
  // This command line's flag, or none: a run in the same process (tests run many) must not
  // inherit an earlier one's --lang.
  langFlag = taken.flag;
  let lang: Lang;
  try {
    lang = resolveLang({ flag: langFlag, env });
  } catch (e) {
    if (e instanceof UnknownLangError) {
      // The error itself in the language the environment asks for.
      langFlag = undefined;
      setLang(resolveLang({ env }));
      throw new UsageError(badChoice('--lang', e.value, e.choices), 2);
    }
    throw e;
  }
  setLang(lang);
  return taken.argv;
}

function specOf(cmd: CommandName | null): CommandSpec {
  return cmd === null ? HOME : COMMANDS[cmd];
}

function withHelp(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: HELP_OPTION };
}

/**
 * Parses a command's arguments against its table entry. Throws a UsageError (exit 2) for an
 * unknown option (with a suggestion), a missing or unexpected value, or a wrong number of
 * positionals. `--help` wins over every other check.
 */
export function parseCommand(cmd: CommandName | null, argv: readonly string[]): Parsed & { help: boolean } {
  const spec = specOf(cmd);
  const options = withHelp(spec);
  // A negative number after an option that takes a value is that value (`--count -1` is a bad
  // count, not a missing value): pass it as `--count=-1`.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') ? a.slice(2) : null;
    const next = argv[i + 1];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  if (args.includes('--help') || args.includes('-h')) {
    const end = args.indexOf('--');
    const at = Math.min(...['--help', '-h'].map((h) => args.indexOf(h)).filter((i) => i >= 0));
    if (end < 0 || at < end) return { help: true, values: {}, positionals: [] };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const u = usageFromParseArgs(e, options);
    throw new UsageError(CLI.withHint(u.message, seeHelp(cmd)), 2);
  }
  const positionals = parsed.positionals;
  if (positionals.length < spec.positionals.min) throw new UsageError(CLI.withHint(CLI.missingArgs(spec.args), seeHelp(cmd)), 2);
  if (positionals.length > spec.positionals.max)
    throw new UsageError(CLI.withHint(CLI.extraArgs(argList(positionals.slice(spec.positionals.max))), seeHelp(cmd)), 2);
  return { help: false, values: parsed.values as Parsed['values'], positionals };
}

function seeHelp(cmd: CommandName | null): string {
  return cmd === null ? CLI.seeGeneralHelp : CLI.seeHelp(cmd);
}

function usageFromParseArgs(e: unknown, options: Record<string, OptionSpec>): UsageError {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const quoted = /'([^']*)'/.exec(msg)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const opt = quoted.split('=')[0]!;
    const names = Object.keys(options).map((k) => `--${k}`);
    const guess = opt.startsWith('--') ? suggest(opt, names) : null;
    return new UsageError(CLI.unknownOption(arg(opt), guess), 2);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--([\w-]+)/.exec(msg)?.[1];
    const o = long !== undefined ? options[long] : undefined;
    if (long !== undefined && o?.type === 'boolean') return new UsageError(CLI.noValue(`--${long}`), 2);
    if (long !== undefined) return new UsageError(CLI.missingValue(`--${long}`, o?.value ?? 'VALUE'), 2);
  }
  return new UsageError(safe(msg.split('\n')[0] ?? msg), 2);
}

/** A string option's value as a whole number in [min, max] (undefined when absent). */
export function intOption(values: Parsed['values'], name: string, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined || typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) throw new UsageError(CLI.badInteger(`--${name}`, arg(v), min, max), 2);
  return Number(t);
}

/** A value not among `choices`: what is allowed, and the closest choice when one is close (`mermaind`). */
export function badChoice(opt: string, v: string, choices: readonly string[]): string {
  const guess = suggest(v, choices);
  return CLI.badChoice(opt, arg(v), choices) + (guess !== null ? CLI.didYouMean(guess) : '');
}

/** A string option that must be one of `choices` (undefined when absent). */
export function choiceOption<T extends string>(values: Parsed['values'], name: string, choices: readonly T[]): T | undefined {
  const v = values[name];
  if (v === undefined || typeof v !== 'string') return undefined;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(badChoice(`--${name}`, v, choices), 2);
  return v as T;
}

/**
 * Rows of a help table, `  label  text`, the texts in one column: labels padded by display width (a
 * CJK character is two columns), so a translated label still aligns (src/text/width-lite.ts: the
 * help is on the start-up path, width.ts is not). `minWidth`: a label column at least this wide.
 */
export function helpTable(rows: readonly (readonly [string, string])[], minWidth = 0, width = Infinity): string[] {
  const w = Math.max(minWidth, ...rows.map((r) => widthLite(r[0])));
  const indent = 2 + w + 2;
  // Texts wrap within `width` columns, continued under the text column (not when that leaves too little).
  const textWidth = width - indent >= 24 ? width - indent : Infinity;
  return rows.flatMap(([l, h]) => wrapLite(h, textWidth).map((t, i) => (i === 0 ? `  ${padEndLite(l, w)}  ${t}` : ' '.repeat(indent) + t)));
}

/**
 * `text` in lines of at most `width` columns (by widthLite), broken at spaces and beside a wide
 * (CJK) character; a word wider than `width` stays whole on its own line.
 */
export function wrapLite(text: string, width: number): string[] {
  if (widthLite(text) <= width) return [text];
  const tokens: { t: string; space: boolean }[] = [];
  let cur = '';
  let space = false;
  const flush = (): void => {
    if (cur === '') return;
    tokens.push({ t: cur, space });
    cur = '';
    space = false;
  };
  for (const ch of text) {
    if (ch === ' ') {
      flush();
      space = true;
    } else if (widthLite(ch) === 2) {
      flush();
      tokens.push({ t: ch, space });
      space = false;
    } else cur += ch;
  }
  flush();
  const out: string[] = [];
  // The current line as tokens (each with the gap before it), so a closing punctuation mark that
  // does not fit can take the token before it to the next line.
  let line: { t: string; gap: number }[] = [];
  let lw = 0;
  const text_ = (l: typeof line): string => l.map((x, i) => (i > 0 && x.gap ? ' ' : '') + x.t).join('');
  const widthOf = (l: typeof line): number => l.reduce((n, x, i) => n + (i > 0 ? x.gap : 0) + widthLite(x.t), 0);
  for (const { t, space: sp } of tokens) {
    const tw = widthLite(t);
    const gap = sp && line.length > 0 ? 1 : 0;
    if (line.length > 0 && lw + gap + tw > width) {
      // Closing punctuation (`）`, `。`, ...) never starts a line: the token before it comes along.
      const carry = gap === 0 && /^[）。，、：；！？」』》〉]$/.test(t) && line.length > 1 ? [line.pop()!] : [];
      out.push(text_(line));
      line = [...carry.map((x) => ({ ...x, gap: 0 })), { t, gap }];
      lw = widthOf(line);
    } else {
      line.push({ t, gap });
      lw += gap + tw;
    }
  }
  if (line.length > 0) out.push(text_(line));
  return out;
}

/** The width help is laid out for: the terminal's (at least 40), else 80. */
export function helpWidth(io: CliIO): number {
  return io.stdout.isTTY && io.stdout.columns ? Math.max(40, io.stdout.columns) : 80;
}

function optionLines(options: Record<string, OptionSpec>, width: number): string[] {
  return helpTable(
    Object.entries(options).map(([k, o]) => [`${o.short ? `-${o.short}, ` : ''}--${k}${o.value ? ` ${o.value}` : ''}`, o.help] as const),
    0,
    width,
  );
}

/** Paragraph lines wrapped to `width`. */
function paragraphs(text: string, width: number): string[] {
  return text.split('\n').flatMap((l) => wrapLite(l, width));
}

/** `synack help CMD` / `synack CMD --help`, laid out for `width` columns. */
export function commandHelp(cmd: CommandName, width = 80): string {
  const spec = COMMANDS[cmd] as CommandSpec;
  const lines = [
    CLI.usageOf(CLI.usageLine(cmd, spec.args, true)),
    '',
    ...paragraphs(CLI.sentence(spec.summary.charAt(0).toUpperCase() + spec.summary.slice(1)), width),
    ...(spec.more ? paragraphs(spec.more, width) : []),
    '',
    CLI.optionsHeader,
    ...optionLines(withHelp(spec), width),
  ];
  return lines.join('\n') + '\n';
}

/** `synack --help`: every command of the table, laid out for `width` columns. */
export function generalHelp(width = 80): string {
  const rows: [string, string][] = [[CLI.homeLine, HOME.summary]];
  for (const [name, spec] of Object.entries(COMMANDS) as [string, CommandSpec][]) rows.push([CLI.usageLine(name, spec.args, false), spec.summary]);
  rows.push([CLI.helpLine[0], CLI.helpLine[1]]);
  // One label column for both tables.
  const w = Math.max(...rows.map((r) => widthLite(r[0])), ...CLI.globalOptions.map((r) => widthLite(r[0])));
  return (
    [
      CLI.title,
      '',
      CLI.usageHeader,
      ...helpTable(rows, w, width),
      '',
      CLI.optionsHeader,
      ...helpTable(CLI.globalOptions, w, width),
      '',
      ...paragraphs(CLI.helpMore, width),
      ...paragraphs(CLI.footer, width),
    ].join('\n') + '\n'
  );
}

/** Writes a usage error in the one format: one line, `synack CMD: message`. */
export function reportUsage(io: CliIO, cmd: CommandName | null, message: string): void {
  writeLine(io.stderr, CLI.prefix(cmd) + message);
}

/** A runtime error in the one format (`synack CMD: message`); the command then returns 1. */
export function reportError(io: CliIO, cmd: CommandName | null, message: string): void {
  writeLine(io.stderr, CLI.prefix(cmd) + message);
}

/**
 * A command from its table entry and its body: `--help` prints the command's help, usage errors
 * (thrown as UsageError by the layer or the body) are reported in the one format with their exit
 * code (2 unless the error says otherwise).
 */
export function defineCommand(cmd: CommandName | null, body: (args: Parsed, io: CliIO) => Promise<number>): Command {
  return async (argvIn, io) => {
    try {
      // --lang is global: src/cli.ts has taken it already; a command run directly (tests) may carry it.
      const taken = takeLangOption(argvIn);
      if (taken.flag !== undefined) applyLangOption(['--lang', taken.flag], io.env);
      const argv = taken.argv;
      const parsed = parseCommand(cmd, argv);
      if (parsed.help) {
        io.stdout.write(cmd === null ? generalHelp(helpWidth(io)) : commandHelp(cmd, helpWidth(io)));
        return 0;
      }
      return await body(parsed, io);
    } catch (e) {
      if (e instanceof UsageError) {
        if (e.code === 2) reportUsage(io, cmd, e.message);
        else reportError(io, cmd, e.message);
        return e.code;
      }
      throw e;
    }
  };
}
