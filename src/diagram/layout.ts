/**
 * The width-independent part of the diagram: which host gets which lifeline, and on which row
 * every arrow, state change, note and bracket sits. Computed once per trace (O(events)) and
 * cached, so drawing a window of rows afterwards costs only what the window holds.
 *
 * Rows: row 0 shows the initial states; every distinct instant of time gets one or more rows
 * (arrivals first, then departures; a host that sends twice at one instant uses two rows); while a
 * segment is in flight, GAP_ROWS rows separate two instants so the arrow can slope; when time
 * passes with nothing in flight, one "skip" row (dashed lifelines) stands for the wait.
 *
 * Bands: a run of at least BAND_MIN consecutive segments in the same direction and of the same kind
 * (data segments, or pure ACKs), all delivered, none a retransmission or SYN/FIN/RST, with nothing
 * drawn between them, can collapse into one arrow labelled `×40 segments 1-58401` (the first
 * segment's departure to the last one's arrival). `bands: 'auto'` (the default) collapses every
 * band when the diagram would be taller than `maxRows` rows (DEFAULT_MAX_ROWS), `'on'` always,
 * `'off'` never; `expand: i` draws the band that holds event i segment by segment (the player
 * passes the event under its cursor, so a band opens as you step into it). bandAt(trace, i) says
 * which band an event belongs to. All of it pure and deterministic: same trace and options, same rows.
 */
import type { SegmentEvent, TcpState, Trace, TraceEvent } from '../tcp/types.js';
import { foldTrace } from '../tcp/fold.js';
import { DIAGRAM_STRINGS as S, SHORT_STATE } from './strings.js';
import { flagText, fmtDuration } from './labels.js';
import { getLang } from '../i18n/index.js';

export type Role = 'flag' | 'state' | 'drop' | 'time' | 'note' | 'host' | 'line' | 'current' | 'legend';

export interface Lane {
  /** Host names drawn on this lifeline (one, except for grouped hosts). */
  host: string;
  name: string;
  addr: string;
}

interface ItemBase {
  /** Index of the event that makes this item visible (upTo filter). */
  ev: number;
  r0: number;
  r1: number;
}
export interface ArrowItem extends ItemBase {
  kind: 'arrow';
  seg: SegmentEvent;
  from: number;
  to: number;
  dropped: boolean;
  /** Drawn on one row (compact mode or zero transit). */
  flat: boolean;
  /** Set when this arrow stands for a collapsed band of segments (seg is the band's first). */
  band?: Band;
}

/** A run of segments that can be drawn as one arrow (see the file comment). */
export interface Band {
  /** Event indices (of the folded trace) of the band's segments, in order. */
  members: number[];
  kind: 'data' | 'ack';
  first: SegmentEvent;
  last: SegmentEvent;
}

/** How the layout treats bands (RenderOptions carries the same fields). */
export interface BandOptions {
  bands?: 'auto' | 'on' | 'off';
  /** Height budget for `bands: 'auto'`: collapse when the diagram would have more body rows. */
  maxRows?: number;
  /** Event index whose band is drawn expanded. */
  expand?: number;
}

/** Fewest segments a band has. */
export const BAND_MIN = 3;
/** The default height budget of `bands: 'auto'` (body rows). */
export const DEFAULT_MAX_ROWS = 2000;
export interface SideItem extends ItemBase {
  kind: 'side';
  lane: number;
  text: string;
  short: string;
  role: Role;
}
export interface NoteItem extends ItemBase {
  kind: 'note';
  lane: number;
  text: string;
  /** A middle-sized form (e.g. the flood without its breakdown). */
  mid?: string;
  short: string;
  role: Role;
  /** 'in': an arrow into the lane from the far side (flood); 'out': a dotted arrow out of it. */
  style: 'in' | 'out' | 'plain';
}
export interface BracketItem extends ItemBase {
  kind: 'bracket';
  lane: number;
  label: string;
  short: string;
  /** Still running when the trace ends. */
  open: boolean;
}
export type Item = ArrowItem | SideItem | NoteItem | BracketItem;

