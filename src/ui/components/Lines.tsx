import { memo } from 'react';
import { Box, Text } from 'ink';
import type { Line, Span } from './markdown.js';

/** A span as Ink text: a bare string when it has no style to apply (the same output, one element less). */
function spanText(s: Span, color: boolean, key: number) {
  if (!s.bold && !s.italic && !s.underline && !s.dim && !s.inverse && !(color && s.color)) return s.text;
  return (
    <Text key={key} bold={s.bold} italic={s.italic} underline={s.underline} dimColor={s.dim} inverse={s.inverse} color={color && s.color ? s.color : undefined}>
      {s.text}
    </Text>
  );
}

/**
 * One row. Memoised on the line object: the reader's lines come from its layout caches, so a
 * scroll or a key that changes one row re-renders that row only, not every span of the screen.
 */
const Row = memo(
  function Row(props: { line: Line; color: boolean }) {
    const { line, color } = props;
    return <Text wrap="truncate">{line.length === 0 ? ' ' : line.map((s, k) => spanText(s, color, k))}</Text>;
  },
  (a, b) => a.color === b.color && (a.line === b.line || (a.line.length === 0 && b.line.length === 0)),
);

/** Renders pre-fitted styled lines, one Ink row each (empty lines keep their row). */
export function LinesView(props: { lines: Line[]; width: number; color: boolean }) {
  return (
    <Box flexDirection="column" width={props.width}>
      {props.lines.map((line, i) => (
        <Row key={i} line={line} color={props.color} />
      ))}
    </Box>
  );
}
