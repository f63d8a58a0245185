/**
 * Issue 14's numbered bugs, each driven through the whole App (keys in, frame out) on the fixture
 * lessons (test/ui/fixtures/lessons), so the content of the bundled course can change freely.
 */
import { describe, it, expect } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { Progress } from '../../src/store/types.js';
import { emptyProgress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';
import { renderInk, FakeClock } from './helpers/render.js';
import { fixtureLessons, T0 } from './helpers/fixtures.js';
import { fixtureApp } from './helpers/fixture-app.js';

const app = fixtureApp;

/** The row of the frame the menu's pointer is on. */
function selectedRow(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('›')) ?? '';
}

describe('bug 5: back from `synack learn ID` the list cursor is on that lesson', () => {
  it('learn handshake, j, q: the list points at the handshake lesson', async () => {
    const p = emptyProgress();
    p.last = { lessonId: 'basics', position: 0 };
    const r = await renderInk(app([{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'handshake' }], p), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('The handshake, briefly');
    await r.press('j', 'q');
    expect(r.frame()).toContain('synack › Lessons');
    expect(selectedRow(r.frame())).toContain('The handshake, briefly');
    await r.unmount();
  });
});

describe('bug 4: focus does not stay on a block scrolled out of view', () => {
  it('Tab after scrolling sections away focuses a block on screen, not the one after the old focus', async () => {
    const r = await renderInk(app({ screen: 'lesson', lessonId: 'basics', position: 0 }), { columns: 80, rows: 24 });
    await r.press('n', 'n', 'tab');
    expect(r.frame()).toContain('A) A frame');
    expect(r.frame()).toMatch(/choose/);
    // Answered, the quiz keeps the focus but lets the reader's keys through: n scrolls it away.
    await r.press('2', 'enter');
    expect(r.frame()).toContain('Correct');
    await r.press('n');
    expect(r.frame()).toContain('Layers');
    await r.press('tab');
    // The layers block is the one on screen: its keys are in the footer, the page stays put.
    expect(r.frame()).toMatch(/←\/→ layer/);
    expect(r.frame()).toContain('Layers');
    await r.unmount();
  });
});

/** Tab until the footer shows `want` (the focused block's keys). */
async function focusUntil(r: Awaited<ReturnType<typeof renderInk>>, want: RegExp, max = 6) {
  for (let i = 0; i < max && !want.test(r.lines().at(-1) ?? ''); i++) await r.press('tab');
  expect(r.lines().at(-1)).toMatch(want);
}

describe('bug 1: a true/false quiz takes the keys it shows', () => {
  it('shows A) true / B) false and the keys 1/2 a/b t/f y/n, in the footer and in the quiz alike', async () => {
    const r = await renderInk(app({ screen: 'lesson', lessonId: 'handshake', position: 0 }), { columns: 100, rows: 30 });
    await focusUntil(r, /t\/f/);
    expect(r.frame()).toContain('A) true');
    expect(r.frame()).toContain('B) false');
    // The footer and the quiz's own instruction line come from one table.
    expect(r.lines().at(-1)).toContain('1/2 a/b t/f y/n choose');
    expect(r.frame()).toContain('│ ↑/↓ j/k move · 1/2 a/b t/f y/n choose · Enter answer');
    expect(r.frame()).not.toContain('t/f or y/n');
    await r.unmount();
  });

  for (const key of ['2', 'b', 'f', 'n']) {
    it(`'${key}' picks B) false, does not scroll the page, and Enter grades that`, async () => {
      const saved: Progress[] = [];
      const r = await renderInk(app({ screen: 'lesson', lessonId: 'handshake', position: 0 }, emptyProgress(), saved), { columns: 100, rows: 30 });
      await focusUntil(r, /t\/f/);
      const before = r.lines()[1];
      await r.press(key);
      expect(r.lines()[1]).toBe(before);
      await r.press('enter');
      expect(r.frame()).toContain('✓ Correct');
      expect(saved.at(-1)!.lessons.handshake.answers['handshake/first-segment']).toMatchObject({ correct: true });
      await r.unmount();
    });
  }
});

describe('bug 2: a recall quiz in a lesson', () => {
  it('shows its key points and asks for the grade once', async () => {
    const r = await renderInk(app({ screen: 'lesson', lessonId: 'closing', position: 0 }), { columns: 80, rows: 30 });
    await focusUntil(r, /reveal/);
    await r.press('enter');
    const f = r.frame();
    expect(f).toContain('• A FIN closes one direction');
    expect(f).toContain('• The other side may still send data');
    expect(f.split('How did you do?').length - 1).toBe(1);
    expect(f).not.toContain('Grade yourself');
    await r.press('3');
    expect(r.frame()).toContain('Correct');
    await r.unmount();
  });
});

describe('bug 3: hints on text quizzes, and input that is not an answer', () => {
  it('Ctrl+T shows the hint while typing; `h` is refused as not a number, not graded; 80 then is right', async () => {
    const saved: Progress[] = [];
    const r = await renderInk(app({ screen: 'lesson', lessonId: 'basics', position: 0 }, emptyProgress(), saved), { columns: 80, rows: 24 });
    await r.press('n', 'n');
    await focusUntil(r, /Ctrl\+T hint/);
    await r.press('\u0014'); // Ctrl+T
    expect(r.frame()).toContain('Hint 1/1: It is below 100.');
    await r.press('h', 'enter');
    expect(r.frame()).toContain('That is not a number. Not counted; try again.');
    expect(r.frame()).not.toContain('✗');
    expect(saved.some((p) => p.lessons.basics?.answers['basics/port-number'])).toBe(false);
    await r.press('backspace');
    await r.type('80');
    await r.press('enter');
    expect(r.frame()).toContain('✓ Correct');
    expect(saved.at(-1)!.lessons.basics.answers['basics/port-number']).toMatchObject({ correct: true });
    await r.unmount();
  });
});

describe('bug 9: an answered quiz does not say "Tab to answer"', () => {
  it('says how to retry instead', async () => {
    const r = await renderInk(app({ screen: 'lesson', lessonId: 'handshake', position: 0 }), { columns: 100, rows: 30 });
    await focusUntil(r, /t\/f/);
    await r.press('f', 'enter', 'escape');
    expect(r.frame()).toContain('Answered. Tab, then r, to try again');
    expect(r.frame()).not.toContain('Tab to answer');
    await r.unmount();
  });
});

describe('bug 7: reports with nothing answered', () => {
  it('Esc in a drill before answering: no "No questions matched", no 0/0', async () => {
    const r = await renderInk(app({ screen: 'quiz', options: { mode: 'drill', count: 3, seed: 1 } }), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('Question 1/3');
    await r.press('escape');
    expect(r.frame()).toContain('Finished before answering: no score (3 questions not reached).');
    expect(r.frame()).not.toContain('No questions matched');
    expect(r.frame()).not.toContain('0/0');
    await r.unmount();
  });

  it('review with a topic filter and the due cards elsewhere: says so, no "Score: 0/0"', async () => {
    let p = emptyProgress();
    for (const id of ['x/one', 'x/two', 'x/three']) p = recordAnswer(p, { questionId: id, correct: false, rating: 1, ms: 0, topics: ['ethernet-mac'], mode: 'lesson' }, T0 - 86_400_000 * 3);
    p.settings.newPerDay = 0; // no new handshake cards today: only the due ones elsewhere
    const r = await renderInk(app({ screen: 'quiz', options: { mode: 'review', topics: ['handshake'], seed: 1 } }, p), { columns: 80, rows: 24 });
    expect(r.frame()).not.toContain('Score: 0/0');
    expect(r.frame()).toContain('3 cards are due in other topics');
    await r.unmount();
  });
});

describe('bug 9: the mock interview timer', () => {
  it('--time 0 (timeLimitSec null) runs no timer', async () => {
    const r = await renderInk(app({ screen: 'quiz', options: { mode: 'mock', count: 2, seed: 1, timeLimitSec: null } }), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('Question 1/2');
    expect(r.frame()).not.toMatch(/\d+s left/);
    await r.unmount();
  });

  it('the menu shows the timer each mode will run with (the CLI defaults: mock 90 s, drill off)', async () => {
    const r = await renderInk(app({ screen: 'quiz', options: {} }), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('Timer: 90s per question');
    await r.press('down');
    expect(r.frame()).toContain('Timer: off');
    await r.press('up', 'enter');
    expect(r.frame()).toMatch(/90s left/);
    await r.unmount();
  });
});

describe('bug 8: the interview-prep menu on small terminals', () => {
  for (const [cols, rows] of [[60, 16], [40, 20], [40, 12]] as const) {
    it(`${cols}×${rows}: the cursor's row is always on screen, hidden rows are marked, nothing overlaps`, async () => {
      const r = await renderInk(app({ screen: 'quiz', options: {} }), { columns: cols, rows });
      for (let i = 0; i < 30; i++) {
        const lines = r.lines();
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        expect(lines.some((l) => l.includes('›')), `step ${i}:\n${r.frame()}`).toBe(true);
        await r.press('down');
      }
      expect(r.frame()).toMatch(/more above/);
      await r.unmount();
    });
  }
});

describe('bug 8: every screen usable at 40x12', () => {
  it('home at 40x12: the hidden items are marked, and Help and Quit can be reached', async () => {
    const r = await renderInk(app({ screen: 'home' }), { columns: 40, rows: 12 });
    expect(r.lines().length).toBeLessThanOrEqual(11);
    expect(r.frame()).toMatch(/↓ \d+ more below/);
    await r.press('G');
    const f = r.frame();
    expect(selectedRow(f)).toContain('Quit');
    expect(f).toContain('Help');
    expect(f).toMatch(/↑ \d+ more above/);
    expect(f).not.toMatch(/more below/);
    expect(r.lines().length).toBeLessThanOrEqual(11);
    await r.unmount();
  });

  it('home at 40x12 with --ascii: the markers are plain ASCII', async () => {
    const r = await renderInk(
      <App initial={{ screen: 'home' }} lessons={fixtureLessons()} progress={emptyProgress()} clock={new FakeClock(T0)} ascii />,
      { columns: 40, rows: 12 },
    );
    expect(r.frame()).toMatch(/v \d+ more below/);
    expect(r.frame()).not.toMatch(/[↑↓]/);
    await r.unmount();
  });

  it('the playground at 40x12 shows the diagram, whole words of the explanation and marked menu rows', async () => {
    const r = await renderInk(app({ screen: 'playground' }), { columns: 40, rows: 12 });
    await r.press('enter', 'end');
    const lines = r.lines();
    expect(lines.length).toBeLessThanOrEqual(11);
    // diagram rows: both host lanes drawn
    const lanes = lines.filter((l) => (l.match(/│/g) ?? []).length >= 2);
    expect(lanes.length, r.frame()).toBeGreaterThanOrEqual(3);
    expect(r.frame()).toMatch(/↓ \d+ more below/);
    expect(selectedRow(r.frame())).toContain('client: connect');
    await r.unmount();
  });
});
