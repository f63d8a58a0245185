/**
 * The legend of a diagram's abbreviations (issue 14, the player's and a lesson diagram's `L`).
 * Pure. Its input is the set of tokens the renderer reports for what it drew (src/diagram/render.ts
 * `tokens`, from the same label parts the labels are built of: src/diagram/labels.ts labelParts)
 * and the tokens of the panel as drawn (src/ui/player/panel.ts): so it lists exactly the
 * abbreviations on screen, in the current language, and cannot drift from them.
 */
import { LEGEND as L } from './legend/strings.js';
import { SHORT_FLAG, SHORT_STATE, DIAGRAM_STRINGS as D } from '../../diagram/strings.js';
import { playerStrings as S } from '../player/strings.js';
import { STATE_NAMES } from '../../tcp/strings.js';
import type { TcpState } from '../../tcp/types.js';
import { width as sw, wrap, truncate } from './text.js';

export interface LegendEntry {
  /** The token as the diagram or the panel shows it. */
  shown: string;
  meaning: string;
}

const FLAGS = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];
const TIMERS = ['retransmit', 'syn-ack', 'time-wait', 'delayed-ack', 'user-timeout', 'persist'];
const PHASES = ['slow-start', 'congestion-avoidance', 'fast-recovery', 'rto-recovery'];
const PANEL = ['SND.UNA', 'SND.NXT', 'RCV.NXT', 'UNA', 'NXT', 'RCV', 'queues'];
const CC = ['cwnd', 'ssthresh', 'flight', 'rwnd', 'dupacks'];
const CC_SHORT = ['cw', 'ss', 'fl', 'rw', 'dup'];

/** The tokens in the order the legend lists them (a token's group: its prefix up to ':'). */
const ORDER = [
  'seq-absolute',
  'seq-relative',
  'flag:',
  'no-flags',
  'seq',
  'ack',
  'len',
  'win',
  'retx',
  'short-flag:',
  'seq-ack-short',
  'seq-short',
  'len-short',
  'win-short',
  'retx-short',
  'ref',
  'lost',
  'drop',
  'band-data',
  'band-ack',
  'band-data-short',
  'band-ack-short',
  'short:',
  'timer:',
  'bracket-2msl',
  'bracket-tw',
  'flood',
  'spoofed',
  'queue',
  'queue-short',
  'current',
  'skip',
  'time',
  'list',
  'panel:',
  'panel:queues',
  'cc:',
  'cc-short:',
  'phase:',
  'phase-short:',
  'inf',
  'mss',
];

function rank(token: string): number {
  const exact = ORDER.indexOf(token);
  if (exact >= 0) return exact;
  const i = token.indexOf(':');
  const group = i >= 0 ? ORDER.indexOf(token.slice(0, i + 1)) : -1;
  return group >= 0 ? group : ORDER.length;
}

/** Within a group, the order the protocol reads in (flags, timers, phases), else as given. */
function within(token: string): number {
  const v = token.slice(token.indexOf(':') + 1);
  for (const list of [FLAGS, TIMERS, PHASES, PANEL, CC, CC_SHORT]) {
    const i = list.indexOf(v);
    if (i >= 0) return i;
  }
  const f = Object.values(SHORT_FLAG).indexOf(v);
  return f >= 0 ? FLAGS.indexOf(Object.keys(SHORT_FLAG)[f]) : 0;
}

const FULL_OF_SHORT: Record<string, string> = Object.fromEntries(Object.entries(SHORT_STATE).map(([full, short]) => [short, full]));

