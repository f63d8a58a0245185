import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import {
  axisLabel,
  ccHosts,
  ccRows,
  ccSenders,
  mainSender,
  niceCeil,
  renderChart,
  senderMss,
  CHART_METRICS,
} from '../../src/diagram/chart.js';
import { withLang } from '../../src/i18n/index.js';
import { ccTrace, MSS, STEPS } from './chart-trace.js';
import { handshake } from './fixtures.js';

/** The plot rows of a chart (between the title and the x axis), without the y gutter. */
function plot(lines: string[], ascii: boolean): { rows: string[]; gutter: number; axis: string } {
  const corner = ascii ? '+' : '└';
  const axisAt = lines.findIndex((l) => l.trimStart().startsWith(corner) && /^[\s]*[+└][-─▲^]+$/.test(l));
  const gutter = [...lines[axisAt]].indexOf(corner) + 1;
  const first = lines.findIndex((l) => /[|│┤+]/.test([...l][gutter - 1] ?? ''));
  return { rows: lines.slice(first, axisAt).map((l) => [...l].slice(gutter).join('')), gutter, axis: [...lines[axisAt]].slice(gutter).join('') };
}

describe('chart data', () => {
  it('reads the congestion state of every event after which the host has one', () => {
    const t = ccTrace();
    const rows = ccRows(t, 'client');
    expect(rows.map((r) => r.cc.cwnd)).toEqual(STEPS.map((s) => s.cc.cwnd ?? 10 * MSS));
    expect(rows.map((r) => r.index)).toEqual(STEPS.map((_, i) => i + 1));
    expect(ccHosts(t)).toEqual(['client', 'server']);
    expect(ccSenders(t)).toEqual(['client']);
    expect(mainSender(t)).toBe('client');
    expect(ccSenders(ccTrace({ serverSends: true }))).toEqual(['client', 'server']);
    expect(mainSender(handshake())).toBeNull();
  });

  it('takes the MSS from the snapshot, else from a write split into full segments, else none', () => {
    expect(senderMss(ccTrace({ smss: true }), 'client')).toBe(MSS);
    expect(senderMss(ccTrace(), 'client')).toBe(MSS);
    // The server never split a write: its MSS cannot be told from its segments.
    expect(senderMss(ccTrace({ serverSends: true }), 'server')).toBeNull();
  });

  it('rounds the axis top and writes labels compactly', () => {
    expect([1, 7, 10, 11, 20, 21, 26, 65535, 100001].map(niceCeil)).toEqual([1, 10, 10, 20, 20, 25, 50, 100000, 200000]);
    expect(axisLabel(14600, 'bytes')).toBe('14600');
    expect(axisLabel(250000, 'bytes')).toBe('250k');
    expect(axisLabel(2_500_000, 'bytes')).toBe('2.5M');
    expect(axisLabel(7.5, 'mss')).toBe('7.5');
  });
});