export interface Layout {
  lanes: Lane[];
  /** host name -> lane index; spoofed and unknown hosts are absent (they are summarised). */
  laneOf: Map<string, number>;
  /** Items sorted by r0. */
  items: Item[];
  /** Largest r1 - r0 among `items` that are not in `long`. */
  maxSpan: number;
  /** Items spanning many rows (brackets), scanned separately. */
  long: Item[];
  /** Instants: first row and time, sorted by row. */
  instantRows: number[];
  instantTimes: number[];
  /** Instants where only lost segments would have arrived: rows, but no time label. */
  instantPhantom: boolean[];
  /** Skip rows (dashed lifelines), sorted. */
  skipRows: number[];
  /** Main row of each event. */
  eventRow: number[];
  /** lastRow[i]: the last row any item of events 0..i reaches. */
  lastRow: number[];
  /** The initial state of each lane (row 0). */
  initial: (TcpState | null)[];
  totalRows: number;
  maxTime: number;
  /** trace.events.length when this layout was built. */
  eventCount: number;
  /** The bands drawn collapsed in this layout (empty when none is). */
  collapsed: Band[];
}

const GAP_ROWS = 3;
const LONG_SPAN = 64;

function laneOrder(trace: Trace): string[] {
  const hosts = Object.entries(trace.hosts);
  const by = (role: string) => hosts.filter(([, h]) => h.role === role).map(([n]) => n);
  return [...by('client'), ...by('peer'), ...by('server')];
}

/** The lanes of a trace (exported for Mermaid). */
export function lanesOf(trace: Trace): Lane[] {
  return laneOrder(trace).map((host) => {
    const h = trace.hosts[host];
    return { host, name: host, addr: `${h.ip}:${h.port}` };
  });
}

const cache = new WeakMap<Trace, Map<string, Layout>>();
/** Layouts kept per trace for different expanded bands (the player steps through a few at a time). */
const MAX_EXPANDED_LAYOUTS = 8;

/**
 * The layout of a trace, cached per Trace object. A trace is treated as immutable; if events are
 * appended in place (a growing playground trace), the changed length triggers a rebuild.
 */
export function getLayout(raw: Trace, compact: boolean, bo: BandOptions = {}): Layout {
  const trace = foldTrace(raw);
  let m = cache.get(trace);
  if (!m) {
    m = new Map();
    cache.set(trace, m);
  }
  const mode = bo.bands ?? 'auto';
  // A budget that is not a positive number (NaN, negative) is the default; Infinity never collapses.
  const budget = bo.maxRows !== undefined && bo.maxRows > 0 ? bo.maxRows : DEFAULT_MAX_ROWS;
  const get = (key: string, collapse: boolean, expandBand: Band | null): Layout => {
    let l = m!.get(key);
    if (!l || l.eventCount !== trace.events.length) {
      l = buildLayout(trace, compact, collapse ? { expandBand } : null);
      if (m!.size >= MAX_EXPANDED_LAYOUTS * 2) m!.delete(m!.keys().next().value!);
      m!.set(key, l);
    }
    return l;
  };
  // Side texts and notes are catalogue words: one layout per language.
  const base = `${compact ? 'c' : 'n'}|${getLang()}`;
  if (mode === 'off') return get(base, false, null);
  const info = bandInfo(trace);
  if (!info.bands.length) return get(base, false, null);
  if (mode === 'auto') {
    // Every arrow takes at least one row: past the budget without building anything.
    if (info.arrows <= budget) {
      const plain = get(base, false, null);
      if (plain.totalRows <= budget) return plain;
    }
  }
  const b = bo.expand === undefined ? -1 : (info.bandOf.get(bo.expand) ?? -1);
  return get(`${base}|bands|${b}`, true, b < 0 ? null : info.bands[b]);
}

/** The band (collapsible run) that event i of the (folded) trace belongs to, or null. */
export function bandAt(raw: Trace, i: number): Band | null {
  const info = bandInfo(foldTrace(raw));
  const b = info.bandOf.get(i);
  return b === undefined ? null : info.bands[b];
}

