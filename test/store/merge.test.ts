import { describe, it, expect } from 'vitest';
import { merge, trimHistory, deepEqual } from '../../src/store/merge.js';
import { parseProgress, serializeProgress } from '../../src/store/progress.js';
import { emptyProgress, type Progress, type AnswerRecord } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');
const ans = (id: string, _at: number, correct = true) => ({
  questionId: id,
  correct,
  rating: (correct ? 3 : 1) as 1 | 3,
  ms: 1,
  topics: [] as string[],
  mode: 'drill' as const,
});
const answered = (p: Progress, id: string, at: number, correct = true) => recordAnswer(p, ans(id, at, correct), at);

describe('merge', () => {
  it('is a no-op for a copy merged with itself, whatever the base', () => {
    let p = emptyProgress();
    p = answered(p, 'a', NOW - 5000, false);
    p = answered(p, 'b', NOW - 4000);
    for (const base of [p, 'mine-wins', 'other-wins', emptyProgress()] as const) expect(merge(p, p, base, NOW).progress).toEqual(p);
  });

  it('3-way: a key this side did not change keeps the other side; a deletion stays deleted', () => {
    const base = { ...emptyProgress(), mistakes: { x: 1, y: 0 } };
    const mine = { ...base, mistakes: { y: 0 } }; // x left the shelf here
    const disk = { ...base, mistakes: { x: 1, y: 0, z: 0 } }; // z added elsewhere
    expect(merge(disk, mine, base, NOW).progress.mistakes).toEqual({ y: 0, z: 0 });
    // settings: only the one this side changed
    const m2 = { ...base, settings: { streak: true, relative: false } };
    const d2 = { ...base, settings: { streak: false, relative: true } };
    expect(merge(d2, m2, base, NOW).progress.settings).toEqual({ streak: true, relative: true });
  });

  it('a card keeps the review with the latest date not in the future', () => {
    const older = answered(emptyProgress(), 'a', NOW - 86_400_000);
    const newer = answered(emptyProgress(), 'a', NOW - 3_600_000);
    const future = answered(emptyProgress(), 'a', NOW + 86_400_000);
    expect(merge(older, newer, 'other-wins', NOW).progress.cards.a).toEqual(newer.cards.a);
    expect(merge(newer, older, 'mine-wins', NOW).progress.cards.a).toEqual(newer.cards.a);
    const r = merge(older, future, 'other-wins', NOW);
    expect(r.progress.cards.a).toEqual(older.cards.a);
    expect(r.report.futureCardsIgnored).toBe(1);
  });

  it('history over the limit drops future-dated entries first, then the oldest', () => {
    const h = (i: number, at: number): AnswerRecord => ({ ...ans(`q${i}`, at), at: new Date(at).toISOString() });
    const list = [h(1, NOW - 3000), h(2, NOW - 2000), h(3, NOW + 5000), h(4, NOW - 1000)];
    expect(trimHistory(list, NOW, 3).map((x) => x.questionId)).toEqual(['q1', 'q2', 'q4']);
    expect(trimHistory(list, NOW, 2).map((x) => x.questionId)).toEqual(['q2', 'q4']);
  });

  it('lessons: furthest reading, done from either, position of the later visit, answers by id', () => {
    const a = emptyProgress();
    a.lessons.l = { position: 5, furthest: 0.9, done: false, answers: { q1: { correct: false, at: '2026-11-20T00:00:00.000Z' } }, lastOpened: '2026-11-20T00:00:00.000Z' };
    const b = emptyProgress();
    b.lessons.l = { position: 2, furthest: 0.3, done: true, answers: { q1: { correct: true, at: '2026-11-20T01:00:00.000Z' }, q2: { correct: true, at: '2026-11-20T01:00:00.000Z' } }, lastOpened: '2026-11-20T01:00:00.000Z' };
    const l = merge(a, b, 'other-wins', NOW).progress.lessons.l!;
    // q1: the first answer (a's, 00:00) is kept, not b's later one
    expect(l).toEqual({ position: 2, furthest: 0.9, done: true, answers: { q1: a.lessons.l!.answers.q1, q2: b.lessons.l!.answers.q2 }, lastOpened: b.lessons.l!.lastOpened });
  });

  it('a lesson answer keeps the FIRST attempt, whichever side has it; a future or invalid date never wins', () => {
    const lesson = (answers: Progress['lessons'][string]['answers']) => ({ position: 0, furthest: 0, done: false, answers, lastOpened: '2026-11-20T00:00:00.000Z' });
    const first = { correct: false, at: '2026-11-20T00:00:00.000Z', response: { type: 'single' as const, choice: 2 } };
    const retry = { correct: true, at: '2026-11-20T05:00:00.000Z', response: { type: 'single' as const, choice: 1 } };
    const future = { correct: true, at: '2026-12-30T00:00:00.000Z' };
    const bad = { correct: true, at: 'not a date' };
    const with1 = (x: typeof first | typeof future) => ({ ...emptyProgress(), lessons: { l: lesson({ q: x }) } });
    for (const base of ['mine-wins', 'other-wins', emptyProgress()] as const) {
      // mine later: the disk's first answer stays
      expect(merge(with1(first), with1(retry), base, NOW).progress.lessons.l!.answers.q).toEqual(first);
      // mine earlier: mine's replaces the later one on disk
      expect(merge(with1(retry), with1(first), base, NOW).progress.lessons.l!.answers.q).toEqual(first);
      expect(merge(with1(first), with1(future), base, NOW).progress.lessons.l!.answers.q).toEqual(first);
      expect(merge(with1(future), with1(first), base, NOW).progress.lessons.l!.answers.q).toEqual(first);
      expect(merge(with1(bad), with1(first), base, NOW).progress.lessons.l!.answers.q).toEqual(first);
    }
  });

  it('courses: each --lessons course merges by the same rules; a course only one side has is kept', () => {
    const course = (p: Progress) => ({ lessons: p.lessons, last: p.last, cards: p.cards, history: p.history, mistakes: p.mistakes });
    const a = answered(emptyProgress(), 'x', NOW - 5000, false);
    const b = answered(emptyProgress(), 'y', NOW - 4000);
    const disk: Progress = { ...emptyProgress(), courses: { '/c1': course(a), '/c2': course(b) } };
    const mine: Progress = { ...emptyProgress(), courses: { '/c1': course(b) } };
    const out = merge(disk, mine, 'mine-wins', NOW).progress;
    expect(Object.keys(out.courses!).sort()).toEqual(['/c1', '/c2']);
    expect(out.courses!['/c1']!.history.map((h) => h.questionId)).toEqual(['x', 'y']);
    expect(Object.keys(out.courses!['/c1']!.cards).sort()).toEqual(['x', 'y']);
    expect(out.courses!['/c2']).toEqual(course(b));
    // the bundled course (top level) is untouched by the courses
    expect(out.history).toEqual([]);
    expect(merge(emptyProgress(), emptyProgress(), 'mine-wins', NOW).progress).not.toHaveProperty('courses');
  });

  it('fields it has no rule for (added to the schema later) merge too: records by key, arrays as a union', () => {
    const base = { ...emptyProgress(), tracks: { tcp: { done: 1 } }, badges: ['a'] } as unknown as Progress;
    const mine = { ...base, tracks: { tcp: { done: 2 } }, badges: ['a', 'b'] } as unknown as Progress;
    const disk = { ...base, tracks: { tcp: { done: 1 }, http: { done: 4 } }, badges: ['a', 'c'] } as unknown as Progress;
    const out = merge(disk, mine, base, NOW).progress as unknown as { tracks: unknown; badges: unknown };
    expect(out.tracks).toEqual({ tcp: { done: 2 }, http: { done: 4 } });
    expect(out.badges).toEqual(['a', 'c', 'b']);
  });

  it('ids named __proto__ or constructor are ordinary ids', () => {
    const text = serializeProgress(emptyProgress()).replace('"mistakes": {}', '"mistakes": {"__proto__": 1, "constructor": 0}');
    const v = parseProgress(text);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const m = merge(emptyProgress(), v.progress, 'mine-wins', NOW).progress;
    expect(Object.keys(m.mistakes).sort()).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(m)).mistakes).toEqual(JSON.parse('{"__proto__": 1, "constructor": 0}'));
    expect(deepEqual(m.mistakes, JSON.parse('{"__proto__": 1, "constructor": 0}'))).toBe(true);
  });
});
