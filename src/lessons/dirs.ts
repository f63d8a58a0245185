/**
 * Where the lessons are (part of the loader, src/lessons/load.ts, which re-exports both): a module
 * of its own so that the interactive app can find the lessons directory before its first frame
 * without loading the lesson parser (YAML, Markdown), which it needs only after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled lessons: next to the package root (dist/cli.js -> ../lessons; src/lessons/load.ts -> ../../lessons). */
export function bundledLessonsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
        if (name === 'synack') return join(dir, 'lessons');
      } catch {
        // not ours; keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return fileURLToPath(new URL('../lessons', import.meta.url));
}

/** --lessons DIR (relative to cwd) wins, then SYNACK_LESSONS, then the bundled lessons. */
export function resolveLessonsDir(opts: { option?: string; env?: Record<string, string | undefined>; cwd?: string } = {}): string {
  const cwd = opts.cwd ?? '.';
  if (opts.option) return resolve(cwd, opts.option);
  const env = opts.env?.SYNACK_LESSONS;
  if (env) return resolve(cwd, env);
  return bundledLessonsDir();
}
