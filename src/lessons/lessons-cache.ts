/**
 * The full lessons and their diagrams' model runs, remembered between runs (part of the loader: it
 * reads and writes files; only the lessons worker, src/ui/lessons-worker.ts, uses it).
 *
 * After the first frame the lessons worker parses every lesson (YAML, Markdown, zod: about 0.85 s of
 * CPU for the bundled course) and runs every diagram in the model (about 0.35 s). Neither changes
 * while the lesson files and synack's code do not, so the result is kept in the user's cache
 * directory, one file per course, the same way as the lesson index (index-cache.ts): keyed by the
 * lessons directory, the language, synack's code and the V8 version (the format of
 * v8.serialize), and reused while every lesson file (and its translation) keeps its name, mode,
 * size, modification time and inode.
 *
 * A file is a header (magic and format; as JSON the key, the signature, the sections' lengths and
 * their SHA-256) followed by two sections, v8.serialize(all) and v8.serialize(runs): the data the
 * worker posts to the UI thread, in the serializer postMessage itself uses (structured clone), so
 * a hit gives what a parse gives. On a hit the worker checks the file whole and hands the sections
 * to the UI thread as bytes (transferred, not copied), which deserializes them as it would a
 * message: the worker neither deserializes nor serializes 4 MB again. A file that is
 * truncated, corrupt, too big, of another format or another course is ignored (the lessons are
 * parsed as without a cache) and replaced. Writes go to a temporary file renamed over the old one,
 * so two synacks writing at once leave one whole file. A cache that cannot be read or written never
 * stops the app: it is only slower.
 *
 * A course with a file changed less than RACY_MS before it was read is not written (`settled`): a
 * file rewritten within the file system's timestamp granularity with the same size would keep its
 * signature (git's "racily clean" entries). The next start, a moment later, writes it.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { VERSION } from '../version.js';
import type { CourseStat } from './course-stat.js';
export { courseStat, type CourseStat } from './course-stat.js';

/** The largest cache file read or written (the bundled course in one language is about 4-5 MB). */
export const LESSONS_CACHE_MAX_BYTES = 32 * 1024 * 1024;
/** Courses (directory + language) remembered, one file each; the least recently used is removed first. */
export const LESSONS_CACHE_MAX_COURSES = 8;
/** A course with a file modified this recently (ms) before it was read is not written (see the module comment). */
export const RACY_MS = 2000;

/**
 * Whether a course read from `startedAt` on (ms since the epoch, taken before its signature) may be
 * remembered: no file of it was modified within RACY_MS before that (nor after: a clock that went
 * back, a file dated in the future). A same-size rewrite in the same timestamp tick as the read
 * would otherwise keep the signature of the content that was read.
 */
export function settled(stat: CourseStat, startedAt: number): boolean {
  return startedAt - stat.newestMs >= RACY_MS;
}

const MAGIC = Buffer.from('SYNLSN02', 'latin1');
/** The header's JSON (after the magic and its own length) is at most this long. */
const MAX_HEADER_JSON = 1024 * 1024;
const FILE = /^[0-9a-f]{20}\.bin$/;
const TEMP = /\.tmp$/;

/** What the lessons worker sends to the UI thread (kept generic: this module imports no loader). */
export interface CachedCourse<All, Runs> {
  all: All;
  runs: Runs;
}

/** The same, still serialized (v8.serialize): the worker hands these bytes to the UI thread as they are. */
export interface CachedCourseBytes {
  lessons: Uint8Array;
  runs: Uint8Array;
}

/**
 * synack's own code as built: the version, a hash of the entry file (dist/lessons-worker.js) and
 * the names of the chunks beside it (dist/chunks/*.js: esbuild names each by a hash of its content,
 * so any change of the code that parses lessons or runs the model renames a chunk). Null when the
 * build cannot be identified (then nothing is read or written).
 */
