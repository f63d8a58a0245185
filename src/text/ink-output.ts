/**
 * Ink's `Output` (ink/build/output.js, ink 6.8), the grid every frame is drawn into, with the same
 * result byte for byte but without redoing, frame after frame, work whose answer cannot change:
 * - Ink tokenizes each line it writes into styled characters (a grapheme segmenter and an ANSI
 *   parser per character), measures each character and clips lines with slice-ansi, with caches
 *   that live for one frame. A frame is mostly the lines of the frame before: here those answers are
 *   remembered across frames (pure functions of their string; bounded, see `Memo`).
 * - A row whose cells carry no style is joined directly (what `styledCharsToString` returns for
 *   unstyled cells: their values in order) instead of diffing empty style lists cell by cell.
 * - Empty cells share one immutable object instead of one new object per cell per frame.
 * Cells are never modified once made (a write replaces a cell), so sharing them is safe.
 *
 * Its widths are those of ./widest-line-fast.ts (also Ink's `widest-line`).
 *
 * The bundle (scripts/build.mjs) and the vitest optimizer (vitest.config.ts) point Ink's imports of
 * `./output.js` and `widest-line` here. Pure apart from the memos.
 */
import sliceAnsi from 'slice-ansi';
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import { Memo, OUTPUT_MEMO_LINES, widest, widths } from './widest-line-fast.js';

const styledChars = new Memo<StyledChar[]>(OUTPUT_MEMO_LINES, (line) => styledCharsFromTokens(tokenize(line)));
const slices = new Memo<string>(OUTPUT_MEMO_LINES, (key) => {
  const a = key.indexOf('|');
  const b = key.indexOf('|', a + 1);
  return sliceAnsi(key.slice(b + 1), Number(key.slice(0, a)), Number(key.slice(a + 1, b)));
});

/** Columns a character takes in the grid (Ink: string-width, at least 1). */
function charWidth(value: string): number {
  if (value.length === 1) {
    const c = value.charCodeAt(0);
    if (c >= 0x20 && c <= 0x7e) return 1;
  }
  return Math.max(1, widths.get(value));
}

type Transformer = (s: string, index: number) => string;
interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

const EMPTY: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as StyledChar['styles'] });

/** A row as Ink prints it: cells in order (holes skipped), styles as escape codes, trailing blanks trimmed. */
function rowText(row: (StyledChar | undefined)[]): string {
  let plain = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === undefined) continue;
    if (c.styles.length !== 0) return styledCharsToString(row.filter((item) => item !== undefined) as StyledChar[]).trimEnd();
    plain += c.value;
  }
  return plain.trimEnd();
}

export class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const output: (StyledChar | undefined)[][] = [];
    for (let y = 0; y < this.height; y++) {
      const row: StyledChar[] = [];
      for (let x = 0; x < this.width; x++) row.push(EMPTY);
      output.push(row);
    }
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const { text, transformers } = operation;
      let { x, y } = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipHorizontally) {
          const width = widest.get(text);
          if (x + width < clip.x1! || x > clip.x2!) continue;
        }
        if (clipVertically) {
          const height = lines.length;
          if (y + height < clip.y1! || y > clip.y2!) continue;
        }
        if (clipHorizontally) {
          const x1 = clip.x1!;
          const x2 = clip.x2!;
          lines = lines.map((line) => {
            const from = x < x1 ? x1 - x : 0;
            const width = widths.get(line);
            const to = x + width > x2 ? x2 - x : width;
            return slices.get(`${from}|${to}|${line}`);
          });
          if (x < x1) x = x1;
        }
        if (clipVertically) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const height = lines.length;
          const to = y + height > clip.y2! ? clip.y2! - y : height;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let index = 0; index < lines.length; index++) {
        let line = lines[index]!;
        const currentLine = output[y + offsetY];
        // As in Ink: a line outside the grid is skipped without moving to the next row.
        if (!currentLine) continue;
        for (const transformer of transformers) line = transformer(line, index);
        let offsetX = x;
        for (const character of styledChars.get(line)) {
          currentLine[offsetX] = character;
          const characterWidth = charWidth(character.value);
          for (let i = 1; i < characterWidth; i++) currentLine[offsetX + i] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          offsetX += characterWidth;
        }
        offsetY++;
      }
    }
    return { output: output.map(rowText).join('\n'), height: output.length };
  }
}

export default Output;
