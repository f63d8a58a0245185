/** `synack stats` as a screen: totals, per-topic accuracy over time, the due forecast, the streak. */
import { Box, Text } from 'ink';
import { keyUpdate, type AppContext, type ScreenDef } from '../screen.js';
import { CMD, off, on } from '../bindings.js';
import { computeStats, formatStats } from '../../quiz/stats.js';
import { STATS } from '../../quiz/strings.js';

export interface StatsScreenState {
  scroll: number;
}

function lines(ctx: AppContext): string[] {
  return formatStats(computeStats(ctx.progress, ctx.now, ctx.dayOf), { width: ctx.width, ascii: ctx.ascii });
}

function scroll(s: StatsScreenState, delta: number, ctx: AppContext): StatsScreenState {
  const max = Math.max(0, lines(ctx).length - ctx.height);
  const scroll = Math.max(0, Math.min(max, s.scroll + delta));
  return scroll === s.scroll ? s : { scroll };
}

const keys = keyUpdate<StatsScreenState>({
  [CMD.pageScroll.id]: (s, k, ctx) => [scroll(s, k === 'up' || k === 'k' ? -1 : 1, ctx), []],
  [CMD.pagePage.id]: (s, k, ctx) => [scroll(s, (k === 'pageup' ? -1 : 1) * Math.max(1, ctx.height - 1), ctx), []],
  [CMD.pageEnds.id]: (s, k, ctx) => [scroll(s, k === 'home' || k === 'g' ? -Infinity : Infinity, ctx), []],
});

export const statsScreen: ScreenDef<StatsScreenState> = {
  id: 'stats',
  init: () => ({ scroll: 0 }),
  keymap: () => [on(CMD.pageScroll), on(CMD.back), off(CMD.pagePage), off(CMD.pageEnds)],
  update: keys.update,
  handles: keys.handles,
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
