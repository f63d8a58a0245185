/** Driving the playground's reducer in tests: pick a menu item, or press keys through its key map. */
import { expect } from 'vitest';
import { menuItems, reducePlayground, type MenuItemId, type PgAction, type PlaygroundState } from '../../../src/ui/player/playground.js';
import { playgroundOnKey } from '../../../src/ui/screens/playground.js';

/**
 * The re-run an action asked for, delivered as the App delivers it (the `model` msg; the run is
 * computed on this thread here, as the App's in-process fallback does).
 */
export function settle(s: PlaygroundState): PlaygroundState {
  return s.pending ? reducePlayground(s, { type: 'model', job: s.pending.job }) : s;
}

/** An action, then its re-run (if it asked for one). */
export function act(s: PlaygroundState, a: PgAction): PlaygroundState {
  return settle(reducePlayground(s, a));
}

/** Moves the cursor to menu item `id` and activates it (and delivers the re-run it asks for). */
export function choose(s: PlaygroundState, id: MenuItemId): PlaygroundState {
  const idx = menuItems(s).findIndex((m) => m.id === id);
  expect(idx).toBeGreaterThanOrEqual(0);
  const moved = reducePlayground(s, { type: 'move', delta: idx - s.cursor });
  expect(menuItems(moved)[moved.cursor].id).toBe(id);
  return act(moved, { type: 'activate' });
}

/** Presses `ks` one by one (key names as the shell gives them), delivering each re-run. */
export function keys(s: PlaygroundState, ...ks: string[]): PlaygroundState {
  for (const k of ks) {
    const r = playgroundOnKey(s, k);
    if (r?.action) s = act(s, r.action as PgAction);
  }
  return s;
}
