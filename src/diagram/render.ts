/**
 * The ASCII/Unicode sequence diagram of a TCP model trace. Pure: data in, strings out.
 *
 * API
 *   render(trace, options)          -> string[]      the whole diagram (events 0..upTo), one string a
 *                                                     line, each at most options.width columns
 *   renderStyled(trace, options)    -> StyledLine[]  the same lines as runs {text, role?} so the UI /
 *                                                     CLI can colour flags, states, drops and times
 *   renderWindow(trace, options & { fromRow, rows })        -> DiagramWindow<string>
 *   renderWindowStyled(trace, options & { fromRow, rows })  -> DiagramWindow<StyledLine>
 *        For the live player: the header (host names, addresses), `rows` body rows starting at
 *        `fromRow`, the legend for the segments in that window, and `totalRows` (body rows of events
 *        0..upTo). Scroll by changing fromRow; keep the header pinned.
 *   eventRow(trace, options, i)     -> number        the body row of event i (to keep it in view)
 *
 * Options (RenderOptions): width (columns, required); upTo (last event index shown, default all);
 *   charset 'unicode' | 'ascii'; seq 'absolute' | 'relative' (to each side's ISN); showStates,
 *   showTime (default true); compact (flat arrows, one row each); highlight (event index marked in
 *   the gutter with ▸ / >); transit { segment: EVENT INDEX of a segment event, fraction 0..1 },
 *   or an array of them (those segments are drawn only that far along their arrows, for animation;
 *   a lost one shows its ✕ once it gets that far).
 *   bands 'auto' | 'on' | 'off', maxRows, expand: runs of segments collapse into one labelled arrow
 *   (`×40 segments 1-58401`) when the diagram would be taller than maxRows body rows (auto, the
 *   default; 2000), always (on) or never (off); expand is an event index whose band is drawn
 *   segment by segment (the player passes the event under its cursor). See layout.ts, bandAt().
 *
 * Cost: the row layout of a trace (which row every arrow, state and note takes) is computed once
 * per Trace object and cached (WeakMap; O(events), ~35 ms for 10,000 events). Labels are placed
 * lazily per width, only for the arrows a window shows (and the earlier arrows crossing their
 * rows). A window then costs O(rows in the window + items crossing it): the last 30-row screen of
 * a 10,000-event trace takes ~0.1 ms a frame, the same as for a 100-event trace.
 *
 * Width tiers: full state names and `SYN,ACK seq=300 ack=101` labels when there is room; short
 * state names (`SYN-RCV`) and labels (`S,A 300/101`) as it shrinks; labels that still do not fit
 * become `#id` markers explained in a legend under the diagram; below MIN_WIDTH (or when the
 * lifelines cannot get MIN_GAP columns) a numbered list of events is returned instead.
 */
import type { SegmentEvent, Trace, TraceEvent } from '../tcp/types.js';
import { foldTrace } from '../tcp/fold.js';
import { DIAGRAM_STRINGS as S, SHORT_STATE } from './strings.js';
import { getLayout, itemsInRows, itemsOnRow, lowerBound, type ArrowItem, type BracketItem, type Item, type Layout, type NoteItem, type Role, type SideItem } from './layout.js';
import { bandLabel, bandTokens, fmtMs, fullLabel, labelTokens, legendLine, shortLabel, refLabel, flagText, type SeqMode } from './labels.js';
import { asciiOnly, clean, graphemes, isSimple, strWidth, truncate, wrap } from './text.js';
import { getLang } from '../i18n/index.js';

export type { Role } from './layout.js';

export interface RenderOptions {
  width: number;
  upTo?: number;
  charset?: 'unicode' | 'ascii';
  seq?: SeqMode;
  showStates?: boolean;
  showTime?: boolean;
  compact?: boolean;
  highlight?: number;
  transit?: Transit | Transit[];
  /** Bands of segments (layout.ts): 'auto' (default) collapses them past `maxRows` body rows,
   *  'on' always, 'off' never; `expand` is an event index whose band is drawn segment by segment. */
  bands?: 'auto' | 'on' | 'off';
  maxRows?: number;
  expand?: number;
  /** Collect the legend tokens of what the window draws (DiagramWindow.tokens; off by default:
   *  the player asks only while its legend is open). */
  tokens?: boolean;
}

/** A segment (by event index) drawn partway: fraction 0 (just sent) .. 1 (arrived). */
export interface Transit {
  segment: number;
  fraction: number;
}

export interface StyledRun {
  text: string;
  role?: Role;
}
export type StyledLine = StyledRun[];

export interface DiagramWindow<L> {
  header: L[];
  body: L[];
  legend: L[];
  /** Body rows of events 0..upTo (list mode: list lines). */
  totalRows: number;
  fromRow: number;
  /** True when the width was too small and body is a numbered list of events. */
  list: boolean;
  /** With `tokens`: the legend tokens of everything drawn (labels' parts, ✕, ▸, ┆, short state
   *  names, timer notes, bands ...; src/diagram/labels.ts labelParts), unordered. */
  tokens?: string[];
}

/** Narrower than this, render() returns the numbered list of events. */
export const MIN_WIDTH = 36;
/** Fewest columns between two lifelines for a picture. */
const MIN_GAP = 12;

interface Glyphs {
  line: string;
  dash: string;
  double: string;
  life: string;
  lifeSkip: string;
  headR: string;
  headL: string;
  startR: string;
  startL: string;
  drop: string;
  brTopL: string;
  brTopR: string;
  brBotL: string;
  brBotR: string;
  brMid: string;
  current: string;
  ellipsis: string;
  arrow: string;
  times: string;
}
const UNICODE: Glyphs = {
  line: '─',
  dash: '╌',
  double: '═',
  life: '│',
  lifeSkip: '┆',
  headR: '►',
  headL: '◄',
  startR: '├',
  startL: '┤',
  drop: '✕',
  brTopL: '┌',
  brTopR: '┐',
  brBotL: '└',
  brBotR: '┘',
  brMid: '│',
  current: '▸',
  ellipsis: '…',
  arrow: '→',
  times: '×',
};
const ASCII: Glyphs = {
  line: '-',
  dash: '.',
  double: '=',
  life: '|',
  lifeSkip: ':',
  headR: '>',
  headL: '<',
  startR: '+',
  startL: '+',
  drop: 'x',
  brTopL: '+',
  brTopR: '+',
  brBotL: '+',
  brBotR: '+',
  brMid: '|',
  current: '>',
  ellipsis: '~',
  arrow: '->',
  times: 'x',
};

