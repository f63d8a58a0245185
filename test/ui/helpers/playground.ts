/** Driving the playground's reducer in tests: pick a menu item, or press keys through its key map. */
import { expect } from 'vitest';
import { menuItems, reducePlayground, type MenuItemId, type PgAction, type PlaygroundState } from '../../../src/ui/player/playground.js';
import { playgroundOnKey } from '../../../src/ui/screens/playground.js';

/** Moves the cursor to menu item `id` and activates it. */
export function choose(s: PlaygroundState, id: MenuItemId): PlaygroundState {
  const idx = menuItems(s).findIndex((m) => m.id === id);
  expect(idx).toBeGreaterThanOrEqual(0);
  const moved = reducePlayground(s, { type: 'move', delta: idx - s.cursor });
  expect(menuItems(moved)[moved.cursor].id).toBe(id);
  return reducePlayground(moved, { type: 'activate' });
}

/** Presses `ks` one by one (key names as the shell gives them). */
export function keys(s: PlaygroundState, ...ks: string[]): PlaygroundState {
  for (const k of ks) {
    const r = playgroundOnKey(s, k);
    if (r?.action) s = reducePlayground(s, r.action as PgAction);
  }
  return s;
}
