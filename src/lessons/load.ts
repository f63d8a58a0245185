/**
 * The ONE file of src/lessons that touches the file system. Everything else is pure.
 *
 *   resolveLessonsDir({ option, env, cwd })  -> the lessons directory (--lessons, SYNACK_LESSONS, bundled)
 *   loadLessonIndex(dir, { lang })          -> front matter of every lesson (no Markdown lexing)
 *   loadLesson(dir, id, { lang })            -> one lesson (ids are checked; nothing outside dir is read)
 *   loadAllLessons(dir, { lang })            -> every lesson in order + problems + the broken ones
 *   readLessonFiles(dir)                     -> { file, text }[] for checkLessons
 *   readTranslationFiles(dir, lang)          -> DIR/<lang>/*.md for checkTranslations
 *
 * Languages: the English lessons in dir define the course. With `lang: 'zh-CN'` each lesson is its
 * twin DIR/zh-CN/<same file name> when that exists, has the same id and no errors (`lang: 'zh-CN'`),
 * else the English lesson with `lang: 'en', fallback: true` (a broken twin's problems come back as
 * warnings). Parity of twins is `synack check`'s business (parity.ts), not the loader's.
 *
 * All apply the same rules: a *.md file whose real path (links followed) is outside the
 * directory's real path is never read and is reported at file:1:1; with a duplicate lesson id the
 * first file by name owns it and a later one is broken (the rule `synack check` applies).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Lesson, LessonLang, LessonMeta, Problem } from './types.js';
import { readMeta, type MetaPositions } from './frontmatter.js';
import { parseLesson, sortProblems, type ParseOptions } from './parse.js';
import { KEBAB } from './schema.js';
import type { LessonFile } from './validate.js';
import { LESSON_MESSAGES as M } from './strings.js';
import { errnoReason } from '../i18n/errno.js';
import { MAX_LESSON_BYTES, utf8Problem } from './limits.js';

export { bundledLessonsDir, resolveLessonsDir } from './dirs.js';

function problem(file: string, message: string, line = 0, col = 0): Problem {
  return { file, line, col, message, severity: 'error' };
}

/** A file-system error in plain words (the shared ERRNO table, in the current language). */
function errText(e: unknown): string {
  return errnoReason(e);
}

interface DirListing {
  /** The *.md files of dir that resolve inside it, sorted by name (full paths). */
  files: string[];
  /** Problems with the directory itself (then `files` is empty). */
  problems: Problem[];
  /** Files refused because they resolve (realpath) outside dir, each with its problem. */
  outside: { file: string; problem: Problem }[];
}

/**
 * The *.md files of dir, sorted by name (full paths). A file whose real path (symlinks followed)
 * is outside dir's real path is refused: it is listed in `outside`, never read. A file whose real
 * path cannot be resolved (a dangling link) stays in `files` so reading it reports why.
 * Throws nothing: problems instead.
 */
function lessonFiles(dir: string): DirListing {
  let names: string[];
  let realDir: string;
  try {
    if (!statSync(dir).isDirectory()) return { files: [], problems: [problem(dir, M.notADirectory(dir))], outside: [] };
    names = readdirSync(dir);
    realDir = realpathSync(dir);
  } catch (e) {
    return { files: [], problems: [problem(dir, M.cannotRead(errText(e)))], outside: [] };
  }
  const files: string[] = [];
  const outside: DirListing['outside'] = [];
  for (const n of names
    .filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.') && n.toLowerCase() !== 'readme.md')
    .sort()) {
    const file = join(dir, n);
    let real: string | null;
    try {
      real = realpathSync(file);
    } catch {
      real = null;
    }
    if (real !== null && !inside(realDir, real)) outside.push({ file, problem: problem(file, M.outsideLessonsDir, 1, 1) });
    else files.push(file);
  }
  return { files, problems: [], outside };
}

/**
 * Opens a lesson file for reading, refusing anything but a regular file (a FIFO would block the
 * open or the read forever; a device could be endless). O_NONBLOCK so even a FIFO that appears
 * between the check and the open cannot block.
 */
