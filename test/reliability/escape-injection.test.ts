/**
 * Terminal escape injection: a lesson whose headings, paragraphs, lists, tables, code fences, quiz
 * prompts/choices, tcp captions and title carry ESC, CSI (clear screen, cursor moves), OSC 0/2
 * (retitle), OSC 8 (hyperlink), OSC 52 (clipboard), BEL, C1 CSI (U+009B) and other controls.
 *   - `synack check` reports each one at its exact file:line:col;
 *   - the lesson pipeline (parse -> block renderer) and the app at 80x24 show them neutralised:
 *     no ESC, no U+009B, no BEL in any frame written to the terminal, and the visible words survive;
 *   - a scenario script with control characters only in comments runs and prints a clean diagram.
 * (Script *error* messages that echo a control character back are a known bug: see
 * test/reliability/pending/escape-script-errors.pending.ts.)
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../src/lessons/parse.js';
import { loadAllLessons } from '../../src/lessons/load.js';
import { blockLines, lineText } from '../../src/ui/components/markdown.js';
import { initQuiz, quizLines } from '../../src/ui/components/inlineQuiz.js';
import type { Block } from '../../src/lessons/types.js';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { ensureBuilt, runCli, tempDir, RAW_CONTROL, STACK_FRAME } from './helpers.js';
import { createElement } from 'react';
import { escapeLesson, WORDS, E, BEL } from './fixtures/escape-lesson.js';

/** Everything checked by `synack check`; the app test uses the same lesson without the tcp-caption injection (known bug, see the pending file). */
const FULL = escapeLesson({ captionInjection: true });
const SHOWN = escapeLesson({ captionInjection: false });
const EXPECTED = FULL.expected;
const TEXT = SHOWN.text;

// eslint-disable-next-line no-control-regex
const DANGEROUS = /[\x1b\x07\x9b\x9d\x90\x9c]/;

let tmp: { dir: string; cleanup(): void };
let lessonsDir: string;

beforeAll(async () => {
  tmp = tempDir();
  lessonsDir = join(tmp.dir, 'lessons');
  mkdirSync(lessonsDir);
  writeFileSync(join(lessonsDir, '01-escapes.md'), TEXT);
  mkdirSync(join(tmp.dir, 'full'));
  writeFileSync(join(tmp.dir, 'full', '01-escapes.md'), FULL.text);
  await ensureBuilt();
}, 60_000);
afterAll(() => tmp.cleanup());

describe('synack check finds every injected control', () => {
  it('reports each at its file:line:col and exits 1', async () => {
    const r = await runCli(['check', join(tmp.dir, 'full')]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    // The report itself must not carry the raw bytes it complains about.
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const reported = r.stdout
      .split('\n')
      .map((l) => /01-escapes\.md:(\d+):(\d+): (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ line: Number(m[1]), col: Number(m[2]), message: m[3] }));
    for (const e of EXPECTED) {
      const hit = reported.find((p) => p.line === e.line && p.col === e.col);
      expect(hit, `no problem reported at ${e.line}:${e.col} (${e.is})`).toBeDefined();
      expect(hit!.message).toContain(e.is);
    }
    expect(EXPECTED.length).toBeGreaterThanOrEqual(25);
  });
});

describe('the lesson pipeline neutralises them', () => {
  const parsed = parseLesson(TEXT, 'escapes.md');

  it('the lesson still parses (the reader shows it; check is what rejects it)', () => {
    expect(parsed.lesson).toBeDefined();
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('the block renderer emits no control characters at any width, and the words survive', () => {
    const blocks = parsed.lesson!.blocks;
    for (const width of [20, 40, 80, 132]) {
      const texts: string[] = [];
      const interactive = (b: Block, _i: number, w: number) =>
        b.type === 'quiz' ? quizLines(b.question, initQuiz(b.question), w, true, false) : [];
      for (const [i, b] of blocks.entries()) for (const l of blockLines(b, { width, ascii: false }, interactive, i)) texts.push(lineText(l));
      const all = texts.join('\n');
      expect(all).not.toMatch(RAW_CONTROL);
      expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      if (width >= 40) for (const w of WORDS) expect(all, `"${w}" at width ${width}`).toContain(w);
    }
  });

  it('the app at 80x24 never writes ESC, BEL or C1 from the lesson, and shows its words', async () => {
    const all = loadAllLessons(lessonsDir);
    expect(all.lessons.map((l) => l.meta.id)).toEqual(['escapes']);
    const clock = new FakeClock();
    const seen: string[] = [];
    const open = (initial: 'home' | 'lessons') =>
      renderInk(createElement(App, { initial: { screen: initial }, lessons: all.lessons, progress: emptyProgress(), clock, color: false }), {
        columns: 80,
        rows: 24,
      });
    // The home screen (shows the lesson's title).
    const r = await open('home');
    seen.push(r.frame());
    await r.unmount();
    // The lesson list, then Enter opens the lesson.
    const r2 = await open('lessons');
    seen.push(r2.frame());
    await r2.press('enter');
    seen.push(r2.frame());
    expect(r2.frame()).toContain('Heading');
    for (let i = 0; i < 12; i++) {
      await r2.press('j', 'j', 'j');
      seen.push(r2.frame());
    }
    await r2.press('G');
    seen.push(r2.frame());
    // Focus the interactive blocks and answer the quiz.
    for (let i = 0; i < 3; i++) {
      await r2.press('tab');
      seen.push(r2.frame());
      await r2.press('enter');
      seen.push(r2.frame());
    }
    await r2.press('?');
    seen.push(r2.frame());
    await r2.unmount();

    // Ink's own cursor show/hide are the only escape sequences allowed in a frame (colour is off).
    const raw = (r.stdout.frames.join('') + r2.stdout.frames.join('')).replaceAll('\x1b[?25h', '').replaceAll('\x1b[?25l', '');
    expect(raw).not.toMatch(DANGEROUS);
    expect(raw).not.toContain('\x1b');
    expect(raw).not.toContain('\u009b');
    expect(raw).not.toContain('\x07');
    const text = seen.join('\n');
    for (const w of WORDS) expect(text, `"${w}" shown somewhere while reading`).toContain(w);
    expect(text).toContain('Escapes');
  });
});

describe('scripts with control characters', () => {
  it('control characters in comments do not reach the printed diagram or trace', async () => {
    const file = join(tmp.dir, 'commented.tcp');
    writeFileSync(file, `# ${E}]0;owned${BEL} retitle\n# ${E}]52;c;aGVsbG8=${BEL}\nclient connect # ${E}[2J\n`);
    for (const args of [['diagram', file, '--plain'], ['trace', file], ['trace', file, '--json'], ['diagram', file, '--format', 'mermaid']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
  });
});
