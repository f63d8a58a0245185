/**
 * The lesson reader's inline quiz. State, reducer and keys are the interview mode's
 * (src/ui/quiz/question.ts: one interaction for both); this module adds a retry action and renders
 * the question as fitted lines (the reader scrolls by rows, so it needs exact line counts).
 */
import type { Question, Response } from '../../quiz/types.js';
import { choiceLabel, grade } from '../../quiz/grade.js';
import { Q } from '../../quiz/strings.js';
import {
  capturesText,
  initQuestionUi,
  questionBindings,
  questionInstruction,
  questionOnKey,
  questionReduce,
  type QuestionUi,
  type QuestionUiAction,
} from '../quiz/question.js';
import type { KeyBinding, KeyName } from '../screen.js';
import { UI, QK as UI_QK } from '../strings.js';
import { glyphs } from './theme.js';
import { clean, wrapSpans, type Line, type Span } from './markdown.js';

export type InlineQuizState = QuestionUi;
export type QuizAction = QuestionUiAction | { type: 'retry' };

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * A quiz as the reader opens it: fresh, or showing the answer saved in the progress (`saved`, the
 * learner's first attempt) with its verdict; `r` then retries for practice. A saved answer that no
 * longer fits the question (the lesson was edited since) is ignored.
 */
export function initQuiz(q: Question, saved?: Response | null): InlineQuizState {
  const fresh = initQuestionUi(q, hash(q.id));
  const ui = saved ? answeredUi(q, fresh, saved) : null;
  return ui ?? fresh;
}

function answeredUi(q: Question, fresh: InlineQuizState, r: Response): InlineQuizState | null {
  if (r.type !== q.type) return null;
  const n = q.type === 'single' || q.type === 'multi' ? q.choices.length : q.type === 'order' ? q.steps.length : 0;
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  let ui: InlineQuizState = fresh;
  switch (r.type) {
    case 'single':
      if (!inRange(r.choice)) return null;
      ui = { ...fresh, cursor: r.choice };
      break;
    case 'multi':
      if (!r.choices.every(inRange)) return null;
      ui = { ...fresh, selected: [...new Set(r.choices)] };
      break;
    case 'truefalse':
      ui = { ...fresh, cursor: r.value ? 0 : 1 };
      break;
    case 'order':
      if (r.order.length !== n || new Set(r.order).size !== n || !r.order.every(inRange)) return null;
      ui = { ...fresh, order: [...r.order] };
      break;
    case 'numeric':
    case 'text':
      ui = { ...fresh, text: r.text };
      break;
    case 'recall':
      ui = { ...fresh, revealed: true };
      break;
  }
  const g = grade(q, r);
  if (g.invalid) return null;
  return { ...ui, response: r, result: g };
}

export function reduceQuiz(q: Question, s: InlineQuizState, a: QuizAction): InlineQuizState {
  if (a.type === 'retry') return s.result ? { ...initQuiz(q), hintsShown: s.hintsShown } : s;
  return questionReduce(q, s, a);
}

/** Whether the quiz takes typed text right now (so q, h, j... are letters). */
export function quizCapturesText(q: Question, s: InlineQuizState): boolean {
  return capturesText(q, s);
}

const OPTS = { hints: true } as const;

/** The quiz action for a key while the quiz is focused, or null (the key is the reader's). Tab stays the reader's. */
export function quizKey(q: Question, s: InlineQuizState, key: KeyName): QuizAction | null {
  if (key === 'tab' || key === 'shift-tab') return null;
  if (s.result) {
    if (key === 'r') return { type: 'retry' };
    if (key === 'h' && s.hintsShown < q.hints.length) return { type: 'hint' };
    return null;
  }
  return questionOnKey(q, s, key, OPTS);
}

/** The focused quiz's keys: the question's own table (src/ui/quiz/question.ts), or retry once answered. */
export function quizBindings(q: Question, s: InlineQuizState): KeyBinding[] {
  if (s.result) return [{ ...UI.keyRetry, footer: true }, { ...UI.keyHint, footer: s.hintsShown < q.hints.length }];
  return questionBindings(q, s, OPTS);
}

function wrapText(text: string, width: number, style: Omit<Span, 'text'> = {}, indent = ''): Line[] {
  const prefix: Line = indent ? [{ text: indent }] : [];
  return wrapSpans([{ ...style, text: clean(text) }], width, prefix, prefix);
}

/** The quiz's lines (inside the reader's box), each at most `width` columns. */
export function quizLines(q: Question, s: InlineQuizState, width: number, focused: boolean, ascii: boolean): Line[] {
  const g = glyphs(ascii);
  const out: Line[] = [];
  out.push(...wrapText(q.prompt, width, { bold: true }));
  out.push([]);
  const answered = !!s.result;
  const r = s.response;
  const chosen = (i: number): boolean => {
    if (!r) return false;
    if (r.type === 'single') return r.choice === i;
    if (r.type === 'multi') return r.choices.includes(i);
    if (r.type === 'truefalse') return (r.value ? 0 : 1) === i;
    return false;
  };
  const option = (i: number, label: string, text: string, mark: string, markColor?: string) => {
    const cur = focused && !answered && s.cursor === i;
    const pointer = cur ? g.pointer : ' ';
    const head: Line = [{ text: pointer, color: 'cyan' }, { text: mark, color: markColor, bold: true }, { text: ` ${label} ` }];
    const hw = [...`${pointer}${mark} ${label} `].length;
    out.push(...wrapSpans([{ text: clean(text), inverse: cur, bold: cur }], width, head, [{ text: ' '.repeat(hw) }]));
  };
  switch (q.type) {
    case 'single':
    case 'multi':
      q.choices.forEach((c, i) => {
        const right = answered && c.correct;
        const wrong = answered && !c.correct && chosen(i);
        const box = q.type === 'multi' ? (s.selected.includes(i) || (answered && chosen(i)) ? '[x]' : '[ ]') : '';
        option(i, `${box ? box + ' ' : ''}${choiceLabel(i)})`, c.text, right ? g.check : wrong ? g.cross : ' ', right ? 'green' : 'red');
        if (answered && c.why && (chosen(i) || c.correct)) out.push(...wrapText(c.why, width, { dim: true }, '      '));
      });
      break;
    case 'truefalse':
      [Q.truthy, Q.falsy].forEach((t, i) => {
        const correct = (i === 0) === q.answer;
        option(i, `${choiceLabel(i)})`, t, answered && correct ? g.check : answered && chosen(i) ? g.cross : ' ', correct ? 'green' : 'red');
      });
      break;
    case 'order':
      s.order.forEach((step, pos) => {
        const ok = answered ? (q.steps[step] === q.steps[pos] ? g.check : g.cross) : ' ';
        const held = focused && s.cursor === pos && s.holding ? '* ' : '';
        option(pos, `${pos + 1}. ${held}`.trimEnd(), q.steps[step], ok, ok === g.check ? 'green' : 'red');
      });
      break;
    case 'numeric':
    case 'text': {
      const caret = focused && !answered ? (ascii ? '_' : '█') : '';
      const unit = q.type === 'numeric' && q.unit ? ` ${Q.unit(clean(q.unit))}` : '';
      out.push(...wrapSpans([{ text: `${Q.typeAnswer} `, color: 'cyan' }, { text: clean(s.text) + caret, bold: true }, { text: unit, dim: true }], width));
      break;
    }
    case 'recall':
      if (!s.revealed && !answered) {
        out.push(...wrapText(Q.thinkThenReveal, width, { dim: true }));
        if (focused || s.text) out.push(...wrapText(`${Q.notes} ${s.text}${focused ? (ascii ? '_' : '█') : ''}`, width));
      } else {
        if (s.text) out.push(...wrapText(`${Q.notes} ${s.text}`, width, { dim: true }));
        out.push([{ text: Q.modelAnswer, bold: true }]);
        out.push(...wrapText(q.answer, width));
        if (q.keyPoints.length) {
          out.push([{ text: Q.keyPoints, bold: true }]);
          for (const k of q.keyPoints) out.push(...wrapSpans([{ text: clean(k) }], width, [{ text: `${g.bullet} ` }], [{ text: '  ' }]));
        }
        if (!answered) out.push(...wrapText(Q.gradeYourself, width, { color: 'cyan' }));
      }
      break;
  }
  for (let i = 0; i < s.hintsShown && i < q.hints.length; i++) {
    out.push(...wrapText(`${Q.hint(i + 1, q.hints.length)} ${q.hints[i]}`, width, { color: 'yellow' }));
  }
  if (s.result) {
    const res = s.result;
    out.push([]);
    const invalid = res.invalid ? `: ${Q.invalid[res.invalid] ?? res.invalid}` : '';
    out.push(
      res.correct
        ? [{ text: `${g.check} ${Q.correct}`, bold: true, color: 'green' }]
        : [{ text: `${g.cross} ${Q.wrong}${invalid}`, bold: true, color: 'red' }],
    );
    if (q.type !== 'recall') out.push(...wrapText(`${Q.expected} ${res.expected}`, width, { bold: !res.correct }));
    if (q.explanation) out.push(...wrapText(q.explanation, width));
  }
  if (s.refused && !s.result) out.push(...wrapText(UI_QK.refused(Q.invalid[s.refused] ?? s.refused), width, { color: 'red' }));
  const instruction = focused ? quizInstruction(q, s) : s.result ? UI.quizAnsweredPrompt : UI.quizPrompt;
  if (instruction) out.push(...wrapText(instruction, width, { dim: true }));
  return out;
}

function quizInstruction(q: Question, s: InlineQuizState): string {
  if (s.result) return UI.quizRetry;
  // A revealed recall question already asks for the grade (Q.gradeYourself): no second prompt.
  if (q.type === 'recall' && s.revealed) return '';
  return questionInstruction(quizBindings(q, s));
}
