import { Box, Text } from 'ink';
import type { ScreenDef, ScreenRequest } from '../screen.js';
import { UI } from '../strings.js';
import { wrap } from './text.js';

/** A stand-in screen for a module that is not built yet (keeps the registry complete). */
export function placeholderScreen(id: ScreenRequest['screen'], title: string): ScreenDef<null, never> {
  return {
    id,
    init: () => null,
    reduce: (s) => s,
    onKey: () => null,
    bindings: () => [],
    title: () => title,
    view: (_s, ctx) => (
      <Box flexDirection="column" width={ctx.width}>
        {wrap(UI.placeholder(title), ctx.width).map((l, i) => (
          <Text key={i}>{l}</Text>
        ))}
        <Text dimColor>{UI.placeholderBack}</Text>
      </Box>
    ),
  };
}
