/**
 * `synack plot NAME|FILE|-`: the congestion chart of a scenario (src/diagram/chart.ts): cwnd,
 * ssthresh, FlightSize and the peer's window of one host over the run's time, as a terminal chart
 * (--format text, the default), or one row per event (--format csv|json). Thin: reads the script
 * (script-input.ts), runs the pure model, renders. Errors are one line, never a stack trace: a bad
 * option value is a usage error (exit 2), a script error `file:line:col: message` (exit 1), a run
 * without congestion state exit 1.
 */
import { UsageError, type CliIO, type Command } from './io.js';
import { modelOptionsOf, runScriptTarget } from './script-input.js';
import { choiceOption, defineCommand, intOption, reportError, suggest, type Parsed } from './args.js';
import { CLI, LIMITS } from './strings.js';
import { arg, safe, safeJson } from './safe.js';
import type { Trace } from '../tcp/index.js';
import { CHART_METRICS, ccHosts, ccRows, mainSender, metricValue, renderChart, senderMss, type ChartMetric } from '../diagram/chart.js';

/** `--metric a,b`: the series in the order given (each once), or all four. */
export function parseMetrics(v: string | boolean | undefined): ChartMetric[] {
  if (v === undefined || typeof v !== 'string') return [...CHART_METRICS];
  const out: ChartMetric[] = [];
  for (const raw of v.split(',')) {
    const name = raw.trim();
    if (name === 'all') {
      for (const m of CHART_METRICS) if (!out.includes(m)) out.push(m);
      continue;
    }
    if (!(CHART_METRICS as readonly string[]).includes(name)) {
      throw new UsageError(CLI.badMetric(arg(name), suggest(name, [...CHART_METRICS, 'all']), CHART_METRICS), 2);
    }
    if (!out.includes(name as ChartMetric)) out.push(name as ChartMetric);
  }
  return out;
}

/** One row per event from the first with congestion state for `host`. */
export interface PlotRow {
  event: number;
  t: number;
  cwnd?: number | null;
  ssthresh?: number | null;
  flight?: number | null;
  rwnd?: number | null;
  dup_acks: number;
  phase: string;
}

export function plotRows(trace: Trace, host: string, metrics: readonly ChartMetric[]): PlotRow[] {
  const rows = ccRows(trace, host);
  if (rows.length === 0) return [];
  const out: PlotRow[] = [];
  // Every event from the first with congestion state (an event that leaves it unchanged repeats it).
  let k = 0;
  for (let i = rows[0].index; i < trace.events.length; i++) {
    while (k + 1 < rows.length && rows[k + 1].index <= i) k++;
    const cc = rows[k].cc;
    const row: PlotRow = { event: i, t: trace.events[i].t, dup_acks: cc.dupAcks, phase: cc.phase };
    for (const m of metrics) row[m] = metricValue(cc, m);
    // Fields in a fixed order: event, t, the series, dup_acks, phase.
    out.push({ event: row.event, t: row.t, ...Object.fromEntries(metrics.map((m) => [m, row[m]])), dup_acks: row.dup_acks, phase: row.phase });
  }
  return out;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

export function toCsv(rows: readonly PlotRow[], metrics: readonly ChartMetric[]): string {
  const cols = ['event', 't', ...metrics, 'dup_acks', 'phase'] as const;
  const lines = [cols.join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell((r as unknown as Record<string, unknown>)[c])).join(','));
  return lines.join('\n') + '\n';
}

export const plotCommand: Command = defineCommand('plot', async ({ values, positionals }, io) => {
  const target = positionals[0]!;
  // Option values are checked before the script is read (a usage error wins over a file error).
  choiceOption(values, 'format', ['text', 'csv', 'json'] as const);
  choiceOption(values, 'unit', ['bytes', 'mss'] as const);
  parseMetrics(values.metric);
  intOption(values, 'width', LIMITS.width.min, LIMITS.width.max);
  intOption(values, 'height', LIMITS.height.min, LIMITS.height.max);
  const opts = modelOptionsOf(values);

  const run = await runScriptTarget('plot', target, opts, io);
  if (!run.ok) return run.exit;
  return writePlot(run.trace, run.label, values, io);
});

/**
 * The output of `synack plot` for a trace the model produced (`label`: the script's name for
 * messages): the chart, csv or json on stdout and 0, or a one-line error and 1 (no congestion
 * state); a bad --host is a usage error (thrown, exit 2).
 */
export function writePlot(trace: Trace, label: string, values: Parsed['values'], io: CliIO): number {
  const format = choiceOption(values, 'format', ['text', 'csv', 'json'] as const) ?? 'text';
  const unitOpt = choiceOption(values, 'unit', ['bytes', 'mss'] as const) ?? 'bytes';
  const metrics = parseMetrics(values.metric);
  const width = intOption(values, 'width', LIMITS.width.min, LIMITS.width.max);
  const height = intOption(values, 'height', LIMITS.height.min, LIMITS.height.max) ?? 20;
  let host: string;
  if (typeof values.host === 'string') {
    const hosts = Object.keys(trace.hosts).filter((h) => trace.hosts[h].role !== 'spoofed');
    if (!hosts.includes(values.host)) throw new UsageError(CLI.unknownHost(arg(values.host), suggest(values.host, hosts), hosts), 2);
    host = values.host;
    if (!ccHosts(trace).includes(host)) {
      reportError(io, 'plot', CLI.plotNoCcHost(safe(label), host));
      return 1;
    }
  } else {
    const h = mainSender(trace);
    if (h === null) {
      reportError(io, 'plot', CLI.plotNoCc(safe(label)));
      return 1;
    }
    host = h;
  }

  if (format === 'csv') {
    io.stdout.write(safe(toCsv(plotRows(trace, host, metrics), metrics)));
    return 0;
  }
  if (format === 'json') {
    const doc = { scenario: trace.scenario, profile: trace.profile, host, mss: senderMss(trace, host), unit: 'bytes', metrics, rows: plotRows(trace, host, metrics) };
    io.stdout.write(safeJson(JSON.stringify(doc, null, 2)) + '\n');
    return 0;
  }
  const cols = width ?? (io.stdout.isTTY && io.stdout.columns ? Math.min(LIMITS.width.max, Math.max(LIMITS.width.min, io.stdout.columns)) : 80);
  const lines = renderChart(trace, { width: cols, height, host, metrics, charset: values.ascii ? 'ascii' : 'unicode', unit: unitOpt });
  io.stdout.write(safe(lines.join('\n') + '\n'));
  return 0;
}
