/**
 * What "done" means for a lesson (pure): read to the end and every quiz answered. Shared by the
 * home screen, the lesson list and the reader.
 */
import type { Lesson } from '../lessons/types.js';
import type { LessonProgress } from '../store/types.js';

/**
 * A lesson is complete when it has been read to the end (LessonProgress.done: the end was on
 * screen) and every quiz in it has been answered; `G` alone does not finish it (issue 14).
 * Progress files written before this rule load unchanged: their `done` means "read to the end".
 */
export function lessonComplete(lp: LessonProgress | undefined, l: Lesson): boolean {
  return !!lp && lp.done && l.questions.every((q) => lp.answers[q.id] !== undefined);
}

/** How far a lesson is towards complete, 0..1: reading and answering count half each (reading
 *  alone when it has no quiz); never 1 until it is complete. */
export function lessonFraction(lp: LessonProgress | undefined, l: Lesson): number {
  if (!lp) return 0;
  if (lessonComplete(lp, l)) return 1;
  const read = lp.done ? 1 : Math.min(1, lp.furthest);
  const total = l.questions.length;
  const answered = total ? l.questions.filter((q) => lp.answers[q.id] !== undefined).length / total : null;
  const f = answered === null ? read : (read + answered) / 2;
  return Math.min(0.99, f);
}

/**
 * How the lesson list and "Before this:" name a lesson: its number in the list (what the learner
 * types to `synack learn N`) and its id, e.g. `8 three-way-handshake`; an id not among `listed`
 * (a missing prerequisite) stays as it is.
 */
export function lessonRefLabel(id: string, listed: readonly { meta: { id: string } }[]): string {
  const i = listed.findIndex((l) => l.meta.id === id);
  return i < 0 ? id : `${i + 1} ${id}`;
}
