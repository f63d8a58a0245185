/**
 * The full lessons remembered between runs (src/lessons/lessons-cache.ts), in this process, on small
 * courses: what invalidates a file (a lesson changed, added, removed, its translation, another
 * build), what is ignored (corrupt, truncated, too big, foreign files, a FIFO), and that nothing
 * throws when the cache directory cannot be written. The built worker's use of it, with the real
 * lessons, is test/ui/lessons-worker-cache.test.ts.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, readFileSync, utimesSync, unlinkSync, readdirSync, truncateSync, statSync, openSync, closeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAllLessons, type AllLessons } from '../../src/lessons/load.js';
import {
  codeStamp,
  courseStat,
  decodeLessons,
  decodeRuns,
  lessonsCacheKey,
  LESSONS_CACHE_MAX_BYTES,
  RACY_MS,
  settled,
  LESSONS_CACHE_MAX_COURSES,
  readLessonsCache,
  readLessonsCacheBytes,
  writeLessonsCache,
} from '../../src/lessons/lessons-cache.js';

const tmp = mkdtempSync(join(tmpdir(), 'synack-lessons-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Runs = { key: string; result: unknown }[];

const lessonText = (id: string, order: number, title = 'T', body = 'Body.') =>
  `---\nid: ${id}\ntitle: ${title}\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# ${id}\n\n${body}\n`;

/** Files dated a minute ago, as a course is between two starts (a fresh file is not remembered). */
function age(...files: string[]) {
  const then = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(f, then, then);
}

let n = 0;
function course(): { dir: string; cacheDir: string } {
  const dir = join(tmp, `course-${++n}`);
  mkdirSync(join(dir, 'zh-CN'), { recursive: true });
  writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha'));
  writeFileSync(join(dir, '02-b.md'), lessonText('b', 2, 'Beta'));
  writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '甲'));
  age(join(dir, '01-a.md'), join(dir, '02-b.md'), join(dir, 'zh-CN', '01-a.md'), join(dir, 'zh-CN'), dir);
  return { dir, cacheDir: join(tmp, `cache-${n}`) };
}

const STAMP = 'test-build-1';
const RUNS: Runs = [{ key: 'k', result: { ok: true, trace: { scenario: 's', events: [1, 2, 3] } } }];

/** What the worker does on a miss: load, then remember under the course's current signature. */
function remember(dir: string, cacheDir: string, lang: 'en' | 'zh-CN' = 'en', stamp = STAMP): AllLessons {
  const all = loadAllLessons(dir, { lang });
  expect(writeLessonsCache(cacheDir, lessonsCacheKey(dir, lang, stamp), courseStat(dir, lang).signature, { all, runs: RUNS })).toBe(true);
  return all;
}
const recall = (dir: string, cacheDir: string, lang: 'en' | 'zh-CN' = 'en', stamp = STAMP) =>
  readLessonsCache<AllLessons, Runs>(cacheDir, lessonsCacheKey(dir, lang, stamp), courseStat(dir, lang).signature);
const files = (cacheDir: string) => readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));

