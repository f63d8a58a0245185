/**
 * The diagram player's pure core: state, a reducer over discriminated-union actions, and the data
 * its views derive from a trace (side panel, transit of the segment in flight). No ink, no clock:
 * time arrives as `tick(now)` actions from the shell's injected clock.
 *
 * Stepping: `step` is the index of the current event; the diagram shows events[0..step].
 * Playing: the gap between event k and k+1 lasts `gapWallMs(trace, k)` wall-clock ms at 1× (the
 * simulated gap × WALL_MS_PER_SIM_MS, clamped to [MIN_GAP_WALL_MS, MAX_GAP_WALL_MS] so that a
 * 50 ms flight takes a second and a 60 s TIME-WAIT does not take ten minutes), divided by the speed.
 * Within a gap the simulated clock runs linearly from events[k].t to events[k+1].t; a segment whose
 * [t, arrives) contains that clock is in flight at fraction (now - t) / (arrives - t).
 */
import type { CcSnapshot, HostSnapshot, RunOptions, ScriptError, SegmentEvent, TcpState, Trace, TraceEvent } from '../../tcp/types.js';
import { runModel, type RunFn } from './run.js';
import { foldTrace } from '../../tcp/fold.js';
import { playerStrings as S } from './strings.js';
import { explainIn } from './seqtext.js';
import { CHART_SETS, ccSenders, defaultChartSet, mainSender, senderMss } from '../../diagram/chart.js';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED_INDEX = 2;
export const WALL_MS_PER_SIM_MS = 20;
export const MIN_GAP_WALL_MS = 300;
export const MAX_GAP_WALL_MS = 2000;

export type SeqMode = 'relative' | 'absolute';

export interface PlayerState {
  name: string;
  /** The script as loaded (drops the learner adds are passed as RunOptions.dropSegmentIds). */
  source: string;
  /** Segment ids the learner dropped with `d`, in the order dropped. */
  dropIds: number[];
  trace: Trace | null;
  /** Script errors when the source does not run (trace is then null). */
  errors: ScriptError[];
  /** Index of the current event (0 when the trace is empty). */
  step: number;
  playing: boolean;
  speedIndex: number;
  seq: SeqMode;
  /** Wall-clock ms of the last tick while playing; null until the first tick after play. */
  lastTick: number | null;
  /** Speed-scaled wall ms spent in the gap after `step` (0 when paused on an event). */
  progress: number;
  /** A one-line notice for the learner (e.g. after a drop), cleared by the next step. */
  message: string | null;
  /** The congestion chart (src/diagram/chart.ts) in place of the diagram (`c`). */
  chart: boolean;
  /** The chart's series, an index into CHART_SETS (`m` cycles them); null: the trace's default
   *  (without rwnd when the peer's window is far above the other curves, defaultChartSet). */
  chartSet: number | null;
  /** A re-run is computing off the UI thread (the status line says "Working…"); keys keep
   *  acting on the trace shown until it arrives. */
  busy?: boolean;
  /** Rows the diagram is scrolled back from the cursor's row (0: the view follows the cursor).
   *  Any move of the cursor snaps back to 0. */
  scroll: number;
  /** The legend of this diagram's abbreviations (`L`) in place of the diagram. */
  legend: boolean;
  /** First legend line shown (the legend scrolls with the same keys as the diagram). */
  legendTop: number;
}

export type PlayerAction =
  | {
      type: 'load';
      source: string;
      name: string;
      /** Optional: start at this step (clamped), playing or not; keeps seq mode and speed. */
      step?: number;
      playing?: boolean;
      /** Optional: the learner's drops (segment ids) to run with. */
      dropIds?: number[];
    }
  | { type: 'step' }
  | { type: 'back' }
  | { type: 'goto'; step: number }
  | { type: 'toggle-play' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'faster' }
  | { type: 'slower' }
  | { type: 'restart' }
  | { type: 'drop-next' }
  | { type: 'undo-drop' }
  | { type: 'toggle-seq' }
  | { type: 'toggle-chart' }
  | { type: 'cycle-chart-metrics' }
  | { type: 'set-seq'; seq: SeqMode }
  /** Scroll the diagram (or the open legend) by `delta` rows (positive: back, towards earlier
   *  rows), clamped to [0, max]; `max` comes from the view, which knows the rows on screen. */
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'toggle-legend' }
  | { type: 'tick'; now: number };

