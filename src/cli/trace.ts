/**
 * `synack trace <name|file.tcp|->` and `synack scenarios`. Thin: reads the script (script-input.ts), calls the pure
 * model, formats. Errors are one line (file:line:col: message), never a stack trace.
 */
import type { Command, CliIO } from './io.js';
import { safe, safeJson } from './safe.js';
import { modelOptionsOf, runScriptTarget } from './script-input.js';
import { defineCommand } from './args.js';
import { CLI } from './strings.js';

const T = CLI.trace;
import { SCENARIOS, foldTrace, traceToJson, type Trace, type TraceEvent } from '../tcp/index.js';

function fmtT(t: number): string {
  return `${Math.round(t * 1000) / 1000} ms`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The width of the time column: at least 12, and always one space after the longest time. */
export function timeColumn(events: readonly TraceEvent[]): number {
  let w = 12;
  for (const e of events) w = Math.max(w, fmtT(e.t).length + 1);
  return w;
}

/** One readable line per event (`width`: the time column's, see timeColumn); its words: CLI.trace. */
export function formatEvent(e: TraceEvent, width = timeColumn([e])): string {
  const t = pad(fmtT(e.t), width);
  switch (e.type) {
    case 'segment': {
      const seg = `${e.flags.join(',')} seq=${e.seq}${e.ack !== null ? ` ack=${e.ack}` : ''} len=${e.len}`;
      const fate = e.fate === 'dropped' ? T.dropped(e.dropReason) : T.arrives(fmtT(e.arrives));
      return `${t}#${e.id} ${e.from} -> ${e.to}  ${seg}${e.retransmission ? T.retransmission : ''}  ${fate}  | ${e.explain}`;
    }
    case 'state':
      return `${t}${T.state(e.host, e.from, e.to, e.cause)}  | ${e.explain}`;
    case 'timer':
      return `${t}${T.timer(e.host, e.timer, e.action, e.expires !== undefined ? fmtT(e.expires) : null)}  | ${e.explain}`;
    case 'app':
      return `${t}${T.app(e.host, e.call, e.bytes, e.error)}  | ${e.explain}`;
    case 'flood':
      return `${t}${T.flood(e.count, e.to, fmtT(e.until), e.queued, e.cookies, e.dropped)}  | ${e.explain}`;
    case 'queue':
      return `${t}${T.queue(e.host, e.synQueue, e.synQueueMax, e.acceptQueue, e.acceptQueueMax)}`;
    case 'arrival':
      return `${t}${T.arrival(e.segment, e.host, e.dropReason)}  | ${e.explain}`;
  }
}

/** The folded trace (src/tcp/fold.ts): each segment's line says the fate it met on arrival. */
export function formatTrace(raw: Trace): string {
  const trace = foldTrace(raw);
  const lines: string[] = [];
  const hosts = Object.entries(trace.hosts).map(([n, h]) => T.host(n, `${h.ip}:${h.port}`, h.isn));
  lines.push(T.header(trace.scenario, trace.profile, hosts));
  const w = timeColumn(trace.events);
  for (const e of trace.events) lines.push(formatEvent(e, w));
  lines.push(CLI.traceEnd(fmtT(trace.end)) + (trace.truncated ? CLI.traceTruncated : ''));
  return lines.join('\n') + '\n';
}

export function listScenarios(out: CliIO['stdout'] | CliIO['stderr']): void {
  const w = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) out.write(`  ${pad(s.name, w)}  ${s.description}\n`);
}

export const traceCommand: Command = defineCommand('trace', async ({ values, positionals }, io) => {
  const target = positionals[0]!;
  const opts = modelOptionsOf(values);
  const run = await runScriptTarget('trace', target, opts, io);
  if (!run.ok) return run.exit;
  if (values.json) io.stdout.write(safeJson(JSON.stringify(traceToJson(run.trace), null, 2)) + '\n');
  else io.stdout.write(safe(formatTrace(run.trace)));
  return 0;
});

export const scenariosCommand: Command = defineCommand('scenarios', async (_args, io) => {
  io.stdout.write(CLI.scenariosHeader + '\n');
  listScenarios(io.stdout);
  return 0;
});
