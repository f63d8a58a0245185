/**
 * What `synack trace` and `synack diagram` share: reading a scenario (a built-in name, a .tcp file,
 * or `-` for stdin) and the model options (--profile, --seed, --isn-client, --isn-server).
 * Each command keeps its own wording: the messages are passed in.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type CliIO } from './io.js';
import { getScenario, runSource, SCENARIOS, type Profile, type RunOptions, type Trace } from '../tcp/index.js';
import { arg, fsReason, safe, writeLine } from './safe.js';
import { badChoice, reportError, suggest } from './args.js';
import { CLI, LIMITS } from './strings.js';

export interface ScriptInput {
  source: string;
  /** For messages: `scenarios/NAME.tcp`, the file as given, or the stdin label. */
  label: string;
  /** The scenario's name in the trace. */
  name: string;
}

export type ScriptInputResult =
  | { ok: true; input: ScriptInput }
  /** Not a built-in name and not a path. */
  | { ok: false; unknown: true }
  /** A file that could not be read: the message to print. */
  | { ok: false; unknown: false; message: string };

export async function readScriptInput(
  target: string,
  io: CliIO,
  m: { stdinName: string; cannotRead: (file: string, why: string) => string; noSuchFile: string },
): Promise<ScriptInputResult> {
  if (target === '-') return { ok: true, input: { source: await io.readStdin(), label: m.stdinName, name: 'stdin' } };
  const builtin = getScenario(target);
  if (builtin) return { ok: true, input: { source: builtin.source, label: `scenarios/${builtin.name}.tcp`, name: builtin.name } };
  if (!(target.endsWith('.tcp') || target.includes('/') || target.includes('\\'))) return { ok: false, unknown: true };
  try {
    const source = await readFile(resolve(io.cwd, target), 'utf8');
    return { ok: true, input: { source, label: target, name: target.replace(/^.*[\\/]/, '').replace(/\.tcp$/, '') } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, unknown: false, message: m.cannotRead(arg(target), code === 'ENOENT' ? m.noSuchFile : fsReason(e)) };
  }
}

/** The model options from parsed flags. Throws an Error with the command's message on a bad value. */
export function modelOptions(
  values: { profile?: string; seed?: string; 'isn-client'?: string; 'isn-server'?: string },
  m: { badProfile: (p: string) => string; badNumber: (opt: string, v: string) => string },
): RunOptions {
  const opts: RunOptions = {};
  if (values.profile !== undefined) {
    if (values.profile !== 'rfc' && values.profile !== 'linux') throw new Error(m.badProfile(values.profile));
    opts.profile = values.profile as Profile;
  }
  const num = (opt: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) > 4294967295) throw new Error(m.badNumber(opt, v));
    return Number(v);
  };
  const seed = num('seed', values.seed);
  const isnClient = num('isn-client', values['isn-client']);
  const isnServer = num('isn-server', values['isn-server']);
  if (seed !== undefined) opts.seed = seed;
  if (isnClient !== undefined) opts.isnClient = isnClient;
  if (isnServer !== undefined) opts.isnServer = isnServer;
  return opts;
}

/** The model options of trace/diagram, as usage errors (exit 2). */
export function modelOptionsOf(values: Record<string, string | boolean | undefined>): RunOptions {
  const v = values as { profile?: string; seed?: string; 'isn-client'?: string; 'isn-server'?: string };
  try {
    return modelOptions(v, {
      badProfile: (p) => badChoice('--profile', p, ['rfc', 'linux']),
      badNumber: (opt, x) => CLI.badInteger(`--${opt}`, arg(x), LIMITS.u32.min, LIMITS.u32.max),
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e), 2);
  }
}

/** An unknown scenario name: the closest name, then the list (exit 1). */
export function unknownScenario(io: CliIO, cmd: 'trace' | 'diagram' | 'plot', target: string): number {
  const guess = suggest(target, SCENARIOS.map((s) => s.name));
  reportError(io, cmd, CLI.unknownScenario(arg(target), guess));
  const w = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) io.stderr.write(`  ${s.name.padEnd(w)}  ${s.description}\n`);
  return 1;
}

/** Getters: read in the language of the moment they are used, not frozen at import. */
export const SCRIPT_INPUT_MESSAGES = {
  get stdinName() {
    return CLI.stdinName;
  },
  cannotRead: (file: string, why: string) => CLI.cannotRead(file, why),
  get noSuchFile() {
    return CLI.noSuchFile;
  },
};


/**
 * The model run behind `trace`, `diagram` and `plot`: reads TARGET (a built-in, a file or `-`),
 * runs it with `opts` (their `name` set to the script's) and reports what went wrong the commands' one way (an unknown scenario with
 * the list, a read error, each script error at label:line:col). `exit` is the code to return then.
 */
export async function runScriptTarget(
  cmd: 'trace' | 'diagram' | 'plot',
  target: string,
  opts: RunOptions,
  io: CliIO,
): Promise<{ ok: true; trace: Trace; label: string; source: string; name: ScriptInput['name'] } | { ok: false; exit: number }> {
  const read = await readScriptInput(target, io, SCRIPT_INPUT_MESSAGES);
  if (!read.ok) {
    if (read.unknown) return { ok: false, exit: unknownScenario(io, cmd, target) };
    reportError(io, cmd, read.message);
    return { ok: false, exit: 1 };
  }
  const { source, label, name } = read.input;
  opts.name = name;
  const r = runSource(source, opts);
  if (!r.ok) {
    for (const err of r.errors) writeLine(io.stderr, `${label}:${err.line}:${err.col}: ${err.message}`);
    return { ok: false, exit: 1 };
  }
  return { ok: true, trace: r.trace, label, source, name };
}
