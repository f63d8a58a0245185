/** How one question looks: before answering, with hints, with a timer, after answering, recall reveal. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { choiceLabel } from '../../quiz/grade.js';
import { Q } from '../../quiz/strings.js';
import type { Question, Response } from '../../quiz/types.js';
import { glyphs, col } from '../components/theme.js';
import type { QuestionUi } from './question.js';
import { QK } from '../strings.js';
import { width as sw, wrap } from '../components/text.js';

export interface ShownResult {
  correct: boolean;
  expected: string;
  invalid?: string;
  timedOut?: boolean;
  response?: Response | null;
}

export interface QuestionViewProps {
  question: Question;
  ui: QuestionUi;
  width: number;
  ascii: boolean;
  color: boolean;
  hintsShown: number;
  revealed: boolean;
  result: ShownResult | null;
  showExplanation: boolean;
  /** e.g. "Question 2/3  handshake". */
  header?: string;
  secondsLeft?: number | null;
  /** The keys line (generated from the question's key table); none once answered. */
  instruction?: string;
  /** The partial diagram of a generated question, already rendered. */
  diagramLines?: string[];
  /** The self-grade line to show instead of Q.gradeYourself (reviews: each grade's next interval). */
  gradeLine?: string;
}

function chosenIndices(r: Response | null | undefined): number[] {
  if (!r) return [];
  if (r.type === 'single') return [r.choice];
  if (r.type === 'multi') return r.choices;
  return [];
}

export function QuestionView(p: QuestionViewProps): ReactElement {
  const g = glyphs(p.ascii);
  const q = p.question;
  const answered = p.result !== null;
  const rows: ReactElement[] = [];
  let k = 0;
  // Lines are wrapped here (not by Ink): no wrapped line starts with a space, and continuation
  // lines hang under the text after `head` (a choice's pointer, mark and label, or the indent).
  const line = (text: string, props: Record<string, unknown> = {}, head?: string) => {
    const w = Math.max(1, p.width);
    const h = head ?? /^ */.exec(text)![0];
    const body = text.slice(h.length);
    const hanging = sw(h) < w - 8;
    const out = hanging ? wrap(body, w - sw(h)).map((l, i) => (i === 0 ? h : ' '.repeat(sw(h))) + l) : wrap(text.trimStart(), w);
    for (const l of out.length ? out : ['']) {
      rows.push(
        <Text key={k++} wrap="truncate" {...props}>
          {l || ' '}
        </Text>,
      );
    }
  };
  const headRight = p.secondsLeft !== undefined && p.secondsLeft !== null ? Q.secondsLeft(p.secondsLeft) : '';
  if (p.header || headRight) {
    rows.push(
      <Box key={k++} justifyContent="space-between" width={p.width}>
        <Text dimColor>{p.header ?? ''}</Text>
        <Text color={col(p.color, p.secondsLeft !== null && (p.secondsLeft ?? 99) <= 10 ? 'red' : 'yellow')}>{headRight}</Text>
      </Box>,
    );
  }
  line(q.prompt, { bold: true });
  if (p.diagramLines && p.diagramLines.length > 0) {
    for (const d of p.diagramLines)
      rows.push(
        <Text key={k++} dimColor wrap="truncate">
          {d || ' '}
        </Text>,
      );
  }
  const chosen = chosenIndices(p.result?.response);
  const mark = (i: number, correct: boolean) => {
    if (!answered) return '  ';
    if (correct) return `${g.check} `;
    if (chosen.includes(i)) return `${g.cross} `;
    return '  ';
  };
  switch (q.type) {
    case 'single':
    case 'multi':
      q.choices.forEach((c, i) => {
        const cur = !answered && p.ui.cursor === i;
        const box = q.type === 'multi' ? (p.ui.selected.includes(i) || (answered && chosen.includes(i)) ? '[x] ' : '[ ] ') : '';
        const head = `${cur ? g.pointer : ' '} ${mark(i, c.correct)}${box}${choiceLabel(i)}) `;
        line(`${head}${c.text}`, { inverse: cur && p.color }, head);
        if (answered && c.why && (chosen.includes(i) || c.correct) && p.showExplanation) line(`      ${c.why}`, { dimColor: true });
      });
      break;
    case 'truefalse':
      [Q.truthy, Q.falsy].forEach((label, i) => {
        const cur = !answered && p.ui.cursor === i;
        const picked = p.result?.response?.type === 'truefalse' && (p.result.response.value ? 0 : 1) === i;
        const right = q.answer === (i === 0);
        const m = !answered ? '  ' : right ? `${g.check} ` : picked ? `${g.cross} ` : '  ';
        line(`${cur ? g.pointer : ' '} ${m}${choiceLabel(i)}) ${label}`, { inverse: cur && p.color });
      });
      break;
    case 'order':
      p.ui.order.forEach((stepIdx, pos) => {
        const cur = !answered && p.ui.cursor === pos;
        const ok = answered ? (q.steps[stepIdx] === q.steps[pos] ? `${g.check} ` : `${g.cross} `) : '  ';
        const held = cur && p.ui.holding ? '* ' : '';
        const head = `${cur ? g.pointer : ' '} ${ok}${pos + 1}. ${held}`;
        line(`${head}${q.steps[stepIdx]}`, { inverse: cur && p.color }, head);
      });
      break;
    case 'numeric':
    case 'text': {
      const unit = q.type === 'numeric' && q.unit ? ` ${Q.unit(q.unit)}` : '';
      line(`${Q.typeAnswer} ${p.ui.text}${answered ? '' : '_'}${unit}`);
      break;
    }
    case 'recall':
      if (!p.revealed && !answered) {
        line(Q.thinkThenReveal, { dimColor: true });
        line(`${Q.notes} ${p.ui.text}_`);
      } else {
        if (p.ui.text) line(`${Q.notes} ${p.ui.text}`, { dimColor: true });
        line(Q.modelAnswer, { bold: true });
        line(q.answer);
        line(Q.keyPoints, { bold: true });
        for (const kp of q.keyPoints) line(`  ${g.bullet} ${kp}`, {}, `  ${g.bullet} `);
        if (!answered) line(p.gradeLine ?? Q.gradeYourself, { color: col(p.color, 'cyan') });
      }
      break;
  }
  if (!answered && p.ui.refused) line(QK.refused(Q.invalid[p.ui.refused] ?? p.ui.refused), { color: col(p.color, 'red') });
  if (!answered && p.instruction) line(p.instruction, { dimColor: true });
  if (!answered && p.hintsShown > 0) {
    q.hints.slice(0, p.hintsShown).forEach((h, i) => line(`${Q.hint(i + 1, q.hints.length)} ${h}`, { color: col(p.color, 'yellow') }));
  }
  if (p.result) {
    const r = p.result;
    const verdict = r.timedOut ? Q.timedOut : r.correct ? Q.correct : Q.wrong;
    line(`${r.correct ? g.check : g.cross} ${verdict}${r.invalid ? `: ${Q.invalid[r.invalid] ?? r.invalid}` : ''}`, {
      bold: true,
      color: col(p.color, r.correct ? 'green' : 'red'),
    });
    if (q.type !== 'recall') line(`${Q.expected} ${r.expected}`);
    if (p.showExplanation && q.explanation && q.type !== 'recall') line(`${Q.explanation} ${q.explanation}`, { dimColor: true });
  }
  return (
    <Box flexDirection="column" width={p.width}>
      {rows}
    </Box>
  );
}
