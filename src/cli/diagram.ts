/**
 * `synack diagram <name|file.tcp|->`: the sequence diagram of a scenario.
 *   - on a terminal (stdin and stdout TTYs) without --plain: opens the live player (src/cli/app.ts);
 *   - with --plain or when piped: prints the whole diagram and exits 0;
 *   - --format mermaid prints a Mermaid sequenceDiagram, --format json the trace.
 * Thin: reads the input, runs the pure model, renders with src/diagram. Errors are one line
 * (`file:line:col: message`), never a stack trace.
 */
import { parseArgs } from 'node:util';
import type { CliIO, Command } from './io.js';
import { modelOptions, readScriptInput } from './script-input.js';
import { SCENARIOS, runSource, traceToJson, type RunOptions } from '../tcp/index.js';
import { renderStyled, type Role, type StyledLine } from '../diagram/render.js';
import { toMermaid } from '../diagram/mermaid.js';
import { DIAGRAM_STRINGS } from '../diagram/strings.js';
import { safe, safeJson, writeLine } from './safe.js';
import type { PlayerOptions } from './app.js';

const M = DIAGRAM_STRINGS.cli;

/** SGR codes per role (only used on a colour terminal without NO_COLOR). */
const COLOURS: Partial<Record<Role, [string, string]>> = {
  flag: ['\x1b[36m', '\x1b[39m'],
  state: ['\x1b[1;32m', '\x1b[22;39m'],
  drop: ['\x1b[1;31m', '\x1b[22;39m'],
  time: ['\x1b[2m', '\x1b[22m'],
  note: ['\x1b[33m', '\x1b[39m'],
  host: ['\x1b[1m', '\x1b[22m'],
  current: ['\x1b[1;35m', '\x1b[22;39m'],
  legend: ['\x1b[2m', '\x1b[22m'],
};

export function colourLine(line: StyledLine): string {
  return line
    .map((r) => {
      const c = r.role ? COLOURS[r.role] : undefined;
      const text = safe(r.text);
      return c && text.trim() ? c[0] + text + c[1] : text;
    })
    .join('');
}

/** Colour only on a colour terminal, and never with NO_COLOR (any non-empty value) set. */
export function wantsColour(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (!io.stdout.isTTY) return false;
  return io.stdout.hasColors ? io.stdout.hasColors() : true;
}

function parseNum(opt: string, v: string | undefined, max = 4294967295): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) > max) throw new Error(M.badNumber(`--${opt}`, v));
  return Number(v);
}

/** The live player's options from the parsed flags (model options, --ascii, --relative). */
export function playerOptions(opts: RunOptions, flags: { ascii: boolean; relative: boolean }): PlayerOptions {
  return {
    ascii: flags.ascii,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.isnClient !== undefined ? { isnClient: opts.isnClient } : {}),
    ...(opts.isnServer !== undefined ? { isnServer: opts.isnServer } : {}),
    // The player starts relative by default; --relative asks for it explicitly.
    ...(flags.relative ? { relative: true } : {}),
  };
}

export const diagramCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        plain: { type: 'boolean' },
        width: { type: 'string' },
        ascii: { type: 'boolean' },
        relative: { type: 'boolean' },
        compact: { type: 'boolean' },
        format: { type: 'string' },
        profile: { type: 'string' },
        seed: { type: 'string' },
        'isn-client': { type: 'string' },
        'isn-server': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /Unknown option '([^']+)'/.exec(msg);
    writeLine(io.stderr, (m ? M.unknownOption(m[1]) : `diagram: ${msg}`) + '\n' + M.usage);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(M.usage + '\n');
    return 0;
  }
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    io.stderr.write(M.missingTarget + '\n' + M.usage + '\n');
    return 1;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'mermaid' && format !== 'json') {
    writeLine(io.stderr, M.badFormat(format));
    return 1;
  }
  let opts: RunOptions;
  let width: number | undefined;
  try {
    // The diagram's messages name the option with its dashes.
    opts = modelOptions(values, { badProfile: M.badProfile, badNumber: (opt, v) => M.badNumber(`--${opt}`, v) });
    width = parseNum('width', values.width, 10000);
    if (width === 0) throw new Error(M.badNumber('--width', '0'));
  } catch (e) {
    writeLine(io.stderr, e instanceof Error ? e.message : String(e));
    return 1;
  }

  // The input: a built-in, a file, or stdin.
  const read = await readScriptInput(target, io, M);
  if (!read.ok) {
    writeLine(io.stderr, read.unknown ? M.unknownScenario(target, SCENARIOS.map((s) => s.name)) : read.message);
    return 1;
  }
  const { source, label, name } = read.input;
  opts.name = name;

  const r = runSource(source, opts);
  if (!r.ok) {
    for (const err of r.errors) writeLine(io.stderr, `${label}:${err.line}:${err.col}: ${err.message}`);
    return 1;
  }

  const interactive = !values.plain && format === 'text' && !!io.stdout.isTTY && !!io.stdin.isTTY;
  if (interactive) {
    const app = await import('./app.js');
    return app.openPlayer(safe(name), source, io, playerOptions(opts, { ascii: !!values.ascii, relative: !!values.relative }));
  }

  if (format === 'json') {
    io.stdout.write(safeJson(JSON.stringify(traceToJson(r.trace), null, 2)) + '\n');
    return 0;
  }
  if (format === 'mermaid') {
    io.stdout.write(safe(toMermaid(r.trace, { seq: values.relative ? 'relative' : 'absolute' })));
    return 0;
  }
  const cols = width ?? (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80);
  const lines = renderStyled(r.trace, {
    width: cols,
    charset: values.ascii ? 'ascii' : 'unicode',
    seq: values.relative ? 'relative' : 'absolute',
    compact: !!values.compact,
  });
  const colour = wantsColour(io);
  io.stdout.write(lines.map((l) => (colour ? colourLine(l) : safe(l.map((x) => x.text).join('')))).join('\n') + '\n');
  return 0;
};
