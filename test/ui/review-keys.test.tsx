/**
 * Issue 14, reviews as Anki users expect them: each grade shows its next interval, `u` undoes the
 * last grade (and nothing of it is saved), a card graded Again comes back in the same session, and
 * new cards join the due ones up to a daily limit.
 */
import { describe, it, expect } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen } from '../../src/ui/screens/quiz.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { renderInk, FakeClock } from './helpers/render.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOUR = 3_600_000;
const screens = { ...SCREENS, quiz: quizScreen };
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('review keys', () => {
  it('intervals on the grade line, u undoes (unsaved), Again comes back, the report counts the first answer', async () => {
    const q = BUILTIN_QUESTIONS.find((x) => x.type === 'recall')!;
    let p: Progress = recordAnswer(emptyProgress(), { questionId: q.id, correct: true, rating: 3, ms: 1, topics: [...q.topics], mode: 'drill' }, T0 - 30 * 24 * HOUR, { fuzz: false });
    p.settings.newPerDay = 0;
    const saves: Progress[] = [];
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }} lessons={[]} progress={p} clock={new FakeClock(T0)} screens={screens} saveProgress={(x) => void saves.push(x)} />,
      { columns: 100, rows: 40 },
    );
    expect(r.frame()).toContain('Question 1/1');
    await r.press('enter');
    expect(flat(r.frame())).toMatch(/How did you do\? 1 Again <?\d+m · 2 Hard \S+ · 3 Good \S+ · 4 Easy \d+(\.\d)?(d|mo|y)/);
    await r.press('1');
    expect(r.lines().at(-1)).toMatch(/u undo/);
    const reviews = () => (saves.at(-1)?.history ?? []).filter((h) => h.mode === 'review').length;
    expect(reviews()).toBe(0); // held back while it can be undone
    await r.press('u');
    expect(flat(r.frame())).toMatch(/How did you do\? 1 Again/);
    expect(r.lines().at(-1)).not.toMatch(/u undo/);
    await r.press('1', 'enter');
    expect(reviews()).toBe(1);
    // graded Again: the card comes back at the end of the session
    expect(r.frame()).toContain('Question 2/2');
    expect(flat(r.frame())).toContain(flat(q.prompt).slice(0, 40));
    await r.press('enter', '3', 'enter');
    expect(r.frame()).toContain('Score: 0/1');
    expect(reviews()).toBe(2);
    await r.unmount();
  });

  it('q right after a grade still saves it', async () => {
    const q = BUILTIN_QUESTIONS.find((x) => x.type === 'recall')!;
    const p: Progress = recordAnswer(emptyProgress(), { questionId: q.id, correct: true, rating: 3, ms: 1, topics: [...q.topics], mode: 'drill' }, T0 - 30 * 24 * HOUR, { fuzz: false });
    p.settings.newPerDay = 0;
    const saves: Progress[] = [];
    const r = await renderInk(
      <App initial={[{ screen: 'home' }, { screen: 'quiz', options: { mode: 'review', seed: 1 } }]} lessons={[]} progress={p} clock={new FakeClock(T0)} screens={screens} saveProgress={(x) => void saves.push(x)} />,
      { columns: 100, rows: 40 },
    );
    await r.press('enter', '4', 'q');
    expect((saves.at(-1)?.history ?? []).filter((h) => h.mode === 'review')).toHaveLength(1);
    await r.unmount();
  });

  it('a new learner\'s review introduces new cards, up to the daily limit (default 20, settings.newPerDay)', async () => {
    const r = await renderInk(<App initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }} lessons={[]} progress={emptyProgress()} clock={new FakeClock(T0)} screens={screens} />, { columns: 100, rows: 40 });
    expect(r.frame()).toContain('Question 1/20');
    await r.unmount();
    const three = { ...emptyProgress(), settings: { streak: false, relative: false, newPerDay: 3 } };
    const r2 = await renderInk(<App initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }} lessons={[]} progress={three} clock={new FakeClock(T0)} screens={screens} />, { columns: 100, rows: 40 });
    expect(r2.frame()).toContain('Question 1/3');
    await r2.unmount();
  });
});
