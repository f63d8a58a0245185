import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Speed of `npm test` on a 2-core machine (it must stay under 2 minutes):
 * - vitest's default for `run` is one worker per core minus one, i.e. ONE worker on 2 cores while
 *   the main process mostly waits. Three workers on 2 cores: many files wait on child processes
 *   (synack in a pseudo-terminal, the CLI) rather than compute, so with two workers the suite used
 *   1.3 cores (fresh clone, quiet machine: vitest 172.7 s wall, 261 s CPU); with three, 116.6 s wall
 *   for 228 s CPU, the same tests passing.
 * - No isolation: every test file of a worker reuses the modules already imported (Ink, React,
 *   yoga, zod, yaml, marked, the TCP model...) instead of starting a fresh process and importing
 *   them again. Isolated, each of the ~70 files that render Ink or run the CLI paid ~0.3 s of CPU to
 *   start a worker and ~0.5-1 s to import; measured on the same loaded machine, those files took
 *   244 CPU s isolated and 162 CPU s shared (-33%), with the same tests passing.
 *   What makes sharing safe (keep it so): every test unmounts what it renders (renderInk's
 *   `unmount`), no test mocks modules or stubs globals, and state a module keeps for the process
 *   is reset where it is set: test/setup.ts puts every file back in English, the screen snapshot
 *   cases restore the quiz runner. A file that truly needs fresh modules goes to a second project
 *   here with `isolate: true` (none does today).
 * - vitest's dependency optimizer pre-bundles Ink, React, yoga, marked, zod and yaml into one file
 *   each, so a worker imports a few files instead of hundreds.
 */
const CACHE = '.tmp/vite';

/**
 * As in the bundle (scripts/build.mjs): Ink's own imports of `string-width` (ink/build, widest-line,
 * cli-truncate) go to src/text/string-width-fast.ts, string-width's exact answer without its emoji
 * regex per box-drawing character; Ink's frame grid (ink/build/output.js) and its `widest-line` go
 * to src/text/ink-output.ts and src/text/widest-line-fast.ts, the same frames with what a frame
 * shares with the one before remembered. The Ink suites then render what users run, and these were
 * the largest costs of an Ink frame in CPU profiles of player.test and screens.en.test.
 */
const INK_REDIRECTS: [string, RegExp, string][] = [
  ['string-width', /[\\/]node_modules[\\/](ink[\\/]build|widest-line|cli-truncate)[\\/]/, './src/text/string-width-fast.ts'],
  ['widest-line', /[\\/]node_modules[\\/]ink[\\/]build[\\/]/, './src/text/widest-line-fast.ts'],
  ['./output.js', /[\\/]node_modules[\\/]ink[\\/]build[\\/]/, './src/text/ink-output.ts'],
];
const fastStringWidth = {
  name: 'fast-string-width',
  resolveId(source: string, importer: string | undefined) {
    if (!importer) return null;
    for (const [name, from, to] of INK_REDIRECTS) if (source === name && from.test(importer)) return fileURLToPath(new URL(to, import.meta.url));
    return null;
  },
};
/**
 * The optimizer bundles those src/text files into its copy of Ink, and its cache is keyed by the
 * lockfile and this config, not by them: their contents name the cache directory, so an edit of
 * one of them re-bundles Ink instead of testing the old copy.
 */
const REDIRECTED_HASH = createHash('sha256')
  .update(INK_REDIRECTS.map(([, , to]) => readFileSync(new URL(to, import.meta.url))).join('\0'))
  .digest('hex')
  .slice(0, 12);

export default defineConfig({
  // The optimizer's bundles live in this checkout, not in node_modules: worktrees that share one
  // node_modules (a symlink) would otherwise delete each other's bundles mid-run ("Cannot find
  // module .../deps_ssr/zod.js").
  cacheDir: `${CACHE}/${REDIRECTED_HASH}`,
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    maxWorkers: 3,
    // Worker threads, not child processes: the same 184 files and 1,944 tests passed, in 98.6 s of
    // vitest against 110.3 s with forks back to back on a quiet machine (193 against 215 CPU s).
    // Nothing here needs a process of its own: no test changes directory or handles a signal in the
    // test process (those run synack as a child process). `npm test -- --cpu` uses forks, because
    // its per-file probe reads the whole process's CPU time (test/setup.ts).
    pool: 'threads',
    isolate: false,
    deps: {
      optimizer: {
        ssr: {
          enabled: true,
          rolldownOptions: { plugins: [fastStringWidth] },
          include: ['ink', 'react', 'react-reconciler', 'scheduler', 'yoga-layout', 'marked', 'zod', 'yaml', 'string-width', 'ink-testing-library', 'wrap-ansi', 'ts-fsrs', 'fast-check'],
        },
      },
    },
  },
});
