/** `synack learn ID` resolution (issue 14): ids, list numbers, unique prefixes, title words. */
import { describe, it, expect } from 'vitest';
import { resolveLessonQuery, listOrder } from '../../src/cli/lesson-id.js';
import { bundledLessonsDir, loadLessonIndex } from '../../src/lessons/load.js';

const refs = loadLessonIndex(bundledLessonsDir()).entries.map((e) => ({ id: e.meta.id, order: e.meta.order, title: e.meta.title }));

describe('resolveLessonQuery on the bundled course', () => {
  it('the exact id, and the number the lesson list shows', () => {
    expect(resolveLessonQuery('three-way-handshake', refs)).toEqual({ ok: true, id: 'three-way-handshake' });
    const eighth = listOrder(refs)[7];
    expect(resolveLessonQuery('8', refs)).toEqual({ ok: true, id: eighth.id });
    expect(eighth.id).toBe('three-way-handshake');
    expect(resolveLessonQuery(String(refs.length + 1), refs)).toEqual({ ok: false, candidates: [] });
  });

  it('a unique prefix of an id or a word of a title; several matches are listed, never guessed', () => {
    expect(resolveLessonQuery('three-way', refs)).toEqual({ ok: true, id: 'three-way-handshake' });
    expect(resolveLessonQuery('handshake', refs)).toEqual({ ok: true, id: 'three-way-handshake' });
    const http = resolveLessonQuery('tcp', refs); // tcp-vs-udp, tcp-header
    expect(http.ok).toBe(false);
    if (!http.ok) expect(http.candidates.length).toBeGreaterThan(1);
    expect(resolveLessonQuery('no-such-lesson', refs)).toEqual({ ok: false, candidates: [] });
  });
});
