/** Draws the renderer's styled diagram lines, coloured by role when colour is on. */
import { Text } from 'ink';
import type { StyledLine } from './diagram.js';

const ROLE_COLOR: Record<string, string> = {
  flag: 'cyan',
  state: 'green',
  drop: 'red',
  note: 'yellow',
  host: 'blue',
  current: 'magenta',
};

export function StyledDiagramLine(props: { line: StyledLine; color: boolean }) {
  const { line, color } = props;
  const plain = line.map((r) => r.text).join('');
  // An empty <Text> takes no row in Ink: keep blank lines one row high.
  if (!color || plain === '') return <Text wrap="truncate">{plain === '' ? ' ' : plain}</Text>;
  return (
    <Text wrap="truncate">
      {line.map((r, i) => (
        <Text
          key={i}
          color={r.role ? ROLE_COLOR[r.role] : undefined}
          dimColor={r.role === 'time' || r.role === 'legend'}
          bold={r.role === 'host'}
        >
          {r.text}
        </Text>
      ))}
    </Text>
  );
}
