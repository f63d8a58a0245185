import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sanitizeText, findUnsafe } from '../../src/lessons/sanitize.js';
import { unsafeTextProblems } from '../../src/lessons/validate.js';
import { binaryString } from '../cli/helpers.js';

describe('sanitizeText', () => {
  it('returns clean strings unchanged (same reference)', () => {
    const s = 'SYN, SYN-ACK, ACK \u2014 caf\u00e9 \u4f60\u597d\n\tindented';
    expect(sanitizeText(s)).toBe(s);
  });

  it('makes ESC visible so escape sequences print as plain text', () => {
    expect(sanitizeText('\u001b[31mred\u001b[0m')).toBe('\u241b[31mred\u241b[0m');
    expect(sanitizeText('\u001b]8;;http://evil\u0007link')).toBe('\u241b]8;;http://evil\u2407link');
  });

  it('replaces C0 with control pictures, DEL with \u2421, C1 and bidi controls with ?', () => {
    expect(sanitizeText('a\u0000b\u0008c\u007fd')).toBe('a\u2400b\u2408c\u2421d');
    expect(sanitizeText('x\u009b31my\u0085')).toBe('x?31my?');
    expect(sanitizeText('abc\u202edcba')).toBe('abc?dcba');
  });

  it('keeps newlines and tabs by default, turns CRLF into LF and a lone CR into \u240d', () => {
    expect(sanitizeText('a\r\nb\rc\td')).toBe('a\nb\u240dc\td');
    expect(sanitizeText('a\nb\tc', { keepNewlines: false, keepTabs: false })).toBe('a b c');
  });

  it('property: nothing unsafe survives sanitizing', () => {
    fc.assert(
      fc.property(binaryString({ maxLength: 200 }), (s) => {
        expect(findUnsafe(sanitizeText(s))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: only unsafe characters change', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        if (findUnsafe(s).length === 0) expect(sanitizeText(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findUnsafe / unsafeTextProblems', () => {
  it('reports an escape sequence once, at its ESC, with its kind', () => {
    expect(findUnsafe('ab\u001b[1;31mc')).toEqual([{ index: 2, length: 7, kind: 'escape', code: 0x1b, sequence: 'CSI' }]);
    expect(findUnsafe('\u001b]0;title\u001b\\x')).toEqual([{ index: 0, length: 11, kind: 'escape', code: 0x1b, sequence: 'OSC' }]);
    expect(findUnsafe('\u009b2J')).toEqual([{ index: 0, length: 3, kind: 'escape', code: 0x9b, sequence: 'CSI' }]);
  });

  it('accepts tab, LF and CRLF; rejects a lone CR, NUL, BEL, DEL, C1', () => {
    expect(findUnsafe('a\tb\nc\r\nd')).toEqual([]);
    expect(findUnsafe('\r\u0000\u0007\u007f\u0085').map((s) => s.code)).toEqual([0x0d, 0x00, 0x07, 0x7f, 0x85]);
  });

  it('gives exact file lines and columns', () => {
    const text = 'line one\nline \u0007two\n\tx\u001b[2Jy\n';
    expect(unsafeTextProblems(text, 'f.md')).toEqual([
      { file: 'f.md', line: 2, col: 6, message: 'raw control character U+0007 (BEL); remove it', severity: 'error' },
      { file: 'f.md', line: 3, col: 3, message: 'terminal escape sequence (CSI) in the text; remove it', severity: 'error' },
    ]);
  });
});
