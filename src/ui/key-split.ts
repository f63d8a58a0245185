/**
 * Splits what one read of the terminal returned into the keys in it, so that the stdin wrapper
 * (src/ui/stdin-keys.ts) can hand Ink one key per read with a render in between. Pure: no I/O, no
 * clock; the same chunks give the same pieces.
 *
 * A piece is one of:
 * - an escape sequence: CSI (`ESC [ params intermediates final`, also the Linux console's
 *   `ESC [ [ A`), SS3 (`ESC O x`), the same after a second ESC (Alt+arrow: `ESC ESC [ A`), or
 *   Alt+key (`ESC` and one code point); a lone ESC is the Esc key;
 * - a bracketed paste, `ESC [200~ ... ESC [201~`, kept whole (src/ui/keys.ts handles a paste as one);
 * - a control character (Enter `\r`, Tab, Backspace, Ctrl+letter; `\r\n` stays one Enter);
 * - one printable character (a grapheme: a letter with its combining marks, an emoji sequence);
 * - a run of printable characters longer than `maxSplitRun`, kept whole: that is a paste, not keys
 *   typed one by one, and it must not cost a render per character.
 *
 * Bounds (docs/limits.md): a read that splits into more than `maxKeysPerChunk` pieces is not split
 * at all (one piece, as Ink would read it without the wrapper: a 1 MB paste is never a million
 * renders; such a read is not held either, even if it ends inside an escape sequence). Concatenating the pieces always gives the input back; no escape sequence, surrogate
 * pair or bracketed paste is ever cut.
 *
 * The splitter keeps state across reads only for what a read can end in the middle of: an escape
 * sequence not finished yet (`ESC [ 1 ;`) and a bracketed paste whose end marker has not arrived.
 * `push` returns the complete pieces; `flush` gives up waiting and returns what is held, whole.
 */

export const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

export interface SplitLimits {
  /** A printable run up to this many characters is split into keys; a longer one is a paste. */
  maxSplitRun: number;
  /** A read that would give more pieces than this is delivered whole (one piece). */
  maxKeysPerChunk: number;
  /** A bracketed paste held across reads longer than this (UTF-16 units) is let go of. */
  maxHeldPaste: number;
}

export const SPLIT_LIMITS: SplitLimits = {
  maxSplitRun: 32,
  maxKeysPerChunk: 64,
  maxHeldPaste: 4 * 1024 * 1024,
};

const isCsiParam = (c: number) => c >= 0x30 && c <= 0x3f;
const isCsiIntermediate = (c: number) => c >= 0x20 && c <= 0x2f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** End of the control sequence that starts at `i` (an ESC) after `prefix` ESCs; 'pending' = the text ends inside it; null = not one. */
function controlSequenceEnd(s: string, i: number, prefix: number): number | 'pending' | null {
  const kind = s[i + prefix];
  if (kind === undefined) return 'pending';
  if (kind === '[') {
    const start = i + prefix + 1;
    for (let j = start; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (isCsiParam(c) || isCsiIntermediate(c)) continue;
      if (c === 0x5b && j === start) continue; // ESC [ [ A (Linux console F-keys)
      if (isFinal(c)) return j + 1;
      return null;
    }
    return 'pending';
  }
  if (kind === 'O') {
    if (i + prefix + 1 >= s.length) return 'pending';
    return isFinal(s.charCodeAt(i + prefix + 1)) ? i + prefix + 2 : null;
  }
  return null;
}

