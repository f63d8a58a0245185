/**
 * src/cli/lessons-remembered.ts: `synack quiz` (and the app's quiz opened from the command line)
 * take a course the lessons worker remembered instead of parsing it, and only while it is the same
 * course for the same build. A small course in a temporary directory; the "build" is a stand-in
 * worker file with a chunks/ directory beside it, as dist/ has.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAllLessons } from '../../src/lessons/load.js';
import { codeStamp, courseStat, lessonsCacheKey, writeLessonsCache } from '../../src/lessons/lessons-cache.js';
import { lessonsCacheDir } from '../../src/cli/compile-cache.js';
import { lessonsWorkerFile, rememberedLessons } from '../../src/cli/lessons-remembered.js';

const tmp = mkdtempSync(join(tmpdir(), 'synack-remembered-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lessonText = (id: string, order: number, title: string) =>
  `---\nid: ${id}\ntitle: ${title}\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# ${id}\n\nBody.\n`;

function setup() {
  const dir = join(tmp, 'course');
  mkdirSync(join(dir, 'zh-CN'), { recursive: true });
  writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha'));
  writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '甲'));
  const then = new Date(Date.now() - 60_000);
  for (const f of [join(dir, '01-a.md'), join(dir, 'zh-CN', '01-a.md')]) utimesSync(f, then, then);
  const build = join(tmp, 'dist');
  mkdirSync(join(build, 'chunks'), { recursive: true });
  writeFileSync(join(build, 'lessons-worker.js'), '// build 1\n');
  const env = { SYNACK_CACHE: join(tmp, 'cache') };
  return { dir, worker: join(build, 'lessons-worker.js'), env };
}

describe('lessons remembered by the worker, read by the commands', () => {
  it('a remembered course is used as it was remembered, in its language, and only for its build and files', () => {
    const { dir, worker, env } = setup();
    expect(rememberedLessons(dir, 'en', env, worker)).toBeNull(); // nothing remembered yet
    const stamp = codeStamp(worker)!;
    const real = loadAllLessons(dir, { lang: 'en' });
    expect(real.lessons.map((l) => l.meta.title)).toEqual(['Alpha']);
    // What the worker would write, marked so a hit cannot be mistaken for a fresh parse.
    const marked = structuredClone(real);
    marked.lessons[0]!.meta.title = 'Remembered';
    expect(writeLessonsCache(lessonsCacheDir(env), lessonsCacheKey(dir, 'en', stamp), courseStat(dir, 'en').signature, { all: marked, runs: [] })).toBe(true);
    expect(rememberedLessons(dir, 'en', env, worker)?.lessons[0]?.meta.title).toBe('Remembered');
    expect(rememberedLessons(dir, 'en', env, worker)).toStrictEqual(marked);
    // Another language, no build file (running from the sources), another build: not this course.
    expect(rememberedLessons(dir, 'zh-CN', env, worker)).toBeNull();
    expect(rememberedLessons(dir, 'en', env, null)).toBeNull();
    writeFileSync(worker, '// build 2\n');
    expect(rememberedLessons(dir, 'en', env, worker)).toBeNull();
    writeFileSync(worker, '// build 1\n');
    expect(rememberedLessons(dir, 'en', env, worker)?.lessons[0]?.meta.title).toBe('Remembered');
    // A lesson edited since: parsed again.
    writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha 2'));
    expect(rememberedLessons(dir, 'en', env, worker)).toBeNull();
  });

  it('from the sources there is no built worker, so the commands parse as always', () => {
    expect(lessonsWorkerFile()).toBeNull();
  });
});
