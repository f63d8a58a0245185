/**
 * Frame output for the full-screen app: Ink renders in `debug` mode (every render hands us the whole
 * frame, with no cursor movement of its own) into a FrameOutput, which repaints only the lines that
 * changed since the last frame, each placed by absolute cursor position on the alternate screen.
 *
 * Why not Ink's own `incrementalRendering`: in Ink 6.8 its log-update moves the cursor up
 * `previousLines - 1` rows before a frame although the previous frame ended with a newline (cursor
 * one row below it), so every frame lands one row lower and the old lines stay on screen. It also
 * believes the old lines are still on screen after the terminal was cleared (resize).
 */
import { EventEmitter } from 'node:events';
import stringWidth from '../text/string-width-fast.js';
import wrapAnsi from 'wrap-ansi';

export const SYNC_BEGIN = '\u001B[?2026h';
export const SYNC_END = '\u001B[?2026l';
const ERASE_LINE_END = '\u001B[K';
const ERASE_SCREEN = '\u001B[H\u001B[2J';
/** Escape sequences only (CSI, not SGR colours): cursor visibility, modes. */
const CONTROL_ONLY = /^(?:\u001B\[[0-9;?<>=]*[A-Za-ln-z])+$/;
const moveTo = (row: number) => `\u001B[${row + 1};1H`;

export interface RealOut {
  write(s: string): unknown;
  columns?: number;
  rows?: number;
  isTTY?: boolean;
  on(event: 'resize', fn: () => void): unknown;
  off(event: 'resize', fn: () => void): unknown;
}

/**
 * A frame's lines as they can be shown: at most `rows` lines, each cut to `columns` (a longer line
 * would wrap onto the next row, which the diff believes unchanged; on the last row it would scroll).
 * Ink can hand over such lines for one frame after a resize, before the app has re-laid itself out.
 */
export function fitFrame(next: readonly string[], columns: number, rows: number, before?: FittedLines): string[] {
  return next.slice(0, Math.max(0, rows)).map((l) => {
    // A line of the frame before (any row), at the same width, is fitted already.
    const known = before?.columns === columns ? before.lines.get(l) : undefined;
    if (known !== undefined) return known;
    return stringWidth(l) > columns ? (wrapAnsi(l, Math.max(1, columns), { hard: true, trim: false, wordWrap: false }).split('\n')[0] ?? '') : l;
  });
}

/** A frame's lines as Ink gave them -> as fitFrame made them, at `columns`. */
export interface FittedLines {
  columns: number;
  lines: Map<string, string>;
}

/**
 * The escape sequence that turns a screen showing `prev` (null: unknown contents) into one showing
 * `next` (already fitted with fitFrame). A line as wide as the terminal gets no erase-to-end (that
 * would erase its last cell, where the cursor waits to wrap).
 */
export function frameDiff(prev: readonly string[] | null, next: readonly string[], columns: number, rows: number): string {
  const lines = next.slice(0, Math.max(0, rows));
  let out = prev === null ? ERASE_SCREEN : '';
  const n = prev === null ? lines.length : Math.max(lines.length, Math.min(prev.length, rows));
  for (let i = 0; i < n; i++) {
    const line = lines[i] ?? '';
    if (prev !== null && line === (prev[i] ?? '')) continue;
    if (prev === null && line === '') continue;
    out += moveTo(i) + line + (stringWidth(line) >= columns ? '' : ERASE_LINE_END);
  }
  return out;
}

/** A stdout for Ink (`debug: true`): forwards size and `resize`, writes each frame as a diff. */
export class FrameOutput extends EventEmitter {
  private prev: string[] | null = null;
  /** The last frame as Ink gave it and as fitted (its unchanged lines are not measured again). */
  private fitted: FittedLines | null = null;
  private readonly onResize = () => {
    this.prev = null;
    this.emit('resize');
  };

  constructor(private readonly real: RealOut) {
    super();
    real.on('resize', this.onResize);
  }

  get columns(): number {
    return this.real.columns || 80;
  }
  get rows(): number {
    return this.real.rows || 24;
  }
  get isTTY(): boolean {
    return !!this.real.isTTY;
  }

  /** Lets Ink wait for our writes (an empty write with a callback) before it resolves its exit. */
  get writableLength(): number {
    return 0;
  }

  /**
   * Called by Ink with one whole frame (lines joined by "\n"; "" is an empty frame). Also passed
   * through untouched: Ink's exit barrier (an empty write with a callback) and bare cursor or mode
   * sequences such as the cursor shown on unmount (escape sequences only, no text, no colours).
   */
  write = (frame: string, a?: unknown, b?: unknown): boolean => {
    const cb = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
    if (frame === '' && cb) {
      queueMicrotask(cb as () => void);
      return true;
    }
    if (frame !== '' && CONTROL_ONLY.test(frame)) {
      this.real.write(frame);
    } else {
      const raw = frame === '' ? [] : frame.split('\n');
      const columns = this.columns;
      const next = fitFrame(raw, columns, this.rows, this.fitted ?? undefined);
      const lines = new Map<string, string>();
      next.forEach((l, i) => lines.set(raw[i]!, l));
      this.fitted = { columns, lines };
      const diff = frameDiff(this.prev, next, columns, this.rows);
      this.prev = next;
      if (diff !== '') this.real.write(this.isTTY ? SYNC_BEGIN + diff + SYNC_END : diff);
    }
    if (cb) queueMicrotask(cb as () => void);
    return true;
  };

  /** The screen was changed behind our back: repaint everything next frame. */
  invalidate(): void {
    this.prev = null;
  }

  /** Stop following the real stream's resizes. */
  dispose(): void {
    this.real.off('resize', this.onResize);
  }
}

/** The Ink render options that send frames through a FrameOutput on `real` (used by run.tsx and the bench). */
export function frameRenderOptions(real: RealOut): { frames: FrameOutput; options: { stdout: NodeJS.WriteStream; debug: true } } {
  const frames = new FrameOutput(real);
  return { frames, options: { stdout: frames as unknown as NodeJS.WriteStream, debug: true } };
}
