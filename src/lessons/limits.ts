/**
 * Limits checked before a lesson is parsed (docs/limits.md), so no lesson file can make synack
 * work for minutes, exhaust the heap or overflow the stack: its size, the length of its lines, how
 * deeply its Markdown nests (block quotes and lists), and valid UTF-8. A file past a limit is
 * reported as that file's error at the line and column where it goes past; the other lessons keep
 * working. Pure: bytes and text in, problems out.
 */
import type { Problem } from './types.js';
import { LESSON_MESSAGES as M } from './strings.js';

/** A lesson file may have at most this many bytes (the largest bundled lesson has about 20 kB). */
export const MAX_LESSON_BYTES = 256 * 1024;
/** A line may have at most this many characters (outside code fences too). */
export const MAX_LINE_CHARS = 4000;
/** Block quotes and lists may nest this deep (`> > >`, a list in a list...). */
export const MAX_NESTING = 16;
/** A lesson's YAML (front matter, quiz and layers blocks) may use this many aliases (`*name`). */
export const MAX_YAML_ALIASES = 50;

function problem(file: string, line: number, col: number, message: string): Problem {
  return { file, line, col, message, severity: 'error' };
}

/**
 * The first invalid UTF-8 sequence of `bytes`, as 1-based line and column (in characters of the
 * valid text before it), or null when the bytes are valid UTF-8 (overlongs, surrogates and code
 * points past U+10FFFF are invalid).
 */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number; offset: number } | null {
  let line = 1;
  let col = 1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    let len = 0;
    let min = 0;
    let cp = 0;
    if (b < 0x80) {
      if (b === 10) {
        line++;
        col = 1;
      } else col++;
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      cp = b & 0x07;
      min = 0x10000;
    } else return { line, col, offset: i };
    if (i + len > n) return { line, col, offset: i };
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return { line, col, offset: i };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { line, col, offset: i };
    col += cp >= 0x10000 ? 2 : 1;
    i += len;
  }
  return null;
}

/** The UTF-8 problem of a lesson file's bytes, if any. */
export function utf8Problem(bytes: Uint8Array, file: string): Problem | null {
  const bad = firstInvalidUtf8(bytes);
  return bad ? problem(file, bad.line, bad.col, M.invalidUtf8(bad.offset)) : null;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const FENCE = /^(`{3,}|~{3,})/;

/**
 * How many block containers open at the start of `line`: each `>` and each list marker in its
 * prefix, plus one per two columns of indentation (a list nested by indentation alone).
 */
function nestingAt(line: string): { depth: number; col: number } {
  let depth = 0;
  let i = 0;
  let indent = 0;
  // leading indentation (tabs count as 4 columns)
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    indent += line[i] === '\t' ? 4 : 1;
    i++;
  }
  depth += Math.floor(indent / 2);
  for (;;) {
    const c = line[i];
    if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      i++;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (j + 1 >= line.length || line[j + 1] === ' ' || line[j + 1] === '\t')) {
        depth++;
        i = j + 1;
      } else break;
    } else break;
    if (depth > MAX_NESTING) return { depth, col: i };
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  return { depth, col: i + 1 };
}

/**
 * The limits a lesson's text must keep before it is parsed: size, line length and nesting depth.
 * Returns the first problem (the file is not parsed past it), or null.
 */
export function lessonLimitProblem(text: string, file: string): Problem | null {
  const bytes = utf8Length(text);
  if (bytes > MAX_LESSON_BYTES) return problem(file, 1, 1, M.fileTooBig(bytes, MAX_LESSON_BYTES));
  let fence: string | null = null;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const len = end - start;
    if (len > MAX_LINE_CHARS) return problem(file, line, MAX_LINE_CHARS + 1, M.lineTooLong(len, MAX_LINE_CHARS));
    const s = text.slice(start, end);
    // Inside a code fence nothing nests; the fence itself may sit inside a quote or list.
    const bare = s.replace(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*/, '');
    const f = FENCE.exec(bare);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && bare.trim() === f[1]) fence = null;
    } else {
      const n = nestingAt(s);
      if (n.depth > MAX_NESTING) return problem(file, line, n.col, M.nestedTooDeep(MAX_NESTING));
      if (f) fence = f[1]!;
    }
    line++;
    start = end + 1;
  }
  return null;
}
