/**
 * Control characters and terminal escape sequences: found (for `synack check`, which rejects them)
 * and neutralised (for display: the UI passes every lesson string through `sanitizeText`).
 * Pure.
 */

export type UnsafeKind = 'control' | 'escape' | 'bidi';

export interface UnsafeSpan {
  /** UTF-16 index of the first code unit. */
  index: number;
  /** Code units covered (a whole escape sequence, or 1). */
  length: number;
  kind: UnsafeKind;
  /** The offending code point (ESC, CSI, a C0/C1 control, a bidi control). */
  code: number;
  /** For escape sequences: 'CSI', 'OSC', 'DCS', ... */
  sequence?: string;
}

const ESC = 0x1b;
const BEL = 0x07;

function isBidi(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** True for code points the checker rejects (tab and newline are fine; CR only before LF). */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f || (c >= 0x80 && c <= 0x9f);
}

/** Length (code units) of a string-terminated sequence body starting at i: up to BEL or ESC \ (or C1 ST). */
function stringTerminated(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === BEL || c === 0x9c) return j + 1;
    if (c === ESC && s.charCodeAt(j + 1) === 0x5c) return j + 2;
    if (c === 0x0a) return j; // never run past the line
    j++;
  }
  return j;
}

/** Length of a CSI body (parameters, intermediates, final byte) starting at i. */
function csiEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) return j + 1;
    if (c < 0x20 || c > 0x3f) return j; // malformed: stop before it
    j++;
  }
  return j;
}

/** Every control character, escape sequence and bidi control in `s`, in order. */
export function findUnsafe(s: string): UnsafeSpan[] {
  const out: UnsafeSpan[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) {
      i += 2; // CRLF line ending
      continue;
    }
    if (c === ESC) {
      const next = s.charCodeAt(i + 1);
      let end: number;
      let seq: string;
      if (next === 0x5b) {
        seq = 'CSI';
        end = csiEnd(s, i + 2);
      } else if (next === 0x5d) {
        seq = 'OSC';
        end = stringTerminated(s, i + 2);
      } else if (next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) {
        seq = next === 0x50 ? 'DCS' : next === 0x58 ? 'SOS' : next === 0x5e ? 'PM' : 'APC';
        end = stringTerminated(s, i + 2);
      } else if (next >= 0x20 && next <= 0x7e) {
        seq = 'ESC ' + String.fromCharCode(next);
        end = i + 2;
      } else {
        out.push({ index: i, length: 1, kind: 'control', code: c });
        i++;
        continue;
      }
      out.push({ index: i, length: end - i, kind: 'escape', code: c, sequence: seq });
      i = end;
      continue;
    }
    if (c === 0x9b || c === 0x9d) {
      const seq = c === 0x9b ? 'CSI' : 'OSC';
      const end = c === 0x9b ? csiEnd(s, i + 1) : stringTerminated(s, i + 1);
      out.push({ index: i, length: end - i, kind: 'escape', code: c, sequence: seq });
      i = end;
      continue;
    }
    if (isControl(c)) out.push({ index: i, length: 1, kind: 'control', code: c });
    else if (isBidi(c)) out.push({ index: i, length: 1, kind: 'bidi', code: c });
    i++;
  }
  return out;
}

export interface SanitizeOptions {
  /** Keep '\n' (default true); otherwise it becomes a space. */
  keepNewlines?: boolean;
  /** Keep '\t' (default true); otherwise it becomes a space. */
  keepTabs?: boolean;
}

/**
 * Neutralise a string for display: C0 controls become their visible Control Pictures (ESC -> '␛',
 * NUL -> '␀', ...), DEL -> '␡', C1 controls and bidi controls -> '?'. CRLF becomes '\n'. The rest of
 * an escape sequence stays as plain printable text ('␛[31m'), so nothing reaches the terminal as a
 * command. Strings without anything to replace are returned unchanged (same reference).
 */
export function sanitizeText(s: string, options: SanitizeOptions = {}): string {
  const keepNewlines = options.keepNewlines ?? true;
  const keepTabs = options.keepTabs ?? true;
  // Fast path: nothing below 0x20 (other than kept ones), no DEL/C1, no bidi.
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidi(c)) {
      if ((c === 0x0a && keepNewlines) || (c === 0x09 && keepTabs)) continue;
      clean = false;
      break;
    }
  }
  if (clean) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) out += keepNewlines ? '\n' : ' ';
    else if (c === 0x09) out += keepTabs ? '\t' : ' ';
    else if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) continue;
    else if (c < 0x20) out += String.fromCharCode(0x2400 + c);
    else if (c === 0x7f) out += '\u2421';
    else if ((c >= 0x80 && c <= 0x9f) || isBidi(c)) out += '?';
    else out += s[i];
  }
  return out;
}
