/**
 * The diagram player screen (`synack diagram <scenario>` on a terminal, Home → Diagram player, or a
 * lesson's diagram opened in full). State and logic live in src/ui/player/model.ts; this file maps
 * key commands, the save prompt and the remembered seq mode, and wires the view.
 *
 * `d` (drop the next segment) and `u` (undo a drop) re-run the model: the screen asks for the run
 * with a `run-model` command (computed off the UI thread, src/ui/worker) and shows "Working…"
 * until it arrives; meanwhile every key acts on the trace shown, and a newer `d`/`u` supersedes
 * the run asked for before (its result is ignored).
 */
import { Box, Text } from 'ink';
import { keyUpdate, type AppContext, type KeyName, type ModelResult, type Msg, type ScreenDef, type ShellCommand, type Update } from '../screen.js';
import { initPlayer, reducePlayer, rerun, rerunPlan, runOptions, tickPlayer, type PlayerState, type SeqMode } from '../player/model.js';
import { UI } from '../strings.js';
import { SUPERSEDED } from '../model-job.js';
import { playerKeyAction } from '../player/inline.js';
import { PlayerView, playerLayout } from '../player/view.js';
import { asciiText, playerStrings as S } from '../player/strings.js';
import { playerScript, defaultSavePath } from '../player/save.js';
import { CMD, off, on, type Active } from '../bindings.js';
import { truncate } from '../components/text.js';
import { col, glyphs } from '../components/theme.js';
import type { Progress } from '../../store/types.js';

const P = CMD.player;

/** The player's keymap (footer order): the rows of the binding table (src/ui/bindings.ts). */
export const PLAYER_KEYMAP: readonly Active[] = [
  on(P.play),
  on(P.step),
  on(P.back),
  on(P.drop),
  on(P.leave),
  on(P.legend),
  on(P.scroll),
  on(P.seq),
  on(P.save),
  on(P.speed),
  on(P.restart),
  off(P.scrollPage),
  off(P.undo),
  off(P.ends),
  off(P.chart),
];

/** While the save prompt is open: it takes typed text. */
export const PLAYER_PROMPT_KEYMAP: readonly Active[] = [on(CMD.promptConfirm), on(CMD.promptCancel), off(CMD.promptErase), off(CMD.promptType)];

/** The player screen's state: the player, the re-run it waits for, the save prompt. */
export type PlayerScreenState = PlayerState & {
  /** The re-run asked for (`d`/`u`) and not yet arrived: its job tag, drops and notice. */
  rerunJob?: { job: number; dropIds: number[]; message: string } | null;
  /** The last job tag used (tags only grow, so a late result of an older job is told apart). */
  jobSeq?: number;
  /** The "save as .tcp" prompt: what the learner typed and the default path. */
  prompt?: { text: string; fallback: string } | null;
  /** The lesson block that opened this player (handed back when it closes). */
  origin?: number;
};

/** `d`/`u`: ask for the re-run (off the UI thread); nothing to re-run: the reducer's notice. */
export function askRerun(state: PlayerScreenState, action: 'drop-next' | 'undo-drop'): Update<PlayerScreenState> {
  const plan = rerunPlan(state, action);
  if (!plan) return [reducePlayer(state, { type: action }), []];
  const job = (state.jobSeq ?? 0) + 1;
  return [{ ...state, jobSeq: job, rerunJob: { job, ...plan }, busy: true }, [rerunCommand(state, plan.dropIds, job)]];
}

/** The `run-model` command that re-runs a player's script with these drops (the player's and lesson diagrams' `d`/`u`). */
export function rerunCommand(player: PlayerState, dropIds: readonly number[], job: number): ShellCommand {
  return { cmd: 'run-model', job, request: { kind: 'run', source: player.source, options: runOptions(player.name, dropIds) } };
}

/** A player once its awaited re-run is back (in the run memo now): the new run, or the error said. */
export function applyRerun<T extends PlayerState>(player: T, want: { dropIds: number[]; message: string }, result: ModelResult): T {
  const idle: T = { ...player, busy: false };
  if (!result.ok) return result.error === SUPERSEDED ? idle : { ...idle, message: UI.screenError(result.error) };
  return rerun(idle, want.dropIds, want.message) as T;
}

/** The result of a `run-model` job: applied if it is the one awaited. */
export function acceptRerun(state: PlayerScreenState, msg: Extract<Msg, { type: 'model' }>): PlayerScreenState {
  const want = state.rerunJob;
  if (!want || want.job !== msg.job) return state;
  return applyRerun({ ...state, rerunJob: null }, want, msg.result);
}

/** The saved default seq mode (settings.relative) as the `s` key left it. */
export function relativeUpdate(seq: SeqMode) {
  return (p: Progress): Progress => {
    const relative = seq === 'relative';
    return p.settings.relative === relative ? p : { ...p, settings: { ...p.settings, relative } };
  };
}

function playerKey(state: PlayerScreenState, key: KeyName): Update<PlayerScreenState> {
  const action = playerKeyAction(key);
  if (action && (action.type === 'drop-next' || action.type === 'undo-drop')) return askRerun(state, action.type);
  return [action ? reducePlayer(state, action) : state, []];
}

/** Rows the diagram (or the open legend) scrolls for a key, on this screen. */
function scrollKey(s: PlayerScreenState, key: KeyName, ctx: AppContext): Update<PlayerScreenState> {
  const L = playerLayout(s, ctx.width, ctx.height, ctx.ascii);
  const page = Math.max(1, L.diagramHeight - 2);
  const delta = key === 'pageup' ? page : key === 'pagedown' ? -page : key === 'up' || key === 'k' || key === 'K' ? 1 : -1;
  return [reducePlayer(s, { type: 'scroll', delta, max: L.maxScroll }), []];
}

