import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { render, renderStyled, renderWindow, eventRow, MIN_WIDTH } from '../../src/diagram/render.js';
import type { SegmentEvent, TimerEvent, Trace } from '../../src/tcp/types.js';
import { builtin, BUILTIN_NAMES } from './helpers.js';
import { FIXTURES, TraceBuilder, handshake } from './fixtures.js';
// Widths are string-width's; columns() skips its cost on box drawing (test/diagram/width.ts).
import { columns, widest, ONE_COLUMN_RANGES } from './width.js';

/** The plain diagram of a built-in scenario, drawn once per width and charset for the whole file
 *  (the goldens, the width sweep and the ASCII check ask for some of the same). */
const printed = new Map<string, string[]>();
function print(name: string, width: number, charset: 'unicode' | 'ascii'): string[] {
  const key = `${name}|${width}|${charset}`;
  let lines = printed.get(key);
  if (!lines) {
    lines = render(builtin(name), { width, charset });
    printed.set(key, lines);
  }
  return lines;
}

describe('golden diagrams of every built-in scenario', () => {
  for (const name of BUILTIN_NAMES) {
    for (const width of [80, 120]) {
      for (const charset of ['unicode', 'ascii'] as const) {
        it(`${name} at ${width} columns, ${charset}`, async () => {
          const lines = print(name, width, charset);
          expect(widest(lines)).toBeLessThanOrEqual(width);
          await expect(lines.join('\n') + '\n').toMatchFileSnapshot(`./__golden__/${name}.${width}.${charset}.txt`);
        });
      }
    }
  }
});

