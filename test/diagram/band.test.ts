/**
 * Bands: runs of segments in flight collapse into one labelled arrow when the diagram has no room
 * (src/diagram/layout.ts), and the band under the player's cursor expands.
 */
import { describe, it, expect } from 'vitest';
import { runSource, SCENARIOS } from '../../src/tcp/index.js';
import type { SegmentEvent, Trace } from '../../src/tcp/index.js';
import { foldTrace } from '../../src/tcp/fold.js';
import { render, renderWindow, eventRow } from '../../src/diagram/render.js';
import { bandAt, BAND_MIN, DEFAULT_MAX_ROWS, getLayout } from '../../src/diagram/layout.js';
import { withLang } from '../../src/i18n/index.js';
import { strWidth } from '../../src/diagram/text.js';

function trace(src: string): Trace {
  const r = runSource(src);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return foldTrace(r.trace);
}
const BULK = 'option isn client 100\noption isn server 300\noption mss 1000\nclient connect\nclient send 30000\n';
const bulk = trace(BULK);
const segs = (t: Trace) => t.events.filter((e): e is SegmentEvent => e.type === 'segment');
const dataSegs = (t: Trace) => segs(t).filter((s) => s.from === 'client' && s.len > 0);

describe('bands', () => {
  it('collapse every run of data segments and of pure ACKs into one labelled arrow (bands: on)', () => {
    const lines = render(bulk, { width: 100, bands: 'on' });
    const text = lines.join('\n');
    // 30 segments of 1000 bytes from seq 101, in slow start's flights (the rfc initial window of 4
    // segments, then 8, 16 and the last 2, too few for a band).
    expect(text).toContain('×4 segments 101-4101');
    expect(text).toContain('×8 segments 4101-12101');
    expect(text).toContain('×16 segments 12101-28101');
    expect(text).toMatch(/×\d+ ACKs ack=\d+-28101/);
    // Only the last flight's 2 segments (fewer than BAND_MIN) are drawn one by one.
    expect(text.match(/len=1000/g)?.length).toBe(2);
    // Every data segment is in exactly one band, or drawn alone.
    const l = getLayout(bulk, false, { bands: 'on' });
    const inBands = l.collapsed.filter((b) => b.kind === 'data').reduce((n, b) => n + b.members.length, 0);
    const alone = l.items.filter((it) => it.kind === 'arrow' && !it.band && it.seg.len > 0).length;
    expect(inBands + alone).toBe(dataSegs(bulk).length);
    expect(lines.length).toBeLessThan(render(bulk, { width: 100, bands: 'off' }).length / 3);
  });

  it('label seq numbers follow the seq mode, and ASCII output uses x', () => {
    expect(render(bulk, { width: 100, bands: 'on', seq: 'relative' }).join('\n')).toContain('×16 segments 12001-28001');
    const ascii = render(bulk, { width: 100, bands: 'on', charset: 'ascii' }).join('\n');
    expect(ascii).toContain('x16 segments 12101-28101');
    expect(ascii).not.toMatch(/[^\x20-\x7e\n]/);
  });

  it('say it in Chinese too', () => {
    const zh = withLang('zh-CN', () => render(bulk, { width: 100, bands: 'on' }).join('\n'));
    expect(zh).toContain('×16 个报文段 12101-28101');
    expect(zh).toMatch(/×\d+ 个 ACK ack=\d+-28101/);
  });

  it('auto (the default) changes nothing while the diagram fits its height budget, and collapses past it', () => {
    const off = render(bulk, { width: 100, bands: 'off' });
    expect(render(bulk, { width: 100 })).toEqual(off);
    expect(off.length).toBeLessThan(DEFAULT_MAX_ROWS);
    const small = render(bulk, { width: 100, maxRows: 20 });
    expect(small).toEqual(render(bulk, { width: 100, bands: 'on' }));
  });

  it('the handshake has no band (fewer than BAND_MIN segments in any run)', () => {
    const hs = trace('option isn client 100\noption isn server 300\nclient connect\n');
    expect(render(hs, { width: 80, bands: 'on' })).toEqual(render(hs, { width: 80, bands: 'off' }));
    expect(segs(hs).every((_, i) => bandAt(hs, i) === null)).toBe(true);
    expect(BAND_MIN).toBe(3);
  });

  it('bandAt names the band of an event; the segments of a collapsed band sit on its row', () => {
    const data = dataSegs(bulk);
    const i = bulk.events.indexOf(data[10]);
    const b = bandAt(bulk, i)!;
    expect(b.kind).toBe('data');
    expect(b.members).toContain(i);
    expect(b.members.length).toBe(8); // the second flight: data[4..11]
    const syn = bulk.events.findIndex((e) => e.type === 'segment');
    expect(bandAt(bulk, syn)).toBeNull();
    const o = { width: 100, bands: 'on' as const };
    const first = bulk.events.indexOf(data[4]);
    expect(eventRow(bulk, o, i)).toBe(eventRow(bulk, o, first));
  });

  it('expand: the band holding the event under the cursor is drawn segment by segment, the others stay collapsed', () => {
    const data = dataSegs(bulk);
    const i = bulk.events.indexOf(data[10]);
    const o = { width: 100, bands: 'on' as const, expand: i };
    const text = render(bulk, o).join('\n');
    expect(text).not.toContain('×8 segments');
    expect(text).toContain(`ACK seq=${data[10].seq} ack=301 len=1000`);
    expect(text).toMatch(/×\d+ ACKs ack=/); // the ACK band is another band: still collapsed
    // Each segment now has its own row.
    expect(eventRow(bulk, o, i)).toBeGreaterThan(eventRow(bulk, o, bulk.events.indexOf(data[0])));
    // Expanding an event outside any band is the plain collapsed diagram.
    const syn = bulk.events.findIndex((e) => e.type === 'segment');
    expect(render(bulk, { ...o, expand: syn })).toEqual(render(bulk, { width: 100, bands: 'on' }));
  });

  it('a lost segment or a retransmission breaks a run: it stays visible with its ✕ / (retx)', () => {
    const plain = runSource(BULK);
    if (!plain.ok) throw new Error();
    const d = plain.trace.events.filter((e): e is SegmentEvent => e.type === 'segment' && e.from === 'client' && e.len > 0);
    const r = runSource(BULK, { dropSegmentIds: [d[15].id] });
    if (!r.ok) throw new Error();
    const t = foldTrace(r.trace);
    const text = render(t, { width: 110, bands: 'on' }).join('\n');
    expect(text).toContain('✕');
    expect(text).toContain('(retx)');
    // data[15] is in the third flight (data[12..27]): the run breaks around it.
    expect(text).toContain('×3 segments 12101-15101');
    expect(text).toContain('×12 segments 16101-28101');
    const l = getLayout(t, false, { bands: 'on' });
    for (const b of l.collapsed) for (const m of b.members) expect((t.events[m] as SegmentEvent).fate).toBe('delivered');
  });

  it('is deterministic: two runs of the same script, same lines; windows agree with the whole diagram', () => {
    const a = render(trace(BULK), { width: 90, bands: 'on' });
    const b = render(trace(BULK), { width: 90, bands: 'on' });
    expect(a).toEqual(b);
    const o = { width: 90, bands: 'on' as const };
    const w = renderWindow(bulk, { ...o, fromRow: 5, rows: 10 });
    const whole = render(bulk, o);
    expect(w.body).toEqual(whole.slice(2 + 5, 2 + 15));
  });

  it('a 1 MB transfer collapses on its own (auto) into a tenth of the rows; its windows show the bands and the close', () => {
    const big = trace('option isn client 100\noption isn server 300\nclient connect\nclient send 1000000\nclient close\nserver close\n');
    const off = getLayout(big, false, { bands: 'off' });
    const on = getLayout(big, false, {});
    expect(off.totalRows).toBeGreaterThan(DEFAULT_MAX_ROWS); // so auto collapses
    expect(on.collapsed.length).toBeGreaterThan(10);
    expect(on.totalRows).toBeLessThan(off.totalRows / 10);
    const last = big.events.length - 1;
    const end = renderWindow(big, { width: 120, fromRow: Math.max(0, eventRow(big, { width: 120 }, last) - 20), rows: 24 });
    expect(end.body.join('\n')).toContain('FIN');
    const mid = renderWindow(big, { width: 120, fromRow: Math.floor(on.totalRows / 2), rows: 24 });
    expect(mid.body.join('\n')).toMatch(/×\d+ segments \d+-\d+/);
    expect(mid.body.join('\n')).toMatch(/×\d+ ACKs ack=\d+-\d+/);
  });

  it('every built-in scenario draws as before by default (under the budget), and in bands within its width', () => {
    for (const sc of SCENARIOS) {
      const t = trace(sc.source);
      for (const width of [50, 120]) {
        const auto = render(t, { width });
        expect(auto, sc.name).toEqual(render(t, { width, bands: 'off' }));
        const on = render(t, { width, bands: 'on' });
        for (const line of on) expect(strWidth(line), `${sc.name} ${width}`).toBeLessThanOrEqual(width);
        // Every segment is drawn alone or inside exactly one collapsed band.
        const l = getLayout(t, false, { bands: 'on' });
        const hidden = l.collapsed.reduce((n, b) => n + b.members.length - 1, 0);
        const arrows = l.items.filter((it) => it.kind === 'arrow').length;
        expect(arrows + hidden, sc.name).toBe(getLayout(t, false, { bands: 'off' }).items.filter((it) => it.kind === 'arrow').length);
      }
    }
  });

  it('bad option values fall back: a height budget that is not a positive number is the default', () => {
    for (const maxRows of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(render(bulk, { width: 100, maxRows })).toEqual(render(bulk, { width: 100, bands: 'off' }));
    }
    for (const expand of [Number.NaN, -1, 1e9]) expect(render(bulk, { width: 100, bands: 'on', expand })).toEqual(render(bulk, { width: 100, bands: 'on' }));
  });
});
