/**
 * The playground's pure core: the learner's actions become a `.tcp` script (options first, then
 * one line per action), which is re-run through the model after every action; the embedded player
 * state then animates the new events (the diagram grows live).
 *
 * The re-run is asked for, not computed here: an action changes the script at once and sets
 * `pending` (the screen turns it into a `run-model` command, run off the UI thread by
 * src/ui/worker); the player keeps showing the last trace ("Working…") and every key still acts on
 * it. When the run arrives (`{ type: 'model' }`), the new trace EXTENDS what the learner sees: the
 * cursor stays where it was and the new events play after it (the model re-runs the whole script,
 * deterministically, so what happened before the new line is the same). Only when the change
 * altered events the learner had already seen (a new delay, listen off) does the cursor go back,
 * to the first event that changed.
 */
import type { ScriptError } from '../../tcp/types.js';
import { X } from '../../tcp/strings.js';
import { eventCount, initPlayer, reducePlayer, type PlayerAction, type PlayerState } from './model.js';
import { runModel, type RunFn } from './run.js';
import { playerStrings as S } from './strings.js';
import { explainIn } from './seqtext.js';

export type Side = 'client' | 'server';

/** One learner action = one script line. */
export type PgStep =
  | { type: 'connect' }
  | { type: 'send'; host: Side; bytes: number }
  | { type: 'close'; host: Side }
  | { type: 'abort'; host: Side }
  | { type: 'drop-next'; host: Side }
  | { type: 'wait'; ms: number }
  /** `server listen`: start listening after `option listen off`. */
  | { type: 'listen' };

export type MenuItemId =
  | 'client-connect'
  | 'client-send'
  | 'client-close'
  | 'client-abort'
  | 'server-send'
  | 'server-close'
  | 'server-abort'
  | 'listen'
  | 'drop-client'
  | 'drop-server'
  | 'delay'
  | 'wait'
  | 'undo'
  | 'reset'
  | 'save';

export type PromptKind = 'client-send' | 'server-send' | 'delay' | 'save';

export interface Prompt {
  kind: PromptKind;
  /** What the learner typed so far. */
  text: string;
  /** Used when Enter is pressed on an empty prompt (shown in brackets). */
  fallback: string;
  error: string | null;
}

export interface PlaygroundState {
  steps: PgStep[];
  /** The `option listen` value (the server listens from the start unless off). */
  listen: boolean;
  /** One-way delay in ms, or null for the model's default. */
  delay: number | null;
  cursor: number;
  prompt: Prompt | null;
  player: PlayerState;
  message: string | null;
  /** Path last saved to (the default for the next save). */
  savePath: string;
  /** The re-run of the script as it is now, asked for and not yet arrived (null: the trace shown
   *  is the script's). `job` only grows: a late result of an older job is ignored. */
  pending: { job: number; source: string } | null;
  jobSeq: number;
  /** The script of the trace shown: if the model refuses a change, the script goes back to it. */
  shown: Script;
}

type Script = Pick<PlaygroundState, 'steps' | 'listen' | 'delay'>;

export type PgAction =
  | { type: 'move'; delta: number }
  | { type: 'activate' }
  /** Typed or pasted text; `submit` when the paste ended with Enter. */
  | { type: 'prompt-input'; text: string; submit?: boolean }
  | { type: 'prompt-backspace' }
  | { type: 'prompt-submit' }
  | { type: 'prompt-cancel' }
  | { type: 'undo' }
  | { type: 'saved'; path: string }
  | { type: 'player'; action: PlayerAction }
  /** A re-run arrived (in the run memo: `run` finds it there); `error` when the job failed. */
  | { type: 'model'; job: number; error?: string };

export const PLAYGROUND_NAME = 'playground';

/** Whether the server listens after all the steps so far. */
export function listening(state: Pick<PlaygroundState, 'listen' | 'steps'>): boolean {
  return state.listen || state.steps.some((s) => s.type === 'listen');
}

