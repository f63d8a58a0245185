/**
 * Saved progress: validated with zod at load (src/store/progress.ts), written atomically.
 * Dates are ISO strings. Cards use ts-fsrs's snake_case field names.
 */
export interface LessonProgress {
  /** Scroll position (row index in the rendered lesson) the learner left at. */
  position: number;
  /** Highest position reached, as a fraction 0..1 of the lesson. */
  furthest: number;
  done: boolean;
  /** question id -> latest result for questions answered inside the lesson */
  answers: Record<string, { correct: boolean; at: string }>;
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
  settings: { streak: boolean; relative: boolean; lang?: 'en' | 'zh-CN' };
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
