/** The key table, driven through a real Ink useInput (so Ink's own parsing is part of the test). */
import { describe, it, expect } from 'vitest';
import { useState } from 'react';
import { Text, useInput } from 'ink';
import { toKeyEvent, cleanPaste, type KeyEvent } from '../../src/ui/keys.js';
import { renderInk } from './helpers/render.js';

function Probe(props: { log: (KeyEvent | null)[] }) {
  const [n, setN] = useState(0);
  useInput((input, key) => {
    props.log.push(toKeyEvent(input, key));
    setN((x) => x + 1);
  });
  return <Text>{n}</Text>;
}

async function keysFor(...raw: string[]): Promise<(KeyEvent | null)[]> {
  const log: (KeyEvent | null)[] = [];
  const r = await renderInk(<Probe log={log} />);
  for (const k of raw) await r.paste(k);
  await r.unmount();
  return log;
}

describe('toKeyEvent', () => {
  it('names the special keys', async () => {
    const got = await keysFor('\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\r', '\u001B', '\t', '\u001B[Z', '\u001B[5~', '\u001B[6~', '\u001B[H', '\u001B[F', '\u007F', '\b', ' ', '\u0003', '\u0001', '\n');
    expect(got).toEqual([
      { key: 'up' },
      { key: 'down' },
      { key: 'right' },
      { key: 'left' },
      { key: 'enter' },
      { key: 'escape' },
      { key: 'tab' },
      { key: 'shift-tab' },
      { key: 'pageup' },
      { key: 'pagedown' },
      { key: 'home' },
      { key: 'end' },
      { key: 'backspace' },
      { key: 'backspace' },
      { key: 'space' },
      { key: 'ctrl-c' },
      { key: 'ctrl-a' },
      { key: 'enter' },
    ]);
  });

  it('keeps printable characters, case and CJK; a burst is a paste', async () => {
    expect(await keysFor('q', 'G', '?', '+', '中', 'SYN-SENT', 'a\r\nb')).toEqual([
      { key: 'q' },
      { key: 'G' },
      { key: '?' },
      { key: '+' },
      { key: '中' },
      { paste: 'SYN-SENT' },
      { paste: 'a\nb' },
    ]);
  });

  it('ignores function keys and Alt+letter', async () => {
    expect(await keysFor('\u001BOP', '\u001B[15~', '\u001Bx')).toEqual([null, null, null]);
  });

  it('cleans control characters out of pastes', () => {
    expect(cleanPaste('a\u0007b\tc\r\nd\u001B')).toBe('ab\tc\nd');
  });

  it('keeps Tab and Enter in a burst so the shell can press them (keys coalesced under load)', () => {
    expect(toKeyEvent('\t\t', {} as never)).toEqual({ paste: '\t\t' });
    expect(toKeyEvent('12\r', {} as never)).toEqual({ paste: '12\n' });
  });

  it('a pasted line end \\r\\n on its own (one piece of the stdin wrapper) is Enter', async () => {
    expect(await keysFor('\r\n')).toEqual([{ key: 'enter' }]);
  });

  it('Ctrl+C in the same read as other bytes is Ctrl+C (issue 16 item 5)', async () => {
    expect(await keysFor('j\u0003', '\u0003\u0003', 'abc\u0003def')).toEqual([{ key: 'ctrl-c' }, { key: 'ctrl-c' }, { key: 'ctrl-c' }]);
  });
});