interface Geo {
  width: number;
  showTime: boolean;
  timeW: number;
  gutterW: number;
  side: number;
  shortNames: boolean;
  x: number[];
  gap: number;
  rightStart: number;
  rightW: number;
}

function geometry(l: Layout, width: number, showTime: boolean, showStates: boolean): Geo | null {
  const N = l.lanes.length;
  if (N === 0 || width < MIN_WIDTH) return null;
  const timeW = Math.max(strWidth(fmtMs(l.maxTime)), strWidth(S.timeHeader));
  const tiers: { side: number; time: boolean; short: boolean; minGap: number }[] = showStates
    ? [
        { side: 12, time: showTime, short: false, minGap: 30 },
        { side: 7, time: showTime, short: true, minGap: 16 },
        { side: 7, time: false, short: true, minGap: MIN_GAP },
      ]
    : [
        { side: 0, time: showTime, short: false, minGap: 16 },
        { side: 0, time: false, short: false, minGap: MIN_GAP },
      ];
  for (const t of tiers) {
    const gutterW = t.time ? timeW + 2 : 1;
    const fixed = gutterW + 2 * (t.side + 2) + N;
    const gap = N === 1 ? MIN_GAP : Math.floor((width - fixed) / (N - 1));
    if (gap < t.minGap || (N === 1 && fixed > width)) continue;
    const x0 = gutterW + t.side + 2;
    const x = l.lanes.map((_, i) => x0 + i * (gap + 1));
    const rightStart = x[N - 1] + 3;
    return { width, showTime: t.time, timeW, gutterW, side: t.side, shortNames: t.short, x, gap, rightStart, rightW: Math.max(0, width - rightStart) };
  }
  return null;
}

/* ------------------------------------------------------------------------------------------ */
/* Canvas                                                                                       */

/** Strings of n spaces, made once (the gaps between lifelines are most of a diagram's runs). */
const SPACES: string[] = [];
function spaces(n: number): string {
  if (n >= 1024) return ' '.repeat(n);
  let s = SPACES[n];
  if (s === undefined) {
    for (let k = SPACES.length; k <= n; k++) SPACES.push(' '.repeat(k));
    s = SPACES[n];
  }
  return s;
}

