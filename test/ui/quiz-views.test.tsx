/**
 * Snapshots at 80x24 of the question views (each type before and after answering, hints, a timed
 * question, recall reveal) and of the report.
 */
import { describe, it, expect } from 'vitest';
import { renderInk } from './helpers/render.js';
import { QuestionView, type QuestionViewProps } from '../../src/ui/quiz/QuestionView.js';
import { ReportView } from '../../src/ui/quiz/ReportView.js';
import { initQuestionUi, questionBindings, questionInstruction, questionReduce, type QuestionUiAction } from '../../src/ui/quiz/question.js';
import { quizReduce, initialQuizState, type QuizState } from '../../src/quiz/engine.js';
import { generateQuestion } from '../../src/quiz/generate.js';
import { questionDiagram } from '../../src/quiz/diagram.js';
import { runSource } from '../../src/tcp/index.js';
import { emptyProgress } from '../../src/store/types.js';
import type { Question } from '../../src/quiz/types.js';
import { SINGLE, MULTI, TF, ORDER, NUMERIC, TEXT, RECALL } from '../quiz/fixtures.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

async function frameOf(p: Omit<QuestionViewProps, 'width' | 'ascii' | 'color'>): Promise<string> {
  // The instruction line comes from the question's key table, as on the interview screen.
  const instruction = p.result || p.revealed ? undefined : questionInstruction(questionBindings(p.question, { ...p.ui, revealed: p.revealed, hintsShown: p.hintsShown }, { hints: true, tabHint: true }));
  const r = await renderInk(<QuestionView instruction={instruction} {...p} width={80} ascii={false} color={false} />, { columns: 80, rows: 24 });
  const f = r.frame();
  await r.unmount();
  return f;
}

function answer(q: Question, actions: QuestionUiAction[]) {
  let ui = initQuestionUi(q, 1);
  for (const a of actions) ui = questionReduce(q, ui, a);
  return ui;
}

const cases: [string, Question, QuestionUiAction[]][] = [
  ['single', SINGLE, [{ type: 'move', delta: 2 }, { type: 'submit' }]],
  ['multi', MULTI, [{ type: 'toggle', index: 0 }, { type: 'toggle', index: 2 }, { type: 'submit' }]],
  ['truefalse', TF, [{ type: 'cursor', index: 0 }, { type: 'submit' }]],
  ['order', ORDER, [{ type: 'submit' }]],
  ['numeric', NUMERIC, [{ type: 'input', text: '1 s' }, { type: 'submit' }]],
  ['text', TEXT, [{ type: 'input', text: 'syn ack' }, { type: 'submit' }]],
  ['recall', RECALL, [{ type: 'input', text: 'ISNs' }, { type: 'reveal' }, { type: 'self-grade', grade: 'good' }]],
];

describe('question views at 80x24', () => {
  it.each(cases)('%s: before and after answering', async (_name, q, actions) => {
    const before = await frameOf({ question: q, ui: initQuestionUi(q, 1), hintsShown: 0, revealed: false, result: null, showExplanation: true, header: 'Question 1/3  ' + q.topics.join(', ') });
    expect(before).toContain(q.prompt.slice(0, 30));
    expect(before).toMatchSnapshot('before');
    const ui = answer(q, actions);
    expect(ui.result).not.toBeNull();
    const after = await frameOf({
      question: q,
      ui,
      hintsShown: 0,
      revealed: true,
      result: { ...ui.result!, response: ui.response },
      showExplanation: true,
      header: 'Question 1/3  ' + q.topics.join(', '),
    });
    expect(after).toMatch(ui.result!.correct ? /✓ Correct/ : /✗ Not quite/);
    expect(after).toMatchSnapshot('after');
  });

  it('single: two hints shown', async () => {
    const ui = answer(SINGLE, []);
    const f = await frameOf({ question: SINGLE, ui, hintsShown: 2, revealed: false, result: null, showExplanation: true });
    expect(f).toContain('Hint 1/2: Is the ack the last byte received or the next one expected?');
    expect(f).toContain('Hint 2/2: A SYN counts as one byte.');
    expect(f).toMatchSnapshot();
  });

  it('recall: revealed, waiting for the self-grade', async () => {
    const ui = answer(RECALL, [{ type: 'reveal' }]);
    const f = await frameOf({ question: RECALL, ui, hintsShown: 0, revealed: true, result: null, showExplanation: true });
    expect(f).toContain('Model answer:');
    expect(f).toContain('1 Again  2 Hard  3 Good  4 Easy');
    expect(f).toMatchSnapshot();
  });

  it('a timed generated question with its partial diagram', async () => {
    const q = generateQuestion('ack', 4, runSource);
    const diagramLines = questionDiagram(q.diagram!.source, q.diagram!.upTo, runSource, { width: 76, maxRows: 7 })!;
    const ui = answer(q, [{ type: 'input', text: '12' }]);
    const f = await frameOf({ question: q, ui, hintsShown: 0, revealed: false, result: null, showExplanation: false, header: 'Question 2/3  handshake, tcp-header', secondsLeft: 42, diagramLines });
    expect(f).toContain('42s left');
    expect(f).toContain('Answer: 12_');
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
    expect(f).toMatchSnapshot();
  });

  it('a timed-out question', async () => {
    const f = await frameOf({ question: NUMERIC, ui: initQuestionUi(NUMERIC), hintsShown: 0, revealed: true, result: { correct: false, expected: '1000 ms', timedOut: true, response: null }, showExplanation: true });
    expect(f).toContain("✗ Time's up");
    expect(f).toContain('Answer: 1000 ms');
  });
});

describe('report at 80x24', () => {
  it('score, time per question, per-topic accuracy, lessons to reread, due next', async () => {
    const progress = emptyProgress();
    let s: QuizState = quizReduce(initialQuizState(progress), { type: 'start', options: { mode: 'mock', seed: 3, count: 3, timeLimitSec: 60 }, bank: [SINGLE, TF, NUMERIC], progress, now: T0, srs: { fuzz: false } });
    let t = T0;
    while (s.phase !== 'done') {
      const q = s.questions[s.index];
      t += 7000;
      if (q.id === SINGLE.id) s = quizReduce(s, { type: 'answer', response: { type: 'single', choice: 1 }, now: t });
      else if (q.id === TF.id) s = quizReduce(s, { type: 'answer', response: { type: 'truefalse', value: true }, now: t });
      else {
        t += 60000;
        s = quizReduce(s, { type: 'timeout', now: t });
      }
      s = quizReduce(s, { type: 'next', now: t });
    }
    const r = await renderInk(
      <ReportView report={s.report!} width={80} height={22} ascii={false} color={false} now={t} lessonTitles={{ 'tcp-vs-udp': 'TCP vs UDP', reliability: 'Reliable delivery' }} />,
      { columns: 80, rows: 24 },
    );
    const f = r.frame();
    await r.unmount();
    expect(f).toContain('Score: 1/3 (33%)');
    expect(f).toContain('reliability (0%) -> lesson "Reliable delivery" (reliability)');
    expect(f).toContain('udp (0%) -> lesson "TCP vs UDP" (tcp-vs-udp)');
    expect(f).toContain('timed out');
    expect(f).toMatchSnapshot();
  });
});
