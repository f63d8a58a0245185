/**
 * Issue 14: reopening a lesson shows the answers already given (the first attempt, saved in the
 * progress with its response), and `r` retries for practice without changing the saved result.
 */
import { describe, it, expect } from 'vitest';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { renderInk } from './helpers/render.js';
import { fixtureLessons } from './helpers/fixtures.js';
import { fixtureApp } from './helpers/fixture-app.js';
import { initQuiz } from '../../src/ui/components/inlineQuiz.js';
import type { Question } from '../../src/quiz/types.js';

const app = fixtureApp;

describe('a lesson reopened shows the answers given, and r is practice', () => {
  it('the first (wrong) answer is saved with its response, shown on reopening, and a right retry changes nothing saved', async () => {
    const saved: Progress[] = [];
    const r1 = await renderInk(app({ screen: 'lesson', lessonId: 'basics', position: 0 }, emptyProgress(), saved), { columns: 80, rows: 24 });
    await r1.press('n', 'n', 'tab');
    expect(r1.frame()).toContain('A) A frame');
    await r1.press('1', 'enter');
    expect(r1.frame()).toContain('Not quite');
    await r1.unmount();
    const after = saved.at(-1)!;
    const answers = after.lessons.basics!.answers;
    const [qid] = Object.keys(answers);
    expect(answers[qid!]).toMatchObject({ correct: false, response: { type: 'single', choice: 0 } });

    const saved2: Progress[] = [];
    const r2 = await renderInk(app({ screen: 'lesson', lessonId: 'basics', position: 0 }, after, saved2), { columns: 80, rows: 24 });
    await r2.press('n', 'n');
    // shown answered, before any key touches the quiz
    expect(r2.frame()).toContain('Not quite');
    expect(r2.frame()).toMatch(/✗ A\) A frame/);
    await r2.press('tab', 'r');
    expect(r2.frame()).not.toContain('Not quite');
    await r2.press('2', 'enter');
    expect(r2.frame()).toContain('Correct');
    await r2.unmount();
    for (const p of saved2) expect(p.lessons.basics!.answers[qid!]).toEqual(answers[qid!]);
    expect(saved2.at(-1)?.history.length ?? after.history.length).toBe(after.history.length);
  });

  it('initQuiz: every response type is restored; one that no longer fits the question is ignored', () => {
    const lessons = fixtureLessons();
    const qs = lessons.flatMap((l) => l.questions);
    const byType = (t: Question['type']) => qs.find((q) => q.type === t);
    const single = byType('single')!;
    expect(initQuiz(single, { type: 'single', choice: 99 }).result).toBeNull();
    expect(initQuiz(single, { type: 'text', text: 'x' }).result).toBeNull();
    const restored = initQuiz(single, { type: 'single', choice: 0 });
    expect(restored.result).not.toBeNull();
    expect(restored.cursor).toBe(0);
    const tf = byType('truefalse');
    if (tf) expect(initQuiz(tf, { type: 'truefalse', value: false }).cursor).toBe(1);
    const num = byType('numeric');
    if (num) {
      expect(initQuiz(num, { type: 'numeric', text: 'soon' }).result).toBeNull();
      expect(initQuiz(num, { type: 'numeric', text: '7' }).text).toBe('7');
    }
    const order = byType('order');
    if (order && order.type === 'order') {
      const ids = order.steps.map((_, i) => i);
      expect(initQuiz(order, { type: 'order', order: ids }).result?.correct).toBe(true);
      expect(initQuiz(order, { type: 'order', order: [0, 0] }).result).toBeNull();
    }
    const recall = byType('recall');
    if (recall) expect(initQuiz(recall, { type: 'recall', grade: 'good' }).revealed).toBe(true);
  });
});

describe('lesson ids in the list and in "Before this:"', () => {
  it('the selected lesson shows its id and the number synack learn takes; prerequisites by number and id', async () => {
    const r = await renderInk(app({ screen: 'lessons' }, emptyProgress(), []), { columns: 80, rows: 24 });
    await r.press('down');
    expect(r.frame()).toContain('handshake · synack learn 2');
    expect(r.frame()).toContain('Before this: 1 basics');
    await r.press('down');
    expect(r.frame()).toContain('closing · synack learn 3');
    expect(r.frame()).toContain('Before this: 2 handshake');
    await r.unmount();
  });
});