class Row {
  ch: string[];
  role: (Role | undefined)[];
  constructor(readonly width: number) {
    this.ch = new Array<string>(width).fill(' ');
    this.role = new Array<Role | undefined>(width).fill(undefined);
  }
  put(x: number, c: string, role?: Role): void {
    if (x < 0 || x >= this.width) return;
    this.clearWide(x);
    this.ch[x] = c;
    this.role[x] = role;
  }
  private clearWide(x: number): void {
    // Overwriting half of a wide glyph blanks its other half.
    if (this.ch[x] === '' && x > 0) {
      this.ch[x - 1] = ' ';
      this.role[x - 1] = undefined;
    }
    if (x + 1 < this.width && this.ch[x + 1] === '') {
      this.ch[x + 1] = ' ';
      this.role[x + 1] = undefined;
    }
  }
  /** Writes text from column x, never past column `limit` (exclusive). Returns columns used. */
  text(x: number, s: string, role?: Role, limit = this.width): number {
    let c = x;
    if (isSimple(s)) {
      // One column a character (see text.ts): no grapheme objects to build.
      const end = Math.min(limit, this.width);
      for (let i = 0; i < s.length; i++) {
        if (c + 1 > end) break;
        if (c >= 0) this.put(c, s[i], role);
        c++;
      }
      return c - x;
    }
    for (const { g, w } of graphemes(s)) {
      if (c + w > Math.min(limit, this.width)) break;
      if (c < 0) {
        c += w;
        continue;
      }
      this.put(c, g, role);
      if (w === 2) {
        this.clearWide(c + 1);
        this.ch[c + 1] = '';
        this.role[c + 1] = role;
      }
      c += w;
    }
    return c - x;
  }
  /** The row as runs of one role each, trailing blanks trimmed ('' cells, the second halves of
   *  wide characters, add nothing and never split a run). */
  styled(): StyledLine {
    const { ch, role } = this;
    let end = this.width;
    while (end > 0 && (ch[end - 1] === ' ' || ch[end - 1] === '')) end--;
    const runs: StyledLine = [];
    let i = 0;
    while (i < end && ch[i] === '') i++;
    while (i < end) {
      const r = role[i];
      let j = i + 1;
      let blank = ch[i] === ' ';
      for (; j < end && (ch[j] === '' || role[j] === r); j++) if (ch[j] !== ' ') blank = false;
      const text = j === i + 1 ? ch[i] : blank ? spaces(j - i) : ch.slice(i, j).join('');
      runs.push(r === undefined ? { text } : { text, role: r });
      i = j;
    }
    return runs;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Arrow geometry                                                                               */

interface Path {
  dir: 1 | -1;
  /** First cell after the sender's lifeline, last cell (the head) before the receiver's. */
  s: number;
  D: number;
  k: number;
  /** Offset of the ✕ for a dropped segment, else D (no drop). */
  dropOff: number;
}

function pathOf(a: ArrowItem, g: Geo): Path {
  const xa = g.x[a.from];
  const xb = g.x[a.to];
  const dir: 1 | -1 = xb > xa ? 1 : -1;
  const s = xa + dir;
  const e = xb - dir;
  const D = Math.max(1, Math.abs(e - s) + 1);
  const k = a.flat ? 1 : a.r1 - a.r0 + 1;
  const dropOff = a.dropped ? Math.max(1, Math.floor((D - 1) * 0.6)) : D;
  return { dir, s, D, k, dropOff };
}

/** Offsets [o0, o1] (inclusive, along the path) drawn on body row r, or null. */
function rowOffsets(p: Path, a: ArrowItem, r: number, limit: number): [number, number] | null {
  const i = r - a.r0;
  if (i < 0 || i >= p.k) return null;
  const o0 = Math.floor((p.D * i) / p.k);
  let o1 = Math.floor((p.D * (i + 1)) / p.k) - 1;
  if (i === p.k - 1) o1 = p.D - 1;
  o1 = Math.min(o1, limit);
  if (o1 < o0) return i === 0 ? [0, -1] : null;
  return [o0, o1];
}

/** Columns [c0, c1] of an arrow's full drawn path on row r (for collision checks), or null. */
function rowCols(p: Path, a: ArrowItem, r: number): [number, number] | null {
  return colsOn(p, a, r) ? [colA, colB] : null;
}

/** The columns colsOn found (no pair allocated per call: label placement asks very often). */
let colA = 0;
let colB = 0;
/** rowCols without the pair: whether the arrow has cells on row r; if so they are colA..colB. */
function colsOn(p: Path, a: ArrowItem, r: number): boolean {
  const i = r - a.r0;
  if (i < 0 || i >= p.k) return false;
  const o0 = Math.floor((p.D * i) / p.k);
  let o1 = i === p.k - 1 ? p.D - 1 : Math.floor((p.D * (i + 1)) / p.k) - 1;
  if (o1 > p.dropOff) o1 = p.dropOff;
  if (o1 < o0) return false;
  const c0 = p.s + p.dir * o0;
  const c1 = p.s + p.dir * o1;
  if (c0 <= c1) {
    colA = c0;
    colB = c1;
  } else {
    colA = c1;
    colB = c0;
  }
  return true;
}

/** Draws an arrow's cells on row r; true when the drop mark (✕) is among them. */
function drawArrow(row: Row, r: number, a: ArrowItem, p: Path, g: Geo, gl: Glyphs, transit: number | null): boolean {
  const xa = g.x[a.from];
  let limit = p.D - 1;
  let head = true;
  let dropped = a.dropped;
  if (transit !== null) {
    const lim = Math.floor(transit * (p.D - 1));
    if (!a.dropped || lim < p.dropOff) {
      limit = lim;
      dropped = false;
    }
  }
  if (dropped) {
    limit = p.dropOff;
    head = false;
  }
  if (r === a.r0) row.put(xa, p.dir > 0 ? gl.startR : gl.startL, 'line');
  const o = rowOffsets(p, a, r, limit);
  if (!o) return false;
  let mark = false;
  for (let off = o[0]; off <= o[1]; off++) {
    const c = p.s + p.dir * off;
    let ch = gl.line;
    let role: Role = 'line';
    if (off === limit) {
      if (dropped) {
        ch = gl.drop;
        role = 'drop';
        mark = true;
      } else if (head) ch = p.dir > 0 ? gl.headR : gl.headL;
    }
    row.put(c, ch, role);
  }
  return mark;
}

/* ------------------------------------------------------------------------------------------ */
/* Label placement (cached per trace, layout and width)                                         */

interface Placement {
  row: number;
  x: number;
  text: string;
  ref: boolean;
  /** 0 full label, 1 short, 2 `#id` reference. */
  tier: number;
}

interface GeoCache {
  geo: Geo | null;
  placements: LabelPlacer | null;
  /** Body rows as they are once every event drawn on them is shown (see drawBody), by row. */
  rows: Map<number, StyledLine>;
  /** The two header lines (host names and addresses): the same for every frame. */
  header: StyledLine[] | null;
  /** Each referenced arrow's legend lines, by event. */
  legend: Map<number, StyledLine[]>;
  /** Whole windows of final rows, by `from:to` (see renderWindowStyled). */
  windows: Map<string, FinalWindow>;
  /** Prints (render, renderStyled) asked for once, by `from:to`: a print is remembered in `windows`
   *  the second time it is asked for (see windowStyled). */
  printed: Set<string>;
}
/** A window whose rows were all final: valid again for any cursor at or past `maxEv` with no arrow in
 *  transit and no current-event marker in it. */
interface FinalWindow {
  maxEv: number;
  lines: StyledLine[];
  legend: StyledLine[];
}
const WINDOWS_MAX = 64;
/** Rows kept per geometry: a few screens of a player scrolling back and forth. */
const ROW_CACHE_MAX = 4096;
/** Windows taller than this (a whole diagram printed) are drawn without filling the row cache. */
const WINDOW_ROWS_CACHED = 1024;
/** The frame caches (final rows, windows, header, legend) are used; off only to test them against
 *  frames drawn from scratch (test/diagram/frame-cache.test.ts). */
let frameCaches = true;
export function setFrameCaches(on: boolean): void {
  frameCaches = on;
}
const geoCache = new WeakMap<Layout, Map<string, GeoCache>>();
/** Geometries (width, options) kept per layout, least recently used dropped first: a terminal being
 *  resized asks for a new width at every step, and each geometry holds its rows and windows. */
const GEOMETRIES_MAX = 8;

function geoFor(l: Layout, o: Required<Pick<RenderOptions, 'width' | 'showTime' | 'showStates' | 'seq'>> & { ascii: boolean }): GeoCache {
  let m = geoCache.get(l);
  if (!m) {
    m = new Map();
    geoCache.set(l, m);
  }
  // Labels hold catalogue words ((retx), band labels): placed once per language.
  const key = `${o.width}|${o.showTime}|${o.showStates}|${o.seq}|${o.ascii}|${getLang()}`;
  let c = m.get(key);
  if (c) {
    m.delete(key);
  } else {
    c = { geo: geometry(l, o.width, o.showTime, o.showStates), placements: null, rows: new Map(), header: null, legend: new Map(), windows: new Map(), printed: new Set() };
    if (m.size >= GEOMETRIES_MAX) m.delete(m.keys().next().value!);
  }
  m.set(key, c);
  return c;
}

/**
 * Places segment labels lazily: the label of arrow A depends only on the arrows crossing A's rows
 * that were sent before it (their lines and labels), so placing the labels of a window costs the
 * window, not the trace, and gives the same result whatever was placed before.
 */
function labelPlacer(trace: Trace, l: Layout, g: Geo, seq: SeqMode, ascii: boolean): LabelPlacer {
  const placed = new Map<number, number[]>(); // row -> label extents x0, x1, ev, x0, x1, ev ...
  const result = new Map<number, Placement | null>();
  const paths = new Map<ArrowItem, Path>();
  const pathFor = (a: ArrowItem) => {
    let p = paths.get(a);
    if (!p) {
      p = pathOf(a, g);
      paths.set(a, p);
    }
    return p;
  };
  /** -1 when the region is taken; else the columns of clearance to other arrows (capped at 4). */
  const clearance = (self: ArrowItem, r: number, x0: number, x1: number, allowSelf: boolean): number => {
    const xs = g.x;
    const lo = Math.min(xs[self.from], xs[self.to]);
    const hi = Math.max(xs[self.from], xs[self.to]);
    if (x0 <= lo || x1 >= hi) return -1;
    for (let i = 0; i < xs.length; i++) if (xs[i] >= x0 && xs[i] <= x1) return -1;
    let clear = 4;
    const items = itemsOnRow(l, r);
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.kind === 'note') return -1;
      if (it.kind !== 'arrow') continue;
      if (it === self && allowSelf) continue;
      if (!colsOn(pathFor(it), it, r)) continue;
      const pad = it === self ? 1 : 2;
      if (colA <= x1 + pad && colB >= x0 - pad) return -1;
      if (it !== self) clear = Math.min(clear, colA > x1 ? colA - x1 - 1 : x0 - colB - 1);
    }
    const pl = placed.get(r);
    if (pl) for (let i = 0; i < pl.length; i += 3) if (pl[i + 2] < self.ev && pl[i] <= x1 + 1 && pl[i + 1] >= x0 - 1) return -1;
    return clear;
  };
  const compute = (a: ArrowItem): void => {
    const p = pathFor(a);
    const texts = labelTexts(trace, l, a, seq, ascii);
    let found: Placement | null = null;
    // Before a long run of the line, the rows it crosses: above the line first (textbook style),
    // then below it, then inside a long run; a flat arrow only inside its run. The first candidate
    // with full clearance wins, else the clearest (the first of equals).
    const last = a.flat ? a.r0 : a.dropped ? Math.min(a.r1, a.r0 + rowOfOffset(p, a, p.dropOff)) : a.r1;
    for (let tier = 0; tier < texts.length && !found; tier++) {
      const text = texts[tier];
      const w = strWidth(text);
      let best = -1;
      // Phases: 0 after the line on its last row (a lost segment), 1 after it, 2 before it, 3 inside it.
      phases: for (let ph = a.flat ? 3 : a.dropped ? 0 : 1; ph <= 3; ph++) {
        const r0 = ph === 0 ? last : ph === 2 ? a.r0 + 1 : a.r0;
        const r1 = ph === 1 ? last - 1 : last;
        for (let r = r0; r <= r1; r++) {
          if (!colsOn(p, a, r)) continue;
          let x: number;
          if (ph <= 1) x = p.dir > 0 ? colB + 2 : colA - 1 - w;
          else if (ph === 2) x = p.dir > 0 ? colA - 1 - w : colB + 2;
          else if (colB - colA + 1 < w + 4) continue;
          else x = colA + Math.floor((colB - colA + 1 - w) / 2);
          const cl = clearance(a, r, x, x + w - 1, ph === 3);
          if (cl > best) {
            best = cl;
            found = { row: r, x, text, ref: tier === 2, tier };
            if (cl >= 4) break phases;
          }
        }
      }
    }
    result.set(a.ev, found);
    if (found) {
      let list = placed.get(found.row);
      if (!list) placed.set(found.row, (list = []));
      list.push(found.x, found.x + strWidth(found.text) - 1, a.ev);
    }
  };
  return {
    get(a: ArrowItem): Placement | null {
      const done = result.get(a.ev);
      if (done !== undefined) return done;
      const stack: ArrowItem[] = [a];
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (result.has(top.ev)) {
          stack.pop();
          continue;
        }
        let pushed = false;
        for (const it of itemsInRows(l, top.r0, top.r1)) {
          if (it.kind === 'arrow' && it.ev < top.ev && !result.has(it.ev)) {
            stack.push(it);
            pushed = true;
          }
        }
        if (!pushed) {
          compute(top);
          stack.pop();
        }
      }
      return result.get(a.ev) ?? null;
    },
  };
}

