/**
 * The built lessons worker (dist/lessons-worker.js) with a cache directory, as the app starts it:
 * the first start parses and remembers the lessons and their runs, the next one reads them back
 * (src/lessons/lessons-cache.ts) and the UI thread's decoding gives exactly what the parse gave, in
 * English and in Chinese. A course copied from the bundled lessons (two lessons with diagrams and
 * quizzes, one of them translated) keeps the test short.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Worker } from 'node:worker_threads';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, ensureBuilt } from '../reliability/helpers.js';
import type { LessonsJob, LessonsWorkerMessage } from '../../src/ui/lessons-worker.js';
import { codeStamp, courseStat, decodeLessons, decodeRuns, lessonsCacheKey, readLessonsCache } from '../../src/lessons/lessons-cache.js';
import { loadAllLessons, type AllLessons } from '../../src/lessons/load.js';

const tmp = mkdtempSync(join(tmpdir(), 'synack-worker-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

const LESSONS = ['07-tcp-header.md', '12-time-wait.md'];
const TRANSLATED = ['12-time-wait.md'];

let n = 0;
/** A copy of part of the bundled course; `aged` dates its files a minute back (as between two starts). */
function course(aged = true): string {
  const dir = join(tmp, `course-${++n}`);
  mkdirSync(join(dir, 'zh-CN'), { recursive: true });
  const all: string[] = [];
  for (const f of LESSONS) copyFileSync(join(ROOT, 'lessons', f), join(dir, f)), all.push(join(dir, f));
  for (const f of TRANSLATED) copyFileSync(join(ROOT, 'lessons', 'zh-CN', f), join(dir, 'zh-CN', f)), all.push(join(dir, 'zh-CN', f));
  if (aged) {
    const then = new Date(Date.now() - 60_000);
    for (const f of [...all, join(dir, 'zh-CN'), dir]) utimesSync(f, then, then);
  }
  return dir;
}

type Runs = { key: string; result: unknown }[];
interface Received {
  kinds: string[];
  all: AllLessons;
  runs: Runs;
}

/** Runs the worker once; decodes the cached variants as run.tsx does. */
async function start(job: LessonsJob): Promise<Received> {
  const worker = new Worker(join(CLI, '..', 'lessons-worker.js'), { workerData: job });
  const messages: LessonsWorkerMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: LessonsWorkerMessage) => messages.push(m));
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
  const r: Partial<Received> = { kinds: messages.map((m) => m.kind) };
  for (const m of messages) {
    if (m.kind === 'lessons') r.all = m.all;
    else if (m.kind === 'lessons-v8') r.all = decodeLessons<AllLessons>(m.bytes);
    else if (m.kind === 'runs') r.runs = m.runs as Runs;
    else r.runs = decodeRuns<Runs>(m.bytes);
  }
  return r as Received;
}
const bins = (cacheDir: string) => {
  try {
    return readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
};

/** What the worker remembered, read in this process. */
function remembered(dir: string, lang: 'en' | 'zh-CN', cacheDir: string) {
  const stamp = codeStamp(join(CLI, '..', 'lessons-worker.js'));
  expect(stamp).not.toBeNull();
  return readLessonsCache<AllLessons, Runs>(cacheDir, lessonsCacheKey(dir, lang, stamp!), courseStat(dir, lang).signature);
}

const tiny = () => {
  const dir = join(tmp, `tiny-${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, '01-a.md'), '---\nid: a\ntitle: A\norder: 1\nsummary: S\nobjectives: [o]\ntopics: [http]\nminutes: 5\n---\n# A\n');
  return dir;
};

describe('the lessons worker with a cache', () => {
  const dir = course();
  const cacheDir = join(tmp, 'cache');
  const first: Partial<Record<'en' | 'zh-CN', Received>> = {};

  it('parses and remembers on the first start, reads back exactly the same on the next (en and zh-CN)', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const miss = await start({ dir, lang, cacheDir });
      expect(miss.kinds).toEqual(['lessons', 'runs']);
      expect(miss.all).toEqual(loadAllLessons(dir, { lang }));
      expect(miss.all.lessons.map((l) => [l.lang, !!l.fallback])).toEqual(
        lang === 'en' ? [['en', false], ['en', false]] : [['en', true], ['zh-CN', false]],
      );
      expect(miss.runs.length).toBeGreaterThanOrEqual(3);
      const hit = await start({ dir, lang, cacheDir });
      expect(hit.kinds).toEqual(['lessons-v8', 'runs-v8']);
      expect(hit.all).toStrictEqual(miss.all);
      expect(hit.runs).toStrictEqual(miss.runs);
      first[lang] = miss;
    }
    expect(bins(cacheDir)).toHaveLength(2);
  }, 60_000);

  it('parses again over a corrupt file and remembers the lessons anew', async () => {
    const before = bins(cacheDir);
    for (const b of before) writeFileSync(join(cacheDir, b), 'SYNLSN02 garbage');
    const again = await start({ dir, lang: 'en', cacheDir });
    expect(again.kinds).toEqual(['lessons', 'runs']);
    expect(again.all).toStrictEqual(first.en!.all);
    expect(remembered(dir, 'en', cacheDir)!.all).toStrictEqual(first.en!.all);
  }, 60_000);

  it('parses again when a lesson changed, and remembers the new lessons', async () => {
    const file = join(dir, '07-tcp-header.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Changed title'));
    utimesSync(file, new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    expect(remembered(dir, 'en', cacheDir)).toBeNull();
    const after = await start({ dir, lang: 'en', cacheDir });
    expect(after.kinds).toEqual(['lessons', 'runs']);
    expect(after.all.lessons.map((l) => l.meta.title)).toContain('Changed title');
    expect(remembered(dir, 'en', cacheDir)!.all).toStrictEqual(after.all);
  }, 60_000);

  it('does not remember lessons written a moment ago, and works without a cache it cannot write', async () => {
    const fresh = tiny();
    // Written "a moment ago" whatever the load of this machine: dated a little ahead of the clock.
    const soon = new Date(Date.now() + 60_000);
    utimesSync(join(fresh, '01-a.md'), soon, soon);
    const own = join(tmp, 'cache-fresh');
    const r = await start({ dir: fresh, lang: 'en', cacheDir: own });
    expect(r.kinds).toEqual(['lessons', 'runs']);
    expect(r.all.lessons.map((l) => l.meta.id)).toEqual(['a']);
    expect(bins(own)).toEqual([]);

    const blocker = join(tmp, 'blocker');
    writeFileSync(blocker, '');
    const blocked = await start({ dir: fresh, lang: 'en', cacheDir: join(blocker, 'lessons') });
    expect(blocked.kinds).toEqual(['lessons', 'runs']);
    expect(blocked.all).toStrictEqual(r.all);
  }, 60_000);
});
