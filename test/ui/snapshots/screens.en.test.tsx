/** Every screen in English at 40x12, 80x24 and 120x40 (see cases.tsx); files in __screens__/en. */
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { CASES, snapshotCase, snapshotTooSmall } from './cases.js';

const DIR = join(import.meta.dirname, '__screens__', 'en');

describe('every screen (English)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => snapshotCase(c, DIR));
  it('too small', async () => snapshotTooSmall(DIR));
});
