/**
 * Congestion control: the shapes shared by the algorithms (src/tcp/cc/reno.ts, cubic.ts), the
 * recoveries (Reno / NewReno window inflation, PRR in prr.ts) and the controller (controller.ts) that
 * the endpoint calls. All windows are in bytes. Pure: no clock, no I/O; `now` is passed in (ms).
 */
// zod/mini: one enum does not need the classic API's 580 kB (the model loads with every command).
import { enum as oneOf, type infer as Infer } from 'zod/mini';

/** `option cc NAME`: the names a script may use. */
export const CcNameSchema = oneOf(['reno', 'newreno', 'cubic']);
export type CcName = Infer<typeof CcNameSchema>;

/** What grows and cuts the window. */
export type GrowthName = 'reno' | 'cubic';
/** How fast recovery paces the sender: RFC 5681 inflation, RFC 6582 NewReno inflation, or PRR. */
export type RecoveryName = 'reno' | 'newreno' | 'prr';

export type Phase = 'slow-start' | 'congestion-avoidance' | 'fast-recovery' | 'rto-recovery';

export interface CcConfig {
  growth: GrowthName;
  recovery: RecoveryName;
  /**
   * `bytes` (rfc profile): RFC 3465 byte counting: slow start cwnd += min(N, 2*SMSS) per ACK,
   * congestion avoidance +SMSS each time a cwnd's worth of bytes has been acknowledged.
   * `packets` (linux profile): Linux counts whole segments: cwnd is a multiple of SMSS, slow start adds
   * one SMSS per segment acknowledged (capped at ssthresh, the rest carried into congestion
   * avoidance), congestion avoidance adds one SMSS after cwnd segments (tcp_cong_avoid_ai).
   */
  counting: 'bytes' | 'packets';
  /** Sender maximum segment size (bytes). */
  smss: number;
  /**
   * Loss cuts ssthresh from FlightSize (RFC 5681 eq. 4, RFC 9438 §4.6) or from cwnd (Linux:
   * tcp_reno_ssthresh, bictcp_recalc_ssthresh).
   */
  ssthreshFrom: 'flight' | 'cwnd';
  /** CUBIC multiplicative decrease factor: 0.7 (RFC 9438 §4.6) or Linux's 717/1024. */
  beta: number;
  /** CUBIC fast convergence (RFC 9438 §4.7; Linux fast_convergence = 1). */
  fastConvergence: boolean;
  /** Initial window in bytes (RFC 5681 §3.1 eq. 1, or RFC 6928 / Linux TCP_INIT_CWND = 10 segments). */
  initialWindow: number;
  /** Duplicate ACKs that trigger fast retransmit (RFC 5681 §3.2: 3; Linux tcp_reordering = 3). */
  dupThresh: number;
}

/** The scoreboard a non-SACK sender can keep, in bytes (Linux's sacked_out / lost_out / retrans_out). */
export interface Scoreboard {
  /** Segments the duplicate ACKs say have left the network (packets counting only; Linux's reno "sacks"). */
  sacked: number;
  /** Outstanding bytes at the head presumed lost (marked by fast retransmit, partial ACK or RTO). */
  lost: number;
  /** Of those, bytes retransmitted and not yet acknowledged. */
  retrans: number;
}

export interface PrrState {
  /** RecoverFS: the divisor of the proportional part. Linux uses prior_cwnd (cwnd when recovery began). */
  recoverFs: number;
  prrDelivered: number;
  prrOut: number;
}

export interface CubicState {
  /** W_max in bytes, or null before the first congestion event (RFC 9438 §4.2). */
  wMax: number | null;
  /** cwnd_prior in bytes: cwnd just before the last reduction (RFC 9438 §4.6, used by §4.3). */
  cwndPrior: number | null;
  /** K in seconds (RFC 9438 eq. 2) of the current congestion avoidance stage. */
  k: number;
  /** t_epoch: when the current congestion avoidance stage began (ms), or null when none is running. */
  tEpoch: number | null;
  /** cwnd_epoch (bytes). */
  cwndEpoch: number;
  /** W_est in bytes: the Reno-friendly estimate (RFC 9438 eq. 4). */
  wEst: number;
  /** The last congestion event was an RTO: the next stage starts with K = 0, W_max = cwnd (RFC 9438 §4.8). */
  afterTimeout: boolean;
}

