/**
 * Translation parity (what `synack check` reports for DIR/zh-CN/*.md). A translated lesson is the
 * twin of the English lesson with the same file name: the prose is translated, but everything a
 * learner's progress or the grader keys on stays the same:
 *   - front matter: id, order, topics, prerequisites, minutes (title, summary, objectives translated);
 *   - the same number of `##` sections (the reader's n/p and table of contents use them);
 *   - the same quiz ids in the same order, with the same type, topics and answer keys (single/multi:
 *     choice count and correct indices; truefalse: answer; numeric: answer and tolerance; order: the
 *     number of steps; text: every English accepted answer is still accepted);
 *   - the same ```tcp scripts (captions and comments may be translated) and ```layers payloads.
 * Every difference is an error at the translated file's line and column. Pure.
 */
import type { Question } from '../quiz/types.js';
import type { MetaPositions } from './frontmatter.js';
import type { Block, LayerSpec, Lesson, LessonLang, Problem } from './types.js';
import { parseLesson, sortProblems, type ParseOptions } from './parse.js';
import { tcpScriptLines } from './tcp.js';
import { unsafeTextProblems, type LessonFile } from './validate.js';
import { LESSON_MESSAGES as M } from './strings.js';

/** The last path component (either separator): twins are matched by file name. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

type Pos = { line: number; col: number };

function err(file: string, at: Pos, message: string): Problem {
  return { file, line: at.line, col: at.col, message, severity: 'error' };
}

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface Collected {
  quizzes: { q: Question; line: number }[];
  tcp: Extract<Block, { type: 'tcp' }>[];
  layers: Extract<Block, { type: 'layers' }>[];
  sections: number[];
}

function collect(blocks: readonly Block[], out: Collected = { quizzes: [], tcp: [], layers: [], sections: [] }, top = true): Collected {
  for (const b of blocks) {
    if (b.type === 'quiz') out.quizzes.push({ q: b.question, line: b.line });
    else if (b.type === 'tcp') out.tcp.push(b);
    else if (b.type === 'layers') out.layers.push(b);
    else if (b.type === 'heading' && b.depth === 2 && top) out.sections.push(b.line);
    else if (b.type === 'quote') collect(b.blocks, out, false);
    else if (b.type === 'list') for (const item of b.items) collect(item, out, false);
  }
  return out;
}

const localId = (q: Question): string => q.id.slice(q.id.indexOf('/') + 1);
const letters = (q: { choices: { correct: boolean }[] }): string =>
  q.choices.flatMap((c, i) => (c.correct ? [String.fromCharCode(65 + i)] : [])).join(', ') || M.parityNone;

/** The differences in answer keys between a translated quiz and its English twin. */
function quizKeyDiffs(mine: Question, en: Question, compareTopics: boolean): string[] {
  const id = localId(mine);
  if (mine.type !== en.type) return [M.parityQuizType(id, mine.type, en.type)];
  const out: string[] = [];
  if (compareTopics && !sameList([...mine.topics].sort(), [...en.topics].sort())) out.push(M.parityQuizKey(id, 'topics', show(mine.topics), show(en.topics)));
  switch (en.type) {
    case 'single':
    case 'multi': {
      const m = mine as typeof en;
      if (m.choices.length !== en.choices.length) out.push(M.parityQuizCount(id, 'choices', m.choices.length, en.choices.length));
      else if (letters(m) !== letters(en)) out.push(M.parityQuizCorrect(id, letters(m), letters(en)));
      break;
    }
    case 'truefalse': {
      const m = mine as typeof en;
      if (m.answer !== en.answer) out.push(M.parityQuizKey(id, 'answer', String(m.answer), String(en.answer)));
      break;
    }
    case 'numeric': {
      const m = mine as typeof en;
      if (m.answer !== en.answer) out.push(M.parityQuizKey(id, 'answer', String(m.answer), String(en.answer)));
      if ((m.tolerance ?? 0) !== (en.tolerance ?? 0)) out.push(M.parityQuizKey(id, 'tolerance', String(m.tolerance ?? 0), String(en.tolerance ?? 0)));
      break;
    }
    case 'order': {
      const m = mine as typeof en;
      if (m.steps.length !== en.steps.length) out.push(M.parityQuizCount(id, 'steps', m.steps.length, en.steps.length));
      break;
    }
    case 'text': {
      const m = mine as typeof en;
      const missing = en.accept.filter((a) => !m.accept.includes(a));
      if (missing.length > 0) out.push(M.parityAcceptMissing(id, missing));
      break;
    }
    case 'recall':
      break;
  }
  return out;
}