export function menuItems(state: Pick<PlaygroundState, 'listen' | 'steps'>): { id: MenuItemId; label: string }[] {
  const P = S.pg;
  return [
    { id: 'client-connect', label: P.clientConnect },
    { id: 'client-send', label: P.clientSend },
    { id: 'client-close', label: P.clientClose },
    { id: 'client-abort', label: P.clientAbort },
    { id: 'server-send', label: P.serverSend },
    { id: 'server-close', label: P.serverClose },
    { id: 'server-abort', label: P.serverAbort },
    { id: 'listen', label: listening(state) ? P.listenOff : P.listenOn },
    { id: 'drop-client', label: P.dropClient },
    { id: 'drop-server', label: P.dropServer },
    { id: 'delay', label: P.setDelay },
    { id: 'wait', label: P.wait },
    { id: 'undo', label: P.undo },
    { id: 'reset', label: P.reset },
    { id: 'save', label: P.save },
  ];
}

export function stepLine(step: PgStep): string {
  switch (step.type) {
    case 'connect':
      return 'client connect';
    case 'send':
      return `${step.host} send ${step.bytes}`;
    case 'close':
      return `${step.host} close`;
    case 'abort':
      return `${step.host} abort`;
    case 'drop-next':
      return `drop next ${step.host}`;
    case 'listen':
      return 'server listen';
    case 'wait':
      return step.ms % 1000 === 0 ? `wait ${step.ms / 1000}s` : `wait ${step.ms}ms`;
  }
}

/** The script the playground runs (and saves). */
export function buildScript(s: Pick<PlaygroundState, 'steps' | 'listen' | 'delay'>): string {
  const lines = [S.pg.scriptHeader, 'option isn client 100', 'option isn server 300'];
  if (s.delay !== null) lines.push(`option delay ${s.delay}ms`);
  if (!s.listen) lines.push('option listen off');
  for (const st of s.steps) lines.push(stepLine(st));
  return lines.join('\n') + '\n';
}

export function initPlayground(run: RunFn = runModel): PlaygroundState {
  const base: Script = { steps: [] as PgStep[], listen: true, delay: null };
  return {
    ...base,
    cursor: 0,
    prompt: null,
    // The script of options only: two events (the server listens), run here at once.
    player: initPlayer(buildScript(base), PLAYGROUND_NAME, run),
    message: null,
    savePath: S.pg.defaultPath,
    pending: null,
    jobSeq: 0,
    shown: base,
  };
}

function firstDifference(a: PlayerState, b: PlayerState): number {
  const ea = a.trace?.events ?? [];
  const eb = b.trace?.events ?? [];
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (JSON.stringify(ea[i]) !== JSON.stringify(eb[i])) return i;
  return n;
}

function errorText(errors: ScriptError[]): string {
  const e = errors[0];
  return e ? S.pg.rejected(e.line, e.col, e.message) : '';
}

/** The script changed: ask for its run (the screen emits the `run-model` command). */
function request(state: PlaygroundState, next: Script): PlaygroundState {
  const job = state.jobSeq + 1;
  const source = buildScript(next);
  return { ...state, ...next, prompt: null, message: null, jobSeq: job, pending: { job, source }, player: { ...state.player, busy: true } };
}

/** Whether the learner follows the run (at its end, playing, or nothing on the wire yet) rather
 *  than looking back at an earlier step. */
function following(p: PlayerState): boolean {
  const evs = p.trace?.events ?? [];
  return p.playing || p.step >= evs.length - 1 || !evs.some((e) => e.type === 'segment');
}

/**
 * The new run as the learner sees it: what the learner has seen stays (the model is deterministic:
 * the same lines give the same events) and what happens next is appended after it. A learner at
 * the end sees the cursor move on to the first new event and play; a playing animation goes on; a
 * learner looking back at an earlier step keeps the cursor (and so the diagram's window) there.
 * Only if the change altered an event at or before the cursor does it go to the first one changed.
 */
