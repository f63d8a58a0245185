import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, rmSync, mkdirSync, readFileSync, utimesSync, unlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLessonIndex } from '../../src/lessons/load.js';
import { cachedLessonIndex } from '../../src/lessons/index-cache.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'synack-index-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lessonText = (id: string, order: number, title = 'T') =>
  `---\nid: ${id}\ntitle: ${title}\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# ${id}\n`;

let n = 0;
function course(): { dir: string; cacheFile: string } {
  const dir = join(tmp, `course-${++n}`);
  mkdirSync(join(dir, 'zh-CN'), { recursive: true });
  writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha'));
  writeFileSync(join(dir, '02-b.md'), lessonText('b', 2, 'Beta'));
  writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '甲'));
  return { dir, cacheFile: join(tmp, `cache-${n}`, 'lesson-index.json') };
}
/** Edits the remembered index in place (same key and signature): a later call that returns the edit
 *  was answered from the cache, not by parsing the files. */
function tamper(cacheFile: string, title: string) {
  const c = JSON.parse(readFileSync(cacheFile, 'utf8'));
  c.courses[0].index.entries[0].meta.title = title;
  writeFileSync(cacheFile, JSON.stringify(c));
}

describe('cachedLessonIndex', () => {
  it('gives what loadLessonIndex gives, then answers from the cache while no file changed', async () => {
    const { dir, cacheFile } = course();
    for (const lang of [undefined, 'en', 'zh-CN'] as const) {
      const opts = lang === undefined ? {} : { lang };
      expect(await cachedLessonIndex(dir, { ...opts, cacheFile })).toEqual(loadLessonIndex(dir, opts));
    }
    const { dir: d2, cacheFile: c2 } = course();
    await cachedLessonIndex(d2, { lang: 'en', cacheFile: c2 });
    tamper(c2, 'from the cache');
    expect((await cachedLessonIndex(d2, { lang: 'en', cacheFile: c2 })).entries[0].meta.title).toBe('from the cache');
  });

  it('builds the index again when a lesson changes, is added or removed, or its translation changes', async () => {
    const { dir, cacheFile } = course();
    const titles = async (lang: 'en' | 'zh-CN' = 'en') => (await cachedLessonIndex(dir, { lang, cacheFile })).entries.map((e) => e.meta.title);
    expect(await titles()).toEqual(['Alpha', 'Beta']);
    tamper(cacheFile, 'stale');
    writeFileSync(join(dir, '02-b.md'), lessonText('b', 2, 'Beta two'));
    utimesSync(join(dir, '02-b.md'), new Date(), new Date(Date.now() + 5000));
    expect(await titles()).toEqual(['Alpha', 'Beta two']);
    writeFileSync(join(dir, '03-c.md'), lessonText('c', 3, 'Gamma'));
    expect(await titles()).toEqual(['Alpha', 'Beta two', 'Gamma']);
    unlinkSync(join(dir, '01-a.md'));
    expect(await titles()).toEqual(['Beta two', 'Gamma']);
    writeFileSync(join(dir, '01-a.md'), lessonText('a', 1, 'Alpha'));
    expect(await titles('zh-CN')).toEqual(['甲', 'Beta two', 'Gamma']);
    writeFileSync(join(dir, 'zh-CN', '01-a.md'), lessonText('a', 1, '甲乙'));
    utimesSync(join(dir, 'zh-CN', '01-a.md'), new Date(), new Date(Date.now() + 9000));
    expect(await titles('zh-CN')).toEqual(['甲乙', 'Beta two', 'Gamma']);
  });

  it('keeps the problems of broken lessons as loadLessonIndex reports them', async () => {
    const dir = join(tmp, 'broken');
    cpSync(join(ROOT, 'test/fixtures/lessons-broken'), dir, { recursive: true });
    const cacheFile = join(tmp, 'broken-cache.json');
    const fresh = loadLessonIndex(dir, { lang: 'en' });
    expect(fresh.broken.length).toBeGreaterThan(0);
    expect(await cachedLessonIndex(dir, { lang: 'en', cacheFile })).toEqual(fresh);
    expect(await cachedLessonIndex(dir, { lang: 'en', cacheFile })).toEqual(fresh);
  });

  it('ignores a cache that is corrupt, not JSON of the right shape, a directory or a FIFO, and never fails', async () => {
    const { dir } = course();
    const expected = loadLessonIndex(dir, { lang: 'en' });
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    const files: string[] = [];
    for (const [name, content] of [['garbage', '{not json'], ['shape', '{"courses":[{"key":1}]}'], ['empty', '']] as const) {
      writeFileSync(join(bad, name), content);
      files.push(join(bad, name));
    }
    mkdirSync(join(bad, 'dir'));
    files.push(join(bad, 'dir'));
    execFileSync('mkfifo', [join(bad, 'fifo')]);
    files.push(join(bad, 'fifo'));
    files.push(join(bad, 'missing', 'deeper', 'x.json'));
    for (const cacheFile of files) expect(await cachedLessonIndex(dir, { lang: 'en', cacheFile }), cacheFile).toEqual(expected);
    // The corrupt ones were replaced by a good cache.
    expect(JSON.parse(readFileSync(join(bad, 'garbage'), 'utf8')).courses).toHaveLength(1);
  });

  it('remembers a bounded number of courses', async () => {
    const cacheFile = join(tmp, 'many.json');
    for (let i = 0; i < 12; i++) await cachedLessonIndex(course().dir, { lang: 'en', cacheFile });
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).courses).toHaveLength(8);
  });
});
