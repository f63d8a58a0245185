/**
 * The chart view's series (issue 11): `m` cycles all four → without rwnd → cwnd and ssthresh, through
 * the binding table (footer and `?` overlay, en + zh-CN); when the peer's window is far above the
 * other curves the chart opens without it and its legend says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../../src/ui/screens/index.js';
import { playerKeymap, playerScreen } from '../../../src/ui/screens/player.js';
import { playgroundScreen } from '../../../src/ui/screens/playground.js';
import { emptyProgress } from '../../../src/store/types.js';
import { chartSetOf, initPlayer, reducePlayer } from '../../../src/ui/player/model.js';
import { playerKeyAction } from '../../../src/ui/player/inline.js';
import { playerLayout } from '../../../src/ui/player/view.js';
import { lookup } from '../../../src/ui/bindings.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { CHART_SETS, defaultChartSet, mainSender, metricMax, senderMss } from '../../../src/diagram/chart.js';
import { setLang } from '../../../src/i18n/index.js';
import { renderInk, FakeClock } from '../helpers/render.js';

const registry: ScreenRegistry = { ...SCREENS, player: playerScreen, playground: playgroundScreen };
afterEach(() => setLang('en'));

const player = (name: string) => initPlayer(scenarioSource(name)!, name);
/** The number on the chart's top y-axis label (the plot's first row after the title). */
const topLabel = (lines: string[]) => Number(/^\s*([\d.]+)┤/.exec(lines.find((l) => /^\s*[\d.]+┤/.test(l)) ?? '')?.[1]);

describe('which series the chart opens with', () => {
  it('fast-retransmit: the peer window (65535) is far above cwnd, so rwnd is left out; slow-start to 40 MSS keeps all four', () => {
    const fr = player('fast-retransmit').trace!;
    const host = mainSender(fr)!;
    expect(metricMax(fr, host, 'rwnd')).toBeGreaterThanOrEqual(4 * metricMax(fr, host, 'cwnd'));
    expect(defaultChartSet(fr, host)).toBe(1);
    expect(CHART_SETS[1]).toEqual(['cwnd', 'ssthresh', 'flight']);
    const zw = player('zero-window').trace!;
    expect(defaultChartSet(zw, mainSender(zw))).toBe(0);
  });

  it('the default chart of fast-retransmit at 80x24 uses the rows for cwnd, and its legend says rwnd is not shown and how high it goes', () => {
    let s = reducePlayer(player('fast-retransmit'), { type: 'goto', step: Number.MAX_SAFE_INTEGER });
    s = reducePlayer(s, { type: 'toggle-chart' });
    const L = playerLayout(s, 80, 24, false);
    const text = L.diagram.join('\n');
    expect(text).toContain('rwnd not shown (up to 65.5 MSS)');
    expect(text).not.toContain('rwnd (peer window)');
    // The y axis ends near the largest cwnd / FlightSize, not at the peer's 65.5 MSS.
    const host = mainSender(s.trace!)!;
    const most = Math.max(metricMax(s.trace!, host, 'cwnd'), metricMax(s.trace!, host, 'flight'), metricMax(s.trace!, host, 'ssthresh')) / senderMss(s.trace!, host)!;
    expect(topLabel(L.diagram)).toBeGreaterThanOrEqual(most);
    expect(topLabel(L.diagram)).toBeLessThan(2 * most);
  });
});

describe('m cycles the series in the chart view', () => {
  it('is a key of the chart view only, in the footer after the stepping keys; playerKeyAction maps it', () => {
    const off = player('fast-retransmit');
    const on = reducePlayer(off, { type: 'toggle-chart' });
    expect(lookup(playerKeymap(off), 'm')).toBeUndefined();
    expect(lookup(playerKeymap(on), 'm')?.cmd.id).toBe('player.chart-metrics');
    expect(playerKeyAction('m')).toEqual({ type: 'cycle-chart-metrics' });
    // outside the chart view the action changes nothing
    expect(reducePlayer(off, { type: 'cycle-chart-metrics' })).toBe(off);
  });

  it('without rwnd (the default here) → cwnd and ssthresh → all four → without rwnd; a reload keeps the choice', () => {
    let s = reducePlayer(reducePlayer(player('fast-retransmit'), { type: 'goto', step: 1e9 }), { type: 'toggle-chart' });
    const legend = () => playerLayout(s, 120, 40, false).diagram.slice(-2).join(' ');
    expect(chartSetOf(s)).toBe(1);
    s = reducePlayer(s, { type: 'cycle-chart-metrics' });
    expect(chartSetOf(s)).toBe(2);
    expect(legend()).toContain('cwnd');
    expect(legend()).not.toContain('FlightSize');
    expect(legend()).toContain('rwnd not shown');
    s = reducePlayer(s, { type: 'cycle-chart-metrics' });
    expect(chartSetOf(s)).toBe(0);
    expect(legend()).toContain('rwnd (peer window)');
    expect(legend()).not.toContain('not shown');
    expect(topLabel(playerLayout(s, 120, 40, false).diagram)).toBeGreaterThanOrEqual(65.5);
    expect(chartSetOf(reducePlayer(s, { type: 'load', source: s.source, name: s.name }))).toBe(0);
    s = reducePlayer(s, { type: 'cycle-chart-metrics' });
    expect(chartSetOf(s)).toBe(1);
  });

  it.each([
    ['en', 'm series', 'rwnd not shown', 'rwnd (peer window)'],
    ['zh-CN', 'm 曲线', '未显示 rwnd', 'rwnd（对端窗口）'],
  ] as const)('on screen (%s, 80x24): End, c shows the chart without rwnd and "m" in the footer; m m brings rwnd back; ? lists it', async (lang, footer, omitted, rwnd) => {
    setLang(lang);
    const r = await renderInk(
      <App initial={{ screen: 'player', source: scenarioSource('fast-retransmit')!, name: 'fast-retransmit' }} lessons={[]} progress={emptyProgress()} screens={registry} clock={new FakeClock()} />,
      { columns: 80, rows: 24 },
    );
    try {
      await r.press('end');
      expect(r.frame()).not.toContain(footer);
      await r.press('c');
      expect(r.frame()).toContain(omitted);
      expect(r.frame()).toContain(footer);
      await r.press('m', 'm');
      expect(r.frame()).toContain(rwnd);
      expect(r.frame()).not.toContain(omitted);
      await r.press('?');
      expect(r.frame()).toMatch(lang === 'en' ? /m\s+In the chart: show the next set of curves/ : /m\s+在拥塞图中切换显示的曲线/);
      for (const l of r.lines()) expect([...l].length).toBeLessThanOrEqual(80);
    } finally {
      await r.unmount();
    }
  });
});