/** The chart's series set in use (an index into CHART_SETS): the learner's choice, else the trace's default. */
export function chartSetOf(state: PlayerState): number {
  if (state.chartSet !== null) return state.chartSet;
  return state.trace ? defaultChartSet(state.trace, mainSender(state.trace)) : 0;
}

export function eventCount(state: PlayerState): number {
  return state.trace ? state.trace.events.length : 0;
}

export function lastStep(state: PlayerState): number {
  return Math.max(0, eventCount(state) - 1);
}

export function speedOf(state: PlayerState): number {
  return SPEEDS[state.speedIndex] ?? 1;
}

function clampStep(step: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, step), count - 1);
}

/** Wall ms (at 1×) the player spends between event k and event k+1. */
export function gapWallMs(trace: Trace, k: number): number {
  const a = trace.events[k];
  const b = trace.events[k + 1];
  if (!a || !b) return Infinity;
  const sim = Math.max(0, b.t - a.t);
  return Math.min(MAX_GAP_WALL_MS, Math.max(MIN_GAP_WALL_MS, sim * WALL_MS_PER_SIM_MS));
}

/** The model's options for a run with the learner's drops (a `run-model` job asks for the same). */
export function runOptions(name: string, dropIds: readonly number[]): RunOptions {
  return dropIds.length > 0 ? { dropSegmentIds: [...dropIds], name } : { name };
}

/** The player steps through the folded trace (src/tcp/fold.ts): a segment shows the fate it meets. */
function runWith(source: string, dropIds: number[], name: string, run: RunFn): ReturnType<RunFn> {
  const r = run(source, runOptions(name, dropIds));
  return r.ok ? { ok: true, trace: foldTrace(r.trace) } : r;
}

export function initPlayer(source: string, name: string, run: RunFn = runModel, dropIds: readonly number[] = []): PlayerState {
  const base: PlayerState = {
    name,
    source,
    dropIds: [],
    trace: null,
    errors: [],
    step: 0,
    playing: false,
    speedIndex: DEFAULT_SPEED_INDEX,
    // Absolute by default: the numbers the model's explanations, the lesson captions, `synack
    // trace` and the wire use (issue 14 bug 10); `s` switches every view to relative at once.
    seq: 'absolute',
    lastTick: null,
    progress: 0,
    message: null,
    chart: false,
    chartSet: null,
    scroll: 0,
    legend: false,
    legendTop: 0,
  };
  const r = runWith(source, [...dropIds], name, run);
  if (!r.ok && dropIds.length > 0) return initPlayer(source, name, run);
  return r.ok ? { ...base, dropIds: [...dropIds], trace: r.trace } : { ...base, errors: r.errors };
}

function pause(state: PlayerState): PlayerState {
  return { ...state, playing: false, lastTick: null, progress: 0 };
}

/** A cursor move: the diagram follows the cursor again (scrolling back ends). */
function snap(state: PlayerState): PlayerState {
  return state.scroll === 0 ? state : { ...state, scroll: 0 };
}

function clampInt(n: number, lo: number, hi: number): number {
  const v = Number.isFinite(n) ? Math.trunc(n) : 0;
  return Math.max(lo, Math.min(Math.max(lo, Math.trunc(hi) || 0), v));
}

function segmentLabel(ev: SegmentEvent): string {
  return `${ev.flags.join(',')} seq=${ev.seq}`;
}

