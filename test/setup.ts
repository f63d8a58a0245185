// Property tests explore new random inputs on developers' machines, but CI runs a fixed seed so a
// red run is reproducible (FC_SEED=N overrides both).
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261121 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

// Every test file starts in English (the pure suites share modules between files: a file that
// switches to zh-CN must not leak its language into the next one).
import { setLang } from '../src/i18n/index.js';
setLang('en');

// The Ink renders of a test let go of their frames once it is over (test/ui/helpers/render.tsx).
import { afterEach } from 'vitest';
afterEach(() => (globalThis as { __synackReleaseFrames?: () => void }).__synackReleaseFrames?.());

// SYNACK_TEST_CPU=FILE (set by `node scripts/test.mjs --cpu`): append each test file's CPU time to
// FILE, one JSON line: this process's user+sys seconds from before the file's imports to its end,
// and its children's (CLI runs, ptys). On a shared machine CPU time is the figure; wall time is not.
if (process.env.SYNACK_TEST_CPU && process.platform === 'linux') {
  const { readFileSync, appendFileSync } = await import('node:fs');
  const { afterAll, expect } = await import('vitest');
  const ticks = () => {
    const s = readFileSync('/proc/self/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // Fields 14-17 of proc(5) (utime, stime, cutime, cstime), in clock ticks of 10 ms.
    return { self: (Number(f[11]) + Number(f[12])) / 100, children: (Number(f[13]) + Number(f[14])) / 100 };
  };
  const start = ticks();
  const t0 = performance.now();
  afterAll(() => {
    const end = ticks();
    const file = expect.getState().testPath ?? '?';
    appendFileSync(process.env.SYNACK_TEST_CPU!, JSON.stringify({ file, self: end.self - start.self, children: end.children - start.children, process: end.self, wall: (performance.now() - t0) / 1000 }) + '\n');
  });
}
