/**
 * The reader's search (`/`, Enter, n/N, Esc) and table of contents (`t`), through the pure shell
 * with the keys the footer names (issue 14: "what these learners expect ... less/glow").
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse.js';
import type { Lesson } from '../../../src/lessons/types.js';
import { initShell, keymapOf, shellUpdate, topOf, type ShellEnv, type ShellState } from '../../../src/ui/shell.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import type { AppContext } from '../../../src/ui/screen.js';
import { utcDay } from '../../../src/quiz/days.js';
import { emptyProgress } from '../../../src/store/types.js';
import { lessonLayout, topRow, type LessonState } from '../../../src/ui/screens/lesson.js';
import { lineText } from '../../../src/ui/components/markdown.js';
import { MAX_QUERY } from '../../../src/lessons/search.js';
import { highlightLine, tocLines } from '../../../src/ui/components/readerSearch.js';
import { RS } from '../../../src/ui/strings.js';
import { T0 } from '../helpers/fixtures.js';
import { withLang } from '../../../src/i18n/index.js';

const FRONT = ['---', 'id: findme', 'title: Find me', 'order: 1', 'summary: s', 'objectives:', '  - o', 'topics: [handshake]', 'minutes: 5', 'prerequisites: []', '---', ''];
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler line ${i} about nothing in particular, long enough to wrap at forty columns.`).join('\n\n');
const SRC = [
  ...FRONT,
  '# Find me',
  '',
  'The SYN opens a connection.',
  '',
  filler(6),
  '',
  '## Tables',
  '',
  '| Term | Meaning |',
  '|---|---|',
  '| tablecellword | in a cell |',
  '',
  filler(6),
  '',
  '## Quizzes',
  '',
  '```quiz',
  'id: q1',
  'type: single',
  'prompt: Which is the quizpromptword?',
  'choices:',
  '  - text: quizchoiceword',
  '    correct: true',
  '  - text: other',
  'explanation: Because.',
  '```',
  '',
  filler(4),
  '',
  '### A diagram',
  '',
  '```tcp',
  'scenario: handshake',
  'caption: captionword of the diagram',
  '```',
  '',
  '## 中文',
  '',
  '三次握手用 SYN、SYN,ACK、ACK 三个报文段。',
  '',
  filler(6),
  '',
  'The last SYN is here.',
].join('\n');

function lesson(): Lesson {
  const r = parseLesson(SRC, 'findme.md');
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.lesson!;
}

function env(lessons: Lesson[], width = 40, rows = 12): ShellEnv {
  return {
    registry: SCREENS,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({ width, height: rows - 3, ascii: false, color: false, lessons, broken: [], progress: s.progress, now: T0, dayOf: utcDay }),
  };
}

function setup(width = 40, rows = 12) {
  const l = lesson();
  const e = env([l], width, rows);
  let s = initShell([{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'findme' }], emptyProgress(), null, e);
  const st = () => topOf(s)!.state as LessonState;
  const press = (...keys: string[]) => {
    for (const k of keys) s = shellUpdate(s, { type: 'key', key: k }, e)[0];
  };
  const paste = (text: string) => {
    s = shellUpdate(s, { type: 'paste', text }, e)[0];
  };
  const top = () => topRow(st(), e.ctx(s));
  const rows_ = () => lessonLayout(st(), e.ctx(s)).lines.map(lineText);
  const footerIds = () => keymapOf(s, e.ctx(s)).filter((a) => a.footer !== false).map((a) => a.cmd.id);
  return { l, e, st, press, paste, top, rows: rows_, footerIds, get s() { return s; } };
}

describe('reader search', () => {
  it('/ opens a prompt that takes every printable key (q and ? too); Enter jumps to the first match at or after the top', () => {
    const t = setup();
    expect(t.footerIds()).toContain('reader.search');
    t.press('/');
    expect(t.st().search.prompt).toBe('');
    expect(t.footerIds()).toEqual(['reader.search-submit', 'reader.search-cancel']);
    t.press('q', '?', 'backspace', 'backspace');
    expect(t.st().search.prompt).toBe('');
    expect(topOf(t.s)!.def.id).toBe('lesson');
    t.press('s', 'y', 'n', 'enter');
    const st = t.st();
    expect(st.search).toMatchObject({ prompt: null, query: 'syn' });
    expect(t.rows()[st.search.current!.row]!.toLowerCase()).toContain('syn');
    // The first match, "The SYN opens", is brought to the top row (as less does).
    expect(t.rows()[st.search.current!.row]).toContain('The SYN opens');
    expect(t.top()).toBe(st.search.current!.row);
  });

  it('finds prose, table cells, quiz text and diagram captions; n/N step and wrap with a note', () => {
    const t = setup();
    for (const word of ['tablecellword', 'quizpromptword', 'quizchoiceword', 'captionword']) {
      t.press('g', '/', ...word, 'enter');
      const cur = t.st().search.current;
      expect(cur, word).not.toBeNull();
      expect(t.rows()[cur!.row], word).toContain(word);
      // The match is on screen.
      expect(cur!.row).toBeGreaterThanOrEqual(t.top());
      expect(cur!.row).toBeLessThan(t.top() + 8);
    }
    t.press('escape', 'g', '/', 'S', 'Y', 'N', 'enter');
    const rowsWith = t.rows().flatMap((r, i) => (r.toLowerCase().includes('syn') ? [i] : []));
    expect(rowsWith.length).toBeGreaterThanOrEqual(3);
    const seen = [t.st().search.current!.row];
    for (let i = 1; i < rowsWith.length; i++) {
      t.press('n');
      expect(t.st().note).toBeNull();
      seen.push(t.st().search.current!.row);
    }
    expect(seen).toEqual(rowsWith);
    t.press('n');
    expect(t.st().search.current!.row).toBe(rowsWith[0]);
    expect(t.st().note).toBe(RS.wrappedTop);
    t.press('N');
    expect(t.st().search.current!.row).toBe(rowsWith[rowsWith.length - 1]);
    expect(t.st().note).toBe(RS.wrappedBottom);
    // The note lasts one key.
    t.press('N');
    expect(t.st().note).toBeNull();
    expect(t.st().search.current!.row).toBe(rowsWith[rowsWith.length - 2]);
  });

  it('full-width and CJK queries, typed key by key or committed by an input method (a paste)', () => {
    const t = setup();
    t.paste('ＳＹＮ');
    expect(t.st().search.prompt).toBeNull(); // no prompt open: a paste is keys, and none of S, Y, N is a reader key here
    t.press('/');
    t.paste('ＳＹＮ');
    t.press('enter');
    expect(t.rows()[t.st().search.current!.row]).toContain('The SYN opens');
    t.press('escape', '/', '握', '手', 'enter');
    expect(t.rows()[t.st().search.current!.row]).toContain('三次握手');
    t.press('escape', '/');
    t.paste('三次握手\n');
    expect(t.st().search.prompt).toBeNull();
    expect(t.rows()[t.st().search.current!.row]).toContain('三次握手');
  });

  it('"not found: X" when nothing matches; Esc cancels the prompt, then clears the search; the query is bounded', () => {
    const t = setup();
    t.press('j', 'j');
    const anchor = t.st().anchor;
    t.press('/', ...'xyzzy', 'enter');
    expect(t.st().note).toBe(RS.notFound('xyzzy'));
    expect(t.st().search.query).toBeNull();
    expect(t.st().anchor).toEqual(anchor);
    t.press('/', 'a', 'escape');
    expect(t.st().search.prompt).toBeNull();
    expect(t.st().anchor).toEqual(anchor);
    t.press('/', ...'syn', 'enter');
    expect(t.footerIds()).toContain('reader.search-step');
    expect(t.footerIds()).toContain('reader.search-clear');
    t.press('escape');
    expect(t.st().search.query).toBeNull();
    expect(topOf(t.s)!.def.id).toBe('lesson');
    // n is the section key again.
    expect(t.footerIds()).toContain('reader.section');
    t.press('/');
    t.paste('x'.repeat(MAX_QUERY + 50));
    expect([...t.st().search.prompt!].length).toBe(MAX_QUERY);
    t.press('y');
    expect([...t.st().search.prompt!].length).toBe(MAX_QUERY);
  });

  it('Enter on an empty prompt searches the last query again; a match marks the row in reverse video without changing its text', () => {
    const t = setup();
    t.press('/', ...'syn', 'enter', 'G', '/', 'enter');
    expect(t.st().search.query).toBe('syn');
    // At the end: the last match is at or after the top row (no wrap); n then wraps to the first.
    expect(t.rows()[t.st().search.current!.row]).toContain('The last SYN');
    expect(t.st().note).toBeNull();
    t.press('n');
    expect(t.rows()[t.st().search.current!.row]).toContain('The SYN opens');
    expect(t.st().note).toBe(RS.wrappedTop);
    const line = [{ text: 'The SYN ' }, { text: 'opens', bold: true }];
    const marked = highlightLine(line, [{ index: 4, length: 3, current: true }, { index: 8, length: 2, current: false }], { color: false });
    expect(marked.map((x) => x.text).join('')).toBe('The SYN opens');
    expect(marked.filter((x) => x.inverse).map((x) => x.text)).toEqual(['SYN', 'op']);
    expect(marked.find((x) => x.text === 'SYN')).toMatchObject({ bold: true, underline: true });
    expect(marked.find((x) => x.text === 'op')).toMatchObject({ bold: true, inverse: true });
    expect(marked.find((x) => x.text === 'SYN')!.color).toBeUndefined();
    expect(highlightLine(line, [{ index: 4, length: 3, current: true }], { color: true }).find((x) => x.text === 'SYN')!.color).toBe('yellow');
  });
});

describe('table of contents', () => {
  it('t opens the sections with the current one marked; j/k and Enter jump there; Esc, t and q close it', () => {
    const t = setup();
    expect(t.footerIds()).toContain('reader.toc');
    t.press('t');
    expect(t.st().toc).toEqual({ cursor: 0 });
    expect(t.footerIds()).toEqual(['toc.move', 'toc.jump', 'toc.close']);
    t.press('j', 'j', 'enter');
    expect(t.st().toc).toBeNull();
    const quizzesRow = t.rows().findIndex((r) => r === 'Quizzes');
    expect(t.top()).toBe(quizzesRow);
    // Reopened: the cursor starts on the section the reader is in.
    t.press('t');
    expect(t.st().toc).toEqual({ cursor: 2 });
    t.press('k', 'k', 'k', 'k');
    expect(t.st().toc).toEqual({ cursor: 0 });
    t.press('escape');
    expect(t.st().toc).toBeNull();
    expect(t.top()).toBe(quizzesRow);
    t.press('t', 't');
    expect(t.st().toc).toBeNull();
    t.press('t', 'q');
    expect(t.st().toc).toBeNull();
    expect(topOf(t.s)!.def.id).toBe('lesson');
  });

  it('fits 40x12: a window around the cursor with "more" rows, the cursor and current entry marked', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ block: i, depth: i === 0 ? 1 : 2, title: `Section number ${i} with a title longer than forty columns` }));
    for (const cursor of [0, 1, 7, 10, 18, 19]) {
      const lines = tocLines(entries, cursor, 3, 40, 8, false).map(lineText);
      expect(lines.length, `cursor ${cursor}`).toBeLessThanOrEqual(8);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
      expect(lines.filter((l) => l.startsWith('›'))).toHaveLength(1);
      expect(lines.find((l) => l.startsWith('›'))).toContain(`number ${cursor} `);
      expect(lines[0]).toBe(RS.tocTitle);
      expect(lines.some((l) => l.includes('more above'))).toBe(cursor > 3);
      expect(lines.some((l) => l.includes('more below'))).toBe(cursor < 16);
    }
    const lines = tocLines(entries.slice(0, 4), 2, 3, 40, 8, true).map(lineText);
    // --ascii: '>' is the cursor, '*' the section the reader is in; deeper headings are indented.
    expect(lines).toEqual(['Contents', '    Section number 0 with a title lon...', '      Section number 1 with a title l...', '>     Section number 2 with a title l...', '  *   Section number 3 with a title l...']);
    expect(withLang('zh-CN', () => tocLines(entries, 0, 0, 40, 8, false)[0]![0]!.text)).toBe('目录');
  });
});
