/** The help screen: what synack is and the keys everywhere (scrolls with ↑/↓). */
import { Box, Text } from 'ink';
import { keyUpdate, type AppContext, type ScreenDef } from '../screen.js';
import { CMD, off, on } from '../bindings.js';
import { UI } from '../strings.js';
import { wrap } from '../components/text.js';

export interface HelpState {
  top: number;
}

function helpLines(width: number): string[] {
  return UI.helpScreenBody.flatMap((p) => (p === '' ? [''] : wrap(p, width)));
}

function maxTop(ctx: AppContext): number {
  return Math.max(0, helpLines(ctx.width).length - ctx.height);
}

const to = (s: HelpState, n: number, ctx: AppContext): HelpState => {
  const top = Math.max(0, Math.min(maxTop(ctx), n));
  return top === s.top ? s : { top };
};

const keys = keyUpdate<HelpState>({
  [CMD.pageScroll.id]: (s, k, ctx) => [to(s, s.top + (k === 'up' || k === 'k' ? -1 : 1), ctx), []],
  [CMD.pagePage.id]: (s, k, ctx) => [to(s, s.top + (k === 'pageup' ? -ctx.height : ctx.height), ctx), []],
  [CMD.pageEnds.id]: (s, k, ctx) => [to(s, k === 'home' || k === 'g' ? 0 : maxTop(ctx), ctx), []],
});

export const helpScreen: ScreenDef<HelpState> = {
  id: 'help',
  init: () => ({ top: 0 }),
  keymap: () => [on(CMD.pageScroll), off(CMD.pagePage), off(CMD.pageEnds)],
  update: keys.update,
  handles: keys.handles,
  title: () => UI.helpScreenTitle,
  view: (s, ctx) => {
    const lines = helpLines(ctx.width);
    const top = Math.min(s.top, maxTop(ctx));
    return (
      <Box flexDirection="column" width={ctx.width}>
        {lines.slice(top, top + ctx.height).map((l, i) => (
          <Text key={i} wrap="truncate">
            {l || ' '}
          </Text>
        ))}
      </Box>
    );
  },
};
