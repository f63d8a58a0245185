/**
 * One question's interaction, shared by the quiz screen and the lesson reader's inline quizzes:
 * a pure state + reducer + key mapping (no useInput; the shell's one root useInput calls onKey).
 *
 * Standalone use (lesson reader): `initQuestionUi(q, seed)`, then `questionOnKey(q, ui, key, opts)`
 * gives an action, `questionReduce(q, ui, action)` applies it (it grades on submit with grade()).
 * The quiz screen uses the same actions but sends submit/hint/reveal/self-grade to the engine.
 */
import type { KeyName } from '../screen.js';
import { grade, parseTrueFalse, type GradeResult } from '../../quiz/grade.js';
import { shuffledSteps } from '../../quiz/worksheet.js';
import { SELF_GRADES, type SelfGrade } from '../../quiz/srs.js';
import type { Question, Response } from '../../quiz/types.js';

export interface QuestionUi {
  questionId: string;
  cursor: number;
  /** multi: toggled choice indices. */
  selected: number[];
  /** order: the learner's arrangement, indices into question.steps. */
  order: number[];
  /** order: the step under the cursor is picked up and moves with it. */
  holding: boolean;
  /** numeric/text answer, recall notes. */
  text: string;
  hintsShown: number;
  /** recall: the model answer is shown. */
  revealed: boolean;
  /** Set once answered (standalone use). */
  response: Response | null;
  result: GradeResult | null;
}

export type QuestionUiAction =
  | { type: 'move'; delta: number }
  | { type: 'cursor'; index: number }
  | { type: 'toggle'; index?: number }
  | { type: 'grab' }
  | { type: 'input'; text: string }
  | { type: 'backspace' }
  | { type: 'hint' }
  | { type: 'reveal' }
  | { type: 'submit' }
  | { type: 'self-grade'; grade: SelfGrade };

export function initQuestionUi(q: Question, seed = 0): QuestionUi {
  return {
    questionId: q.id,
    cursor: 0,
    selected: [],
    order: q.type === 'order' ? shuffledSteps(q, seed) : [],
    holding: false,
    text: '',
    hintsShown: 0,
    revealed: false,
    response: null,
    result: null,
  };
}

/** True while keys type text (numeric, text, recall notes before the reveal). */
export function capturesText(q: Question, ui: QuestionUi): boolean {
  if (ui.result) return false;
  return q.type === 'numeric' || q.type === 'text' || (q.type === 'recall' && !ui.revealed);
}

/** The response the UI state stands for (on submit). */
export function responseOf(q: Question, ui: QuestionUi): Response | null {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: ui.cursor };
    case 'multi':
      return { type: 'multi', choices: [...ui.selected].sort((a, b) => a - b) };
    case 'truefalse': {
      const typed = parseTrueFalse(ui.text);
      return { type: 'truefalse', value: typed ?? ui.cursor === 0 };
    }
    case 'order':
      return { type: 'order', order: ui.order.slice() };
    case 'numeric':
      return { type: 'numeric', text: ui.text };
    case 'text':
      return { type: 'text', text: ui.text };
    case 'recall':
      return null;
  }
}

function itemCount(q: Question): number {
  switch (q.type) {
    case 'single':
    case 'multi':
      return q.choices.length;
    case 'truefalse':
      return 2;
    case 'order':
      return q.steps.length;
    default:
      return 0;
  }
}

const clampIdx = (i: number, n: number) => (n === 0 ? 0 : Math.max(0, Math.min(n - 1, i)));

