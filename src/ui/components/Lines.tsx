import { Box, Text } from 'ink';
import type { Line, Span } from './markdown.js';

function SpanText(props: { span: Span; color: boolean }) {
  const s = props.span;
  return (
    <Text
      bold={s.bold}
      italic={s.italic}
      underline={s.underline}
      dimColor={s.dim}
      inverse={s.inverse}
      color={props.color && s.color ? s.color : undefined}
    >
      {s.text}
    </Text>
  );
}

/** Renders pre-fitted styled lines, one Ink row each (empty lines keep their row). */
export function LinesView(props: { lines: Line[]; width: number; color: boolean }) {
  return (
    <Box flexDirection="column" width={props.width}>
      {props.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line.length === 0 ? ' ' : line.map((s, k) => <SpanText key={k} span={s} color={props.color} />)}
        </Text>
      ))}
    </Box>
  );
}
