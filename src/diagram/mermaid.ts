/**
 * toMermaid(trace, options) -> string: a Mermaid `sequenceDiagram` of a trace, to paste into notes
 * or a README. One participant per host (spoofed hosts grouped as one), one message per segment
 * labelled like the ASCII diagram (`SYN,ACK seq=300 ack=101`), `-x` arrows for lost segments,
 * `Note over` for state changes, fired timers, floods and queue fill.
 */
import type { Trace } from '../tcp/types.js';
import { foldTrace } from '../tcp/fold.js';
import { DIAGRAM_STRINGS as S } from './strings.js';
import { fullLabel, flagText, type SeqMode } from './labels.js';
import { lanesOf } from './layout.js';

export interface MermaidOptions {
  seq?: SeqMode;
  upTo?: number;
  /** Include `Note over` lines for state changes and timers (default true). */
  showStates?: boolean;
}

/** Text safe inside a Mermaid message or note: no line breaks; `;`, `#`, `%` as entity codes. */
function esc(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;%]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

export function toMermaid(raw: Trace, o: MermaidOptions = {}): string {
  const trace = foldTrace(raw);
  const seq = o.seq ?? 'absolute';
  const showStates = o.showStates ?? true;
  const lanes = lanesOf(trace);
  const ids = new Map<string, string>();
  const lines: string[] = ['sequenceDiagram'];
  lanes.forEach((l, i) => {
    const id = `H${i}`;
    ids.set(l.host, id);
    lines.push(`  participant ${id} as ${esc(`${l.name} ${l.addr}`)}`);
  });
  const spoofed = Object.entries(trace.hosts).some(([, h]) => h.role === 'spoofed') || trace.events.some((e) => e.type === 'flood');
  const SP = 'SPOOF';
  if (spoofed) lines.push(`  participant ${SP} as ${esc(S.spoofedName)}`);
  const idOf = (h: string) => ids.get(h) ?? SP;

  const last = Math.min(trace.events.length - 1, o.upTo ?? trace.events.length - 1);
  let group: { key: string; count: number; line: number } | null = null;
  for (let i = 0; i <= last; i++) {
    const e = trace.events[i];
    switch (e.type) {
      case 'segment': {
        const from = idOf(e.from);
        const to = idOf(e.to);
        if (from === SP || to === SP) {
          // Group consecutive segments to/from spoofed hosts into one message.
          const key = `${from}>${to}:${flagText(e)}:${e.fate}`;
          if (group && group.key === key) {
            group.count++;
            lines[group.line] = `  ${from}-${e.fate === 'dropped' ? 'x' : '>>'}${to}: ${esc(S.spoofedSegments(group.count, flagText(e), to === SP, false))}`;
            continue;
          }
          group = { key, count: 1, line: lines.length };
          lines.push(`  ${from}-${e.fate === 'dropped' ? 'x' : '>>'}${to}: ${esc(S.spoofedSegments(1, flagText(e), to === SP, false))}`);
          continue;
        }
        group = null;
        let label = fullLabel(trace, e, seq);
        if (e.fate === 'dropped') label += ' ' + (e.dropReason ? S.lostBecause(e.dropReason) : S.lost);
        if (from === to) continue;
        lines.push(`  ${from}-${e.fate === 'dropped' ? 'x' : '>>'}${to}: ${esc(label)}`);
        break;
      }
      case 'state':
        if (!showStates || !ids.has(e.host)) break;
        lines.push(`  Note over ${idOf(e.host)}: ${esc(e.to)}`);
        break;
      case 'timer':
        if (!showStates || e.action !== 'fired' || !ids.has(e.host) || e.timer === 'delayed-ack') break;
        lines.push(`  Note over ${idOf(e.host)}: ${esc(e.timer === 'time-wait' && trace.profile === 'linux' ? S.timeWaitFixedExpired : (S.timerFired[e.timer] ?? e.timer))}`);
        break;
      case 'flood': {
        group = null;
        if (!ids.has(e.to)) break;
        const d = S.floodDetail(e.queued, e.cookies, e.dropped);
        lines.push(`  ${SP}->>${idOf(e.to)}: ${esc(S.flood(e.count, false) + (d ? ` (${d})` : ''))}`);
        break;
      }
      case 'queue':
        if (!ids.has(e.host)) break;
        lines.push(`  Note over ${idOf(e.host)}: ${esc(S.queueNotes([S.synQueue(e.synQueue, e.synQueueMax), S.acceptQueue(e.acceptQueue, e.acceptQueueMax)]))}`);
        break;
      case 'app':
        if (!e.error || !ids.has(e.host)) break;
        lines.push(`  Note over ${idOf(e.host)}: ${esc(S.appError(e.call, e.error))}`);
        break;
    }
  }
  return lines.join('\n') + '\n';
}
