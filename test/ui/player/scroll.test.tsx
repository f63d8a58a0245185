/**
 * Issue 14: scrolling back through a diagram's earlier rows, independently of the cursor, with a
 * marker for the rows above and below; a cursor move snaps back. The full player (↑/↓ k/j K/J,
 * PgUp/PgDn) and a lesson's diagram (K/J, bounded by the box).
 */
import { describe, it, expect } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { emptyProgress } from '../../../src/store/types.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { initPlayer } from '../../../src/ui/player/model.js';
import { initInline, inlineLines, onKeyInline, reduceInline } from '../../../src/ui/player/inline.js';
import { renderInk, FakeClock } from '../helpers/render.js';

const source = scenarioSource('four-way-close')!;
const events = initPlayer(source, 'four-way-close').trace!.events.length;

async function openAtEnd(columns: number, rows: number) {
  const r = await renderInk(<App initial={{ screen: 'player', source, name: 'four-way-close' }} lessons={[]} progress={emptyProgress()} clock={new FakeClock()} />, { columns, rows });
  await r.press('end');
  return r;
}

describe('player: scrolling back through earlier rows', () => {
  it('at the end the first rows are above the window, with a marker; ↑ and PgUp scroll back to them, ↓ returns', async () => {
    const r = await openAtEnd(80, 24);
    expect(r.frame()).toContain(`step ${events}/${events}`);
    expect(r.frame()).toMatch(/↑ \d+ more above/);
    expect(r.frame()).not.toContain('FIN,ACK seq=100 ack=300');
    expect(r.frame()).not.toMatch(/more below/);
    await r.press('pageup', 'pageup', 'pageup', 'pageup', 'pageup', 'pageup', 'pageup', 'pageup');
    // At the top: the first segment is on screen, nothing above, the rest below.
    expect(r.frame()).toContain('FIN,ACK seq=100 ack=300');
    expect(r.frame()).not.toMatch(/more above/);
    expect(r.frame()).toMatch(/↓ \d+ more below/);
    // The cursor did not move.
    expect(r.frame()).toContain(`step ${events}/${events}`);
    const top = r.frame();
    await r.press('up', 'k', 'K');
    expect(r.frame()).toBe(top); // clamped at the first row
    await r.press('down');
    expect(r.frame()).toMatch(/↑ [12] more above/);
    await r.press('pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown');
    expect(r.frame()).not.toMatch(/more below/);
    await r.unmount();
  });

  it('a cursor move snaps the view back to the cursor', async () => {
    const r = await openAtEnd(80, 24);
    await r.press('pageup', 'pageup', 'pageup', 'pageup');
    expect(r.frame()).toMatch(/more below/);
    await r.press('left');
    expect(r.frame()).toContain(`step ${events - 1}/${events}`);
    expect(r.frame()).not.toMatch(/more below/);
    await r.unmount();
  });

  it('the markers and the keys in --ascii and at 40x12', async () => {
    const r = await renderInk(
      <App initial={{ screen: 'player', source, name: 'four-way-close' }} lessons={[]} progress={emptyProgress()} clock={new FakeClock()} ascii />,
      { columns: 40, rows: 12 },
    );
    await r.press('end');
    expect(r.frame()).toMatch(/\^ \d+ more above/);
    await r.press('K');
    expect(r.frame()).toMatch(/v 1 more below/);
    await r.unmount();
  });

  it("a lesson's diagram scrolls with K/J inside its box and snaps back on a step", () => {
    const inner = 74;
    const view = { inner, ascii: false };
    let s = initInline(source, null, 'four-way-close');
    s = reduceInline(s, onKeyInline(s, 'end', view)!);
    const atEnd = inlineLines(s, inner, true, false).join('\n');
    expect(atEnd).toMatch(/↑ \d+ more above/);
    for (let i = 0; i < 200; i++) s = reduceInline(s, onKeyInline(s, 'K', view)!);
    const top = inlineLines(s, inner, true, false).join('\n');
    expect(top).not.toMatch(/more above/);
    expect(top).toMatch(/↓ \d+ more below/);
    expect(top).toContain('FIN,ACK seq=100 ack=300');
    expect(s.player.scroll).toBeLessThan(200); // bounded by the box, so J comes back at once
    s = reduceInline(s, onKeyInline(s, 'J', view)!);
    expect(inlineLines(s, inner, true, false).join('\n')).toMatch(/↑ [12] more above/);
    s = reduceInline(s, onKeyInline(s, 'left', view)!);
    expect(inlineLines(s, inner, true, false).join('\n')).not.toMatch(/more below/);
    // Without the box's size the scroll keys do nothing (never an unbounded scroll).
    expect(onKeyInline(s, 'K')).toBeNull();
  });
});
