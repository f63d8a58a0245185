/**
 * Snapshots of the shell's screens at 40x12 (the smallest size synack runs at), 80x24 and 120x40 (fixture lessons, fake clock, no colour).
 */
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { App } from '../../src/ui/app.js';
import type { ScreenRequest } from '../../src/ui/screen.js';
import type { Progress } from '../../src/store/types.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock, type Rendered } from './helpers/render.js';
import { fixtureLessons, sampleProgress, T0 } from './helpers/fixtures.js';

const SIZES = [
  { columns: 40, rows: 12 },
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];

async function open(initial: ScreenRequest | ScreenRequest[], size: { columns: number; rows: number }, progress?: Progress, ascii = false): Promise<Rendered> {
  const lessons = fixtureLessons();
  return renderInk(
    <App initial={initial} lessons={lessons} progress={progress ?? sampleProgress(lessons)} clock={new FakeClock(T0)} ascii={ascii} />,
    size,
  );
}

function checkFits(r: Rendered, size: { columns: number; rows: number }) {
  const lines = r.lines();
  expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
  for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(size.columns);
}

describe.each(SIZES)('screens at $columns x $rows', (size) => {
  const tag = `${size.columns}x${size.rows}`;

  it('home', async () => {
    const r = await open({ screen: 'home' }, size);
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`home ${tag}`);
    await r.unmount();
  });

  it('home, fresh progress, ascii', async () => {
    const r = await open({ screen: 'home' }, size, emptyProgress(), true);
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`home ascii ${tag}`);
    await r.unmount();
  });

  it('lesson list', async () => {
    const r = await open({ screen: 'lessons' }, size);
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`lessons ${tag}`);
    await r.unmount();
  });

  it('a lesson at the top and mid-scroll', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'basics', position: 0 }, size, emptyProgress());
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`lesson top ${tag}`);
    await r.press('n', 'j', 'j', 'j');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`lesson mid-scroll ${tag}`);
    await r.unmount();
  });

  it('a quiz block before and after answering', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'basics', position: 0 }, size, emptyProgress());
    await r.press('n', 'n', 'tab');
    expect(r.frame()).toContain('What is the unit of data');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`quiz before ${tag}`);
    await r.press('down', 'down', 'enter');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`quiz after wrong answer ${tag}`);
    await r.unmount();
  });

  it('the layers block stepped', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'basics', position: 0 }, size, emptyProgress());
    await r.press('G', 'tab', 'tab', 'tab');
    await r.press('right', 'right', 'right');
    expect(r.frame()).toContain('step 3/4');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`layers step 3 ${tag}`);
    await r.unmount();
  });

  it('the inline diagram focused and stepped', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'handshake', position: 0 }, size, emptyProgress());
    await r.press('tab', 'right', 'right', 'right');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`inline diagram ${tag}`);
    await r.unmount();
  });

  it('the help overlay', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'basics', position: 0 }, size, emptyProgress());
    await r.press('?');
    expect(r.frame()).toContain('Keys: Basics of the wire');
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`help overlay ${tag}`);
    await r.unmount();
  });

  it('the help screen', async () => {
    const r = await open({ screen: 'help' }, size);
    checkFits(r, size);
    expect(r.frame()).toMatchSnapshot(`help screen ${tag}`);
    await r.unmount();
  });
});

describe('too small', () => {
  it('shows the make-it-larger message below 40x12 and recovers', async () => {
    const r = await open({ screen: 'home' }, { columns: 39, rows: 20 });
    expect(r.frame()).toMatchSnapshot('too small 39x20');
    await r.resize(60, 11);
    expect(r.frame()).toMatchSnapshot('too small 60x11');
    await r.resize(40, 12);
    expect(r.frame()).toContain('Continue');
    checkFits(r, { columns: 40, rows: 12 });
    expect(r.frame()).toMatchSnapshot('smallest 40x12');
    await r.unmount();
  });
});
