/**
 * A whole three-question mock interview through the real app shell: keys in, frames out, the timer
 * driven by a fake clock, answers saved to progress through the shell's `progress` command.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen, setQuizRunner } from '../../src/ui/screens/quiz.js';
import { statsScreen } from '../../src/ui/screens/stats.js';
import { initQuestionUi } from '../../src/ui/quiz/question.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { TOPIC_LESSON } from '../../src/quiz/topics.js';
import { defaultRunner } from '../../src/quiz/model.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import type { Question, Topic } from '../../src/quiz/types.js';
import { renderInk, FakeClock, type Rendered } from './helpers/render.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const screens = { ...SCREENS, quiz: quizScreen, stats: statsScreen };

beforeAll(() => setQuizRunner(undefined)); // lesson + built-in questions only: known prompts
afterAll(() => setQuizRunner(defaultRunner));

const flat = (s: string) => s.replace(/\s+/g, ' ');

function currentQuestion(frame: string): Question {
  const f = flat(frame);
  const q = BUILTIN_QUESTIONS.find((x) => f.includes(flat(x.prompt).slice(0, 60)));
  if (!q) throw new Error(`no known question on screen:\n${frame}`);
  return q;
}

/** Answers with real keys; `right` picks the correct answer or a wrong one. */
async function answer(r: Rendered, q: Question, right: boolean, seed: number): Promise<void> {
  switch (q.type) {
    case 'single': {
      const i = q.choices.findIndex((c) => c.correct === right);
      await r.press(String.fromCharCode(97 + i), 'enter');
      return;
    }
    case 'multi': {
      const letters = q.choices.flatMap((c, i) => (c.correct === right ? [String.fromCharCode(97 + i)] : []));
      await r.press(...letters, 'enter');
      return;
    }
    case 'truefalse':
      await r.press(q.answer === right ? 't' : 'f', 'enter');
      return;
    case 'order': {
      let order = initQuestionUi(q, seed).order.slice();
      let cursor = 0;
      if (right) {
        for (let target = 0; target < order.length; target++) {
          const at = order.indexOf(target);
          while (cursor < at) (await r.press('down'), cursor++);
          while (cursor > at) (await r.press('up'), cursor--);
          await r.press('space');
          while (cursor > target) {
            await r.press('up');
            [order[cursor - 1], order[cursor]] = [order[cursor], order[cursor - 1]];
            cursor--;
          }
          await r.press('space');
        }
      } else if (order.every((v, i) => v === i)) {
        await r.press('space', 'down', 'space');
        order = [order[1], order[0], ...order.slice(2)];
      }
      await r.press('enter');
      return;
    }
    case 'numeric':
      await r.type(String(right ? q.answer : q.answer + 1));
      await r.press('enter');
      return;
    case 'text':
      await r.type(right ? q.accept[0] : 'no idea');
      await r.press('enter');
      return;
    case 'recall':
      await r.type('notes');
      await r.press('enter', right ? '3' : '1');
      return;
  }
}

