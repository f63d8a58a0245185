import { Box, Text } from 'ink';
import type { ScreenDef, ScreenRequest } from '../screen.js';
import { UI } from '../strings.js';

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
        <Text wrap="wrap">{UI.placeholder(title)}</Text>
        <Text dimColor>{UI.placeholderBack}</Text>
      </Box>
    ),
  };
}
