/**
 * The congestion-control chart: cwnd, ssthresh, FlightSize and the peer's window (rwnd) of one host
 * over time, as terminal text. Pure and deterministic: the same trace and options give the same
 * lines, byte for byte. Read by the player's chart view (`c`), the inline lesson player
 * (`chart:` in a ```tcp block) and `synack plot`.
 *
 * API
 *   ccRows(trace, host)          -> CcRow[]     one row per event after which `host` has congestion
 *                                                state (HostSnapshot.cc), in trace order
 *   ccHosts(trace) / ccSenders(trace) / mainSender(trace)
 *                                -> the hosts with congestion state, those of them that send data,
 *                                   and the one that sends the most (the chart's default host)
 *   senderMss(trace, host)       -> the sender's MSS (CcSnapshot.smss, else the largest segment it
 *                                   sent when it split a write into several), or null when unknown
 *   metricValue(cc, metric)      -> the metric's value in bytes (null: ssthresh still infinite)
 *   renderChart(trace, options)  -> string[]    at most `height` lines, each at most `width` columns
 *
 * Layout (top to bottom): a title (host and unit), the plot (y labels and axis on the left, one
 * column per slice of time), the x axis with the cursor marker, the time labels (ms, the diagram's
 * time axis: the same simulated milliseconds as the diagram's left column), the legend. On a short
 * area the title and then the time labels give way to the plot (at least 2 plot rows).
 *
 * The x axis runs from the host's first congestion state to the last change of a charted metric
 * (a TIME-WAIT minutes later does not squash the transfer into a few columns); a cursor later than
 * that sits at the right edge. The y axis runs from 0 to a round number at or above the largest
 * value of the charted metrics over the whole run, so it does not move as the cursor does. Each
 * metric is a step function: flat while nothing changes, a vertical riser where it jumps (a cwnd
 * cut at a loss is a vertical line). ssthresh is not drawn while it is infinite (before the first
 * loss). Series overlap in this order, the last on top: rwnd, FlightSize, ssthresh, cwnd.
 */
import type { CcSnapshot, Trace } from '../tcp/types.js';
import { CHART_STRINGS as S } from './strings.js';
import { asciiOnly, clean, strWidth, truncate, wrap } from './text.js';

