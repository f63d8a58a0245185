import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { initPlayer, reducePlayer, type PlayerState } from '../../../src/ui/player/model.js';
import { playerLayout } from '../../../src/ui/player/view.js';
import { playerKeyAction } from '../../../src/ui/player/inline.js';
import { PLAYER_KEYMAP } from '../../../src/ui/screens/player.js';
import { PLAYGROUND_KEYMAP, playgroundOnKey } from '../../../src/ui/screens/playground.js';
import { lookup } from '../../../src/ui/bindings.js';
import { initPlayground } from '../../../src/ui/player/playground.js';
import { renderChart } from '../../../src/diagram/chart.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import type { Trace } from '../../../src/tcp/types.js';
import { ccTrace, STEPS } from '../../diagram/chart-trace.js';
import { handshake } from '../../diagram/fixtures.js';

function playerOn(trace: Trace, step: number): PlayerState {
  return { ...initPlayer('', 'cc-fixture'), trace, errors: [], step };
}

describe('the player\'s chart view (c)', () => {
  it('c toggles the chart in the player, the playground and the inline player; reloading keeps it', () => {
    expect(playerKeyAction('c')).toEqual({ type: 'toggle-chart' });
    expect(lookup(PLAYER_KEYMAP, 'c')?.cmd.id).toBe('player.chart');
    expect(playgroundOnKey(initPlayground(), 'c')).toEqual({ action: { type: 'player', action: { type: 'toggle-chart' } } });
    const s = reducePlayer(initPlayer(scenarioSource('transfer')!, 'transfer'), { type: 'toggle-chart' });
    expect(s.chart).toBe(true);
    expect(reducePlayer(s, { type: 'load', source: s.source, name: s.name }).chart).toBe(true);
    expect(reducePlayer(s, { type: 'toggle-chart' }).chart).toBe(false);
    expect(PLAYER_KEYMAP.some((b) => b.cmd.display === 'c' && b.cmd.label === 'chart')).toBe(true);
    expect(PLAYGROUND_KEYMAP.some((b) => b.cmd.display === 'c' && b.cmd.label === 'chart')).toBe(true);
  });

  it('shows the chart in place of the diagram, grown to the cursor with its marker, in windows of MSS', () => {
    for (const step of [2, 5, STEPS.length]) {
      const s = { ...playerOn(ccTrace(), step), chart: true };
      for (const [w, h] of [[40, 14], [80, 24], [120, 40]] as const) {
        const L = playerLayout(s, w, h, false);
        const expected = renderChart(s.trace!, { width: L.diagramWidth, height: L.diagramHeight, upTo: step, cursor: step, charset: 'unicode', unit: 'mss' });
        expect(L.diagram).toEqual(expected.slice(-L.diagramHeight));
        expect(L.diagram.some((l) => l.includes('▲'))).toBe(true);
        for (const l of L.diagram) expect(stringWidth(l)).toBeLessThanOrEqual(L.diagramWidth);
        // The panel and the explanation stay as they are with the diagram.
        const D = playerLayout({ ...s, chart: false }, w, h, false);
        expect(L.explain).toEqual(D.explain);
        expect(L.side).toEqual(D.side);
      }
    }
  });

  it('ASCII: the chart is plain ASCII', () => {
    const L = playerLayout({ ...playerOn(ccTrace(), 4), chart: true }, 80, 24, true);
    for (const l of L.diagram) expect(l).toMatch(/^[\x20-\x7e]*$/);
  });

  it('a run without congestion state says so in place of the chart', () => {
    const L = playerLayout({ ...playerOn(handshake(), 3), chart: true }, 80, 24, false);
    expect(L.diagram.join(' ')).toContain('No congestion-control state');
  });
});
