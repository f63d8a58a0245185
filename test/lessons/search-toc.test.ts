import { describe, it, expect } from 'vitest';
import { findMatches, stepMatch, firstMatchFrom, MAX_QUERY } from '../../src/lessons/search.js';
import { tableOfContents, currentEntry } from '../../src/lessons/toc.js';
import { parseLesson } from '../../src/lessons/parse.js';

const ROWS = ['The SYN opens', '', 'a syn,ack answers; SYN again', 'nothing here', 'synsyn'];

describe('reader search', () => {
  it('case-insensitive: any case of the query finds every case in the text', () => {
    const all = [[0, 4], [2, 2], [2, 19], [4, 0], [4, 3]];
    expect(findMatches(ROWS, 'syn').map((m) => [m.row, m.index])).toEqual(all);
    expect(findMatches(ROWS, 'SYN').map((m) => [m.row, m.index])).toEqual(all);
    expect(findMatches(ROWS, 'Syn').map((m) => [m.row, m.index])).toEqual(all);
    expect(findMatches(ROWS, '')).toEqual([]);
    expect(findMatches(ROWS, '   ')).toEqual([]);
    expect(findMatches(ROWS, 'ack')[0]).toEqual({ row: 2, index: 6, length: 3 });
  });

  it('full-width and half-width forms are one (NFKC, as the grader folds answers), in both directions', () => {
    expect(findMatches(ROWS, 'ＳＹＮ').map((m) => [m.row, m.index])).toEqual(findMatches(ROWS, 'syn').map((m) => [m.row, m.index]));
    // Full-width text in the lesson, an ASCII query: the match covers the full-width characters as shown.
    expect(findMatches(['状态：ＳＹＮ－ＳＥＮＴ，然后'], 'syn-sent')).toEqual([{ row: 0, index: 3, length: 8 }]);
    expect(findMatches(['ack＝１０１'], 'ack=101')).toEqual([{ row: 0, index: 0, length: 7 }]);
    // A character that folds to several (ﬁ -> fi) matches whole, never by half.
    expect(findMatches(['ﬁn and fin'], 'fin').map((m) => [m.index, m.length])).toEqual([[0, 2], [7, 3]]);
    expect(findMatches(['ﬁ'], 'i')).toEqual([]);
  });

  it('n / N step to the next / previous row with a match and wrap around', () => {
    const m = findMatches(ROWS, 'syn');
    expect(stepMatch(m, 0, true)).toEqual({ at: 1, wrapped: false });
    expect(stepMatch(m, 2, true)).toEqual({ at: 3, wrapped: false });
    expect(stepMatch(m, 4, true)).toEqual({ at: 0, wrapped: true });
    expect(stepMatch(m, 2, false)).toEqual({ at: 0, wrapped: false });
    expect(stepMatch(m, 0, false)).toEqual({ at: 4, wrapped: true });
    expect(firstMatchFrom(m, 2)).toEqual({ at: 1, wrapped: false });
    expect(firstMatchFrom(m, 5)).toEqual({ at: 0, wrapped: true });
    expect(stepMatch([], 0, true)).toEqual({ at: -1, wrapped: false });
  });

  it('Chinese text, and a query longer than the bound is cut to MAX_QUERY', () => {
    expect(findMatches(['三次握手：SYN', '四次挥手'], '握手')).toEqual([{ row: 0, index: 2, length: 2 }]);
    expect(findMatches(['x'.repeat(300)], 'x'.repeat(500))[0]!.length).toBe(MAX_QUERY);
  });
});

describe('table of contents', () => {
  const src = ['---', 'id: t', 'title: T', 'order: 1', 'summary: s', 'objectives:', '  - o', 'topics: [handshake]', 'minutes: 5', 'prerequisites: []', '---', '', '# Title', '', 'text', '', '## The **SYN** step', '', 'more', '', '### `ack` numbers', '', '#### too deep', '', '## Last'].join('\n');
  it('lists the headings with depth and plain text; the current entry follows the block', () => {
    const r = parseLesson(src, 't.md');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const lesson = r.lesson!;
    const toc = tableOfContents(lesson);
    expect(toc.map((e) => [e.depth, e.title])).toEqual([[1, 'Title'], [2, 'The SYN step'], [3, 'ack numbers'], [2, 'Last']]);
    expect(currentEntry(toc, 0)).toBe(0);
    expect(currentEntry(toc, toc[2]!.block + 1)).toBe(2);
    expect(currentEntry(toc, -1)).toBe(-1);
    expect(tableOfContents(lesson, 2)).toHaveLength(3);
  });
});
