/**
 * One question's interaction, shared by the quiz screen and the lesson reader's inline quizzes:
 * a pure state + reducer + key mapping (no useInput; the shell's one root useInput calls onKey).
 *
 * Standalone use (lesson reader): `initQuestionUi(q, seed)`, then `questionOnKey(q, ui, key, opts)`
 * gives an action, `questionReduce(q, ui, action)` applies it (it grades on submit with grade()).
 * The quiz screen uses the same actions but sends submit/hint/reveal/self-grade to the engine.
 */
import type { KeyBinding, KeyName } from '../screen.js';
import { QCMD, matches, type Command } from '../bindings.js';
import { grade, parseTrueFalse, type GradeResult } from '../../quiz/grade.js';
import { shuffledSteps } from '../../quiz/worksheet.js';
import type { SelfGrade } from '../../quiz/srs.js';
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
  /** Why the last submit was refused (not an answer: empty, not a number, unknown unit); not an attempt. */
  refused: string | null;
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
    refused: null,
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
      return { ...ui, text: (ui.text + a.text).slice(0, 500), refused: null };
    case 'backspace':
      return ui.text === '' ? ui : { ...ui, text: [...ui.text].slice(0, -1).join(''), refused: null };
    case 'hint':
      return ui.hintsShown >= q.hints.length ? ui : { ...ui, hintsShown: ui.hintsShown + 1 };
    case 'reveal':
      return q.type === 'recall' ? { ...ui, revealed: true } : ui;
    case 'submit': {
      const r = responseOf(q, ui);
      if (!r) return q.type === 'recall' ? { ...ui, revealed: true } : ui;
      const g = grade(q, r);
      // Input that is not an answer is refused with its reason, never graded as an attempt.
      if (g.invalid) return { ...ui, refused: g.invalid };
      return { ...ui, response: r, result: g, holding: false, refused: null };
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
  /** Tab also shows a hint (the interview screen; in the lesson reader Tab moves between blocks). */
  tabHint?: boolean;
}

/** What a question's key does. */
export type QuestionCommand = 'move' | 'pick' | 'toggle' | 'grab' | 'answer' | 'type' | 'backspace' | 'reveal' | 'grade' | 'hint';

/** One row of a question's key table: what the learner sees (keys, label, help), the binding-table
 *  row it is (src/ui/bindings.ts: the shell looks keys up there) and what it matches. */
export interface QuestionBinding extends KeyBinding {
  cmd: QuestionCommand;
  command: Command;
  match(key: KeyName): boolean;
}

const GRADE_KEYS: Record<string, SelfGrade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

/** The index a number or letter key picks among `n` items (1 or a = 0), or -1. */
function pickIndex(key: KeyName, n: number): number {
  const i = /^[a-z]$/.test(key) ? key.charCodeAt(0) - 97 : /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  return i >= 0 && i < n ? i : -1;
}

function row(kind: QuestionCommand, command: Command, footer = true): QuestionBinding {
  return {
    cmd: kind,
    command,
    footer,
    keys: command.display,
    label: command.label,
    help: command.help,
    match: (k) => matches(command, k),
  };
}

/**
 * The question's key table right now: the ONE source of its key handling (questionOnKey), its
 * footer and help rows, and its instruction line. A question owns exactly the keys listed here.
 */
export function questionBindings(q: Question, ui: QuestionUi, opts: QuestionKeyOptions): QuestionBinding[] {
  if (ui.result) return [];
  const typing = capturesText(q, ui);
  const out: QuestionBinding[] = [];
  const n = itemCount(q);
  const move = row('move', QCMD.move);
  if (typing) {
    out.push(row('type', QCMD.type, false));
    out.push(row('backspace', QCMD.erase, false));
    out.push(q.type === 'recall' ? row('reveal', QCMD.reveal) : row('answer', QCMD.submit));
  } else if (q.type === 'recall') {
    out.push(row('grade', QCMD.grade));
  } else {
    switch (q.type) {
      case 'single':
        out.push(move, row('pick', QCMD.pick(n)));
        break;
      case 'truefalse':
        out.push(move, row('pick', QCMD.truefalse));
        break;
      case 'multi':
        out.push(move, row('toggle', QCMD.toggle(n)));
        break;
      case 'order':
        out.push(move, row('grab', QCMD.grab));
        break;
    }
    out.push(row('answer', QCMD.answer));
  }
  if (opts.hints && q.hints.length > 0 && ui.hintsShown < q.hints.length) {
    const keys: KeyName[] = [typing ? 'ctrl-t' : 'h', ...(opts.tabHint ? ['tab'] : [])];
    const shown = [typing ? 'Ctrl+T' : 'h', ...(opts.tabHint ? ['Tab'] : [])].join('/');
    out.push(row('hint', QCMD.hint(keys, shown)));
  }
  return out;
}

/** The instruction line shown inside a question: its footer keys, from the same table. */
export function questionInstruction(bindings: KeyBinding[]): string {
  return bindings
    .filter((b) => b.footer !== false)
    .map((b) => `${b.keys} ${b.label}`)
    .join(' · ');
}

/** Maps a key to an action for this question, or null when the key is not the question's. */
export function questionOnKey(q: Question, ui: QuestionUi, key: KeyName, opts: QuestionKeyOptions): QuestionUiAction | null {
  const b = questionBindings(q, ui, opts).find((x) => x.match(key));
  if (!b) return null;
  switch (b.cmd) {
    case 'hint':
      return { type: 'hint' };
    case 'type':
      return { type: 'input', text: key === 'space' ? ' ' : key };
    case 'backspace':
      return { type: 'backspace' };
    case 'reveal':
      return { type: 'reveal' };
    case 'answer':
      return { type: 'submit' };
    case 'grade':
      return { type: 'self-grade', grade: GRADE_KEYS[key] };
    case 'move':
      return { type: 'move', delta: key === 'up' || key === 'k' ? -1 : 1 };
    case 'grab':
      return { type: 'grab' };
    case 'toggle':
      return key === 'space' ? { type: 'toggle' } : { type: 'toggle', index: pickIndex(key, itemCount(q)) };
    case 'pick': {
      const i = pickIndex(key, itemCount(q));
      if (i >= 0) return { type: 'cursor', index: i };
      const v = parseTrueFalse(key);
      return v === null ? null : { type: 'cursor', index: v ? 0 : 1 };
    }
  }
}

/** Pasted text goes into the answer field when the question takes text. */
export function questionOnPaste(q: Question, ui: QuestionUi, text: string): QuestionUiAction | null {
  return capturesText(q, ui) ? { type: 'input', text: text.replace(/\n/g, ' ') } : null;
}
