/**
 * Interaction: home -> lesson -> answer a quiz -> back, with progress saved through the real store
 * (a temp SYNACK_HOME) and read back into a second session.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src/ui/app.js';
import { loadProgress, progressDir, saveProgress } from '../../src/store/progress.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';
import { fixtureLessons, T0 } from './helpers/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function session(dir: string, progress: Progress) {
  const clock = new FakeClock(T0);
  const exits: number[] = [];
  let saves = 0;
  const el = (
    <App
      initial={{ screen: 'home' }}
      lessons={fixtureLessons()}
      progress={progress}
      clock={clock}
      onExit={(c) => exits.push(c)}
      saveProgress={(p) => {
        saves++;
        const r = saveProgress(dir, p);
        return r.ok ? null : r.error;
      }}
    />
  );
  return { el, exits, clock, saves: () => saves };
}

describe('home -> lesson -> quiz -> back', () => {
  it('answers a quiz in place, saves position and answer, and resumes from Continue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-ui-'));
    dirs.push(dir);
    const home = progressDir({ SYNACK_HOME: dir });
    expect(home).toBe(dir);

    const s1 = session(dir, loadProgress(dir).progress);
    const r = await renderInk(s1.el, { columns: 80, rows: 24 });
    expect(r.frame()).toContain('› Start: Basics of the wire');
    await r.press('enter');
    expect(r.frame()).toContain('synack › Home › Basics of the wire');
    // Two sections down is the quiz section; Tab focuses the quiz on screen.
    await r.press('n', 'n', 'tab');
    expect(r.frame()).toContain('› ');
    expect(r.frame()).toContain('A) A frame');
    await r.press('h');
    expect(r.frame()).toContain('Hint 1/1: Think of the TCP header.');
    await r.press('down', 'enter');
    expect(r.frame()).toContain('✓ Correct');
    expect(r.frame()).toContain('TCP calls its unit a segment');
    // Leave the quiz, then the lesson.
    await r.press('escape', 'q');
    expect(r.frame()).toContain('synack › Home');
    expect(s1.saves()).toBeGreaterThan(0);

    const saved = loadProgress(dir);
    expect(saved.warning).toBeNull();
    const lp = saved.progress.lessons['basics'];
    expect(lp.answers['basics/unit-of-transport']).toEqual({ correct: true, at: new Date(T0).toISOString(), response: { type: 'single', choice: 1 } });
    expect(lp.position).toBeGreaterThan(0);
    expect(saved.progress.last).toEqual({ lessonId: 'basics', position: lp.position });
    expect(saved.progress.history.at(-1)).toMatchObject({ questionId: 'basics/unit-of-transport', correct: true, mode: 'lesson' });
    expect(r.frame()).toMatch(/Continue: Basics of the wire \(\d+%\)/);
    expect(r.frame()).toContain('1/2 right');
    await r.press('q');
    expect(s1.exits).toEqual([0]);
    await r.unmount();

    // Second session: Continue reopens the lesson at the saved position.
    const s2 = session(dir, loadProgress(dir).progress);
    const r2 = await renderInk(s2.el, { columns: 80, rows: 24 });
    expect(r2.frame()).toContain('Continue: Basics of the wire');
    await r2.press('enter');
    const status = r2.lines().at(-2)!;
    expect(status).toContain('Code and quiz');
    await r2.unmount();
  });

  it('G alone does not finish a lesson; read to the end with every quiz answered does; n at the end opens the next lesson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-ui-'));
    dirs.push(dir);
    const s = session(dir, emptyProgress());
    const r = await renderInk(s.el, { columns: 80, rows: 24 });
    await r.press('enter', 'G');
    expect(r.frame()).toContain('Next lesson: The handshake, briefly');
    // read to the end (saved), but its two quizzes are not answered: not complete
    expect(loadProgress(dir).progress.lessons['basics'].done).toBe(true);
    expect(r.frame()).toContain('2 quizzes still to answer');
    expect(r.frame()).not.toContain('Lesson complete');
    await r.press('q');
    expect(r.frame()).not.toContain('✓ Basics of the wire');
    expect(r.frame()).toContain('Lessons (0/3 done)');
    // answer both quizzes (the first one wrong: answered is what counts), then the end says complete
    await r.press('enter', 'g', 'n', 'n', 'tab');
    expect(r.frame()).toContain('What is the unit of data');
    await r.press('down', 'down', 'enter', 'tab');
    expect(r.frame()).toContain('Which port does HTTP use by default?');
    await r.type('80');
    await r.press('enter', 'escape', 'G');
    expect(r.frame()).toContain('Lesson complete');
    await r.press('n');
    expect(r.frame()).toContain('synack › Home › The handshake, briefly');
    await r.press('q');
    expect(r.frame()).toContain('synack › Home');
    expect(r.frame()).toContain('✓ Basics of the wire');
    await r.unmount();
  });

  it('a text answer captures q; Esc leaves the field; wrong answers show the expected one', async () => {
    const s = session(mkdtempSync(join(tmpdir(), 'synack-ui-')), emptyProgress());
    const r = await renderInk(s.el, { columns: 100, rows: 40 });
    await r.press('enter', 'n', 'n', 'tab', 'tab');
    expect(r.frame()).toContain('Which port does HTTP use by default?');
    await r.type('q8');
    expect(r.frame()).toContain('Answer: q8');
    await r.press('backspace', 'backspace');
    await r.paste('8080');
    await r.press('enter');
    expect(r.frame()).toContain('✗ Not quite');
    expect(r.frame()).toContain('Answer: 80');
    await r.press('r');
    await r.type('80');
    await r.press('enter');
    expect(r.frame()).toContain('✓ Correct');
    await r.unmount();
  });

  it('the scenario picker opens the player; q comes back to home', async () => {
    const s = session(mkdtempSync(join(tmpdir(), 'synack-ui-')), emptyProgress());
    const r = await renderInk(s.el, { columns: 100, rows: 30 });
    await r.press('down', 'down', 'down', 'enter');
    expect(r.frame()).toContain('Pick a scenario');
    await r.press('enter');
    expect(r.frame()).toContain('synack › Home › Diagram player: handshake');
    await r.press('q');
    expect(r.frame()).toContain('Pick a scenario');
    await r.press('escape');
    expect(r.frame()).not.toContain('Pick a scenario');
    await r.unmount();
  });

  it('starts on front-matter stubs and picks up the full lessons when they arrive', async () => {
    const full = fixtureLessons();
    const stubs = full.map((l) => ({ meta: l.meta, file: l.file, blocks: [], questions: [] }));
    const clock = new FakeClock(T0);
    const el = (ls: typeof full) => <App initial={{ screen: 'home' }} lessons={ls} progress={emptyProgress()} clock={clock} />;
    const r = await renderInk(el(stubs), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('Start: Basics of the wire');
    await r.press('enter');
    expect(r.frame()).toContain('synack › Home › Basics of the wire');
    expect(r.frame()).not.toContain('A network carries');
    await r.rerender(el(full));
    expect(r.frame()).toContain('A network carries');
    await r.press('q');
    expect(r.frame()).toContain('0/2 right');
    await r.unmount();
  });
});
