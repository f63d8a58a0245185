/** Issue 13: in the lesson list, a lesson with no translation in the app's language is the English one, marked. */
import { describe, it, expect } from 'vitest';
import { lessonItems } from '../../src/ui/screens/lessons.js';
import type { AppContext } from '../../src/ui/screen.js';
import type { Lesson } from '../../src/lessons/types.js';
import { emptyProgress } from '../../src/store/types.js';
import { utcDay } from '../../src/quiz/days.js';
import { withLang } from '../../src/i18n/index.js';

const lesson = (id: string, order: number, title: string, extra: Partial<Lesson> = {}): Lesson => ({
  meta: { id, title, order, summary: 's', objectives: ['o'], topics: ['handshake'], minutes: 5, prerequisites: [] },
  file: `${id}.md`,
  blocks: [],
  questions: [],
  ...extra,
});

const ctx = (lessons: Lesson[]): AppContext => ({ width: 80, height: 20, ascii: false, color: false, lessons, broken: [], progress: emptyProgress(), now: 0, dayOf: utcDay });

describe('the lesson list and translations', () => {
  const lessons = [lesson('a', 1, '三次握手', { lang: 'zh-CN' }), lesson('b', 2, 'The close', { lang: 'en', fallback: true })];

  it('marks the English stand-in, in the language of the app', () => {
    const zh = withLang('zh-CN', () => lessonItems(ctx(lessons)).map((i) => i.label));
    expect(zh).toEqual(['1. 三次握手', '2. The close （英文）']);
    const en = withLang('en', () => lessonItems(ctx(lessons)).map((i) => i.label));
    expect(en[1]).toBe('2. The close (English)');
  });

  it('marks nothing in a course read in its own language', () => {
    const plain = [lesson('a', 1, 'Handshake'), lesson('b', 2, 'Close', { lang: 'en' })];
    expect(lessonItems(ctx(plain)).map((i) => i.label)).toEqual(['1. Handshake', '2. Close']);
  });
});
