/**
 * `synack trace <name|file.tcp|->` and `synack scenarios`. Thin: reads the script (script-input.ts), calls the pure
 * model, formats. Errors are one line (file:line:col: message), never a stack trace.
 */
import { parseArgs } from 'node:util';
import type { Command, CliIO } from './io.js';
import { safe, safeJson, writeLine } from './safe.js';
import { modelOptions, readScriptInput } from './script-input.js';
import { SCENARIOS, runSource, traceToJson, type RunOptions, type Trace, type TraceEvent } from '../tcp/index.js';

export const TRACE_STRINGS = {
  usage:
    'Usage: synack trace NAME|FILE.tcp|- [--json] [--profile rfc|linux] [--seed N] [--isn-client N] [--isn-server N]\n' +
    '  Prints the TCP model\'s trace of a built-in scenario or a script (see `synack scenarios`).\n',
  missing: 'synack trace: give a scenario name, a .tcp file, or - for stdin.',
  unknown: (name: string) => `synack trace: unknown scenario '${name}'. Built-in scenarios:`,
  badProfile: (p: string) => `synack trace: --profile must be rfc or linux, not '${p}'.`,
  badNumber: (opt: string, v: string) => `synack trace: --${opt} needs a whole number from 0 to 4294967295, not '${v}'.`,
  cannotRead: (file: string, why: string) => `synack trace: cannot read ${file}: ${why}`,
  scenariosHeader: 'Built-in TCP scenarios (run one with `synack trace NAME`):',
  badArgs: (msg: string) => `synack trace: ${msg}`,
  end: (t: string) => `end of run at ${t}`,
  truncated: ' (stopped at the simulation limit; the trace is cut short)',
};

function fmtT(t: number): string {
  return `${Math.round(t * 1000) / 1000} ms`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** One readable line per event. */
export function formatEvent(e: TraceEvent): string {
  const t = pad(fmtT(e.t), 12);
  switch (e.type) {
    case 'segment': {
      const seg = `${e.flags.join(',')} seq=${e.seq}${e.ack !== null ? ` ack=${e.ack}` : ''} len=${e.len}`;
      const fate = e.fate === 'dropped' ? `DROPPED (${e.dropReason ?? 'lost'})` : `arrives ${fmtT(e.arrives)}`;
      return `${t}#${e.id} ${e.from} -> ${e.to}  ${seg}${e.retransmission ? ' [retransmission]' : ''}  ${fate}  | ${e.explain}`;
    }
    case 'state':
      return `${t}${e.host}: ${e.from} -> ${e.to} (${e.cause})  | ${e.explain}`;
    case 'timer':
      return `${t}${e.host}: timer ${e.timer} ${e.action}${e.expires !== undefined ? ` (expires ${fmtT(e.expires)})` : ''}  | ${e.explain}`;
    case 'app':
      return `${t}${e.host}: app ${e.call}${e.bytes !== undefined ? ` ${e.bytes}` : ''}${e.error ? ` -> error: ${e.error}` : ''}  | ${e.explain}`;
    case 'flood':
      return `${t}flood: ${e.count} spoofed SYN -> ${e.to} until ${fmtT(e.until)} (queued ${e.queued}, cookies ${e.cookies}, dropped ${e.dropped})  | ${e.explain}`;
    case 'queue':
      return `${t}${e.host}: SYN queue ${e.synQueue}/${e.synQueueMax}, accept queue ${e.acceptQueue}/${e.acceptQueueMax}`;
  }
}

export function formatTrace(trace: Trace): string {
  const lines: string[] = [];
  const hosts = Object.entries(trace.hosts)
    .map(([n, h]) => `${n} ${h.ip}:${h.port}${h.isn !== null ? ` ISN ${h.isn}` : ''}`)
    .join(', ');
  lines.push(`scenario ${trace.scenario} (profile ${trace.profile}): ${hosts}`);
  for (const e of trace.events) lines.push(formatEvent(e));
  lines.push(TRACE_STRINGS.end(fmtT(trace.end)) + (trace.truncated ? TRACE_STRINGS.truncated : ''));
  return lines.join('\n') + '\n';
}

function listScenarios(io: CliIO, out: CliIO['stdout'] | CliIO['stderr']): void {
  const w = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) out.write(`  ${pad(s.name, w)}  ${s.description}\n`);
  void io;
}

export const traceCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        profile: { type: 'string' },
        seed: { type: 'string' },
        'isn-client': { type: 'string' },
        'isn-server': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    writeLine(io.stderr, TRACE_STRINGS.badArgs(e instanceof Error ? e.message : String(e)));
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(TRACE_STRINGS.usage);
    return 0;
  }
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    io.stderr.write(TRACE_STRINGS.missing + '\n' + TRACE_STRINGS.usage);
    return 1;
  }
  let opts: RunOptions;
  try {
    opts = modelOptions(values, TRACE_STRINGS);
  } catch (e) {
    writeLine(io.stderr, e instanceof Error ? e.message : String(e));
    return 1;
  }
  const read = await readScriptInput(target, io, { stdinName: '<stdin>', cannotRead: TRACE_STRINGS.cannotRead, noSuchFile: 'no such file' });
  if (!read.ok) {
    if (read.unknown) {
      writeLine(io.stderr, TRACE_STRINGS.unknown(target));
      listScenarios(io, io.stderr);
    } else writeLine(io.stderr, read.message);
    return 1;
  }
  const { source, label, name } = read.input;
  opts.name = name;
  const r = runSource(source, opts);
  if (!r.ok) {
    for (const err of r.errors) writeLine(io.stderr, `${label}:${err.line}:${err.col}: ${err.message}`);
    return 1;
  }
  if (values.json) io.stdout.write(safeJson(JSON.stringify(traceToJson(r.trace), null, 2)) + '\n');
  else io.stdout.write(safe(formatTrace(r.trace)));
  return 0;
};

export const scenariosCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write('Usage: synack scenarios\n  Lists the built-in TCP scenarios.\n');
    return 0;
  }
  io.stdout.write(TRACE_STRINGS.scenariosHeader + '\n');
  listScenarios(io, io.stdout);
  return 0;
};
