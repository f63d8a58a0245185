import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { initPlayer, panelData, type PlayerState } from '../../../src/ui/player/model.js';
import { bottomPanelLines, ccLines, sidePanelLines } from '../../../src/ui/player/panel.js';
import { playerLayout, SIDE_PANEL_TEXT } from '../../../src/ui/player/view.js';
import { glyphs } from '../../../src/ui/components/theme.js';
import { withLang } from '../../../src/i18n/index.js';
import type { Trace } from '../../../src/tcp/types.js';
import { ccTrace, STEPS } from '../../diagram/chart-trace.js';
import { handshake } from '../../diagram/fixtures.js';

/** A player on a hand-written trace (the model is not involved). */
function playerOn(trace: Trace, step: number): PlayerState {
  return { ...initPlayer('', 'cc-fixture'), trace, errors: [], step };
}

/** The event index of the fixture's fast-retransmit step (third duplicate ACK). */
const FR = STEPS.findIndex((s) => s.cc.phase === 'fast-recovery') + 1;

describe('the panel shows the sender\'s congestion state', () => {
  it('reads cwnd, ssthresh, FlightSize, the peer window, dup ACKs and the phase of the event under the cursor', () => {
    const p = panelData(playerOn(ccTrace(), FR))!;
    const client = p.hosts.find((h) => h.name === 'client')!;
    expect(client.cc).toEqual({ cwnd: 13000, ssthresh: 10000, flight: 20000, peerWnd: 65535, dupAcks: 3, phase: 'fast-recovery', mss: 1000 });
    // The server has congestion state but sends no data: the panel leaves it out.
    expect(p.hosts.find((h) => h.name === 'server')!.cc).toBeUndefined();
    // Both hosts when both send.
    const both = panelData(playerOn(ccTrace({ serverSends: true }), STEPS.length + 1))!;
    expect(both.hosts.map((h) => h.cc !== undefined)).toEqual([true, true]);
    // Before the first congestion state (event 0) and in a trace without any: nothing.
    expect(panelData(playerOn(ccTrace(), 0))!.hosts.every((h) => h.cc === undefined)).toBe(true);
    expect(panelData(playerOn(handshake(), 3))!.hosts.every((h) => h.cc === undefined)).toBe(true);
  });

  it('side panel: bytes and MSS on one line each, within the panel width', () => {
    const g = glyphs(false);
    const lines = sidePanelLines(panelData(playerOn(ccTrace(), FR))!, SIDE_PANEL_TEXT, g);
    expect(lines).toContain(' cwnd     13000 (13 MSS)');
    expect(lines).toContain(' ssthresh 10000 (10 MSS)');
    expect(lines).toContain(' flight   20000 (20 MSS)');
    expect(lines).toContain(' rwnd     65535 (65.5 MSS)');
    expect(lines).toContain(' dup ACKs 3');
    expect(lines).toContain(' phase    fast recovery');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(SIDE_PANEL_TEXT);
    // Before the loss ssthresh is infinite; in slow start the phase says so.
    const early = sidePanelLines(panelData(playerOn(ccTrace(), 1))!, SIDE_PANEL_TEXT, g);
    expect(early).toContain(' ssthresh ∞');
    expect(early).toContain(' phase    slow start');
    const ascii = sidePanelLines(panelData(playerOn(ccTrace(), 1))!, SIDE_PANEL_TEXT, glyphs(true));
    expect(ascii).toContain(' ssthresh inf');
    // Unknown MSS: bytes only.
    const t = ccTrace();
    for (const e of t.events) if (e.type === 'app') e.bytes = 1000;
    expect(sidePanelLines(panelData(playerOn(t, FR))!, SIDE_PANEL_TEXT, g)).toContain(' cwnd     13000');
  });

  it('side panel in Chinese', () => {
    const lines = withLang('zh-CN', () => sidePanelLines(panelData(playerOn(ccTrace(), FR))!, SIDE_PANEL_TEXT, glyphs(false)));
    expect(lines.some((l) => /阶段\s+快速恢复$/.test(l))).toBe(true);
    expect(lines.some((l) => /cwnd\s+13000（13 MSS）$/.test(l))).toBe(true);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(SIDE_PANEL_TEXT);
  });

  it('bottom panel: fits 40 columns by dropping the MSS part, then abbreviating', () => {
    const cc = panelData(playerOn(ccTrace(), FR))!.hosts[0].cc!;
    expect(ccLines(cc, 200, '', false)).toEqual(['cwnd 13000 (13 MSS)  ssthresh 10000 (10 MSS)  flight 20000 (20 MSS)  rwnd 65535 (65.5 MSS)  dup ACKs 3  fast recovery']);
    expect(ccLines(cc, 99, '', false)).toEqual(['cwnd 13000  ssthresh 10000  flight 20000  rwnd 65535  dup ACKs 3  fast recovery']);
    expect(ccLines(cc, 60, '', false)).toEqual(['cw 13000  ss 10000  fl 20000  rw 65535  dup 3  FR']);
    const narrow = ccLines(cc, 33, '       ', false);
    expect(narrow).toHaveLength(2);
    for (const l of narrow) expect(stringWidth(l)).toBeLessThanOrEqual(33);
    expect(narrow.join(' ')).toMatch(/13000.*10000.*20000.*65535.*3.*FR/);
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const step of [1, FR, STEPS.length]) {
        const lines = withLang(lang, () => bottomPanelLines(panelData(playerOn(ccTrace({ serverSends: true }), step))!, 40, glyphs(false)));
        for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
      }
    }
  });

  it('the whole player fits every size with the congestion panel', () => {
    for (const [w, h] of [[40, 12], [40, 24], [80, 20], [100, 30], [200, 46]] as const) {
      for (const step of [0, FR, STEPS.length]) {
        const L = playerLayout(playerOn(ccTrace({ serverSends: true }), step), w, h, false);
        expect(1 + L.diagramHeight + L.bottom.length + L.explainRows + L.noticeRows).toBeLessThanOrEqual(h);
        for (const l of [...L.bottom, ...(L.side ?? [])]) expect(stringWidth(l)).toBeLessThanOrEqual(w);
      }
    }
  });
});
