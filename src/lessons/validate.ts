/**
 * Validation across lessons (what `synack check` reports): every per-file problem, plus duplicate
 * ids, unknown prerequisites, raw control characters / escape sequences with exact positions, and
 * a summary. Pure: the caller reads the files.
 */
import { QUESTION_TYPES, type QuestionType } from '../quiz/types.js';
import type { Lesson, Problem } from './types.js';
import { parseLesson, sortProblems, type ParseOptions } from './parse.js';
import { findUnsafe } from './sanitize.js';
import { LESSON_MESSAGES as M } from './strings.js';

export interface LessonFile {
  file: string;
  text: string;
}

export interface CheckSummary {
  lessons: number;
  questions: number;
  perType: Record<QuestionType, number>;
  /** ```tcp blocks. */
  diagrams: number;
  /** ```layers blocks. */
  layers: number;
  errors: number;
  warnings: number;
  /** Translated lesson files checked, per language (absent: none). */
  translations?: { lang: string; files: number }[];
}

export interface CheckResult {
  /** Lessons whose front matter is valid, by order then file. */
  lessons: Lesson[];
  /** Sorted by file, line, column. */
  problems: Problem[];
  summary: CheckSummary;
}

/** Problems for raw control characters, escape sequences and bidi controls in `text`. */
export function unsafeTextProblems(text: string, file: string): Problem[] {
  const out: Problem[] = [];
  const spans = findUnsafe(text);
  if (spans.length === 0) return out;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const s of spans) {
    for (; scanned < s.index; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const message =
      s.kind === 'escape' ? M.escapeSequence(s.sequence ?? 'ESC') : s.kind === 'bidi' ? M.bidiChar(s.code) : M.controlChar(s.code);
    out.push({ file, line, col: s.index - lineStart + 1, message, severity: 'error' });
  }
  return out;
}

/** Check a set of lesson files (as read by the caller). `options.checkTcp` defaults to true here. */
export function checkLessons(files: readonly LessonFile[], options: ParseOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const parsed: { lesson: Lesson; positions: NonNullable<ReturnType<typeof parseLesson>['positions']> }[] = [];
  for (const f of files) {
    problems.push(...unsafeTextProblems(f.text, f.file));
    const r = parseLesson(f.text, f.file, { ...options, checkTcp: options.checkTcp ?? true });
    problems.push(...r.problems);
    if (r.lesson && r.positions) parsed.push({ lesson: r.lesson, positions: r.positions });
  }

  const byId = new Map<string, Lesson>();
  const byOrder = new Map<number, Lesson>();
  for (const { lesson, positions } of parsed) {
    const other = byId.get(lesson.meta.id);
    if (other) {
      problems.push({ file: lesson.file, ...positions.id, message: M.duplicateLessonId(lesson.meta.id, other.file), severity: 'error' });
    } else byId.set(lesson.meta.id, lesson);
    const sameOrder = byOrder.get(lesson.meta.order);
    if (sameOrder && sameOrder.meta.id !== lesson.meta.id) {
      problems.push({ file: lesson.file, ...positions.order, message: M.duplicateOrder(lesson.meta.order, sameOrder.file), severity: 'warning' });
    } else if (!sameOrder) byOrder.set(lesson.meta.order, lesson);
  }
  for (const { lesson, positions } of parsed) {
    lesson.meta.prerequisites.forEach((p, i) => {
      const pos = positions.prerequisites[i]!;
      if (p === lesson.meta.id) problems.push({ file: lesson.file, ...pos, message: M.selfPrerequisite(p), severity: 'error' });
      else if (!byId.has(p)) problems.push({ file: lesson.file, ...pos, message: M.unknownPrerequisite(p), severity: 'error' });
    });
  }

  problems.push(...prerequisiteCycles(parsed));

  const lessons = parsed.map((p) => p.lesson).sort((a, b) => a.meta.order - b.meta.order || a.file.localeCompare(b.file));
  const perType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  let questions = 0;
  let diagrams = 0;
  let layers = 0;
  for (const l of lessons) {
    for (const q of l.questions) {
      perType[q.type]++;
      questions++;
    }
    const walk = (bs: Lesson['blocks']): void => {
      for (const b of bs) {
        if (b.type === 'tcp') diagrams++;
        else if (b.type === 'layers') layers++;
        else if (b.type === 'quote') walk(b.blocks);
        else if (b.type === 'list') b.items.forEach(walk);
      }
    };
    walk(l.blocks);
  }
  const sorted = sortProblems(problems);
  return {
    lessons,
    problems: sorted,
    summary: {
      lessons: lessons.length,
      questions,
      perType,
      diagrams,
      layers,
      errors: sorted.filter((p) => p.severity === 'error').length,
      warnings: sorted.filter((p) => p.severity === 'warning').length,
    },
  };
}

/**
 * Cycles among prerequisites (a -> b -> a): each reported once, at the prerequisite entry of the
 * cycle's first lesson by file name that points into it. Self-prerequisites are reported apart.
 */
function prerequisiteCycles(parsed: { lesson: Lesson; positions: { prerequisites: { line: number; col: number }[] } }[]): Problem[] {
  const byId = new Map<string, (typeof parsed)[number]>();
  for (const p of parsed) if (!byId.has(p.lesson.meta.id)) byId.set(p.lesson.meta.id, p);
  const out: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of byId.get(id)!.lesson.meta.prerequisites) {
      if (next === id || !byId.has(next)) continue;
      const s = state.get(next);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        // Report at the file (by name) first in the cycle, at its entry pointing to the next one.
        const first = [...cycle].sort((a, b) => (byId.get(a)!.lesson.file < byId.get(b)!.lesson.file ? -1 : 1))[0]!;
        const at = cycle.indexOf(first);
        const rotated = [...cycle.slice(at), ...cycle.slice(0, at)];
        const owner = byId.get(first)!;
        const i = owner.lesson.meta.prerequisites.indexOf(rotated[1 % rotated.length]!);
        out.push({ file: owner.lesson.file, ...owner.positions.prerequisites[i]!, message: M.prerequisiteCycle([...rotated, first]), severity: 'error' });
      } else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const p of [...parsed].sort((a, b) => (a.lesson.file < b.lesson.file ? -1 : 1)))
    if (!state.has(p.lesson.meta.id)) visit(p.lesson.meta.id);
  return out;
}

/** `file:line:col: message` (warnings say so; a problem without a position prints `file: message`). */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  return `${where}: ${p.severity === 'warning' ? `${M.warning}: ` : ''}${p.message}`;
}

/** The one-line summary, e.g. `15 lessons, 172 questions (single 60, ...), 25 diagrams, 3 layer figures: all good`. */
export function formatSummary(s: CheckSummary): string {
  const perType = M.summaryList(QUESTION_TYPES.filter((t) => s.perType[t] > 0).map((t) => `${t} ${s.perType[t]}`));
  const parts = [M.summaryLessons(s.lessons), M.summaryQuestions(s.questions, perType), M.summaryDiagrams(s.diagrams), M.summaryLayers(s.layers)];
  for (const t of s.translations ?? []) parts.push(M.summaryTranslations(t.files, t.lang));
  const verdict =
    s.errors > 0
      ? M.summaryList([M.summaryErrors(s.errors), ...(s.warnings > 0 ? [M.summaryWarnings(s.warnings)] : [])])
      : s.warnings > 0
        ? M.summaryWarnings(s.warnings)
        : M.summaryAllGood;
  return M.summaryLine(M.summaryList(parts), verdict);
}
