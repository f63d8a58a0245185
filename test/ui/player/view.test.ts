import { describe, it, expect } from 'vitest';
// Widths are string-width's; columns() skips its cost on box drawing (test/diagram/width.ts).
import { columns } from '../../diagram/width.js';
import { builtInScenarios } from '../../../src/ui/player/run.js';
import { initPlayer, reducePlayer } from '../../../src/ui/player/model.js';
import { playerLayout, SIDE_PANEL_MIN_WIDTH, SIDE_PANEL_WIDTH, SIDE_PANEL_TEXT } from '../../../src/ui/player/view.js';
import { initInline, inlineLines, inlineHeight, onKeyInline, reduceInline } from '../../../src/ui/player/inline.js';

describe('player layout fits every width and height', () => {
  const sizes: [number, number][] = [
    [40, 10],
    [80, 20],
    [99, 30],
    [100, 30],
    [200, 46],
  ];
  for (const sc of builtInScenarios()) {
    it(sc.name, () => {
      const s0 = initPlayer(sc.source, sc.name);
      expect(s0.trace, `${sc.name} runs`).not.toBeNull();
      const n = s0.trace!.events.length;
      for (const [w, h] of sizes) {
        for (const step of [0, Math.floor(n / 2), n - 1]) {
          for (const seq of ['relative', 'absolute'] as const) {
            const s = { ...reducePlayer(s0, { type: 'goto', step }), seq };
            const L = playerLayout(s, w, h, w < 80);
            const rows = 1 + L.diagramHeight + L.bottom.length + L.explainRows + L.noticeRows;
            expect(rows).toBeLessThanOrEqual(Math.max(h, 6));
            expect(L.diagram.length).toBeLessThanOrEqual(L.diagramHeight);
            // The lines wider than their place (none): one assertion per part, not one per line.
            expect(L.diagram.filter((line) => columns(line) > L.diagramWidth)).toEqual([]);
            expect([L.status, ...L.bottom, ...L.explain, L.notice].filter((line) => columns(line) > w)).toEqual([]);
            if (w >= SIDE_PANEL_MIN_WIDTH) {
              expect(L.side).not.toBeNull();
              expect(L.diagramWidth + 1 + SIDE_PANEL_WIDTH).toBe(w);
              expect(L.side!.filter((line) => columns(line) > SIDE_PANEL_TEXT)).toEqual([]);
            } else {
              expect(L.side).toBeNull();
            }
            // the explanation under the diagram is the current event's
            expect(L.explain.join(' ').replace(/\s+/g, ' ')).toContain(s.trace!.events[step].explain.split(' ')[0]);
          }
        }
      }
    });
  }
});

describe('inline player', () => {
  const hs = builtInScenarios().find((s) => s.name === 'handshake')!;
  it('has a fixed height and fits its width; keys map to player actions', () => {
    let s = initInline(hs.source, 'The three-way handshake', 'handshake');
    const h = inlineHeight(s);
    for (const w of [40, 76, 120]) {
      const lines = inlineLines(s, w - 2, false, false);
      expect(lines.length + 2).toBe(h);
      for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(w - 2);
    }
    expect(onKeyInline(s, 'q')).toBeNull();
    expect(onKeyInline(s, 'tab')).toBeNull();
    const a = onKeyInline(s, 'right')!;
    s = reduceInline(s, a);
    expect(s.player.step).toBe(1);
    const lines = inlineLines(s, 78, true, false);
    expect(lines.length + 2).toBe(h);
    expect(lines[0]).toBe('The three-way handshake');
    expect(lines.join('\n')).toContain(s.player.trace!.events[1].explain.slice(0, 20));
  });
});