interface BandInfo {
  n: number;
  bands: Band[];
  /** Event index -> index in bands. */
  bandOf: Map<number, number>;
  /** Arrows the diagram draws without bands. */
  arrows: number;
}
const bandCache = new WeakMap<Trace, BandInfo>();

function bandKind(s: SegmentEvent): Band['kind'] | null {
  if (s.fate !== 'delivered' || s.retransmission || s.flags.includes('SYN') || s.flags.includes('FIN') || s.flags.includes('RST')) return null;
  if (s.len > 0) return 'data';
  return s.flags.length === 1 && s.flags[0] === 'ACK' ? 'ack' : null;
}

/** The runs of a folded trace that can collapse (O(events), cached per trace). */
function bandInfo(trace: Trace): BandInfo {
  const hit = bandCache.get(trace);
  if (hit && hit.n === trace.events.length) return hit;
  const laneOf = new Map<string, number>();
  lanesOf(trace).forEach((l, i) => laneOf.set(l.host, i));
  const desc = describedEvents(trace, laneOf);
  const bands: Band[] = [];
  const bandOf = new Map<number, number>();
  let run: number[] = [];
  let kind: Band['kind'] | null = null;
  let arrows = 0;
  const flush = () => {
    if (run.length >= BAND_MIN && kind) {
      const events = trace.events;
      for (const i of run) bandOf.set(i, bands.length);
      bands.push({ members: run, kind, first: events[run[0]] as SegmentEvent, last: events[run[run.length - 1]] as SegmentEvent });
    }
    run = [];
    kind = null;
  };
  for (let i = 0; i < trace.events.length; i++) {
    const d = desc[i];
    if (!d) continue;
    if (d.kind !== 'arrow') {
      flush();
      continue;
    }
    arrows++;
    const s = trace.events[i] as SegmentEvent;
    const k = bandKind(s);
    if (k && run.length && k === kind) {
      const f = trace.events[run[0]] as SegmentEvent;
      if (f.from === s.from && f.to === s.to) {
        run.push(i);
        continue;
      }
    }
    flush();
    if (k) {
      run = [i];
      kind = k;
    }
  }
  flush();
  const info = { n: trace.events.length, bands, bandOf, arrows };
  bandCache.set(trace, info);
  return info;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Desc =
  | { kind: 'arrow'; band?: Band }
  | { kind: 'side'; lane: number; text: string; short: string; role: Role; bracket?: 'open' | 'close' | 'both' }
  | { kind: 'note'; lane: number; text: string; mid?: string; short: string; role: Role; style: NoteItem['style'] }
  | { kind: 'bracket-only'; lane: number; bracket: 'open' | 'close' };

const descMemo = new WeakMap<Trace, { n: number; lang: string; desc: readonly (Desc | null)[] }>();

/** describeEvents, remembered per trace (and language: the notes are catalogue words) for the band
 *  finder and the layouts built after it. The array is shared: callers copy it before changing it. */
function describedEvents(trace: Trace, laneOf: Map<string, number>): readonly (Desc | null)[] {
  const lang = getLang();
  const hit = descMemo.get(trace);
  if (hit && hit.n === trace.events.length && hit.lang === lang) return hit.desc;
  const desc = describeEvents(trace, laneOf);
  descMemo.set(trace, { n: trace.events.length, lang, desc });
  return desc;
}

/** What each event draws (null: nothing of its own), with spoofed segments grouped. */
function describeEvents(trace: Trace, laneOf: Map<string, number>): (Desc | null)[] {
  const events = trace.events;
  const out: (Desc | null)[] = new Array(events.length).fill(null);
  let group: { flags: string; toSpoofed: boolean; lane: number; count: number; desc: Extract<Desc, { kind: 'note' }> } | null = null;
  const prevQueue = new Map<string, { s: number; a: number }>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.type === 'segment') {
      if (laneOf.has(e.from) && laneOf.has(e.to) && e.from !== e.to) {
        group = null;
        out[i] = { kind: 'arrow' };
        continue;
      }
      const toSpoofed = laneOf.has(e.from);
      const lane = laneOf.get(toSpoofed ? e.from : e.to);
      if (lane === undefined) continue;
      const flags = flagText(e);
      if (group && group.flags === flags && group.toSpoofed === toSpoofed && group.lane === lane) {
        group.count++;
        group.desc.text = S.spoofedSegments(group.count, flags, toSpoofed, false);
        group.desc.short = group.desc.text;
        continue;
      }
      const desc: Extract<Desc, { kind: 'note' }> = {
        kind: 'note',
        lane,
        text: S.spoofedSegments(1, flags, toSpoofed, false),
        short: S.spoofedSegments(1, flags, toSpoofed, false),
        role: 'flag',
        style: toSpoofed ? 'out' : 'in',
      };
      group = { flags, toSpoofed, lane, count: 1, desc };
      out[i] = desc;
    } else if (e.type === 'state') {
      const lane = laneOf.get(e.host);
      if (lane === undefined) continue;
      const open = e.to === 'TIME-WAIT';
      const close = e.from === 'TIME-WAIT';
      out[i] = { kind: 'side', lane, text: e.to, short: SHORT_STATE[e.to] ?? e.to, role: 'state', ...(open || close ? { bracket: open && close ? 'both' : open ? 'open' : 'close' } : {}) };
    } else if (e.type === 'timer') {
      const lane = laneOf.get(e.host);
      if (lane === undefined || e.action !== 'fired') continue;
      if (e.timer === 'time-wait' || e.timer === 'delayed-ack') continue; // the bracket / the ACK show these
      out[i] = { kind: 'side', lane, text: S.timerFired[e.timer] ?? e.timer, short: S.timerFiredShort[e.timer] ?? e.timer, role: 'drop' };
    } else if (e.type === 'flood') {
      group = null;
      const lane = laneOf.get(e.to);
      if (lane === undefined) continue;
      const detail = S.floodDetail(e.queued, e.cookies, e.dropped);
      out[i] = {
        kind: 'note',
        lane,
        text: S.flood(e.count, false) + (detail ? ` (${detail})` : ''),
        mid: S.flood(e.count, false),
        short: S.floodShort(e.count, false),
        role: 'flag',
        style: 'in',
      };
    } else if (e.type === 'queue') {
      const lane = laneOf.get(e.host);
      if (lane === undefined) continue;
      const prev = prevQueue.get(e.host);
      prevQueue.set(e.host, { s: e.synQueue, a: e.acceptQueue });
      const parts: string[] = [];
      const shorts: string[] = [];
      if (!prev || prev.s !== e.synQueue) {
        parts.push(S.synQueue(e.synQueue, e.synQueueMax));
        shorts.push(S.synQueueShort(e.synQueue, e.synQueueMax));
      }
      if (prev ? prev.a !== e.acceptQueue : e.acceptQueue > 0) {
        parts.push(S.acceptQueue(e.acceptQueue, e.acceptQueueMax));
        shorts.push(S.acceptQueueShort(e.acceptQueue, e.acceptQueueMax));
      }
      if (!parts.length) continue;
      const full = e.synQueue >= e.synQueueMax || e.acceptQueue >= e.acceptQueueMax;
      out[i] = { kind: 'note', lane, text: S.queueNotes(parts), short: shorts.join(' '), role: full ? 'drop' : 'note', style: 'plain' };
    } else if (e.type === 'app') {
      const lane = laneOf.get(e.host);
      if (lane === undefined || !e.error) continue;
      out[i] = { kind: 'note', lane, text: S.appError(e.call, e.error), short: e.error, role: 'drop', style: 'plain' };
    }
  }
  return out;
}

