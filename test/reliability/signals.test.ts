/**
 * Issue 16, item 7: every signal that ends synack saves the pending progress, leaves the alternate
 * screen and exits 128 + its number (SIGHUP 129, not 143); SIGTSTP gives the terminal back while
 * stopped and SIGCONT takes it again and repaints; TERM=dumb gets a clear message, not a broken
 * screen. In a real pseudo-terminal, on the built CLI.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { ptyTestDir } from './helpers.js';
import { startPty, terminalRestored, ENTER_ALT, LEAVE_ALT } from './pty.js';

const files = ptyTestDir();
const home = files.home;

const LESSON = 'three-way-handshake';

describe.concurrent.each(['SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGHUP', 'SIGTERM'] as const)('%s', (sig) => {
  it('saves the pending progress, restores the terminal, exits 128 + n', async () => {
    const h = home();
    const s = startPty(['learn', LESSON], { SYNACK_HOME: h });
    await s.waitFor((x) => x.includes('The three-way handshake'), 'the lesson');
    // Scroll: the position save is pending (debounced) when the signal arrives.
    s.send('jjjjj');
    await new Promise((r) => setTimeout(r, 80));
    process.kill(s.pid, sig);
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(128 + constants.signals[sig]);
    expect(terminalRestored(s.raw())).toBe(true);
    expect(existsSync(join(h, 'progress.json'))).toBe(true);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.last.lessonId).toBe(LESSON);
    expect(saved.lessons[LESSON].position).toBeGreaterThan(0);
  }, 30_000);
});

describe('SIGTSTP and SIGCONT', () => {
  it('gives the terminal back while stopped, then takes it again and repaints', async () => {
    const s = startPty([], { SYNACK_HOME: home() });
    await s.waitFor((x) => x.includes('? help'), 'the home screen');
    const entered = s.raw().split(ENTER_ALT).length;
    process.kill(s.pid, 'SIGTSTP');
    await s.waitFor((_x, raw) => raw.lastIndexOf(LEAVE_ALT) > raw.lastIndexOf(ENTER_ALT), 'the main screen back');
    // stopped: state T in /proc
    const state = () => readFileSync(`/proc/${s.pid}/stat`, 'utf8').split(') ')[1]![0];
    for (let i = 0; i < 40 && state() !== 'T'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(state()).toBe('T');
    process.kill(s.pid, 'SIGCONT');
    await s.waitFor((x, raw) => raw.split(ENTER_ALT).length > entered && x.includes('? help'), 'the home screen repainted');
    s.send('\u0003');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(terminalRestored(s.raw())).toBe(true);
  }, 30_000);
});

describe('TERM=dumb', () => {
  it('says why the app cannot open and what to use, exits 2, never enters the alternate screen', async () => {
    const s = startPty([], { SYNACK_HOME: home(), TERM: 'dumb' });
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(2);
    expect(s.raw()).toContain('TERM=dumb');
    expect(s.raw()).toContain('synack diagram NAME --plain');
    expect(s.raw()).not.toContain(ENTER_ALT);
  }, 30_000);
});

describe('profiling', () => {
  it('node --cpu-prof synack quits normally and writes its profile (SIGPROF is the profiler\'s, not a quit)', async () => {
    // synack used to catch SIGPROF as a fatal signal: at exit, with its handler removed, the
    // profiler's next tick killed it (signal 27) before the profile was written.
    const dir = join(files.dir(), 'cpu-prof');
    const s = startPty([], { SYNACK_HOME: home() }, 100, 30, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    await s.waitFor((x) => x.includes('Quit'), 'the home screen', 30_000);
    s.send('q');
    const { exitCode, signal } = await s.exit;
    expect([exitCode, signal ?? 0]).toEqual([0, 0]);
    expect(terminalRestored(s.raw())).toBe(true);
    expect(readdirSync(dir).some((f) => f.endsWith('.cpuprofile'))).toBe(true);
  }, 60_000);
});
