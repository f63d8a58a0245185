import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fsReason, safe, safeIO, safeJson, writeLine } from '../../src/cli/safe.js';
import { binaryString, fakeIO, RAW_CONTROL } from './helpers.js';

describe('safe (CLI output sanitising)', () => {
  it('makes ESC, BEL and C1 controls visible and keeps newlines and tabs', () => {
    expect(safe("unknown action '\x1b]0'")).toBe("unknown action '␛]0'");
    expect(safe('a\x07b\x9bc')).toBe('a␇b?c');
    expect(safe('line 1\n\tline 2')).toBe('line 1\n\tline 2');
  });

  it('never leaves a raw control character (property)', () => {
    fc.assert(
      fc.property(binaryString(), (s) => {
        expect(safe(s)).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('writeLine sanitises and adds one newline', () => {
    const f = fakeIO();
    writeLine(f.io.stderr, `cannot read \x1b[2Jx.tcp`);
    expect(f.err()).toBe('cannot read ␛[2Jx.tcp\n');
  });

  it('safeJson keeps the data (JSON.parse gives the same value) and leaves no raw control (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), binaryString(), (v, s) => {
        const value = { v, s };
        const text = safeJson(JSON.stringify(value, null, 2));
        expect(text).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    expect(safeJson(JSON.stringify({ a: '\x9b\u202e' }))).toBe('{"a":"\\u009b\\u202e"}');
  });

  it('fsReason turns errno codes into short reasons', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: boom, open '/x'`), { code });
    expect(fsReason(err('ENOENT'))).toBe('no such file or directory');
    expect(fsReason(err('EACCES'))).toBe('permission denied');
    expect(fsReason(err('EISDIR'))).toBe('it is a directory');
    // An unknown code: Node's reason in plain words, never the raw code alone (it follows in parentheses).
    expect(fsReason(err('EWHATEVER'))).toBe('boom (EWHATEVER)');
    expect(fsReason(Object.assign(new Error("ELOOP: too many symbolic links encountered, open '/x'"), { code: 'ELOOP' }))).toBe('too many symbolic links');
    expect(fsReason(Object.assign(new Error("ENXIO: no such device or address, open '/x'"), { code: 'ENXIO' }))).toBe('no such device');
    expect(fsReason(new Error('first\nsecond'))).toBe('first');
  });

  it('safeIO sanitises stderr always, stdout only when asked, and keeps the terminal facts', () => {
    const f = fakeIO({ tty: true, columns: 123 });
    const a = safeIO(f.io);
    a.stderr.write('e\x1b[2J\n');
    a.stdout.write('o\x1b[31m');
    expect(f.err()).toBe('e␛[2J\n');
    expect(f.out()).toBe('o\x1b[31m');
    expect(a.stdout).toBe(f.io.stdout);
    const g = fakeIO({ tty: true, columns: 99 });
    const b = safeIO(g.io, { stdout: true });
    b.stdout.write('o\x1b[31m');
    expect(g.out()).toBe('o␛[31m');
    expect(b.stdout.isTTY).toBe(true);
    expect(b.stdout.columns).toBe(99);
    expect(b.stdout.hasColors?.()).toBe(false);
    expect(b.env).toBe(g.io.env);
    expect(b.cwd).toBe(g.io.cwd);
  });
});
