import { defineConfig } from 'vitest/config';

/**
 * Speed of `npm test` on a 2-core machine (it must stay under 2 minutes):
 * - vitest's default for `run` is one worker per core minus one, i.e. ONE worker on 2 cores while
 *   the main process mostly waits: use both cores.
 * - The pure suites (model, diagram, lessons, quiz, store, CLI) run without isolation: every test
 *   file of a worker reuses the modules already imported (zod, yaml, marked, the TCP model...)
 *   instead of importing them again; importing was about half of their CPU time. The suites that
 *   render Ink (ui, e2e, reliability) keep one fresh module graph per file: Ink and React keep
 *   state per process (an app from one file would catch the keys of the next; tried: 100 failures).
 * - Those isolated files each import Ink, React, yoga, marked, zod and yaml again: vitest's
 *   dependency optimizer pre-bundles them into one file each, so an import reads one module instead
 *   of hundreds (measured on 3 UI files: import 43-53 s -> 23-30 s, CPU -15%, under load).
 */
const CACHE = '.tmp/vite';
const PURE = ['tcp', 'diagram', 'lessons', 'quiz', 'store', 'cli', 'text'];
const shared = {
  environment: 'node' as const,
  setupFiles: ['test/setup.ts'],
  testTimeout: 30000,
  env: { FORCE_COLOR: '0', NO_COLOR: '1' },
  deps: {
    optimizer: {
      ssr: {
        enabled: true,
        include: ['ink', 'react', 'react-reconciler', 'scheduler', 'yoga-layout', 'marked', 'zod', 'yaml', 'string-width', 'ink-testing-library', 'wrap-ansi', 'ts-fsrs', 'fast-check'],
      },
    },
  },
};

export default defineConfig({
  // The optimizer's bundles live in this checkout, not in node_modules: worktrees that share one
  // node_modules (a symlink) would otherwise delete each other's bundles mid-run ("Cannot find
  // module .../deps_ssr/zod.js").
  cacheDir: CACHE,
  test: {
    maxWorkers: 2,
    projects: [
      {
        cacheDir: CACHE,
        test: {
          ...shared,
          name: 'pure',
          include: PURE.flatMap((d) => [`test/${d}/**/*.test.ts`, `test/${d}/**/*.test.tsx`]),
          isolate: false,
        },
      },
      {
        cacheDir: CACHE,
        test: {
          ...shared,
          name: 'app',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: PURE.map((d) => `test/${d}/**`),
        },
      },
    ],
  },
});
