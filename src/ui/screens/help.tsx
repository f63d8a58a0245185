/** The help screen: what synack is and the keys everywhere (scrolls with ↑/↓). */
import { Box, Text } from 'ink';
import type { AppContext, KeyBinding, ScreenDef } from '../screen.js';
import { UI } from '../strings.js';
import { wrap } from '../components/text.js';

export interface HelpState {
  top: number;
}
export type HelpAction = { type: 'scroll'; top: number };

function helpLines(width: number): string[] {
  return UI.helpScreenBody.flatMap((p) => (p === '' ? [''] : wrap(p, width)));
}

function maxTop(ctx: AppContext): number {
  return Math.max(0, helpLines(ctx.width).length - ctx.height);
}

const BINDINGS: KeyBinding[] = [{ ...UI.keyScroll, footer: true }];

export const helpScreen: ScreenDef<HelpState, HelpAction> = {
  id: 'help',
  init: () => ({ top: 0 }),
  reduce: (s, a) => (a.top === s.top ? s : { top: a.top }),
  onKey(s, key, ctx) {
    const mt = maxTop(ctx);
    const to = (n: number) => ({ action: { type: 'scroll' as const, top: Math.max(0, Math.min(mt, n)) } });
    if (key === 'up' || key === 'k') return to(s.top - 1);
    if (key === 'down' || key === 'j') return to(s.top + 1);
    if (key === 'pageup') return to(s.top - ctx.height);
    if (key === 'pagedown' || key === 'space') return to(s.top + ctx.height);
    if (key === 'g' || key === 'home') return to(0);
    if (key === 'G' || key === 'end') return to(mt);
    return null;
  },
  bindings: () => BINDINGS,
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
