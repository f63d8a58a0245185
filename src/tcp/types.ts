/**
 * The contract of the shared TCP model. Everything else in synack (diagram, quizzes, lessons,
 * the player, `synack trace --json`) consumes these types. Pure data: no I/O anywhere in src/tcp.
 *
 * Times are milliseconds of simulated time from the start of the run (numbers, may be fractional).
 * Sequence numbers are unsigned 32-bit integers (0 .. 2^32-1).
 */

/** The eleven RFC 9293 states, spelled as the RFC does. */
export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/** Flags in the order they are printed: SYN,ACK / FIN,ACK / RST,ACK / PSH,ACK. */
export type Flag = 'SYN' | 'FIN' | 'RST' | 'PSH' | 'ACK';

export type Profile = 'rfc' | 'linux';

export interface HostInfo {
  ip: string;
  port: number;
  /** Initial sequence number, or null if the host never chose one (e.g. it only listened). */
  isn: number | null;
  role: 'client' | 'server' | 'spoofed' | 'peer';
}

interface EventBase {
  /** Simulated time in ms at which the event happens. */
  t: number;
  /** One plain-English line a learner can read under the diagram. */
  explain: string;
}

export interface SegmentEvent extends EventBase {
  type: 'segment';
  /** 0-based index of this segment among all segments sent in the run (send order). Stable across
   *  re-runs of the same script up to the first difference, so a drop can target it. */
  id: number;
  from: string;
  to: string;
  flags: Flag[];
  seq: number;
  /** null when the ACK flag is not set. */
  ack: number | null;
  len: number;
  window?: number;
  fate: 'delivered' | 'dropped';
  /** Time the segment arrives (delivered) or would have arrived (dropped). */
  arrives: number;
  /** True when this segment re-sends data/SYN/FIN already sent once (RTO or SYN-ACK retransmit). */
  retransmission: boolean;
  /** Why it was dropped, when fate is 'dropped' (e.g. "drop next client", "random loss", "SYN queue full"). */
  dropReason?: string;
  /** What the bytes are, from a labelled write (`client send 517 "ClientHello"`). */
  label?: string;
}

export interface StateEvent extends EventBase {
  type: 'state';
  host: string;
  from: TcpState;
  to: TcpState;
  /** What caused the change: "connect", "rcv SYN", "rcv ACK of FIN", "timeout 2MSL", ... */
  cause: string;
}

export interface TimerEvent extends EventBase {
  type: 'timer';
  host: string;
  timer: 'retransmit' | 'time-wait' | 'delayed-ack' | 'syn-ack' | 'user-timeout' | 'persist';
  action: 'set' | 'fired' | 'cancelled';
  /** When the timer will fire (for 'set'). */
  expires?: number;
}

export interface AppEvent extends EventBase {
  type: 'app';
  host: string;
  call: 'listen' | 'connect' | 'send' | 'receive' | 'close' | 'abort' | 'accept';
  bytes?: number;
  /** For calls that fail: "connection refused", "connection reset", "connection timed out". */
  error?: string;
}

/** A summary of many spoofed SYNs (the trace stays small however large the flood). */
export interface FloodEvent extends EventBase {
  type: 'flood';
  /** The pseudo-host the spoofed SYNs are drawn from (optional, added: 'attacker'). */
  from?: string;
  to: string;
  count: number;
  /** How many of them took a SYN-queue slot, were answered statelessly with a cookie, or were dropped. */
  queued: number;
  cookies: number;
  dropped: number;
  /** Time the last SYN of this burst arrives. */
  until: number;
}

/** The listener's queues changed in a way worth showing (fill level, full, drained). */
export interface QueueEvent extends EventBase {
  type: 'queue';
  host: string;
  synQueue: number;
  synQueueMax: number;
  acceptQueue: number;
  acceptQueueMax: number;
}

