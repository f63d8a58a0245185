/**
 * The contract for questions: lesson quiz blocks parse into these, the interview mode generates
 * more of them from the TCP model, the grader and the spaced-repetition scheduler key on `id`.
 */

/** The fixed topic vocabulary (lesson front matter `topics`, question `topics`). */
export const TOPICS = [
  'architecture',
  'osi-model',
  'ethernet-mac',
  'ip-arp',
  'ports',
  'tcp-vs-udp',
  'tcp-header',
  'handshake',
  'reliability',
  'close',
  'time-wait',
  'syn-flood',
  'sockets-api',
  'http',
  'udp',
  'flow-control',
  'congestion-control',
  'keepalive',
  'io-models',
  'http-versions',
  'tls',
  'dns',
  'nat',
  'operations',
] as const;
export type Topic = (typeof TOPICS)[number];

export const QUESTION_TYPES = ['single', 'multi', 'truefalse', 'order', 'numeric', 'text', 'recall'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface SourceRef {
  file: string;
  line: number;
  col: number;
}

interface QuestionBase {
  /** Stable, globally unique: `<lessonId>/<question id>` for lesson questions, `gen/<kind>/<seed>` for generated. */
  id: string;
  type: QuestionType;
  prompt: string;
  explanation: string;
  hints: string[];
  topics: Topic[];
  /** Lesson the question belongs to (or the lesson to reread for it). */
  lessonId?: string;
  source?: SourceRef;
  /** For generated questions: a TCP script whose (partial) diagram is shown with the question.
   *  `upTo`: index of the last event shown (src/diagram's convention). `showStates: false` hides the
   *  state labels (when the question asks for a state). */
  diagram?: { source: string; upTo?: number; showStates?: boolean };
}

export interface Choice {
  text: string;
  correct: boolean;
  /** Optional: why this choice is right or wrong, shown after answering. */
  why?: string;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  choices: Choice[];
}
export interface MultiQuestion extends QuestionBase {
  type: 'multi';
  choices: Choice[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
}
/** `steps` are in the correct order; the UI shuffles them (seeded) for the learner. */
export interface OrderQuestion extends QuestionBase {
  type: 'order';
  steps: string[];
}
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  /** Absolute tolerance, default 0. */
  tolerance?: number;
  unit?: string;
}
/** A short typed answer, e.g. a state name or flags; compared after normalisation. */
export interface TextQuestion extends QuestionBase {
  type: 'text';
  accept: string[];
}
/** An open interview question: the learner thinks, reveals the model answer, grades themselves. */
export interface RecallQuestion extends QuestionBase {
  type: 'recall';
  answer: string;
  keyPoints: string[];
}

export type Question =
  | SingleQuestion
  | MultiQuestion
  | TrueFalseQuestion
  | OrderQuestion
  | NumericQuestion
  | TextQuestion
  | RecallQuestion;

/** What a learner gives. */
export type Response =
  | { type: 'single'; choice: number }
  | { type: 'multi'; choices: number[] }
  | { type: 'truefalse'; value: boolean }
  /** indices into question.steps, in the order the learner put them */
  | { type: 'order'; order: number[] }
  | { type: 'numeric'; text: string }
  | { type: 'text'; text: string }
  | { type: 'recall'; grade: 'again' | 'hard' | 'good' | 'easy' };
