/**
 * Node >= 22.1 can keep compiled code on disk between runs (module.enableCompileCache): synack turns
 * it on, in the user's cache directory, before the lazily imported chunks load. Feature-detected:
 * Node 20 has no such function and runs as before. Never fails the command.
 */
import module from 'node:module';
import { join } from 'node:path';
import envPaths from 'env-paths';

/** synack's cache directory: SYNACK_CACHE, else the platform's (XDG_CACHE_HOME/synack, ...). */
export function cacheDir(env: Record<string, string | undefined>): string {
  return env.SYNACK_CACHE ? env.SYNACK_CACHE : envPaths('synack', { suffix: '' }).cache;
}

export function compileCacheDir(env: Record<string, string | undefined>): string {
  return join(cacheDir(env), 'compile-cache');
}

/** The lesson index remembered between runs (src/lessons/index-cache.ts). */
export function lessonIndexCacheFile(env: Record<string, string | undefined>): string {
  return join(cacheDir(env), 'lesson-index.json');
}

/** The full lessons and their model runs remembered between runs, one file per course (src/lessons/lessons-cache.ts). */
export function lessonsCacheDir(env: Record<string, string | undefined>): string {
  return join(cacheDir(env), 'lessons');
}

/** Returns whether the cache was turned on. */
export function enableCompileCache(env: Record<string, string | undefined>): boolean {
  const m = module as unknown as { enableCompileCache?: (dir?: string) => { status?: number } | undefined };
  if (typeof m.enableCompileCache !== 'function') return false;
  // Node's own switch: NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  if (env.NODE_DISABLE_COMPILE_CACHE) return false;
  try {
    m.enableCompileCache(compileCacheDir(env));
    return true;
  } catch {
    return false;
  }
}