describe('the lessons cache', () => {
  it('gives back exactly what was remembered, as the UI thread would receive it (structured clone)', () => {
    const { dir, cacheDir } = course();
    for (const lang of ['en', 'zh-CN'] as const) {
      const all = remember(dir, cacheDir, lang);
      const hit = recall(dir, cacheDir, lang);
      expect(hit).not.toBeNull();
      expect(hit!.all).toStrictEqual(structuredClone(all));
      expect(hit!.all).toEqual(all);
      expect(hit!.runs).toStrictEqual(RUNS);
    }
    expect(recall(dir, cacheDir, 'zh-CN')!.all.lessons.map((l) => l.meta.title)).toEqual(['甲', 'Beta']);
    expect(files(cacheDir)).toHaveLength(2);
  });

  it('misses once a lesson changes, is added or removed, or its translation changes', () => {
    const { dir, cacheDir } = course();
    remember(dir, cacheDir, 'en');
    remember(dir, cacheDir, 'zh-CN');
    expect(recall(dir, cacheDir, 'en')).not.toBeNull();
    // Same size, another modification time.
    writeFileSync(join(dir, '02-b.md'), lessonText('b', 2, 'Beto'));
    expect(recall(dir, cacheDir, 'en')).toBeNull();
    remember(dir, cacheDir, 'en');
    expect(recall(dir, cacheDir, 'en')!.all.lessons.map((l) => l.meta.title)).toEqual(['Alpha', 'Beto']);
    writeFileSync(join(dir, '03-c.md'), lessonText('c', 3, 'Gamma'));
    expect(recall(dir, cacheDir, 'en')).toBeNull();
    remember(dir, cacheDir, 'en');
    unlinkSync(join(dir, '01-a.md'));
    expect(recall(dir, cacheDir, 'en')).toBeNull();
    writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha'));
    // The translation: the English course does not depend on it, the Chinese one does.
    remember(dir, cacheDir, 'en');
    remember(dir, cacheDir, 'zh-CN');
    writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '乙'));
    expect(recall(dir, cacheDir, 'en')).not.toBeNull();
    expect(recall(dir, cacheDir, 'zh-CN')).toBeNull();
    remember(dir, cacheDir, 'zh-CN');
    expect(recall(dir, cacheDir, 'zh-CN')).not.toBeNull();
    writeFileSync(join(dir, 'zh-CN', '02-b.md'), lessonText('b', 2, '乙'));
    expect(recall(dir, cacheDir, 'zh-CN')).toBeNull();
  });

  it('misses for another build of synack, another language or another directory', () => {
    const { dir, cacheDir } = course();
    remember(dir, cacheDir, 'en', 'build-1');
    expect(recall(dir, cacheDir, 'en', 'build-1')).not.toBeNull();
    expect(recall(dir, cacheDir, 'en', 'build-2')).toBeNull();
    expect(recall(dir, cacheDir, 'zh-CN', 'build-1')).toBeNull();
    const other = course();
    expect(recall(other.dir, cacheDir, 'en', 'build-1')).toBeNull();
  });

  it('stamps a build by its entry file and the names of its chunks', () => {
    const dist = join(tmp, 'dist');
    mkdirSync(join(dist, 'chunks'), { recursive: true });
    const entry = join(dist, 'lessons-worker.js');
    writeFileSync(entry, 'import "./chunks/a-1.js";');
    writeFileSync(join(dist, 'chunks', 'a-1.js'), '1');
    const first = codeStamp(entry);
    expect(first).not.toBeNull();
    expect(codeStamp(entry)).toBe(first);
    writeFileSync(join(dist, 'chunks', 'b-2.js'), '2');
    const second = codeStamp(entry);
    expect(second).not.toBe(first);
    writeFileSync(entry, 'import "./chunks/a-2.js";');
    expect(codeStamp(entry)).not.toBe(second);
    // Not a build (no chunks beside the entry, or no entry): nothing is remembered.
    expect(codeStamp(join(tmp, 'nowhere', 'lessons-worker.js'))).toBeNull();
    const lone = join(tmp, 'lone.js');
    writeFileSync(lone, '');
    expect(codeStamp(lone)).toBeNull();
  });

  it('ignores a corrupt, truncated, too big or foreign file, a directory or a FIFO, and a rewrite replaces it', () => {
    const { dir, cacheDir } = course();
    const all = remember(dir, cacheDir);
    const [name] = files(cacheDir);
    const file = join(cacheDir, name!);
    const good = readFileSync(file);
    const restore = () => writeFileSync(file, good);
    const ignored = (what: string) => expect(recall(dir, cacheDir), what).toBeNull();

    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0x55;
    writeFileSync(file, flipped);
    ignored('a byte of the lessons changed');
    truncateSync(file, good.length - 1);
    ignored('truncated');
    truncateSync(file, 20);
    ignored('truncated in the header');
    writeFileSync(file, Buffer.concat([good, Buffer.from([0])]));
    ignored('a byte too many');
    writeFileSync(file, '{"not":"a cache"}');
    ignored('foreign');
    writeFileSync(file, '');
    ignored('empty');
    const badHeader = Buffer.from(good);
    badHeader.writeUInt32LE(0xffffffff, 8);
    writeFileSync(file, badHeader);
    ignored('a header length past the file');
    restore();
    truncateSync(file, LESSONS_CACHE_MAX_BYTES + 1);
    ignored('too big (sparse)');
    rmSync(file);
    mkdirSync(file);
    ignored('a directory');
    rmSync(file, { recursive: true });
    execFileSync('mkfifo', [file]);
    ignored('a FIFO (never blocks)');
    rmSync(file);
    // Another synack's file under this name (another key in its header): not this course.
    const other = course();
    remember(other.dir, other.cacheDir);
    writeFileSync(file, readFileSync(join(other.cacheDir, files(other.cacheDir)[0]!)));
    ignored('another course under this name');

    // Written again, it reads back.
    remember(dir, cacheDir);
    expect(recall(dir, cacheDir)!.all).toEqual(all);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('remembers a course only when no file of it changed just before it was read', () => {
    const { dir } = course();
    const stat = courseStat(dir, 'zh-CN');
    expect(settled(stat, Date.now())).toBe(true);
    expect(settled(stat, stat.newestMs + RACY_MS)).toBe(true);
    expect(settled(stat, stat.newestMs + RACY_MS - 1)).toBe(false);
    // A translation edited a moment ago counts as much as an English file.
    writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '丙'));
    expect(settled(courseStat(dir, 'zh-CN'), Date.now())).toBe(false);
    expect(settled(courseStat(dir, 'en'), Date.now())).toBe(true);
    // A file dated ahead of the clock is never settled.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(join(dir, '02-b.md'), ahead, ahead);
    expect(settled(courseStat(dir, 'en'), Date.now())).toBe(false);
  });

  it('decodes only sections of the right shape', () => {
    const { dir, cacheDir } = course();
    remember(dir, cacheDir);
    const bytes = readLessonsCacheBytes(cacheDir, lessonsCacheKey(dir, 'en', STAMP), courseStat(dir, 'en').signature)!;
    expect(decodeLessons<AllLessons>(bytes.lessons).lessons).toHaveLength(2);
    expect(decodeRuns<Runs>(bytes.runs)).toStrictEqual(RUNS);
    expect(() => decodeLessons(bytes.runs)).toThrow();
    expect(() => decodeRuns(bytes.lessons)).toThrow();
  });

  it('never throws when the cache directory cannot be written or read', () => {
    const { dir } = course();
    const blocker = join(tmp, `blocker-${n}`);
    writeFileSync(blocker, 'a file where the directory would be');
    const cacheDir = join(blocker, 'lessons');
    const all = loadAllLessons(dir, { lang: 'en' });
    expect(writeLessonsCache(cacheDir, lessonsCacheKey(dir, 'en', STAMP), courseStat(dir, 'en').signature, { all, runs: RUNS })).toBe(false);
    expect(recall(dir, cacheDir)).toBeNull();
    if (process.getuid?.() !== 0) {
      // A read-only directory (root writes anyway).
      const ro = join(tmp, `ro-${n}`);
      mkdirSync(ro, { mode: 0o500 });
      expect(writeLessonsCache(ro, lessonsCacheKey(dir, 'en', STAMP), courseStat(dir, 'en').signature, { all, runs: RUNS })).toBe(false);
    }
  });

  it('keeps a bounded number of courses, forgetting the least recently used, and stray temporary files', () => {
    const cacheDir = join(tmp, 'many');
    const courses = Array.from({ length: LESSONS_CACHE_MAX_COURSES + 2 }, () => course().dir);
    const stray = join(cacheDir, 'abc.bin.1-0-x.tmp');
    mkdirSync(cacheDir, { recursive: true });
    closeSync(openSync(stray, 'w'));
    age(stray);
    const base = Date.now() / 1000 - 100;
    courses.slice(0, LESSONS_CACHE_MAX_COURSES).forEach((d, i) => {
      const before = new Set(files(cacheDir));
      remember(d, cacheDir);
      const [added] = files(cacheDir).filter((f) => !before.has(f));
      // Used one second after the previous course.
      utimesSync(join(cacheDir, added!), base + i, base + i);
    });
    // The first course, used again, is now the most recent.
    expect(recall(courses[0]!, cacheDir)).not.toBeNull();
    remember(courses[LESSONS_CACHE_MAX_COURSES]!, cacheDir);
    remember(courses[LESSONS_CACHE_MAX_COURSES + 1]!, cacheDir);
    expect(files(cacheDir)).toHaveLength(LESSONS_CACHE_MAX_COURSES);
    expect(readdirSync(cacheDir)).not.toContain('abc.bin.1-0-x.tmp');
    expect(recall(courses[0]!, cacheDir)).not.toBeNull();
    expect(recall(courses[1]!, cacheDir)).toBeNull();
    expect(recall(courses[2]!, cacheDir)).toBeNull();
    for (const d of courses.slice(3)) expect(recall(d, cacheDir)).not.toBeNull();
  });
});
