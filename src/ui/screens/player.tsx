/**
 * The diagram player screen (`synack diagram <scenario>` on a terminal, or Home → Diagram player).
 * State and logic live in src/ui/player/model.ts; this file maps key commands and wires the view.
 */
import { keyUpdate, type KeyName, type ScreenDef, type Update } from '../screen.js';
import { initPlayer, reducePlayer, tickPlayer, type PlayerState } from '../player/model.js';
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

function playerKey(state: PlayerState, key: KeyName): Update<PlayerState> {
  const action = playerKeyAction(key);
  return [action ? reducePlayer(state, action) : state, []];
}

/** In the chart view `m` cycles its series: in the footer after the stepping keys, so it shows at 80 columns. */
export function playerKeymap(state: PlayerState): Active[] {
  if (!state.chart) return [...PLAYER_KEYMAP];
  const i = PLAYER_KEYMAP.findIndex((a) => a.cmd === P.back);
  return [...PLAYER_KEYMAP.slice(0, i + 1), on(P.chartMetrics), ...PLAYER_KEYMAP.slice(i + 1)];
}

const keys = keyUpdate<PlayerState>(
  {
    ...Object.fromEntries([...PLAYER_KEYMAP, on(P.chartMetrics)].filter((a) => a.cmd !== P.leave).map((a) => [a.cmd.id, playerKey])),
    [P.leave.id]: (s) => [s, [{ cmd: 'pop' }]],
  },
  (s, msg) => [msg.type === 'tick' ? tickPlayer(s, msg.now) : s, []],
);

export const playerScreen: ScreenDef<PlayerState> = {
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