function promptKey(s: PlayerScreenState, key: KeyName): Update<PlayerScreenState> {
  const p = s.prompt;
  if (!p) return [s, []];
  if (key === 'enter') return submit(s, p.text);
  if (key === 'escape') return [{ ...s, prompt: null }, []];
  if (key === 'backspace') return [{ ...s, prompt: { ...p, text: [...p.text].slice(0, -1).join('') } }, []];
  const ch = key === 'space' ? ' ' : key;
  return [{ ...s, prompt: { ...p, text: (p.text + ch).slice(0, 4096) } }, []];
}

function submit(s: PlayerScreenState, typed: string): Update<PlayerScreenState> {
  const p = s.prompt;
  if (!p) return [s, []];
  const path = typed.trim() || p.fallback;
  const commands: ShellCommand[] = [{ cmd: 'write-file', path, content: playerScript(s) }];
  return [{ ...s, prompt: null }, commands];
}

/** In the chart view `m` cycles its series: in the footer after the stepping keys, so it shows at 80 columns. */
export function playerKeymap(state: PlayerState): Active[] {
  if (!state.chart) return [...PLAYER_KEYMAP];
  const i = PLAYER_KEYMAP.findIndex((a) => a.cmd === P.back);
  return [...PLAYER_KEYMAP.slice(0, i + 1), on(P.chartMetrics), ...PLAYER_KEYMAP.slice(i + 1)];
}

const keys = keyUpdate<PlayerScreenState>(
  {
    ...Object.fromEntries([...PLAYER_KEYMAP, on(P.chartMetrics)].map((a) => [a.cmd.id, playerKey])),
    [P.scroll.id]: scrollKey,
    [P.scrollPage.id]: scrollKey,
    [P.seq.id]: (s) => {
      const next = reducePlayer(s, { type: 'toggle-seq' });
      // The learner's choice is remembered: every player and diagram view starts in it.
      return [next, [{ cmd: 'progress', update: relativeUpdate(next.seq) }]];
    },
    [P.save.id]: (s) => [{ ...s, prompt: { text: '', fallback: defaultSavePath(s.name) } }, []],
    [P.leave.id]: (s) => [s, [{ cmd: 'pop', result: { screen: 'player', step: s.step, seq: s.seq, dropIds: [...s.dropIds], ...(s.origin !== undefined ? { origin: s.origin } : {}) } }]],
    [CMD.promptConfirm.id]: promptKey,
    [CMD.promptCancel.id]: promptKey,
    [CMD.promptErase.id]: promptKey,
    [CMD.promptType.id]: promptKey,
  },
  (s, msg) => {
    if (msg.type === 'tick') return [tickPlayer(s, msg.now), []];
    if (msg.type === 'model') return [acceptRerun(s, msg), []];
    if (msg.type === 'paste' && s.prompt) {
      // Keys typed fast arrive as one burst: a newline in it confirms the prompt.
      const nl = msg.text.indexOf('\n');
      if (nl < 0) return [{ ...s, prompt: { ...s.prompt, text: (s.prompt.text + msg.text).slice(0, 4096) } }, []];
      return submit(s, s.prompt.text + msg.text.slice(0, nl));
    }
    return [s, []];
  },
);

export function initPlayerScreen(request: { source: string; name: string; relative?: boolean; step?: number; dropIds?: number[]; origin?: number }, ctx: Pick<AppContext, 'progress'>): PlayerScreenState {
  const relative = request.relative ?? ctx.progress.settings.relative;
  let player: PlayerScreenState = initPlayer(request.source, request.name, undefined, request.dropIds ?? []);
  player = reducePlayer(player, { type: 'set-seq', seq: relative ? 'relative' : 'absolute' });
  if (request.step !== undefined) player = reducePlayer(player, { type: 'goto', step: request.step });
  return { ...player, prompt: null, ...(request.origin !== undefined ? { origin: request.origin } : {}) };
}

function PromptLines(props: { s: PlayerScreenState; ctx: AppContext }) {
  const { s, ctx } = props;
  const p = s.prompt!;
  const g = glyphs(ctx.ascii);
  const lines = [`${S.pg.promptPath}[${p.fallback}] ${p.text}_`, S.pg.promptHint].map((l) => truncate(asciiText(l, ctx.ascii), ctx.width, g.ellipsis));
  return (
    <>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate" color={col(ctx.color, 'yellow')}>
          {l}
        </Text>
      ))}
    </>
  );
}

export const playerScreen: ScreenDef<PlayerScreenState> = {
  id: 'player',
  init(request, ctx) {
    if (request.screen === 'player') return initPlayerScreen(request, ctx);
    return initPlayerScreen({ source: '', name: 'player' }, ctx);
  },
  keymap: (s) => (s.prompt ? [...PLAYER_PROMPT_KEYMAP] : playerKeymap(s)),
  update: keys.update,
  handles: keys.handles,
  animating: (s) => s.playing,
  view: (s, ctx) =>
    s.prompt ? (
      <Box flexDirection="column" width={ctx.width} height={ctx.height}>
        <PlayerView state={s} width={ctx.width} height={Math.max(1, ctx.height - 2)} ascii={ctx.ascii} color={ctx.color} />
        <PromptLines s={s} ctx={ctx} />
      </Box>
    ) : (
      <PlayerView state={s} width={ctx.width} height={ctx.height} ascii={ctx.ascii} color={ctx.color} />
    ),
  title: (s) => S.title(s.name),
};
