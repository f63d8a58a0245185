/**
 * widest-line (the widest line's string-width) for Ink, remembered: Ink's render-node-to-output.js
 * measures the text of every text node of every frame with it, uncached, and most of a frame's
 * text is the frame before's. The same answer as widest-line 6 with string-width (here the exact
 * fast one, ./string-width-fast.ts). The bundle (scripts/build.mjs) and the vitest optimizer
 * (vitest.config.ts) point Ink's `widest-line` import here. Pure apart from the memos.
 */
import stringWidth from './string-width-fast.js';

/**
 * A bounded memo of a pure function of a string: two generations of at most `size` entries each
 * (when the young one is full it becomes the old one), so what the last frames used stays found.
 */
export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(
    private readonly size: number,
    private readonly compute: (key: string) => V,
  ) {}
  get(key: string): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = this.compute(key);
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
}

/** Lines remembered per generation (a frame has at most a few hundred distinct lines). */
export const OUTPUT_MEMO_LINES = 2048;

export const widths = new Memo<number>(OUTPUT_MEMO_LINES, (s) => stringWidth(s));
export const widest = new Memo<number>(OUTPUT_MEMO_LINES, (text) => {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, widths.get(line));
  return w;
});
/** widest-line's answer, remembered. */
export default function widestLine(text: string): number {
  return widest.get(text);
}
