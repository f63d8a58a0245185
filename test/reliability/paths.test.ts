/**
 * Paths: lesson ids that look like paths are rejected before any file is touched (CLI and
 * loadLesson), and loadLesson only reads files that resolve inside the lessons directory.
 * (loadAllLessons / loadLessonIndex / readLessonFiles following a symlink out of the directory is
 * a known bug: see test/reliability/pending/paths-symlink.pending.ts.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson } from '../../src/lessons/load.js';
import { ensureBuilt, runCli, tempDir, STACK_FRAME, ROOT } from './helpers.js';

const BAD_IDS = ['../../etc/passwd', '/etc/passwd', '..%2f..', '..', '.', 'lessons/../x', '..\\..\\windows', 'a/b', '~root', 'Tcp-Handshake', '-rf'];

let tmp: { dir: string; cleanup(): void };
let lessons: string;

const SECRET = '---\nid: secret\ntitle: Secret\norder: 5\nsummary: Outside the lessons directory.\nobjectives: [none]\ntopics: [handshake]\nminutes: 1\n---\n# Secret outside\n';

beforeAll(async () => {
  tmp = tempDir();
  lessons = join(tmp.dir, 'lessons');
  mkdirSync(lessons);
  mkdirSync(join(tmp.dir, 'outside'));
  copyFileSync(join(ROOT, 'test/fixtures/lessons-good/01-good-basics.md'), join(lessons, '01-good-basics.md'));
  writeFileSync(join(tmp.dir, 'outside', 'secret.md'), SECRET);
  writeFileSync(join(tmp.dir, 'secret.md'), SECRET);
  symlinkSync(join(tmp.dir, 'outside', 'secret.md'), join(lessons, '05-secret.md'));
  symlinkSync('/etc/passwd', join(lessons, '06-passwd.md'));
  await ensureBuilt();
}, 60_000);
afterAll(() => tmp.cleanup());

describe('synack learn with path-like ids', () => {
  it.each(BAD_IDS.filter((id) => !id.startsWith('-')))('synack learn %j is rejected with a clear message', async (id) => {
    const r = await runCli(['learn', id, '--lessons', lessons], { env: { SYNACK_HOME: join(tmp.dir, 'home') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toContain('not a lesson id');
    expect(r.stderr).not.toContain('root:'); // nothing of /etc/passwd
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('synack learn -- -rf is rejected as an id too', async () => {
    const r = await runCli(['learn', '--', '-rf'], { env: { SYNACK_HOME: join(tmp.dir, 'home') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a lesson id');
  });

  it('a well-formed id is accepted by the id check (then needs a terminal)', async () => {
    const r = await runCli(['learn', 'good-basics', '--lessons', lessons], { env: { SYNACK_HOME: join(tmp.dir, 'home') } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('not a lesson id');
  });
});

describe('loadLesson', () => {
  it.each([...BAD_IDS, 'a\u0000b', 'good-basics\u0000', 'good-basics\n', '', ' good-basics', 'good-basics.md'])(
    'refuses the id %j without reading a file',
    (id) => {
      const r = loadLesson(lessons, id);
      expect(r.lesson).toBeUndefined();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.severity).toBe('error');
      expect(r.problems[0]!.message).toMatch(/not a lesson id/);
    },
  );

  it('refuses non-string ids', () => {
    for (const id of [undefined, null, 42, {}, ['good-basics']] as unknown as string[]) {
      const r = loadLesson(lessons, id);
      expect(r.lesson).toBeUndefined();
      expect(r.problems[0]!.message).toMatch(/not a lesson id/);
    }
  });

  it('loads a lesson that lives in the directory', () => {
    const r = loadLesson(lessons, 'good-basics');
    expect(r.lesson?.meta.id).toBe('good-basics');
    expect(r.lesson?.file.startsWith(lessons)).toBe(true);
  });

  it('does not follow a symlink in the lessons directory that points outside it', () => {
    const r = loadLesson(lessons, 'secret');
    expect(r.lesson).toBeUndefined();
    expect(r.problems[0]!.severity).toBe('error');
  });

  it('does not load a lesson that sits next to (not inside) the lessons directory', () => {
    // tmp/secret.md exists, but only tmp/lessons is the lessons directory.
    const r = loadLesson(lessons, 'secret');
    expect(r.lesson).toBeUndefined();
  });

  it('a missing lessons directory is a problem, not an exception', () => {
    const r = loadLesson(join(tmp.dir, 'nope'), 'good-basics');
    expect(r.lesson).toBeUndefined();
    expect(r.problems[0]!.message).toMatch(/no such file/);
  });
});
