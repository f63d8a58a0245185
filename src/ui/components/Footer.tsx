import { Text } from 'ink';
import { width as sw, truncate } from './text.js';

/** The one-line key footer: `key label` pairs, as many as fit in `width`. */
export function footerText(bindings: readonly { keys: string; label: string }[], width: number): string {
  const parts: string[] = [];
  let used = 0;
  for (const b of bindings) {
    const item = `${b.keys} ${b.label}`;
    const add = (parts.length ? 2 : 0) + sw(item);
    if (used + add > width) break;
    parts.push(item);
    used += add;
  }
  return truncate(parts.join('  '), width);
}

export function Footer(props: { bindings: readonly { keys: string; label: string }[]; width: number }) {
  return (
    <Text dimColor wrap="truncate">
      {footerText(props.bindings, props.width)}
    </Text>
  );
}
