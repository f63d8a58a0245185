/**
 * The screen registry: every ScreenRequest['screen'] maps to its ScreenDef.
 */
import type { ScreenDef, ScreenRequest } from '../screen.js';
import { homeScreen } from './home.js';
import { lessonsScreen } from './lessons.js';
import { lessonScreen } from './lesson.js';
import { helpScreen } from './help.js';
import { playerScreen } from './player.js';
import { playgroundScreen } from './playground.js';
import { quizScreen } from './quiz.js';
import { statsScreen } from './stats.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScreenRegistry = Record<ScreenRequest['screen'], ScreenDef<any>>;

export const SCREENS: ScreenRegistry = {
  home: homeScreen,
  lessons: lessonsScreen,
  lesson: lessonScreen,
  player: playerScreen,
  playground: playgroundScreen,
  quiz: quizScreen,
  stats: statsScreen,
  help: helpScreen,
};
