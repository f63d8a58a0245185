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

export function fullLabel(trace: Trace, seg: SegmentEvent, mode: SeqMode): string {
  const { seq, ack } = seqAck(trace, seg, mode);
  let s = `${flagText(seg)} seq=${seq}`;
  if (ack !== null) s += ` ack=${ack}`;
  if (seg.len > 0) s += ` len=${seg.len}`;
  const w = shownWindow(trace, seg);
  if (w !== null) s += ` ${S.win(w)}`;
  if (seg.label) s += ` ${seg.label}`;
  if (seg.retransmission) s += ` ${S.retx}`;
  return s;
}

export function shortLabel(trace: Trace, seg: SegmentEvent, mode: SeqMode): string {
  const { seq, ack } = seqAck(trace, seg, mode);
  let s = `${shortFlagText(seg)} ${seq}`;
  if (ack !== null) s += `/${ack}`;
  if (seg.len > 0) s += ` +${seg.len}`;
  const w = shownWindow(trace, seg);
  if (w !== null) s += ` ${S.winShort(w)}`;
  if (seg.label) s += ` ${seg.label}`;
  if (seg.retransmission) s += ` (${S.retxShort})`;
  return s;
}

/** A collapsed band's label, full or short: `×40 segments 1-58401`, `×20 ACKs ack=1001-40001`. */
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
