/**
 * Segment labels in their three sizes, shared by the ASCII renderer, Mermaid and list mode:
 *   full   `SYN,ACK seq=300 ack=101 len=5 (retx)`   (the textbook / RFC 793 form)
 *   short  `S,A 300/101 +5 (r)`
 *   ref    `#3` (the segment id, explained in the legend)
 */
import type { Flag, SegmentEvent, Trace } from '../tcp/types.js';
import { DIAGRAM_STRINGS as S, SHORT_FLAG } from './strings.js';

const FLAG_ORDER: Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export type SeqMode = 'absolute' | 'relative';

export function sortedFlags(flags: readonly Flag[]): Flag[] {
  return FLAG_ORDER.filter((f) => flags.includes(f));
}

export function flagText(seg: SegmentEvent): string {
  const f = sortedFlags(seg.flags);
  return f.length ? f.join(',') : '<none>';
}

export function shortFlagText(seg: SegmentEvent): string {
  const f = sortedFlags(seg.flags);
  return f.length ? f.map((x) => SHORT_FLAG[x]).join(',') : '-';
}

/**
 * seq relative to the sender's ISN, ack relative to the receiver's, when asked and known: a signed
 * 32-bit offset, so a number just below the ISN (an old duplicate SYN) reads `seq=-10`, not 4294967286.
 */
export function seqAck(trace: Trace, seg: SegmentEvent, mode: SeqMode): { seq: number; ack: number | null } {
  if (mode === 'absolute') return { seq: seg.seq, ack: seg.ack };
  const fromIsn = trace.hosts[seg.from]?.isn;
  const toIsn = trace.hosts[seg.to]?.isn;
  const seq = fromIsn === null || fromIsn === undefined ? seg.seq : (seg.seq - fromIsn) | 0;
  const ack = seg.ack === null ? null : toIsn === null || toIsn === undefined ? seg.ack : (seg.ack - toIsn) | 0;
  return { seq, ack };
}

/** The window a sender advertises until it says otherwise (the model's fixed window). */
const DEFAULT_WINDOW = 65535;
const windowMemo = new WeakMap<Trace, { n: number; shown: Set<SegmentEvent> }>();

/**
 * The segment's window when it matters: when it differs from the last one its sender advertised
 * (the first time: from 65535), e.g. the receive buffer filling, a zero window, a window update.
 * Null otherwise, so traces without flow control draw as they always did.
 */
export function shownWindow(trace: Trace, seg: SegmentEvent): number | null {
  if (seg.window === undefined) return null;
  let m = windowMemo.get(trace);
  if (!m || m.n !== trace.events.length) {
    const shown = new Set<SegmentEvent>();
    const last = new Map<string, number>();
    for (const e of trace.events) {
      if (e.type !== 'segment' || e.window === undefined) continue;
      if (e.window !== (last.get(e.from) ?? DEFAULT_WINDOW)) shown.add(e);
      last.set(e.from, e.window);
    }
    m = { n: trace.events.length, shown };
    windowMemo.set(trace, m);
  }
  return m.shown.has(seg) ? seg.window : null;
}

/**
 * A label's parts, each with the legend tokens it shows (src/ui/components/legend.ts explains
 * them): the one builder of the full and short labels, so the legend lists exactly what a label
 * holds. Parts are joined by one space.
 */
export interface LabelPart {
  text: string;
  tokens: string[];
}