interface LabelPlacer {
  get(a: ArrowItem): Placement | null;
}

/** Each arrow's label in its three sizes (full, short, `#id`), by event, per layout, sequence mode
 *  and charset: the same at every width, so computed once however many widths draw it. */
const labelMemo = new WeakMap<Layout, Map<string, string[][]>>();

function labelTexts(trace: Trace, l: Layout, a: ArrowItem, seq: SeqMode, ascii: boolean): string[] {
  let m = labelMemo.get(l);
  if (!m) {
    m = new Map();
    labelMemo.set(l, m);
  }
  const key = `${seq}|${ascii}`;
  let byEv = m.get(key);
  if (!byEv) {
    byEv = [];
    m.set(key, byEv);
  }
  let texts = byEv[a.ev];
  if (!texts) {
    texts = a.band
      ? [bandLabel(trace, a.band, seq, false, ascii), bandLabel(trace, a.band, seq, true, ascii), refLabel(a.seg)]
      : [fullLabel(trace, a.seg, seq), shortLabel(trace, a.seg, seq), refLabel(a.seg)];
    byEv[a.ev] = texts;
  }
  return texts;
}

function rowOfOffset(p: Path, a: ArrowItem, off: number): number {
  for (let i = 0; i < p.k; i++) {
    const o1 = i === p.k - 1 ? p.D - 1 : Math.floor((p.D * (i + 1)) / p.k) - 1;
    if (off <= o1) return i;
  }
  return p.k - 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing a window                                                                             */

interface Ctx {
  trace: Trace;
  l: Layout;
  g: Geo;
  gl: Glyphs;
  ascii: boolean;
  seq: SeqMode;
  upTo: number;
  showStates: boolean;
  highlight: number | undefined;
  /** Event index -> fraction along its arrow. */
  transit: Map<number, number>;
  placements: LabelPlacer;
  /** The geometry's cache of finished rows (GeoCache.rows). */
  rowCache: Map<number, StyledLine>;
  geoCache: GeoCache;
  /** Legend tokens of what is drawn, when asked (RenderOptions.tokens). */
  tokens: Set<string> | null;
}

function sideText(c: Ctx, text: string, short: string, room: number): string {
  const t = c.g.shortNames || strWidth(text) > room ? short : text;
  if (c.tokens && t === short && short !== text) c.tokens.add(`short:${short}`);
  return truncate(t, room, c.gl.ellipsis);
}

/** The legend token of a side text or note, from the event that made it. */
function itemToken(c: Ctx, ev: number): string | null {
  const e = c.trace.events[ev];
  if (!e) return null;
  if (e.type === 'timer') return `timer:${e.timer}`;
  if (e.type === 'flood') return 'flood';
  if (e.type === 'segment') return 'spoofed';
  return null;
}

function drawHeader(c: Ctx): StyledLine[] {
  const { g, l, width } = { g: c.g, l: c.l, width: c.g.width };
  const lines = [new Row(width), new Row(width)];
  if (g.showTime) lines[0].text(1 + g.timeW - strWidth(S.timeHeader), S.timeHeader, 'time');
  const N = l.lanes.length;
  l.lanes.forEach((lane, i) => {
    // Each lane owns the columns halfway to its neighbours.
    const lo = i === 0 ? g.gutterW : Math.ceil((g.x[i - 1] + g.x[i]) / 2) + 1;
    const hi = i === N - 1 ? width : Math.floor((g.x[i] + g.x[i + 1]) / 2);
    const room = hi - lo;
    [lane.name, lane.addr].forEach((raw, li) => {
      let s = clean(raw);
      if (c.ascii) s = asciiOnly(s);
      s = truncate(s, room, c.gl.ellipsis);
      const w = strWidth(s);
      const x = N > 1 && i === N - 1 ? hi - w : i === 0 ? lo : Math.max(lo, Math.min(hi - w, g.x[i] - Math.floor(w / 2)));
      lines[li].text(x, s, 'host', hi);
    });
  });
  return lines.map((r) => r.styled());
}

/**
 * The rows from..to of the body, and the arrows drawn in them (for the legend).
 *
 * A row's text depends on the cursor (upTo) only through the events on it that are not shown yet;
 * once every item touching a row is shown, with no arrow in transit and no current-event marker on
 * it, the row is final and the same for every later cursor. Final rows are kept per geometry
 * (c.rowCache) and reused, so a frame draws only the rows that can still change: at the end of a
 * long transfer, or paused, a frame costs the items in view, not the rows' drawing.
 */
function drawBody(c: Ctx, from: number, to: number, print: boolean): { lines: StyledLine[]; arrows: ArrowItem[]; final: boolean; maxEv: number } {
  const { g, l, gl } = c;
  const all = itemsInRows(l, from, to);
  let maxEv = -1;
  for (const it of all) if (it.ev > maxEv) maxEv = it.ev;
  const items = all.filter((it) => it.ev <= c.upTo);
  const arrows = items.filter((it): it is ArrowItem => it.kind === 'arrow');
  // Rows that can still change: touched by an event not shown yet (its lines, its label, a bracket
  // whose label may move), by an arrow in transit, or holding the current-event marker.
  const changing = new Set<number>();
  const mark = (a: number, b: number) => {
    for (let r = Math.max(from, a); r <= Math.min(to, b); r++) changing.add(r);
  };
  for (const it of all) {
    const pending = it.ev > c.upTo;
    const moving = it.kind === 'arrow' && c.transit.has(it.ev);
    if (!pending && !moving) continue;
    mark(it.r0, it.kind === 'arrow' && it.flat ? it.r0 : it.r1);
    if (it.kind === 'arrow') {
      const pl = c.placements.get(it);
      if (pl) mark(pl.row, pl.row);
    }
    // A side text not shown yet frees its row for a bracket's label above it.
    if (pending && it.kind === 'side') for (const b of all) if (b.kind === 'bracket' && b.lane === it.lane && b.r0 < it.r0 && it.r0 <= b.r0 + 21) mark(b.r0, Math.min(b.r1, b.r0 + 21));
  }
  if (c.highlight !== undefined && c.highlight >= 0 && c.highlight < l.eventRow.length) mark(l.eventRow[c.highlight], l.eventRow[c.highlight]);
  // Collecting legend tokens draws every row (a cached row would report none).
  const cached = (r: number) => (!frameCaches || c.tokens || changing.has(r) ? undefined : c.rowCache.get(r));
  let allCached = true;
  for (let r = from; r <= to && allCached; r++) if (!cached(r)) allCached = false;
  if (allCached) {
    const lines: StyledLine[] = [];
    for (let r = from; r <= to; r++) lines.push(cached(r)!);
    return { lines, arrows, final: changing.size === 0, maxEv };
  }
  // Rows already final are drawn into a scratch row whose text is thrown away (their lines are taken
  // now: storing new rows below may clear the cache).
  const scratch = new Row(g.width);
  const kept: (StyledLine | undefined)[] = [];
  const rows: (Row | null)[] = [];
  for (let r = from; r <= to; r++) {
    const k = cached(r);
    kept.push(k);
    rows.push(k ? null : new Row(g.width));
  }
  const at = (r: number) => rows[r - from] ?? scratch;
  // A print (render, renderStyled) or a very tall window does not fill the cache: it is for the
  // player's frames, and keeping every row of every print alive (e.g. a diagram printed at many
  // widths) made the garbage collector a third of the cost of printing.
  const store = frameCaches && !print && to - from < WINDOW_ROWS_CACHED;
  // Lifelines.
  const skipFrom = lowerBound(l.skipRows, from);
  const skip = new Set<number>();
  for (let i = skipFrom; i < l.skipRows.length && l.skipRows[i] <= to; i++) skip.add(l.skipRows[i]);
  for (let r = from; r <= to; r++) for (const x of g.x) at(r).put(x, skip.has(r) ? gl.lifeSkip : gl.life, 'line');

  // Brackets.
  const sideRows = new Set<string>();
  for (const it of items) if (it.kind === 'side') sideRows.add(`${it.lane}:${it.r0}`);
  for (const it of items) if (it.kind === 'bracket') drawBracket(c, it, from, to, at, sideRows);
  // Notes (full-width rows; arrows crossing them are drawn on top so a ✕ is never hidden).
  for (const it of items) {
    if (it.kind !== 'note' || it.r0 < from || it.r0 > to) continue;
    const busy: [number, number][] = [];
    for (const a of arrows) {
      const cols = a.flat && a.r0 !== it.r0 ? null : rowCols(pathOf(a, g), a, it.r0);
      if (cols) busy.push(cols);
    }
    drawNote(c, at(it.r0), it, busy);
  }
  // Arrow lines.
  const paths = new Map<ArrowItem, Path>();
  for (const a of arrows) {
    const p = pathOf(a, g);
    paths.set(a, p);
    const f = c.transit.get(a.ev);
    const tr = f === undefined ? null : Math.max(0, Math.min(1, Number.isFinite(f) ? f : 1));
    for (let r = Math.max(from, a.r0); r <= Math.min(to, a.flat ? a.r0 : a.r1); r++) if (drawArrow(at(r), r, a, p, g, gl, tr) && c.tokens) c.tokens.add('drop');
  }
  // Labels.
  for (const a of arrows) {
    const pl = c.placements.get(a);
    if (!pl || pl.row < from || pl.row > to) continue;
    if ((c.transit.get(a.ev) ?? 1) < 0.05) continue;
    at(pl.row).text(pl.x, pl.text, pl.ref ? 'legend' : 'flag');
    if (c.tokens) {
      const ts = pl.tier === 2 ? ['ref'] : a.band ? bandTokens(a.band.kind, c.seq, pl.tier === 1) : labelTokens(c.trace, a.seg, c.seq, pl.tier === 1);
      for (const t of ts) c.tokens.add(t);
    }
  }
  // Side texts (states, timer notes).
  if (c.showStates) {
    for (const it of items) if (it.kind === 'side' && it.r0 >= from && it.r0 <= to) drawSide(c, at(it.r0), it.lane, it.text, it.short, it.role, it.ev);
    if (from === 0) {
      l.initial.forEach((st, i) => {
        if (st) drawSide(c, at(0), i, st, SHORT_STATE[st], 'state');
      });
    }
  }
  // Time gutter and the current-event marker.
  if (g.showTime) {
    for (let k = lowerBound(l.instantRows, from); k < l.instantRows.length && l.instantRows[k] <= to; k++) {
      const r = l.instantRows[k];
      if (l.instantPhantom[k]) continue;
      const t = fmtMs(l.instantTimes[k]);
      at(r).text(1 + g.timeW - strWidth(t), t, 'time');
    }
  }
  if (c.highlight !== undefined && c.highlight >= 0 && c.highlight < l.eventRow.length) {
    const r = l.eventRow[c.highlight];
    if (r >= from && r <= to) {
      at(r).put(0, gl.current, 'current');
      c.tokens?.add('current');
    }
  }
  if (c.tokens) {
    if (skip.size > 0) c.tokens.add('skip');
    if (g.showTime) c.tokens.add('time');
  }
  const lines = rows.map((row, i) => {
    const r = from + i;
    if (!row) return kept[i]!;
    const line = row.styled();
    if (store && !changing.has(r)) {
      if (c.rowCache.size >= ROW_CACHE_MAX) c.rowCache.clear();
      c.rowCache.set(r, line);
    }
    return line;
  });
  return { lines, arrows, final: changing.size === 0, maxEv };
}

function drawSide(c: Ctx, row: Row, lane: number, text: string, short: string, role: Role, ev = -1): void {
  const { g, l } = c;
  const token = c.tokens && ev >= 0 ? itemToken(c, ev) : null;
  if (token) c.tokens!.add(token);
  const N = l.lanes.length;
  if (lane === 0 && g.side > 0) row.text(g.gutterW, sideText(c, text, short, g.side), role, g.gutterW + g.side);
  else if (lane === N - 1 && g.side > 0) row.text(g.rightStart, sideText(c, text, short, g.rightW), role);
  else if (lane > 0 && lane < N - 1) {
    // A middle lane (a second client) has no gutter: its state or timer note goes right of its
    // lifeline, unless a segment label is already there (the label wins; the side panel and the
    // list mode still give the state).
    const room = g.gap - 2;
    const x = g.x[lane] + 2;
    const t = sideText(c, text, short, room);
    for (let i = 0; i < strWidth(t) + 1 && x + i < row.width; i++) if (row.role[x + i] === 'flag' || row.role[x + i] === 'legend') return;
    row.text(x, t, role, x + room);
  }
}

function drawBracket(c: Ctx, b: BracketItem, from: number, to: number, at: (r: number) => Row, sideRows: Set<string>): void {
  const { g, gl, l } = c;
  const N = l.lanes.length;
  const left = b.lane === 0 && N > 1;
  const bx = left ? g.x[b.lane] - 1 : g.x[b.lane] + 1;
  for (let r = Math.max(from, b.r0); r <= Math.min(to, b.r1); r++) {
    const ch = r === b.r0 ? (left ? gl.brTopL : gl.brTopR) : r === b.r1 && !b.open ? (left ? gl.brBotL : gl.brBotR) : gl.brMid;
    at(r).put(bx, ch, 'note');
  }
  // The label goes on the first middle row with a free side cell.
  if (!c.showStates) return;
  for (let r = b.r0 + 1; r < b.r1 && r <= b.r0 + 20; r++) {
    if (sideRows.has(`${b.lane}:${r}`)) continue;
    if (r >= from && r <= to) {
      c.tokens?.add(b.short === S.timeWaitFixedShort ? 'bracket-tw' : 'bracket-2msl');
      drawSide(c, at(r), b.lane, b.label, b.short, 'note');
    }
    return;
  }
}

/** Free column intervals of [lo, hi] once `busy` ranges (with a blank either side) are removed. */
function freeIntervals(lo: number, hi: number, busy: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let cur = lo;
  for (const [a, b] of [...busy].sort((p, q) => p[0] - q[0])) {
    if (a - 2 >= cur) out.push([cur, Math.min(hi, a - 2)]);
    cur = Math.max(cur, b + 2);
    if (cur > hi) break;
  }
  if (cur <= hi) out.push([cur, hi]);
  return out.filter(([a, b]) => b >= a);
}

function drawNote(c: Ctx, row: Row, n: NoteItem, busy: [number, number][]): void {
  const { g, gl, l } = c;
  const N = l.lanes.length;
  const x = g.x[n.lane];
  // The neighbouring lane on the side the note is drawn.
  const nb = n.lane > 0 ? n.lane - 1 : N > 1 ? 1 : -1;
  const textOf = (room: number) => {
    let t = strWidth(n.text) <= room ? n.text : n.mid && strWidth(n.mid) <= room ? n.mid : n.short;
    if (c.tokens) {
      const e = c.trace.events[n.ev];
      const token = e?.type === 'queue' ? (t === n.short && n.short !== n.text ? 'queue-short' : 'queue') : itemToken(c, n.ev);
      if (token) c.tokens.add(token);
    }
    if (c.ascii) t = t.replace(/×/g, 'x');
    return truncate(t, room, gl.ellipsis);
  };
  if (nb < 0) {
    row.text(x + 2, textOf(g.width - x - 2), n.role);
    return;
  }
  const dir = g.x[nb] < x ? -1 : 1; // where the neighbour is
  const lo = Math.min(x, g.x[nb]) + 1;
  const hi = Math.max(x, g.x[nb]) - 1;
  // Text goes where no arrow crosses this row: the widest free stretch (nearest the lane if tied).
  const spans = freeIntervals(lo + 1, hi - 1, busy);
  let best: [number, number] | null = null;
  for (const sp of dir < 0 ? [...spans].reverse() : spans) if (!best || sp[1] - sp[0] > best[1] - best[0]) best = sp;
  if (n.style !== 'plain') {
    const fill = n.style === 'in' ? gl.double : gl.dash;
    for (let cx = lo; cx <= hi; cx++) row.put(cx, fill, 'line');
    if (n.style === 'in') row.put(dir < 0 ? hi : lo, dir < 0 ? gl.headR : gl.headL, 'line');
    else {
      row.put(x, dir < 0 ? gl.startL : gl.startR, 'line');
      row.put(dir < 0 ? lo : hi, ' ');
    }
  }
  if (!best) return;
  const [a, b] = best;
  if (n.style === 'plain') {
    const t = textOf(b - a + 1);
    const w = strWidth(t);
    row.text(dir < 0 ? b - w + 1 : a, t, n.role);
    return;
  }
  const t = textOf(b - a + 1 - 4);
  const w = strWidth(t);
  if (!w) return;
  const tx = a + Math.floor((b - a + 1 - w) / 2);
  row.put(tx - 1, ' ');
  row.text(tx, t, n.role);
  row.put(tx + w, ' ');
}

/* ------------------------------------------------------------------------------------------ */
/* List mode                                                                                    */

function describe(trace: Trace, e: TraceEvent, seq: SeqMode, gl: Glyphs): string {
  switch (e.type) {
    case 'segment': {
      let s = S.listSegment(e.from, e.to, fullLabel(trace, e, seq), gl.arrow);
      if (e.fate === 'dropped') s += ' ' + (e.dropReason ? S.lostBecause(e.dropReason) : S.lost);
      return s;
    }
    case 'state':
      return S.listState(e.host, e.from, e.to, gl.arrow);
    case 'timer':
      return S.listTimer(e.host, e.timer, e.action);
    case 'app':
      return S.listApp(e.host, e.call, e.bytes, e.error);
    case 'flood': {
      const d = S.floodDetail(e.queued, e.cookies, e.dropped);
      return `${S.flood(e.count, gl === ASCII)} ${gl.arrow} ${e.to}${d ? ` (${d})` : ''}`;
    }
    case 'queue':
      return S.listQueue(e.host, S.synQueue(e.synQueue, e.synQueueMax), S.acceptQueue(e.acceptQueue, e.acceptQueueMax));
    case 'arrival':
      // Folded into its segment before drawing (foldTrace); never listed on its own.
      return e.explain;
  }
}

function listLines(trace: Trace, width: number, upTo: number, seq: SeqMode, gl: Glyphs, ascii: boolean, highlight?: number): { lines: StyledLine[]; rowOf: number[] } {
  const lines: StyledLine[] = [];
  const rowOf: number[] = [];
  const title = width >= strWidth(S.listTitle(width)) ? S.listTitle(width) : S.listTitleShort;
  for (const t of wrap(title, width)) lines.push([{ text: t, role: 'note' }]);
  for (let i = 0; i <= upTo && i < trace.events.length; i++) {
    const e = trace.events[i];
    const num = `${i + 1}.`;
    let text = `${i === highlight ? gl.current : ''}${num} ${fmtMs(e.t)}${S.timeHeader} ${clean(describe(trace, e, seq, gl))}`;
    if (ascii) text = asciiOnly(text);
    rowOf[i] = lines.length;
    const role: Role | undefined = e.type === 'segment' ? (e.fate === 'dropped' ? 'drop' : 'flag') : e.type === 'state' ? 'state' : undefined;
    for (const t of wrap(text, width, ' '.repeat(Math.min(4, strWidth(num) + 1)))) lines.push(role ? [{ text: t, role }] : [{ text: t }]);
  }
  return { lines, rowOf };
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */

function ctxOf(trace: Trace, o: RenderOptions): { c: Ctx | null; gl: Glyphs; seq: SeqMode; upTo: number; ascii: boolean } {
  const width = safeWidth(o.width);
  const ascii = o.charset === 'ascii';
  const gl = ascii ? ASCII : UNICODE;
  const seq: SeqMode = o.seq ?? 'absolute';
  const n = trace.events.length;
  const upTo = Math.min(n - 1, o.upTo ?? n - 1);
  const showStates = o.showStates ?? true;
  const l = getLayout(trace, !!o.compact, { bands: o.bands, maxRows: o.maxRows, expand: o.expand });
  const gc = geoFor(l, { width, showTime: o.showTime ?? true, showStates, seq, ascii });
  if (!gc.geo) return { c: null, gl, seq, upTo, ascii };
  if (!gc.placements) gc.placements = labelPlacer(trace, l, gc.geo, seq, ascii);
  return {
    c: { trace, l, g: gc.geo, gl, ascii, seq, upTo, showStates, highlight: o.highlight, transit: transitMap(o.transit), placements: gc.placements, rowCache: gc.rows, geoCache: gc, tokens: o.tokens ? new Set() : null },
    gl,
    seq,
    upTo,
    ascii,
  };
}

/** Whole columns, at least 0 (NaN and infinities count as 0: nothing can be drawn). */
function safeWidth(w: number): number {
  return Number.isFinite(w) ? Math.max(0, Math.min(10000, Math.floor(w))) : 0;
}

/** The map of no arrow in transit (shared: never written). */
const NO_TRANSIT: Map<number, number> = new Map();

function transitMap(t: RenderOptions['transit']): Map<number, number> {
  if (t === undefined || (Array.isArray(t) && t.length === 0)) return NO_TRANSIT;
  const m = new Map<number, number>();
  for (const x of t === undefined ? [] : Array.isArray(t) ? t : [t]) m.set(x.segment, x.fraction);
  return m;
}

function bodyRows(c: Ctx): number {
  if (c.upTo < 0) return 1;
  return c.l.lastRow[c.upTo] + 1;
}

function legendFor(c: Ctx, arrows: ArrowItem[]): StyledLine[] {
  const out: StyledLine[] = [];
  const seen = new Set<number>();
  const segs: ArrowItem[] = [];
  for (const a of arrows.sort((p, q) => p.ev - q.ev)) {
    if (seen.has(a.ev)) continue;
    seen.add(a.ev);
    const pl = c.placements.get(a);
    if (!pl || pl.ref) segs.push(a);
  }
  if (!segs.length) return out;
  out.push([]);
  const memo = c.geoCache.legend;
  for (const a of segs) {
    if (c.tokens) {
      for (const t of a.band ? bandTokens(a.band.kind, c.seq, false) : labelTokens(c.trace, a.seg, c.seq, false)) c.tokens.add(t);
      if (a.seg.fate === 'dropped' && !a.band) c.tokens.add('lost');
    }
    let lines = frameCaches ? memo.get(a.ev) : undefined;
    if (!lines) {
      const { seg, band } = a;
      let t = clean(band ? `${refLabel(seg)} ${bandLabel(c.trace, band, c.seq, false, c.ascii)}` : legendLine(c.trace, seg, c.seq));
      if (c.ascii) t = asciiOnly(t);
      lines = wrap(t, c.g.width, '   ').map((line): StyledLine => [{ text: line, role: seg.fate === 'dropped' ? 'drop' : 'legend' }]);
      if (memo.size >= ROW_CACHE_MAX) memo.clear();
      memo.set(a.ev, lines);
    }
    out.push(...lines);
  }
  return out;
}

function fitLine(line: StyledLine, width: number): StyledLine {
  let w = 0;
  const out: StyledLine = [];
  for (const run of line) {
    const rw = strWidth(run.text);
    if (w + rw <= width) {
      out.push(run);
      w += rw;
    } else {
      const t = truncate(run.text, width - w, '');
      if (t) out.push({ ...run, text: t });
      break;
    }
  }
  return out;
}

export function renderWindowStyled(raw: Trace, o: RenderOptions & { fromRow: number; rows: number }): DiagramWindow<StyledLine> {
  return windowStyled(raw, o, false);
}

/** A window of the diagram; `print`: for render / renderStyled (whole diagrams, usually drawn once). */
function windowStyled(raw: Trace, o: RenderOptions & { fromRow: number; rows: number }, print: boolean): DiagramWindow<StyledLine> {
  // Event indices (upTo, highlight) are those of the folded trace, the one every consumer shows.
  const trace = foldTrace(raw);
  const { c, gl, seq, upTo, ascii } = ctxOf(trace, o);
  const width = safeWidth(o.width);
  const fromRow = Number.isFinite(o.fromRow) ? Math.max(0, Math.floor(o.fromRow)) : 0;
  const rows = Number.isNaN(o.rows) ? 0 : Math.max(0, Math.floor(Math.min(o.rows, Number.MAX_SAFE_INTEGER)));
  if (!c) {
    const { lines, rowOf } = listLines(trace, width, upTo, seq, gl, ascii, o.highlight);
    const out: DiagramWindow<StyledLine> = { header: [], body: lines.slice(fromRow, fromRow + rows).map((l) => fitLine(l, width)), legend: [], totalRows: lines.length, fromRow, list: true };
    if (o.tokens) {
      // The list's lines: each segment's full label (and its loss), the cursor mark.
      const tokens = new Set<string>(['list']);
      for (let i = 0; i <= upTo && i < trace.events.length; i++) {
        const e = trace.events[i];
        const r = rowOf[i];
        if (r === undefined || r >= fromRow + rows || (rowOf[i + 1] ?? lines.length) <= fromRow) continue;
        if (i === o.highlight) tokens.add('current');
        if (e.type !== 'segment') continue;
        for (const t of labelTokens(trace, e, seq, false)) tokens.add(t);
        if (e.fate === 'dropped') tokens.add('lost');
      }
      out.tokens = [...tokens];
    }
    return out;
  }
  const total = bodyRows(c);
  const to = Math.min(total - 1, fromRow + rows - 1);
  const header = frameCaches ? (c.geoCache.header ??= drawHeader(c)) : drawHeader(c);
  // A window drawn before with every row final is the same again while the cursor stays at or past
  // its last event and nothing moves or is marked in it (a paused player, the end of a transfer).
  const key = `${fromRow}:${to}`;
  const hl = c.highlight !== undefined && c.highlight >= 0 && c.highlight < c.l.eventRow.length ? c.l.eventRow[c.highlight] : -1;
  const seen = frameCaches && !c.tokens && c.transit.size === 0 && (hl < fromRow || hl > to) ? c.geoCache.windows.get(key) : undefined;
  let lines: StyledLine[];
  let legend: StyledLine[];
  if (seen && c.upTo >= seen.maxEv) ({ lines, legend } = seen);
  else {
    const drawn = to >= fromRow ? drawBody(c, fromRow, to, print) : { lines: [], arrows: [], final: false, maxEv: -1 };
    lines = drawn.lines;
    legend = legendFor(c, drawn.arrows);
    if (frameCaches && drawn.final && c.transit.size === 0 && (hl < fromRow || hl > to) && remember(c.geoCache, key, print)) {
      if (c.geoCache.windows.size >= WINDOWS_MAX) c.geoCache.windows.clear();
      c.geoCache.windows.set(key, { maxEv: drawn.maxEv, lines, legend });
    }
  }
  const fit = (ls: StyledLine[]) => ls.map((l) => fitLine(l, width));
  // Body rows are exactly the geometry's width: they fit whenever that is within the width asked for.
  const out: DiagramWindow<StyledLine> = { header: c.g.width <= width ? header : fit(header), body: c.g.width <= width ? lines : fit(lines), legend: c.g.width <= width ? legend : fit(legend), totalRows: total, fromRow, list: false };
  if (c.tokens) out.tokens = [...c.tokens];
  return out;
}

/** Whether a final window is kept: a frame's always, a print's the second time it is drawn. */
function remember(gc: GeoCache, key: string, print: boolean): boolean {
  if (!print || gc.printed.has(key)) return true;
  if (gc.printed.size >= WINDOWS_MAX) gc.printed.clear();
  gc.printed.add(key);
  return false;
}

/** A line's text. (Joining a few runs costs less than remembering the result per line: a WeakMap
 *  entry per line rendered made the garbage collector the largest cost of printing diagrams.) */
const plain = (l: StyledLine): string => {
  if (l.length === 1) return l[0].text;
  let t = '';
  for (const r of l) t += r.text;
  return t;
};

/** The plain text of a list of lines; a cached window's lists are joined once. */
const plainAll = new WeakMap<StyledLine[], string[]>();
const plainLines = (ls: StyledLine[]): string[] => {
  let t = plainAll.get(ls);
  if (!t) {
    t = ls.map(plain);
    plainAll.set(ls, t);
  }
  return t;
};

export function renderWindow(trace: Trace, o: RenderOptions & { fromRow: number; rows: number }): DiagramWindow<string> {
  const w = renderWindowStyled(trace, o);
  return { ...w, header: plainLines(w.header), body: plainLines(w.body), legend: plainLines(w.legend) };
}

export function renderStyled(trace: Trace, o: RenderOptions): StyledLine[] {
  const w = windowStyled(trace, { ...o, fromRow: 0, rows: Number.MAX_SAFE_INTEGER }, true);
  return [...w.header, ...w.body, ...w.legend];
}

export function render(trace: Trace, o: RenderOptions): string[] {
  const w = windowStyled(trace, { ...o, fromRow: 0, rows: Number.MAX_SAFE_INTEGER }, true);
  return [...plainLines(w.header), ...plainLines(w.body), ...plainLines(w.legend)];
}

/** The body row of event i (in list mode: its list line), so the player can scroll it into view. */
export function eventRow(raw: Trace, o: RenderOptions, i: number): number {
  const trace = foldTrace(raw);
  const { c, gl, seq, upTo, ascii } = ctxOf(trace, o);
  if (!c) return listLines(trace, safeWidth(o.width), upTo, seq, gl, ascii).rowOf[i] ?? 0;
  return c.l.eventRow[i] ?? 0;
}
