import { describe, it, expect } from 'vitest';
import { answerUpdate } from '../../src/ui/screens/lesson.js';
import { emptyProgress } from '../../src/store/types.js';
import type { Question } from '../../src/quiz/types.js';

const q: Question = {
  id: 'three-way-handshake/ack',
  type: 'numeric',
  prompt: 'ISN 4000: what ack?',
  answer: 4001,
  explanation: 'SYN consumes one.',
  hints: [],
  topics: ['handshake'],
};

describe('answers given inside a lesson', () => {
  it('are recorded on the lesson, in the history, as an FSRS card, and on the mistakes shelf', () => {
    const t0 = '2026-11-21T10:00:00.000Z';
    const wrong = answerUpdate('three-way-handshake', q, false, t0)(emptyProgress());
    expect(wrong.lessons['three-way-handshake'].answers[q.id]).toEqual({ correct: false, at: t0 });
    expect(wrong.history).toHaveLength(1);
    expect(wrong.history[0]).toMatchObject({ questionId: q.id, correct: false, rating: 1, mode: 'lesson' });
    expect(wrong.cards[q.id]).toBeDefined();
    expect(wrong.cards[q.id].reps).toBe(1);
    expect(wrong.mistakes[q.id]).toBe(0);
    const t1 = '2026-11-21T10:05:00.000Z';
    const right = answerUpdate('three-way-handshake', q, true, t1)(wrong);
    expect(right.cards[q.id].reps).toBe(2);
    expect(right.lessons['three-way-handshake'].answers[q.id].correct).toBe(true);
    expect(right.mistakes[q.id]).toBe(1);
  });
});
