/**
 * Bad lessons: a lessons directory (given by SYNACK_LESSONS / --lessons) holding the bundled lessons
 * plus every broken-lesson fixture. The loader never throws and sets the broken ones aside with
 * their first error (the same error `synack check` reports for that file); the app starts on it,
 * says how many could not be loaded, and every good lesson opens and can be read to the end with its
 * interactive blocks focused, at 80x24 and 40x12.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createElement } from 'react';
import { tooWide } from '../ui/helpers/frame-width.js';
import { loadAllLessons, loadLessonIndex, resolveLessonsDir, type AllLessons } from '../../src/lessons/load.js';
import { App } from '../../src/ui/app.js';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { BROKEN_LESSONS, LESSONS, ensureBuilt, runCli, tempDir, STACK_FRAME } from './helpers.js';

let tmp: { dir: string; cleanup(): void };
let dir: string;
let all: AllLessons;
/** file base name -> messages `synack check` printed for it. */
const checkMessages = new Map<string, string[]>();

const bundledFiles = readdirSync(LESSONS).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
const brokenFiles = readdirSync(BROKEN_LESSONS).filter((f) => f.endsWith('.md'));

beforeAll(async () => {
  tmp = tempDir();
  dir = join(tmp.dir, 'mixed');
  cpSync(LESSONS, dir, { recursive: true });
  cpSync(BROKEN_LESSONS, dir, { recursive: true });
  all = loadAllLessons(resolveLessonsDir({ env: { SYNACK_LESSONS: dir }, cwd: tmp.dir }));
  await ensureBuilt();
  const r = await runCli(['check', '--lessons', dir], { timeoutMs: 50_000 });
  for (const line of r.stdout.split('\n')) {
    const m = /^(.*?\.md)(?::\d+:\d+)?: (.*)$/.exec(line);
    if (!m) continue;
    const k = basename(m[1]!);
    checkMessages.set(k, [...(checkMessages.get(k) ?? []), m[2]!]);
  }
}, 60_000);
afterAll(() => tmp.cleanup());

describe('loading a directory with broken lessons', () => {
  it('SYNACK_LESSONS and --lessons (relative to cwd) both resolve to the directory', () => {
    expect(resolveLessonsDir({ env: { SYNACK_LESSONS: dir }, cwd: '/' })).toBe(dir);
    expect(resolveLessonsDir({ option: relative(tmp.dir, dir), env: { SYNACK_LESSONS: '/elsewhere' }, cwd: tmp.dir })).toBe(dir);
  });

  it('every bundled lesson loads', () => {
    const loaded = new Set(all.lessons.map((l) => basename(l.file)));
    for (const f of bundledFiles) expect(loaded, f).toContain(f);
  });

  it('every fixture is either set aside as broken or loaded, never both, never lost', () => {
    const loaded = new Set(all.lessons.map((l) => basename(l.file)));
    const broken = new Set(all.broken.map((b) => basename(b.file)));
    for (const f of brokenFiles) expect(loaded.has(f) !== broken.has(f), f).toBe(true);
    // Most fixtures are broken on their own (the rest need cross-lesson checks or only `synack check` rejects them).
    expect(brokenFiles.filter((f) => broken.has(f)).length).toBeGreaterThanOrEqual(20);
    for (const f of bundledFiles) expect(broken.has(f), f).toBe(false);
  });

  it("each broken lesson's first error is one `synack check` reports for that file, with a position", () => {
    expect(all.broken.length).toBeGreaterThan(0);
    for (const b of all.broken) {
      const k = basename(b.file);
      expect(b.problem.severity).toBe('error');
      expect(b.problem.message.length).toBeGreaterThan(0);
      expect(checkMessages.get(k) ?? [], k).toContain(b.problem.message);
      if (k !== '01-missing-front-matter.md') expect(b.problem.line, k).toBeGreaterThan(0);
    }
  });

  it('the front-matter index (first screen) never throws and keeps the good lessons', () => {
    const idx = loadLessonIndex(dir);
    const ids = new Set(idx.entries.map((e) => e.meta.id));
    for (const l of all.lessons.filter((x) => bundledFiles.includes(basename(x.file)))) expect(ids).toContain(l.meta.id);
    for (const b of idx.broken) expect(b.problem.message.length).toBeGreaterThan(0);
  });
});

describe('the app on that directory', () => {
  const broken = () => all.broken.map((b) => ({ file: b.file, message: b.problem.message }));
  const open = (initial: ScreenRequest | ScreenRequest[], size = { columns: 80, rows: 24 }) =>
    renderInk(createElement(App, { initial, lessons: all.lessons, broken: broken(), progress: emptyProgress(), clock: new FakeClock(), color: false }), size);

  function fits(frame: string, size: { columns: number; rows: number }) {
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
    expect(tooWide(lines, size.columns)).toEqual([]);
  }

  it('starts on home and the lesson list, which says how many files could not be loaded', async () => {
    const r = await open({ screen: 'home' });
    expect(r.frame()).not.toMatch(/Something went wrong/);
    await r.unmount();
    const l = await open({ screen: 'lessons' });
    expect(l.frame()).toContain(`${all.broken.length} lesson files could not be loaded`);
    expect(l.frame()).toContain('synack check');
    // Every good lesson is in the list (walk it to the end).
    const seen = new Set<string>();
    for (let i = 0; i < all.lessons.length + 2; i++) {
      for (const line of l.lines()) seen.add(line);
      await l.press('down');
    }
    const text = [...seen].join('\n');
    for (const lesson of all.lessons) expect(text, lesson.meta.id).toContain(lesson.meta.title.slice(0, 20));
    await l.unmount();
  });

  it('every good lesson opens and reads to the end at 80x24 and 40x12', async () => {
    for (const lesson of all.lessons) {
      for (const size of [
        { columns: 80, rows: 24 },
        { columns: 40, rows: 12 },
      ]) {
        const r = await open([{ screen: 'lessons' }, { screen: 'lesson', lessonId: lesson.meta.id, position: 0 }], size);
        const first = r.frame();
        expect(first, `${lesson.meta.id} ${size.columns}`).not.toMatch(/Something went wrong/);
        expect(first).not.toContain('No lesson');
        fits(first, size);
        await r.press('pagedown', 'pagedown', 'tab', 'right', 'G', 'tab', 'tab', 'enter', 'right');
        const last = r.frame();
        expect(last, `${lesson.meta.id} ${size.columns}`).not.toMatch(/Something went wrong/);
        fits(last, size);
        await r.unmount();
      }
    }
  }, 120_000); // 22 lessons x 2 sizes: ~40 s on a loaded 2-core machine (30 s default)

  it('`synack learn` on that directory without a terminal still exits 2 cleanly', async () => {
    const r = await runCli(['learn', '--lessons', dir], { env: { SYNACK_HOME: join(tmp.dir, 'home') } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
