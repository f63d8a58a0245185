/**
 * The diagram player screen (`synack diagram <scenario>` on a terminal, or Home → Diagram player).
 * State and logic live in src/ui/player/model.ts; this file maps key commands and wires the view.
 *
 * `d` (drop the next segment) and `u` (undo a drop) re-run the model: the screen asks for the run
 * with a `run-model` command (computed off the UI thread, src/ui/worker) and shows "Working…"
 * until it arrives; meanwhile every key acts on the trace shown, and a newer `d`/`u` supersedes
 * the run asked for before (its result is ignored).
 */
import { keyUpdate, type KeyName, type Msg, type ScreenDef, type ShellCommand, type Update } from '../screen.js';
import { initPlayer, reducePlayer, rerun, rerunPlan, runOptions, tickPlayer, type PlayerState } from '../player/model.js';
import { UI } from '../strings.js';
import { SUPERSEDED } from '../model-job.js';
import { playerKeyAction } from '../player/inline.js';
import { PlayerView } from '../player/view.js';
import { playerStrings as S } from '../player/strings.js';
import { CMD, off, on, type Active } from '../bindings.js';

const P = CMD.player;

/** The player's keymap (footer order): the rows of the binding table (src/ui/bindings.ts). */
export const PLAYER_KEYMAP: readonly Active[] = [
  on(P.play),
  on(P.step),
  on(P.back),
  on(P.drop),
  on(P.leave),
  on(P.seq),
  on(P.speed),
  on(P.restart),
  off(P.undo),
  off(P.ends),
  off(P.chart),
];

/** The player screen's state: the player and the re-run it waits for. */
export type PlayerScreenState = PlayerState & {
  /** The re-run asked for (`d`/`u`) and not yet arrived: its job tag, drops and notice. */
  rerunJob?: { job: number; dropIds: number[]; message: string } | null;
  /** The last job tag used (tags only grow, so a late result of an older job is told apart). */
  jobSeq?: number;
};

/** `d`/`u`: ask for the re-run (off the UI thread); nothing to re-run: the reducer's notice. */
export function askRerun(state: PlayerScreenState, action: 'drop-next' | 'undo-drop'): Update<PlayerScreenState> {
  const plan = rerunPlan(state, action);
  if (!plan) return [reducePlayer(state, { type: action }), []];
  const job = (state.jobSeq ?? 0) + 1;
  const command: ShellCommand = { cmd: 'run-model', job, request: { kind: 'run', source: state.source, options: runOptions(state.name, plan.dropIds) } };
  return [{ ...state, jobSeq: job, rerunJob: { job, ...plan }, busy: true }, [command]];
}

/** The result of a `run-model` job: applied if it is the one awaited (it is in the run memo now). */
export function acceptRerun(state: PlayerScreenState, msg: Extract<Msg, { type: 'model' }>): PlayerScreenState {
  const want = state.rerunJob;
  if (!want || want.job !== msg.job) return state;
  const base: PlayerScreenState = { ...state, rerunJob: null, busy: false };
  if (!msg.result.ok) return msg.result.error === SUPERSEDED ? base : { ...base, message: UI.screenError(msg.result.error) };
  return rerun(base, want.dropIds, want.message);
}

function playerKey(state: PlayerScreenState, key: KeyName): Update<PlayerScreenState> {
  const action = playerKeyAction(key);
  if (action && (action.type === 'drop-next' || action.type === 'undo-drop')) return askRerun(state, action.type);
  return [action ? reducePlayer(state, action) : state, []];
}

/** In the chart view `m` cycles its series: in the footer after the stepping keys, so it shows at 80 columns. */
export function playerKeymap(state: PlayerState): Active[] {
  if (!state.chart) return [...PLAYER_KEYMAP];
  const i = PLAYER_KEYMAP.findIndex((a) => a.cmd === P.back);
  return [...PLAYER_KEYMAP.slice(0, i + 1), on(P.chartMetrics), ...PLAYER_KEYMAP.slice(i + 1)];
}

const keys = keyUpdate<PlayerScreenState>(
  {
    ...Object.fromEntries([...PLAYER_KEYMAP, on(P.chartMetrics)].filter((a) => a.cmd !== P.leave).map((a) => [a.cmd.id, playerKey])),
    [P.leave.id]: (s) => [s, [{ cmd: 'pop' }]],
  },
  (s, msg) => [msg.type === 'tick' ? tickPlayer(s, msg.now) : msg.type === 'model' ? acceptRerun(s, msg) : s, []],
);

export const playerScreen: ScreenDef<PlayerScreenState> = {
  id: 'player',
  init(request) {
    if (request.screen === 'player') {
      const state = initPlayer(request.source, request.name);
      return request.relative === undefined ? state : { ...state, seq: request.relative ? 'relative' : 'absolute' };
    }
    return initPlayer('', 'player');
  },
  keymap: (state) => playerKeymap(state),
  update: keys.update,
  handles: keys.handles,
  animating: (state) => state.playing,
  view: (state, ctx) => <PlayerView state={state} width={ctx.width} height={ctx.height} ascii={ctx.ascii} color={ctx.color} />,
  title: (state) => S.title(state.name),
};
