/**
 * Issue 14: "Review" with nothing due starts new cards (up to the day's allowance); the interview
 * menu's review line now says what Enter will do, and the session then asks exactly that.
 */
import { describe, expect, it } from 'vitest';
import { initShell, shellUpdate, topOf, type ShellEnv, type ShellState } from '../../../src/ui/shell.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import type { AppContext } from '../../../src/ui/screen.js';
import { utcDay } from '../../../src/quiz/days.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { fixtureLessons, T0 } from '../helpers/fixtures.js';
import { reviewPlan, type QuizScreenState } from '../../../src/ui/screens/quiz.js';
import { MODES } from '../../../src/quiz/engine.js';
import { MENU } from '../../../src/quiz/strings.js';
import { recordAnswer } from '../../../src/quiz/srs.js';
import { withLang } from '../../../src/i18n/index.js';

const DAY = 86_400_000;

function env(): ShellEnv {
  return {
    registry: SCREENS,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({ width: 80, height: 21, ascii: false, color: false, lessons: fixtureLessons(), broken: [], progress: s.progress, now: T0, dayOf: utcDay }),
  };
}

/** Cards answered wrong two days ago (due now). */
function withDue(n: number, p = emptyProgress()): Progress {
  const ids = fixtureLessons().flatMap((l) => l.questions.map((q) => [q.id, q.topics] as const)).slice(0, n);
  for (const [id, topics] of ids) p = recordAnswer(p, { questionId: id, correct: false, rating: 1, ms: 3000, topics: [...topics], mode: 'drill' }, T0 - 2 * DAY, { fuzz: false });
  return p;
}

/** The menu's plan, then the session Enter starts on the review row. */
function planAndSession(progress: Progress) {
  const e = env();
  let s = initShell([{ screen: 'quiz', options: {} }], progress, null, e);
  const st = topOf(s)!.state as QuizScreenState;
  const plan = reviewPlan(e.ctx(s), st.menu);
  for (let i = 0; i < MODES.indexOf('review'); i++) s = shellUpdate(s, { type: 'key', key: 'down' }, e)[0];
  s = shellUpdate(s, { type: 'key', key: 'enter' }, e)[0];
  const engine = (topOf(s)!.state as QuizScreenState).engine;
  return { plan, engine };
}

describe('the review line of the interview menu', () => {
  it('nothing due: says how many new cards Enter starts, and the session asks exactly those', () => {
    const { plan, engine } = planAndSession(emptyProgress());
    expect(plan.due).toBe(0);
    expect(plan.fresh).toBeGreaterThan(0);
    expect(engine.options.mode).toBe('review');
    expect(engine.questions).toHaveLength(plan.fresh);
    expect(MENU.reviewPlan(0, 10)).toBe('nothing due; 10 new cards');
  });

  it('cards due: the due count, then the new ones the allowance and the count leave', () => {
    const p = withDue(3);
    const { plan, engine } = planAndSession(p);
    expect(plan.due).toBe(3);
    expect(engine.questions.length).toBe(plan.due + plan.fresh);
    expect(engine.questions.slice(0, 3).every((q) => p.cards[q.id] !== undefined)).toBe(true);
    expect(MENU.reviewPlan(3, 7)).toBe('3 due · then 7 new');
  });

  it('no new cards allowed today and nothing due: says so', () => {
    const p = emptyProgress();
    p.settings.newPerDay = 0;
    const { plan, engine } = planAndSession(p);
    expect(plan).toEqual({ due: 0, fresh: 0 });
    expect(engine.questions).toHaveLength(0);
    expect(MENU.reviewPlan(0, 0)).toBe('nothing due, no new cards left today');
    expect(withLang('zh-CN', () => MENU.reviewPlan(0, 20))).toBe('没有到期的卡片；20 张新卡片');
  });
});
