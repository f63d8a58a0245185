import { utcDay } from '../../src/quiz/days.js';
import { describe, it, expect } from 'vitest';
import { createEmptyCard, State } from 'ts-fsrs';
import {
  cardToRecord,
  recordToCard,
  reviewCard,
  ratingFor,
  recordAnswer,
  dueIds,
  dueForecast,
  updateMistakes,
  mistakeIds,
  nextDue,
  HISTORY_LIMIT,
} from '../../src/quiz/srs.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MIN = 60000;
const DAY = 86400000;
const noFuzz = { fuzz: false };

describe('FSRS cards', () => {
  it('Good twice moves a new card from Learning to Review', () => {
    const c1 = reviewCard(undefined, 3, NOW, noFuzz);
    expect(c1.state).toBe(State.Learning);
    expect(c1.reps).toBe(1);
    const c2 = reviewCard(c1, 3, Date.parse(c1.due), noFuzz);
    expect(c2.state).toBe(State.Review);
    expect(c2.scheduled_days).toBeGreaterThanOrEqual(1);
    expect(Date.parse(c2.due)).toBeGreaterThan(Date.parse(c1.due) + DAY - MIN);
  });

  it('Again sends a Review card to Relearning and counts a lapse', () => {
    let c = reviewCard(undefined, 3, NOW, noFuzz);
    c = reviewCard(c, 3, Date.parse(c.due), noFuzz);
    expect(c.state).toBe(State.Review);
    const lapsed = reviewCard(c, 1, Date.parse(c.due), noFuzz);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.lapses).toBe(1);
    expect(Date.parse(lapsed.due) - Date.parse(c.due)).toBeLessThan(DAY);
  });

  it('is deterministic with a fixed clock', () => {
    expect(reviewCard(undefined, 4, NOW, noFuzz)).toEqual(reviewCard(undefined, 4, NOW, noFuzz));
  });

  it('survives a save/load round trip through CardRecord and JSON', () => {
    let c = reviewCard(undefined, 3, NOW, noFuzz);
    c = reviewCard(c, 3, Date.parse(c.due), noFuzz);
    const saved = JSON.parse(JSON.stringify({ cards: { q: c } })).cards.q;
    expect(saved).toEqual(c);
    expect(typeof saved.due).toBe('string');
    expect(saved.last_review).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A review after the round trip gives the same card as one without it.
    const t = Date.parse(c.due) + 3 * DAY;
    expect(reviewCard(saved, 2, t, noFuzz)).toEqual(reviewCard(c, 2, t, noFuzz));
    // ts-fsrs Card <-> CardRecord is lossless.
    const card = createEmptyCard(new Date(NOW));
    expect(recordToCard(cardToRecord(card))).toEqual(card);
  });
});

describe('ratingFor', () => {
  it.each([
    ['wrong', { type: 'single', correct: false, ms: 1000, hintsUsed: 0 }, 1],
    ['right after a hint', { type: 'single', correct: true, ms: 1000, hintsUsed: 1 }, 2],
    ['right but slow', { type: 'single', correct: true, ms: 60000, hintsUsed: 0 }, 2],
    ['right', { type: 'single', correct: true, ms: 20000, hintsUsed: 0 }, 3],
    ['right and fast', { type: 'single', correct: true, ms: 3000, hintsUsed: 0 }, 4],
    ['timed: fast is the first quarter', { type: 'numeric', correct: true, ms: 14000, hintsUsed: 0, timeLimitMs: 60000 }, 4],
    ['timed: slow is the last quarter', { type: 'numeric', correct: true, ms: 50000, hintsUsed: 0, timeLimitMs: 60000 }, 2],
    ['recall uses the self-grade', { type: 'recall', correct: true, ms: 1000, hintsUsed: 0, selfGrade: 'hard' }, 2],
    ['recall again', { type: 'recall', correct: false, ms: 1000, hintsUsed: 0, selfGrade: 'again' }, 1],
  ] as const)('%s', (_n, input, rating) => {
    expect(ratingFor(input)).toBe(rating);
  });
});

describe('progress updates', () => {
  it('mistakes shelf: wrong puts it on, two rights in a row take it off', () => {
    let m = updateMistakes({}, 'q', true);
    expect(m).toEqual({});
    m = updateMistakes(m, 'q', false);
    expect(m).toEqual({ q: 0 });
    m = updateMistakes(m, 'q', true);
    expect(m).toEqual({ q: 1 });
    m = updateMistakes(m, 'q', false);
    expect(m).toEqual({ q: 0 });
    m = updateMistakes(updateMistakes(m, 'q', true), 'q', true);
    expect(m).toEqual({});
  });

  it('recordAnswer reviews the card, logs the answer and is pure', () => {
    const p0 = emptyProgress();
    const p1 = recordAnswer(p0, { questionId: 'a/b', correct: false, rating: 1, ms: 1234.4, topics: ['handshake'], mode: 'drill' }, NOW, noFuzz);
    expect(p0.cards).toEqual({});
    expect(p1.history).toEqual([{ questionId: 'a/b', at: new Date(NOW).toISOString(), correct: false, rating: 1, ms: 1234, topics: ['handshake'], mode: 'drill' }]);
    expect(p1.cards['a/b'].state).toBe(State.Learning);
    expect(mistakeIds(p1)).toEqual(['a/b']);
    expect(dueIds(p1, NOW)).toEqual([]);
    expect(dueIds(p1, NOW + 10 * MIN)).toEqual(['a/b']);
    expect(nextDue(p1, NOW)).toBe(p1.cards['a/b'].due);
  });

  it('trims the history to the most recent entries', () => {
    let p: Progress = { ...emptyProgress(), history: Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ questionId: `old/${i}`, at: new Date(NOW).toISOString(), correct: true, rating: 3, ms: 1, topics: [], mode: 'drill' as const })) };
    p = recordAnswer(p, { questionId: 'new', correct: true, rating: 3, ms: 1, topics: [], mode: 'mock' }, NOW, noFuzz);
    expect(p.history).toHaveLength(HISTORY_LIMIT);
    expect(p.history[0].questionId).toBe('old/1');
    expect(p.history.at(-1)!.questionId).toBe('new');
  });

  it('forecasts due cards per day', () => {
    const p = emptyProgress();
    const mk = (due: number) => ({ ...reviewCard(undefined, 3, NOW, noFuzz), due: new Date(due).toISOString() });
    p.cards = { a: mk(NOW - DAY), b: mk(NOW + 1000), c: mk(NOW + 2 * DAY), d: mk(NOW + 30 * DAY) };
    expect(dueForecast(p, NOW, 7, utcDay)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(dueIds(p, NOW)).toEqual(['a']);
  });
});
