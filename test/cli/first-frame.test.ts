/**
 * What the built app loads before the home screen's first frame (issue 15): the chunks that
 * dist/cli.js, the `synack` command's chunk and the app's run chunk import statically. The lesson
 * parser (YAML, Markdown) and zod's classic API load after the first frame, zod/mini validates the
 * progress file, and Yoga decodes its WebAssembly without fetch() (which would load Node's undici).
 * The time itself is measured by `npm run bench`, not here.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const built = existsSync(join(dist, 'cli.js'));

/** The chunk of dist/chunks whose text contains `marker` (exactly one). */
function chunkWith(marker: string): string {
  const hits = readdirSync(join(dist, 'chunks')).filter((f) => readFileSync(join(dist, 'chunks', f), 'utf8').includes(marker));
  expect(hits, marker).toHaveLength(1);
  return join(dist, 'chunks', hits[0]);
}

/** Every file reached from `starts` by static imports (`from"./x.js"`, `import"./x.js"`). */
function staticClosure(starts: string[]): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) visit(join(dirname(file), m[1]));
  };
  for (const s of starts) visit(s);
  return seen;
}

describe.runIf(built)('the chunks loaded before the first frame', () => {
  it('hold Ink, the home screen and zod/mini, but not the lesson parser, zod classic or fetch', () => {
    // Functions are found by their names: the bundle shortens identifiers but keeps every function's
    // own name as a string (esbuild's keepNames, scripts/build.mjs).
    const closure = staticClosure([join(dist, 'cli.js'), chunkWith('"plainWidth"'), chunkWith('"loadLessonsOffThread"')]);
    const text = [...closure.values()].join('\n');
    // What the first frame needs is there (so the scan itself works).
    expect(text).toContain('"ZodMiniString"');
    expect(text).toContain('"homeItems"');
    // What it does not need is not.
    expect(text).not.toContain('YAMLParseError'); // yaml
    expect(text).not.toContain('input parameter is undefined or null'); // marked
    expect(text).not.toContain('"ZodString"'); // zod's classic API
    expect(text).not.toMatch(/"function"\s*!==?\s*typeof fetch/); // Yoga's fetch() of its own WebAssembly
    // And the code lazily imported after it still exists.
    expect(chunkWith('YAMLParseError')).not.toBe('');
  });
});