/** Length of the code point at `i` (1 or 2 UTF-16 units; a lone surrogate is 1). */
function cpLen(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Whether the UTF-16 unit at `i` starts a control character (C0, DEL, C1) or ESC. */
function isControl(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** A run of printable text as keys (graphemes), or whole when it is longer than `maxRun`. */
function splitRun(run: string, maxRun: number, out: string[]): void {
  if (run.length > maxRun || run.length === 1) {
    out.push(run);
    return;
  }
  if (segmenter) {
    for (const g of segmenter.segment(run)) out.push(g.segment);
    return;
  }
  for (let i = 0; i < run.length; ) {
    const n = cpLen(run, i);
    out.push(run.slice(i, i + n));
    i += n;
  }
}

export interface SplitResult {
  pieces: string[];
  /** Text held for the next read: an unfinished escape sequence or bracketed paste. */
  pending: string;
  /** More pieces than `limits.maxKeysPerChunk`: splitting stopped, `pieces` is the whole text. */
  whole?: boolean;
}

/**
 * Splits `text` into pieces (see the module comment). What cannot be complete yet (an escape
 * sequence or bracketed paste cut by the end of the read) is returned as `pending` unless `final`,
 * when it becomes the last piece as it is.
 */
export function splitKeys(text: string, limits: SplitLimits = SPLIT_LIMITS, final = false): SplitResult {
  const out: string[] = [];
  let i = 0;
  let pending = '';
  while (i < text.length) {
    // Too many keys for one read: it is a paste (or a flood); it goes whole, as Ink reads it
    // without the wrapper. Checked as we go, so a 64 KB read costs no more than the bound.
    if (out.length > limits.maxKeysPerChunk) return { pieces: [text], pending: '', whole: true };
    if (text.charCodeAt(i) === 0x1b) {
      // A bracketed paste: whole, markers included.
      if (text.startsWith(PASTE_START, i)) {
        const end = text.indexOf(PASTE_END, i + PASTE_START.length);
        if (end < 0) {
          if (final) out.push(text.slice(i));
          else pending = text.slice(i);
          break;
        }
        out.push(text.slice(i, end + PASTE_END.length));
        i = end + PASTE_END.length;
        continue;
      }
      if (i === text.length - 1) {
        // A lone ESC at the end of a read: the Esc key (Ink waits a moment for more itself).
        out.push(ESC);
        i++;
        continue;
      }
      let end = controlSequenceEnd(text, i, 1);
      if (end === null && text.charCodeAt(i + 1) === 0x1b) {
        // ESC ESC [ A: Alt+arrow. ESC ESC and anything else: the pair, as Ink reads it.
        end = i + 2 >= text.length ? 'pending' : controlSequenceEnd(text, i, 2);
        if (end === null) end = i + 2;
      }
      if (end === 'pending') {
        // ESC [ 2 at the end of a read: wait for the rest, unless it is a prefix of the paste
        // marker that will never come (final).
        if (final) out.push(text.slice(i));
        else pending = text.slice(i);
        break;
      }
      if (end === null) end = i + 1 + cpLen(text, i + 1); // Alt+key
      out.push(text.slice(i, end));
      i = end;
      continue;
    }
    if (isControl(text, i)) {
      // \r\n (a pasted line end) is one Enter, as it was when the whole read went to Ink.
      if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        out.push('\r\n');
        i += 2;
      } else {
        out.push(text[i]);
        i++;
      }
      continue;
    }
    let j = i;
    while (j < text.length && !isControl(text, j)) j++;
    splitRun(text.slice(i, j), limits.maxSplitRun, out);
    i = j;
  }
  if (out.length > limits.maxKeysPerChunk) return { pieces: [text], pending: '', whole: true };
  return { pieces: out, pending };
}

export interface KeySplitter {
  /** The pieces of a read, in order; what is unfinished is held for the next read. */
  push(chunk: string): string[];
  /** Whether something is held (an unfinished escape sequence or bracketed paste). */
  hasPending(): boolean;
  /** Whether what is held is an unfinished bracketed paste (worth waiting longer for). */
  pendingPaste(): boolean;
  /** Stop waiting: what is held, as pieces (whole). */
  flush(): string[];
  reset(): void;
}

export function createKeySplitter(limits: SplitLimits = SPLIT_LIMITS): KeySplitter {
  let held = '';
  return {
    push(chunk) {
      const text = held + chunk;
      held = '';
      if (text === '') return [];
      // A bracketed paste past its bound is let go of as it is (it stays one piece).
      const giveUp = text.startsWith(PASTE_START) && text.length > limits.maxHeldPaste;
      const r = splitKeys(text, limits, giveUp);
      held = r.pending;
      return r.pieces;
    },
    hasPending: () => held !== '',
    pendingPaste: () => held.startsWith(PASTE_START),
    flush() {
      if (!held) return [];
      const text = held;
      held = '';
      return splitKeys(text, limits, true).pieces;
    },
    reset() {
      held = '';
    },
  };
}

/** Whether a piece holds Ctrl+C (the app quits on it: it jumps the queue). */
export function hasCtrlC(piece: string): boolean {
  return piece.includes('\u0003') && !piece.startsWith(PASTE_START);
}