function openRegular(file: string): number {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new NotRegular();
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

class NotRegular extends Error {}

/** Reads a whole lesson file: a regular file, at most MAX_LESSON_BYTES, valid UTF-8. */
function readText(file: string): { text?: string; problem?: Problem } {
  let fd: number;
  try {
    fd = openRegular(file);
  } catch (e) {
    return { problem: e instanceof NotRegular ? problem(file, M.notRegularFile, 1, 1) : problem(file, M.cannotRead(errText(e))) };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_LESSON_BYTES) return { problem: problem(file, M.fileTooBig(size, MAX_LESSON_BYTES), 1, 1) };
    // Read at most one byte past the limit: the file may grow meanwhile.
    const buf = Buffer.alloc(Math.min(size, MAX_LESSON_BYTES) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, total);
      if (n <= 0) break;
      total += n;
      if (total === buf.length) break;
    }
    if (total > MAX_LESSON_BYTES) return { problem: problem(file, M.fileTooBig(total, MAX_LESSON_BYTES), 1, 1) };
    const bytes = buf.subarray(0, total);
    const bad = utf8Problem(bytes, file);
    if (bad) return { problem: bad };
    return { text: bytes.toString('utf8') };
  } catch (e) {
    return { problem: problem(file, M.cannotRead(errText(e))) };
  } finally {
    closeSync(fd);
  }
}

