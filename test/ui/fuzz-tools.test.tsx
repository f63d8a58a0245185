/** Key fuzz (tools): see test/ui/helpers/fuzz.tsx. */
import { describe, it } from 'vitest';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { fuzzScreen, KEYS_PER_SCREEN } from './helpers/fuzz.js';

const STARTS: ScreenRequest[] = [
  { screen: 'lesson', lessonId: 'closing' },
  { screen: 'help' },
  { screen: 'player', name: 'handshake', source: 'scenario: handshake\n' },
  { screen: 'playground' },
  { screen: 'quiz', options: {} },
  { screen: 'stats' },
];

describe('key fuzz: tools', () => {
  it.each(STARTS.map((s, i) => [i, s] as const))('screen #%i survives random keys, escape sequences, Ctrl keys, pastes and resizes', async (i, start) => {
    await fuzzScreen(i + 10, start, KEYS_PER_SCREEN);
  });
});