/** The legend entry of one token, or null for a token it has no words for. */
export function legendEntry(token: string, ascii = false): LegendEntry | null {
  const i = token.indexOf(':');
  const [kind, v] = i >= 0 ? [token.slice(0, i), token.slice(i + 1)] : [token, ''];
  const x = ascii ? 'x' : '×';
  switch (kind) {
    case 'flag':
      return L.flags[v] ? { shown: v, meaning: L.flags[v] } : null;
    case 'short-flag': {
      const full = Object.keys(SHORT_FLAG).find((f) => SHORT_FLAG[f] === v);
      return full && L.flags[full] ? { shown: v, meaning: L.shortFor(full, L.flags[full]) } : null;
    }
    case 'no-flags':
      return { shown: '<none>', meaning: L.noFlags };
    case 'seq':
      return { shown: 'seq=', meaning: L.seq };
    case 'ack':
      return { shown: 'ack=', meaning: L.ack };
    case 'len':
      return { shown: 'len=', meaning: L.len };
    case 'win':
      return { shown: D.win(0).replace(/0$/, ''), meaning: L.win };
    case 'retx':
      return { shown: D.retx, meaning: L.retx };
    case 'seq-short':
      return { shown: '300', meaning: L.seqShort };
    case 'seq-ack-short':
      return { shown: '300/101', meaning: L.seqAckShort };
    case 'len-short':
      return { shown: '+N', meaning: L.lenShort };
    case 'win-short':
      return { shown: D.winShort(0).replace(/0$/, 'N'), meaning: L.winShort };
    case 'retx-short':
      return { shown: `(${D.retxShort})`, meaning: L.retx };
    case 'seq-relative':
      return { shown: S.seqRelative, meaning: L.seqRelative };
    case 'seq-absolute':
      return { shown: S.seqAbsolute, meaning: L.seqAbsolute };
    case 'ref':
      return { shown: '#N', meaning: L.ref };
    case 'lost':
      return { shown: D.lost, meaning: L.lost };
    case 'drop':
      return { shown: ascii ? 'x' : '✕', meaning: L.drop };
    case 'current':
      return { shown: ascii ? '>' : '▸', meaning: L.current };
    case 'skip':
      return { shown: ascii ? ':' : '┆', meaning: L.skip };
    case 'time':
      return { shown: D.timeHeader, meaning: L.time };
    case 'band-data':
      return { shown: D.band(0, 'data', 0, 0, ascii).replace(/0(?=\D)/, 'N').replace(/0-0$/, 'A-B'), meaning: L.bandData };
    case 'band-ack':
      return { shown: D.band(0, 'ack', 0, 0, ascii).replace(/0(?=\D)/, 'N').replace(/0-0$/, 'A-B'), meaning: L.bandAck };
    case 'band-data-short':
      return { shown: `${x}N A-B`, meaning: L.bandData };
    case 'band-ack-short':
      return { shown: D.bandShort(0, 'ack', 0, 0, ascii).replace(/0(?=\D)/, 'N').replace(/0-0$/, 'A-B'), meaning: L.bandAck };
    case 'short': {
      const full = FULL_OF_SHORT[v];
      if (full) return { shown: v, meaning: L.shortState(STATE_NAMES[full as TcpState] && STATE_NAMES[full as TcpState] !== full ? `${full} ${STATE_NAMES[full as TcpState]}` : full) };
      const timer = TIMERS.find((t) => D.timerFiredShort[t] === v);
      return timer ? { shown: v, meaning: L.timers[timer] } : null;
    }
    case 'timer':
      return L.timers[v] ? { shown: S.timerNames[v] ?? v, meaning: L.timers[v] } : null;
    case 'bracket-2msl':
      return { shown: D.twoMsl, meaning: L.bracket2msl };
    case 'bracket-tw':
      return { shown: D.timeWaitFixed, meaning: L.bracketTw };
    case 'flood':
      return { shown: D.floodShort(0, ascii).replace(/0/, 'N'), meaning: L.flood };
    case 'spoofed':
      return { shown: D.spoofedName, meaning: L.spoofed };
    case 'queue':
      return { shown: D.synQueue(0, 0).replace(/ 0\/0.*$/, ''), meaning: L.queue };
    case 'queue-short':
      return { shown: `${D.synQueueShort(0, 0).replace(/ .*$/, '')} ${D.acceptQueueShort(0, 0).replace(/ .*$/, '')}`, meaning: L.queue };
    case 'list':
      return { shown: '1.', meaning: L.list };
    case 'panel': {
      const m: Record<string, [string, string]> = {
        'SND.UNA': [S.panelSndUna, L.sndUna],
        'SND.NXT': [S.panelSndNxt, L.sndNxt],
        'RCV.NXT': [S.panelRcvNxt, L.rcvNxt],
        UNA: ['UNA', L.shortFor(S.panelSndUna, L.sndUna)],
        NXT: ['NXT', L.shortFor(S.panelSndNxt, L.sndNxt)],
        RCV: ['RCV', L.shortFor(S.panelRcvNxt, L.rcvNxt)],
        queues: [S.panelSynQueue, L.queues],
      };
      return m[v] ? { shown: m[v][0], meaning: m[v][1] } : null;
    }
    case 'cc':
    case 'cc-short': {
      const m: Record<string, [string, string, string]> = {
        cwnd: [S.panelCwnd, 'cw', L.cwnd],
        ssthresh: [S.panelSsthresh, 'ss', L.ssthresh],
        flight: [S.panelFlight, 'fl', L.flight],
        rwnd: [S.panelPeerWnd, 'rw', L.rwnd],
        dupacks: [S.panelDupAcks, 'dup', L.dupAcks],
      };
      if (kind === 'cc') return m[v] ? { shown: m[v][0], meaning: m[v][2] } : null;
      const key = Object.keys(m).find((k) => m[k][1] === v);
      return key ? { shown: S.ccShort[v] ?? v, meaning: L.shortFor(m[key][0], m[key][2]) } : null;
    }
    case 'phase':
      return L.phases[v] ? { shown: S.phaseNames[v] ?? v, meaning: L.phases[v] } : null;
    case 'phase-short':
      return L.phases[v] ? { shown: S.phaseShort[v] ?? v, meaning: L.shortFor(S.phaseNames[v] ?? v, L.phases[v]) } : null;
    case 'inf':
      return { shown: ascii ? 'inf' : S.infinite, meaning: L.inf };
    case 'mss':
      return { shown: 'MSS', meaning: L.mss };
    default:
      return null;
  }
}

