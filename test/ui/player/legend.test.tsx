/**
 * Issue 14: a legend (`L`) for the abbreviations the diagram and the panel use, generated from the
 * tokens the renderer reports for what it drew (so it cannot drift), in both languages.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { emptyProgress } from '../../../src/store/types.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { initInline, inlineLines, onKeyInline, reduceInline } from '../../../src/ui/player/inline.js';
import { initPlayer, reducePlayer } from '../../../src/ui/player/model.js';
import { diagramTokens } from '../../../src/ui/player/diagram.js';
import { playerLayout, playerLegendLines } from '../../../src/ui/player/view.js';
import { legendEntry } from '../../../src/ui/components/legend.js';
import { SCENARIOS } from '../../../src/tcp/index.js';
import { setLang } from '../../../src/i18n/index.js';
import { renderInk, FakeClock } from '../helpers/render.js';

afterEach(() => setLang('en'));

async function open(name: string, columns: number, rows: number) {
  return renderInk(<App initial={{ screen: 'player', source: scenarioSource(name)!, name }} lessons={[]} progress={emptyProgress()} clock={new FakeClock()} />, { columns, rows });
}

/** Every legend line, scrolling the legend to its end. */
async function allLegend(r: Awaited<ReturnType<typeof open>>): Promise<string> {
  let text = r.frame();
  for (let i = 0; i < 40 && /more below/.test(r.frame()); i++) {
    await r.press('pagedown');
    text += '\n' + r.frame();
  }
  return text;
}

describe('legend (L)', () => {
  it('lists what this diagram shows: its labels, the panel, the seq mode; L again shows the diagram', async () => {
    const r = await open('data-retransmit', 80, 24);
    await r.press('end', 'L');
    expect(r.frame()).toContain('What this diagram shows');
    const all = await allLegend(r);
    expect(all).toContain('absolute seq  seq and ack as on the wire');
    expect(all).toMatch(/seq= +the sequence number of the segment's first byte/);
    expect(all).toMatch(/\((retx|r)\) +a retransmission/); // data-retransmit resends a segment
    expect(all).toMatch(/cwnd +congestion window/); // the bottom panel shows cwnd
    expect(all).toMatch(/UNA +SND\.UNA, the oldest byte sent/);
    expect(all).not.toMatch(/spoofed/); // no flood in this diagram
    expect(all).not.toMatch(/SYN-RCV/);
    await r.press('L');
    expect(r.frame()).not.toContain('What this diagram shows');
    await r.unmount();
  });

  it('at 40x12 (short labels, short states) it explains S/A, 300/101 and SYN-RCV, and scrolls with ↑/↓', async () => {
    const r = await open('handshake', 40, 12);
    await r.press('end', 'L');
    expect(r.frame()).toMatch(/↓ \d+ more below/);
    const all = await allLegend(r);
    expect(all).toMatch(/\bS +SYN, synchronize/);
    expect(all).toMatch(/\bA +ACK, the ack/);
    expect(all).toMatch(/300\/101/);
    expect(all).toMatch(/SYN-RCV +short for the state/);
    expect(all).toMatch(/SYNQ ACCQ +the listener's queues/);
    await r.press('up');
    expect(r.frame()).toMatch(/↑ \d+ more above/);
    await r.unmount();
  });

  it('a dropped segment adds the drop mark, and relative mode its own line', async () => {
    const r = await open('handshake', 100, 30);
    await r.press('d', 'end', 's', 'L');
    const all = await allLegend(r);
    expect(all).toMatch(/✕ +where a segment was lost/);
    expect(all).toContain('relative seq  seq and ack counted from each side');
    await r.unmount();
  });

  it('in Chinese', async () => {
    setLang('zh-CN');
    const r = await open('handshake', 100, 30);
    await r.press('end', 'L');
    const all = await allLegend(r);
    expect(all).toContain('这张时序图里的缩写');
    expect(all).toMatch(/SYN +同步：建立连接/);
    expect(all).toMatch(/绝对序号 +seq 和 ack 与线路上相同/);
    await r.unmount();
  });

  it("a lesson's diagram: L shows the legend in its box, K/J scroll it", () => {
    const view = { inner: 60, ascii: false };
    let s = initInline(scenarioSource('handshake')!, null, 'handshake');
    s = reduceInline(s, onKeyInline(s, 'end', view)!);
    s = reduceInline(s, onKeyInline(s, 'L', view)!);
    const lines = inlineLines(s, 60, true, false).join('\n');
    expect(lines).toContain('What this diagram shows');
    expect(lines).toMatch(/↓ \d+ more below/);
    s = reduceInline(s, onKeyInline(s, 'J', view)!);
    expect(inlineLines(s, 60, true, false).join('\n')).toMatch(/↑ \d+ more above/);
    s = reduceInline(s, onKeyInline(s, 'L', view)!);
    expect(inlineLines(s, 60, true, false).join('\n')).not.toContain('What this diagram shows');
  });

  it('every token the renderer and the panel report has words, in both languages (it cannot drift)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      setLang(lang);
      for (const [i, sc] of SCENARIOS.entries()) {
        if (lang !== 'en' && i % 3 !== 0) continue;
        const p = initPlayer(sc.source, sc.name);
        if (!p.trace) continue;
        const last = p.trace.events.length - 1;
        // Every width tier: a numbered list (34), short labels and state names (60), full (90).
        for (const [j, width] of [34, 60, 90].entries()) {
          const seq = (i + j) % 2 === 0 ? 'absolute' : 'relative';
          const tokens = diagramTokens({ trace: p.trace, width, height: 0, upTo: last, seq, ascii: false, transit: [] });
          for (const t of tokens) expect(legendEntry(t), `${lang} ${sc.name} ${width} ${t}`).not.toBeNull();
        }
        if (i % 4 !== 0) continue;
        // The panel's, as the player draws it (side panel at 120 columns, bottom panel at 80).
        for (const width of [80, 120]) {
          const lines = playerLegendLines(reducePlayer({ ...p, legend: true }, { type: 'goto', step: last }), width, false);
          expect(lines.length).toBeGreaterThan(1);
          const L = playerLayout({ ...p, step: last, legend: true }, width, 30, false);
          expect(L.diagram.join('\n')).toContain(lang === 'en' ? 'What this diagram shows' : '这张时序图里的缩写');
        }
      }
    }
  });
});
