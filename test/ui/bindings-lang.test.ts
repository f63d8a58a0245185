/**
 * Switching the language on the home screen changes every footer and the `?` overlay at once: the
 * binding table's rows read the catalogues when drawn (issue 13: key tables built at import kept
 * the old language).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { getLang, setLang } from '../../src/i18n/index.js';
import { renderInk, FakeClock } from './helpers/render.js';
import { bundledLessons } from './helpers/fixtures.js';

afterEach(() => setLang('en'));

const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('a language switch on the home screen', () => {
  it('changes the footer of every screen and the help overlay', async () => {
    setLang('en');
    const lessons = bundledLessons();
    const r = await renderInk(createElement(App, { initial: { screen: 'home' }, lessons, progress: emptyProgress(), clock: new FakeClock() }), {
      columns: 100,
      rows: 30,
    });
    const before: string[] = [];
    const visit = async (out: string[]) => {
      out.push(footer(r.frame()));
      await r.press('?');
      out.push(r.frame());
      await r.press('esc');
      for (const item of ['2', '3', '5', '6']) {
        await r.press(item);
        out.push(footer(r.frame()));
        await r.press('?');
        out.push(r.frame());
        await r.press('esc', 'esc');
      }
    };
    await visit(before);
    expect(before[0]).toContain('move');
    // The Language item (Enter switches).
    await r.press('end');
    while (!r.frame().includes('› Language') && !r.frame().includes('❯ Language')) {
      const f = r.frame();
      await r.press('up');
      if (r.frame() === f) break;
    }
    await r.press('enter');
    expect(getLang()).toBe('zh-CN');
    const after: string[] = [];
    await visit(after);
    expect(after[0]).toContain('移动');
    for (let i = 0; i < before.length; i++) {
      expect(after[i], `view ${i}`).not.toBe(before[i]);
      // No English label is left in a footer (the key names stay: Enter, Esc, PgUp ...).
      if (i % 2 === 0) for (const word of ['move', 'open', 'scroll', 'page', 'help', 'back', 'start', 'choose', 'play', 'step']) expect(after[i], `${word} in ${after[i]}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    await r.unmount();
  });
});