export function labelParts(trace: Trace, seg: SegmentEvent, mode: SeqMode, short: boolean): LabelPart[] {
  const { seq, ack } = seqAck(trace, seg, mode);
  const flags = sortedFlags(seg.flags);
  const parts: LabelPart[] = [];
  const w = shownWindow(trace, seg);
  if (short) {
    parts.push({ text: shortFlagText(seg), tokens: flags.length ? flags.map((f) => `short-flag:${SHORT_FLAG[f]}`) : ['no-flags'] });
    parts.push({ text: ack !== null ? `${seq}/${ack}` : `${seq}`, tokens: [ack !== null ? 'seq-ack-short' : 'seq-short', `seq-${mode}`] });
    if (seg.len > 0) parts.push({ text: `+${seg.len}`, tokens: ['len-short'] });
    if (w !== null) parts.push({ text: S.winShort(w), tokens: ['win-short'] });
    if (seg.label) parts.push({ text: seg.label, tokens: [] });
    if (seg.retransmission) parts.push({ text: `(${S.retxShort})`, tokens: ['retx-short'] });
    return parts;
  }
  parts.push({ text: flagText(seg), tokens: flags.length ? flags.map((f) => `flag:${f}`) : ['no-flags'] });
  parts.push({ text: `seq=${seq}`, tokens: ['seq', `seq-${mode}`] });
  if (ack !== null) parts.push({ text: `ack=${ack}`, tokens: ['ack'] });
  if (seg.len > 0) parts.push({ text: `len=${seg.len}`, tokens: ['len'] });
  if (w !== null) parts.push({ text: S.win(w), tokens: ['win'] });
  if (seg.label) parts.push({ text: seg.label, tokens: [] });
  if (seg.retransmission) parts.push({ text: S.retx, tokens: ['retx'] });
  return parts;
}

/** The legend tokens a segment's full (or short) label shows. */
export function labelTokens(trace: Trace, seg: SegmentEvent, mode: SeqMode, short: boolean): string[] {
  return labelParts(trace, seg, mode, short).flatMap((p) => p.tokens);
}

export function fullLabel(trace: Trace, seg: SegmentEvent, mode: SeqMode): string {
  return labelParts(trace, seg, mode, false)
    .map((p) => p.text)
    .join(' ');
}

export function shortLabel(trace: Trace, seg: SegmentEvent, mode: SeqMode): string {
  return labelParts(trace, seg, mode, true)
    .map((p) => p.text)
    .join(' ');
}

/** A collapsed band's label, full or short: `×40 segments 1-58401`, `×20 ACKs ack=1001-40001`. */
/** The legend tokens of a band's label (full or short). */
export function bandTokens(kind: 'data' | 'ack', mode: SeqMode, short: boolean): string[] {
  return [`band-${kind}${short ? '-short' : ''}`, `seq-${mode}`];
}

export function bandLabel(trace: Trace, band: { kind: 'data' | 'ack'; members: readonly number[]; first: SegmentEvent; last: SegmentEvent }, mode: SeqMode, short: boolean, ascii: boolean): string {
  const a = seqAck(trace, band.first, mode);
  const b = seqAck(trace, band.last, mode);
  const wrap = (v: number) => (mode === 'absolute' ? v >>> 0 : v | 0);
  const [from, to] = band.kind === 'data' ? [a.seq, wrap(b.seq + band.last.len)] : [a.ack ?? 0, b.ack ?? 0];
  return (short ? S.bandShort : S.band)(band.members.length, band.kind, from, to, ascii);
}

export function refLabel(seg: SegmentEvent): string {
  return `#${seg.id}`;
}

/** The legend line of a segment: `#3 SYN,ACK seq=300 ack=101 (lost: drop next server)`. */
export function legendLine(trace: Trace, seg: SegmentEvent, mode: SeqMode): string {
  let s = `${refLabel(seg)} ${fullLabel(trace, seg, mode)}`;
  if (seg.fate === 'dropped') s += ' ' + (seg.dropReason ? S.lostBecause(seg.dropReason) : S.lost);
  return s;
}

/** Times in the gutter and in list mode: whole ms, or one decimal when fractional. */
export function fmtMs(t: number): string {
  if (!Number.isFinite(t)) return '?';
  const r = Math.round(t * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** A duration for the 2MSL bracket: `240s`, `60s`, `1.5s`, `800ms`. */
export function fmtDuration(ms: number): string {
  if (ms >= 1000) {
    const s = Math.round(ms / 100) / 10;
    return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
  }
  return `${fmtMs(ms)}ms`;
}
