/**
 * The diagram player screen (`synack diagram <scenario>` on a terminal, or Home → Diagram player).
 * State and logic live in src/ui/player/model.ts; this file maps keys and wires the view.
 */
import type { KeyBinding, KeyName, KeyResult, ScreenDef } from '../screen.js';
import { initPlayer, reducePlayer, tickPlayer, type PlayerAction, type PlayerState } from '../player/model.js';
import { playerKeyAction } from '../player/inline.js';
import { PlayerView } from '../player/view.js';
import { asciiText, playerStrings as S } from '../player/strings.js';

export const PLAYER_BINDINGS: KeyBinding[] = [
  { keys: 'space', label: S.keys.play, help: S.keys.playHelp, footer: true },
  { keys: '→/l', label: S.keys.step, help: S.keys.stepHelp, footer: true },
  { keys: '←/h', label: S.keys.back, help: S.keys.backHelp, footer: true },
  { keys: 'd', label: S.keys.drop, help: S.keys.dropHelp, footer: true },
  { keys: 'q/Esc', label: S.keys.back2, help: S.keys.back2Help, footer: true },
  { keys: 's', label: S.keys.seq, help: S.keys.seqHelp, footer: true },
  { keys: '+/-', label: S.keys.speed, help: S.keys.speedHelp, footer: true },
  { keys: 'r', label: S.keys.restart, help: S.keys.restartHelp, footer: true },
  { keys: 'u', label: S.keys.undo, help: S.keys.undoHelp, footer: false },
  { keys: 'Home/End', label: S.keys.ends, help: S.keys.endsHelp, footer: false },
];

export function playerOnKey(key: KeyName): KeyResult<PlayerAction> | null {
  if (key === 'q' || key === 'escape') return { commands: [{ cmd: 'pop' }] };
  const action = playerKeyAction(key);
  return action ? { action } : null;
}

export const playerScreen: ScreenDef<PlayerState, PlayerAction> = {
  id: 'player',
  init(request) {
    if (request.screen === 'player') {
      const state = initPlayer(request.source, request.name);
      return request.relative === undefined ? state : { ...state, seq: request.relative ? 'relative' : 'absolute' };
    }
    return initPlayer('', 'player');
  },
  reduce: (state, action) => reducePlayer(state, action),
  onKey: (_state, key) => playerOnKey(key),
  tick: (state, now) => tickPlayer(state, now),
  animating: (state) => state.playing,
  bindings: (_state, ctx) =>
    PLAYER_BINDINGS.map((b) => ({ ...b, keys: asciiText(b.keys, ctx.ascii), help: b.help && asciiText(b.help, ctx.ascii) })),
  view: (state, ctx) => <PlayerView state={state} width={ctx.width} height={ctx.height} ascii={ctx.ascii} color={ctx.color} />,
  title: (state) => S.title(state.name),
};
