/**
 * The home screen's settings rows (issue 14): the daily new-card limit and the interview timer are
 * changed with -/+ (Enter: the next value) and saved with the progress; the review session and the
 * interview menu then use them.
 */
import { describe, expect, it } from 'vitest';
import { initShell, keymapOf, shellUpdate, topOf, type Effect, type ShellEnv, type ShellState } from '../../../src/ui/shell.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import type { AppContext } from '../../../src/ui/screen.js';
import { utcDay } from '../../../src/quiz/days.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { fixtureLessons, T0 } from '../helpers/fixtures.js';
import { NEW_PER_DAY_STEPS, stepSetting, type HomeState } from '../../../src/ui/screens/home.js';
import type { QuizScreenState } from '../../../src/ui/screens/quiz.js';
import { RS } from '../../../src/ui/strings.js';
import { withLang } from '../../../src/i18n/index.js';
import { progressSchema } from '../../../src/store/progress.js';

function env(): ShellEnv {
  return {
    registry: SCREENS,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({ width: 80, height: 21, ascii: false, color: false, lessons: fixtureLessons(), broken: [], progress: s.progress, now: T0, dayOf: utcDay }),
  };
}

function home(progress: Progress = emptyProgress()) {
  const e = env();
  let s = initShell([{ screen: 'home' }], progress, null, e);
  const saves: Progress[] = [];
  const press = (...keys: string[]) => {
    for (const k of keys) {
      const [n, eff] = shellUpdate(s, { type: 'key', key: k }, e);
      s = n;
      for (const x of eff as Effect[]) if (x.type === 'save') saves.push(x.progress);
    }
  };
  return { e, press, saves, get s() { return s; } };
}

describe('home settings', () => {
  it('-/+ change the daily new-card limit (bounded steps), saved with the progress; the row says the value', () => {
    const h = home();
    // The cursor to the new-card row (after the language row).
    for (let i = 0; i < 7; i++) h.press('down');
    expect(keymapOf(h.s, h.e.ctx(h.s)).map((a) => a.cmd.id)).toContain('home.setting');
    h.press('+');
    expect(h.s.progress.settings.newPerDay).toBe(30);
    expect(h.saves.at(-1)!.settings.newPerDay).toBe(30);
    h.press('-', '-', '-');
    expect(h.s.progress.settings.newPerDay).toBe(10);
    for (let i = 0; i < 10; i++) h.press('-');
    expect(h.s.progress.settings.newPerDay).toBe(0);
    for (let i = 0; i < 20; i++) h.press('=');
    expect(h.s.progress.settings.newPerDay).toBe(200);
    // Enter: the next value, wrapping to the first.
    h.press('enter');
    expect(h.s.progress.settings.newPerDay).toBe(0);
    // Still valid for the schema (0-1000) after any of these.
    expect(progressSchema.safeParse(h.saves.at(-1)).success).toBe(true);
    // The row on another row: -/+ is not offered and does nothing.
    h.press('up');
    expect(keymapOf(h.s, h.e.ctx(h.s)).map((a) => a.cmd.id)).not.toContain('home.setting');
    const before = h.s;
    h.press('+');
    expect(h.s.progress).toBe(before.progress);
  });

  it('-/+ change the interview timer (off .. 300 s); the interview menu starts with it', () => {
    const h = home();
    for (let i = 0; i < 8; i++) h.press('down');
    h.press('+');
    expect(h.s.progress.settings.mockTimeSec).toBe(120);
    for (let i = 0; i < 12; i++) h.press('-');
    expect(h.s.progress.settings.mockTimeSec).toBe(0);
    h.press('+');
    expect(h.s.progress.settings.mockTimeSec).toBe(15);
    // The interview menu opened now uses the saved timer for every mode.
    const e = env();
    const q = initShell([{ screen: 'quiz', options: {} }], h.s.progress, null, e);
    expect((topOf(q)!.state as QuizScreenState).menu.timeLimitSec).toBe(15);
  });

  it('a value from progress.json between the steps moves to the next step up or down', () => {
    expect(stepSetting(NEW_PER_DAY_STEPS, 25, 1, false)).toBe(30);
    expect(stepSetting(NEW_PER_DAY_STEPS, 25, -1, false)).toBe(20);
    expect(stepSetting(NEW_PER_DAY_STEPS, 1000, 1, false)).toBe(200);
    expect(stepSetting(NEW_PER_DAY_STEPS, 1000, -1, false)).toBe(200);
    expect(stepSetting(NEW_PER_DAY_STEPS, 1000, 1, true)).toBe(0);
    expect(stepSetting([null, 15, 30], 20, 1, false)).toBe(30);
    expect(stepSetting([null, 15, 30], null, -1, false)).toBe(null);
  });

  it('the review session introduces at most the new cards the setting allows', () => {
    const p = emptyProgress();
    p.settings.newPerDay = 5;
    const e = env();
    const q = initShell([{ screen: 'quiz', options: { mode: 'review', seed: 1 } }], p, null, e);
    expect((topOf(q)!.state as QuizScreenState).engine.questions).toHaveLength(5);
  });

  it('the rows read the catalogue (zh-CN)', () => {
    expect(withLang('zh-CN', () => RS.homeNewPerDay(20))).toContain('每天新卡片数：20');
    expect(withLang('zh-CN', () => RS.homeTimer(null))).toContain('关闭');
    expect(RS.homeNewPerDay(20)).toBe('New review cards a day: 20 (-/+ change)');
    expect(RS.homeTimer(90)).toBe('Interview timer: 90 s a question (-/+ change)');
  });
});
