/** `synack stats` as a screen: totals, per-topic accuracy over time, the due forecast, the streak. */
import { Box, Text } from 'ink';
import type { AppContext, ScreenDef } from '../screen.js';
import { computeStats, formatStats } from '../../quiz/stats.js';
import { STATS } from '../../quiz/strings.js';

export interface StatsScreenState {
  scroll: number;
}
export type StatsScreenAction = { type: 'scroll'; delta: number } | { type: 'top' };

function lines(ctx: AppContext): string[] {
  return formatStats(computeStats(ctx.progress, ctx.now, ctx.dayOf), { width: ctx.width, ascii: ctx.ascii });
}

export const statsScreen: ScreenDef<StatsScreenState, StatsScreenAction> = {
  id: 'stats',
  init: () => ({ scroll: 0 }),
  reduce(s, a, ctx) {
    if (a.type === 'top') return { scroll: 0 };
    const max = Math.max(0, lines(ctx).length - ctx.height);
    return { scroll: Math.max(0, Math.min(max, s.scroll + a.delta)) };
  },
  onKey(_s, key, ctx) {
    if (key === 'down' || key === 'j') return { action: { type: 'scroll', delta: 1 } };
    if (key === 'up' || key === 'k') return { action: { type: 'scroll', delta: -1 } };
    if (key === 'pagedown' || key === 'space') return { action: { type: 'scroll', delta: Math.max(1, ctx.height - 1) } };
    if (key === 'pageup') return { action: { type: 'scroll', delta: -Math.max(1, ctx.height - 1) } };
    if (key === 'home' || key === 'g') return { action: { type: 'top' } };
    return null;
  },
  bindings: () => [
    { keys: '↑/↓', label: 'scroll', footer: true },
    { keys: 'q', label: 'back', footer: true },
  ],
  view(s, ctx) {
    const all = lines(ctx).slice(1);
    return (
      <Box flexDirection="column" width={ctx.width}>
        {all.slice(s.scroll, s.scroll + ctx.height).map((l, i) => (
          <Text key={i} wrap="truncate">
            {l === '' ? ' ' : l}
          </Text>
        ))}
      </Box>
    );
  },
  title: () => STATS.title,
};
