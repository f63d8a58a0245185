/**
 * Was pending (failed before the broken-lessons section existed).
 *
 * Gap (issue 7 "Bad lessons: the app starts, lists them as broken"): src/ui/screens/lessons.tsx
 * only shows a count ("N lesson files could not be loaded (run 'synack check')"); AppContext.broken
 * carries each file and its first error, but no screen lists them. Expected: the lesson list (or a
 * screen reached from it) names every broken file with its first error.
 */
import { describe, it, expect } from 'vitest';
import { basename, dirname } from 'node:path';
import stringWidth from 'string-width';
import type { Lesson } from '../../src/lessons/types.js';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { createElement } from 'react';
import { loadAllLessons } from '../../src/lessons/load.js';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { BROKEN_LESSONS } from './helpers.js';

describe('broken lessons are listed', () => {
  it('the lesson list names each broken file with its first error', async () => {
    const all = loadAllLessons(BROKEN_LESSONS);
    const broken = all.broken.map((b) => ({ file: b.file, message: b.problem.message }));
    const r = await renderInk(
      createElement(App, { initial: { screen: 'lessons' }, lessons: all.lessons, broken, progress: emptyProgress(), clock: new FakeClock() }),
      { columns: 120, rows: 60 },
    );
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      r.lines().forEach((l) => seen.add(l));
      await r.press('down');
    }
    await r.unmount();
    const text = [...seen].join('\n');
    for (const b of broken) expect(text).toContain(basename(b.file));
  });
});

type Broken = { file: string; message: string; line?: number; col?: number };
const fullBroken = (): { all: ReturnType<typeof loadAllLessons>; broken: Broken[] } => {
  const all = loadAllLessons(BROKEN_LESSONS);
  return { all, broken: all.broken.map((b) => ({ file: b.file, message: b.problem.message, line: b.problem.line, col: b.problem.col })) };
};
const app = (lessons: Lesson[], broken: Broken[], initial: ScreenRequest | ScreenRequest[], size: { columns: number; rows: number }) =>
  renderInk(createElement(App, { initial, lessons, broken, progress: emptyProgress(), clock: new FakeClock(), color: false }), size);

/** Every line the lesson list shows while walking it from the top to the end. */
async function walk(r: Awaited<ReturnType<typeof renderInk>>, steps: number): Promise<string[]> {
  const seen: string[] = [];
  await r.press('g');
  for (let i = 0; i < steps; i++) {
    for (const l of r.lines()) if (!seen.includes(l)) seen.push(l);
    await r.press('down');
  }
  return seen;
}

