/** Key fuzz (reading): see test/ui/helpers/fuzz.tsx. */
import { describe, it } from 'vitest';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { fuzzScreen, KEYS_PER_SCREEN } from './helpers/fuzz.js';

const STARTS: ScreenRequest[] = [
  { screen: 'home' },
  { screen: 'lessons' },
  { screen: 'lesson', lessonId: 'basics' },
  { screen: 'lesson', lessonId: 'handshake' },
];

describe('key fuzz: reading', () => {
  it.each(STARTS.map((s, i) => [i, s] as const))('screen #%i survives random keys, escape sequences, Ctrl keys, pastes and resizes', async (i, start) => {
    await fuzzScreen(i, start, KEYS_PER_SCREEN);
  });
});