describe('a three-question mock interview', () => {
  // Seeds chosen so the three questions cover every type between them (26: multi, numeric, single;
  // 17: order, truefalse, recall; 112: numeric, recall, multi).
  it.each([[26], [17], [112]])('seed %i: asks, times, grades, reports and saves', async (SEED) => {
    const clock = new FakeClock(T0);
    let saved: Progress | null = null;
    const r = await renderInk(
      <App
        initial={{ screen: 'quiz', options: { mode: 'mock', count: 3, seed: SEED, timeLimitSec: 60 } }}
        lessons={[]}
        progress={emptyProgress()}
        clock={clock}
        screens={screens}
        saveProgress={(p) => {
          saved = p;
          return null;
        }}
      />,
      { columns: 80, rows: 24 },
    );
    const asked: Question[] = [];

    // Question 1: answered right after 5 s.
    expect(r.frame()).toContain('Question 1/3');
    expect(r.frame()).toContain('60s left');
    expect(r.frame()).not.toContain('hint');
    const q1 = currentQuestion(r.frame());
    asked.push(q1);
    await r.advance(clock, 5000);
    expect(r.frame()).toContain('55s left');
    await answer(r, q1, true, SEED);
    expect(r.frame()).toContain('✓ Correct');
    await r.press('enter');

    // Question 2: answered wrong; no hints in a mock interview (tab does nothing).
    expect(r.frame()).toContain('Question 2/3');
    const q2 = currentQuestion(r.frame());
    asked.push(q2);
    expect(q2.id).not.toBe(q1.id);
    await r.press('tab');
    expect(r.frame()).not.toContain('Hint 1/');
    await r.advance(clock, 12000);
    await answer(r, q2, false, SEED);
    expect(r.frame()).toMatch(/✗ Not quite/);
    await r.press('enter');

    // Question 3: the timer runs out.
    expect(r.frame()).toContain('Question 3/3');
    const q3 = currentQuestion(r.frame());
    asked.push(q3);
    await r.advance(clock, 50000);
    expect(r.frame()).toContain('10s left');
    await r.advance(clock, 10100);
    expect(r.frame()).toContain("✗ Time's up");
    if (SEED === 26) expect(r.frame()).toMatchSnapshot('timed out');
    await r.press('enter');

    // The report.
    const report = r.frame();
    expect(report).toContain('Score: 1/3 (33%)');
    expect(flat(report)).toMatch(/✓ 1\. +5\.0s/);
    expect(flat(report)).toMatch(/✗ 2\. +12\.0s/);
    expect(flat(report)).toMatch(/✗ 3\. +1m00s .*timed out/);
    const wrongTopics = new Set<Topic>([...q2.topics, ...q3.topics]);
    const rightOnly = q1.topics.filter((t) => !wrongTopics.has(t));
    // Every "reread" line names the lesson that teaches its topic; the weakest topic is listed.
    const reread = [...report.matchAll(/• (\S+) \((\d+)%\) -> lesson (\S+)/g)].map((m) => [m[1], m[3]]);
    expect(reread.length).toBeGreaterThan(0);
    for (const [topic, lesson] of reread) expect(lesson).toBe(TOPIC_LESSON[topic as Topic]);
    expect(reread.every(([t]) => wrongTopics.has(t as Topic))).toBe(true);
    for (const t of rightOnly) expect(flat(report)).not.toContain(`${t} (0%)`);
    expect(report.split('\n').length).toBeLessThanOrEqual(24);
    if (SEED === 26) expect(report).toMatchSnapshot('report');

    // Everything was saved through the shell: three answers, three cards, two mistakes.
    const p = saved as unknown as Progress;
    expect(p.history.map((h) => [h.questionId, h.correct, h.mode])).toEqual([
      [q1.id, true, 'mock'],
      [q2.id, false, 'mock'],
      [q3.id, false, 'mock'],
    ]);
    expect(p.history.map((h) => h.ms)).toEqual([5000, 12000, 60000]);
    expect(Object.keys(p.cards).sort()).toEqual(asked.map((q) => q.id).sort());
    expect(Object.keys(p.mistakes).sort()).toEqual([q2.id, q3.id].sort());

    // Enter goes back to the mode menu.
    await r.press('enter');
    expect(r.frame()).toContain('Mock interview');
    expect(r.frame()).toContain('Topic drill');
    await r.unmount();
  });

  it('drill: hints, explanation after each answer, and the menu starts it', async () => {
    const clock = new FakeClock(T0);
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: { seed: 2 } }} lessons={[]} progress={emptyProgress()} clock={clock} screens={screens} />,
      { columns: 80, rows: 24 },
    );
    expect(r.frame()).toMatchSnapshot('menu');
    // Choose topic "handshake" and start a drill.
    const handshakeIdx = 4 + 7; // four modes, then topics in vocabulary order
    for (let i = 0; i < handshakeIdx; i++) await r.press('down');
    await r.press('space');
    expect(r.frame()).toContain('[x] handshake');
    for (let i = 0; i < handshakeIdx - 1; i++) await r.press('up');
    await r.press('enter');
    expect(r.frame()).toContain('Question 1/');
    expect(r.frame()).not.toMatch(/\d+s left/);
    const q = currentQuestion(r.frame());
    expect(q.topics).toContain('handshake');
    if (q.hints.length > 0) {
      await r.press('tab');
      expect(r.frame()).toContain(`Hint 1/${q.hints.length}`);
    }
    await answer(r, q, true, 2);
    if (q.type !== 'recall') expect(flat(r.frame())).toContain(flat(`Why: ${q.explanation}`).slice(0, 50));
    await r.press('escape');
    expect(r.frame()).toContain('Score: 1/1 (100%)');
    expect(r.frame()).toContain('not reached');
    await r.unmount();
  });
});

describe('leaving after a timeout', () => {
  it('saves the timed-out answer when it times out, and it is kept after going back', async () => {
    const clock = new FakeClock(T0);
    let saved: Progress | null = null;
    const r = await renderInk(
      <App
        initial={[{ screen: 'stats' }, { screen: 'quiz', options: { mode: 'mock', count: 2, seed: 29, timeLimitSec: 15 } }]}
        lessons={[]}
        progress={emptyProgress()}
        clock={clock}
        screens={screens}
        saveProgress={(p) => void (saved = p)}
      />,
      { columns: 80, rows: 24 },
    );
    const q = currentQuestion(r.frame());
    await r.advance(clock, 15000);
    expect(r.frame()).toContain("Time's up");
    // Saved when the timeout changed the state (issue 14: not at the next key press).
    expect(saved).not.toBeNull();
    await r.press('q');
    expect(r.frame()).toContain('synack › Stats');
    const p = saved as unknown as Progress;
    expect(p.history).toEqual([{ questionId: q.id, at: new Date(T0 + 15000).toISOString(), correct: false, rating: 1, ms: 15000, topics: q.topics, mode: 'mock' }]);
    await r.unmount();
  });
});
