/**
 * Key fuzz: random key presses (printable keys, Ctrl keys, arrows and other escape sequences,
 * bracketed and plain paste bursts) on every screen, with random resizes and clock advances. No
 * screen crashes ("Something went wrong" is the shell's error boundary), and no frame is wider
 * than the terminal or taller than rows-1 (unless the too-small message is showing).
 * Seeded (fast-check): 150 operations per screen in `npm test` (SYNACK_FUZZ_RUNS raises the runs).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tooWide } from '../ui/helpers/frame-width.js';
import { createElement } from 'react';
import { App, MIN_COLS, MIN_ROWS } from '../../src/ui/app.js';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { getScenario } from '../../src/tcp/index.js';
import { renderInk, FakeClock, KEYS } from '../ui/helpers/render.js';
import { bundledLessons, sampleProgress } from '../ui/helpers/fixtures.js';

type Op = { kind: 'key'; raw: string } | { kind: 'paste'; text: string } | { kind: 'resize'; columns: number; rows: number } | { kind: 'tick'; ms: number };

const named = Object.entries(KEYS)
  .filter(([k]) => k !== 'ctrl-c' && k !== 'escape' && k !== 'esc')
  .map(([, v]) => v);
const printable = 'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789 +-?/.,;:!@#$%^&*()[]{}<>=_~`\'"\\|';
const sequences = ['\x1b[1;5C', '\x1b[1;5D', '\x1bOA', '\x1bOB', '\x1b[2~', '\x1b[3~', '\x1b[15~', '\x1b[1;2A', '\x1b[Z', '\x1bb', '\x1bf', '\x1b[M !!', '\x1b[<0;10;10M', '\x1b]0;x\x07', '\x1b[?1049h'];
const ctrl = 'abdefgklnoprtuvwxyz'.split('').map((c) => String.fromCharCode(c.charCodeAt(0) - 96));

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...named).map((raw) => ({ kind: 'key' as const, raw })) },
  { weight: 8, arbitrary: fc.constantFrom(...printable.split('')).map((raw) => ({ kind: 'key' as const, raw })) },
  { weight: 2, arbitrary: fc.constantFrom(...sequences, ...ctrl).map((raw) => ({ kind: 'key' as const, raw })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 40 }), fc.boolean())
      .map(([t, bracketed]) => ({ kind: 'paste' as const, text: bracketed ? `\x1b[200~${t}\x1b[201~` : t + 'x' })),
  },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 6, max: 60 })).map(([columns, rows]) => ({ kind: 'resize' as const, columns, rows })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((ms) => ({ kind: 'tick' as const, ms })) },
);

const lessons = bundledLessons();
/** Runs per screen (1 in `npm test`; raise with SYNACK_FUZZ_RUNS=20 for a longer hunt). */
const RUNS = Number(process.env.SYNACK_FUZZ_RUNS ?? 1);
const SCREENS: [string, ScreenRequest | ScreenRequest[]][] = [
  ['home', { screen: 'home' }],
  ['lessons', { screen: 'lessons' }],
  ['lesson', [{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'three-way-handshake', position: 0 }]],
  ['player', { screen: 'player', name: 'syn-flood', source: getScenario('syn-flood')!.source }],
  ['playground', { screen: 'playground' }],
  ['quiz', { screen: 'quiz', options: { mode: 'drill', seed: 5, count: 4 } }],
  ['stats', { screen: 'stats' }],
  ['help', { screen: 'help' }],
];

function checkFrame(frame: string, size: { columns: number; rows: number }, where: string): void {
  expect(frame, where).not.toMatch(/Something went wrong/);
  if (size.columns < MIN_COLS || size.rows < MIN_ROWS) return;
  const lines = frame.split('\n');
  expect(lines.length, `${where}: ${lines.length} rows in a ${size.rows}-row terminal`).toBeLessThanOrEqual(size.rows - 1);
  expect(tooWide(lines, size.columns), where).toEqual([]);
}

describe('random keys on every screen', () => {
  it.each(SCREENS)('%s survives random keys, pastes, resizes and time', async (name, initial) => {
    const runs = fc.sample(fc.array(op, { minLength: 150, maxLength: 150 }), { numRuns: RUNS, seed: [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 17) });
    for (const [k, ops] of runs.entries()) {
      const clock = new FakeClock();
      const exits: number[] = [];
      const written: string[] = [];
      let size = { columns: 80, rows: 24 };
      const r = await renderInk(
        createElement(App, {
          initial,
          lessons,
          progress: sampleProgress(lessons),
          clock,
          onExit: (c: number) => exits.push(c),
          saveProgress: () => null,
          writeFile: (path: string) => void written.push(path),
        }),
        size,
      );
      checkFrame(r.frame(), size, `${name}#${k} start`);
      let done = 0;
      for (const [i, o] of ops.entries()) {
        if (exits.length) break;
        done++;
        if (o.kind === 'key') await r.press(o.raw);
        else if (o.kind === 'paste') await r.paste(o.text);
        else if (o.kind === 'tick') await r.advance(clock, o.ms);
        else {
          size = { columns: o.columns, rows: o.rows };
          await r.resize(o.columns, o.rows);
        }
        checkFrame(r.frame(), size, `${name}#${k} after op ${i} ${JSON.stringify(o)}`);
      }
      // Paste bursts replay as keys on screens without onPaste, so a pasted 'q' may quit: fine.
      expect(done > 20 || exits.length > 0).toBe(true);
      await r.unmount();
      expect(written.every((p) => typeof p === 'string')).toBe(true);
    }
  }, 30_000 * Math.max(1, RUNS / 2));
});