export function questionReduce(q: Question, ui: QuestionUi, a: QuestionUiAction): QuestionUi {
  if (ui.result && a.type !== 'hint') return ui;
  switch (a.type) {
    case 'move': {
      const n = itemCount(q);
      const to = clampIdx(ui.cursor + a.delta, n);
      if (to === ui.cursor) return ui;
      if (q.type === 'order' && ui.holding) {
        const order = ui.order.slice();
        [order[ui.cursor], order[to]] = [order[to], order[ui.cursor]];
        return { ...ui, order, cursor: to };
      }
      return { ...ui, cursor: to };
    }
    case 'cursor':
      return { ...ui, cursor: clampIdx(a.index, itemCount(q)) };
    case 'toggle': {
      if (q.type !== 'multi') return ui;
      const at = a.index === undefined ? ui.cursor : clampIdx(a.index, itemCount(q));
      const has = ui.selected.includes(at);
      return { ...ui, cursor: at, selected: has ? ui.selected.filter((i) => i !== at) : [...ui.selected, at] };
    }
    case 'grab':
      return q.type === 'order' ? { ...ui, holding: !ui.holding } : ui;
    case 'input':
      return { ...ui, text: (ui.text + a.text).slice(0, 500) };
    case 'backspace':
      return ui.text === '' ? ui : { ...ui, text: [...ui.text].slice(0, -1).join('') };
    case 'hint':
      return ui.hintsShown >= q.hints.length ? ui : { ...ui, hintsShown: ui.hintsShown + 1 };
    case 'reveal':
      return q.type === 'recall' ? { ...ui, revealed: true } : ui;
    case 'submit': {
      const r = responseOf(q, ui);
      if (!r) return q.type === 'recall' ? { ...ui, revealed: true } : ui;
      return { ...ui, response: r, result: grade(q, r), holding: false };
    }
    case 'self-grade': {
      if (q.type !== 'recall' || !ui.revealed) return ui;
      const r: Response = { type: 'recall', grade: a.grade };
      return { ...ui, response: r, result: grade(q, r) };
    }
  }
}

export interface QuestionKeyOptions {
  /** Hints allowed (not in a mock interview). */
  hints: boolean;
}

/** Maps a key to an action for this question, or null when the key is not the question's. */
export function questionOnKey(q: Question, ui: QuestionUi, key: KeyName, opts: QuestionKeyOptions): QuestionUiAction | null {
  if (ui.result) return null;
  const typing = capturesText(q, ui);
  if ((key === 'tab' || (key === 'h' && !typing)) && opts.hints && q.hints.length > 0) return { type: 'hint' };
  if (typing) {
    if (key === 'enter') return q.type === 'recall' ? { type: 'reveal' } : { type: 'submit' };
    if (key === 'backspace') return { type: 'backspace' };
    if (key === 'space') return { type: 'input', text: ' ' };
    if ([...key].length === 1) return { type: 'input', text: key };
    return null;
  }
  if (q.type === 'recall') {
    const byKey: Record<string, SelfGrade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy', a: 'again', g: 'good', e: 'easy' };
    const g = byKey[key];
    return g && SELF_GRADES.includes(g) ? { type: 'self-grade', grade: g } : null;
  }
  if (key === 'up' || key === 'k') return { type: 'move', delta: -1 };
  if (key === 'down' || key === 'j') return { type: 'move', delta: 1 };
  if (key === 'enter') return { type: 'submit' };
  switch (q.type) {
    case 'single':
    case 'multi': {
      const i = /^[a-z]$/i.test(key) ? key.toLowerCase().charCodeAt(0) - 97 : /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
      if (i >= 0 && i < q.choices.length) return q.type === 'multi' ? { type: 'toggle', index: i } : { type: 'cursor', index: i };
      if (key === 'space' && q.type === 'multi') return { type: 'toggle' };
      return null;
    }
    case 'truefalse': {
      const v = parseTrueFalse(key);
      if (v !== null) return { type: 'cursor', index: v ? 0 : 1 };
      return null;
    }
    case 'order':
      if (key === 'space') return { type: 'grab' };
      return null;
  }
  return null;
}

/** Pasted text goes into the answer field when the question takes text. */
export function questionOnPaste(q: Question, ui: QuestionUi, text: string): QuestionUiAction | null {
  return capturesText(q, ui) ? { type: 'input', text: text.replace(/\n/g, ' ') } : null;
}
