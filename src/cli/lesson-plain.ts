/**
 * `synack learn ID --plain`: the lesson as the reader lays it out, as plain text on stdout (every
 * block: text, tables, each quiz with its choices, each diagram at its last frame, each layer figure
 * fully built), so lesson authors can snapshot-test a course. The layout is the reader's own
 * (src/ui/screens/lesson.tsx and src/ui/components/markdown.ts), not a copy.
 */
import { utcDay } from '../quiz/days.js';
import type { Lesson } from '../lessons/types.js';
import type { AppContext } from '../ui/screen.js';
import { emptyProgress } from '../store/types.js';
import { initLessonState, lessonLayout, reduceLesson } from '../ui/screens/lesson.js';
import { lineText } from '../ui/components/markdown.js';

export interface PlainLessonOptions {
  width: number;
  ascii: boolean;
}

/** The lesson's lines (no trailing spaces), without the reader's end-of-lesson footer. */
export function plainLesson(lesson: Lesson, opts: PlainLessonOptions): string[] {
  const ctx: AppContext = {
    width: opts.width,
    height: 1_000_000,
    ascii: opts.ascii,
    color: false,
    lessons: [lesson],
    broken: [],
    progress: emptyProgress(),
    now: 0,
    dayOf: utcDay,
  };
  let s = initLessonState(lesson.meta.id, 0, ctx);
  // Each diagram at its last frame (the goto is clamped to the last step).
  for (const key of Object.keys(s.players)) {
    const block = Number(key);
    const p = s.players[block];
    if (p && !('error' in p)) s = reduceLesson(s, { type: 'player', block, action: { type: 'goto', step: Number.MAX_SAFE_INTEGER } });
  }
  // Each layer figure fully built (the step is clamped to the number of layers).
  for (const key of Object.keys(s.layers)) {
    s = reduceLesson(s, { type: 'layers', block: Number(key), action: { type: 'step', delta: Number.MAX_SAFE_INTEGER } });
  }
  const layout = lessonLayout(s, ctx);
  // The last block of the layout is the reader's end-of-lesson footer (not part of the lesson).
  const end = layout.blocks[layout.blocks.length - 1];
  const lines = (end ? layout.lines.slice(0, end.start) : layout.lines).map((l) => lineText(l).replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