describe('width', () => {
  // Every width from 40 to 200 is checked on a quarter of the scenarios: scenario i takes the widths
  // w with (w + i) % 4 === 0 (so each width is checked on four scenarios, the sixteen together cover
  // them all), plus on every scenario the boundary widths: the smallest, the usual terminal widths
  // and one either side of them, the widest. A quarter of the renders of checking every width on
  // every scenario.
  const BOUNDARY = [40, 41, 42, 59, 60, 61, 79, 80, 81, 99, 100, 101, 119, 120, 121, 159, 160, 161, 199, 200];
  const STRIDE = 4;
  it('the quick measure of these tests is string-width\'s: its glyphs are one column each and never join', () => {
    let all = '';
    for (const [a, b] of ONE_COLUMN_RANGES) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCodePoint(c);
        expect(stringWidth(ch), `U+${c.toString(16)}`).toBe(1);
        expect(columns(ch)).toBe(1);
        all += ch;
      }
    }
    // Side by side, in both orders, they stay one column each.
    const mixed = all + [...all].reverse().join('');
    expect(stringWidth(mixed)).toBe(mixed.length);
    expect(columns(mixed)).toBe(mixed.length);
    // Anything else is measured by string-width.
    for (const l of ['客户端 │ SYN', '◽─◾', 'e\u0301─', '👍►']) expect(columns(l), l).toBe(stringWidth(l));
  });
  it('the sample covers every width 40..200 on at least one scenario', () => {
    const covered = new Set<number>();
    BUILTIN_NAMES.forEach((_n, i) => widthsFor(i).forEach((w) => covered.add(w)));
    for (let w = 40; w <= 200; w++) expect(covered.has(w), `width ${w}`).toBe(true);
  });
  function widthsFor(i: number): number[] {
    const out = new Set(BOUNDARY);
    for (let w = 40; w <= 200; w++) if ((w + i) % STRIDE === 0) out.add(w);
    return [...out].sort((a, b) => a - b);
  }
  // One test per scenario (each with its own time budget on a loaded machine).
  BUILTIN_NAMES.forEach((name, i) => {
    it(`no line of ${name} exceeds the width, 40..200 columns (sampled), both charsets`, () => {
      for (const width of widthsFor(i)) {
        for (const charset of ['unicode', 'ascii'] as const) {
          const lines = print(name, width, charset);
          const over = lines.find((l) => columns(l) > width);
          expect(over, `${name} at ${width} ${charset}`).toBeUndefined();
        }
      }
    });
  });

  it('holds for compact, relative and hidden-gutter variants too', () => {
    for (const name of BUILTIN_NAMES) {
      const trace = builtin(name);
      for (const width of [40, 41, 55, 63, 79, 100, 137, 300]) {
        for (const o of [{ compact: true }, { seq: 'relative' as const }, { showTime: false }, { showStates: false }]) {
          const lines = render(trace, { width, ...o });
          expect(widest(lines), `${name} ${width} ${JSON.stringify(o)}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('below the minimum width returns a numbered list of events that still fits', () => {
    const trace = builtin('handshake');
    for (const width of [1, 5, 12, 20, MIN_WIDTH - 1]) {
      const lines = render(trace, { width });
      expect(widest(lines), `width ${width}`).toBeLessThanOrEqual(width);
    }
    const lines = render(trace, { width: 30 });
    expect(lines.some((l) => l.startsWith('1. 0ms'))).toBe(true);
    expect(lines.join('\n')).not.toContain('│');
    expect(lines.join(' ')).toContain('SYN,ACK');
  });

  it('abbreviates labels as the width shrinks, then moves them to a legend', () => {
    const trace = builtin('handshake');
    expect(render(trace, { width: 120 }).join('\n')).toContain('SYN,ACK seq=300 ack=101');
    const narrow = render(trace, { width: 40 }).join('\n');
    expect(narrow).toContain('S,A 300/101');
    expect(narrow).not.toContain('SYN,ACK seq=300');
    // A segment with a long label in a narrow diagram goes to the legend as #id.
    const b = new TraceBuilder('long');
    b.seg(0, 'client', 'server', ['PSH', 'ACK'], 4000000000, 4100000000, { len: 1460, retx: true });
    const lines = render(b.build(), { width: 40 });
    expect(lines.some((l) => l.includes('#0') && !l.includes('seq='))).toBe(true);
    const legend = lines.slice(lines.findIndex((l) => l.startsWith('#0 '))).join(' ').replace(/ +/g, ' ');
    expect(legend).toContain('#0 PSH,ACK seq=4000000000 ack=4100000000 len=1460 (retx)');
  });

  it('measures CJK host names in columns', () => {
    const b = new TraceBuilder('cjk', {
      客户端: { ip: '10.0.0.1', port: 5000, isn: 100, role: 'client' },
      服务器甲乙丙丁戊己庚辛壬癸: { ip: '10.0.0.2', port: 80, isn: 300, role: 'server' },
    });
    b.state(0, '客户端', 'CLOSED', 'SYN-SENT');
    b.seg(0, '客户端', '服务器甲乙丙丁戊己庚辛壬癸', ['SYN'], 100, null);
    for (let width = 36; width <= 120; width++) {
      const lines = render(b.build(), { width });
      expect(widest(lines), `width ${width}`).toBeLessThanOrEqual(width);
    }
    expect(render(b.build(), { width: 80 })[0]).toContain('客户端');
  });
});

describe('ascii charset', () => {
  it('contains only printable ASCII for every built-in', () => {
    for (const name of BUILTIN_NAMES) {
      for (const width of [40, 80, 120]) {
        const text = print(name, width, 'ascii').join('\n');
        expect(text, name).toMatch(/^[\x20-\x7e\n]*$/);
      }
    }
  });
  it('turns non-ASCII host names into ?', () => {
    const b = new TraceBuilder('cjk', {
      客户端: { ip: '10.0.0.1', port: 5000, isn: 100, role: 'client' },
      server: { ip: '10.0.0.2', port: 80, isn: 300, role: 'server' },
    });
    b.seg(0, '客户端', 'server', ['SYN'], 100, null);
    expect(render(b.build(), { width: 80, charset: 'ascii' }).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

/** Column of the first lifeline, read from the initial-state row. */
function lifelines(line: string): number[] {
  const out: number[] = [];
  [...line].forEach((c, i) => {
    if (c === '│' || c === '├' || c === '┤') out.push(i);
  });
  return out;
}

describe('what the diagram shows', () => {
  it('the handshake at 80 columns reads like RFC 793 Figure 7', () => {
    const lines = render(builtin('handshake'), { width: 80 });
    expect(lines[0]).toMatch(/^\s*ms client\s+server$/);
    expect(lines[1]).toMatch(/192\.168\.10\.1:6784\s+110\.242\.68\.3:80$/);
    const find = (label: string) => lines.findIndex((l) => l.includes(label));
    const syn = find('SYN seq=100');
    const synack = find('SYN,ACK seq=300 ack=101');
    const ack = find('ACK seq=101 ack=301');
    expect(syn).toBeGreaterThan(0);
    expect(synack).toBeGreaterThan(syn);
    expect(ack).toBeGreaterThan(synack);
    // Exactly three arrows: three departures (├ or ┤) and three heads.
    const body = lines.slice(2).join('\n');
    expect(body.match(/[├┤]/g)?.length).toBe(3);
    expect(body.match(/[►◄]/g)?.length).toBe(3);
    // States on both sides: the client's on the left, the server's on the right.
    const stateRow = (s: string, side: 'left' | 'right') =>
      lines.find((l) => {
        const [a, b] = lifelines(l);
        const i = l.indexOf(s);
        return i >= 0 && (side === 'left' ? i < a : i > b);
      });
    expect(stateRow('SYN-SENT', 'left')).toBeDefined();
    expect(stateRow('LISTEN', 'right')).toBeDefined();
    expect(stateRow('SYN-RECEIVED', 'right')).toBeDefined();
    expect(stateRow('ESTABLISHED', 'left')).toBeDefined();
    expect(stateRow('ESTABLISHED', 'right')).toBeDefined();
    // The SYN starts on the client's SYN-SENT row at 0 ms, and the arrows slope over several rows.
    expect(lines[syn]).toMatch(/^\s+0 SYN-SENT\s+├─+ SYN seq=100/);
    const arrival = lines.findIndex((l) => l.includes('►│'));
    expect(arrival - syn).toBeGreaterThanOrEqual(2);
    expect(lines[arrival]).toMatch(/^\s+50 .*►│\s+SYN-RECEIVED$/);
  });

  it('syn-retransmit: the lost SYN ends in ✕ and the retransmission leaves one RTO later', () => {
    const trace = builtin('syn-retransmit');
    const segs = trace.events.filter((e): e is SegmentEvent => e.type === 'segment');
    const lost = segs.find((s) => s.fate === 'dropped' && s.flags.includes('SYN'))!;
    const retx = segs.find((s) => s.retransmission && s.flags.includes('SYN'))!;
    const timer = trace.events.find((e): e is TimerEvent => e.type === 'timer' && e.timer === 'retransmit' && e.action === 'set' && e.t === lost.t)!;
    expect(timer.expires! - timer.t).toBe(retx.t - lost.t);
    const lines = render(trace, { width: 80 });
    const dep = lines.findIndex((l) => /├─+/.test(l));
    const x = lines.findIndex((l) => l.includes('✕'));
    expect(x).toBeGreaterThan(dep);
    expect(lines[x]).toMatch(/✕ SYN seq=100\s+│/);
    // The ✕ is partway: not at the server's lifeline.
    const [, server] = lifelines(lines[x]);
    expect(lines[x].indexOf('✕')).toBeLessThan(server - 4);
    const r = lines.findIndex((l) => l.includes('SYN seq=100 (retx)'));
    expect(lines[r]).toMatch(new RegExp(`^\\s+${retx.t} RTO expired\\s+├`));
    expect(lines[dep]).toMatch(new RegExp(`^\\s+${lost.t} SYN-SENT`));
    // Between them time passes with nothing in flight: a dashed row.
    expect(lines.slice(x, r).some((l) => l.includes('┆'))).toBe(true);
  });

  it('simultaneous-close: the two FINs cross and both sides reach CLOSING', () => {
    const lines = render(builtin('simultaneous-close'), { width: 80 });
    const dep = lines.findIndex((l) => /FIN-WAIT-1\s+├.*┤\s+FIN-WAIT-1$/.test(l));
    expect(dep).toBeGreaterThan(0);
    expect(lines[dep]).toContain('FIN,ACK');
    const arr = lines.findIndex((l) => /CLOSING\s+│◄.*►│\s+CLOSING$/.test(l));
    expect(arr).toBeGreaterThan(dep + 1);
    // In the rows between, the left-to-right and right-to-left runs meet in the middle.
    const middle = lines.slice(dep + 1, arr);
    const runs = middle.map((l) => [...l.matchAll(/─+/g)].map((m) => [m.index!, m.index! + m[0].length - 1]));
    expect(runs.some((r) => r.length === 1)).toBe(true); // the crossing row: one merged run
    expect(runs[0].length).toBe(2);
    const [a0, b0] = runs[0];
    const [a1, b1] = runs[runs.length - 1];
    expect(a0[0]).toBeLessThan(b0[0]);
    // Before the crossing the client's run is left of the server's; after it, right of it.
    expect(a1[0]).toBeLessThan(b1[0]);
    expect(a1[0]).toBeGreaterThan(a0[0]);
    expect(b1[0]).toBeLessThan(b0[0]);
    expect(lines.join('\n')).toMatch(/TIME-WAIT/);
  });

  it('TIME-WAIT has a 2MSL bracket on the lifeline', () => {
    const lines = render(builtin('four-way-close'), { width: 80 });
    const top = lines.findIndex((l) => /TIME-WAIT\s+┌│/.test(l));
    const bottom = lines.findIndex((l) => /CLOSED\s+└│/.test(l));
    expect(top).toBeGreaterThan(0);
    expect(bottom).toBeGreaterThan(top);
    expect(lines.slice(top, bottom).some((l) => /2MSL 240s\s+│/.test(l))).toBe(true);
  });

  it('a SYN flood is summarised with the SYN queue fill', () => {
    const text = render(builtin('syn-flood'), { width: 100 }).join('\n');
    expect(text).toMatch(/×\d+ SYN from spoofed sources/);
    expect(text).toContain('SYN queue 5/5 full');
    const fx = render(FIXTURES['syn-flood'](), { width: 80 }).join('\n');
    expect(fx).toContain('×100 SYN from spoofed sources');
    expect(fx).toContain('×2 SYN,ACK to spoofed sources');
    expect(fx).toContain('connect(): connection timed out');
    expect(render(builtin('syn-flood'), { width: 80, charset: 'ascii' }).join('\n')).toMatch(/x\d+ SYN from spoofed/);
  });

  it('relative sequence numbers count from each side\'s ISN', () => {
    const text = render(builtin('handshake'), { width: 80, seq: 'relative' }).join('\n');
    expect(text).toContain('SYN seq=0');
    expect(text).toContain('SYN,ACK seq=0 ack=1');
    expect(text).toContain('ACK seq=1 ack=1');
  });

  it('compact mode draws every segment flat on one row', () => {
    const lines = render(builtin('handshake'), { width: 80, compact: true });
    const arrows = lines.filter((l) => /[├┤]/.test(l));
    expect(arrows).toHaveLength(3);
    for (const l of arrows) expect(l).toMatch(/(├─.*►│|│◄.*─┤)/);
    expect(arrows[0]).toContain('SYN seq=100');
  });
});

describe('stepping, highlighting, animation and windows', () => {
  it('upTo shows events 0..k only', () => {
    const trace = builtin('handshake');
    const firstSeg = trace.events.findIndex((e) => e.type === 'segment');
    const lines = render(trace, { width: 80, upTo: firstSeg });
    const text = lines.join('\n');
    expect(text).toContain('SYN seq=100');
    expect(text).not.toContain('SYN,ACK');
    expect(text).not.toContain('ESTABLISHED');
    expect(lines.length).toBeLessThan(render(trace, { width: 80 }).length);
    // Rows keep their place as you step: a prefix of the full diagram's rows.
    const full = render(trace, { width: 80 });
    expect(full.slice(0, 4)).toEqual(lines.slice(0, 4));
  });

  it('highlight marks the current event in the gutter', () => {
    const trace = builtin('handshake');
    const i = trace.events.findIndex((e) => e.type === 'segment' && e.flags.includes('ACK') && !e.flags.includes('SYN'));
    const lines = render(trace, { width: 80, highlight: i });
    const marked = lines.filter((l) => l.startsWith('▸'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('ACK seq=101 ack=301');
    expect(render(trace, { width: 80, highlight: i, charset: 'ascii' }).filter((l) => l.startsWith('>'))).toHaveLength(1);
  });

  it('transit draws a segment partway along its arrow', () => {
    const trace = builtin('handshake');
    const i = trace.events.findIndex((e) => e.type === 'segment');
    const heads = (f: number) => render(trace, { width: 80, upTo: i, transit: { segment: i, fraction: f } }).filter((l) => l.includes('►'));
    const half = heads(0.5);
    expect(half).toHaveLength(1);
    expect(half[0]).not.toContain('►│');
    expect(heads(1)[0]).toContain('►│');
    const col = (f: number) => [...heads(f)[0]].indexOf('►');
    expect(col(0.3)).toBeLessThan(col(0.6));
  });

  it('several segments can be in transit at once (simultaneous close)', () => {
    const trace = builtin('simultaneous-close');
    const fins = trace.events.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'segment' && e.flags.includes('FIN')).map(([, i]) => i);
    expect(fins).toHaveLength(2);
    const upTo = Math.max(...fins);
    const lines = render(trace, { width: 80, upTo, transit: fins.map((segment) => ({ segment, fraction: 0.4 })) });
    const heads = lines.join('\n');
    expect(heads).toContain('►');
    expect(heads).toContain('◄');
    expect(heads).not.toContain('►│');
    expect(heads).not.toContain('│◄');
  });

  it('a lost segment in transit shows its ✕ only once it gets that far', () => {
    const trace = builtin('syn-retransmit');
    const i = trace.events.findIndex((e) => e.type === 'segment' && e.fate === 'dropped');
    const at = (fraction: number) => render(trace, { width: 80, upTo: i, transit: { segment: i, fraction } }).join('\n');
    expect(at(0.3)).not.toContain('✕');
    expect(at(0.3)).toContain('►');
    expect(at(0.9)).toContain('✕');
  });

  it('a trace that grows in place is laid out again', () => {
    const b = new TraceBuilder('grow');
    b.seg(0, 'client', 'server', ['SYN'], 100, null);
    const trace = b.build();
    expect(render(trace, { width: 80 }).join('\n')).not.toContain('SYN,ACK');
    const more = new TraceBuilder('grow');
    more.seg(0, 'client', 'server', ['SYN'], 100, null);
    more.seg(50, 'server', 'client', ['SYN', 'ACK'], 300, 101);
    const grown = more.build();
    trace.events.push(grown.events[1]);
    trace.snapshots.push(grown.snapshots[1]);
    expect(render(trace, { width: 80 }).join('\n')).toContain('SYN,ACK seq=300 ack=101');
  });

  it('a window equals the same rows of the whole diagram; the header stays', () => {
    for (const name of ['handshake', 'syn-flood', 'old-duplicate-syn']) {
      const trace = builtin(name);
      const full = render(trace, { width: 80 });
      const all = renderWindow(trace, { width: 80, fromRow: 0, rows: 1e9 });
      expect(all.header).toEqual(full.slice(0, 2));
      for (const from of [0, 3, 7, 20]) {
        const w = renderWindow(trace, { width: 80, fromRow: from, rows: 9 });
        expect(w.header).toEqual(full.slice(0, 2));
        expect(w.body).toEqual(all.body.slice(from, from + 9));
        expect(w.totalRows).toBe(all.body.length);
      }
    }
  });

  it('eventRow points at the row of an event', () => {
    const trace = builtin('handshake');
    const i = trace.events.findIndex((e) => e.type === 'segment' && e.flags.length === 2);
    const w = renderWindow(trace, { width: 80, fromRow: 0, rows: 1e9 });
    expect(w.body[eventRow(trace, { width: 80 }, i)]).toContain('─┤');
  });

  it('the last screen of a 10,000-event trace renders from the cached layout', () => {
    const b = new TraceBuilder('long');
    let t = 0;
    for (let i = 0; b.events.length < 10000; i++) {
      b.seg(t, 'client', 'server', ['PSH', 'ACK'], 101 + i * 10, 301, { len: 10 });
      b.seg(t + 50, 'server', 'client', ['ACK'], 301, 111 + i * 10);
      t += 100;
    }
    const trace = b.build();
    const first = renderWindow(trace, { width: 80, fromRow: 0, rows: 1 });
    const last = renderWindow(trace, { width: 80, fromRow: first.totalRows - 30, rows: 30 });
    expect(last.body).toHaveLength(30);
    expect(last.body.join('\n')).toContain(`PSH,ACK seq=${101 + 4999 * 10}`);
  });

  it('renderStyled is render with roles for flags, states, drops and times', () => {
    const trace = builtin('syn-retransmit');
    const styled = renderStyled(trace, { width: 80 });
    expect(styled.map((l) => l.map((r) => r.text).join(''))).toEqual(render(trace, { width: 80 }));
    const roles = new Set(styled.flat().map((r) => r.role));
    for (const r of ['flag', 'state', 'drop', 'time'] as const) expect(roles).toContain(r);
    expect(styled.flat().find((r) => r.text.includes('✕'))?.role).toBe('drop');
    expect(styled.flat().find((r) => r.text.includes('SYN-SENT'))?.role).toBe('state');
  });
});

describe('fixtures render', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`${name}`, () => {
      const t: Trace = make();
      for (const width of [36, 60, 80, 160]) expect(widest(render(t, { width }))).toBeLessThanOrEqual(width);
    });
  }
  it('odd widths and windows do not throw', () => {
    const t = handshake();
    for (const width of [NaN, -5, 0, Infinity, 80.7]) {
      const lines = render(t, { width });
      expect(lines.every((l) => stringWidth(l) <= (Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0))).toBe(true);
    }
    expect(renderWindow(t, { width: 80, fromRow: NaN, rows: Infinity }).body.length).toBeGreaterThan(5);
    expect(renderWindow(t, { width: 80, fromRow: 1e9, rows: 5 }).body).toEqual([]);
  });
  it('an empty trace renders headers and the initial states', () => {
    const t = new TraceBuilder('empty').build();
    expect(render(t, { width: 80 }).length).toBeGreaterThanOrEqual(2);
    expect(render(handshake(), { width: 80, upTo: -1 }).length).toBeGreaterThanOrEqual(2);
  });
});
