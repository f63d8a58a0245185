/** `synack quiz --print`: a worksheet as plain text (questions, then an answer key). Pure. */
import { choiceLabel, expectedAnswer } from './grade.js';
import { hashString, makeRng } from './rng.js';
import { WORKSHEET as W, Q } from './strings.js';
import type { Question } from './types.js';

/** The order in which an order question's steps are shown (seeded per question). */
export function shuffledSteps(q: { id: string; steps: string[] }, seed: number): number[] {
  const idx = q.steps.map((_, i) => i);
  for (let attempt = 0; attempt < 8; attempt++) {
    const s = makeRng((hashString(q.id) ^ seed ^ (attempt * 0x9e3779b9)) >>> 0).shuffle(idx);
    if (s.some((v, i) => v !== i) || idx.length < 2) return s;
  }
  return idx.slice().reverse();
}

function indent(text: string, pad = '   '): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n');
}

/** Renders a generated question's partial diagram (the CLI passes the TCP model + diagram renderer). */
export type DiagramRenderer = (source: string, upTo: number | undefined, showStates?: boolean) => string[] | null;

function questionBlock(q: Question, n: number, seed: number, diagram?: DiagramRenderer): string {
  const lines: string[] = [`${n}. ${q.prompt} ${W.topics(q.topics.join(', '))}`];
  const pic = q.diagram && diagram ? diagram(q.diagram.source, q.diagram.upTo, q.diagram.showStates) : null;
  if (pic && pic.length > 0) {
    lines.push(indent(W.diagram));
    for (const l of pic) lines.push(indent(l.trimEnd(), '     '));
  }
  if (q.diagram) {
    lines.push(indent(W.script));
    lines.push(indent(q.diagram.source.trimEnd(), '     '));
    if (q.diagram.upTo !== undefined) lines.push(indent(W.upTo(q.diagram.upTo)));
  }
  switch (q.type) {
    case 'single':
    case 'multi':
      if (q.type === 'multi') lines.push(indent(W.multi));
      q.choices.forEach((c, i) => lines.push(indent(`${choiceLabel(i)}) ${c.text}`)));
      break;
    case 'truefalse':
      lines.push(indent(W.trueFalse));
      break;
    case 'order':
      lines.push(indent(W.order));
      shuffledSteps(q, seed).forEach((s, i) => lines.push(indent(`${choiceLabel(i)}) ${q.steps[s]}`)));
      break;
    case 'numeric':
      lines.push(indent(W.numeric(q.unit)));
      break;
    case 'text':
      lines.push(indent(W.text));
      break;
    case 'recall':
      lines.push(indent(W.recall));
      break;
  }
  return lines.join('\n');
}

function keyBlock(q: Question, n: number, seed: number): string {
  const lines: string[] = [];
  if (q.type === 'order') {
    const shown = shuffledSteps(q, seed);
    const letters = q.steps.map((_, correctPos) => choiceLabel(shown.indexOf(correctPos)));
    lines.push(`${n}. ${letters.join(', ')}: ${expectedAnswer(q)}`);
  } else lines.push(`${n}. ${expectedAnswer(q)}`);
  if (q.type === 'recall') {
    lines.push(indent(W.keyPoints));
    for (const k of q.keyPoints) lines.push(indent(`- ${k}`));
  } else if (q.explanation) lines.push(indent(`${Q.explanation} ${q.explanation}`));
  if (q.lessonId) lines.push(indent(W.lesson(q.lessonId)));
  return lines.join('\n');
}

export function worksheet(questions: readonly Question[], seed: number, diagram?: DiagramRenderer): string {
  const parts: string[] = [W.title(questions.length, seed), ''];
  questions.forEach((q, i) => parts.push(questionBlock(q, i + 1, seed, diagram), ''));
  parts.push(W.answerKey, '-'.repeat(W.answerKey.length), '');
  questions.forEach((q, i) => parts.push(keyBlock(q, i + 1, seed), ''));
  return parts.join('\n');
}
