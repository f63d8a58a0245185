/**
 * Was pending (failed before the fix in src/lessons/load.ts).
 *
 * Bug: src/lessons/load.ts `lessonFiles()` lists every *.md name and `loadAllLessons`,
 * `loadLessonIndex` and `readLessonFiles` read them with readFileSync/openSync, following symlinks.
 * A symlink in the lessons directory pointing outside it is loaded as a good lesson (the app, which
 * uses loadAllLessons, lists and opens it; `synack check` validates it), while `loadLesson` (which
 * checks realpath) refuses the same file and says "no lesson with id 'secret'". Expected: the same
 * rule everywhere: skip it and report it ("points outside the lessons directory").
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllLessons, loadLesson, loadLessonIndex, readLessonFiles } from '../../src/lessons/load.js';
import { tempDir, ROOT, ensureBuilt, runCli } from './helpers.js';

let tmp: { dir: string; cleanup(): void };
let lessons: string;
beforeAll(() => {
  tmp = tempDir();
  lessons = join(tmp.dir, 'lessons');
  mkdirSync(lessons);
  mkdirSync(join(tmp.dir, 'outside'));
  copyFileSync(join(ROOT, 'test/fixtures/lessons-good/01-good-basics.md'), join(lessons, '01-good-basics.md'));
  writeFileSync(
    join(tmp.dir, 'outside', 'secret.md'),
    '---\nid: secret\ntitle: Secret\norder: 5\nsummary: Outside.\nobjectives: [none]\ntopics: [handshake]\nminutes: 1\n---\n# Secret\n',
  );
  symlinkSync(join(tmp.dir, 'outside', 'secret.md'), join(lessons, '05-secret.md'));
});
afterAll(() => tmp.cleanup());

describe('symlinks out of the lessons directory', () => {
  it('loadAllLessons skips and reports them', () => {
    const all = loadAllLessons(lessons);
    expect(all.lessons.map((l) => l.meta.id)).toEqual(['good-basics']);
    expect(all.broken.map((b) => b.file)).toEqual([join(lessons, '05-secret.md')]);
  });
  it('loadLessonIndex skips them', () => {
    expect(loadLessonIndex(lessons).entries.map((e) => e.meta.id)).toEqual(['good-basics']);
  });
  it('readLessonFiles (synack check) does not read them', () => {
    const r = readLessonFiles(lessons);
    expect(r.files.map((f) => f.file)).toEqual([join(lessons, '01-good-basics.md')]);
    expect(r.problems.some((p) => p.file === join(lessons, '05-secret.md'))).toBe(true);
  });
});

describe('the refused link is reported the same way everywhere', () => {
  const expected = () => ({
    file: join(lessons, '05-secret.md'),
    line: 1,
    col: 1,
    message: 'this file is a link that points outside the lessons directory; not loaded',
    severity: 'error',
  });
  it('as file:1:1 problem by all four readers', () => {
    expect(loadAllLessons(lessons).broken.map((b) => b.problem)).toEqual([expected()]);
    expect(loadLessonIndex(lessons).broken.map((b) => b.problem)).toEqual([expected()]);
    expect(readLessonFiles(lessons).problems).toEqual([expected()]);
    expect(loadLesson(lessons, 'secret').problems).toEqual([expected()]);
    expect(loadLesson(lessons, 'good-basics').lesson?.meta.id).toBe('good-basics');
  });
  it('`synack check` prints it with its position and fails', async () => {
    await ensureBuilt();
    const r = await runCli(['check', lessons]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('05-secret.md:1:1: this file is a link that points outside the lessons directory; not loaded');
    expect(r.stdout).not.toContain('Secret');
  }, 60_000);
});
