/**
 * The lesson index, remembered between runs (part of the loader: it reads and writes files).
 *
 * Building the index parses every lesson's YAML front matter: about 130 ms of CPU on a cold start
 * for the bundled course, before the first frame. The index only changes when a lesson file does, so
 * the result is kept in the user's cache directory, keyed by the lessons directory, the language and
 * synack's own code, and reused while every lesson file (and its translation) has the same name,
 * size, modification time and inode. A changed, added or removed file, another synack build, or a
 * cache that does not validate means the index is built again, as without a cache. A cache that
 * cannot be read or written is ignored: it never stops the app.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, constants } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// zod/mini (the same checks as zod's classic API in a tenth of the code): this file is read before
// the first frame. The loader (load.ts, with the YAML and Markdown parsers) is imported only when
// the index has to be built.
import { array, boolean, enum as oneOf, number, object, optional, string, type infer as Infer } from 'zod/mini';
import { TOPICS } from '../quiz/types.js';
import { VERSION } from '../version.js';
import { courseStat } from './course-stat.js';
import { LESSON_LANGS, type LessonLang } from './types.js';
import type { LessonIndex } from './load.js';

/** The cache file is read only up to this size (a bigger one is ignored and rewritten). */
export const INDEX_CACHE_MAX_BYTES = 2 * 1024 * 1024;
/** Courses (directory + language) remembered; the oldest is forgotten first. */
export const INDEX_CACHE_MAX_COURSES = 8;

const ProblemSchema = object({
  file: string(),
  line: number(),
  col: number(),
  message: string(),
  severity: oneOf(['error', 'warning']),
});
const IndexSchema = object({
  entries: array(
    object({
      meta: object({
        id: string(),
        title: string(),
        order: number(),
        summary: string(),
        objectives: array(string()),
        topics: array(oneOf(TOPICS)),
        minutes: number(),
        prerequisites: array(string()),
      }),
      file: string(),
      lang: optional(oneOf(LESSON_LANGS)),
      fallback: optional(boolean()),
    }),
  ),
  problems: array(ProblemSchema),
  broken: array(object({ file: string(), problem: ProblemSchema })),
});
const CacheSchema = object({
  courses: array(object({ key: string(), signature: string(), index: IndexSchema })),
});
type Cache = Infer<typeof CacheSchema>;

/** synack's own code: the version and the modification time of the directory this module is in
 *  (dist/chunks is rewritten by every build). */
function codeStamp(): string {
  let m = '';
  try {
    m = String(statSync(dirname(fileURLToPath(import.meta.url))).mtimeMs);
  } catch {
    /* no stamp: the version alone */
  }
  return `${VERSION}@${m}`;
}

/** Name, mode, size, mtime and inode of every entry of the lessons directory and of its translation. */
export function lessonIndexSignature(dir: string, lang: LessonLang | undefined): string {
  return courseStat(dir, lang).signature;
}

function readCache(file: string): Cache {
  let fd: number | null = null;
  try {
    // Regular files only, never blocking on a FIFO.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > INDEX_CACHE_MAX_BYTES) return { courses: [] };
    const parsed = CacheSchema.safeParse(JSON.parse(readFileSync(fd, 'utf8')));
    return parsed.success ? parsed.data : { courses: [] };
  } catch {
    return { courses: [] };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function writeCache(file: string, cache: Cache): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, file);
  } catch {
    /* a cache that cannot be written is only slower next time */
  }
}

/**
 * loadLessonIndex(dir, { lang }), remembered in `cacheFile` (see the module comment). The loader is
 * imported only on a miss.
 */
export async function cachedLessonIndex(dir: string, options: { lang?: LessonLang; cacheFile: string }): Promise<LessonIndex> {
  const key = `${codeStamp()}\n${resolve(dir)}\n${options.lang ?? ''}`;
  const signature = lessonIndexSignature(dir, options.lang);
  const cache = readCache(options.cacheFile);
  const hit = cache.courses.find((c) => c.key === key && c.signature === signature);
  if (hit) return hit.index as LessonIndex;
  const { loadLessonIndex } = await import('./load.js');
  const index = loadLessonIndex(dir, options.lang === undefined ? {} : { lang: options.lang });
  // The signature again: a file that changed while it was being read is not remembered.
  if (lessonIndexSignature(dir, options.lang) === signature) {
    const others = cache.courses.filter((c) => c.key !== key).slice(-(INDEX_CACHE_MAX_COURSES - 1));
    writeCache(options.cacheFile, { courses: [...others, { key, signature, index }] });
  }
  return index;
}
