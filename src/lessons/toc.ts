/**
 * A lesson's table of contents (the reader's `t`), pure: its headings in order, with their depth,
 * the block they start and their plain text.
 */
import type { Inline, Lesson } from './types.js';

export interface TocEntry {
  /** Index of the heading block in lesson.blocks. */
  block: number;
  /** 1 for `#`, 2 for `##`, ... */
  depth: number;
  title: string;
}

function plain(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.type) {
        case 'text':
        case 'code':
          return i.text;
        case 'strong':
        case 'em':
        case 'link':
          return plain(i.children);
        case 'br':
          return ' ';
      }
    })
    .join('');
}

/** The headings up to `maxDepth` (default 3), in reading order. */
export function tableOfContents(lesson: Pick<Lesson, 'blocks'>, maxDepth = 3): TocEntry[] {
  const out: TocEntry[] = [];
  lesson.blocks.forEach((b, i) => {
    if (b.type === 'heading' && b.depth <= maxDepth) out.push({ block: i, depth: b.depth, title: plain(b.inlines).replace(/\s+/g, ' ').trim() });
  });
  return out;
}

/** The entry the reader is in at block `block`: the last heading at or before it (or -1). */
export function currentEntry(toc: readonly TocEntry[], block: number): number {
  let at = -1;
  toc.forEach((e, i) => {
    if (e.block <= block) at = i;
  });
  return at;
}