/**
 * What happened to a segment when it arrived, recorded at that moment (the trace is append-only: a
 * segment's own event is never edited after it is emitted). Emitted only when there is something to
 * say: the receiver discarded it (`dropReason`: SYN queue full, accept queue full), or a note on how
 * it was handled (an ACK not sent because of the RFC 5961 rate limit). `explain` is the sentence to
 * add to the segment's explanation. Consumers that draw a segment with its fate fold these into the
 * segment's event (foldTrace in src/tcp/fold.ts): its fate becomes 'dropped' with this reason, and
 * this explanation follows its own.
 */
export interface ArrivalEvent extends EventBase {
  type: 'arrival';
  /** The receiving host. */
  host: string;
  /** The `id` of the segment (a SegmentEvent earlier in the trace). */
  segment: number;
  /** Set when the receiver discarded the segment on arrival. */
  dropReason?: string;
}

export type TraceEvent = SegmentEvent | StateEvent | TimerEvent | AppEvent | FloodEvent | QueueEvent | ArrivalEvent;

/** What a host looks like after an event: for the player's side panel. */
export interface HostSnapshot {
  state: TcpState;
  /** Relative and absolute values are both derivable from HostInfo.isn; these are absolute. */
  sndUna: number | null;
  sndNxt: number | null;
  rcvNxt: number | null;
  sndWnd?: number;
  rcvWnd?: number;
  /** Running timers and when they expire (absolute ms). */
  timers: { timer: TimerEvent['timer']; expires: number }[];
  /** For a listener: queue fill. */
  synQueue?: number;
  synQueueMax?: number;
  acceptQueue?: number;
  acceptQueueMax?: number;
  /** Bytes sent but not yet acknowledged, and bytes received but not read by the application. */
  unacked?: number;
  received?: number;
  /** The sender's congestion control after the event (issue 11); absent before the connection
   *  is synchronized. The player's panel, the chart and `synack plot` read it. */
  cc?: CcSnapshot;
}

/** A sender's congestion state at one instant. Windows in bytes, times in ms. */
export interface CcSnapshot {
  algo: 'reno' | 'newreno' | 'cubic';
  cwnd: number;
  /** null while still "arbitrarily high" (RFC 5681 §3.1; Linux TCP_INFINITE_SSTHRESH). */
  ssthresh: number | null;
  /** FlightSize: bytes sent and not yet acknowledged (RFC 5681 §2). */
  flight: number;
  /** The peer's advertised window as this sender last saw it. */
  peerWnd: number;
  /** Duplicate ACKs counted since the last new ACK. */
  dupAcks: number;
  phase: 'slow-start' | 'congestion-avoidance' | 'fast-recovery' | 'rto-recovery';
  /** The current retransmission timeout (RFC 6298) and, once measured, the smoothed RTT. */
  rto: number;
  srtt?: number;
  /** (Optional, added by the chart/panel work.) The sender's MSS in bytes, so windows can be shown
   *  in MSS (`cwnd 10000 (10 MSS)`); without it the consumers infer it from the segments sent. */
  smss?: number;
}

export interface Trace {
  scenario: string;
  profile: Profile;
  hosts: Record<string, HostInfo>;
  events: TraceEvent[];
  /** snapshots[i] is every host's state right after events[i]. Same length as events. */
  snapshots: Record<string, HostSnapshot>[];
  /** Time at which the run ended (all actions done and the network quiet, or the time limit). */
  end: number;
  /** (Optional, added.) Every host's state before the first event (e.g. ESTABLISHED with
   *  `option start established`). */
  initial?: Record<string, HostSnapshot>;
  /** (Optional, added.) True when the run stopped at a limit (time, events) with work still pending. */
  truncated?: boolean;
}

/** An error in a scenario script: 1-based line and column. */
export interface ScriptError {
  line: number;
  col: number;
  message: string;
}

export interface RunOptions {
  profile?: Profile;
  seed?: number;
  isnClient?: number;
  isnServer?: number;
  /** Extra losses on top of the script's: drop the segments with these ids (send order). */
  dropSegmentIds?: number[];
  /** Name put in Trace.scenario. */
  name?: string;
}