function layersDiffs(n: number, mine: { payload: string; layers: LayerSpec[] }, en: { payload: string; layers: LayerSpec[] }): string[] {
  const out: string[] = [];
  if (mine.payload !== en.payload) out.push(M.parityLayersPayload(n, mine.payload, en.payload));
  if (mine.layers.length !== en.layers.length) out.push(M.parityLayersCount(n, mine.layers.length, en.layers.length));
  else
    en.layers.forEach((l, i) => {
      const has = l.trailer !== undefined;
      if (has !== (mine.layers[i]!.trailer !== undefined)) out.push(M.parityLayersTrailer(n, i + 1, has));
    });
  return out;
}

/** Every difference between a translated lesson and its English twin, at the translation's positions. */
export function parityProblems(mine: Lesson, positions: MetaPositions, en: Lesson): Problem[] {
  const file = mine.file;
  const out: Problem[] = [];
  const a = mine.meta;
  const b = en.meta;
  if (a.id !== b.id) out.push(err(file, positions.id, M.parityField('id', `'${a.id}'`, `'${b.id}'`)));
  if (a.order !== b.order) out.push(err(file, positions.order, M.parityField('order', String(a.order), String(b.order))));
  if (!sameList(a.topics, b.topics)) out.push(err(file, positions.topics, M.parityField('topics', show(a.topics), show(b.topics))));
  if (a.minutes !== b.minutes) out.push(err(file, positions.minutes, M.parityField('minutes', String(a.minutes), String(b.minutes))));
  if (!sameList(a.prerequisites, b.prerequisites))
    out.push(err(file, positions.prerequisitesField, M.parityField('prerequisites', show(a.prerequisites), show(b.prerequisites))));

  const cm = collect(mine.blocks);
  const ce = collect(en.blocks);
  const firstLine: Pos = { line: 1, col: 1 };
  if (cm.sections.length !== ce.sections.length) {
    const at = cm.sections[Math.min(cm.sections.length, ce.sections.length)] ?? cm.sections[cm.sections.length - 1];
    out.push(err(file, at ? { line: at, col: 1 } : firstLine, M.paritySections(cm.sections.length, ce.sections.length)));
  }

  // Quizzes, matched by id.
  const enIds = ce.quizzes.map((x) => localId(x.q));
  const myIds = cm.quizzes.map((x) => localId(x.q));
  // (A quiz without its own topics has the lesson's: a lesson-level difference is reported once, above.)
  const enById = new Map(ce.quizzes.map((x) => [localId(x.q), x.q]));
  const mineById = new Map(cm.quizzes.map((x) => [localId(x.q), x]));
  cm.quizzes.forEach((x) => {
    if (!enById.has(localId(x.q))) out.push(err(file, { line: x.line, col: 1 }, M.parityQuizExtra(localId(x.q))));
  });
  enIds.forEach((id, i) => {
    if (mineById.has(id)) return;
    // Reported where it belongs: at the next English quiz that is here, else after the last quiz.
    const next = enIds.slice(i + 1).find((n) => mineById.has(n));
    const line = next !== undefined ? mineById.get(next)!.line : cm.quizzes[cm.quizzes.length - 1]?.line;
    out.push(err(file, line !== undefined ? { line, col: 1 } : firstLine, M.parityQuizMissing(id)));
  });
  const commonMine = myIds.filter((id) => enById.has(id));
  const commonEn = enIds.filter((id) => mineById.has(id));
  const wrongPlace = commonMine.findIndex((id, i) => id !== commonEn[i]);
  if (wrongPlace >= 0) {
    const id = commonMine[wrongPlace]!;
    out.push(err(file, { line: mineById.get(id)!.line, col: 1 }, M.parityQuizOrder(id, myIds.indexOf(id) + 1, enIds.indexOf(id) + 1)));
  }
  for (const x of cm.quizzes) {
    const twin = enById.get(localId(x.q));
    if (twin) for (const m of quizKeyDiffs(x.q, twin, sameList(a.topics, b.topics))) out.push(err(file, { line: x.line, col: 1 }, m));
  }

  // Diagrams, by position.
  if (cm.tcp.length !== ce.tcp.length) {
    const at = cm.tcp[Math.min(cm.tcp.length, ce.tcp.length)]?.line ?? cm.tcp[cm.tcp.length - 1]?.line;
    out.push(err(file, at !== undefined ? { line: at, col: 1 } : firstLine, M.parityBlockCount('tcp', cm.tcp.length, ce.tcp.length)));
  }
  for (let i = 0; i < Math.min(cm.tcp.length, ce.tcp.length); i++) {
    const m = cm.tcp[i]!;
    const e = ce.tcp[i]!;
    const ml = m.scenario !== null ? [`scenario: ${m.scenario}`, ...tcpScriptLines(m.source)] : tcpScriptLines(m.source);
    const el = e.scenario !== null ? [`scenario: ${e.scenario}`, ...tcpScriptLines(e.source)] : tcpScriptLines(e.source);
    const k = ml.findIndex((l, j) => l !== el[j]);
    const at = k >= 0 ? k : ml.length < el.length ? ml.length : -1;
    if (at >= 0) out.push(err(file, { line: m.line, col: 1 }, M.parityTcp(i + 1, ml[at] ?? '(end)', el[at] ?? '(end)')));
  }
  if (cm.layers.length !== ce.layers.length) {
    const at = cm.layers[Math.min(cm.layers.length, ce.layers.length)]?.line ?? cm.layers[cm.layers.length - 1]?.line;
    out.push(err(file, at !== undefined ? { line: at, col: 1 } : firstLine, M.parityBlockCount('layers', cm.layers.length, ce.layers.length)));
  }
  for (let i = 0; i < Math.min(cm.layers.length, ce.layers.length); i++) {
    for (const m of layersDiffs(i + 1, cm.layers[i]!, ce.layers[i]!)) out.push(err(file, { line: cm.layers[i]!.line, col: 1 }, m));
  }
  return sortProblems(out);
}

