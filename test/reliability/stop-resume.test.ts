/**
 * Issue 14, "resume": Ctrl+Z then fg, in a real pseudo-terminal on the built CLI.
 * - A timed mock interview shows the seconds it had left before the stop, not fewer by the time
 *   stopped (it used to record "Time's up" as a wrong answer when the stop outlasted the timer).
 * - Progress another synack saved while this one was stopped shows at once after fg.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptyTestDir } from './helpers.js';
import { emptyProgress } from '../../src/store/types.js';
import { serializeProgress } from '../../src/store/progress.js';
import { startPty, ENTER_ALT, LEAVE_ALT, type PtySession } from './pty.js';

const files = ptyTestDir();
const home = files.home;

async function stop(s: PtySession): Promise<number> {
  const entered = s.raw().split(ENTER_ALT).length;
  process.kill(s.pid, 'SIGTSTP');
  await s.waitFor((_x, raw) => raw.lastIndexOf(LEAVE_ALT) > raw.lastIndexOf(ENTER_ALT), 'the main screen back');
  const state = () => readFileSync(`/proc/${s.pid}/stat`, 'utf8').split(') ')[1]![0];
  for (let i = 0; i < 80 && state() !== 'T'; i++) await new Promise((r) => setTimeout(r, 25));
  expect(state()).toBe('T');
  return entered;
}

describe.concurrent('Ctrl+Z, then fg', () => {
  it('a timed mock interview keeps the seconds it had left', async () => {
    const s = startPty(['quiz', '--mode', 'mock', '--count', '2', '--time', '60', '--seed', '4'], { SYNACK_HOME: home() });
    const left = () => Number(/(\d+)s left/.exec(s.screen())?.[1] ?? NaN);
    await s.waitFor((x) => /\d+s left/.test(x), 'the countdown');
    const before = left();
    const entered = await stop(s);
    await new Promise((r) => setTimeout(r, 5000));
    process.kill(s.pid, 'SIGCONT');
    await s.waitFor((x, raw) => raw.split(ENTER_ALT).length > entered && /\d+s left/.test(x), 'the question repainted');
    await new Promise((r) => setTimeout(r, 300));
    // Up to a second counted as run before the stop, plus the time to stop and repaint.
    expect(left()).toBeGreaterThanOrEqual(before - 3);
    expect(s.screen()).not.toContain("Time's up");
    s.send('\u0003');
    expect((await s.exit).exitCode).toBe(0);
  }, 40_000);

  it('progress saved by another synack while stopped shows after fg', async () => {
    const h = home();
    const s = startPty([], { SYNACK_HOME: h });
    await s.waitFor((x) => x.includes('New review cards a day: 20'), 'the home screen');
    const entered = await stop(s);
    // Another synack (here: the file written as one would) changes a setting meanwhile.
    const p = emptyProgress();
    p.settings.newPerDay = 7;
    writeFileSync(join(h, 'progress.json'), serializeProgress(p));
    process.kill(s.pid, 'SIGCONT');
    await s.waitFor((x, raw) => raw.split(ENTER_ALT).length > entered && x.includes('New review cards a day: 7'), 'the setting read again');
    s.send('\u0003');
    expect((await s.exit).exitCode).toBe(0);
  }, 40_000);
});