describe('the broken-lessons section of the lesson list', () => {
  it('lists each broken file as name:line:col: first error, after the lessons, in file order', async () => {
    const { all, broken } = fullBroken();
    const r = await app(all.lessons, broken, { screen: 'lessons' }, { columns: 160, rows: 30 });
    const seen = await walk(r, all.lessons.length + broken.length + 2);
    const text = seen.join('\n');
    expect(text).toContain(`Broken lessons (${broken.length}), not loaded:`);
    const rows = broken.map((b) => {
      const i = seen.findIndex((l) => l.includes(`${basename(b.file)}:${b.line}:${b.col}: `));
      expect(i, basename(b.file)).toBeGreaterThanOrEqual(0);
      return i;
    });
    // In the order of the files, and each row carries that file's first error (it fits in 160 columns).
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    for (const b of broken) {
      const row = seen.find((l) => l.includes(`✗ ${basename(b.file)}:`))!;
      const shown = row.slice(row.indexOf('✗ ') + 2).trimEnd();
      const full = `${basename(b.file)}:${b.line}:${b.col}: ${b.message.split(dirname(b.file) + '/').join('')}`;
      // The row is the first error, cut with an ellipsis when it does not fit.
      if (shown.endsWith('…')) {
        expect(full.startsWith(shown.slice(0, -1)), row).toBe(true);
        expect(stringWidth(row)).toBe(160);
      } else expect(shown).toBe(full);
    }
    // Selecting a broken lesson shows its error in full and what to do.
    await r.press('G');
    expect(r.frame()).toContain("Fix the file and restart synack; 'synack check' lists every error.");
    // The duplicate id names the other file without its directory.
    expect(text).toContain("05-duplicate-id-b.md:2:5: duplicate lesson id 'duplicate-id' (also in 04-duplicate-id-a.md)");
    // After the lessons: the heading comes below the last lesson title.
    const lastLesson = seen.findIndex((l) => l.includes(`${all.lessons.length}. `));
    expect(lastLesson).toBeGreaterThanOrEqual(0);
    expect(seen.findIndex((l) => l.includes('Broken lessons ('))).toBeGreaterThan(lastLesson);
    await r.unmount();
  });

  it('at 40x12 every row fits the width; a selected broken lesson shows its whole error and does not open', async () => {
    const { all, broken } = fullBroken();
    const size = { columns: 40, rows: 12 };
    const r = await app(all.lessons, broken, { screen: 'lessons' }, size);
    const seen = await walk(r, all.lessons.length + broken.length + 2);
    for (const l of seen) expect(stringWidth(l), l).toBeLessThanOrEqual(size.columns);
    for (const b of broken) expect(seen.join('\n')).toContain(basename(b.file).slice(0, 20));
    await r.press('G');
    const last = broken[broken.length - 1]!;
    const before = r.frame();
    // The whole error, wrapped below the list, although its row is cut.
    const full = `${basename(last.file)}:${last.line}:${last.col}: ${last.message}`;
    expect(r.lines().find((l) => l.includes(`✗ ${basename(last.file)}`))).toMatch(/…$/);
    expect(r.lines().join(' ').replace(/\s+/g, ' ')).toContain(full);
    await r.press('enter');
    expect(r.frame()).toBe(before);
    await r.unmount();
  });

  it('home keeps the count of broken lessons', async () => {
    const { all, broken } = fullBroken();
    const r = await app(all.lessons, broken, { screen: 'home' }, { columns: 80, rows: 24 });
    expect(r.frame()).toContain(`${broken.length} broken`);
    await r.unmount();
    const ok = await app(all.lessons, [], { screen: 'home' }, { columns: 80, rows: 24 });
    expect(ok.frame()).not.toContain('broken');
    await ok.unmount();
  });

  it('a missing prerequisite is a warning on the lesson, which still opens', async () => {
    const { all, broken } = fullBroken();
    const sorted = [...all.lessons].sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id));
    const at = sorted.findIndex((l) => l.meta.id === 'missing-prerequisite');
    expect(at).toBeGreaterThanOrEqual(0);
    const r = await app(all.lessons, broken, { screen: 'lessons' }, { columns: 100, rows: 30 });
    await r.press('g', ...Array<'down'>(at).fill('down'));
    const row = r.lines().find((l) => l.includes('Missing prerequisite'))!;
    expect(row).toMatch(/! 5 min/);
    // duplicate-id is loaded (04-duplicate-id-a.md); no-such-lesson is not.
    expect(r.frame()).toContain("Warning: prerequisite 'no-such-lesson' not among the loaded lessons");
    // Lessons without a missing prerequisite have no mark.
    expect(r.lines().filter((l) => / ! \d+ min/.test(l)).length).toBe(1);
    await r.press('enter');
    expect(r.frame()).toContain('Fixture');
    await r.unmount();
  });

  it('with no good lesson at all, the list starts on the first broken one', async () => {
    const { broken } = fullBroken();
    const r = await app([], broken, { screen: 'lessons' }, { columns: 80, rows: 24 });
    const f = r.frame();
    expect(f).not.toMatch(/Something went wrong/);
    expect(f).toContain(`Broken lessons (${broken.length})`);
    expect(f).toMatch(new RegExp(`› ✗ ${basename(broken[0]!.file).replace(/\./g, '\\.')}`));
    await r.unmount();
  });

  it('file names and messages are sanitized (no escape sequence reaches the terminal)', async () => {
    const evil: Broken[] = [
      { file: '/x/01-\u001b]0;pwned\u0007evil.md', message: 'bad \u001b[2J\u001b[31mred\u009b', line: 3, col: 7 },
    ];
    const r = await app([], evil, { screen: 'lessons' }, { columns: 80, rows: 24 });
    const raw = r.stdout.frames.join('');
    expect(raw).not.toContain('\u001b]0;');
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u009b');
    expect(r.frame()).toContain(':3:7: bad');
    await r.unmount();
  });
});

describe('a lesson whose tcp block the model cannot run', () => {
  it('opens, and the reader shows the script error in place of a diagram', async () => {
    const { all } = fullBroken();
    expect(all.lessons.map((l) => l.meta.id)).toContain('tcp-fails');
    const r = await app(all.lessons, [], [{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'tcp-fails', position: 0 }], { columns: 80, rows: 30 });
    const f = r.frame();
    expect(f).not.toMatch(/Something went wrong/);
    expect(f).toContain("unknown action 'juggle'");
    await r.unmount();
  });
});
