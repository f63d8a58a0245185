/**
 * A focused quiz taller than the screen (issue 14, 40×12): what a key changed (the revealed answer,
 * the grade prompt) is on screen, and PgUp/PgDn, which scroll the box, are among its keys.
 */
import { describe, it, expect } from 'vitest';
import { renderInk } from '../helpers/render.js';
import { fixtureApp } from '../helpers/fixture-app.js';

describe('a tall recall quiz at 40×12', () => {
  it('shows the grade prompt after reveal, the ? overlay names PgUp/PgDn, and PgUp brings back the question', async () => {
    const r = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'closing', position: 0 }), { columns: 40, rows: 12 });
    for (let i = 0; i < 12 && !/reveal/.test(r.frame()); i++) await r.press('tab');
    expect(r.frame()).toMatch(/reveal/);
    await r.press('enter');
    const f = r.frame();
    expect(f).toContain('How did you do?');
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // The footer has room for the grade keys only at 40 columns; the ? overlay names PgUp/PgDn.
    await r.press('?');
    expect(r.frame()).toMatch(/PgUp\/PgDn/);
    await r.press('escape');
    expect(r.frame()).toContain('How did you do?');
    await r.press('pageup');
    expect(r.frame()).toMatch(/Why does closing/);
    expect(r.lines().at(-1)).toMatch(/1-4 grade/); // still the quiz's keys: PgUp scrolled, it did not unfocus
    await r.press('pagedown');
    expect(r.frame()).toContain('How did you do?');
    await r.press('3');
    expect(r.frame()).toContain('Correct');
    await r.unmount();
  });
});
