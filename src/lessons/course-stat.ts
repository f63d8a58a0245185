/**
 * The state of a course's files on disk, for the caches that remember what was read from them
 * (index-cache.ts, lessons-cache.ts): the same signature means the same lessons. Part of the loader
 * (it reads the file system); light, so the index cache can use it before the first frame.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CourseStat {
  /** Name, mode, size, mtime and inode of every entry of the directory and of its translation. */
  signature: string;
  /** The newest modification time among them (ms since the epoch). */
  newestMs: number;
}

/** The state of a course's files on disk: the same signature means the same lessons. */
export function courseStat(dir: string, lang: string | undefined): CourseStat {
  const parts: string[] = [];
  let newestMs = 0;
  const list = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      parts.push(`${d}:${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return;
    }
    for (const n of names) {
      try {
        const s = statSync(join(d, n));
        parts.push(`${n}:${s.mode}:${s.size}:${s.mtimeMs}:${s.ino}`);
        newestMs = Math.max(newestMs, s.mtimeMs);
      } catch (e) {
        parts.push(`${n}:${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    }
  };
  list(dir);
  if (lang !== undefined && lang !== 'en') list(join(dir, lang));
  return { signature: parts.join('\n'), newestMs };
}