export const CHART_METRICS = ['cwnd', 'ssthresh', 'flight', 'rwnd'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

export function isChartMetric(s: string): s is ChartMetric {
  return (CHART_METRICS as readonly string[]).includes(s);
}

export interface CcRow {
  /** Index of the event in trace.events (and trace.snapshots). */
  index: number;
  t: number;
  cc: CcSnapshot;
}

/**
 * Per-trace memo (a Trace is never mutated once built): the player asks for these on every frame,
 * and a long transfer has tens of thousands of events.
 */
const memo = new WeakMap<Trace, Map<string, unknown>>();
function remember<T>(trace: Trace, key: string, compute: () => T): T {
  let m = memo.get(trace);
  if (!m) memo.set(trace, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/** One row per event after which `host` has congestion state, in trace order. */
export function ccRows(trace: Trace, host: string): CcRow[] {
  return remember(trace, `rows:${host}`, () => computeRows(trace, host));
}

function computeRows(trace: Trace, host: string): CcRow[] {
  const out: CcRow[] = [];
  const n = Math.min(trace.events.length, trace.snapshots.length);
  for (let i = 0; i < n; i++) {
    const cc = trace.snapshots[i]?.[host]?.cc;
    if (cc) out.push({ index: i, t: trace.events[i].t, cc });
  }
  return out;
}

/** The hosts (in trace.hosts order, spoofed flood sources left out) that have congestion state. */
export function ccHosts(trace: Trace): string[] {
  return remember(trace, 'hosts', () => computeHosts(trace));
}

function computeHosts(trace: Trace): string[] {
  const names = Object.entries(trace.hosts)
    .filter(([, h]) => h.role !== 'spoofed')
    .map(([n]) => n);
  return names.filter((n) => trace.snapshots.some((s) => s?.[n]?.cc !== undefined));
}

/** Payload bytes a host put on the wire (retransmissions included). */
export function bytesSent(trace: Trace, host: string): number {
  return remember(trace, `sent:${host}`, () => computeSent(trace, host));
}

function computeSent(trace: Trace, host: string): number {
  let n = 0;
  for (const e of trace.events) if (e.type === 'segment' && e.from === host) n += e.len;
  return n;
}

/** The hosts with congestion state that send data (a segment with a payload), in trace.hosts order. */
export function ccSenders(trace: Trace): string[] {
  return ccHosts(trace).filter((h) => bytesSent(trace, h) > 0);
}

/** The chart's default host: the one that sends the most bytes, else the first with congestion state. */
export function mainSender(trace: Trace): string | null {
  const senders = ccSenders(trace);
  if (senders.length === 0) return ccHosts(trace)[0] ?? null;
  let best = senders[0];
  for (const h of senders) if (bytesSent(trace, h) > bytesSent(trace, best)) best = h;
  return best;
}

/**
 * The sender's MSS: the snapshot's `smss` when the model gives it; otherwise the largest payload
 * the host sent, but only when one application write went out as several segments (then the
 * largest is a full-sized one); null when it cannot be told.
 */
export function senderMss(trace: Trace, host: string): number | null {
  return remember(trace, `mss:${host}`, () => computeMss(trace, host));
}

function computeMss(trace: Trace, host: string): number | null {
  for (const s of trace.snapshots) {
    const m = s?.[host]?.cc?.smss;
    if (m !== undefined && m > 0) return m;
  }
  let largest = 0;
  let largestWrite = 0;
  for (const e of trace.events) {
    if (e.type === 'segment' && e.from === host) largest = Math.max(largest, e.len);
    if (e.type === 'app' && e.host === host && e.call === 'send' && e.bytes !== undefined) largestWrite = Math.max(largestWrite, e.bytes);
  }
  return largest > 0 && largestWrite > largest ? largest : null;
}

/** A metric's value in bytes; null for ssthresh while it is still infinite. */
export function metricValue(cc: CcSnapshot, m: ChartMetric): number | null {
  switch (m) {
    case 'cwnd':
      return cc.cwnd;
    case 'ssthresh':
      return cc.ssthresh;
    case 'flight':
      return cc.flight;
    case 'rwnd':
      return cc.peerWnd;
  }
}

/** A number of bytes in MSS: whole, or with one decimal. */
export function inMss(bytes: number, mss: number): string {
  const v = Math.round((bytes / mss) * 10) / 10;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/**
 * The sets of series a viewer can cycle through (the player's `m` in the chart view): all four,
 * then without the peer's window, then cwnd and ssthresh alone.
 */
export const CHART_SETS: readonly (readonly ChartMetric[])[] = [CHART_METRICS, ['cwnd', 'ssthresh', 'flight'], ['cwnd', 'ssthresh']];

/** rwnd is "far above" the other curves when its largest value is at least this many times theirs. */
export const RWND_FAR_ABOVE = 4;

/** The largest value a metric takes over the whole run (bytes; 0 when never finite). */
export function metricMax(trace: Trace, host: string, m: ChartMetric): number {
  return remember(trace, `max:${host}:${m}`, () => {
    let v = 0;
    for (const r of ccRows(trace, host)) v = Math.max(v, metricValue(r.cc, m) ?? 0);
    return v;
  });
}

/**
 * The set a chart opens with (an index into CHART_SETS): without rwnd when the peer's window is far
 * above cwnd, ssthresh and FlightSize (a 64 KB window over a cwnd of a few MSS would squash them into
 * the bottom rows), else all four.
 */
export function defaultChartSet(trace: Trace, host: string | null): number {
  if (!host) return 0;
  const others = Math.max(metricMax(trace, host, 'cwnd'), metricMax(trace, host, 'ssthresh'), metricMax(trace, host, 'flight'));
  return others > 0 && metricMax(trace, host, 'rwnd') >= RWND_FAR_ABOVE * others ? 1 : 0;
}

export interface ChartOptions {
  /** Columns (at least 20 for a picture; narrower gets a one-line message). */
  width: number;
  /** Rows the chart may take (at most; at least 4 for a picture). */
  height: number;
  /** Whose windows (default: mainSender). */
  host?: string;
  /** Which series, in legend order (default all four). */
  metrics?: readonly ChartMetric[];
  /** Last event drawn (default: all): the chart grows with the player's cursor. */
  upTo?: number;
  /** Event index marked on the x axis (the player's current event). */
  cursor?: number;
  charset?: 'unicode' | 'ascii';
  /** The y axis in bytes (default) or in MSS (when the MSS is known; else bytes). */
  unit?: 'bytes' | 'mss';
  /** Say in the legend that the peer's window is left out, and how high it goes (when it is). */
  noteOmitted?: boolean;
}

interface Glyphs {
  series: Record<ChartMetric, string>;
  axis: string;
  tick: string;
  corner: string;
  xAxis: string;
  cursor: string;
  cursorAxis: string;
}

const UNICODE: Glyphs = {
  series: { cwnd: '█', ssthresh: '═', flight: '░', rwnd: '·' },
  axis: '│',
  tick: '┤',
  corner: '└',
  xAxis: '─',
  cursor: '┊',
  cursorAxis: '▲',
};

const ASCII: Glyphs = {
  series: { cwnd: '#', ssthresh: '=', flight: '+', rwnd: '.' },
  axis: '|',
  tick: '+',
  corner: '+',
  xAxis: '-',
  cursor: ':',
  cursorAxis: '^',
};

/** Drawing order: later series are drawn over earlier ones. */
const DRAW_ORDER: ChartMetric[] = ['rwnd', 'flight', 'ssthresh', 'cwnd'];

/** A round number >= v (1, 2, 2.5 or 5 times a power of ten; whole numbers). */
export function niceCeil(v: number): number {
  if (v <= 1) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const c = m * p;
    if (c >= v && Number.isInteger(c)) return c;
  }
  return 10 * p;
}

/** A y-axis label: 14600, 146k, 1.5M (bytes) or 10, 7.5 (MSS). */
export function axisLabel(v: number, unit: 'bytes' | 'mss'): string {
  if (unit === 'mss') return Number.isInteger(v) ? String(v) : (Math.round(v * 10) / 10).toFixed(1);
  if (v >= 10_000_000) return `${Math.round(v / 1_000_000)}M`;
  if (v >= 1_000_000) return `${Math.round(v / 100_000) / 10}M`;
  if (v >= 100_000) return `${Math.round(v / 1000)}k`;
  return String(Math.round(v));
}

function fmtT(t: number): string {
  return Number.isInteger(t) ? String(t) : t.toFixed(1);
}

/** Writes `s` into the character row at column `at` (if it fits entirely). */
function put(row: string[], at: number, s: string): boolean {
  const chars = [...s];
  if (at < 0 || at + chars.length > row.length) return false;
  for (let i = 0; i < chars.length; i++) if (row[at + i] !== ' ') return false;
  for (let i = 0; i < chars.length; i++) row[at + i] = chars[i];
  return true;
}

/** The legend: `█ cwnd  ═ ssthresh ...` in as many lines as it needs at this width. */
function legendLines(metrics: readonly ChartMetric[], g: Glyphs, width: number, ascii: boolean, note: string | null = null): string[] {
  const fix = (s: string) => (ascii ? asciiOnly(s) : s);
  const long = [...metrics.map((m) => fix(`${g.series[m]} ${S.series[m] ?? m}`)), ...(note ? [fix(note)] : [])];
  const oneLine = long.join('  ');
  if (strWidth(oneLine) <= width) return [oneLine];
  const short = [...metrics.map((m) => fix(`${g.series[m]} ${S.seriesShort[m] ?? m}`)), ...(note ? [fix(note)] : [])];
  const lines: string[] = [];
  let cur = '';
  for (const item of short) {
    const next = cur ? `${cur}  ${item}` : item;
    if (cur && strWidth(next) > width) {
      lines.push(cur);
      cur = item;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => truncate(l, width, ascii ? '.' : '…'));
}

/** The chart as lines (see the module comment). */
export function renderChart(trace: Trace, o: ChartOptions): string[] {
  const ascii = o.charset === 'ascii';
  const g = ascii ? ASCII : UNICODE;
  const width = Math.max(1, Math.floor(o.width));
  const height = Math.max(1, Math.floor(o.height));
  const fix = (s: string) => truncate(ascii ? asciiOnly(clean(s)) : clean(s), width, ascii ? '.' : '…');
  const host = o.host ?? mainSender(trace);
  const rows = host ? ccRows(trace, host) : [];
  if (!host || rows.length === 0) {
    const msg = clean(host ? S.noData(host) : S.noDataAny);
    return wrap(ascii ? asciiOnly(msg) : msg, width).slice(0, height);
  }
  const metrics = (o.metrics && o.metrics.length > 0 ? o.metrics : CHART_METRICS).filter((m, i, a) => a.indexOf(m) === i);
  const mss = senderMss(trace, host);
  const unit: 'bytes' | 'mss' = o.unit === 'mss' && mss ? 'mss' : 'bytes';
  const scale = (v: number) => (unit === 'mss' ? v / mss! : v);
  const upTo = o.upTo === undefined ? trace.events.length - 1 : Math.min(o.upTo, trace.events.length - 1);

  // x range: the first congestion state to the last change of a charted metric; y range: 0 to a
  // round number at or above the largest value over the whole run (both remembered per trace).
  const { t0, t1, top } = remember(trace, `extent:${host}:${metrics.join(',')}:${unit}`, () => {
    let last = rows[0].t;
    let vmax = 0;
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && metrics.some((m) => metricValue(rows[i].cc, m) !== metricValue(rows[i - 1].cc, m))) last = rows[i].t;
      for (const m of metrics) vmax = Math.max(vmax, scale(metricValue(rows[i].cc, m) ?? 0));
    }
    return { t0: rows[0].t, t1: last, top: niceCeil(vmax) };
  });

  // Rows: title, plot, x axis, time labels, legend. Short areas drop the title, then the labels.
  const omitted = o.noteOmitted && !metrics.includes('rwnd') ? metricMax(trace, host, 'rwnd') : 0;
  const legend = legendLines(metrics, g, width, ascii, omitted > 0 ? S.omitted(S.seriesShort.rwnd ?? 'rwnd', `${axisLabel(scale(omitted), unit)} ${unit === 'mss' ? S.unitMss : S.unitBytes}`) : null);
  let showTitle = true;
  let showLabels = true;
  const plotRows = () => height - (showTitle ? 1 : 0) - 1 - (showLabels ? 1 : 0) - legend.length;
  if (plotRows() < 3) showTitle = false;
  if (plotRows() < 2) showLabels = false;
  const P = Math.max(2, plotRows());
  // Labels: the top, 0, and half the top on the row nearest to it (when there are 5 rows or more).
  const mid = Math.round((P - 1) / 2);
  const labelOf = (row: number) => axisLabel(row === 0 ? top : row === P - 1 ? 0 : top / 2, unit);
  const labelRows = new Set([0, P - 1, ...(P >= 5 ? [mid] : [])]);
  const Y = Math.max(...[...labelRows].map((r) => strWidth(labelOf(r))));
  const W = width - Y - 1;
  if (W < 8 || height < 3) return [fix(S.titleShort(host, unit === 'mss' ? S.unitMss : S.unitBytes))];

  const colOf = (t: number) => (t1 <= t0 ? 0 : Math.max(0, Math.min(W - 1, Math.round(((t - t0) / (t1 - t0)) * (W - 1)))));
  const rowOf = (v: number) => P - 1 - Math.max(0, Math.min(P - 1, Math.round((scale(v) / top) * (P - 1))));
  const grid: string[][] = Array.from({ length: P }, () => Array<string>(W).fill(' '));
  const shown = rows.filter((r) => r.index <= upTo);
  // The last column drawn: the current event's time while the player steps, the right edge at the end.
  const lastCol = upTo >= trace.events.length - 1 ? W - 1 : shown.length > 0 ? colOf(trace.events[upTo].t) : -1;

  for (const m of DRAW_ORDER) {
    if (!metrics.includes(m)) continue;
    const glyph = g.series[m];
    let k = 0;
    let carried: number | null = null;
    for (let c = 0; c <= lastCol; c++) {
      // The values this column takes: the one carried in, and every row that falls in it.
      const vals: (number | null)[] = [carried];
      while (k < shown.length && colOf(shown[k].t) <= c) {
        carried = metricValue(shown[k].cc, m);
        vals.push(carried);
        k++;
      }
      const drawn = vals.filter((v): v is number => v !== null);
      if (drawn.length === 0) continue;
      // A riser joins the values of this column; a value that was infinite starts fresh.
      const rs = drawn.map(rowOf);
      for (let r = Math.min(...rs); r <= Math.max(...rs); r++) grid[r][c] = glyph;
    }
  }

  // The cursor: a dotted column where nothing is drawn, and a marker on the x axis.
  const cursorCol = o.cursor !== undefined && o.cursor >= 0 && o.cursor < trace.events.length ? colOf(trace.events[o.cursor].t) : null;
  if (cursorCol !== null) for (let r = 0; r < P; r++) if (grid[r][cursorCol] === ' ') grid[r][cursorCol] = g.cursor;

  const out: string[] = [];
  const unitName = unit === 'mss' ? S.unitMss : S.unitBytes;
  if (showTitle) {
    const full = S.title(host, unitName);
    out.push(fix(strWidth(full) <= width ? full : S.titleShort(host, unitName)));
  }
  for (let r = 0; r < P; r++) {
    const label = labelRows.has(r) ? labelOf(r) : '';
    out.push(' '.repeat(Y - strWidth(label)) + label + (labelRows.has(r) ? g.tick : g.axis) + grid[r].join(''));
  }
  const axis = Array<string>(W).fill(g.xAxis);
  if (cursorCol !== null) axis[cursorCol] = g.cursorAxis;
  out.push(' '.repeat(Y) + g.corner + axis.join(''));
  if (showLabels) {
    // Time labels under the axis: the cursor's time first (it matters most), then both ends.
    const lab = Array<string>(W + Y + 1).fill(' ');
    const at = (c: number, s: string) => Math.max(0, Math.min(W - [...s].length, c - Math.floor([...s].length / 2)));
    if (cursorCol !== null) {
      const s = fmtT(trace.events[o.cursor!].t);
      put(lab, Y + 1 + at(cursorCol, s), s);
    }
    const first = fmtT(t0);
    const last = `${fmtT(t1)} ${S.timeUnit}`;
    put(lab, Y + 1, first + ' ') || put(lab, Y + 1, first);
    put(lab, Y + 1 + W - [...last].length, ' ' + last) || put(lab, Y + 1 + W - [...last].length, last);
    out.push(lab.join('').trimEnd());
  }
  out.push(...legend);
  return out.map((l) => (ascii ? asciiOnly(l) : l)).slice(0, Math.max(height, 1));
}