/** The first segment after `step` that would be delivered (the one `d` drops), or undefined. */
export function nextDroppable(state: PlayerState): SegmentEvent | undefined {
  if (!state.trace) return undefined;
  const evs = state.trace.events;
  for (let i = state.step + 1; i < evs.length; i++) {
    const ev = evs[i];
    if (ev.type === 'segment' && ev.fate === 'delivered') return ev;
  }
  return undefined;
}

/**
 * The re-run `d` (drop-next) or `u` (undo-drop) asks for: the drops and the notice once it is
 * shown; null when there is nothing to re-run (reducePlayer then only gives its notice). The
 * player screen runs it off the UI thread and applies it with `rerun` when it arrives.
 */
export function rerunPlan(state: PlayerState, action: 'drop-next' | 'undo-drop'): { dropIds: number[]; message: string } | null {
  if (!state.trace && action === 'drop-next') return null;
  if (action === 'drop-next') {
    const target = nextDroppable(state);
    return target ? { dropIds: [...state.dropIds, target.id], message: S.dropped(target.id, segmentLabel(target)) } : null;
  }
  if (state.dropIds.length === 0) return null;
  return { dropIds: state.dropIds.slice(0, -1), message: S.undidDrop(state.dropIds[state.dropIds.length - 1]) };
}

export function rerun(state: PlayerState, dropIds: number[], message: string, run: RunFn = runModel): PlayerState {
  const r = runWith(state.source, dropIds, state.name, run);
  if (!r.ok) return { ...state, message: r.errors.map((e) => S.scriptError(e.line, e.col, e.message)).join('; ') };
  const count = r.trace.events.length;
  const step = clampStep(state.step, count);
  const next: PlayerState = { ...state, dropIds, trace: r.trace, errors: [], step, message };
  return step >= count - 1 && next.playing ? pause(next) : next;
}

export function reducePlayer(state: PlayerState, action: PlayerAction, run: RunFn = runModel): PlayerState {
  const count = eventCount(state);
  switch (action.type) {
    case 'load': {
      const fresh = initPlayer(action.source, action.name, run, action.dropIds ?? []);
      const step = clampStep(action.step ?? 0, eventCount(fresh));
      const playing = !!action.playing && step < lastStep(fresh);
      return { ...fresh, seq: state.seq, speedIndex: state.speedIndex, chart: state.chart, chartSet: state.chartSet, legend: state.legend, step, playing };
    }
    case 'step':
      return snap({ ...pause(state), step: clampStep(state.step + 1, count), message: null });
    case 'back':
      return snap({ ...pause(state), step: clampStep(state.step - 1, count), message: null });
    case 'goto':
      return snap({ ...pause(state), step: clampStep(action.step, count), message: null });
    case 'toggle-play':
      return reducePlayer(state, { type: state.playing ? 'pause' : 'play' }, run);
    case 'play': {
      if (state.playing || count <= 1) return state;
      // At the end, play starts over.
      const step = state.step >= count - 1 ? 0 : state.step;
      return { ...state, step, playing: true, lastTick: null, progress: 0, message: null, scroll: 0 };
    }
    case 'pause':
      return state.playing ? pause(state) : state;
    case 'faster':
      return { ...state, speedIndex: Math.min(SPEEDS.length - 1, state.speedIndex + 1) };
    case 'slower':
      return { ...state, speedIndex: Math.max(0, state.speedIndex - 1) };
    case 'restart':
      return snap({ ...pause(state), step: 0, message: null });
    case 'toggle-seq':
      return { ...state, seq: state.seq === 'relative' ? 'absolute' : 'relative' };
    case 'set-seq':
      return state.seq === action.seq ? state : { ...state, seq: action.seq };
    case 'toggle-chart':
      return { ...state, chart: !state.chart };
    case 'cycle-chart-metrics':
      return state.chart ? { ...state, chartSet: (chartSetOf(state) + 1) % CHART_SETS.length } : state;
    case 'toggle-legend':
      return { ...state, legend: !state.legend, legendTop: 0 };
    case 'scroll': {
      if (state.legend) {
        // In the legend, positive deltas go back up towards its first line.
        const top = clampInt(state.legendTop - action.delta, 0, action.max);
        return top === state.legendTop ? state : { ...state, legendTop: top };
      }
      const scroll = clampInt(state.scroll + action.delta, 0, action.max);
      return scroll === state.scroll ? state : { ...state, scroll };
    }
    case 'drop-next':
    case 'undo-drop': {
      const plan = rerunPlan(state, action.type);
      if (!plan) return { ...state, message: action.type === 'drop-next' ? S.nothingToDrop : S.noDropToUndo };
      return rerun(state, plan.dropIds, plan.message, run);
    }
    case 'tick':
      return tickPlayer(state, action.now);
  }
}

