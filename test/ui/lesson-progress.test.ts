import { describe, it, expect } from 'vitest';
import { answerUpdate } from '../../src/ui/screens/lesson.js';
import { emptyProgress } from '../../src/store/types.js';
import type { Question } from '../../src/quiz/types.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { continueTarget, lessonComplete, lessonFraction } from '../../src/ui/screens/home.js';
import { loadProgress } from '../../src/store/progress.js';
import type { AppContext } from '../../src/ui/screen.js';
import { fixtureLessons } from './helpers/fixtures.js';

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
    // A second answer (after r, or after reopening the lesson) is practice: the first result,
    // the card, the history and the mistakes shelf stay as the first attempt left them (issue 14).
    const t1 = '2026-11-21T10:05:00.000Z';
    const again = answerUpdate('three-way-handshake', q, true, t1)(wrong);
    expect(again).toBe(wrong);
    expect(again.lessons['three-way-handshake'].answers[q.id]).toEqual({ correct: false, at: t0 });
    expect(again.cards[q.id].reps).toBe(1);
    expect(again.history).toHaveLength(1);
    expect(again.mistakes[q.id]).toBe(0);
  });
});

describe('what "done" means (issue 14: progress that means something)', () => {
  const lessons = fixtureLessons();
  const byId = (id: string) => lessons.find((l) => l.meta.id === id)!;
  const at = '2026-11-21T10:00:00.000Z';
  const entry = (done: boolean, answered: string[]) => ({
    position: 0,
    furthest: done ? 1 : 0.5,
    done,
    answers: Object.fromEntries(answered.map((id) => [id, { correct: false, at }])),
    lastOpened: at,
  });

  it('a lesson is complete when read to the end and every quiz answered, not before', () => {
    const basics = byId('basics');
    const ids = basics.questions.map((q) => q.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(lessonComplete(entry(true, []), basics)).toBe(false); // G alone
    expect(lessonComplete(entry(true, ids.slice(1)), basics)).toBe(false);
    expect(lessonComplete(entry(false, ids), basics)).toBe(false); // answered, not read to the end
    expect(lessonComplete(entry(true, ids), basics)).toBe(true); // wrong answers count as answered
    expect(lessonFraction(entry(true, []), basics)).toBeLessThan(1);
  });

  it('Continue goes to the next unfinished lesson once the last one opened is complete', () => {
    const sorted = [...lessons].sort((a, b) => a.meta.order - b.meta.order);
    const [first, second, third] = sorted;
    const p = emptyProgress();
    p.lessons[first.meta.id] = entry(true, first.questions.map((q) => q.id));
    p.last = { lessonId: first.meta.id, position: 7 };
    const ctx = { lessons, progress: p } as unknown as AppContext;
    expect(continueTarget(ctx)!.lesson.meta.id).toBe(second.meta.id);
    // the second is complete too: the third
    p.lessons[second.meta.id] = entry(true, second.questions.map((q) => q.id));
    expect(continueTarget(ctx)!.lesson.meta.id).toBe(third.meta.id);
    // the last one opened unfinished: resume it where it was left
    p.lessons[first.meta.id] = entry(true, []);
    const c = continueTarget(ctx)!;
    expect(c.lesson.meta.id).toBe(first.meta.id);
    expect(c.position).toBe(7);
  });

  it('a progress file in the old format (done set by reaching the end, no answers) still loads; its lessons are read, not complete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-old-'));
    const old = {
      version: 1,
      lessons: { basics: { position: 90, furthest: 1, done: true, answers: {}, lastOpened: at } },
      last: { lessonId: 'basics', position: 90 },
      cards: {},
      history: [],
      mistakes: {},
      settings: { streak: false, relative: false },
    };
    writeFileSync(join(dir, 'progress.json'), JSON.stringify(old));
    const r = loadProgress(dir);
    expect(r.progress.lessons['basics'].done).toBe(true);
    expect(lessonComplete(r.progress.lessons['basics'], byId('basics'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