/** Reads the start of a file up to the end of its front matter (at most `limit` bytes). */
function readHead(file: string, limit = 64 * 1024): string {
  const fd = openRegular(file);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(4096);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, total);
      if (n <= 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      const text = Buffer.concat(chunks).toString('utf8');
      // Stop once the closing '---' line has been read (the first line is the opening one).
      if (/\n(?:---|\.\.\.)[ \t]*\r?\n/.test(text.slice(3)) || total >= limit) return text;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export interface LessonIndexEntry {
  meta: LessonMeta;
  file: string;
  /** As on Lesson: set when a language was asked for; `fallback` when the English one stands in. */
  lang?: LessonLang;
  fallback?: boolean;
}

/** Which language to load; without it, English as always (no `lang` field is set). */
export interface LangOption {
  lang?: LessonLang;
}

export type LoadOptions = ParseOptions & LangOption;

interface Translations {
  /** File name -> full path of the translated files that resolve inside the translation directory. */
  byName: Map<string, string>;
  /** Problems with the translation directory or its files (refused links). */
  problems: Problem[];
}

/**
 * The translated lesson files DIR/<lang>/*.md by file name. No such directory: none, no problem.
 * The directory itself must resolve inside dir (a link out of the course is refused).
 */
function translationFiles(dir: string, lang: LessonLang): Translations {
  const byName = new Map<string, string>();
  if (lang === 'en') return { byName, problems: [] };
  const tdir = join(dir, lang);
  try {
    statSync(tdir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { byName, problems: [] };
    return { byName, problems: [problem(tdir, M.cannotRead(errText(e)))] };
  }
  try {
    if (!statSync(tdir).isDirectory()) return { byName, problems: [problem(tdir, M.translationNotADirectory(tdir))] };
    if (!inside(realpathSync(dir), realpathSync(tdir))) return { byName, problems: [problem(tdir, M.outsideLessonsDir)] };
  } catch (e) {
    return { byName, problems: [problem(tdir, M.cannotRead(errText(e)))] };
  }
  const listing = lessonFiles(tdir);
  for (const f of listing.files) byName.set(basename(f), f);
  return { byName, problems: [...listing.problems, ...listing.outside.map((o) => o.problem)] };
}

const asWarnings = (ps: Problem[]): Problem[] => ps.map((p) => ({ ...p, severity: 'warning' }));

/** A twin's full parse: the lesson when it has no errors and the English id, else its problems as warnings. */
function loadTwin(twin: string, id: string, options: ParseOptions): { lesson?: Lesson; problems: Problem[] } {
  const r = readText(twin);
  if (r.problem) return { problems: asWarnings([r.problem]) };
  let parsed: ReturnType<typeof parseLesson>;
  try {
    parsed = parseLesson(r.text!, twin, options);
  } catch (e) {
    return { problems: asWarnings([problem(twin, M.cannotRead(errText(e)))]) };
  }
  const problems = [...parsed.problems];
  if (parsed.lesson && parsed.lesson.meta.id !== id) {
    const at = parsed.positions?.id ?? { line: 1, col: 1 };
    problems.push(problem(twin, M.parityField('id', `'${parsed.lesson.meta.id}'`, `'${id}'`), at.line, at.col));
  }
  if (parsed.lesson && !problems.some((p) => p.severity === 'error')) return { lesson: { ...parsed.lesson, lang: 'zh-CN' as LessonLang }, problems };
  return { problems: asWarnings(problems) };
}

export interface LessonIndex {
  /** Lessons with valid front matter, by order then file name. */
  entries: LessonIndexEntry[];
  /** Front-matter problems (a file listed here is not in `entries`). */
  problems: Problem[];
  /** Files whose front matter is broken, with their first problem. */
  broken: { file: string; problem: Problem }[];
}

/** Only the front matter of every lesson (what the first screen needs). */
export function loadLessonIndex(dir: string, options: LangOption = {}): LessonIndex {
  const { files, problems, outside } = lessonFiles(dir);
  const entries: LessonIndexEntry[] = [];
  const broken: LessonIndex['broken'] = [];
  for (const o of outside) {
    problems.push(o.problem);
    broken.push(o);
  }
  /** id -> the first file (by name) with valid front matter that uses it. */
  const byId = new Map<string, string>();
  for (const file of files) {
    let head: string;
    try {
      head = readHead(file);
    } catch (e) {
      const p = e instanceof NotRegular ? problem(file, M.notRegularFile, 1, 1) : problem(file, M.cannotRead(errText(e)));
      problems.push(p);
      broken.push({ file, problem: p });
      continue;
    }
    const m = readMeta(head, file);
    const dup = m.meta ? duplicateIdProblem(byId, m.meta.id, file, m.positions) : null;
    if (dup) {
      problems.push(dup);
      broken.push({ file, problem: dup });
    } else if (m.meta) entries.push({ meta: m.meta, file });
    else {
      problems.push(...m.problems);
      if (m.problems[0]) broken.push({ file, problem: m.problems[0] });
    }
  }
  entries.sort((a, b) => a.meta.order - b.meta.order || a.file.localeCompare(b.file));
  if (options.lang !== undefined) translateIndex(dir, options.lang, entries, problems);
  return { entries, problems: sortProblems(problems), broken: sortBroken(broken) };
}

/** Replaces each entry by its twin's front matter where the twin's front matter is valid with the same id. */
function translateIndex(dir: string, lang: LessonLang, entries: LessonIndexEntry[], problems: Problem[]): void {
  const t = translationFiles(dir, lang);
  problems.push(...asWarnings(t.problems));
  entries.forEach((e, i) => {
    const twin = lang === 'en' ? undefined : t.byName.get(basename(e.file));
    if (twin !== undefined) {
      let m: ReturnType<typeof readMeta> | null = null;
      try {
        m = readMeta(readHead(twin), twin);
      } catch (err) {
        problems.push(...asWarnings([problem(twin, err instanceof NotRegular ? M.notRegularFile : M.cannotRead(errText(err)), 1, 1)]));
      }
      if (m?.meta && m.meta.id === e.meta.id) {
        entries[i] = { meta: m.meta, file: twin, lang };
        return;
      }
      if (m?.meta) {
        const at = m.positions?.id ?? { line: 1, col: 1 };
        problems.push(...asWarnings([problem(twin, M.parityField('id', `'${m.meta.id}'`, `'${e.meta.id}'`), at.line, at.col)]));
      } else if (m) problems.push(...asWarnings(m.problems));
    }
    entries[i] = lang === 'en' ? { ...e, lang } : { ...e, lang: 'en', fallback: true };
  });
}

/** Broken files by file name (the order of the directory listing). */
function sortBroken<T extends { file: string }>(broken: T[]): T[] {
  return [...broken].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The same rule as `synack check`: the first file (by name) with valid front matter owns an id;
 * a later file with that id is an error at its `id:` field. Records the id when it is new.
 */
function duplicateIdProblem(byId: Map<string, string>, id: string, file: string, positions: MetaPositions | undefined): Problem | null {
  const other = byId.get(id);
  if (other === undefined) {
    byId.set(id, file);
    return null;
  }
  const at = positions?.id ?? { line: 1, col: 1 };
  return problem(file, M.duplicateLessonId(id, other), at.line, at.col);
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

export interface LoadedLesson {
  /** Present only when the lesson has no errors. */
  lesson?: Lesson;
  problems: Problem[];
}

/**
 * One lesson by id. The id must be kebab-case (so `../../etc/passwd` is refused before any file is
 * touched); the file is looked up among dir's *.md by its front matter and must resolve inside dir.
 */
export function loadLesson(dir: string, id: string, options: LoadOptions = {}): LoadedLesson {
  const { lang, ...parseOptions } = options;
  const r = loadEnglishLesson(dir, id, parseOptions);
  if (lang === undefined || !r.lesson) return r;
  if (lang === 'en') return { ...r, lesson: { ...r.lesson, lang } };
  const t = translationFiles(dir, lang);
  const twin = t.byName.get(basename(r.lesson.file));
  const tw = twin !== undefined ? loadTwin(twin, id, parseOptions) : { problems: [] };
  if (tw.lesson) return { lesson: { ...tw.lesson, lang }, problems: tw.problems };
  return { lesson: { ...r.lesson, lang: 'en', fallback: true }, problems: sortProblems([...r.problems, ...asWarnings(t.problems), ...tw.problems]) };
}

function loadEnglishLesson(dir: string, id: string, options: ParseOptions): LoadedLesson {
  if (typeof id !== 'string' || !KEBAB.test(id)) return { problems: [problem(dir, M.badLessonId(String(id)))] };
  const { files, problems, outside } = lessonFiles(dir);
  if (problems.length > 0) return { problems };
  // Cheap guess first (NN-id.md or id.md), then every file's front matter.
  const named = (f: string) => {
    const base = f.slice(f.lastIndexOf(sep) + 1);
    return base === `${id}.md` || new RegExp(`^\\d+-${id}\\.md$`).test(base);
  };
  const guess = files.filter(named);
  const ordered = [...guess, ...files.filter((f) => !guess.includes(f))];
  /** The first file by name, before `file`, whose front matter has this id (it owns the id). */
  const earlier = (file: string): string | null => {
    for (const f of files) {
      if (f >= file) break;
      try {
        if (readMeta(readHead(f), f).meta?.id === id) return f;
      } catch {
        // unreadable: not a lesson
      }
    }
    return null;
  };
  for (const match of ordered) {
    let head: string;
    try {
      head = readHead(match);
    } catch {
      continue;
    }
    if (readMeta(head, match).meta?.id !== id) continue;
    // The same rule as loadAllLessons and synack check: with a duplicate id, the first file wins.
    const file = earlier(match) ?? match;
    const r = readText(file);
    if (r.problem) return { problems: [r.problem] };
    const parsed = parseLesson(r.text!, file, options);
    const hasError = parsed.problems.some((p) => p.severity === 'error');
    return hasError || !parsed.lesson ? { problems: parsed.problems } : { lesson: parsed.lesson, problems: parsed.problems };
  }
  // Refused files are not read, so their id is unknown: a file named after the id is the one meant.
  const refused = outside.find((o) => named(o.file));
  if (refused) return { problems: [refused.problem] };
  return { problems: [problem(dir, M.lessonNotFound(id)), ...outside.map((o) => o.problem)] };
}

export interface AllLessons {
  /** Lessons without errors, by order then file name. */
  lessons: Lesson[];
  problems: Problem[];
  /** Lessons left out, each with its first error. */
  broken: { file: string; problem: Problem }[];
}

/** Every lesson of dir. A broken lesson is skipped (listed in `broken`); never throws. */
export function loadAllLessons(dir: string, options: LoadOptions = {}): AllLessons {
  const { lang, ...parseOptions } = options;
  const all = loadAllEnglish(dir, parseOptions);
  if (lang === undefined) return all;
  if (lang === 'en') return { ...all, lessons: all.lessons.map((l) => ({ ...l, lang })) };
  const t = translationFiles(dir, lang);
  const problems = [...all.problems, ...asWarnings(t.problems)];
  const lessons = all.lessons.map((l): Lesson => {
    const twin = t.byName.get(basename(l.file));
    if (twin === undefined) return { ...l, lang: 'en', fallback: true };
    const tw = loadTwin(twin, l.meta.id, parseOptions);
    problems.push(...tw.problems);
    return tw.lesson ? { ...tw.lesson, lang } : { ...l, lang: 'en', fallback: true };
  });
  return { lessons, problems: sortProblems(problems), broken: all.broken };
}

function loadAllEnglish(dir: string, options: ParseOptions): AllLessons {
  const { files, problems, outside } = lessonFiles(dir);
  const lessons: Lesson[] = [];
  const broken: AllLessons['broken'] = [];
  for (const o of outside) {
    problems.push(o.problem);
    broken.push(o);
  }
  /** id -> the first file (by name) with valid front matter that uses it. */
  const byId = new Map<string, string>();
  for (const file of files) {
    const r = readText(file);
    if (r.problem) {
      problems.push(r.problem);
      broken.push({ file, problem: r.problem });
      continue;
    }
    let parsed: ReturnType<typeof parseLesson>;
    try {
      parsed = parseLesson(r.text!, file, options);
    } catch (e) {
      // parseLesson does not throw on bad input; this is a last line of defence for the app.
      const p = problem(file, M.cannotRead(errText(e)));
      problems.push(p);
      broken.push({ file, problem: p });
      continue;
    }
    problems.push(...parsed.problems);
    const dup = parsed.lesson ? duplicateIdProblem(byId, parsed.lesson.meta.id, file, parsed.positions) : null;
    if (dup) problems.push(dup);
    const firstError = sortProblems([...parsed.problems, ...(dup ? [dup] : [])]).find((p) => p.severity === 'error');
    if (parsed.lesson && !firstError) lessons.push(parsed.lesson);
    else broken.push({ file, problem: firstError ?? parsed.problems[0] ?? problem(file, M.cannotRead('?')) });
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order || a.file.localeCompare(b.file));
  return { lessons, problems: sortProblems(problems), broken: sortBroken(broken) };
}

/** Read every lesson file of dir for checkLessons. */
export function readLessonFiles(dir: string): { files: LessonFile[]; problems: Problem[] } {
  const { files, problems, outside } = lessonFiles(dir);
  problems.push(...outside.map((o) => o.problem));
  const out: LessonFile[] = [];
  for (const file of files) {
    const r = readText(file);
    if (r.problem) problems.push(r.problem);
    else out.push({ file, text: r.text! });
  }
  return { files: out, problems };
}

/** Read every translated lesson file DIR/<lang>/*.md for checkTranslations (none when there is no such directory). */
export function readTranslationFiles(dir: string, lang: LessonLang): { files: LessonFile[]; problems: Problem[] } {
  const t = translationFiles(dir, lang);
  const out: LessonFile[] = [];
  const problems = [...t.problems];
  for (const file of [...t.byName.values()].sort()) {
    const r = readText(file);
    if (r.problem) problems.push(r.problem);
    else out.push({ file, text: r.text! });
  }
  return { files: out, problems };
}
