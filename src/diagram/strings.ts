/**
 * Every user-facing word the diagram renderer, the Mermaid exporter and `synack diagram` print.
 * English and zh-CN, the same shape (src/i18n); protocol tokens (SYN, ACK, RTO, 2MSL, the state
 * names) stay as in the RFCs and tcpdump.
 */
import type { TcpState } from '../tcp/types.js';
import { catalogue, type Translation } from '../i18n/index.js';

const DIAGRAM_STRINGS_EN = {
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
  /** A collapsed band of segments (src/diagram/layout.ts): `×40 segments 1-58401` (the first
   *  segment's seq to the end of the last one's data), `×20 ACKs ack=1001-40001`; short forms. */
  band: (count: number, kind: 'data' | 'ack', from: number, to: number, ascii: boolean) =>
    kind === 'data' ? `${ascii ? 'x' : '×'}${count} segments ${from}-${to}` : `${ascii ? 'x' : '×'}${count} ACKs ack=${from}-${to}`,
  bandShort: (count: number, kind: 'data' | 'ack', from: number, to: number, ascii: boolean) =>
    kind === 'data' ? `${ascii ? 'x' : '×'}${count} ${from}-${to}` : `${ascii ? 'x' : '×'}${count} A ${from}-${to}`,
  /** Listener queue notes. */
  synQueue: (n: number, max: number) => `SYN queue ${n}/${max}${n >= max ? ' full' : ''}`,
  synQueueShort: (n: number, max: number) => `SYNQ ${n}/${max}`,
  acceptQueue: (n: number, max: number) => `accept queue ${n}/${max}${n >= max ? ' full' : ''}`,
  acceptQueueShort: (n: number, max: number) => `ACCQ ${n}/${max}`,
  /** The queue notes of one moment side by side (`SYN queue 0/5, accept queue 1/5`). */
  queueNotes: (notes: readonly string[]) => notes.join(', '),
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

const DIAGRAM_STRINGS_ZH: Translation<typeof DIAGRAM_STRINGS_EN> = {
  timeHeader: 'ms',
  retx: '(重传)',
  retxShort: 'r',
  lost: '(丢失)',
  lostBecause: (reason: string) => `(丢失：${reason})`,
  win: (n: number) => `win=${n}`,
  winShort: (n: number) => `w${n}`,
  twoMsl: '2MSL',
  timeWaitFixed: 'TW',
  timeWaitFixedShort: 'TW',
  timeWaitFixedExpired: 'TIME-WAIT 结束',
  timerFired: {
    retransmit: 'RTO 超时',
    'syn-ack': 'RTO 超时',
    'time-wait': '2MSL 到期',
    'delayed-ack': '延迟 ACK',
    'user-timeout': '超时',
    persist: '窗口探测',
  },
  timerFiredShort: {
    retransmit: 'RTO',
    'syn-ack': 'RTO',
    'time-wait': '2MSL',
    'delayed-ack': 'dACK',
    'user-timeout': '超时',
    persist: '探测',
  },
  flood: (count: number, ascii: boolean) => `${ascii ? 'x' : '×'}${count} 个来自伪造源的 SYN`,
  floodShort: (count: number, ascii: boolean) => `${ascii ? 'x' : '×'}${count} 伪造 SYN`,
  floodDetail: (queued: number, cookies: number, dropped: number) => {
    const parts: string[] = [];
    if (queued) parts.push(`入队 ${queued}`);
    if (cookies) parts.push(`Cookie ${cookies}`);
    if (dropped) parts.push(`丢弃 ${dropped}`);
    return parts.join('，');
  },
  spoofedSegments: (count: number, flags: string, toSpoofed: boolean, ascii: boolean) =>
    `${ascii ? 'x' : '×'}${count} ${flags} ${toSpoofed ? '发往' : '来自'}伪造源`,
  spoofedName: '伪造源',
  band: (count: number, kind: 'data' | 'ack', from: number, to: number, ascii: boolean) =>
    kind === 'data' ? `${ascii ? 'x' : '×'}${count} 个报文段 ${from}-${to}` : `${ascii ? 'x' : '×'}${count} 个 ACK ack=${from}-${to}`,
  bandShort: (count: number, kind: 'data' | 'ack', from: number, to: number, ascii: boolean) =>
    kind === 'data' ? `${ascii ? 'x' : '×'}${count} ${from}-${to}` : `${ascii ? 'x' : '×'}${count} A ${from}-${to}`,
  synQueue: (n: number, max: number) => `半连接队列 ${n}/${max}${n >= max ? ' 已满' : ''}`,
  synQueueShort: (n: number, max: number) => `SYNQ ${n}/${max}`,
  acceptQueue: (n: number, max: number) => `全连接队列 ${n}/${max}${n >= max ? ' 已满' : ''}`,
  acceptQueueShort: (n: number, max: number) => `ACCQ ${n}/${max}`,
  queueNotes: (notes: readonly string[]) => notes.join('，'),
  appError: (call: string, error: string) => `${call}()：${error}`,
  legendTitle: '报文段：',
  listTitle: (width: number) => `（${width} 列太窄，画不下时序图；事件如下：）`,
  listTitleShort: '事件：',
  listSegment: (from: string, to: string, label: string, arrow: string) => `${from} ${arrow} ${to} ${label}`,
  listState: (host: string, from: string, to: string, arrow: string) => `${host} ${from} ${arrow} ${to}`,
  listTimer: (host: string, timer: string, action: string) => `${host} ${timer} 定时器 ${action}`,
  listApp: (host: string, call: string, bytes?: number, error?: string) =>
    `${host} ${call}()${bytes !== undefined ? ` ${bytes} 字节` : ''}${error ? `：${error}` : ''}`,
  listQueue: (host: string, syn: string, acc: string) => `${host} ${syn}，${acc}`,
};

export const DIAGRAM_STRINGS = catalogue('diagram.DIAGRAM_STRINGS', { en: DIAGRAM_STRINGS_EN, 'zh-CN': DIAGRAM_STRINGS_ZH });

/** The congestion-control chart (src/diagram/chart.ts, `synack plot`, the player's `c` view). */
const CHART_STRINGS_EN = {
  /** Legend names of the series. */
  series: { cwnd: 'cwnd', ssthresh: 'ssthresh', flight: 'FlightSize', rwnd: 'rwnd (peer window)' } as Record<string, string>,
  /** Shorter legend names when the legend would not fit on one line. */
  seriesShort: { cwnd: 'cwnd', ssthresh: 'ssth', flight: 'flight', rwnd: 'rwnd' } as Record<string, string>,
  unitBytes: 'bytes',
  unitMss: 'MSS',
  /** The chart's first line: whose windows, in which unit. */
  title: (host: string, unit: string) => `${host}: windows in ${unit}`,
  titleShort: (host: string, unit: string) => `${host} (${unit})`,
  /** The x axis is the diagram's time axis. */
  timeUnit: 'ms',
  /** The trace has no congestion state for this host (nothing synchronized, or no such host). */
  noData: (host: string) => `No congestion-control state for ${host} in this run (it appears once a connection is established).`,
  noDataAny: 'No congestion-control state in this run (it appears once a connection is established).',
  /** ssthresh before the first loss ("arbitrarily high", RFC 5681 §3.1). */
  infinite: '∞',
  /** A series left out of the chart, and how high it goes (the peer's window over a small cwnd). */
  omitted: (name: string, max: string) => `${name} not shown (up to ${max})`,
} as const;

const CHART_STRINGS_ZH: Translation<typeof CHART_STRINGS_EN> = {
  series: { cwnd: 'cwnd', ssthresh: 'ssthresh', flight: 'FlightSize', rwnd: 'rwnd（对端窗口）' },
  seriesShort: { cwnd: 'cwnd', ssthresh: 'ssth', flight: 'flight', rwnd: 'rwnd' },
  unitBytes: '字节',
  unitMss: 'MSS',
  title: (host: string, unit: string) => `${host}：窗口（单位：${unit}）`,
  titleShort: (host: string, unit: string) => `${host}（${unit}）`,
  timeUnit: 'ms',
  noData: (host: string) => `这次运行中 ${host} 没有拥塞控制状态（连接建立之后才有）。`,
  noDataAny: '这次运行中没有拥塞控制状态（连接建立之后才有）。',
  infinite: '∞',
  omitted: (name: string, max: string) => `未显示 ${name}（最高 ${max}）`,
};

export const CHART_STRINGS = catalogue('diagram.CHART_STRINGS', { en: CHART_STRINGS_EN, 'zh-CN': CHART_STRINGS_ZH });

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
