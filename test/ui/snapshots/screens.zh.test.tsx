/**
 * The screens whose chrome is translated, in Chinese at 40x12, 80x24 and 120x40 (see cases.tsx);
 * files in __screens__/zh-CN. The fixture lessons have no translation: they show in English, marked so.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { join } from 'node:path';
import { setLang } from '../../../src/i18n/index.js';
import { CASES, LESSON_WALK, snapshotCase, snapshotTooSmall, snapshotWalk } from './cases.js';

const DIR = join(import.meta.dirname, '__screens__', 'zh-CN');
const ZH = [
  'home',
  'lessons',
  'help',
  'player',
  'player-legend',
  'player-scrolled',
  'player-save',
  'playground-connected',
  'stats',
  'interview-menu',
  'mock-question',
  'report',
  'lesson-search',
  'lesson-contents',
];

beforeAll(() => setLang('zh-CN'));
afterAll(() => setLang('en'));

describe('the translated screens (zh-CN)', () => {
  const cases = CASES.filter((c) => ZH.includes(c.name));
  it('covers every listed screen', ({ expect }) => expect(cases.map((c) => c.name).sort()).toEqual([...ZH].sort()));
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => snapshotCase({ ...c, shows: undefined }, DIR));
  it('a lesson read from the top (every step)', async () => snapshotWalk(LESSON_WALK, DIR, false), 120_000);
  it('too small', async () => snapshotTooSmall(DIR));
});
