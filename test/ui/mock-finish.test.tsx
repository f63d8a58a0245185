/**
 * Issue 14: "Finish the mock interview?" before Esc ends one early; q from a report returns to the
 * interview menu; the timer chosen in the menu is remembered with the settings.
 */
import { describe, it, expect } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen } from '../../src/ui/screens/quiz.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const screens = { ...SCREENS, quiz: quizScreen };

describe('the mock interview', () => {
  it('Esc asks first: n keeps going, y finishes; q from the report goes back to the interview menu', async () => {
    const r = await renderInk(
      <App initial={[{ screen: 'home' }, { screen: 'quiz', options: { mode: 'mock', count: 3, seed: 1, timeLimitSec: null } }]} lessons={[]} progress={emptyProgress()} clock={new FakeClock(T0)} screens={screens} />,
      { columns: 80, rows: 24 },
    );
    expect(r.frame()).toContain('Question 1/3');
    await r.press('escape');
    expect(r.frame()).toContain('Finish the mock interview? 3 questions not answered yet count as skipped.');
    expect(r.lines().at(-1)).toMatch(/y\/Enter finish.*n\/Esc keep going/);
    await r.press('x');
    expect(r.frame()).toContain('Finish the mock interview?');
    await r.press('n');
    expect(r.frame()).not.toContain('Finish the mock interview?');
    expect(r.frame()).toContain('Question 1/3');
    await r.press('escape', 'y');
    expect(r.frame()).toContain('Finished before answering: no score (3 questions not reached).');
    await r.press('q');
    expect(r.frame()).toContain('synack › Home › Interview prep\n');
    expect(r.frame()).toContain('Mock interview');
    await r.unmount();
  });

  it('a drill finishes on Esc without asking', async () => {
    const r = await renderInk(<App initial={{ screen: 'quiz', options: { mode: 'drill', count: 2, seed: 1 } }} lessons={[]} progress={emptyProgress()} clock={new FakeClock(T0)} screens={screens} />, { columns: 80, rows: 24 });
    await r.press('escape');
    expect(r.frame()).not.toContain('Finish the mock interview?');
    expect(r.frame()).toContain('not reached');
    await r.unmount();
  });

  it('the timer chosen in the menu is saved and used next time; 0 means off', async () => {
    const saves: Progress[] = [];
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: {} }} lessons={[]} progress={emptyProgress()} clock={new FakeClock(T0)} screens={screens} saveProgress={(p) => void saves.push(p)} />,
      { columns: 80, rows: 24 },
    );
    expect(r.frame()).toContain('Timer: 90s per question');
    await r.press(']');
    expect(r.frame()).toContain('Timer: 120s per question');
    await r.unmount();
    expect(saves.at(-1)!.settings.mockTimeSec).toBe(120);
    const r2 = await renderInk(
      <App initial={{ screen: 'quiz', options: {} }} lessons={[]} progress={saves.at(-1)!} clock={new FakeClock(T0)} screens={screens} saveProgress={(p) => void saves.push(p)} />,
      { columns: 80, rows: 24 },
    );
    expect(r2.frame()).toContain('Timer: 120s per question');
    await r2.press('enter');
    expect(r2.frame()).toMatch(/120s left/);
    await r2.unmount();
    const off = { ...emptyProgress(), settings: { streak: false, relative: false, mockTimeSec: 0 } };
    const r3 = await renderInk(<App initial={{ screen: 'quiz', options: {} }} lessons={[]} progress={off} clock={new FakeClock(T0)} screens={screens} />, { columns: 80, rows: 24 });
    expect(r3.frame()).toContain('Timer: off');
    await r3.unmount();
  });
});
