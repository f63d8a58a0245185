/** The real lesson files plus the built-in questions: every topic can be drilled, and each topic's
 *  "reread" lesson exists among the lessons (when that lesson has been written). */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadAllLessons } from '../../src/lessons/load.js';
import { buildBank } from '../../src/quiz/bank.js';
import { selectQuestions, sessionOptions } from '../../src/quiz/engine.js';
import { TOPIC_LESSON, LESSON_IDS } from '../../src/quiz/topics.js';
import { emptyProgress } from '../../src/store/types.js';
import { TOPICS } from '../../src/quiz/types.js';

const all = loadAllLessons(join(import.meta.dirname, '../../lessons'));

describe('the question bank with the real lessons', () => {
  const bank = buildBank({ lessons: all.lessons, seed: 1 });

  it('has unique ids', () => {
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
  });

  it.each(TOPICS.map((t) => [t]))('topic %s can be drilled', (topic) => {
    const qs = selectQuestions(sessionOptions({ mode: 'drill', seed: 1, topics: [topic], count: 5 }), bank, emptyProgress(), 0);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.every((q) => q.topics.includes(topic))).toBe(true);
  });

  it('every lesson that exists is one a topic points to, and its topics point back to it or a sibling', () => {
    for (const l of all.lessons) {
      expect(LESSON_IDS as readonly string[]).toContain(l.meta.id);
      const targets = l.meta.topics.map((t) => TOPIC_LESSON[t]);
      expect(targets).toContain(l.meta.id);
    }
  });
});
