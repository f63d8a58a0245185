/**
 * Issue 14 bug 10: every view of one event shows one number. The caption and the model's
 * explanations use absolute numbers; the diagram used relative ones by default (seq=0 under a
 * caption saying "ISNs 100 and 300"; the playground's log said ack=3101 where the diagram said
 * ack=3001). Absolute is now the default everywhere, and `s` switches every view to relative.
 */
import { describe, it, expect } from 'vitest';
import { builtInScenarios } from '../../../src/ui/player/run.js';
import { currentExplanation, initPlayer, reducePlayer, type PlayerState } from '../../../src/ui/player/model.js';
import { diagramWindow } from '../../../src/ui/player/diagram.js';
import { explainIn } from '../../../src/ui/player/seqtext.js';
import { initInline, inlineLines, reduceInline } from '../../../src/ui/player/inline.js';
import { explanations, initPlayground } from '../../../src/ui/player/playground.js';
import { seqAck } from '../../../src/diagram/labels.js';
import { choose, keys } from '../helpers/playground.js';
import type { SegmentEvent } from '../../../src/tcp/types.js';

function diagramOf(p: PlayerState): string {
  return diagramWindow({ trace: p.trace!, width: 120, height: 200, upTo: p.step, seq: p.seq, ascii: false, transit: [] }).join('\n');
}

describe('one number per event in every view (bug 10)', () => {
  it('the playground log and its diagram agree on the ACK of 3000 bytes, absolute by default and relative after s', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = choose(s, 'client-send');
    s = keys(s, '3', '0', '0', '0', 'enter');
    s = { ...s, player: reducePlayer(s.player, { type: 'goto', step: Number.MAX_SAFE_INTEGER }) };
    expect(s.player.seq).toBe('absolute');
    const log = explanations(s, 100).join('\n');
    expect(log).toContain('ack=3101');
    expect(diagramOf(s.player)).toContain('ack=3101');
    expect(diagramOf(s.player)).not.toContain('ack=3001');

    s = keys(s, 's');
    expect(s.player.seq).toBe('relative');
    const rlog = explanations(s, 100).join('\n');
    expect(rlog).toContain('ack=3001');
    expect(rlog).not.toContain('ack=3101');
    expect(diagramOf(s.player)).toContain('ack=3001');
  });

  it('an inline lesson diagram shows the ISNs its caption names (100 and 300), and relative after s', () => {
    const src = 'option isn client 100\noption isn server 300\nclient connect\n';
    let s = initInline(src, 'The handshake with ISNs 100 and 300', 'hs');
    s = reduceInline(s, { type: 'goto', step: Number.MAX_SAFE_INTEGER });
    const abs = inlineLines(s, 78, true, false).join('\n');
    expect(abs).toContain('ACK seq=101 ack=301');
    const synStep = s.player.trace!.events.findIndex((e) => e.type === 'segment');
    s = reduceInline(s, { type: 'goto', step: synStep });
    expect(currentExplanation(s.player)).toContain('ISN 100');
    s = reduceInline(s, { type: 'toggle-seq' });
    expect(currentExplanation(s.player)).toContain('ISN 0');
    s = reduceInline(s, { type: 'goto', step: Number.MAX_SAFE_INTEGER });
    const rel = inlineLines(s, 78, true, false).join('\n');
    expect(rel).toContain('ACK seq=1 ack=1');
    expect(rel).not.toContain('seq=101');
  });

  it('every built-in scenario: a segment\'s seq=/ack= in its explanation is the number its diagram label shows, in both modes', () => {
    let checked = 0;
    for (const sc of builtInScenarios()) {
      const p = initPlayer(sc.source, sc.name);
      const trace = p.trace!;
      for (const ev of trace.events) {
        if (ev.type !== 'segment') continue;
        const seg = ev as SegmentEvent;
        for (const mode of ['absolute', 'relative'] as const) {
          const want = seqAck(trace, seg, mode);
          const text = explainIn(trace, seg, mode);
          // tokens that are this segment's own numbers in the model's (absolute) text
          const absSeq = [...seg.explain.matchAll(/seq=(-?\d+)/g)].map((m) => Number(m[1]));
          const outSeq = [...text.matchAll(/seq=(-?\d+)/g)].map((m) => Number(m[1]));
          absSeq.forEach((n, i) => {
            if (n === seg.seq) {
              expect(outSeq[i], `${sc.name} #${seg.id} ${mode}: ${text}`).toBe(want.seq);
              checked++;
            }
          });
          const absAck = [...seg.explain.matchAll(/ack=(-?\d+)/g)].map((m) => Number(m[1]));
          const outAck = [...text.matchAll(/ack=(-?\d+)/g)].map((m) => Number(m[1]));
          absAck.forEach((n, i) => {
            if (n === seg.ack) {
              expect(outAck[i], `${sc.name} #${seg.id} ${mode}: ${text}`).toBe(want.ack);
              checked++;
            }
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('numbers that are not sequence numbers (ports, backlogs, byte counts, times) are never rewritten', () => {
    for (const sc of builtInScenarios()) {
      const p = initPlayer(sc.source, sc.name);
      for (const ev of p.trace!.events) {
        const rel = explainIn(p.trace!, ev, 'relative');
        for (const m of ev.explain.matchAll(/(port |backlog |RTO = |sends |retransmits )(\d+)/g)) expect(rel).toContain(m[0]);
      }
    }
  });
});
