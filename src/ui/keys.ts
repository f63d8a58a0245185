/**
 * The one key table: turns Ink's (input, key) pair into a normalised KeyName (see src/ui/screen.ts)
 * or a paste burst. Only the root useInput in app.tsx calls this.
 *
 * Notes on what Ink 6 delivers:
 * - Backspace (0x7f) arrives as `key.delete`; forward delete (ESC[3~) looks the same, so both are
 *   'backspace'. Ctrl+H (0x08) arrives as `key.backspace`, also 'backspace'.
 * - A run of printable characters written at once (a paste, or keys typed faster than the event
 *   loop reads them) arrives as one `input` string: that is a paste burst.
 * - Ctrl+letter arrives with `key.ctrl` and the letter as `input`.
 */
import type { Key } from 'ink';
import type { KeyName } from './screen.js';

export type KeyEvent = { key: KeyName } | { paste: string };

/**
 * Strip control characters from pasted text, keeping newlines and tabs: in a burst they are the
 * Enter and Tab keys of a fast typist (or of keys coalesced by a busy machine), and the shell turns
 * them back into key presses.
 */
export function cleanPaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function toKeyEvent(input: string, key: Key): KeyEvent | null {
  if (key.ctrl && (input === 'c' || input === 'C')) return { key: 'ctrl-c' };
  // Ctrl+C read together with other bytes (`j\x03`, `\x03\x03` on a busy machine) still quits:
  // it must never be cleaned away as a control character of a burst.
  if (input.includes('\u0003')) return { key: 'ctrl-c' };
  if (key.upArrow) return { key: 'up' };
  if (key.downArrow) return { key: 'down' };
  if (key.leftArrow) return { key: 'left' };
  if (key.rightArrow) return { key: 'right' };
  if (key.pageUp) return { key: 'pageup' };
  if (key.pageDown) return { key: 'pagedown' };
  if (key.home) return { key: 'home' };
  if (key.end) return { key: 'end' };
  if (key.return) return { key: 'enter' };
  if (key.escape) return { key: 'escape' };
  if (key.tab) return { key: key.shift ? 'shift-tab' : 'tab' };
  if (key.backspace || key.delete) return { key: 'backspace' };
  if (input === '\n') return { key: 'enter' };
  if (key.ctrl) {
    if (input.length === 1 && /[a-z]/i.test(input)) return { key: `ctrl-${input.toLowerCase()}` };
    return null;
  }
  if (input === '') return null;
  if (key.meta) return null; // Alt+x and unknown escape sequences: ignored
  const chars = [...input];
  if (chars.length === 1) {
    if (input === ' ') return { key: 'space' };
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(input)) return null;
    return { key: input };
  }
  const text = cleanPaste(input);
  if (text === '') return null;
  // One key left: a space, a Tab, or \r\n (a pasted line end, one piece of src/ui/key-split.ts): Enter.
  if ([...text].length === 1) return text === ' ' ? { key: 'space' } : text === '\t' ? { key: 'tab' } : text === '\n' ? { key: 'enter' } : { key: text };
  return { paste: text };
}

/** Raw byte sequences for the keys, for tests and the e2e driver. */
export const KEY_CODES = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  'shift-tab': '\u001B[Z',
  pageup: '\u001B[5~',
  pagedown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  backspace: '\u007F',
  space: ' ',
  'ctrl-c': '\u0003',
} as const;