export function codeStamp(entryFile: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(entryFile, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    const buf = st.isFile() && st.size <= 4 * 1024 * 1024 ? readAll(fd, st.size) : null;
    if (!buf) return null;
    const chunks = readdirSync(join(dirname(entryFile), 'chunks')).sort();
    return [VERSION, createHash('sha256').update(buf).digest('hex'), ...chunks].join('\n');
  } catch {
    // Without a known build nothing is remembered.
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The identity of a course's cache file: format, synack's code, V8's version, directory, language. */
export function lessonsCacheKey(dir: string, lang: string | undefined, stamp: string): string {
  return JSON.stringify([MAGIC.toString('latin1'), stamp, process.versions.v8, resolve(dir), lang ?? '']);
}

function fileFor(cacheDir: string, key: string): string {
  return join(cacheDir, `${createHash('sha256').update(key).digest('hex').slice(0, 20)}.bin`);
}

function readAll(fd: number, size: number): Buffer | null {
  const buf = Buffer.allocUnsafe(size);
  let total = 0;
  while (total < size) {
    const n = readSync(fd, buf, total, size - total, total);
    if (n <= 0) return null;
    total += n;
  }
  return buf;
}

/** Header of a cache file (JSON after the magic and a 4-byte length; the sections follow it). */
interface Header {
  key: string;
  signature: string;
  /** Lengths of the two sections: v8.serialize(all), then v8.serialize(runs). */
  lessons: number;
  runs: number;
  /** SHA-256 of both sections (hex). */
  sha256: string;
}

/**
 * The remembered lessons and runs of this course, still serialized, or null (no file, another
 * course or build, a file that changed, a corrupt or truncated file). Checked whole (length and
 * checksum) but not deserialized: see decodeLessons / decodeRuns. Never throws.
 */
export function readLessonsCacheBytes(cacheDir: string, key: string, signature: string): CachedCourseBytes | null {
  const file = fileFor(cacheDir, key);
  let fd: number | null = null;
  try {
    // Regular files only, never blocking on a FIFO.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < MAGIC.length + 4 || st.size > LESSONS_CACHE_MAX_BYTES) return null;
    const buf = readAll(fd, st.size);
    if (!buf || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const jsonLength = buf.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4 + jsonLength;
    if (jsonLength > MAX_HEADER_JSON || start > buf.length) return null;
    const h = JSON.parse(buf.toString('utf8', MAGIC.length + 4, start)) as Partial<Header> | null;
    if (!h || h.key !== key || h.signature !== signature || typeof h.sha256 !== 'string') return null;
    if (!Number.isSafeInteger(h.lessons) || !Number.isSafeInteger(h.runs) || h.lessons! < 0 || h.runs! < 0) return null;
    if (start + h.lessons! + h.runs! !== buf.length) return null;
    const body = buf.subarray(start);
    if (createHash('sha256').update(body).digest('hex') !== h.sha256) return null;
    try {
      // Used now: the least recently used course is the one forgotten first.
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      /* read-only cache: still a hit */
    }
    return { lessons: body.subarray(0, h.lessons), runs: body.subarray(h.lessons) };
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Thrown by decodeLessons / decodeRuns on bytes of another shape (never shown: the lessons are parsed instead). */
export class NotASection extends Error {}

/** The lessons of a cache file's first section. Throws on bytes that are not such a value. */
export function decodeLessons<All>(bytes: Uint8Array): All {
  const all = deserialize(bytes) as { lessons?: unknown; problems?: unknown; broken?: unknown } | null;
  if (!all || !Array.isArray(all.lessons) || !Array.isArray(all.problems) || !Array.isArray(all.broken)) throw new NotASection();
  return all as All;
}

/** The model runs of a cache file's second section. Throws on bytes that are not such a value. */
export function decodeRuns<Runs>(bytes: Uint8Array): Runs {
  const runs = deserialize(bytes) as unknown;
  if (!Array.isArray(runs)) throw new NotASection();
  return runs as Runs;
}

/** readLessonsCacheBytes, decoded. Never throws. */
export function readLessonsCache<All, Runs>(cacheDir: string, key: string, signature: string): CachedCourse<All, Runs> | null {
  const bytes = readLessonsCacheBytes(cacheDir, key, signature);
  if (!bytes) return null;
  try {
    return { all: decodeLessons<All>(bytes.lessons), runs: decodeRuns<Runs>(bytes.runs) };
  } catch {
    return null;
  }
}

/**
 * Remembers a course's lessons and runs (atomically: a temporary file renamed into place), then
 * forgets the least recently used courses past LESSONS_CACHE_MAX_COURSES. Returns whether the file
 * was written. Never throws.
 */
export function writeLessonsCache<All, Runs>(cacheDir: string, key: string, signature: string, course: CachedCourse<All, Runs>): boolean {
  const file = fileFor(cacheDir, key);
  const tmp = `${file}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | null = null;
  try {
    const lessons = serialize(course.all);
    const runs = serialize(course.runs);
    const sha256 = createHash('sha256').update(lessons).update(runs).digest('hex');
    const json = Buffer.from(JSON.stringify({ key, signature, lessons: lessons.length, runs: runs.length, sha256 } satisfies Header), 'utf8');
    if (json.length > MAX_HEADER_JSON || MAGIC.length + 4 + json.length + lessons.length + runs.length > LESSONS_CACHE_MAX_BYTES) return false;
    const head = Buffer.alloc(MAGIC.length + 4);
    MAGIC.copy(head, 0);
    head.writeUInt32LE(json.length, MAGIC.length);
    mkdirSync(cacheDir, { recursive: true });
    fd = openSync(tmp, 'wx', 0o600);
    for (const part of [head, json, lessons, runs]) {
      let off = 0;
      while (off < part.length) off += writeSync(fd, part, off, part.length - off);
    }
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
  } catch {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return false;
  }
  prune(cacheDir, file);
  return true;
}

/** Keeps the LESSONS_CACHE_MAX_COURSES most recently used files (`keep` among them) and removes
 *  temporary files left by a synack that ended mid-write more than a minute ago. */
function prune(cacheDir: string, keep: string): void {
  try {
    const now = Date.now();
    const files: { path: string; used: number }[] = [];
    for (const n of readdirSync(cacheDir)) {
      const path = join(cacheDir, n);
      try {
        if (FILE.test(n)) files.push({ path, used: path === keep ? Infinity : statSync(path).mtimeMs });
        else if (TEMP.test(n) && now - statSync(path).mtimeMs > 60_000) unlinkSync(path);
      } catch {
        /* removed meanwhile by another synack */
      }
    }
    files.sort((a, b) => b.used - a.used);
    for (const f of files.slice(LESSONS_CACHE_MAX_COURSES)) {
      try {
        unlinkSync(f.path);
      } catch {
        /* removed meanwhile */
      }
    }
  } catch {
    /* an unreadable cache directory: nothing to prune */
  }
}
