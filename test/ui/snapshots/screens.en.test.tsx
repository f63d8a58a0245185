/** Every screen in English at 40x12, 80x24 and 120x40 (see cases.tsx); files in __screens__/en. */
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { CASES, LESSON_WALK, snapshotCase, snapshotTooSmall, snapshotWalk } from './cases.js';

const DIR = join(import.meta.dirname, '__screens__', 'en');

describe('every screen (English)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => snapshotCase(c, DIR));
  it('a lesson read from the top: text, table, each quiz type before and after answering, the diagram, the end, help', async () => snapshotWalk(LESSON_WALK, DIR), 120_000); // 3 sizes x 19 steps: ~10 s quiet, 30+ s loaded
  it('too small', async () => snapshotTooSmall(DIR));
});
