import { describe, it, expect } from 'vitest';
import { quizReduce, initialQuizState, selectQuestions, sessionOptions, canUndo, type QuizAction, type QuizState, type Mode } from '../../src/quiz/engine.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer, reviewCard, newCardsLeft, previewIntervals, intervalParts, gradeIntervalLabels, NEW_CARDS_PER_DAY } from '../../src/quiz/srs.js';
import { withLang } from '../../src/i18n/index.js';
import { Q } from '../../src/quiz/strings.js';
import type { Question } from '../../src/quiz/types.js';
import { NUMERIC, RECALL, SINGLE, TF, TEXT } from './fixtures.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const srs = { fuzz: false };
const DAY = 86_400_000;

function start(bank: Question[], mode: Mode, progress: Progress = emptyProgress(), extra: { newCards?: number } = {}): QuizState {
  return quizReduce(initialQuizState(progress), { type: 'start', options: { seed: 1, mode, ...extra }, bank, progress, now: T0, srs });
}
const run = (s: QuizState, actions: QuizAction[]) => actions.reduce(quizReduce, s);
/** Progress where every question of `qs` is a card due now. */
function allDue(qs: Question[]): Progress {
  const p = emptyProgress();
  for (const q of qs) p.cards[q.id] = { ...reviewCard(undefined, 3, T0 - 10 * DAY, srs), due: new Date(T0 - 1000).toISOString() };
  return p;
}

describe('the engine never records input that is not an answer', () => {
  for (const text of ['', 'soon', '12 parsecs']) {
    it(`numeric '${text}' is refused, not counted, and a real answer then counts`, () => {
      const s0 = start([NUMERIC], 'drill');
      const s1 = quizReduce(s0, { type: 'answer', response: { type: 'numeric', text }, now: T0 + 1000 });
      expect(s1.phase).toBe('asking');
      expect(s1.results).toEqual([]);
      expect(s1.progress).toBe(s0.progress);
      expect(s1.refused).toMatch(/empty|not-a-number|unit/);
      const s2 = quizReduce(s1, { type: 'answer', response: { type: 'numeric', text: '1000' }, now: T0 + 2000 });
      expect(s2.results).toHaveLength(1);
      expect(s2.results[0]!.correct).toBe(true);
      expect(s2.refused).toBeNull();
      expect(s2.progress.history).toHaveLength(1);
    });
  }
  it('an empty text answer is refused', () => {
    const s = quizReduce(start([TEXT], 'drill'), { type: 'answer', response: { type: 'text', text: '  ' }, now: T0 + 1000 });
    expect(s.results).toEqual([]);
    expect(s.refused).toBe('empty');
  });
});

