/**
 * The screen registry: every ScreenRequest['screen'] maps to its ScreenDef.
 * Screens not built yet are placeholders (so the tree always compiles and runs).
 */
import type { ScreenDef, ScreenRequest } from '../screen.js';
import { placeholderScreen } from '../components/Placeholder.js';
import { homeScreen } from './home.js';
import { lessonsScreen } from './lessons.js';
import { lessonScreen } from './lesson.js';
import { helpScreen } from './help.js';
import { playerScreen } from './player.js';
import { playgroundScreen } from './playground.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScreenRegistry = Record<ScreenRequest['screen'], ScreenDef<any, any>>;

export const SCREENS: ScreenRegistry = {
  home: homeScreen,
  lessons: lessonsScreen,
  lesson: lessonScreen,
  player: playerScreen,
  playground: playgroundScreen,
  quiz: placeholderScreen('quiz', 'Interview quiz'),
  stats: placeholderScreen('stats', 'Stats'),
  help: helpScreen,
};