export function extendRun(old: PlayerState, fresh: PlayerState): PlayerState {
  const last = Math.max(0, eventCount(fresh) - 1);
  const from = firstDifference(old, fresh);
  let step: number;
  let playing: boolean;
  let keepClock = false;
  if (old.step < from && old.playing) {
    // Playing: the animation goes on from where it is into the new events.
    step = Math.min(old.step, last);
    playing = step < last;
    keepClock = playing;
  } else if (old.step < from && !following(old)) {
    // Looking back at an earlier step: the cursor stays there.
    step = Math.min(old.step, last);
    playing = false;
  } else {
    // At the end (or on an event that changed): on to the first new event, which plays.
    step = Math.min(from, last);
    playing = step < last;
  }
  return {
    ...old,
    source: fresh.source,
    trace: fresh.trace,
    errors: [],
    dropIds: [],
    step,
    playing,
    lastTick: keepClock ? old.lastTick : null,
    progress: keepClock ? old.progress : 0,
    busy: false,
  };
}

/** A re-run arrived: extend the player with it, or (the model refused the script) go back to the
 *  script shown and say why. */
function accept(state: PlaygroundState, job: number, error: string | undefined, run: RunFn): PlaygroundState {
  if (!state.pending || state.pending.job !== job) return state;
  const idle = { ...state, pending: null, player: { ...state.player, busy: false } };
  const fresh = error === undefined ? initPlayer(state.pending.source, PLAYGROUND_NAME, run) : null;
  if (!fresh?.trace) {
    const why = fresh ? errorText(fresh.errors) : S.pg.runFailed(error ?? '');
    return { ...idle, ...state.shown, message: why };
  }
  const shown: Script = { steps: state.steps, listen: state.listen, delay: state.delay };
  const player = extendRun(state.player, fresh);
  const behind = player.step < eventCount(player) - 1 && !player.playing;
  return { ...idle, shown, player, message: behind && eventCount(player) > eventCount(state.player) ? S.pg.appended(eventCount(player) - eventCount(state.player)) : state.message };
}

function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 10_000_000 ? n : null;
}

