/**
 * Reno's window growth and reduction (RFC 5681 §3.1), in the two counting styles of CcConfig:
 *
 * - bytes (rfc profile): slow start with appropriate byte counting, RFC 3465 §2.2 with L = 2*SMSS:
 *   cwnd += min(N, 2*SMSS) per ACK of N new bytes (RFC 5681 eq. 2 allows only min(N, SMSS); RFC 3465
 *   shows L = 2*SMSS makes up for delayed ACKs). Congestion avoidance by byte counting (RFC 5681 §3.1,
 *   RFC 3465 §2.1): bytes_acked += N; once bytes_acked >= cwnd, bytes_acked -= cwnd and cwnd += SMSS.
 * - packets (linux profile): tcp_slow_start() and tcp_cong_avoid_ai() of net/ipv4/tcp_cong.c. Every
 *   acknowledged segment adds one segment in slow start (no L limit, so a delayed ACK of two segments
 *   adds two), capped at ssthresh, the remainder going to congestion avoidance, which adds one segment
 *   after cwnd segments have been acknowledged (snd_cwnd_cnt).
 *
 * Slow start while cwnd < ssthresh, congestion avoidance from cwnd = ssthresh (both RFC 5681 and Linux
 * tcp_in_slow_start()).
 */
import type { CcConfig, CcState, CongestionAlgorithm } from './types.js';

/** Segments an ACK of `bytes` covers in packets counting (a short last segment counts as one). */
export function packetsOf(cfg: CcConfig, bytes: number): number {
  return Math.ceil(bytes / cfg.smss);
}

/**
 * Slow start for `acked` newly acknowledged bytes. Returns the new cwnd and what is left of the ACK
 * for congestion avoidance (packets counting only: bytes counting does not carry over, RFC 3465).
 */
export function slowStart(cfg: CcConfig, s: CcState, acked: number): { cwnd: number; left: number } {
  if (cfg.counting === 'bytes') return { cwnd: s.cwnd + Math.min(acked, 2 * cfg.smss), left: 0 };
  const w = s.cwnd / cfg.smss;
  const cap = Math.floor(s.ssthresh / cfg.smss);
  let pk = packetsOf(cfg, acked);
  const next = Math.min(w + pk, cap);
  pk -= next - w;
  return { cwnd: next * cfg.smss, left: pk * cfg.smss };
}

/**
 * The slow-start part of an ACK (every algorithm's onAck starts with it): the state after it, and
 * the bytes left over for congestion avoidance, or null when the ACK was used up in slow start.
 */
export function slowStartPart(cfg: CcConfig, s: CcState, acked: number): { st: CcState; left: number | null } {
  if (s.cwnd >= s.ssthresh) return { st: s, left: acked };
  const ss = slowStart(cfg, s, acked);
  return { st: { ...s, cwnd: ss.cwnd }, left: ss.left > 0 ? ss.left : null };
}

/** RFC 5681 §3.1 congestion avoidance (byte counting) or Linux tcp_cong_avoid_ai(). */
export function renoCongestionAvoidance(cfg: CcConfig, s: CcState, acked: number): CcState {
  if (cfg.counting === 'bytes') {
    let caAcked = s.caAcked + acked;
    let cwnd = s.cwnd;
    if (caAcked >= cwnd) {
      caAcked -= cwnd;
      cwnd += cfg.smss;
    }
    return { ...s, cwnd, caAcked };
  }
  const w = s.cwnd / cfg.smss; // tcp_cong_avoid_ai(tp, w = snd_cwnd, acked)
  let cwnd = w;
  let cnt = s.caAcked;
  if (cnt >= w) {
    cnt = 0;
    cwnd++;
  }
  cnt += packetsOf(cfg, acked);
  if (cnt >= w) {
    const delta = Math.floor(cnt / w);
    cnt -= delta * w;
    cwnd += delta;
  }
  return { ...s, cwnd: cwnd * cfg.smss, caAcked: cnt };
}

export const reno: CongestionAlgorithm = {
  name: 'reno',
  init: () => null,
  /** RFC 5681 eq. 4: max(FlightSize / 2, 2*SMSS); Linux tcp_reno_ssthresh(): max(cwnd >> 1, 2) segments. */
  ssthreshOnLoss(cfg, s, flightSize) {
    if (cfg.ssthreshFrom === 'flight') return Math.max(Math.floor(flightSize / 2), 2 * cfg.smss);
    return Math.max(Math.floor(s.cwnd / cfg.smss / 2), 2) * cfg.smss;
  },
  onCongestion: (_cfg, s) => s,
  onAck(cfg, s, acked) {
    const { st, left } = slowStartPart(cfg, s, acked);
    return left === null ? st : renoCongestionAvoidance(cfg, st, left);
  },
  onRecoveryExit: (_cfg, s) => s,
};
