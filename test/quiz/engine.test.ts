import { describe, it, expect } from 'vitest';
import { quizReduce, initialQuizState, selectQuestions, sessionOptions, secondsLeft, type QuizAction, type QuizState, type Mode } from '../../src/quiz/engine.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer, reviewCard } from '../../src/quiz/srs.js';
import { TOPICS, type Question, type Topic } from '../../src/quiz/types.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { TOPIC_LESSON } from '../../src/quiz/topics.js';
import { ALL_TYPES, SINGLE, NUMERIC, RECALL, TF, TEXT } from './fixtures.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const srs = { fuzz: false };

function start(bank: Question[], opts: { mode: Mode; count?: number; timeLimitSec?: number | null; topics?: Topic[]; seed?: number }, progress: Progress = emptyProgress()): QuizState {
  return quizReduce(initialQuizState(progress), { type: 'start', options: { seed: 1, ...opts }, bank, progress, now: T0, srs });
}
function run(s: QuizState, actions: QuizAction[]): QuizState {
  return actions.reduce(quizReduce, s);
}

describe('quiz reducer', () => {
  it('starts asking the first question with a timer when timed', () => {
    const s = start([SINGLE], { mode: 'mock', timeLimitSec: 30 });
    expect(s.phase).toBe('asking');
    expect(s.deadline).toBe(T0 + 30000);
    expect(secondsLeft(s, T0 + 10500)).toBe(20);
    expect(start([SINGLE], { mode: 'drill' }).deadline).toBeNull();
  });

  type Row = { name: string; q: Question; mode: Mode; time?: number; actions: QuizAction[]; correct: boolean; hints: number; rating: number; timedOut: boolean; ms: number };
  const rows: Row[] = [
    { name: 'single right, fast', q: SINGLE, mode: 'drill', actions: [{ type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 2000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 2000 },
    { name: 'single right, normal pace', q: SINGLE, mode: 'drill', actions: [{ type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 20000 }], correct: true, hints: 0, rating: 3, timedOut: false, ms: 20000 },
    { name: 'single wrong', q: SINGLE, mode: 'drill', actions: [{ type: 'answer', response: { type: 'single', choice: 2 }, now: T0 + 2000 }], correct: false, hints: 0, rating: 1, timedOut: false, ms: 2000 },
    { name: 'right after a hint is Hard', q: SINGLE, mode: 'drill', actions: [{ type: 'hint' }, { type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 2000 }], correct: true, hints: 1, rating: 2, timedOut: false, ms: 2000 },
    { name: 'hints stop at the last one', q: SINGLE, mode: 'drill', actions: [{ type: 'hint' }, { type: 'hint' }, { type: 'hint' }, { type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 2000 }], correct: true, hints: 2, rating: 2, timedOut: false, ms: 2000 },
    { name: 'no hints in a mock interview', q: SINGLE, mode: 'mock', time: 60, actions: [{ type: 'hint' }, { type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 2000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 2000 },
    { name: 'timeout before answering', q: NUMERIC, mode: 'mock', time: 30, actions: [{ type: 'timeout', now: T0 + 29999 }, { type: 'timeout', now: T0 + 30000 }], correct: false, hints: 0, rating: 1, timedOut: true, ms: 30000 },
    { name: 'an answer after the deadline is a timeout', q: NUMERIC, mode: 'mock', time: 30, actions: [{ type: 'answer', response: { type: 'numeric', text: '1000' }, now: T0 + 31000 }], correct: false, hints: 0, rating: 1, timedOut: true, ms: 30000 },
    { name: 'numeric with a unit, in time', q: NUMERIC, mode: 'mock', time: 30, actions: [{ type: 'answer', response: { type: 'numeric', text: '1 s' }, now: T0 + 5000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 5000 },
    { name: 'truefalse', q: TF, mode: 'drill', actions: [{ type: 'answer', response: { type: 'truefalse', value: false }, now: T0 + 1000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 1000 },
    { name: 'text normalised', q: TEXT, mode: 'drill', actions: [{ type: 'answer', response: { type: 'text', text: 'syn ack' }, now: T0 + 1000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 1000 },
    { name: 'recall: reveal then self-grade Good', q: RECALL, mode: 'drill', actions: [{ type: 'reveal', now: T0 + 40000 }, { type: 'grade', grade: 'good', now: T0 + 50000 }], correct: true, hints: 0, rating: 3, timedOut: false, ms: 40000 },
    { name: 'recall: self-grade Again is wrong', q: RECALL, mode: 'drill', actions: [{ type: 'reveal', now: T0 + 4000 }, { type: 'grade', grade: 'again', now: T0 + 5000 }], correct: false, hints: 0, rating: 1, timedOut: false, ms: 4000 },
    { name: 'recall: cannot answer without revealing', q: RECALL, mode: 'drill', actions: [{ type: 'answer', response: { type: 'recall', grade: 'easy' }, now: T0 }, { type: 'grade', grade: 'easy', now: T0 }, { type: 'reveal', now: T0 + 1000 }, { type: 'grade', grade: 'easy', now: T0 + 2000 }], correct: true, hints: 0, rating: 4, timedOut: false, ms: 1000 },
    { name: 'recall: timer runs out before the reveal', q: RECALL, mode: 'mock', time: 10, actions: [{ type: 'reveal', now: T0 + 10000 }], correct: false, hints: 0, rating: 1, timedOut: true, ms: 10000 },
  ];
  it.each(rows)('$name', (row) => {
    const s = run(start([row.q], { mode: row.mode, timeLimitSec: row.time ?? null }), row.actions);
    expect(s.phase).toBe('answered');
    expect(s.results).toHaveLength(1);
    const r = s.results[0];
    expect({ correct: r.correct, hints: r.hintsUsed, rating: r.rating, timedOut: r.timedOut, ms: r.ms }).toEqual({
      correct: row.correct,
      hints: row.hints,
      rating: row.rating,
      timedOut: row.timedOut,
      ms: row.ms,
    });
    // The session's progress copy has the card and the history entry.
    expect(s.progress.cards[row.q.id]).toBeDefined();
    expect(s.progress.history.at(-1)).toMatchObject({ questionId: row.q.id, correct: row.correct, rating: row.rating, mode: row.mode });
  });

  it('ignores actions that do not fit the phase', () => {
    const s0 = start([SINGLE, TF], { mode: 'drill' });
    expect(quizReduce(s0, { type: 'next', now: T0 })).toBe(s0);
    expect(quizReduce(s0, { type: 'reveal', now: T0 })).toBe(s0);
    expect(quizReduce(s0, { type: 'timeout', now: T0 + 99999999 })).toBe(s0);
    const s1 = quizReduce(s0, { type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 1 });
    expect(quizReduce(s1, { type: 'answer', response: { type: 'single', choice: 1 }, now: T0 + 2 })).toBe(s1);
    expect(quizReduce(s1, { type: 'hint' })).toBe(s1);
  });

  it('runs a whole session to a report, with time per question and weakest topics', () => {
    const bank = [SINGLE, TF, NUMERIC];
    let s = start(bank, { mode: 'mock', count: 3, timeLimitSec: 60 });
    const answers: Record<string, QuizAction> = {
      'fx/single': { type: 'answer', response: { type: 'single', choice: 1 }, now: 0 },
      'fx/tf': { type: 'answer', response: { type: 'truefalse', value: true }, now: 0 },
      'fx/numeric': { type: 'timeout', now: 0 },
    };
    let t = T0;
    for (let i = 0; i < 3; i++) {
      const q = s.questions[s.index];
      t += q.id === 'fx/numeric' ? 60000 : 5000;
      s = quizReduce(s, { ...answers[q.id], now: t } as QuizAction);
      s = quizReduce(s, { type: 'next', now: t });
    }
    expect(s.phase).toBe('done');
    const r = s.report!;
    expect(r.total).toBe(3);
    expect(r.correct).toBe(1);
    expect(r.percent).toBe(33);
    expect(r.totalMs).toBe(70000);
    expect(r.questions.map((q) => q.ms).sort((a, b) => a - b)).toEqual([5000, 5000, 60000]);
    expect(r.topics).toEqual([
      { topic: 'handshake', correct: 1, total: 1, accuracy: 1 },
      { topic: 'reliability', correct: 0, total: 1, accuracy: 0 },
      { topic: 'udp', correct: 0, total: 1, accuracy: 0 },
    ]);
    expect(r.weakest.map((w) => [w.topic, w.lessonId])).toEqual([
      ['reliability', 'reliability'],
      ['udp', 'tcp-vs-udp'],
    ]);
    // The two wrong answers are due again within minutes (today); the right one days later.
    expect(r.nextDue).not.toBeNull();
    expect(Date.parse(r.nextDue!) - t).toBeLessThan(10 * 60000 + 1);
    expect(r.dueNow).toBe(0);
  });

  it('finish early reports what was answered and counts the rest as skipped', () => {
    let s = start([SINGLE, TF, NUMERIC], { mode: 'drill', count: 3 });
    const q = s.questions[0];
    s = quizReduce(s, { type: 'answer', response: q.type === 'truefalse' ? { type: 'truefalse', value: false } : q.type === 'single' ? { type: 'single', choice: 1 } : { type: 'numeric', text: '1000' }, now: T0 + 1000 });
    s = quizReduce(s, { type: 'finish', now: T0 + 2000 });
    expect(s.phase).toBe('done');
    expect(s.report).toMatchObject({ total: 1, correct: 1, skipped: 2, percent: 100 });
  });
});

describe('selection', () => {
  const bank = [...ALL_TYPES, ...BUILTIN_QUESTIONS];
  it('same seed, same questions; another seed, another order', () => {
    const o = sessionOptions({ mode: 'mock', seed: 42, count: 8 });
    const a = selectQuestions(o, bank, emptyProgress(), T0).map((q) => q.id);
    expect(selectQuestions(o, bank, emptyProgress(), T0).map((q) => q.id)).toEqual(a);
    expect(a).toHaveLength(8);
    expect(new Set(a).size).toBe(8);
    expect(selectQuestions({ ...o, seed: 43 }, bank, emptyProgress(), T0).map((q) => q.id)).not.toEqual(a);
  });

  it('generated questions get up to a quarter of the slots, and fill in when the rest run out', () => {
    const gens = [1, 2, 3, 4].map((i) => ({ ...NUMERIC, id: `gen/ack/${i}`, topics: ['handshake' as const] }));
    const pick = (b: Question[], count: number, seed = 3) => selectQuestions(sessionOptions({ mode: 'mock', seed, count }), b, emptyProgress(), T0).map((q) => q.id);
    for (const seed of [1, 2, 3, 4, 5]) expect(pick([...BUILTIN_QUESTIONS, ...gens], 8, seed).filter((id) => id.startsWith('gen/'))).toHaveLength(2);
    expect(pick([SINGLE, TF, ...gens], 5).filter((id) => id.startsWith('gen/'))).toHaveLength(3);
  });

  it('mock spreads questions across topics', () => {
    const qs = selectQuestions(sessionOptions({ mode: 'mock', seed: 7, count: 6 }), bank, emptyProgress(), T0);
    expect(new Set(qs.map((q) => q.topics[0])).size).toBe(6);
  });

  it('review picks the due cards, most overdue first', () => {
    const p = emptyProgress();
    const card = (due: number) => ({ ...reviewCard(undefined, 3, T0 - 86400000, srs), due: new Date(due).toISOString() });
    p.cards = { 'fx/tf': card(T0 - 1000), 'fx/single': card(T0 - 5000), 'fx/numeric': card(T0 + 86400000), 'gone/q': card(T0 - 9000) };
    const qs = selectQuestions(sessionOptions({ mode: 'review', seed: 1 }), bank, p, T0);
    expect(qs.map((q) => q.id)).toEqual(['fx/single', 'fx/tf']);
  });

  it('mistakes: until answered right twice', () => {
    let p = emptyProgress();
    p = recordAnswer(p, { questionId: 'fx/tf', correct: false, rating: 1, ms: 1, topics: ['udp'], mode: 'drill' }, T0, srs);
    const pick = (pp: Progress) => selectQuestions(sessionOptions({ mode: 'mistakes', seed: 1 }), bank, pp, T0).map((q) => q.id);
    expect(pick(p)).toEqual(['fx/tf']);
    let s = start(bank, { mode: 'mistakes' }, p);
    s = quizReduce(s, { type: 'answer', response: { type: 'truefalse', value: false }, now: T0 + 1000 });
    expect(pick(s.progress)).toEqual(['fx/tf']);
    s = start(bank, { mode: 'mistakes' }, s.progress);
    s = quizReduce(s, { type: 'answer', response: { type: 'truefalse', value: false }, now: T0 + 2000 });
    expect(pick(s.progress)).toEqual([]);
  });

  it.each(TOPICS.map((t) => [t]))('topic %s can be drilled and the report names its lesson', (topic) => {
    let s = start([...BUILTIN_QUESTIONS], { mode: 'drill', topics: [topic], count: 50 });
    expect(s.questions.length).toBeGreaterThan(0);
    expect(s.questions.every((q) => q.topics.includes(topic))).toBe(true);
    // Answer everything wrong (a timeout is not possible untimed: use a wrong response / Again).
    let t = T0;
    while (s.phase !== 'done') {
      const q = s.questions[s.index];
      t += 1000;
      if (q.type === 'recall') {
        s = quizReduce(s, { type: 'reveal', now: t });
        s = quizReduce(s, { type: 'grade', grade: 'again', now: t });
      } else {
        s = quizReduce(s, { type: 'answer', response: q.type === 'numeric' ? { type: 'numeric', text: '-1' } : { type: 'text', text: 'wrong type' }, now: t });
      }
      s = quizReduce(s, { type: 'next', now: t });
    }
    const weak = s.report!.weakest.find((w) => w.topic === topic);
    expect(weak?.lessonId).toBe(TOPIC_LESSON[topic]);
  });
});
