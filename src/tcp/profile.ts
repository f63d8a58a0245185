/** The two behaviour profiles: the textbook (`rfc`) and what Linux does today (`linux`). */
import type { Profile } from './types.js';

export interface ProfileParams {
  /** TIME-WAIT duration (2 MSL for rfc; Linux's fixed TCP_TIMEWAIT_LEN = 60 s). */
  timeWait: number;
  msl: number;
  /** Initial RTO (RFC 6298 §2.1: 1 s) and its bounds. */
  rtoInitial: number;
  rtoMin: number;
  rtoMax: number;
  /** SYN retransmissions before connect() gives up (Linux tcp_syn_retries = 6). */
  synRetries: number;
  /**
   * Linux (>= 6.5, net.ipv4.tcp_syn_linear_timeouts = 4): after the initial 1 s timeout the first 4
   * SYN retransmissions keep a linear 1 s timeout, then doubling resumes: gaps 1,1,1,1,1,2,4,8,... s.
   * When connect() gives up is decided by time (synGiveUp), not by this count. 0 = classic doubling.
   */
  synLinearTimeouts: number;
  /**
   * connect() gives up at the first SYN timer expiry at least this long (ms) after the first SYN, or
   * null to count retransmissions (synRetries + synLinearTimeouts) instead. Linux decides by time
   * (retransmits_timed_out): (2^(tcp_syn_retries+1) - 1) s, what classic doubling from 1 s would take,
   * even while the linear timeouts send the first retries 1 s apart: retries 6 -> 127 s, so SYNs at
   * 0,1,2,3,4,5,7,11,19,35,67 s and failure at 131 s; retries 2 -> 7 s (SYNs 0..5 s, failure at 7 s).
   * RFC 9293 MUST-23: SYN retransmission goes on for at least 3 minutes.
   */
  synGiveUp: number | null;
  /** SYN-ACK retransmissions of a half-open entry (Linux tcp_synack_retries = 5: 1,2,4,8,16 s,
   *  the entry is dropped 32 s after the last one, 63 s after the SYN). */
  synAckRetries: number;
  /** Data retransmissions before the connection is dropped (Linux tcp_retries2 = 15). */
  dataRetries: number;
  delayedAck: boolean;
  /** The delayed-ACK timer (ms): rfc 200 ms (below RFC 9293's 0.5 s bound), linux 40 ms (TCP_DELACK_MIN). */
  ackDelay: number;
  /** Linux ACKs the first segments of a connection at once ("quickack" mode). */
  quickAck: number;
  /** At most one ACK per connection answering invalid segments (out of window, inexact RST, SYN when
   *  synchronized) per this interval: RFC 5961 §7 ACK throttling; Linux tcp_invalid_ratelimit = 500 ms. */
  invalidAckInterval: number;
  /** Queue bounds relative to backlog: Linux allows backlog + 1 (it tests `>` not `>=`). */
  queueExtra: number;
}

/** Linux: connect() fails (2^(n+1) - 1) initial RTOs after the first SYN, n = tcp_syn_retries. */
export function linuxSynGiveUp(synRetries: number, rtoInitial: number): number {
  return (2 ** (synRetries + 1) - 1) * rtoInitial;
}

export const PROFILES: Record<Profile, ProfileParams> = {
  rfc: {
    timeWait: 240_000,
    msl: 120_000,
    rtoInitial: 1000,
    rtoMin: 1000,
    rtoMax: 60_000,
    synRetries: 6,
    synLinearTimeouts: 0,
    synGiveUp: 180_000,
    synAckRetries: 5,
    dataRetries: 8,
    delayedAck: false,
    // RFC 9293 §3.8.6.3 (MUST-40) and RFC 1122 §4.2.3.2: an ACK may be delayed, but by less than
    // 0.5 s (RFC 5681 §4.2 repeats the 500 ms bound). 200 ms is the classic value within it: BSD's
    // delayed ACK went out on its 200 ms fast timer, and the textbooks teach that figure.
    ackDelay: 200,
    quickAck: 0,
    invalidAckInterval: 500,
    queueExtra: 0,
  },
  linux: {
    timeWait: 60_000,
    msl: 30_000,
    rtoInitial: 1000,
    rtoMin: 200,
    rtoMax: 120_000,
    synRetries: 6,
    synLinearTimeouts: 4,
    synGiveUp: linuxSynGiveUp(6, 1000),
    synAckRetries: 5,
    dataRetries: 15,
    delayedAck: true,
    ackDelay: 40,
    quickAck: 16,
    invalidAckInterval: 500,
    queueExtra: 1,
  },
};

/** Timeout (ms) after the SYN that has been retransmitted `k` times so far. */
export function synTimeout(p: ProfileParams, k: number): number {
  if (p.synLinearTimeouts > 0) {
    if (k <= p.synLinearTimeouts) return p.rtoInitial;
    return Math.min(p.rtoMax, p.rtoInitial * 2 ** (k - p.synLinearTimeouts));
  }
  return Math.min(p.rtoMax, p.rtoInitial * 2 ** k);
}
