import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgress, saveProgress, parseProgress, courseKey, courseView, PROGRESS_FILE } from '../../src/store/progress.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'synack-course-'));
});

const lessonRead = (p: Progress, id: string): Progress => ({
  ...p,
  lessons: { ...p.lessons, [id]: { position: 3, furthest: 1, done: true, answers: { [`${id}/q`]: { correct: true, at: '2026-11-21T09:00:00.000Z', response: { type: 'single', choice: 1 } } }, lastOpened: '2026-11-21T09:00:00.000Z' } },
  last: { lessonId: id, position: 3 },
});
const answered = (p: Progress, id: string) =>
  recordAnswer(p, { questionId: id, correct: true, rating: 3, ms: 5, topics: [], mode: 'lesson' }, NOW - 1000);

describe('progress per course (--lessons DIR)', () => {
  it('two courses and the bundled one never see each other\'s lessons, cards or answers', () => {
    const A = '/courses/a';
    const B = '/courses/b';
    // the bundled course
    const bundled = answered(lessonRead(loadProgress(dir, NOW).progress, 'intro'), 'intro/q');
    expect(saveProgress(dir, bundled, { now: NOW }).ok).toBe(true);
    // course A, starting from its own (empty) view
    const a0 = loadProgress(dir, NOW, { course: A }).progress;
    expect(a0.lessons).toEqual({});
    expect(a0.last).toBeNull();
    expect(a0.cards).toEqual({});
    const a1 = answered(lessonRead(a0, 'intro'), 'intro/q-a');
    const saved = saveProgress(dir, a1, { now: NOW, base: a0, course: A });
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(Object.keys(saved.progress.cards)).toEqual(['intro/q-a']);

    const again = loadProgress(dir, NOW, { course: A }).progress;
    expect(Object.keys(again.cards)).toEqual(['intro/q-a']);
    expect(again.lessons.intro!.answers['intro/q']!.response).toEqual({ type: 'single', choice: 1 });
    expect(again.history.map((h) => h.questionId)).toEqual(['intro/q-a']);

    const b = loadProgress(dir, NOW, { course: B }).progress;
    expect(b.lessons).toEqual({});
    expect(b.history).toEqual([]);

    const top = loadProgress(dir, NOW).progress;
    expect(Object.keys(top.cards)).toEqual(['intro/q']);
    expect(top.history.map((h) => h.questionId)).toEqual(['intro/q']);
    expect(Object.keys(top.courses ?? {})).toEqual([A]);

    // a later save of the bundled course keeps course A's namespace
    const top2 = { ...top, settings: { ...top.settings, streak: true } };
    expect(saveProgress(dir, top2, { now: NOW, base: top }).ok).toBe(true);
    expect(Object.keys(loadProgress(dir, NOW, { course: A }).progress.cards)).toEqual(['intro/q-a']);
    // settings are shared by every course
    expect(loadProgress(dir, NOW, { course: B }).progress.settings.streak).toBe(true);
  });

  it('a progress file from before courses loads unchanged, and is the bundled course', () => {
    const old = {
      version: 1,
      lessons: { l: { position: 1, furthest: 0.5, done: false, answers: { 'l/q': { correct: false, at: '2026-11-20T00:00:00.000Z' } }, lastOpened: '2026-11-20T00:00:00.000Z' } },
      last: { lessonId: 'l', position: 1 },
      cards: {},
      history: [],
      mistakes: { 'l/q': 0 },
      settings: { streak: false, relative: true },
    };
    writeFileSync(join(dir, PROGRESS_FILE), JSON.stringify(old));
    const r = loadProgress(dir, NOW);
    expect(r.warning).toBeNull();
    expect(r.progress).toEqual(old);
    expect(loadProgress(dir, NOW, { course: '/x' }).progress.lessons).toEqual({});
    // saving another course leaves the old fields as they were
    const x0 = loadProgress(dir, NOW, { course: '/x' }).progress;
    expect(saveProgress(dir, lessonRead(x0, 'm'), { now: NOW, base: x0, course: '/x' }).ok).toBe(true);
    const full = JSON.parse(readFileSync(join(dir, PROGRESS_FILE), 'utf8'));
    expect({ ...full, courses: undefined }).toEqual({ ...old, courses: undefined });
    expect(Object.keys(full.courses)).toEqual(['/x']);
  });

  it('courseKey: the bundled lessons are the top level, any other root its absolute path', () => {
    expect(courseKey('/opt/synack/lessons', '/opt/synack/lessons/')).toBeNull();
    expect(courseKey('/home/me/course', '/opt/synack/lessons')).toBe('/home/me/course');
    expect(courseView(emptyProgress(), null)).toEqual(emptyProgress());
  });

  it('a saved response of an unknown shape is dropped, the answer kept', () => {
    const p = lessonRead(emptyProgress(), 'l');
    const text = JSON.stringify(p).replace('"response":{"type":"single","choice":1}', '"response":{"type":"hologram"}');
    const v = parseProgress(text);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.progress.lessons.l!.answers['l/q']).toEqual({ correct: true, at: '2026-11-21T09:00:00.000Z' });
  });
});