export function reducePlayground(state: PlaygroundState, action: PgAction, run: RunFn = runModel): PlaygroundState {
  switch (action.type) {
    case 'move': {
      const n = menuItems(state).length;
      return { ...state, cursor: (state.cursor + action.delta + n) % n };
    }
    case 'activate': {
      const item = menuItems(state)[state.cursor];
      const add = (st: PgStep) => request(state, { steps: [...state.steps, st], listen: state.listen, delay: state.delay });
      switch (item.id) {
        case 'client-connect':
          return add({ type: 'connect' });
        case 'client-close':
          return add({ type: 'close', host: 'client' });
        case 'client-abort':
          return add({ type: 'abort', host: 'client' });
        case 'server-close':
          return add({ type: 'close', host: 'server' });
        case 'server-abort':
          return add({ type: 'abort', host: 'server' });
        case 'drop-client':
          return add({ type: 'drop-next', host: 'client' });
        case 'drop-server':
          return add({ type: 'drop-next', host: 'server' });
        case 'wait':
          return add({ type: 'wait', ms: 1000 });
        case 'listen':
          // There is no "stop listening" action: turning it off sets `option listen off` (from the
          // start); turning it on again is `server listen` at this point (or the option, if nothing
          // happened yet).
          if (listening(state)) {
            const steps = state.steps.filter((s) => s.type !== 'listen');
            return request(state, { steps, listen: false, delay: state.delay });
          }
          if (state.steps.length === 0) return request(state, { steps: [], listen: true, delay: state.delay });
          return add({ type: 'listen' });
        case 'client-send':
        case 'server-send':
          return { ...state, prompt: { kind: item.id, text: '', fallback: '100', error: null }, message: null };
        case 'delay':
          return { ...state, prompt: { kind: 'delay', text: '', fallback: String(state.delay ?? 50), error: null }, message: null };
        case 'save':
          return { ...state, prompt: { kind: 'save', text: '', fallback: state.savePath, error: null }, message: null };
        case 'undo':
          return reducePlayground(state, { type: 'undo' }, run);
        case 'reset': {
          // A run still computing is of no use any more: its result is ignored (jobSeq goes on).
          const fresh = initPlayground(run);
          return { ...fresh, jobSeq: state.jobSeq, cursor: state.cursor, player: { ...fresh.player, seq: state.player.seq, speedIndex: state.player.speedIndex } };
        }
      }
      return state;
    }
    case 'undo': {
      if (state.steps.length === 0) return { ...state, message: S.pg.nothingToUndo };
      return request(state, { steps: state.steps.slice(0, -1), listen: state.listen, delay: state.delay });
    }
    case 'prompt-input': {
      if (!state.prompt) return state;
      const next = { ...state, prompt: { ...state.prompt, text: state.prompt.text + action.text, error: null } };
      return action.submit ? reducePlayground(next, { type: 'prompt-submit' }, run) : next;
    }
    case 'prompt-backspace':
      return state.prompt ? { ...state, prompt: { ...state.prompt, text: [...state.prompt.text].slice(0, -1).join(''), error: null } } : state;
    case 'prompt-cancel':
      return { ...state, prompt: null };
    case 'prompt-submit': {
      const p = state.prompt;
      if (!p) return state;
      if (p.kind === 'save') {
        // The write itself is a shell command emitted by onKey; here only remember the path.
        const path = promptPath(state);
        return { ...state, prompt: null, savePath: path, message: S.pg.saving(path) };
      }
      const text = p.text.trim() || p.fallback;
      const n = parseCount(text);
      if (n === null) return { ...state, prompt: { ...p, error: S.pg.badNumber(text) } };
      if (p.kind === 'delay') return request(state, { steps: state.steps, listen: state.listen, delay: n });
      const host: Side = p.kind === 'client-send' ? 'client' : 'server';
      return request(state, { steps: [...state.steps, { type: 'send', host, bytes: n }], listen: state.listen, delay: state.delay });
    }
    case 'saved':
      return { ...state, savePath: action.path };
    case 'player':
      return { ...state, player: reducePlayer(state.player, action.action, run), message: null };
    case 'model':
      return accept(state, action.job, action.error, run);
  }
}

/**
 * Drops armed by `drop next HOST` lines that have not fired yet as the learner sees it: the lines
 * for that host, less the segments of that host the trace drops for that reason up to the
 * player's cursor. The playground marks them until the dropped segment is on screen.
 */
export function armedDrops(state: Pick<PlaygroundState, 'steps' | 'player'>): Record<Side, number> {
  const out: Record<Side, number> = { client: 0, server: 0 };
  for (const st of state.steps) if (st.type === 'drop-next') out[st.host]++;
  const evs = state.player.trace?.events ?? [];
  const upTo = Math.min(state.player.step, evs.length - 1);
  for (let i = 0; i <= upTo; i++) {
    const e = evs[i];
    if (e.type !== 'segment' || e.fate !== 'dropped') continue;
    const host = e.from === 'client' || e.from === 'server' ? e.from : null;
    if (host && out[host] > 0 && e.dropReason === X.dropNext(host)) out[host]--;
  }
  return out;
}

/** The path a save prompt would write to (typed text or the default). */
export function promptPath(state: PlaygroundState): string {
  return state.prompt?.kind === 'save' ? state.prompt.text.trim() || state.prompt.fallback || S.pg.defaultPath : state.savePath;
}

/** The last `n` explanations up to the player's current step (the "what happened" log), with
 *  sequence numbers in the player's seq mode (the diagram's). */
export function explanations(state: PlaygroundState, n: number): string[] {
  const trace = state.player.trace;
  const evs = trace?.events ?? [];
  if (!trace || evs.length === 0) return [];
  const end = Math.min(state.player.step, evs.length - 1);
  const out: string[] = [];
  for (let i = Math.max(0, end - n + 1); i <= end; i++) out.push(explainIn(trace, evs[i], state.player.seq));
  return out;
}
