/**
 * `synack check [DIR] [--watch]`: validate a lessons directory. Prints `file:line:col: message` per
 * problem (stdout), then a one-line summary. Exit 1 if there is any error, else 0. With --watch it
 * checks again whenever a file in DIR changes, until Ctrl+C.
 */
import { statSync, watch } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { CliIO, Command } from './io.js';
import { readLessonFiles, readTranslationFiles, resolveLessonsDir } from '../lessons/load.js';
import { checkLessons, formatProblem, formatSummary, type CheckSummary } from '../lessons/validate.js';
import { checkTranslations } from '../lessons/parity.js';
import { LESSON_LANGS } from '../lessons/types.js';
import { sortProblems } from '../lessons/parse.js';
import { LESSON_MESSAGES as M } from '../lessons/strings.js';
import type { Problem } from '../lessons/types.js';
import { defineCommand } from './args.js';
import { CLI } from './strings.js';
import { UsageError } from './io.js';
import { arg, fsReason, writeLine } from './safe.js';

/** Paths under the working directory are printed relative to it. */
function shown(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** One check of dir: prints the problems and the summary; returns the exit code. */
export function checkOnce(dir: string, io: CliIO): number {
  const print = (p: Problem): void => {
    writeLine(io.stdout, formatProblem({ ...p, file: shown(p.file, io.cwd) }));
  };
  const read = readLessonFiles(dir);
  if (read.files.length === 0) {
    if (read.problems.length > 0) read.problems.forEach(print);
    else writeLine(io.stdout, M.noLessons(shown(dir, io.cwd)));
    return 1;
  }
  // A file that cannot be read (too big, not UTF-8, a FIFO...) is that file's error; the others are
  // still checked.
  const result = checkLessons(read.files.map((f) => ({ file: shown(f.file, io.cwd), text: f.text })));
  const unread = read.problems.map((p) => ({ ...p, file: shown(p.file, io.cwd) }));
  // Translations (DIR/zh-CN/*.md): each file as a lesson, plus parity with its English twin.
  const translated: Problem[] = [];
  const translations: NonNullable<CheckSummary['translations']> = [];
  let translatedFiles = 0;
  for (const lang of LESSON_LANGS) {
    if (lang === 'en') continue;
    const t = readTranslationFiles(dir, lang);
    if (t.files.length === 0 && t.problems.length === 0) continue;
    const tr = checkTranslations(
      result.lessons,
      t.files.map((f) => ({ file: shown(f.file, io.cwd), text: f.text })),
      lang,
    );
    translated.push(...t.problems.map((p) => ({ ...p, file: shown(p.file, io.cwd) })), ...tr.problems);
    translations.push({ lang, files: t.files.length });
    translatedFiles += t.files.length + t.problems.length;
  }
  sortProblems([...unread, ...result.problems, ...translated]).forEach(print);
  const count = (ps: Problem[], severity: Problem['severity']) => ps.filter((p) => p.severity === severity).length;
  const summary: CheckSummary = {
    ...result.summary,
    errors: result.summary.errors + count(unread, 'error') + count(translated, 'error'),
    warnings: result.summary.warnings + count(translated, 'warning'),
    ...(translations.length > 0 ? { translations } : {}),
  };
  writeLine(io.stdout, CLI.checkedFiles(read.files.length + unread.length + translatedFiles) + formatSummary(summary));
  return summary.errors > 0 ? 1 : 0;
}

/**
 * Checks dir, then again after every change of a file in it (changes within `debounceMs` are one
 * check), until `signal` aborts (the CLI never aborts it: Ctrl+C ends the process). Resolves with
 * the last check's exit code.
 */
export function watchDir(
  dir: string,
  io: CliIO,
  onChange: (file: string | null) => void,
  opts: { signal?: AbortSignal; debounceMs?: number } = {},
): Promise<void> {
  return new Promise((resolveDone) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last: string | null = null;
    const watchers: ReturnType<typeof watch>[] = [];
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      resolveDone();
    };
    const changed = (prefix: string) => (_event: string, name: string | Buffer | null) => {
      // Only lesson files (and a translation folder) count: an editor's swap, backup and temp files
      // (`.x.md.swp` written every few seconds, `x.md~`, `4913`) would check again while nothing
      // was saved. A save through a temp file ends in a rename to the `.md` name, which counts.
      if (name !== null && !relevant(String(name))) return;
      last = name === null ? null : prefix + String(name);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        onChange(last);
      }, opts.debounceMs ?? 100);
    };
    try {
      watchers.push(watch(dir, { persistent: true }, changed('')));
    } catch (e) {
      throw new UsageError(CLI.cannotRead(arg(shown(dir, io.cwd)), fsReason(e)), 1);
    }
    // The translations (DIR/zh-CN/*.md) are checked too, so a change there checks again as well.
    for (const lang of LESSON_LANGS) {
      if (lang === 'en') continue;
      try {
        if (statSync(join(dir, lang)).isDirectory()) watchers.push(watch(join(dir, lang), { persistent: true }, changed(`${lang}/`)));
      } catch {
        // no translation directory (or an unreadable one, which the check itself reports)
      }
    }
    for (const w of watchers) w.on('error', stop);
    if (opts.signal) {
      if (opts.signal.aborted) stop();
      else opts.signal.addEventListener('abort', stop, { once: true });
    }
  });
}

/** A name in the lessons directory whose change is a change of the lessons: `*.md`, or a translation folder. */
export function relevant(name: string): boolean {
  return name.endsWith('.md') || (LESSON_LANGS as readonly string[]).includes(name);
}

/** Whether `dir` is a directory that can be watched (else the first check has said what it is). */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `synack check --watch`: check, then check again on every change. A DIR that is missing or not a
 * directory is not watched: the first check's message says so, and the exit code is 1.
 */
export async function checkWatch(dir: string, io: CliIO, signal?: AbortSignal, debounceMs?: number): Promise<number> {
  let code = checkOnce(dir, io);
  if (!isDirectory(dir)) return code;
  writeLine(io.stderr, CLI.watching(shown(dir, io.cwd)));
  await watchDir(
    dir,
    io,
    (file) => {
      writeLine(io.stdout, CLI.watchChanged(file ?? shown(dir, io.cwd)));
      code = checkOnce(dir, io);
    },
    { signal, debounceMs },
  );
  return code;
}

export const checkCommand: Command = defineCommand('check', async ({ values, positionals }, io) => {
  const option = typeof values.lessons === 'string' ? values.lessons : undefined;
  if (option !== undefined && positionals.length > 0) throw new UsageError(CLI.conflict('DIR', '--lessons'), 2);
  const dir = resolveLessonsDir({ option: positionals[0] ?? option, env: io.env, cwd: io.cwd });
  if (values.watch) return checkWatch(dir, io);
  return checkOnce(dir, io);
});
