/**
 * Key fuzz: thousands of random keys (printable, arrows, escape sequences, Ctrl keys, paste bursts)
 * and random resizes on every screen. No exception, no screen error, and every frame fits the
 * terminal (no line wider than it, at most rows-1 lines).
 */
import { expect } from 'vitest';
import { tooWide } from './frame-width.js';
import { App } from '../../../src/ui/app.js';
import type { ScreenRequest } from '../../../src/ui/screen.js';
import { UI } from '../../../src/ui/strings.js';
import { renderInk, FakeClock, KEYS, type Rendered } from './render.js';
import { fixtureLessons, sampleProgress, T0 } from './fixtures.js';

/** xorshift32: deterministic, seeded. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const NAMED = Object.values(KEYS).filter((k) => k !== KEYS['ctrl-c']);
const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 +-=?/.,;:\'"[]{}!@#$%^&*()_<>|\\`~é中';
const ODD = ['\u001B[1;5A', '\u001B[3~', '\u001B[2~', '\u001BOP', '\u001B[15~', '\u001Bx', '\u001B\u001B[A', '\u001B[', '\u0000', '\u0001', '\u0004', '\u001A', '\n', '\u0008', '\u001B[200~x\u001B[201~', '\u001B[M !!', '\u001B]0;title\u0007'];

function randomKey(r: () => number): string {
  const p = r();
  if (p < 0.45) return NAMED[Math.floor(r() * NAMED.length)];
  if (p < 0.85) return [...PRINTABLE][Math.floor(r() * [...PRINTABLE].length)];
  if (p < 0.95) return ODD[Math.floor(r() * ODD.length)];
  // paste burst
  let s = '';
  const n = 2 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) s += [...PRINTABLE][Math.floor(r() * [...PRINTABLE].length)];
  return s;
}

function checkFrame(r: Rendered, cols: number, rows: number, where: string) {
  const frame = r.frame();
  const lines = frame.split('\n');
  expect(lines.length, `${where}: ${lines.length} lines at ${cols}x${rows}`).toBeLessThanOrEqual(Math.max(1, rows - 1));
  expect(tooWide(lines, cols), `${where}: lines too wide at ${cols}x${rows}`).toEqual([]);
  expect(frame, where).not.toContain(UI.screenError('').trim().replace(/:$/, ''));
}

/** Runs `keys` random keys/resizes/clock steps on a fresh app started at `start`. */
/**
 * Keys per screen in \`npm test\` (kept small so the suite stays fast; these are regression nets).
 * Hunt further with SYNACK_FUZZ_KEYS=3000.
 */
export const KEYS_PER_SCREEN = Number(process.env.SYNACK_FUZZ_KEYS ?? 150);

export async function fuzzScreen(i: number, start: ScreenRequest, keys = KEYS_PER_SCREEN): Promise<void> {
    const r0 = rng(0x5eed + i * 7919);
    const lessons = fixtureLessons();
    let cols = 80;
    let rows = 24;
    const clock = new FakeClock(T0);
    let exited = false;
    const mk = () => (
      <App
        initial={start}
        lessons={lessons}
        progress={sampleProgress(lessons)}
        clock={clock}
        ascii={i % 2 === 1}
        onExit={() => {
          exited = true;
        }}
        saveProgress={() => null}
      />
    );
    let r = await renderInk(mk(), { columns: cols, rows });
    for (let k = 0; k < keys; k++) {
      if (r0() < 0.03) {
        cols = 20 + Math.floor(r0() * 200);
        rows = 6 + Math.floor(r0() * 60);
        await r.resize(cols, rows);
      } else if (r0() < 0.02) {
        await r.advance(clock, Math.floor(r0() * 3000));
      } else {
        await r.press(randomKey(r0));
      }
      checkFrame(r, cols, rows, `${start.screen} key ${k}`);
      if (exited) {
        await r.unmount();
        exited = false;
        r = await renderInk(mk(), { columns: cols, rows });
      }
    }
    await r.unmount();
}
