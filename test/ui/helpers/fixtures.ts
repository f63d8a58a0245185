/** Test fixtures: the bundled lessons (parsed once) and progress builders. */
import { join } from 'node:path';
import { loadAllLessons } from '../../../src/lessons/load.js';
import type { Lesson } from '../../../src/lessons/types.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';

let cached: Lesson[] | null = null;

export const LESSONS_DIR = join(import.meta.dirname, '..', '..', '..', 'lessons');

export function bundledLessons(): Lesson[] {
  if (!cached) cached = loadAllLessons(LESSONS_DIR).lessons;
  return cached;
}

export function lessonById(id: string): Lesson {
  const l = bundledLessons().find((x) => x.meta.id === id);
  if (!l) throw new Error(`fixture lesson ${id} missing`);
  return l;
}

/** A fixed clock start for deterministic dates. */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Progress with one lesson done and one started (for marks and the continue item). */
export function sampleProgress(lessons: Lesson[]): Progress {
  const p = emptyProgress();
  const at = new Date(T0).toISOString();
  const [a, b] = lessons;
  if (a) {
    p.lessons[a.meta.id] = {
      position: 0,
      furthest: 1,
      done: true,
      answers: Object.fromEntries(a.questions.map((q, i) => [q.id, { correct: i % 2 === 0, at }])),
      lastOpened: at,
    };
  }
  if (b) {
    p.lessons[b.meta.id] = { position: 12, furthest: 0.4, done: false, answers: {}, lastOpened: at };
    p.last = { lessonId: b.meta.id, position: 12 };
  }
  return p;
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'lessons');
let fixtures: Lesson[] | null = null;

/** Three small lessons with every block type (stable content for snapshots). */
export function fixtureLessons(): Lesson[] {
  if (!fixtures) {
    const r = loadAllLessons(FIXTURE_DIR);
    if (r.broken.length) throw new Error(`fixture lessons broken: ${JSON.stringify(r.broken)}`);
    fixtures = r.lessons;
  }
  return fixtures;
}
