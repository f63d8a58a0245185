/**
 * ```quiz blocks: YAML -> zod (per type) -> Question. Problems carry fence-local positions. Pure.
 */
import type { Choice, Question, QuestionType, SourceRef, Topic } from '../quiz/types.js';
import { QUESTION_TYPES } from '../quiz/types.js';
import { QUIZ_SCHEMAS } from './schema.js';
import { parseYaml, positionOf, zodProblems, type LocalProblem, type Pos } from './yaml.js';
import { LESSON_MESSAGES as M } from './strings.js';
import { suggest } from '../util/suggest.js';

export interface QuizContext {
  lessonId: string;
  lessonTopics: Topic[];
  source: SourceRef;
}

export interface ParsedQuiz {
  question?: Question;
  problems: LocalProblem[];
  /** Fence-local position of the `id:` value (for duplicate-id messages). */
  idPos?: Pos;
  /** The local id as written (before namespacing). */
  localId?: string;
}

export function parseQuiz(text: string, ctx: QuizContext): ParsedQuiz {
  const y = parseYaml(text);
  if (!y.ok) return { problems: y.problems };
  const v = y.value;
  if (v == null || typeof v !== 'object' || Array.isArray(v)) {
    return { problems: [{ line: 1, col: 1, message: M.quizNotMap }] };
  }
  const raw = v as Record<string, unknown>;
  const at = (path: (string | number)[], key = false): Pos => positionOf(y.doc, y.lc, path, key);
  if (raw.type === undefined) {
    // `tpye: single`: the misspelled key is named too, with the one it is close to.
    const typo = Object.keys(raw).find((k) => suggest(k, ['type']) === 'type');
    const problems: LocalProblem[] = [{ ...at([]), message: M.missingField('type') }];
    if (typo !== undefined) problems.push({ ...at([typo], true), message: M.unknownField(typo, 'type') });
    return { problems };
  }
  if (typeof raw.type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(raw.type)) {
    return { problems: [{ ...at(['type']), message: M.badEnum('type', String(raw.type), QUESTION_TYPES) }] };
  }
  const type = raw.type as QuestionType;
  const r = QUIZ_SCHEMAS[type].safeParse(raw);
  if (!r.success) {
    let problems = zodProblems(r.error.issues, raw, y.doc, y.lc, QUIZ_SCHEMAS[type]);
    if (type === 'numeric') {
      // A missing or non-numeric answer gets the rule's own wording.
      problems = problems.map((p) =>
        p.message === M.missingField('answer') || p.message.startsWith(M.wrongType('answer', ''))
          ? { ...p, message: M.quizNumericAnswer }
          : p,
      );
    }
    return { problems };
  }
  const d = r.data;
  const base = {
    id: `${ctx.lessonId}/${d.id}`,
    prompt: d.prompt,
    explanation: d.explanation,
    hints: d.hints ?? [],
    topics: d.topics ?? ctx.lessonTopics,
    lessonId: ctx.lessonId,
    source: ctx.source,
  };
  const problems: LocalProblem[] = [];
  let question: Question;
  switch (d.type) {
    case 'single':
    case 'multi': {
      const choices: Choice[] = d.choices.map((c) => (c.why ? { text: c.text, correct: c.correct, why: c.why } : { text: c.text, correct: c.correct }));
      const n = choices.filter((c) => c.correct).length;
      if (d.type === 'single' && n !== 1) problems.push({ ...at(['choices'], true), message: M.quizSingleCorrect(n) });
      if (d.type === 'multi' && n < 1) problems.push({ ...at(['choices'], true), message: M.quizMultiCorrect });
      const seen = new Set<string>();
      choices.forEach((c, i) => {
        if (seen.has(c.text)) problems.push({ ...at(['choices', i]), message: M.quizDuplicateChoice(c.text) });
        seen.add(c.text);
      });
      question = { ...base, type: d.type, choices };
      break;
    }
    case 'truefalse':
      question = { ...base, type: 'truefalse', answer: d.answer };
      break;
    case 'order':
      if (d.steps.length < 3) problems.push({ ...at(['steps'], true), message: M.quizOrderSteps(d.steps.length) });
      question = { ...base, type: 'order', steps: d.steps };
      break;
    case 'numeric':
      question = { ...base, type: 'numeric', answer: d.answer };
      if (d.tolerance !== undefined) question.tolerance = d.tolerance;
      if (d.unit !== undefined) question.unit = d.unit;
      break;
    case 'text':
      question = { ...base, type: 'text', accept: d.accept };
      break;
    case 'recall':
      question = { ...base, type: 'recall', answer: d.answer, keyPoints: d.keyPoints };
      break;
  }
  return { question, problems, idPos: at(['id']), localId: d.id };
}
