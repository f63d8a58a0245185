/**
 * `synack learn ID --lessons DIR --watch` in the interactive app: the open lesson is loaded again
 * whenever a file of DIR (or of its translation folders) changes, with check --watch's watcher
 * (src/cli/check.ts watchDir: debounced, the translations watched too). Each reload ends in
 * `onReload` with the lesson, or with its first error at file:line:col; a reload never throws (a
 * lesson that cannot be read is that error, not a crash).
 */
import { watchDir } from './check.js';
import type { CliIO } from './io.js';
import { readFileSync } from 'node:fs';
import { loadLesson } from '../lessons/load.js';
import { checkLessons } from '../lessons/validate.js';
import { getLang, type Lang } from '../i18n/index.js';
import type { Lesson } from '../lessons/types.js';
import { CLI } from './strings.js';
import { fsReason } from './safe.js';
import { LESSON_MESSAGES } from '../lessons/strings.js';

/** A reload's outcome: the lesson, or the error to show in its place (file:line:col: message). */
export type LessonReload = { ok: true; lesson: Lesson } | { ok: false; id: string; file: string; message: string; line?: number; col?: number };

/**
 * Loads lesson `id` of `dir` in `lang` (default: the current language) as a LessonReload. When no
 * file holds the id any more (its front matter broke), `lastFile`, where the lesson was last read, is
 * checked on its own so its error is the one shown.
 */
export function reloadLesson(dir: string, id: string, lang: Lang = getLang(), lastFile?: string): LessonReload {
  try {
    const r = loadLesson(dir, id, { lang });
    if (r.lesson) return { ok: true, lesson: r.lesson };
    let p = r.problems.find((x) => x.severity === 'error') ?? r.problems[0];
    if (lastFile !== undefined) {
      let text: string;
      try {
        text = readFileSync(lastFile, 'utf8');
      } catch (e) {
        // The file is gone (deleted, or renamed and not back yet): say so in the checker's words.
        return { ok: false, id, file: lastFile, message: LESSON_MESSAGES.cannotRead(fsReason(e)) };
      }
      const own = checkLessons([{ file: lastFile, text }]).problems.find((x) => x.severity === 'error');
      if (own) p = own;
    }
    return p ? { ok: false, id, file: p.file, message: p.message, line: p.line, col: p.col } : { ok: false, id, file: dir, message: CLI.lessonNotFound(id, []) };
  } catch (e) {
    return { ok: false, id, file: lastFile ?? dir, message: LESSON_MESSAGES.cannotRead(fsReason(e)) };
  }
}

/**
 * Watches `dir` and reloads lesson `id` after each change (changes within `debounceMs` are one
 * reload) until `signal` aborts. The language is read at each reload (the home screen may change it).
 */
export function watchLesson(
  dir: string,
  id: string,
  io: CliIO,
  onReload: (r: LessonReload) => void,
  opts: { signal?: AbortSignal; debounceMs?: number } = {},
): Promise<void> {
  const first = reloadLesson(dir, id);
  let lastFile = first.ok ? first.lesson.file : undefined;
  return watchDir(
    dir,
    io,
    () => {
      const r = reloadLesson(dir, id, getLang(), lastFile);
      if (r.ok) lastFile = r.lesson.file;
      onReload(r);
    },
    opts,
  );
}