describe('review sessions', () => {
  it('a card graded Again comes back at the end of the same session, at most twice; the report counts its first answer', () => {
    const bank = [RECALL, SINGLE];
    let s = start(bank, 'review', allDue(bank));
    expect(s.questions.map((q) => q.id)).toHaveLength(2);
    const first = s.questions[0]!;
    expect(first.id).toBe(RECALL.id);
    const again: QuizAction[] = [{ type: 'reveal', now: T0 + 1000 }, { type: 'grade', grade: 'again', now: T0 + 2000 }, { type: 'next', now: T0 + 3000 }];
    s = run(s, again);
    expect(s.questions.map((q) => q.id)).toEqual([RECALL.id, SINGLE.id, RECALL.id]);
    s = run(s, [{ type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 4000 }, { type: 'next', now: T0 + 5000 }]);
    expect(s.index).toBe(2);
    s = run(s, again);
    s = run(s, again);
    // asked three times (once + MAX_AGAIN_REPEATS), then the session ends
    expect(s.questions.map((q) => q.id)).toEqual([RECALL.id, SINGLE.id, RECALL.id, RECALL.id]);
    expect(s.phase).toBe('done');
    expect(s.results).toHaveLength(4);
    expect(s.report!.total).toBe(2);
    expect(s.report!.correct).toBe(1);
    expect(s.report!.skipped).toBe(0);
    // every review went to the card (relearning steps)
    expect(s.progress.history.filter((h) => h.questionId === RECALL.id)).toHaveLength(3);
  });

  it('a card graded Good does not come back; drills never re-queue', () => {
    let s = start([RECALL], 'review', allDue([RECALL]));
    s = run(s, [{ type: 'reveal', now: T0 + 1000 }, { type: 'grade', grade: 'good', now: T0 + 2000 }]);
    expect(s.questions).toHaveLength(1);
    let d = start([RECALL], 'drill');
    d = run(d, [{ type: 'reveal', now: T0 + 1000 }, { type: 'grade', grade: 'again', now: T0 + 2000 }]);
    expect(d.questions).toHaveLength(1);
  });

  it('u undoes the last grade: back to the revealed card, progress as before; not after next, not in a drill', () => {
    const p = allDue([RECALL, TF]);
    const s0 = run(start([RECALL, TF], 'review', p), [{ type: 'reveal', now: T0 + 1000 }]);
    const graded = quizReduce(s0, { type: 'grade', grade: 'again', now: T0 + 2000 });
    expect(canUndo(graded)).toBe(true);
    const undone = quizReduce(graded, { type: 'undo' });
    expect(undone).toEqual({ ...s0, undo: null, refused: null });
    expect(undone.phase).toBe('revealed');
    expect(undone.progress).toBe(p);
    expect(undone.questions).toHaveLength(2);
    const regraded = quizReduce(undone, { type: 'grade', grade: 'easy', now: T0 + 3000 });
    expect(regraded.results.map((r) => r.rating)).toEqual([4]);
    const moved = quizReduce(regraded, { type: 'next', now: T0 + 4000 });
    expect(canUndo(moved)).toBe(false);
    expect(quizReduce(moved, { type: 'undo' })).toBe(moved);
    const drill = run(start([SINGLE], 'drill'), [{ type: 'answer', response: { type: 'single', choice: 0 }, now: T0 + 1000 }]);
    expect(canUndo(drill)).toBe(false);
  });

  it('new cards join the due ones up to the allowance; none by default', () => {
    const bank = [SINGLE, TF, TEXT, NUMERIC, RECALL];
    const p = allDue([SINGLE]);
    expect(selectQuestions(sessionOptions({ mode: 'review', seed: 1 }), bank, p, T0).map((q) => q.id)).toEqual([SINGLE.id]);
    const withNew = selectQuestions(sessionOptions({ mode: 'review', seed: 1, newCards: 2 }), bank, p, T0);
    expect(withNew).toHaveLength(3);
    expect(withNew[0]!.id).toBe(SINGLE.id);
    expect(withNew.slice(1).every((q) => p.cards[q.id] === undefined)).toBe(true);
    // deterministic
    expect(selectQuestions(sessionOptions({ mode: 'review', seed: 1, newCards: 2 }), bank, p, T0)).toEqual(withNew);
    // the count caps the session
    expect(selectQuestions(sessionOptions({ mode: 'review', seed: 1, newCards: 9, count: 2 }), bank, p, T0)).toHaveLength(2);
  });

  it('newCardsLeft: the day\'s allowance minus cards first answered in a review in the last 24 hours', () => {
    let p = emptyProgress();
    expect(newCardsLeft(p, T0)).toBe(NEW_CARDS_PER_DAY);
    const a = (id: string, at: number, mode: 'review' | 'drill') => (p = recordAnswer(p, { questionId: id, correct: true, rating: 3, ms: 1, topics: [], mode }, at, srs));
    a('x', T0 - 2 * DAY, 'drill');
    a('x', T0 - 1000, 'review'); // not new: first answered in a drill
    a('y', T0 - 1000, 'review');
    a('y', T0 - 500, 'review'); // the same card twice counts once
    a('z', T0 - DAY - 1, 'review'); // yesterday
    a('w', T0 - 1000, 'drill'); // drills do not use the allowance
    expect(newCardsLeft(p, T0, 5)).toBe(4);
    expect(newCardsLeft(p, T0, 0)).toBe(0);
  });
});

describe('the next interval on each grade button', () => {
  it('a new card: Again is minutes, Easy is days, and longer grades never come sooner', () => {
    const iv = previewIntervals(undefined, T0, srs);
    expect(iv[1]).toBeLessThan(iv[3]);
    expect(iv[1]).toBeLessThanOrEqual(iv[2]);
    expect(iv[3]).toBeLessThanOrEqual(iv[4]);
    expect(iv[4]).toBeGreaterThanOrEqual(DAY);
    // what the preview says is what grading does
    for (const r of [1, 2, 3, 4] as const) expect(Date.parse(reviewCard(undefined, r, T0, srs).due) - T0).toBe(iv[r]);
  });

  it('a mature card: every grade in days or more but Again', () => {
    let rec = reviewCard(undefined, 3, T0 - 40 * DAY, srs);
    rec = reviewCard(rec, 3, T0 - 30 * DAY, srs);
    rec = reviewCard(rec, 3, T0 - 5 * DAY, srs);
    const labels = gradeIntervalLabels(rec, T0, srs);
    expect(labels).toHaveLength(4);
    expect(labels[3]).toMatch(/^\d+(\.\d)?(d|mo|y)$/);
    expect(labels[0]).toMatch(/^<?\d+m$/);
  });

  it('intervalParts and the catalogue, in English and Chinese', () => {
    const cases: [number, string, string][] = [
      [20_000, '<1m', '<1分钟'],
      [10 * 60_000, '10m', '10分钟'],
      [5 * 3600_000, '5h', '5小时'],
      [4 * DAY, '4d', '4天'],
      [45 * DAY, '1.5mo', '1.5个月'],
      [730 * DAY, '2y', '2年'],
    ];
    for (const [ms, en, zh] of cases) {
      const p = intervalParts(ms);
      expect(withLang('en', () => Q.interval(p.n, p.unit, p.under))).toBe(en);
      expect(withLang('zh-CN', () => Q.interval(p.n, p.unit, p.under))).toBe(zh);
    }
    expect(withLang('en', () => Q.gradeWithIntervals(['<10m', '2d', '4d', '9d']))).toBe('How did you do?  1 Again <10m · 2 Hard 2d · 3 Good 4d · 4 Easy 9d');
    expect(withLang('zh-CN', () => Q.gradeWithIntervals(['<10分钟', '2天', '4天', '9天']))).toBe('答得怎么样？  1 重来 <10分钟 · 2 困难 2天 · 3 良好 4天 · 4 简单 9天');
  });
});
