import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, symlinkSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadLesson,
  loadAllLessons,
  loadLessonIndex,
  resolveLessonsDir,
  bundledLessonsDir,
  readLessonFiles,
} from '../../src/lessons/load.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '../..');
const GOOD = join(ROOT, 'test/fixtures/lessons-good');
const BROKEN = join(ROOT, 'test/fixtures/lessons-broken');

const tmp = mkdtempSync(join(tmpdir(), 'synack-lessons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lessonText = (id: string, order: number) =>
  `---\nid: ${id}\ntitle: T\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# ${id}\n`;

describe('loadLesson', () => {
  it('loads a lesson by id', () => {
    const r = loadLesson(GOOD, 'good-basics');
    expect(r.problems).toEqual([]);
    expect(r.lesson!.meta.id).toBe('good-basics');
    expect(r.lesson!.file).toBe(join(GOOD, '01-good-basics.md'));
  });

  it('refuses ids that are not kebab-case before touching any file (path traversal)', () => {
    for (const id of ['../../etc/passwd', '../lessons-broken/03-bad-field', '/etc/passwd', 'good-basics/..', 'Good-Basics', '', '.', '..', 'a b', 'good-basics.md']) {
      const r = loadLesson(GOOD, id);
      expect(r.lesson, id).toBeUndefined();
      expect(r.problems, id).toEqual([
        { file: GOOD, line: 0, col: 0, message: `'${id}' is not a lesson id (lower-case letters, digits and '-')`, severity: 'error' },
      ]);
    }
  });

  it('never follows a symlink out of the directory', () => {
    const outside = join(tmp, 'outside');
    const dir = join(tmp, 'dir');
    mkdirSync(outside);
    mkdirSync(dir);
    writeFileSync(join(outside, 'secret.md'), lessonText('secret', 1));
    symlinkSync(join(outside, 'secret.md'), join(dir, '01-secret.md'));
    const r = loadLesson(dir, 'secret');
    expect(r.lesson).toBeUndefined();
    // The file named after the id is refused, and says why (not "no lesson with id").
    expect(r.problems).toEqual([
      { file: join(dir, '01-secret.md'), line: 1, col: 1, message: 'this file is a link that points outside the lessons directory; not loaded', severity: 'error' },
    ]);
  });

  it('a link out of the directory under another name: not found, and the refused link is reported', () => {
    const outside = join(tmp, 'outside2');
    const dir = join(tmp, 'dir2');
    mkdirSync(outside);
    mkdirSync(dir);
    writeFileSync(join(outside, 'x.md'), lessonText('hidden', 1));
    symlinkSync(join(outside, 'x.md'), join(dir, 'innocent.md'));
    const r = loadLesson(dir, 'hidden');
    expect(r.lesson).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual([
      "no lesson with id 'hidden'",
      'this file is a link that points outside the lessons directory; not loaded',
    ]);
  });

  it('a link that stays inside the directory is loaded', () => {
    const dir = join(tmp, 'dir3');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'real.md'), lessonText('linked', 1));
    symlinkSync(join(dir, 'sub', 'real.md'), join(dir, '01-linked.md'));
    expect(loadLesson(dir, 'linked').lesson?.meta.id).toBe('linked');
    expect(loadAllLessons(dir).lessons.map((l) => l.meta.id)).toEqual(['linked']);
    expect(readLessonFiles(dir).problems).toEqual([]);
  });

  it('the lessons directory itself may be a link', () => {
    const real = join(tmp, 'real-dir');
    mkdirSync(real);
    writeFileSync(join(real, '01-a.md'), lessonText('a', 1));
    const link = join(tmp, 'link-dir');
    symlinkSync(real, link);
    expect(loadLesson(link, 'a').lesson?.meta.id).toBe('a');
    expect(loadAllLessons(link).broken).toEqual([]);
  });

  it('with a duplicate id, the first file (by name) is the lesson', () => {
    const dir = join(tmp, 'dup');
    mkdirSync(dir);
    writeFileSync(join(dir, '01-first.md'), lessonText('same', 1));
    writeFileSync(join(dir, '02-same.md'), lessonText('same', 2));
    const r = loadLesson(dir, 'same');
    expect(r.lesson?.file).toBe(join(dir, '01-first.md'));
  });

  it('finds a lesson whose file name does not match its id', () => {
    const dir = join(tmp, 'renamed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'whatever.md'), lessonText('real-id', 1));
    expect(loadLesson(dir, 'real-id').lesson!.meta.id).toBe('real-id');
    expect(loadLesson(dir, 'whatever').problems.map((p) => p.message)).toEqual(["no lesson with id 'whatever'"]);
  });

  it('returns no lesson, with the problems, when the lesson has an error', () => {
    const r = loadLesson(BROKEN, 'order-steps');
    expect(r.lesson).toBeUndefined();
    expect(r.problems.map((p) => `${basename(p.file)}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      "10-order-steps.md:18:1: an 'order' question needs at least three steps, found 2",
    ]);
  });
});

describe('loadAllLessons', () => {
  it('loads the good fixtures in order', () => {
    const r = loadAllLessons(GOOD);
    expect(r.lessons.map((l) => l.meta.id)).toEqual(['good-basics', 'good-handshake']);
    expect(r.broken).toEqual([]);
  });

  it('skips broken lessons with their first error and never throws', () => {
    const r = loadAllLessons(BROKEN);
    const files = readLessonFiles(BROKEN).files;
    expect(r.lessons.length + r.broken.length).toBe(files.length);
    for (const b of r.broken) {
      expect(b.problem.severity).toBe('error');
      expect(b.problem.file).toBe(b.file);
    }
    // Per-file rules plus duplicate ids (the second file is broken). Missing prerequisites (a warning
    // in the app's list), raw control characters (the reader sanitizes them) and running tcp blocks
    // in the model (the reader shows the script's errors in place) are errors for synack check only.
    expect(r.lessons.map((l) => basename(l.file))).toEqual([
      '04-duplicate-id-a.md',
      '07-missing-prerequisite.md',
      '12-tcp-fails.md',
      '13-escape-sequence.md',
      '14-control-char.md',
    ]);
    expect(r.lessons.map((l) => l.meta.id)).toContain('duplicate-id');
    const dup = r.broken.find((b) => basename(b.file) === '05-duplicate-id-b.md')!;
    expect(dup.problem).toEqual({
      file: join(BROKEN, '05-duplicate-id-b.md'),
      line: 2,
      col: 5,
      message: `duplicate lesson id 'duplicate-id' (also in ${join(BROKEN, '04-duplicate-id-a.md')})`,
      severity: 'error',
    });
    // The front-matter index (the first screen) applies the same rule.
    const idx = loadLessonIndex(BROKEN);
    expect(idx.entries.filter((e) => e.meta.id === 'duplicate-id').map((e) => basename(e.file))).toEqual(['04-duplicate-id-a.md']);
    expect(idx.broken.find((b) => basename(b.file) === '05-duplicate-id-b.md')?.problem).toEqual(dup.problem);
  });

  it('broken files are listed by file name', () => {
    const names = loadAllLessons(BROKEN).broken.map((b) => basename(b.file));
    expect(names).toEqual([...names].sort());
  });

  it('reports an unreadable directory as a problem', () => {
    const r = loadAllLessons(join(tmp, 'does-not-exist'));
    expect(r.lessons).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(['cannot read: no such file or directory']);
  });
});

describe('loadLessonIndex', () => {
  it('reads only front matter, sorted by order', () => {
    const dir = join(tmp, 'index');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b.md'), lessonText('second', 2) + '\n```quiz\nnot: [valid\n```\n');
    writeFileSync(join(dir, 'a.md'), lessonText('first', 1));
    writeFileSync(join(dir, 'c.md'), '# no front matter\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const r = loadLessonIndex(dir);
    expect(r.entries.map((e) => e.meta.id)).toEqual(['first', 'second']);
    // the broken quiz in b.md is not seen: the body is never parsed
    expect(r.problems.map((p) => `${basename(p.file)}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      "c.md:1:1: missing front matter: the file must start with a line '---'",
    ]);
    expect(r.broken.map((b) => basename(b.file))).toEqual(['c.md']);
  });

  it('handles a front matter longer than one read chunk', () => {
    const dir = join(tmp, 'long');
    mkdirSync(dir);
    const long = lessonText('long', 1).replace('summary: S', 'summary: ' + 'x'.repeat(10000));
    writeFileSync(join(dir, 'long.md'), long);
    expect(loadLessonIndex(dir).entries.map((e) => e.meta.summary.length)).toEqual([10000]);
  });
});

describe('resolveLessonsDir', () => {
  it('--lessons wins, then SYNACK_LESSONS, then the bundled lessons/', () => {
    expect(resolveLessonsDir({ option: 'mine', env: { SYNACK_LESSONS: '/env' }, cwd: '/home/t' })).toBe('/home/t/mine');
    expect(resolveLessonsDir({ env: { SYNACK_LESSONS: 'env-dir' }, cwd: '/home/t' })).toBe('/home/t/env-dir');
    expect(resolveLessonsDir({ env: {}, cwd: '/home/t' })).toBe(join(ROOT, 'lessons'));
  });

  it('the bundled directory is the package root lessons/ (from src and from dist)', () => {
    expect(bundledLessonsDir()).toBe(join(ROOT, 'lessons'));
    expect(JSON.parse(readFileSync(join(bundledLessonsDir(), '..', 'package.json'), 'utf8')).name).toBe('synack');
  });
});

describe('languages: DIR/zh-CN twins, English fallback', () => {
  const course = join(tmp, 'bilingual');
  const zh = join(course, 'zh-CN');
  mkdirSync(zh, { recursive: true });
  const lesson = (id: string, order: number, title: string, body = '') =>
    `---\nid: ${id}\ntitle: ${title}\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# ${title}\n${body}`;
  writeFileSync(join(course, '01-alpha.md'), lesson('alpha', 1, 'Alpha'));
  writeFileSync(join(course, '02-beta.md'), lesson('beta', 2, 'Beta'));
  writeFileSync(join(course, '03-gamma.md'), lesson('gamma', 3, 'Gamma'));
  writeFileSync(join(zh, '01-alpha.md'), lesson('alpha', 1, '甲'));
  // A twin with an error (a quiz without a type) and a twin with another id: both fall back.
  writeFileSync(join(zh, '02-beta.md'), lesson('beta', 2, '乙', '\n```quiz\nid: q\nprompt: P\nexplanation: x\n```\n'));
  writeFileSync(join(zh, '03-gamma.md'), lesson('gamma-zh', 3, '丙'));

  it('loadAllLessons with zh-CN: the twin when it is sound, else the English lesson marked as a fallback', () => {
    const r = loadAllLessons(course, { lang: 'zh-CN' });
    expect(r.lessons.map((l) => [l.meta.id, l.meta.title, l.lang, l.fallback ?? false, basename(l.file)])).toEqual([
      ['alpha', '甲', 'zh-CN', false, '01-alpha.md'],
      ['beta', 'Beta', 'en', true, '02-beta.md'],
      ['gamma', 'Gamma', 'en', true, '03-gamma.md'],
    ]);
    expect(r.lessons[0]!.file).toBe(join(zh, '01-alpha.md'));
    expect(r.lessons[1]!.file).toBe(join(course, '02-beta.md'));
    expect(r.broken).toEqual([]);
    // The broken twins say why, as warnings (the English lessons stand in for them).
    expect(r.problems.map((p) => [basename(p.file), p.line, p.col, p.severity, p.message])).toEqual([
      ['02-beta.md', 13, 1, 'warning', "missing field 'type'"],
      ['03-gamma.md', 2, 5, 'warning', "'id' is 'gamma-zh', the English lesson has 'gamma'"],
    ]);
  });

  it('loadLesson and loadLessonIndex follow the same rule', () => {
    const a = loadLesson(course, 'alpha', { lang: 'zh-CN' });
    expect([a.lesson!.meta.title, a.lesson!.lang, a.lesson!.fallback, a.lesson!.file]).toEqual(['甲', 'zh-CN', undefined, join(zh, '01-alpha.md')]);
    expect(a.problems).toEqual([]);
    const b = loadLesson(course, 'beta', { lang: 'zh-CN' });
    expect([b.lesson!.meta.title, b.lesson!.lang, b.lesson!.fallback]).toEqual(['Beta', 'en', true]);
    expect(b.problems.map((p) => p.severity)).toEqual(['warning']);
    // The index reads front matter only: a twin whose body is broken is found out by the full load.
    const idx = loadLessonIndex(course, { lang: 'zh-CN' });
    expect(idx.entries.map((e) => [e.meta.title, e.lang, e.fallback ?? false, basename(e.file)])).toEqual([
      ['甲', 'zh-CN', false, '01-alpha.md'],
      ['乙', 'zh-CN', false, '02-beta.md'],
      ['Gamma', 'en', true, '03-gamma.md'],
    ]);
    expect(idx.broken).toEqual([]);
  });

  it('English is unchanged: no option, no lang field; lang en marks the lessons en, never a fallback', () => {
    const plain = loadAllLessons(course);
    expect(plain.lessons.map((l) => [l.meta.title, 'lang' in l, 'fallback' in l])).toEqual([
      ['Alpha', false, false],
      ['Beta', false, false],
      ['Gamma', false, false],
    ]);
    expect(plain.problems).toEqual([]);
    expect(loadLesson(course, 'alpha').lesson).toEqual(plain.lessons[0]);
    expect(loadLessonIndex(course).entries.map((e) => Object.keys(e).sort())).toEqual([['file', 'meta'], ['file', 'meta'], ['file', 'meta']]);
    const en = loadAllLessons(course, { lang: 'en' });
    expect(en.lessons.map((l) => [l.meta.title, l.lang, l.fallback])).toEqual([
      ['Alpha', 'en', undefined],
      ['Beta', 'en', undefined],
      ['Gamma', 'en', undefined],
    ]);
  });

  it('a course without zh-CN/ is all fallback; a zh-CN link out of the course is refused', () => {
    const solo = join(tmp, 'solo');
    mkdirSync(solo);
    writeFileSync(join(solo, '01-alpha.md'), lesson('alpha', 1, 'Alpha'));
    const r = loadAllLessons(solo, { lang: 'zh-CN' });
    expect(r.lessons.map((l) => [l.meta.title, l.lang, l.fallback])).toEqual([['Alpha', 'en', true]]);
    expect(r.problems).toEqual([]);

    const linked = join(tmp, 'linked');
    mkdirSync(linked);
    writeFileSync(join(linked, '01-alpha.md'), lesson('alpha', 1, 'Alpha'));
    symlinkSync(zh, join(linked, 'zh-CN'));
    const l = loadAllLessons(linked, { lang: 'zh-CN' });
    expect(l.lessons.map((x) => [x.meta.title, x.fallback])).toEqual([['Alpha', true]]);
    expect(l.problems).toEqual([
      { file: join(linked, 'zh-CN'), line: 0, col: 0, severity: 'warning', message: 'this file is a link that points outside the lessons directory; not loaded' },
    ]);
    expect(loadLesson(linked, 'alpha', { lang: 'zh-CN' }).lesson!.fallback).toBe(true);
  });
});
