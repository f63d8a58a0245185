/**
 * A reducer-driven menu (no useInput of its own: the root shell owns input).
 * Screens keep `{ index }` in their state, call `menuKey` from onKey, and render `<Menu>`.
 */
import { Box, Text } from 'ink';
import { glyphs, asciiMarker } from './theme.js';
import { truncate, width as sw, padRight } from './text.js';
import { UI } from '../strings.js';

export interface MenuItem {
  label: string;
  /** Right-aligned detail (e.g. "3 min"). */
  detail?: string;
  /** A mark before the label (e.g. ✓ ◐). */
  mark?: string;
  disabled?: boolean;
}

export type MenuAction = { type: 'menu-move'; index: number } | { type: 'menu-select'; index: number };

function clampIndex(i: number, n: number): number {
  return n <= 0 ? 0 : Math.max(0, Math.min(n - 1, i));
}

function nextEnabled(items: MenuItem[], from: number, dir: 1 | -1): number {
  const n = items.length;
  let i = from;
  for (let k = 0; k < n; k++) {
    i += dir;
    if (i < 0 || i >= n) return from;
    if (!items[i].disabled) return i;
  }
  return from;
}

/** Maps a key to a menu action: ↑/↓ j/k, Home/End g/G, PgUp/PgDn, digits 1-9, Enter. */
export function menuKey(items: MenuItem[], index: number, key: string, page = 10): MenuAction | null {
  const n = items.length;
  if (n === 0) return null;
  const i = clampIndex(index, n);
  switch (key) {
    case 'up':
    case 'k':
      return { type: 'menu-move', index: nextEnabled(items, i, -1) };
    case 'down':
    case 'j':
    case 'tab':
      return { type: 'menu-move', index: nextEnabled(items, i, 1) };
    case 'shift-tab':
      return { type: 'menu-move', index: nextEnabled(items, i, -1) };
    case 'home':
    case 'g':
      return { type: 'menu-move', index: items[0].disabled ? nextEnabled(items, 0, 1) : 0 };
    case 'end':
    case 'G':
      return { type: 'menu-move', index: items[n - 1].disabled ? nextEnabled(items, n - 1, -1) : n - 1 };
    case 'pageup':
      return { type: 'menu-move', index: clampIndex(i - page, n) };
    case 'pagedown':
      return { type: 'menu-move', index: clampIndex(i + page, n) };
    case 'enter':
    case 'right':
    case 'l':
      return items[i].disabled ? null : { type: 'menu-select', index: i };
    default:
      if (/^[1-9]$/.test(key)) {
        const k = Number(key) - 1;
        if (k < n && !items[k].disabled) return { type: 'menu-select', index: k };
      }
      return null;
  }
}

/** First visible row so that `index` is on screen in a window of `height` rows. */
export function menuScroll(index: number, count: number, height: number): number {
  if (count <= height) return 0;
  const half = Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, index - half));
}

/** One row of text for an item (plain, fitted to width). */
export function menuRow(item: MenuItem, selected: boolean, width: number, ascii: boolean): string {
  const g = glyphs(ascii);
  const pointer = selected ? g.pointer : ' ';
  const mark = item.mark !== undefined ? `${item.mark} ` : '';
  const left = `${pointer} ${mark}`;
  const detail = item.detail ? ` ${item.detail}` : '';
  const room = width - sw(left) - sw(detail);
  if (room < 8) return truncate(left + item.label, width);
  return padRight(left + truncate(item.label, room), width - sw(detail)) + detail;
}

export interface MenuWindow {
  /** Index of the first item shown. */
  top: number;
  /** Items shown. */
  count: number;
  /** Items hidden above and below (each gets a marker row when > 0). */
  above: number;
  below: number;
}

/**
 * The rows a menu of `count` items shows in `height` rows: every item when they fit; otherwise a
 * window that keeps `index` in view, with a marker row for what is hidden above and below, so
 * that no row is ever dropped silently (issue 14 bug 8). Markers + items never exceed `height`.
 */
export function menuWindow(index: number, count: number, height: number): MenuWindow {
  const h = Math.max(1, Math.floor(height));
  if (count <= h) return { top: 0, count, above: 0, below: 0 };
  if (h < 3) {
    // No room for markers: the selected row alone (with its neighbour when there are two rows).
    const top = Math.max(0, Math.min(count - h, index - (h - 1)));
    return { top, count: h, above: 0, below: 0 };
  }
  const i = clampIndex(index, count);
  // One marker at an end: h - 1 items.
  if (i <= h - 2) return { top: 0, count: h - 1, above: 0, below: count - (h - 1) };
  if (i >= count - (h - 1)) return { top: count - (h - 1), count: h - 1, above: count - (h - 1), below: 0 };
  const room = h - 2;
  const top = Math.max(1, Math.min(count - room - 1, i - Math.floor(room / 2)));
  return { top, count: room, above: top, below: count - top - room };
}

export function Menu(props: {
  items: MenuItem[];
  index: number;
  width: number;
  height: number;
  ascii: boolean;
  color: boolean;
}) {
  const { items, width, ascii, color } = props;
  const height = Math.max(1, props.height);
  const index = clampIndex(props.index, items.length);
  const win = menuWindow(index, items.length, height);
  const top = win.top;
  const shown = items.slice(top, top + win.count);
  const marker = (text: string) => (
    <Text dimColor wrap="truncate">
      {truncate(asciiMarker(text, ascii), width, glyphs(ascii).ellipsis)}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width}>
      {win.above > 0 ? marker(UI.moreAbove(win.above)) : null}
      {shown.map((item, k) => {
        const i = top + k;
        const sel = i === index;
        return (
          <Text
            key={i}
            wrap="truncate"
            inverse={sel}
            bold={sel}
            dimColor={item.disabled}
            color={sel && color ? 'cyan' : undefined}
          >
            {menuRow(item, sel, width, ascii)}
          </Text>
        );
      })}
      {win.below > 0 ? marker(UI.moreBelow(win.below)) : null}
    </Box>
  );
}