export interface CcState {
  cwnd: number;
  ssthresh: number;
  phase: Phase;
  /** Duplicate ACKs in a row (reset by an ACK that advances SND.UNA). */
  dupAcks: number;
  /**
   * RFC 6582 `recover`, as SND.NXT when the last recovery (or RTO) began: one past the highest sequence
   * number sent (FreeBSD snd_recover, Linux high_seq). Starts at ISS.
   */
  recover: number;
  /**
   * Growth carried between ACKs in congestion avoidance: bytes acknowledged (bytes counting), segments
   * acknowledged (packets counting: Linux snd_cwnd_cnt), or CUBIC's fractional increase.
   */
  caAcked: number;
  /** An RTO has already cut ssthresh for the segment at SND.UNA (RFC 5681 §3.1: cut once per segment). */
  rtoCut: boolean;
  board: Scoreboard;
  prr: PrrState | null;
  cubic: CubicState | null;
}

/** The endpoint's view at an ACK that advances SND.UNA. */
export interface AckEvent {
  now: number;
  /** The ACK field (new SND.UNA). */
  ack: number;
  /** Bytes newly acknowledged: the advance of SND.UNA (> 0). */
  bytesAcked: number;
  /** FlightSize after this ACK: SND.NXT - SND.UNA (bytes). */
  flightSize: number;
  /** SND.NXT. */
  sndNxt: number;
  /** SRTT in ms for CUBIC's W_cubic(t + RTT) (RFC 9438 §4.2), or null before the first sample. */
  srtt: number | null;
  /** false when the application, not cwnd, limited sending: the window is not grown (RFC 7661 §4.1). */
  cwndLimited?: boolean;
}

/** The endpoint's view at a duplicate ACK (RFC 5681 §2's definition, checked by the endpoint). */
export interface DupAckEvent {
  now: number;
  /** The ACK field (= SND.UNA). */
  ack: number;
  flightSize: number;
  sndNxt: number;
}

/** The retransmission timer expired. */
export interface RtoEvent {
  now: number;
  /** FlightSize when the timer fired: SND.NXT - SND.UNA. */
  flightSize: number;
  sndNxt: number;
}

/** What a controller event asks of the endpoint. */
export interface CcResult {
  state: CcState;
  /**
   * Retransmit the segment at SND.UNA (fast retransmit, or a NewReno / PRR partial ACK). With Reno and
   * NewReno it goes out at once, outside cwnd (RFC 5681 §3.2 step 3); with PRR it is the lost data that
   * goes first when sendAllowance() permits (needsRetransmit() is true; at the entry of recovery the
   * allowance is at least one segment).
   */
  retransmit: boolean;
}

/**
 * A window growth and reduction algorithm (Reno or CUBIC). Each function returns a new state.
 */
export interface CongestionAlgorithm {
  readonly name: GrowthName;
  /** A fresh state's algorithm-specific part. */
  init(cfg: CcConfig): CubicState | null;
  /** ssthresh after a congestion event (fast retransmit or the first RTO of a segment). */
  ssthreshOnLoss(cfg: CcConfig, s: CcState, flightSize: number): number;
  /** Record the congestion event (CUBIC: W_max, cwnd_prior, end the epoch); `timeout` for an RTO. */
  onCongestion(cfg: CcConfig, s: CcState, timeout: boolean): CcState;
  /**
   * Grow the window for `acked` newly acknowledged bytes outside fast recovery (slow start below
   * ssthresh, congestion avoidance above).
   */
  onAck(cfg: CcConfig, s: CcState, acked: number, now: number, srtt: number | null): CcState;
  /** Recovery is over (full ACK): the next congestion avoidance stage starts afresh. */
  onRecoveryExit(cfg: CcConfig, s: CcState): CcState;
}
