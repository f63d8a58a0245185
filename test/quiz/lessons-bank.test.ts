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

  it('LESSON_IDS lists the course in its order, and every topic points to a lesson that exists', () => {
    const byOrder = [...all.lessons].sort((a, b) => a.meta.order - b.meta.order).map((l) => l.meta.id);
    expect(byOrder).toEqual([...LESSON_IDS]);
    for (const t of TOPICS) expect(byOrder).toContain(TOPIC_LESSON[t]);
  });

  it('the course has at least 22 lessons, 280 questions, and 10 lesson questions on every topic', () => {
    expect(all.broken).toEqual([]);
    expect(all.lessons.length).toBeGreaterThanOrEqual(22);
    const questions = all.lessons.flatMap((l) => l.questions);
    expect(questions.length).toBeGreaterThanOrEqual(280);
    const perTopic = new Map(TOPICS.map((t) => [t, questions.filter((q) => q.topics.includes(t)).length]));
    const thin = [...perTopic].filter(([, n]) => n < 10);
    expect(thin).toEqual([]);
  });

  it('each new lesson has recall questions for interviews and live diagrams', () => {
    for (const id of ['keepalive', 'io-models', 'http-versions', 'https-tls', 'dns', 'nat', 'operations']) {
      const l = all.lessons.find((x) => x.meta.id === id)!;
      expect(l, id).toBeDefined();
      expect(l.questions.length, id).toBeGreaterThanOrEqual(10);
      expect(l.questions.filter((q) => q.type === 'recall').length, id).toBeGreaterThanOrEqual(2);
      expect(new Set(l.questions.map((q) => q.type)).size, id).toBeGreaterThanOrEqual(5);
      expect(l.blocks.filter((b) => b.type === 'tcp').length, id).toBeGreaterThanOrEqual(1);
    }
  });
});