export interface TranslationCheck {
  lang: LessonLang;
  /** Translated lessons whose front matter is valid. */
  lessons: Lesson[];
  /** Sorted by file, line, column. */
  problems: Problem[];
}

/**
 * Checks translated lesson files against the English lessons (as parsed by checkLessons): each
 * file's own problems (as for an English lesson, but prerequisites are the English twin's concern),
 * a file with no English twin of the same name, and every parity difference. `options.checkTcp`
 * defaults to false here (see below).
 */
export function checkTranslations(
  english: readonly Lesson[],
  files: readonly LessonFile[],
  lang: LessonLang,
  options: ParseOptions = {},
): TranslationCheck {
  const byName = new Map<string, Lesson>();
  for (const l of english) if (!byName.has(baseName(l.file))) byName.set(baseName(l.file), l);
  const problems: Problem[] = [];
  const lessons: Lesson[] = [];
  for (const f of files) {
    problems.push(...unsafeTextProblems(f.text, f.file));
    // The tcp blocks are not run again: parity requires the English twin's script lines (only
    // comments and captions may differ), and the English block has been run already; a changed
    // block is a parity error.
    const r = parseLesson(f.text, f.file, { ...options, checkTcp: options.checkTcp ?? false });
    problems.push(...r.problems);
    const twin = byName.get(baseName(f.file));
    if (!twin) {
      problems.push(err(f.file, { line: 1, col: 1 }, M.translationWithoutTwin(baseName(f.file))));
      continue;
    }
    if (r.lesson && r.positions) {
      lessons.push(r.lesson);
      problems.push(...parityProblems(r.lesson, r.positions, twin));
    }
  }
  return { lang, lessons, problems: sortProblems(problems) };
}
