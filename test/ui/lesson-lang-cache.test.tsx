/**
 * The lesson's laid-out lines are cached per lesson object; the language can change while the app
 * runs (home settings) and the same lesson object is shown again (a lesson without a translation
 * is the same object in both languages): its labels (a callout's "Note") must follow the language.
 * Found when the test files started sharing modules: an English screen showed 注意 for Note, laid
 * out earlier in zh-CN by another file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { renderInk } from './helpers/render.js';
import { fixtureApp } from './helpers/fixture-app.js';

afterAll(() => setLang('en'));

async function lessonText(): Promise<string> {
  // Tall enough to show the whole fixture lesson, callouts included.
  const r = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'basics', position: 0 }), { columns: 100, rows: 200 });
  const f = r.frame();
  await r.unmount();
  return f;
}

describe('a lesson shown again after the language changed', () => {
  it('shows the callout labels of the new language', async () => {
    setLang('zh-CN');
    const zh = await lessonText();
    expect(zh).toContain('注意');
    setLang('en');
    const en = await lessonText();
    expect(en).toContain('│ Note');
    expect(en).not.toContain('注意');
    setLang('zh-CN');
    expect(await lessonText()).toContain('注意');
  });
});