export function buildLayout(trace: Trace, compact: boolean, bands: { expandBand: Band | null } | null = null): Layout {
  const lanes = lanesOf(trace);
  const laneOf = new Map<string, number>();
  lanes.forEach((l, i) => laneOf.set(l.host, i));
  const events = trace.events;
  const n = events.length;
  const desc = describedEvents(trace, laneOf).slice();
  // Collapsed bands: the first segment draws the band, the others nothing (they share its row).
  const collapsed: Band[] = [];
  const hiddenIn = new Map<number, number>();
  if (bands) {
    for (const b of bandInfo(trace).bands) {
      if (b === bands.expandBand) continue;
      collapsed.push(b);
      desc[b.members[0]] = { kind: 'arrow', band: b };
      for (let j = 1; j < b.members.length; j++) {
        desc[b.members[j]] = null;
        hiddenIn.set(b.members[j], b.members[0]);
      }
    }
  }
  /** When an arrow ends: its segment's arrival, or for a band its last segment's. */
  const arrivesOf = (i: number): number => {
    const d = desc[i];
    return d && d.kind === 'arrow' && d.band ? d.band.last.arrives : (events[i] as SegmentEvent).arrives;
  };
  const sloped = (e: TraceEvent) => !compact && e.type === 'segment' && e.arrives > e.t;

  // 1. Instants: times of events that draw something, and of (would-be) arrivals.
  const timeSet = new Set<number>();
  const phantomSet = new Set<number>();
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (!desc[i]) continue;
    timeSet.add(e.t);
    if (desc[i]!.kind === 'arrow' && sloped(e)) {
      const s = e as SegmentEvent;
      timeSet.add(arrivesOf(i));
      if (s.fate === 'dropped') phantomSet.add(s.arrives);
    }
  }
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (!desc[i]) continue;
    phantomSet.delete(e.t);
    if (desc[i]!.kind === 'arrow' && sloped(e) && (e as SegmentEvent).fate === 'delivered') phantomSet.delete(arrivesOf(i));
  }
  const times = [...timeSet].sort((a, b) => a - b);
  const idxOf = new Map<number, number>();
  times.forEach((t, i) => idxOf.set(t, i));
  const nI = times.length;
  const phantom = times.map((t) => phantomSet.has(t));

  const evAt: number[][] = times.map(() => []);
  const arrAt: number[][] = times.map(() => []);
  const inflightDiff = new Array<number>(nI + 1).fill(0);
  for (let i = 0; i < n; i++) {
    if (!desc[i]) continue;
    const e = events[i];
    const k = idxOf.get(e.t)!;
    evAt[k].push(i);
    if (desc[i]!.kind === 'arrow' && sloped(e)) {
      const b = idxOf.get(arrivesOf(i))!;
      arrAt[b].push(i);
      inflightDiff[k] += 1;
      inflightDiff[b] -= 1;
    }
  }

  // 2. Sub-rows within each instant: arrivals first, then the instant's own events in order.
  const instHeight = new Array<number>(nI).fill(1);
  const noteCount = new Array<number>(nI).fill(0);
  const depSub = new Map<number, number>();
  const arrSub = new Map<number, number>();
  const sideSub = new Map<number, number>();
  const noteSub = new Map<number, number>();
  // Per instant: rows used at each lane (side texts) and at each end of a lifeline (arrows).
  const sideCount = new Map<number, number>();
  const endCount = new Map<string, number>();
  const bump = <K>(m: Map<K, number>, key: K) => {
    const v = m.get(key) ?? 0;
    m.set(key, v + 1);
    return v;
  };
  const endKey = (lane: number, towards: number) => `${lane}:${towards > lane ? 'R' : 'L'}`;
  const maxOf = (start: number, values: Iterable<number>) => {
    let m = start;
    for (const v of values) if (v > m) m = v;
    return m;
  };
  for (let k = 0; k < nI; k++) {
    sideCount.clear();
    endCount.clear();
    let flatCount = 0;
    for (const i of arrAt[k]) {
      const e = events[i] as SegmentEvent;
      const from = laneOf.get(e.from)!;
      const to = laneOf.get(e.to)!;
      const sub = bump(endCount, endKey(to, from));
      if (e.fate === 'delivered') arrSub.set(i, sub);
      else arrSub.set(i, 0);
    }
    // Notes (full-width rows) come after arrivals and side texts but before departures, so an
    // arrow leaving at this instant never runs through a note.
    const notes: number[] = [];
    for (const i of evAt[k]) {
      const d = desc[i]!;
      if (d.kind === 'side') sideSub.set(i, bump(sideCount, d.lane));
      else if (d.kind === 'note') notes.push(i);
    }
    const h1 = maxOf(maxOf(1, endCount.values()), sideCount.values());
    notes.forEach((i, j) => noteSub.set(i, h1 + j));
    const depCount = notes.length ? new Map<string, number>() : endCount;
    const base = notes.length ? h1 + notes.length : 0;
    for (const i of evAt[k]) {
      const d = desc[i]!;
      if (d.kind !== 'arrow') continue;
      const s = events[i] as SegmentEvent;
      const from = laneOf.get(s.from)!;
      const to = laneOf.get(s.to)!;
      if (!sloped(s)) depSub.set(i, flatCount++);
      else depSub.set(i, base + bump(depCount, endKey(from, to)));
    }
    let h = Math.max(h1 + notes.length, base + maxOf(0, depCount.values()));
    // Flat arrows (compact mode) each get a row of their own, below everything else.
    if (flatCount) {
      for (const i of evAt[k]) if (depSub.has(i) && !sloped(events[i])) depSub.set(i, depSub.get(i)! + h);
      h += flatCount;
    }
    noteCount[k] = notes.length;
    instHeight[k] = h;
  }

  // 3. Rows of instants.
  const instRow = new Array<number>(nI);
  const skipRows: number[] = [];
  let row = 1;
  let inflight = 0;
  for (let k = 0; k < nI; k++) {
    if (k > 0) {
      if (inflight > 0) row += GAP_ROWS;
      else if (times[k] > times[k - 1] && !compact) {
        skipRows.push(row);
        row += 1;
      }
    }
    instRow[k] = row;
    row += instHeight[k];
    inflight += inflightDiff[k];
  }
  const totalRows = row;

  // 4. Items.
  const items: Item[] = [];
  const eventRow = new Array<number>(n).fill(0);
  const openBracket = new Map<number, { r0: number; t: number; ev: number }>();
  const bracketItem = (lane: number, o: { r0: number; t: number; ev: number }, r1: number, t1: number | null): BracketItem => {
    const dur = t1 === null ? '' : ' ' + fmtDuration(t1 - o.t);
    // Linux waits a fixed TCP_TIMEWAIT_LEN (60 s) whatever the MSL: label it so, not "2MSL".
    const fixed = trace.profile === 'linux';
    return { kind: 'bracket', ev: o.ev, r0: o.r0, r1, lane, label: (fixed ? S.timeWaitFixed : S.twoMsl) + dur, short: fixed ? S.timeWaitFixedShort : S.twoMsl, open: t1 === null };
  };
  let lastInst = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const d = desc[i];
    if (!d) {
      const host = hiddenIn.get(i);
      if (host !== undefined) {
        // A segment inside a collapsed band sits on the band's row.
        eventRow[i] = eventRow[host];
        continue;
      }
      // Events without a drawing of their own sit at the latest instant not after them.
      const k = Math.max(0, lowerBound(times, e.t + 1e-9) - 1);
      eventRow[i] = nI ? instRow[Math.min(k, nI - 1)] : 0;
      continue;
    }
    const k = idxOf.get(e.t)!;
    lastInst = Math.max(lastInst, k);
    if (d.kind === 'arrow') {
      const s = e as SegmentEvent;
      const r0 = instRow[k] + (depSub.get(i) ?? 0);
      let r1 = r0;
      const isSloped = sloped(e);
      if (isSloped) r1 = Math.max(r0 + 1, instRow[idxOf.get(arrivesOf(i))!] + (arrSub.get(i) ?? 0));
      eventRow[i] = r0;
      items.push({ kind: 'arrow', ev: i, r0, r1, seg: s, from: laneOf.get(s.from)!, to: laneOf.get(s.to)!, dropped: s.fate === 'dropped', flat: !isSloped, ...(d.band ? { band: d.band } : {}) });
    } else if (d.kind === 'side') {
      const r = instRow[k] + (sideSub.get(i) ?? 0);
      eventRow[i] = r;
      items.push({ kind: 'side', ev: i, r0: r, r1: r, lane: d.lane, text: d.text, short: d.short, role: d.role });
      if (d.bracket === 'close' || d.bracket === 'both') {
        const o = openBracket.get(d.lane);
        if (o) items.push(bracketItem(d.lane, o, r, e.t));
        openBracket.delete(d.lane);
      }
      if (d.bracket === 'open' || d.bracket === 'both') openBracket.set(d.lane, { r0: r, t: e.t, ev: i });
    } else if (d.kind === 'note') {
      const r = instRow[k] + (noteSub.get(i) ?? 0);
      eventRow[i] = r;
      items.push({ kind: 'note', ev: i, r0: r, r1: r, lane: d.lane, text: d.text, ...(d.mid ? { mid: d.mid } : {}), short: d.short, role: d.role, style: d.style });
    }
  }
  for (const [lane, o] of openBracket) items.push(bracketItem(lane, o, Math.max(o.r0, totalRows - 1), null));

  items.sort((a, b) => a.r0 - b.r0 || a.ev - b.ev);
  const long: Item[] = [];
  const normal: Item[] = [];
  let maxSpan = 0;
  for (const it of items) {
    if (it.r1 - it.r0 > LONG_SPAN) long.push(it);
    else {
      normal.push(it);
      maxSpan = Math.max(maxSpan, it.r1 - it.r0);
    }
  }

  // Prefix of the last row reached by events 0..i.
  const lastRow = new Array<number>(n).fill(0);
  const reach = new Array<number>(n).fill(0);
  for (const it of items) if (it.kind !== 'bracket' || !it.open) reach[it.ev] = Math.max(reach[it.ev], it.r1);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc = Math.max(acc, reach[i], eventRow[i]);
    lastRow[i] = acc;
  }

  const initial: (TcpState | null)[] = lanes.map((l) => {
    for (const e of events) if (e.type === 'state' && e.host === l.host) return e.from;
    return trace.snapshots[0]?.[l.host]?.state ?? null;
  });

  return {
    lanes,
    laneOf,
    items: normal,
    maxSpan,
    long,
    instantRows: instRow,
    instantTimes: times,
    instantPhantom: phantom,
    skipRows,
    eventRow,
    lastRow,
    initial,
    totalRows,
    maxTime: Math.max(trace.end, times.length ? times[nI - 1] : 0),
    eventCount: n,
    collapsed,
  };
}