/** Advance a playing player to wall-clock time `now`. Returns the same object when nothing changed. */
/**
 * A wall-clock gap between two ticks longer than this (ticks come every 50 ms while playing) is time
 * the app did not run: stopped with Ctrl+Z until fg, or a machine asleep. None of it is played: the
 * diagram goes on from where the learner left it instead of jumping to the end.
 */
export const PAUSE_GAP_MS = 5000;

export function tickPlayer(state: PlayerState, now: number): PlayerState {
  if (!state.playing || !state.trace) return state;
  if (state.lastTick === null || now - state.lastTick > PAUSE_GAP_MS) return { ...state, lastTick: now };
  const dt = Math.max(0, now - state.lastTick) * speedOf(state);
  if (dt === 0) return state;
  const last = state.trace.events.length - 1;
  let step = state.step;
  let progress = state.progress + dt;
  while (step < last) {
    const gap = gapWallMs(state.trace, step);
    if (progress < gap) break;
    progress -= gap;
    step++;
  }
  // A new event under the cursor snaps the view back to it.
  const scroll = step === state.step ? state.scroll : 0;
  if (step >= last) return { ...state, step: last, playing: false, lastTick: null, progress: 0, scroll: 0 };
  return { ...state, step, progress, lastTick: now, scroll };
}

/** The simulated time the player is at (ms from the start of the run). */
export function simTime(state: PlayerState): number {
  const trace = state.trace;
  if (!trace || trace.events.length === 0) return 0;
  const ev = trace.events[state.step];
  const next = trace.events[state.step + 1];
  if (!state.playing || !next || state.progress <= 0) return ev.t;
  const f = Math.min(1, state.progress / gapWallMs(trace, state.step));
  return ev.t + (next.t - ev.t) * f;
}

export interface InFlight {
  /** Segment id (SegmentEvent.id) and the index of its event in the trace. */
  id: number;
  index: number;
  /** 0 (just sent) .. 1 (arrived). */
  fraction: number;
}

/** Segments moving along their arrows right now (only while playing). */
export function inFlight(state: PlayerState): InFlight[] {
  const trace = state.trace;
  if (!trace || !state.playing) return [];
  const now = simTime(state);
  const out: InFlight[] = [];
  for (let i = 0; i <= state.step && i < trace.events.length; i++) {
    const ev = trace.events[i];
    if (ev.type !== 'segment') continue;
    if (ev.t <= now && now < ev.arrives && ev.arrives > ev.t) {
      out.push({ id: ev.id, index: i, fraction: (now - ev.t) / (ev.arrives - ev.t) });
    }
  }
  return out;
}

export function currentEvent(state: PlayerState): TraceEvent | undefined {
  return state.trace?.events[state.step];
}

/** The current event's explanation, with its sequence numbers in the player's seq mode. */
export function currentExplanation(state: PlayerState): string {
  const ev = currentEvent(state);
  return ev && state.trace ? explainIn(state.trace, ev, state.seq) : '';
}

// ---------------------------------------------------------------- side panel

export interface PanelTimer {
  timer: string;
  label: string;
  /** ms until it fires, from the player's simulated time (never negative). */
  remaining: number;
}

