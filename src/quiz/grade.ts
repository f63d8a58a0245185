/**
 * Answer normalisation and grading for every question type. Pure. Used by the interview mode and
 * by the lesson reader's inline quizzes.
 */
import type { Question, Response, NumericQuestion } from './types.js';

export interface GradeResult {
  correct: boolean;
  /** The expected answer in display form, e.g. "B) 101", "SYN-SENT", "4001 ms". */
  expected: string;
  /** Set when the response could not be read (e.g. "not a number"); the answer then counts as wrong. */
  invalid?: string;
}

/** Letters for choices: A, B, C, ... */
export function choiceLabel(i: number): string {
  return String.fromCharCode(65 + i);
}

/**
 * Text normalisation: case-insensitive, spaces ignored, and `-` `_` `,` `/` `+` equivalent to a space,
 * so `SYN-ACK`, `syn,ack`, `SYN ACK` and `synack` are equal. Surrounding quotes and a final period go.
 * NFKC first, so full-width forms equal half-width ones (`ＳＹＮ` = `SYN`, `，` = `,`, the ideographic
 * space is a space); Chinese quotes (“” ‘’ 「」 『』), the full stop `。` and the enumeration comma `、`
 * count as their ASCII counterparts (`三次 握手` = `三次握手` = `「三次握手」。`).
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/^["'`“”‘’「」『』]+|["'`.!。“”‘’「」『』]+$/g, '')
    .replace(/[\s\-_,/+、]+/g, '');
}

export function textMatches(input: string, accepted: readonly string[]): boolean {
  const n = normalizeText(input);
  if (n === '') return false;
  return accepted.some((a) => normalizeText(a) === n);
}

const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['f', 'false', 'n', 'no']);

/** t/f/y/n/yes/no/true/false (any case) -> boolean, anything else -> null. */
export function parseTrueFalse(s: string): boolean | null {
  const n = s.trim().toLowerCase().replace(/[.!]+$/, '');
  if (TRUE_WORDS.has(n)) return true;
  if (FALSE_WORDS.has(n)) return false;
  return null;
}

/** Known unit families: each unit's size in the family's base unit. */
const UNIT_FAMILIES: Record<string, number>[] = [
  { ms: 1, msec: 1, millisecond: 1, milliseconds: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, min: 60000, mins: 60000, minute: 60000, minutes: 60000 },
  { b: 1, byte: 1, bytes: 1, kb: 1000, kib: 1024, mb: 1000000, mib: 1048576 },
  { bit: 1, bits: 1 },
  { segment: 1, segments: 1 },
];

function unitScale(from: string, to: string): number | null {
  const f = from.toLowerCase();
  const t = to.toLowerCase();
  if (f === t) return 1;
  for (const fam of UNIT_FAMILIES) {
    if (f in fam && t in fam) return fam[f] / fam[t];
  }
  return null;
}

export type NumberParse = { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'unit' };

/**
 * Reads a number a learner typed: optional sign, thousands separators (`4,001`, `4 001`, `4_001`, `4'001`),
 * a decimal point, and an optional unit after it (`3 s`, `3000ms`); a unit of the same family as
 * `unit` is converted to it (3 s -> 3000 when the question's unit is ms).
 */
export function parseNumber(text: string, unit?: string): NumberParse {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const m = /^([+-]?(?:\d[\d,_' ]*)?(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-zA-Z]*)$/i.exec(s);
  if (!m || m[1] === '' || m[1] === '+' || m[1] === '-') return { ok: false, reason: 'not-a-number' };
  let num = m[1].trim();
  const intPart = num.replace(/^[+-]/, '').split(/[.e]/i)[0];
  if (/[,_' ]/.test(intPart)) {
    // Separators must group thousands: 1,234,567 (a lone "4,5" is not a number).
    if (!/^\d{1,3}([,_' ]\d{3})+$/.test(intPart)) return { ok: false, reason: 'not-a-number' };
    num = num.replace(/[,_' ]/g, '');
  }
  const value = Number(num);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  const given = m[2];
  if (given === '') return { ok: true, value };
  if (!unit) return { ok: false, reason: 'unit' };
  const scale = unitScale(given, unit);
  if (scale === null) return { ok: false, reason: 'unit' };
  return { ok: true, value: value * scale };
}

export function formatNumber(q: Pick<NumericQuestion, 'answer' | 'tolerance' | 'unit'>): string {
  const tol = q.tolerance ? ` ± ${q.tolerance}` : '';
  const unit = q.unit ? ` ${q.unit}` : '';
  return `${q.answer}${tol}${unit}`;
}

/** The expected answer of a question in display form. */
export function expectedAnswer(q: Question): string {
  switch (q.type) {
    case 'single': {
      const i = q.choices.findIndex((c) => c.correct);
      return i < 0 ? '' : `${choiceLabel(i)}) ${q.choices[i].text}`;
    }
    case 'multi':
      return q.choices
        .map((c, i) => (c.correct ? `${choiceLabel(i)}) ${c.text}` : null))
        .filter((x): x is string => x !== null)
        .join('; ');
    case 'truefalse':
      return q.answer ? 'true' : 'false';
    case 'order':
      return q.steps.join(' -> ');
    case 'numeric':
      return formatNumber(q);
    case 'text':
      return q.accept[0] ?? '';
    case 'recall':
      return q.answer;
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

/** Grades a response against a question. A response of the wrong type is wrong. */
export function grade(q: Question, r: Response): GradeResult {
  const expected = expectedAnswer(q);
  const wrong = (invalid?: string): GradeResult => (invalid ? { correct: false, expected, invalid } : { correct: false, expected });
  if (r.type !== q.type) return wrong();
  switch (q.type) {
    case 'single': {
      const rr = r as Extract<Response, { type: 'single' }>;
      return { correct: q.choices[rr.choice]?.correct === true, expected };
    }
    case 'multi': {
      const rr = r as Extract<Response, { type: 'multi' }>;
      const want = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
      return { correct: sameSet(rr.choices, want) && rr.choices.every((i) => i >= 0 && i < q.choices.length), expected };
    }
    case 'truefalse': {
      const rr = r as Extract<Response, { type: 'truefalse' }>;
      return { correct: rr.value === q.answer, expected };
    }
    case 'order': {
      const rr = r as Extract<Response, { type: 'order' }>;
      const correct = rr.order.length === q.steps.length && rr.order.every((idx, pos) => q.steps[idx] === q.steps[pos]);
      return { correct, expected };
    }
    case 'numeric': {
      const rr = r as Extract<Response, { type: 'numeric' }>;
      const p = parseNumber(rr.text, q.unit);
      if (!p.ok) return wrong(p.reason);
      return { correct: Math.abs(p.value - q.answer) <= (q.tolerance ?? 0) + 1e-9, expected };
    }
    case 'text': {
      const rr = r as Extract<Response, { type: 'text' }>;
      if (normalizeText(rr.text) === '') return wrong('empty');
      return { correct: textMatches(rr.text, q.accept), expected };
    }
    case 'recall': {
      const rr = r as Extract<Response, { type: 'recall' }>;
      return { correct: rr.grade !== 'again', expected };
    }
  }
}
