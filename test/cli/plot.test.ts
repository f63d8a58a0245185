import { describe, expect, it } from 'vitest';
import { plotCommand, plotRows, parseMetrics, toCsv, writePlot } from '../../src/cli/plot.js';
import { renderChart } from '../../src/diagram/chart.js';
import { UsageError } from '../../src/cli/io.js';
import { setLang } from '../../src/i18n/index.js';
import { fakeIO } from './helpers.js';
import { ccTrace, MSS, STEPS } from '../diagram/chart-trace.js';

describe('synack plot: output of a trace with congestion state', () => {
  const t = ccTrace();

  it('text: the chart of the main sender at --width (default 80) and --height (default 20)', () => {
    const f = fakeIO();
    expect(writePlot(t, 'x.tcp', {}, f.io)).toBe(0);
    expect(f.out()).toBe(renderChart(t, { width: 80, height: 20, host: 'client', metrics: ['cwnd', 'ssthresh', 'flight', 'rwnd'], charset: 'unicode', unit: 'bytes' }).join('\n') + '\n');
    const g = fakeIO();
    expect(writePlot(t, 'x.tcp', { width: '50', height: '12', metric: 'cwnd,ssthresh', ascii: true, unit: 'mss' }, g.io)).toBe(0);
    const lines = g.out().trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[0]).toBe('client: windows in MSS');
    expect(lines[lines.length - 1]).toBe('# cwnd  = ssthresh');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(50);
  });

  it('csv: one row per event from the first with congestion state, ssthresh empty while infinite', () => {
    const f = fakeIO();
    expect(writePlot(t, 'x.tcp', { format: 'csv' }, f.io)).toBe(0);
    const lines = f.out().trimEnd().split('\n');
    expect(lines[0]).toBe('event,t,cwnd,ssthresh,flight,rwnd,dup_acks,phase');
    expect(lines).toHaveLength(1 + STEPS.length);
    expect(lines[1]).toBe('1,100,10000,,0,65535,0,slow-start');
    const fr = STEPS.findIndex((s) => s.cc.phase === 'fast-recovery');
    expect(lines[1 + fr]).toBe(`${fr + 1},300,13000,10000,20000,65535,3,fast-recovery`);
    // Each row is the trace's snapshot after that event.
    for (let i = 1; i < lines.length; i++) {
      const [event, , cwnd] = lines[i].split(',');
      expect(Number(cwnd)).toBe(t.snapshots[Number(event)].client.cc!.cwnd);
    }
    const g = fakeIO();
    writePlot(t, 'x.tcp', { format: 'csv', metric: 'flight,cwnd' }, g.io);
    expect(g.out().split('\n')[0]).toBe('event,t,flight,cwnd,dup_acks,phase');
  });

  it('json: the same rows, null for an infinite ssthresh, with the host and its MSS', () => {
    const f = fakeIO();
    expect(writePlot(t, 'x.tcp', { format: 'json', metric: 'cwnd,ssthresh' }, f.io)).toBe(0);
    const doc = JSON.parse(f.out());
    expect(doc).toMatchObject({ scenario: 'cc-fixture', host: 'client', mss: MSS, unit: 'bytes', metrics: ['cwnd', 'ssthresh'] });
    expect(doc.rows).toEqual(plotRows(t, 'client', ['cwnd', 'ssthresh']));
    expect(doc.rows[0]).toEqual({ event: 1, t: 100, cwnd: 10000, ssthresh: null, dup_acks: 0, phase: 'slow-start' });
    expect(Object.keys(doc.rows[0])).toEqual(['event', 't', 'cwnd', 'ssthresh', 'dup_acks', 'phase']);
  });

  it('--host picks the other end; a host that is not in the run is a usage error with a suggestion', () => {
    const f = fakeIO();
    expect(writePlot(t, 'x.tcp', { format: 'csv', host: 'server', metric: 'rwnd' }, f.io)).toBe(0);
    expect(f.out().split('\n')[1]).toBe('1,100,64000,0,slow-start');
    expect(() => writePlot(t, 'x.tcp', { host: 'sever' }, fakeIO().io)).toThrow(
      new UsageError("--host: no host 'sever' in this run. Did you mean 'server'? Hosts: client, server.", 2),
    );
  });

  it('--metric: each series once, all for the four, a typo gets a suggestion', () => {
    expect(parseMetrics(undefined)).toEqual(['cwnd', 'ssthresh', 'flight', 'rwnd']);
    expect(parseMetrics('rwnd, cwnd,rwnd')).toEqual(['rwnd', 'cwnd']);
    expect(parseMetrics('flight,all')).toEqual(['flight', 'cwnd', 'ssthresh', 'rwnd']);
    expect(() => parseMetrics('cwdn')).toThrow("--metric: unknown series 'cwdn'. Did you mean 'cwnd'? Series: cwnd, ssthresh, flight, rwnd, or all.");
    expect(toCsv([], ['cwnd'])).toBe('event,t,cwnd,dup_acks,phase\n');
  });
});

describe('synack plot: the command', () => {
  it('bad option values are usage errors (exit 2), checked before the script is read', async () => {
    for (const [args, msg] of [
      [['handshake', '--metric', 'cwdn'], "synack plot: --metric: unknown series 'cwdn'. Did you mean 'cwnd'?"],
      [['nosuchfile.tcp', '--format', 'svg'], "synack plot: --format must be text, csv or json, not 'svg'."],
      [['handshake', '--width', '20'], "synack plot: --width must be a whole number from 40 to 300, not '20'."],
      [['handshake', '--height', '200'], "synack plot: --height must be a whole number from 6 to 100, not '200'."],
      [['handshake', '--unit', 'kb'], "synack plot: --unit must be bytes or mss, not 'kb'."],
      [['handshake', '--metirc', 'cwnd'], "synack plot: unknown option '--metirc'. Did you mean '--metric'?"],
    ] as const) {
      const f = fakeIO();
      expect(await plotCommand([...args], f.io)).toBe(2);
      expect(f.err().startsWith(msg), f.err()).toBe(true);
      expect(f.err().split('\n')).toHaveLength(2);
      expect(f.out()).toBe('');
    }
  });

  it('an unknown scenario gets a suggestion (exit 1); a script error is file:line:col (exit 1)', async () => {
    const f = fakeIO();
    expect(await plotCommand(['handshak'], f.io)).toBe(1);
    expect(f.err()).toMatch(/^synack plot: unknown scenario 'handshak'\. Did you mean 'handshake'\?/);
    const g = fakeIO({ stdin: 'client connect\nclient teleport\n' });
    expect(await plotCommand(['-'], g.io)).toBe(1);
    expect(g.err()).toMatch(/^<stdin>:2:8: /);
  });

  it('a run without congestion state is exit 1 with one line (no connection is ever established)', async () => {
    const f = fakeIO({ stdin: 'option listen off\nclient connect\n' });
    expect(await plotCommand(['-'], f.io)).toBe(1);
    expect(f.err()).toBe('synack plot: <stdin>: no congestion-control state in this run (it appears once a connection is established and sends).\n');
    const z = fakeIO({ stdin: 'option listen off\nclient connect\n' });
    try {
      expect(await plotCommand(['-', '--lang', 'zh-CN'], z.io)).toBe(1);
    } finally {
      setLang('en');
    }
    expect(z.err()).toBe('synack plot：<stdin>：这次运行中没有拥塞控制状态（连接建立并发送数据之后才有）。\n');
  });
});
