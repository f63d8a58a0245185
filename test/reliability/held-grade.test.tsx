/**
 * Issue 16 (left from issue 14's reviews): a grade held back for undo (`u`) is never lost. Ctrl+C
 * right after grading saves it (the shell tells every screen it is quitting and applies the
 * progress they return), and so does a signal: run.tsx asks the App what quitting would still
 * save (`exitHook`) before its last flush. Checked in the App and in a real terminal with SIGTERM.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen } from '../../src/ui/screens/quiz.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { saveProgress } from '../../src/store/progress.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { ensureBuilt, tempDir } from './helpers.js';
import { startPty, terminalRestored } from './pty.js';

const DAY = 24 * 3_600_000;
const screens = { ...SCREENS, quiz: quizScreen };
const recall = BUILTIN_QUESTIONS.find((x) => x.type === 'recall')!;

/** One recall card due now (answered a month ago), no new cards: the review asks exactly it. */
function oneDueCard(now: number): Progress {
  const p = recordAnswer(emptyProgress(), { questionId: recall.id, correct: true, rating: 3, ms: 1, topics: [...recall.topics], mode: 'drill' }, now - 30 * DAY, { fuzz: false });
  p.settings.newPerDay = 0;
  return p;
}
const reviews = (p: Progress | undefined) => (p?.history ?? []).filter((h) => h.mode === 'review').length;

let tmp: { dir: string; cleanup(): void };
beforeAll(async () => {
  tmp = tempDir();
  await ensureBuilt();
}, 120_000);
afterAll(() => tmp.cleanup());

describe('a grade held back for undo', () => {
  it('is saved by Ctrl+C right after grading; exitHook says what a signal must save', async () => {
    const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
    const saves: Progress[] = [];
    const hook: { current: (() => Progress | null) | null } = { current: null };
    let code: number | null = null;
    const r = await renderInk(
      <App
        initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }}
        lessons={[]}
        progress={oneDueCard(T0)}
        clock={new FakeClock(T0)}
        screens={screens}
        saveProgress={(x) => void saves.push(x)}
        exitHook={hook}
        onExit={(c) => (code = c)}
      />,
      { columns: 100, rows: 40 },
    );
    expect(hook.current!()).toBeNull();
    await r.press('enter', '3');
    expect(r.lines().at(-1)).toMatch(/u undo/);
    expect(reviews(saves.at(-1))).toBe(0); // held back
    expect(reviews(hook.current!() ?? undefined)).toBe(1);
    await r.press('u');
    expect(hook.current!()).toBeNull(); // undone: nothing to save
    await r.press('3');
    await r.press('\u0003');
    expect(code).toBe(0);
    expect(reviews(saves.at(-1))).toBe(1);
    expect(saves.at(-1)!.history.filter((h) => h.mode === 'review')[0].questionId).toBe(recall.id);
    await r.unmount();
  });

  it('is saved when SIGTERM comes right after grading (a real terminal)', async () => {
    const home = join(tmp.dir, 'home');
    mkdirSync(home);
    const saved = saveProgress(home, oneDueCard(Date.now()));
    expect(saved.ok).toBe(true);
    const file = join(home, 'progress.json');
    const s = startPty(['quiz', '--mode', 'review', '--seed', '1'], { SYNACK_HOME: home }, 100, 30);
    try {
      await s.waitFor((x) => x.includes('Question 1/1'), 'the review question', 60_000);
      s.send('\r');
      await s.waitFor((x) => /How did you do\?/.test(x), 'the grade line');
      s.send('3');
      await s.waitFor((x) => /u undo/.test(x), 'the grade, held back for undo');
      // the debounced save has nothing of it yet
      await new Promise((r) => setTimeout(r, 600));
      expect(reviews(JSON.parse(readFileSync(file, 'utf8')) as Progress)).toBe(0);
      process.kill(s.pid, 'SIGTERM');
      expect((await s.exit).exitCode).toBe(143);
      expect(terminalRestored(s.raw())).toBe(true);
      const after = JSON.parse(readFileSync(file, 'utf8')) as Progress;
      expect(reviews(after)).toBe(1);
    } finally {
      s.kill('SIGKILL');
    }
  }, 90_000);
});