describe('renderChart', () => {
  const t = ccTrace();

  it('fits every width and height, in Unicode and ASCII (ASCII output is plain ASCII)', () => {
    for (const charset of ['unicode', 'ascii'] as const) {
      for (const width of [20, 28, 40, 61, 120, 300]) {
        for (const height of [3, 4, 7, 24]) {
          for (const cursor of [undefined, 5]) {
            const lines = renderChart(t, { width, height, charset, cursor, upTo: cursor });
            expect(lines.length).toBeLessThanOrEqual(height);
            for (const l of lines) expect(stringWidth(l), `${width}x${height}: ${l}`).toBeLessThanOrEqual(width);
            if (charset === 'ascii') for (const l of lines) expect(l).toMatch(/^[\x20-\x7e]*$/);
          }
        }
      }
    }
  });

  it('is deterministic, byte for byte', () => {
    const o = { width: 72, height: 18, cursor: 6, upTo: 6 };
    expect(renderChart(ccTrace(), o)).toEqual(renderChart(ccTrace(), o));
  });

  it('draws cwnd as a step function at the right row and column for every event', () => {
    // 21 plot rows for 0..20000: one row per 1000 bytes (= 1 MSS).
    const width = 60;
    const lines = renderChart(t, { width, height: 1 + 21 + 2 + 1, charset: 'ascii', metrics: ['cwnd'] });
    const { rows, axis } = plot(lines, true);
    expect(rows).toHaveLength(21);
    expect(lines[1]).toMatch(/^20000\+/);
    const W = axis.length;
    const t0 = STEPS[0].t;
    const t1 = STEPS[STEPS.length - 1].t;
    for (const s of STEPS) {
      const cwnd = s.cc.cwnd ?? 10 * MSS;
      const col = Math.round(((s.t - t0) / (t1 - t0)) * (W - 1));
      const row = 20 - cwnd / 1000;
      expect(rows[row][col], `cwnd ${cwnd} at t=${s.t}`).toBe('#');
    }
    // The cut at the third duplicate ACK is a riser: 20000 down to 13000 in one column (t=300).
    const col300 = Math.round(((300 - t0) / (t1 - t0)) * (W - 1));
    for (let r = 0; r <= 7; r++) expect(rows[r][col300]).toBe('#');
    // Flat between events: cwnd stays 20000 from t=200 to t=300.
    const col200 = Math.round(((200 - t0) / (t1 - t0)) * (W - 1));
    for (let c = col200; c <= col300; c++) expect(rows[0][c]).toBe('#');
  });

  it('leaves ssthresh out while it is infinite and draws it after the loss', () => {
    const lines = renderChart(t, { width: 60, height: 25, charset: 'ascii', metrics: ['ssthresh', 'cwnd'] });
    const { rows, axis } = plot(lines, true);
    const W = axis.length;
    const colOf = (ms: number) => Math.round(((ms - 100) / 400) * (W - 1));
    // ssthresh (10000) sits under cwnd at t=400 (10000) but shows where cwnd is above it.
    const drawn = (c: number) => rows.some((r) => r[c] === '=');
    expect(drawn(colOf(200))).toBe(false);
    expect(drawn(colOf(300))).toBe(true);
    expect(drawn(colOf(350))).toBe(true);
  });

  it('grows with the cursor: nothing right of the current event, a marker and its time on the axis', () => {
    const upTo = 4; // t=200
    const lines = renderChart(t, { width: 50, height: 14, charset: 'ascii', upTo, cursor: upTo, metrics: ['cwnd', 'flight'] });
    const { rows, axis, gutter } = plot(lines, true);
    const c = axis.indexOf('^');
    expect(c).toBe(Math.round(((200 - 100) / 400) * (axis.length - 1)));
    for (const r of rows) expect(r.slice(c + 1).trim()).toBe('');
    for (const r of rows) expect(['#', '+', ':']).toContain(r[c]);
    const labels = lines[lines.indexOf(lines.find((l) => l.includes('^'))!) + 1];
    expect(labels.slice(gutter + c - 1, gutter + c + 2)).toBe('200');
  });

  it('has a legend naming each series it draws, in both languages', () => {
    const en = renderChart(t, { width: 80, height: 20 });
    expect(en[en.length - 1]).toBe('█ cwnd  ═ ssthresh  ░ FlightSize  · rwnd (peer window)');
    const zh = withLang('zh-CN', () => renderChart(t, { width: 80, height: 20 }));
    expect(zh[0]).toBe('client：窗口（单位：字节）');
    expect(zh[zh.length - 1]).toContain('rwnd（对端窗口）');
    const two = renderChart(t, { width: 80, height: 20, metrics: ['ssthresh', 'cwnd'] });
    expect(two[two.length - 1]).toBe('═ ssthresh  █ cwnd');
    // Narrow: short names, wrapped, nothing lost.
    const narrow = renderChart(t, { width: 24, height: 20 });
    expect(narrow.slice(-2).join(' ')).toMatch(/cwnd.*ssth.*flight.*rwnd/);
  });

  it('shows windows in MSS when asked and the MSS is known', () => {
    const lines = renderChart(t, { width: 60, height: 12, unit: 'mss', metrics: ['cwnd'] });
    expect(lines[0]).toBe('client: windows in MSS');
    expect(lines[1]).toMatch(/^20┤/);
  });

  it('says so when there is no congestion state', () => {
    expect(renderChart(handshake(), { width: 80, height: 10 }).join(' ')).toBe(
      'No congestion-control state in this run (it appears once a connection is established).',
    );
    expect(renderChart(t, { width: 40, height: 10, host: 'nobody' })[0]).toMatch(/^No congestion-control state for nobody/);
    expect(CHART_METRICS).toEqual(['cwnd', 'ssthresh', 'flight', 'rwnd']);
  });
});
