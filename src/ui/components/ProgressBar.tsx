import { Text } from 'ink';
import { glyphs } from './theme.js';

/** `[█████░░░░░] 42%` fitted to `width` columns. Pure view. */
export function progressBarText(fraction: number, width: number, ascii: boolean, label = true): string {
  const g = glyphs(ascii);
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const pct = `${Math.round(f * 100)}%`;
  const inner = Math.max(1, width - 2 - (label ? pct.length + 1 : 0));
  const full = Math.round(f * inner);
  return `[${g.barFull.repeat(full)}${g.barEmpty.repeat(inner - full)}]` + (label ? ` ${pct}` : '');
}

export function ProgressBar(props: { fraction: number; width: number; ascii: boolean; color: boolean }) {
  return <Text color={props.color ? 'green' : undefined}>{progressBarText(props.fraction, props.width, props.ascii)}</Text>;
}