/** The entries of a set of tokens, in the legend's order, each token once. */
export function legendEntries(tokens: Iterable<string>, ascii = false): LegendEntry[] {
  const list = [...new Set(tokens)].sort((a, b) => rank(a) - rank(b) || within(a) - within(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: LegendEntry[] = [];
  const seen = new Set<string>();
  for (const t of list) {
    const e = legendEntry(t, ascii);
    if (!e) continue;
    // One line per abbreviation as shown (the first, most specific, words win).
    if (seen.has(e.shown)) continue;
    seen.add(e.shown);
    out.push(e);
  }
  return out;
}

/** The legend as lines of at most `width` columns: a title, then `shown  meaning` (wrapped,
 *  continuation lines indented under the meaning when there is room). */
export function legendLines(entries: readonly LegendEntry[], width: number, ascii = false): string[] {
  const ell = ascii ? '~' : '…';
  const out = [truncate(L.title, width, ell)];
  if (entries.length === 0) return [...out, ...wrap(L.none, width)];
  const col = Math.min(12, Math.max(...entries.map((e) => sw(e.shown))) + 2);
  for (const e of entries) {
    const hang = width >= 30 && sw(e.shown) < col ? col : 2;
    const head = sw(e.shown) < col && hang === col ? e.shown + ' '.repeat(col - sw(e.shown)) : `${e.shown}  `;
    const lines = wrap(head + e.meaning, width, ' '.repeat(hang));
    out.push(...lines.map((l) => truncate(l, width, ell)));
  }
  return out;
}
