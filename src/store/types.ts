/**
 * Saved progress: validated with zod at load (src/store/progress.ts), written atomically.
 * Dates are ISO strings. Cards use ts-fsrs's snake_case field names.
 */
import type { Response } from '../quiz/types.js';

/** A quiz answered inside a lesson: the learner's FIRST attempt (a retry is practice and never
 *  replaces it). `response` is what they answered (absent in files written before it was kept). */
export interface LessonAnswer {
  correct: boolean;
  at: string;
  response?: Response;
}

export interface LessonProgress {
  /** Scroll position (row index in the rendered lesson) the learner left at. */
  position: number;
  /** Highest position reached, as a fraction 0..1 of the lesson. */
  furthest: number;
  done: boolean;
  /** question id -> the first answer given inside the lesson */
  answers: Record<string, LessonAnswer>;
  lastOpened: string;
}

export interface CardRecord {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning */
  state: number;
  last_review?: string;
}

export interface AnswerRecord {
  questionId: string;
  at: string;
  correct: boolean;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy */
  rating: number;
  ms: number;
  topics: string[];
  mode: 'lesson' | 'mock' | 'drill' | 'review' | 'mistakes';
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
  /** Lesson id and position of the last lesson opened, for "Continue". */
  last: { lessonId: string; position: number } | null;
  /** question id -> FSRS card */
  cards: Record<string, CardRecord>;
  /** Append-only answer log (trimmed to the most recent 5000). */
  history: AnswerRecord[];
  /** question id -> consecutive right answers since it was last wrong (the mistakes shelf). */
  mistakes: Record<string, number>;
  /** `lang`: the language chosen on the home screen (absent in files from before it existed: the
   *  locale decides). Progress itself is shared between languages (same lesson and card ids). */
  settings: Settings;
  /**
   * Progress of courses read with `--lessons DIR` (or SYNACK_LESSONS), one namespace per course
   * root (its absolute path), kept apart from the bundled course's (the top-level fields). Absent
   * in files from before it existed. Settings are shared by every course.
   */
  courses?: Record<string, CourseProgress>;
}

/** The learner's settings (shared by every course). Optional fields are absent in older files. */
export interface Settings {
  streak: boolean;
  /** Sequence numbers relative to the ISN in the players (the `s` key's mode, remembered). */
  relative: boolean;
  lang?: 'en' | 'zh-CN';
  /** The mock interview's per-question timer in seconds (0: untimed), as last chosen. */
  mockTimeSec?: number;
  /** New review cards introduced per day (default NEW_CARDS_PER_DAY). */
  newPerDay?: number;
}

/** One `--lessons DIR` course's progress: the same fields as the bundled course's. */
export interface CourseProgress {
  lessons: Record<string, LessonProgress>;
  last: { lessonId: string; position: number } | null;
  cards: Record<string, CardRecord>;
  history: AnswerRecord[];
  mistakes: Record<string, number>;
}

export function emptyProgress(): Progress {
  return {
    version: 1,
    lessons: {},
    last: null,
    cards: {},
    history: [],
    mistakes: {},
    settings: { streak: false, relative: false },
  };
}
