/**
 * The pure key splitter behind the stdin wrapper (src/ui/key-split.ts): each read of the terminal
 * split into the keys in it, escape sequences, characters and pastes never cut, and the bounds.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createKeySplitter, hasCtrlC, PASTE_END, PASTE_START, splitKeys, SPLIT_LIMITS } from '../../src/ui/key-split.js';
import { KEY_CODES } from '../../src/ui/keys.js';

/** One whole read (nothing held for the next). */
const split = (s: string) => splitKeys(s, SPLIT_LIMITS, true).pieces;

describe('splitKeys', () => {
  it('splits three ↓ in one read into three keys, and jjj into three j', () => {
    expect(split('\u001B[B\u001B[B\u001B[B')).toEqual(['\u001B[B', '\u001B[B', '\u001B[B']);
    expect(split('jjj')).toEqual(['j', 'j', 'j']);
  });

  it('keeps every key of the table whole, whatever surrounds it', () => {
    for (const code of Object.values(KEY_CODES)) {
      // Esc with a key after it in the same read is Alt+key (as Ink and terminals read it).
      if (code !== '\u001B') expect(split(`a${code}b`)).toEqual(['a', code, 'b']);
      expect(split(`a${code}`)).toEqual(['a', code]);
      expect(split(`${code}${code}`)).toEqual(code === '\u001B' ? ['\u001B\u001B'] : [code, code]);
    }
  });

  it('CSI with parameters, SS3, Alt+key, Alt+arrow and the Linux console F-keys are one key each', () => {
    expect(split('\u001B[1;5A\u001BOP\u001Bj\u001B\u001B[A\u001B[[A\u001B[3~')).toEqual([
      '\u001B[1;5A',
      '\u001BOP',
      '\u001Bj',
      '\u001B\u001B[A',
      '\u001B[[A',
      '\u001B[3~',
    ]);
  });

  it('a lone Esc at the end of a read is the Esc key', () => {
    expect(split('j\u001B')).toEqual(['j', '\u001B']);
  });

  it('UTF-8 characters stay whole: CJK, astral emoji, a letter with its combining mark, a ZWJ family', () => {
    expect(split('三次握手')).toEqual(['三', '次', '握', '手']);
    expect(split('a😀b')).toEqual(['a', '😀', 'b']);
    expect(split('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(split('👩‍👩‍👧j')).toEqual(['👩‍👩‍👧', 'j']);
  });

  it('control characters are keys of their own; \\r\\n is one Enter', () => {
    expect(split('1001\r')).toEqual(['1', '0', '0', '1', '\r']);
    expect(split('a\tb\u007F\u0003')).toEqual(['a', '\t', 'b', '\u007F', '\u0003']);
    expect(split('x\r\ny')).toEqual(['x', '\r\n', 'y']);
  });

  it('a bracketed paste is one piece, markers and all, even with escape sequences and newlines inside', () => {
    const paste = `${PASTE_START}line 1\r\nline \u001B[B 2${PASTE_END}`;
    expect(split(`j${paste}k`)).toEqual(['j', paste, 'k']);
  });

  it('a printable run longer than the bound is a paste: one piece', () => {
    const long = 'x'.repeat(SPLIT_LIMITS.maxSplitRun + 1);
    expect(split(`${long}\r`)).toEqual([long, '\r']);
    expect(split('y'.repeat(SPLIT_LIMITS.maxSplitRun))).toHaveLength(SPLIT_LIMITS.maxSplitRun);
  });

  it('an escape sequence cut by the end of the read is held, and whole when final', () => {
    expect(splitKeys('j\u001B[1;')).toEqual({ pieces: ['j'], pending: '\u001B[1;' });
    expect(splitKeys(`${PASTE_START}abc`)).toEqual({ pieces: [], pending: `${PASTE_START}abc` });
    expect(splitKeys('j\u001B[1;', SPLIT_LIMITS, true)).toEqual({ pieces: ['j', '\u001B[1;'], pending: '' });
  });
});

describe('createKeySplitter (across reads)', () => {
  it('joins a sequence split between two reads', () => {
    const s = createKeySplitter();
    expect(s.push('j\u001B[')).toEqual(['j']);
    expect(s.hasPending()).toBe(true);
    expect(s.push('B\u001B[B')).toEqual(['\u001B[B', '\u001B[B']);
    expect(s.hasPending()).toBe(false);
  });

  it('holds a bracketed paste over many reads and gives it as one piece', () => {
    const s = createKeySplitter();
    const body = 'a line of text\r'.repeat(5000);
    const text = `${PASTE_START}${body}${PASTE_END}`;
    const out: string[] = [];
    for (let i = 0; i < text.length; i += 4096) out.push(...s.push(text.slice(i, i + 4096)));
    expect(out).toEqual([text]);
  });

  it('lets go of a bracketed paste past its bound (delivered whole, in order)', () => {
    const s = createKeySplitter({ ...SPLIT_LIMITS, maxHeldPaste: 100 });
    const first = s.push(`${PASTE_START}${'a'.repeat(80)}`);
    expect(first).toEqual([]);
    const second = s.push('b'.repeat(80));
    expect(second.join('')).toBe(`${PASTE_START}${'a'.repeat(80)}${'b'.repeat(80)}`);
    expect(s.hasPending()).toBe(false);
  });

  it('a read of more keys than the bound is one piece (a 1 MB paste is not a million renders)', () => {
    const s = createKeySplitter();
    const text = 'ab\r'.repeat(400_000);
    const out: string[] = [];
    for (let i = 0; i < text.length; i += 65536) out.push(...s.push(text.slice(i, i + 65536)));
    expect(out.join('')).toBe(text);
    expect(out.length).toBe(Math.ceil(text.length / 65536));
    // A short read is still split.
    expect(s.push('\u001B[B'.repeat(SPLIT_LIMITS.maxKeysPerChunk))).toHaveLength(SPLIT_LIMITS.maxKeysPerChunk);
    expect(s.push('j'.repeat(SPLIT_LIMITS.maxKeysPerChunk + 1))).toHaveLength(1);
  });

  it('flush gives what is held', () => {
    const s = createKeySplitter();
    expect(s.push('\u001B\u001B')).toEqual([]);
    expect(s.flush()).toEqual(['\u001B\u001B']);
    expect(s.flush()).toEqual([]);
  });
});

describe('hasCtrlC', () => {
  it('finds Ctrl+C alone or in a whole read, not inside a bracketed paste', () => {
    expect(hasCtrlC('\u0003')).toBe(true);
    expect(hasCtrlC('jj\u0003')).toBe(true);
    expect(hasCtrlC(`${PASTE_START}\u0003${PASTE_END}`)).toBe(false);
    expect(hasCtrlC('j')).toBe(false);
  });
});

// Fuzz: the text of a terminal, from the pieces a terminal sends.
const atom = fc.oneof(
  fc.constantFrom(...Object.values(KEY_CODES), '\u001B[1;5A', '\u001BOP', '\u001Bj', '\u001B\u001B[B', '\u001B[[A', '\r\n', '\u0003'),
  fc.constantFrom('j', 'k', 'q', '三', '😀', 'e\u0301', '👩‍👩‍👧', ' '),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 6 }).map((s) => `${PASTE_START}${s}${PASTE_END}`),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const terminalText = fc.array(atom, { maxLength: 30 }).map((a) => a.join(''));
const isSequence = (p: string) => /^\u001B(\[[0-?[]?[0-?]*[ -/]*[@-~]|O[@-~])$/.test(p);

describe('splitter fuzz', () => {
  it('concatenating the pieces gives the input back, however the input is cut into reads', () => {
    fc.assert(
      fc.property(terminalText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const s = createKeySplitter();
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const out: string[] = [];
        let from = 0;
        for (const c of [...at, text.length]) {
          out.push(...s.push(text.slice(from, c)));
          from = c;
        }
        out.push(...s.flush());
        expect(out.join('')).toBe(text);
        expect(out.every((p) => p.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no escape sequence, surrogate pair or paste is cut when the read holds them whole', () => {
    fc.assert(
      fc.property(fc.array(atom, { maxLength: 20 }), (atoms) => {
        const text = atoms.join('');
        const pieces = splitKeys(text, SPLIT_LIMITS, true).pieces;
        // Piece boundaries are a subset of the atoms' boundaries for the escape and paste atoms.
        const bounds = new Set<number>([0]);
        let at = 0;
        for (const p of pieces) bounds.add((at += p.length));
        let pos = 0;
        for (const a of atoms) {
          // After an ESC (an Esc key, or a broken sequence, at the end of the previous atom) the
          // sequence is Alt+sequence, one piece with that ESC, as Ink reads it: still not cut.
          if ((isSequence(a) || a.startsWith(PASTE_START)) && text.charCodeAt(pos - 1) !== 0x1b) {
            for (let k = pos + 1; k < pos + a.length; k++) expect(bounds.has(k), JSON.stringify({ a, text })).toBe(false);
          }
          pos += a.length;
        }
        for (const b of bounds) {
          const c = text.charCodeAt(b);
          const prev = text.charCodeAt(b - 1);
          expect(prev >= 0xd800 && prev <= 0xdbff && c >= 0xdc00 && c <= 0xdfff, 'a surrogate pair cut').toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
