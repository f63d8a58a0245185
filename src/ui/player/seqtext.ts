/**
 * One number for one event in every view (issue 14 bug 10). The model writes its explanations
 * with absolute sequence numbers (as `synack trace`, the lesson captions and the wire do). The
 * player shows absolute numbers by default; when the learner switches to relative numbers, the
 * explanation line is rewritten with the same numbers the diagram's labels show (seq relative to
 * the sender's ISN, ack relative to the receiver's: src/diagram/labels.ts seqAck).
 *
 * Only numbers in a sequence-number position are rewritten (after `seq=`, `ack=`, `ISN`, `ack =`,
 * `X + 1`, `up to`, `expects`, ... in English, `确认到`, `期望` ... in Chinese: the markers of the
 * explanation's language, src/tcp/strings.ts SEQ_MARKERS), never a port, a byte count or a time
 * (`RTO = 300 ms`). A
 * number is attributed to a host by the event itself first (a segment's own seq is the sender's, its ack the receiver's),
 * then by the host's ISN, then by the sequence numbers that host's space is known to hold in the
 * trace; a number that fits no host or both is left as it is. Pure and deterministic.
 */
import type { SegmentEvent, Trace, TraceEvent } from '../../tcp/types.js';
import type { SeqMode } from './model.js';
import { SEQ_MARKERS } from '../../tcp/strings.js';

type Kind = 'seq' | 'ack' | 'other';

/** Markers that read the same in every language (tokens and arithmetic). */
const COMMON: Record<Kind, readonly string[]> = { seq: ['seq='], ack: ['ack=', '+ 1 = '], other: [] };
const escape = (m: string) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The language's seq-space markers (src/tcp/strings.ts SEQ_MARKERS, the text before a number that
 * makes it a sequence number) as one pattern, longest marker first; `= N + 1` marks N in any
 * language. Built once per marker set (the catalogue gives the same arrays while the language stays).
 */
const patterns = new WeakMap<readonly string[], { re: RegExp; kind: Map<string, Kind> }>();
function pattern(): { re: RegExp; kind: Map<string, Kind> } {
  const lang = { seq: SEQ_MARKERS.seq, ack: SEQ_MARKERS.ack, other: SEQ_MARKERS.other };
  const hit = patterns.get(lang.other);
  if (hit) return hit;
  const kind = new Map<string, Kind>();
  for (const k of ['other', 'ack', 'seq'] as const) for (const m of [...COMMON[k], ...lang[k]]) kind.set(m, k);
  const markers = [...kind.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(${markers.join('|')}|= (?=-?\\d+ \\+ 1))(-?\\d+)(?!\\d|\\.\\d|\\w)`, 'g');
  const made = { re, kind };
  patterns.set(lang.other, made);
  return made;
}

/** For each host with an ISN, the absolute sequence numbers its space is known to hold. */
function knownValues(trace: Trace): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const [name, h] of Object.entries(trace.hosts)) if (h.isn !== null && h.isn !== undefined) out.set(name, new Set([h.isn]));
  for (const ev of trace.events) {
    if (ev.type !== 'segment') continue;
    const mine = out.get(ev.from);
    if (mine) {
      const end = ev.seq + ev.len + (ev.flags.includes('SYN') ? 1 : 0) + (ev.flags.includes('FIN') ? 1 : 0);
      mine.add(ev.seq >>> 0);
      mine.add(end >>> 0);
    }
    const theirs = out.get(ev.to);
    if (theirs && ev.ack !== null) theirs.add(ev.ack >>> 0);
  }
  return out;
}

const cache = new WeakMap<Trace, Map<string, Set<number>>>();
function valuesOf(trace: Trace): Map<string, Set<number>> {
  let v = cache.get(trace);
  if (!v) {
    v = knownValues(trace);
    cache.set(trace, v);
  }
  return v;
}

function ownerOf(trace: Trace, ev: TraceEvent, n: number, kind: Kind): string | null {
  const seg: SegmentEvent | null = ev.type === 'segment' ? ev : null;
  if (seg && kind === 'seq' && n === seg.seq) return seg.from;
  if (seg && kind === 'ack' && seg.ack !== null && n === seg.ack) return seg.to;
  const byIsn = Object.entries(trace.hosts).filter(([, h]) => h.isn === n);
  if (byIsn.length === 1) return byIsn[0][0];
  const holders = [...valuesOf(trace)].filter(([, set]) => set.has(n >>> 0)).map(([name]) => name);
  if (holders.length === 1) return holders[0];
  if (seg && holders.length > 1) {
    if (kind === 'seq' && holders.includes(seg.from)) return seg.from;
    if (kind === 'ack' && holders.includes(seg.to)) return seg.to;
  }
  return null;
}

/** The event's explanation with its sequence numbers in `mode` (the model's text is absolute). */
export function explainIn(trace: Trace, ev: TraceEvent, mode: SeqMode): string {
  if (mode === 'absolute') return ev.explain;
  const { re, kind } = pattern();
  return ev.explain.replace(re, (all, marker: string, digits: string) => {
    const n = Number(digits);
    const owner = ownerOf(trace, ev, n, kind.get(marker) ?? 'other');
    const isn = owner ? trace.hosts[owner]?.isn : null;
    if (isn === null || isn === undefined) return all;
    return marker + String((n - isn) | 0);
  });
}
