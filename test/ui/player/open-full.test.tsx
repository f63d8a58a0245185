/**
 * Issue 14: "enter full player" from a lesson's diagram keeps the event under the cursor, the seq
 * mode (and the learner's drops); coming back keeps them too. And `settings.relative` is the
 * remembered seq mode of every player: `s` saves it, every player opens in it.
 */
import { describe, it, expect } from 'vitest';
import { fixtureApp } from '../helpers/fixture-app.js';
import { renderInk } from '../helpers/render.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { parseProgress } from '../../../src/store/progress.js';
import { playerScreen } from '../../../src/ui/screens/player.js';
import { utcDay } from '../../../src/quiz/days.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import type { AppContext } from '../../../src/ui/screen.js';

const stepOf = (frame: string) => frame.match(/step (\d+)\/(\d+)/)?.slice(1).map(Number);

describe('a lesson diagram opened in the full player', () => {
  it('opens at the same event and seq mode, and comes back where the full player was left', async () => {
    const saved: Progress[] = [];
    const r = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'handshake' }, emptyProgress(), saved), { columns: 100, rows: 40 });
    await r.press('tab');
    expect(r.frame()).toMatch(/Enter.*full/i);
    await r.press('right', 'right', 'right', 's');
    expect(stepOf(r.frame())?.[0]).toBe(4);
    expect(r.frame()).toContain('relative seq');
    await r.press('enter');
    expect(r.frame()).toContain('Diagram player');
    expect(stepOf(r.frame())?.[0]).toBe(4);
    expect(r.frame()).toContain('relative seq');
    await r.press('right', 'right', 's');
    expect(stepOf(r.frame())?.[0]).toBe(6);
    expect(r.frame()).toContain('absolute seq');
    await r.press('q');
    expect(r.frame()).not.toContain('Diagram player');
    expect(stepOf(r.frame())?.[0]).toBe(6);
    expect(r.frame()).toContain('absolute seq');
    await r.unmount();
  });

  it('keeps a segment the learner dropped in the lesson, both ways', async () => {
    const r = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'handshake' }), { columns: 100, rows: 40 });
    await r.press('tab', 'd');
    expect(r.frame()).toContain('Dropping segment #0');
    await r.press('enter');
    expect(r.frame()).toContain('dropped by you: #0');
    await r.press('u', 'q');
    // Undone in the full player: delivered again in the lesson.
    await r.press('end');
    expect(r.frame()).not.toContain('✕');
    await r.unmount();
  });
});

describe('settings.relative: the remembered seq mode', () => {
  const source = scenarioSource('handshake')!;
  const ctx = (progress: Progress): AppContext => ({ width: 100, height: 30, ascii: false, color: false, lessons: [], broken: [], progress, now: 0, dayOf: utcDay });

  it('the player opens in the saved mode; --relative / --no-relative on the request win', () => {
    const rel = emptyProgress();
    rel.settings.relative = true;
    expect(playerScreen.init({ screen: 'player', source, name: 'h' }, ctx(emptyProgress())).seq).toBe('absolute');
    expect(playerScreen.init({ screen: 'player', source, name: 'h' }, ctx(rel)).seq).toBe('relative');
    expect(playerScreen.init({ screen: 'player', source, name: 'h', relative: false }, ctx(rel)).seq).toBe('absolute');
  });

  it('s in the player saves it, and the next player and lesson diagram open in it', async () => {
    const saved: Progress[] = [];
    const r = await renderInk(fixtureApp({ screen: 'player', source, name: 'handshake' }, emptyProgress(), saved), { columns: 100, rows: 30 });
    await r.press('s');
    expect(saved.at(-1)?.settings.relative).toBe(true);
    await r.press('s');
    expect(saved.at(-1)?.settings.relative).toBe(false);
    await r.press('s');
    await r.unmount();
    const p = saved.at(-1)!;
    const lesson = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'handshake' }, p), { columns: 100, rows: 40 });
    await lesson.press('tab');
    expect(lesson.frame()).toContain('relative seq');
    // s in the lesson saves it too.
    const more: Progress[] = [];
    await lesson.unmount();
    const again = await renderInk(fixtureApp({ screen: 'lesson', lessonId: 'handshake' }, p, more), { columns: 100, rows: 40 });
    await again.press('tab', 's');
    expect(again.frame()).toContain('absolute seq');
    expect(more.at(-1)?.settings.relative).toBe(false);
    await again.unmount();
  });

  it('the playground opens in it, and s there saves it', async () => {
    const rel = emptyProgress();
    rel.settings.relative = true;
    const saved: Progress[] = [];
    const r = await renderInk(fixtureApp({ screen: 'playground' }, rel, saved), { columns: 100, rows: 30 });
    expect(r.frame()).toContain('relative seq');
    await r.press('s');
    expect(r.frame()).toContain('absolute seq');
    expect(saved.at(-1)?.settings.relative).toBe(false);
    await r.unmount();
  });

  it('old progress files load with their setting, and a file without it loads as absolute', () => {
    const base = { version: 1, lessons: {}, last: null, cards: {}, history: [], mistakes: {} };
    const on = parseProgress(JSON.stringify({ ...base, settings: { streak: false, relative: true } }));
    expect(on.ok && on.progress.settings.relative).toBe(true);
    const off = parseProgress(JSON.stringify({ ...base, settings: { streak: false, relative: false } }));
    expect(off.ok && off.progress.settings.relative).toBe(false);
    const none = parseProgress(JSON.stringify({ ...base, settings: { streak: true } }));
    expect(none.ok).toBe(true);
    expect(none.ok && none.progress.settings).toMatchObject({ streak: true, relative: false });
  });
});
