/**
 * Every user-facing word the diagram renderer, the Mermaid exporter and `synack diagram` print.
 * English; a zh-CN catalogue will sit beside this one with the same shape.
 */
import type { TcpState } from '../tcp/types.js';

export const DIAGRAM_STRINGS = {
  /** Header of the time gutter. */
  timeHeader: 'ms',
  /** Marker after a retransmitted segment's label, full and short forms. */
  retx: '(retx)',
  retxShort: 'r',
  /** Appended to a lost segment's label in the legend, the list mode and Mermaid. */
  lost: '(lost)',
  lostBecause: (reason: string) => `(lost: ${reason})`,
  /** A segment's window field, shown when it changes (flow control). */
  win: (n: number) => `win=${n}`,
  winShort: (n: number) => `w${n}`,
  /** The TIME-WAIT bracket. */
  twoMsl: '2MSL',
  /** The linux profile's TIME-WAIT bracket (`TW 60s`, under the TIME-WAIT state): Linux waits a
   *  fixed 60 s (TCP_TIMEWAIT_LEN), not 2 MSL. */
  timeWaitFixed: 'TW',
  timeWaitFixedShort: 'TW',
  timeWaitFixedExpired: 'TIME-WAIT over',
  /** Notes written at a lifeline when a timer fires. */
  timerFired: {
    retransmit: 'RTO expired',
    'syn-ack': 'RTO expired',
    'time-wait': '2MSL expired',
    'delayed-ack': 'delayed ACK',
    'user-timeout': 'timed out',
    persist: 'window probe',
  } as Record<string, string>,
  timerFiredShort: {
    retransmit: 'RTO',
    'syn-ack': 'RTO',
    'time-wait': '2MSL',
    'delayed-ack': 'dACK',
    'user-timeout': 'timeout',
    persist: 'probe',
  } as Record<string, string>,
  /** Flood summary, e.g. `×100 SYN from spoofed sources`. */
  flood: (count: number, ascii: boolean) => `${ascii ? 'x' : '×'}${count} SYN from spoofed sources`,
  floodShort: (count: number, ascii: boolean) => `${ascii ? 'x' : '×'}${count} SYN spoofed`,
  floodDetail: (queued: number, cookies: number, dropped: number) => {
    const parts: string[] = [];
    if (queued) parts.push(`${queued} queued`);
    if (cookies) parts.push(`${cookies} cookies`);
    if (dropped) parts.push(`${dropped} dropped`);
    return parts.join(', ');
  },
  /** Segments exchanged with spoofed hosts, grouped into one row. */
  spoofedSegments: (count: number, flags: string, toSpoofed: boolean, ascii: boolean) =>
    `${ascii ? 'x' : '×'}${count} ${flags} ${toSpoofed ? 'to' : 'from'} spoofed sources`,
  spoofedName: 'spoofed',
  /** Listener queue notes. */
  synQueue: (n: number, max: number) => `SYN queue ${n}/${max}${n >= max ? ' full' : ''}`,
  synQueueShort: (n: number, max: number) => `SYNQ ${n}/${max}`,
  acceptQueue: (n: number, max: number) => `accept queue ${n}/${max}${n >= max ? ' full' : ''}`,
  acceptQueueShort: (n: number, max: number) => `ACCQ ${n}/${max}`,
  /** An application call that failed. */
  appError: (call: string, error: string) => `${call}(): ${error}`,
  /** The legend's heading. */
  legendTitle: 'Segments:',
  /** Numbered-list mode (too narrow for a picture). */
  listTitle: (width: number) => `(too narrow for a diagram at ${width} columns; events:)`,
  listTitleShort: 'Events:',
  listSegment: (from: string, to: string, label: string, arrow: string) => `${from} ${arrow} ${to} ${label}`,
  listState: (host: string, from: string, to: string, arrow: string) => `${host} ${from} ${arrow} ${to}`,
  listTimer: (host: string, timer: string, action: string) => `${host} ${timer} timer ${action}`,
  listApp: (host: string, call: string, bytes?: number, error?: string) =>
    `${host} ${call}()${bytes !== undefined ? ` ${bytes} bytes` : ''}${error ? `: ${error}` : ''}`,
  listQueue: (host: string, syn: string, acc: string) => `${host} ${syn}, ${acc}`,
} as const;

/** Short state names for narrow diagrams (at most 7 columns), after `ss`/netstat usage. */
export const SHORT_STATE: Record<TcpState, string> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  'SYN-SENT': 'SYN-SNT',
  'SYN-RECEIVED': 'SYN-RCV',
  ESTABLISHED: 'ESTAB',
  'FIN-WAIT-1': 'FIN-WT1',
  'FIN-WAIT-2': 'FIN-WT2',
  'CLOSE-WAIT': 'CLS-WT',
  CLOSING: 'CLOSING',
  'LAST-ACK': 'LST-ACK',
  'TIME-WAIT': 'TIM-WT',
};

/** One-letter flag abbreviations for short labels (`S,A 300/101`). */
export const SHORT_FLAG: Record<string, string> = { SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: 'A' };