/** Items whose rows intersect [a, b], in r0 order (cost follows the window, not the trace). */
export function itemsInRows(l: Layout, a: number, b: number): Item[] {
  const out: Item[] = [];
  // First item with r0 >= a - maxSpan.
  let lo = 0;
  let hi = l.items.length;
  const from = a - l.maxSpan;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.items[mid].r0 < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < l.items.length; i++) {
    const it = l.items[i];
    if (it.r0 > b) break;
    if (it.r1 >= a) out.push(it);
  }
  for (const it of l.long) if (it.r0 <= b && it.r1 >= a) out.push(it);
  return out;
}

const rowMemo = new WeakMap<Layout, Map<number, Item[]>>();
/** Rows remembered per layout (cleared when full). */
const ROW_MEMO_MAX = 8192;

/** itemsInRows(l, r, r), remembered per layout: label placement asks about the same rows for every
 *  candidate position and again at every width. The array is shared: read it, never change it. */
export function itemsOnRow(l: Layout, r: number): readonly Item[] {
  let m = rowMemo.get(l);
  if (!m) {
    m = new Map();
    rowMemo.set(l, m);
  }
  let out = m.get(r);
  if (!out) {
    out = itemsInRows(l, r, r);
    if (m.size >= ROW_MEMO_MAX) m.clear();
    m.set(r, out);
  }
  return out;
}

export { lowerBound };