export interface PanelHost {
  name: string;
  role: string;
  addr: string;
  state: TcpState;
  sndUna: string;
  sndNxt: string;
  rcvNxt: string;
  timers: PanelTimer[];
  queue?: { syn: number; synMax: number; accept: number; acceptMax: number };
  /** The sender's congestion state after the current event (issue 11): only for hosts that send
   *  data in this run, and only once the model gives it (HostSnapshot.cc). */
  cc?: PanelCc;
}

export interface PanelCc {
  cwnd: number;
  /** null: still infinite (no loss yet). */
  ssthresh: number | null;
  flight: number;
  peerWnd: number;
  dupAcks: number;
  phase: CcSnapshot['phase'];
  /** The sender's MSS when known (the panel then adds `(10 MSS)`). */
  mss: number | null;
}

export interface PanelData {
  time: number;
  hosts: PanelHost[];
  /** True when the trace has a SYN flood: even the narrow bottom panel shows the queue gauges. */
  showQueues: boolean;
}

function fmtSeq(v: number | null, isn: number | null, mode: SeqMode): string {
  if (v === null || v === undefined) return S.none;
  if (mode === 'relative' && isn !== null && isn !== undefined) return String((v - isn) | 0);
  return String(v >>> 0);
}

/** Hosts the panel shows: the real ends (spoofed flood sources are summarised, not listed). */
export function panelHosts(trace: Trace): string[] {
  return Object.entries(trace.hosts)
    .filter(([, h]) => h.role !== 'spoofed')
    .map(([name]) => name);
}

function peerOf(trace: Trace, name: string): string | undefined {
  const hosts = panelHosts(trace);
  const me = trace.hosts[name];
  if (me?.role === 'client') return hosts.find((h) => trace.hosts[h].role === 'server') ?? hosts.find((h) => h !== name);
  if (me?.role === 'server') return hosts.find((h) => trace.hosts[h].role === 'client') ?? hosts.find((h) => h !== name);
  return hosts.find((h) => h !== name);
}

export function panelData(state: PlayerState): PanelData | null {
  const trace = state.trace;
  if (!trace || trace.events.length === 0) return null;
  const snap = trace.snapshots[state.step] ?? {};
  const time = simTime(state);
  const showQueues = trace.events.some((e) => e.type === 'flood');
  const senders = ccSenders(trace);
  const hosts: PanelHost[] = [];
  for (const name of panelHosts(trace)) {
    const s: HostSnapshot | undefined = snap[name];
    if (!s) continue;
    const info = trace.hosts[name];
    const peer = peerOf(trace, name);
    const peerIsn = peer ? trace.hosts[peer].isn : null;
    const host: PanelHost = {
      name,
      role: info.role,
      addr: `${info.ip}:${info.port}`,
      state: s.state,
      sndUna: fmtSeq(s.sndUna, info.isn, state.seq),
      sndNxt: fmtSeq(s.sndNxt, info.isn, state.seq),
      rcvNxt: fmtSeq(s.rcvNxt, peerIsn, state.seq),
      timers: s.timers.map((t) => ({
        timer: t.timer,
        label: S.timerNames[t.timer] ?? t.timer,
        remaining: Math.max(0, Math.round(t.expires - time)),
      })),
    };
    if (s.synQueueMax !== undefined) {
      host.queue = {
        syn: s.synQueue ?? 0,
        synMax: s.synQueueMax,
        accept: s.acceptQueue ?? 0,
        acceptMax: s.acceptQueueMax ?? 0,
      };
    }
    if (s.cc && senders.includes(name)) {
      const c = s.cc;
      host.cc = {
        cwnd: c.cwnd,
        ssthresh: c.ssthresh,
        flight: c.flight,
        peerWnd: c.peerWnd,
        dupAcks: c.dupAcks,
        phase: c.phase,
        mss: senderMss(trace, name),
      };
    }
    hosts.push(host);
  }
  return { time, hosts, showQueues };
}
