/**
 * The contract of a parsed lesson: what the loader returns and the Ink reader renders.
 * Pure data. Produced from Markdown by marked's lexer (no hand-written Markdown parsing).
 */
import type { Question, Topic } from '../quiz/types.js';
import type { Lang } from '../i18n/index.js';
import type { ChartMetric } from '../diagram/chart.js';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export interface LayerSpec {
  /** e.g. "Application (HTTP)" */
  name: string;
  /** What this layer adds, one line, e.g. "src port 6784 -> dst port 80" */
  header: string;
  /** Optional trailer (Ethernet FCS). */
  trailer?: string;
  /** Optional one-line explanation shown when this step is reached. */
  note?: string;
}

export type Block =
  | { type: 'heading'; depth: number; inlines: Inline[]; line: number }
  | { type: 'paragraph'; inlines: Inline[]; line: number }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][]; line: number }
  | { type: 'table'; align: ('left' | 'right' | 'center' | null)[]; header: Inline[][]; rows: Inline[][][]; line: number }
  | { type: 'code'; lang: string; text: string; line: number }
  /** `kind` from a GFM alert (`> [!NOTE]`, `> [!WARNING]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!CAUTION]`) or null. */
  | { type: 'quote'; kind: 'note' | 'tip' | 'important' | 'warning' | 'caution' | null; blocks: Block[]; line: number }
  | { type: 'hr'; line: number }
  | { type: 'quiz'; question: Question; line: number }
  /** A ```tcp block: `source` is a complete scenario script (a `scenario: NAME` block is expanded to the built-in's script plus its option lines). */
  | { type: 'tcp'; source: string; scenario: string | null; caption: string | null; line: number; chart?: ChartMetric[] }
  | { type: 'layers'; title: string | null; payload: string; layers: LayerSpec[]; line: number };

export interface LessonMeta {
  id: string;
  title: string;
  order: number;
  summary: string;
  objectives: string[];
  topics: Topic[];
  minutes: number;
  prerequisites: string[];
}

/**
 * The languages a course can be read in (src/i18n's). English lessons sit in the lessons directory;
 * a zh-CN twin of `DIR/NN-x.md` is `DIR/zh-CN/NN-x.md` (same id, quizzes, answer keys and diagrams).
 */
export { LANGS as LESSON_LANGS } from '../i18n/index.js';
export type LessonLang = Lang;

/** A lesson id, a topic id: lowercase letters and digits in words joined by single hyphens (here,
 *  away from the zod schemas, so the command line can check an id without loading them). */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Lesson {
  meta: LessonMeta;
  /**
   * Set by the loader when a language was asked for: the language this lesson is written in.
   * With zh-CN, a lesson that has no (valid) twin is the English one with `fallback: true`, so the
   * UI can mark it "(English)". Absent when no language was asked for (English).
   */
  lang?: LessonLang;
  fallback?: boolean;
  /** Absolute or lessons-dir-relative path, for messages. */
  file: string;
  blocks: Block[];
  /** Every quiz question in the lesson, in order (same objects as in the quiz blocks). */
  questions: Question[];
}

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}
