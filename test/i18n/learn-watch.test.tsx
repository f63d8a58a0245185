/**
 * Issue 15: `synack learn ID --lessons DIR --watch` reloads the open lesson in the interactive app.
 * The watcher (src/cli/watch-lesson.ts, check --watch's debounced watcher) on a temp copy of a
 * course: saving the file gives the new lesson, a broken save gives its error at file:line:col
 * (never a throw). The reader (src/ui/app.tsx + screens/lesson.tsx): the new version replaces the
 * open one near the same reading position; a broken one shows its error in place of the lesson, and
 * the next good save brings the lesson back.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchLesson, type LessonReload } from '../../src/cli/watch-lesson.js';
import { learnCommand } from '../../src/cli/app.js';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { setLang } from '../../src/i18n/index.js';
import type { Lesson } from '../../src/lessons/types.js';
import { fakeIO } from '../cli/helpers.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { T0 } from '../ui/helpers/fixtures.js';

const GOOD = join(__dirname, '..', 'fixtures', 'lessons-good');

afterEach(() => setLang('en'));

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  for (let t = 0; t < ms && !cond(); t += 10) await new Promise((r) => setTimeout(r, 10));
}

describe('the watcher', () => {
  it('reloads the lesson on every save: the new text, then a parse error at file:line:col, then good again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-learn-watch-'));
    const stop = new AbortController();
    try {
      cpSync(GOOD, dir, { recursive: true });
      const file = join(dir, '01-good-basics.md');
      const text = readFileSync(file, 'utf8');
      const seen: LessonReload[] = [];
      const done = watchLesson(dir, 'good-basics', fakeIO({ cwd: dir }).io, (r) => seen.push(r), { signal: stop.signal, debounceMs: 20 });

      writeFileSync(file, text.replace('A paragraph with', 'A freshly saved paragraph with'));
      await until(() => seen.some((r) => r.ok && JSON.stringify(r.lesson.blocks).includes('freshly saved')));
      const good = seen.at(-1)!;
      expect(good.ok && JSON.stringify(good.lesson.blocks)).toContain('freshly saved');

      seen.length = 0;
      writeFileSync(file, text.replace(/^title: .*$/m, 'title: [unclosed'));
      await until(() => seen.some((r) => !r.ok));
      const bad = seen.find((r) => !r.ok)!;
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.file).toMatch(/01-good-basics\.md$/);
        expect(bad.line).toBeGreaterThan(0);
        expect(bad.col).toBeGreaterThan(0);
      }

      seen.length = 0;
      writeFileSync(file, text);
      await until(() => seen.some((r) => r.ok));
      expect(seen.some((r) => r.ok)).toBe(true);
      stop.abort();
      await done;
    } finally {
      stop.abort();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('learn --watch without a lesson is a usage error; with one it no longer asks for --plain', async () => {
    const f = fakeIO({ env: {} });
    expect(await learnCommand(['--watch', '--lessons', GOOD], f.io)).toBe(2);
    expect(f.err()).toContain('--watch needs a lesson');
  });
});

describe('the reader follows the reloaded lesson', () => {
  function lessonWith(l: Lesson, paragraphs: number, marker: string): Lesson {
    const blocks = Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', inlines: [{ type: 'text', text: `${marker} paragraph ${i + 1}.` }], line: i + 1 }));
    return { ...l, blocks: blocks as unknown as Lesson['blocks'], questions: [] };
  }

  it('shows the new text near the same place, the error while it is broken, and the lesson again', async () => {
    const { fixtureLessons } = await import('../ui/helpers/fixtures.js');
    const base = fixtureLessons()[0]!;
    const v1 = lessonWith(base, 60, 'Old');
    const v2 = lessonWith(base, 60, 'New');
    const clock = new FakeClock(T0);
    const el = (ls: Lesson[], broken: { file: string; message: string; line?: number; col?: number; lessonId?: string }[] = []) => (
      <App initial={[{ screen: 'lessons' }, { screen: 'lesson', lessonId: base.meta.id }]} lessons={ls} broken={broken} progress={emptyProgress()} clock={clock} />
    );
    const r = await renderInk(el([v1]), { columns: 80, rows: 24 });
    expect(r.frame()).toContain('Old paragraph 1.');
    await r.press('pagedown', 'pagedown');
    const top = /Old paragraph (\d+)\./.exec(r.frame())![1];
    expect(Number(top)).toBeGreaterThan(10);

    await r.rerender(el([v2]));
    expect(r.frame()).toContain(`New paragraph ${top}.`);
    expect(r.frame()).not.toContain('Old paragraph');
    expect(r.frame()).not.toContain('New paragraph 1.');

    await r.rerender(el([], [{ file: 'lessons/01-basics.md', message: "bad front matter: 'title' is not closed", line: 3, col: 8, lessonId: base.meta.id }]));
    expect(r.frame()).toContain("lessons/01-basics.md:3:8: bad front matter: 'title' is not closed");
    expect(r.frame()).toContain('Fix the file and save');

    await r.rerender(el([v1]));
    expect(r.frame()).toContain('Old paragraph');
    await r.unmount();
  });
});
