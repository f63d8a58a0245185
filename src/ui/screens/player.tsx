/**
 * The diagram player screen (`synack diagram <scenario>` on a terminal, or Home → Diagram player).
 * State and logic live in src/ui/player/model.ts; this file maps keys and wires the view.
 */
import type { KeyBinding, KeyName, KeyResult, ScreenDef } from '../screen.js';
import { initPlayer, reducePlayer, tickPlayer, type PlayerAction, type PlayerState } from '../player/model.js';
import { playerKeyAction } from '../player/inline.js';
import { PlayerView } from '../player/view.js';
import { asciiText, playerStrings as S } from '../player/strings.js';

/** Getters: the labels are read in the current language (src/i18n), not frozen at import. */
export const PLAYER_BINDINGS: KeyBinding[] = [
  { keys: 'space', get label() { return S.keys.play; }, get help() { return S.keys.playHelp; }, footer: true },
  { keys: '→/l', get label() { return S.keys.step; }, get help() { return S.keys.stepHelp; }, footer: true },
  { keys: '←/h', get label() { return S.keys.back; }, get help() { return S.keys.backHelp; }, footer: true },
  { keys: 'd', get label() { return S.keys.drop; }, get help() { return S.keys.dropHelp; }, footer: true },
  { keys: 'q/Esc', get label() { return S.keys.back2; }, get help() { return S.keys.back2Help; }, footer: true },
  { keys: 's', get label() { return S.keys.seq; }, get help() { return S.keys.seqHelp; }, footer: true },
  { keys: '+/-', get label() { return S.keys.speed; }, get help() { return S.keys.speedHelp; }, footer: true },
  { keys: 'r', get label() { return S.keys.restart; }, get help() { return S.keys.restartHelp; }, footer: true },
  { keys: 'u', get label() { return S.keys.undo; }, get help() { return S.keys.undoHelp; }, footer: false },
  { keys: 'Home/End', get label() { return S.keys.ends; }, get help() { return S.keys.endsHelp; }, footer: false },
  { keys: 'c', get label() { return S.keys.chart; }, get help() { return S.keys.chartHelp; }, footer: false },
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
