/**
 * Every lesson of a directory for the commands that need them all at once (`synack quiz`,
 * `synack stats`, the app's quiz opened from the command line): read from the lessons cache
 * (src/lessons/lessons-cache.ts) when the lessons worker has remembered this course in this language
 * for this build, else parsed as always. Read only: the worker alone writes the cache (it also has
 * the diagrams' model runs a cache file holds). The same lessons either way: a remembered course is
 * used only while every lesson file is unchanged (name, mode, size, mtime, inode) and the build is
 * the same; anything else, or no built worker file (running from the sources), parses.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n/index.js';
import type { AllLessons } from '../lessons/load.js';
import { codeStamp, courseStat, decodeLessons, lessonsCacheKey, readLessonsCacheBytes } from '../lessons/lessons-cache.js';
import { lessonsCacheDir } from './compile-cache.js';

/** The lessons worker's file: dist/lessons-worker.js, beside dist/cli.js (this code may sit in dist/chunks). */
export function lessonsWorkerFile(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of [join(here, 'lessons-worker.js'), join(here, '..', 'lessons-worker.js')]) if (existsSync(f)) return f;
  return null;
}

/** The course as the lessons worker remembered it, or null (not remembered, changed, unreadable). Never throws. */
export function rememberedLessons(dir: string, lang: Lang, env: Record<string, string | undefined>, workerFile: string | null = lessonsWorkerFile()): AllLessons | null {
  if (workerFile === null) return null;
  try {
    const stamp = codeStamp(workerFile);
    if (stamp === null) return null;
    const hit = readLessonsCacheBytes(lessonsCacheDir(env), lessonsCacheKey(dir, lang, stamp), courseStat(dir, lang).signature);
    return hit ? decodeLessons<AllLessons>(hit.lessons) : null;
  } catch {
    return null;
  }
}

/** loadAllLessons(dir, { lang }), from the cache when it can be. */
export async function loadAllLessonsRemembered(dir: string, lang: Lang, env: Record<string, string | undefined>): Promise<AllLessons> {
  const hit = rememberedLessons(dir, lang, env);
  if (hit) return hit;
  const { loadAllLessons } = await import('../lessons/load.js');
  return loadAllLessons(dir, { lang });
}
