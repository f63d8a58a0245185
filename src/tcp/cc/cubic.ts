/**
 * CUBIC, RFC 9438, without HyStart (RFC 9438 §4.10 leaves slow start to the sender; Linux's HyStart
 * would end slow start early on a delay increase, which this model does not do: slow start runs to
 * ssthresh or to the first loss, as in RFC 5681).
 *
 * Windows are kept in bytes; the RFC's formulas are in segments (C = 0.4 segments/s^3), so they are
 * evaluated on cwnd / SMSS and scaled back. Followed: RFC 9438
 * - eq. 1  W_cubic(t) = C (t - K)^3 + W_max
 * - eq. 2  K = cubic_root((W_max - cwnd_epoch) / C), K = 0 when cwnd_epoch >= W_max
 * - §4.2   target = W_cubic(t + RTT) clamped to [cwnd, 1.5 cwnd]; cwnd += (target - cwnd) / cwnd per
 *          segment acknowledged (RTT = the SRTT the endpoint passes, 0 before the first sample)
 * - §4.3   eq. 4 W_est += alpha_cubic * segments_acked / cwnd, alpha_cubic = 3 (1 - beta) / (1 + beta)
 *          until W_est >= cwnd_prior, then 1; if W_cubic(t) < W_est, cwnd = W_est (never lowered on
 *          an ACK here: cwnd = max(cwnd, W_est))
 * - §4.6   ssthresh = max(flight_size * beta, 2 SMSS), beta = 0.7; cwnd_prior = cwnd
 * - §4.7   fast convergence: W_max = cwnd (1 + beta) / 2 if cwnd < W_max, else W_max = cwnd
 * - §4.8   after an RTO: slow start from 1 SMSS, then the first stage uses K = 0 and W_max = cwnd at
 *          its start.
 * The fractional increase is accumulated (CcState.caAcked) and applied in whole bytes (bytes counting)
 * or whole segments (packets counting), so cwnd stays an integer.
 *
 * Where Linux's tcp_cubic.c differs (the linux profile takes its beta and ssthresh rule, the rest as
 * above): beta = 717/1024 (not 0.7); ssthresh = cwnd * beta, not FlightSize * beta; C is 410/1024 in
 * fixed point (K = cubic_root(cube_factor * (W_max - cwnd)) in 1/1024 s, cube_factor = 2^40 / 410, see
 * linuxCubicK); t + delay_min (minimum RTT) instead of t + SRTT; the per-ACK increase is an integer
 * "one segment every cnt ACKs" with cnt = cwnd / (target - cwnd); the Reno-friendly estimate uses the
 * fixed beta_scale; and all of it in segments.
 */
import type { CcConfig, CcState, CongestionAlgorithm, CubicState } from './types.js';
import { packetsOf, slowStartPart } from './reno.js';

/** RFC 9438 §5.1: C = 0.4 (segments per second cubed). */
export const CUBIC_C = 0.4;
/** RFC 9438 §4.6: beta_cubic = 0.7. */
export const CUBIC_BETA = 0.7;
/** Linux tcp_cubic.c: beta = 717 / BICTCP_BETA_SCALE (1024). */
export const LINUX_CUBIC_BETA = 717 / 1024;

/** RFC 9438 eq. 1, in segments. `t` and `k` in seconds. */
export function wCubic(t: number, k: number, wMax: number, c = CUBIC_C): number {
  return c * (t - k) ** 3 + wMax;
}

/** RFC 9438 eq. 2, in segments and seconds: 0 when cwnd_epoch >= W_max. */
export function cubicK(wMax: number, cwndEpoch: number, c = CUBIC_C): number {
  return wMax > cwndEpoch ? Math.cbrt((wMax - cwndEpoch) / c) : 0;
}

/** RFC 9438 §4.3: alpha_cubic = 3 (1 - beta) / (1 + beta) (0.529... for beta = 0.7). */
export function alphaCubic(beta: number): number {
  return (3 * (1 - beta)) / (1 + beta);
}

/**
 * Linux's K in seconds for the same gap, in segments: bic_K = cubic_root(cube_factor * (W_max - cwnd))
 * in units of 1/1024 s, cube_factor = 2^(10 + 3*10) / (bic_scale * 10) = 2^40 / 410 (integer division).
 * Computed with Math.cbrt (the kernel's cubic_root() is an integer approximation of the same root).
 * Equivalent to eq. 2 with C = 410/1024 = 0.400390625.
 */
export function linuxCubicK(wMaxPkts: number, cwndPkts: number): number {
  if (wMaxPkts <= cwndPkts) return 0;
  const cubeFactor = Math.floor(2 ** 40 / 410);
  return Math.cbrt(cubeFactor * (wMaxPkts - cwndPkts)) / 1024;
}

function cubicOf(s: CcState): CubicState {
  if (!s.cubic) throw new Error('cubic: state has no CUBIC part');
  return s.cubic;
}

/** Whole units of growth: bytes (bytes counting) or segments (packets counting). */
function unit(cfg: CcConfig): number {
  return cfg.counting === 'bytes' ? 1 : cfg.smss;
}

function floorUnit(cfg: CcConfig, bytes: number): number {
  const u = unit(cfg);
  return Math.floor(bytes / u) * u;
}

function congestionAvoidance(cfg: CcConfig, s: CcState, acked: number, now: number, srtt: number | null): CcState {
  const smss = cfg.smss;
  let c = cubicOf(s);
  let caAcked = s.caAcked;
  if (c.tEpoch === null) {
    // A new congestion avoidance stage (RFC 9438 §4.2; after an RTO §4.8).
    let wMax = c.wMax;
    let k: number;
    if (c.afterTimeout || wMax === null || wMax <= s.cwnd) {
      wMax = s.cwnd;
      k = 0;
    } else {
      k = cubicK(wMax / smss, s.cwnd / smss);
    }
    c = { ...c, wMax, k, tEpoch: now, cwndEpoch: s.cwnd, wEst: s.cwnd, afterTimeout: false };
    caAcked = 0;
  }
  const wMaxSeg = (c.wMax ?? s.cwnd) / smss;
  const w = s.cwnd / smss;
  const segs = cfg.counting === 'bytes' ? acked / smss : packetsOf(cfg, acked);
  const t = (now - c.tEpoch!) / 1000;
  const rtt = (srtt ?? 0) / 1000;
  // RFC 9438 §4.3 eq. 4, in bytes.
  const alpha = c.cwndPrior !== null && c.wEst >= c.cwndPrior ? 1 : alphaCubic(cfg.beta);
  const wEst = c.wEst + ((alpha * segs) / w) * smss;
  c = { ...c, wEst };
  if (wCubic(t, c.k, wMaxSeg) * smss < wEst) {
    // Reno-friendly region: cwnd = W_est.
    const cwnd = Math.max(s.cwnd, floorUnit(cfg, wEst));
    return { ...s, cwnd, caAcked, cubic: c };
  }
  // RFC 9438 §4.4-4.5: concave and convex regions share the target rule.
  const target = Math.min(Math.max(wCubic(t + rtt, c.k, wMaxSeg), w), 1.5 * w);
  const incSeg = ((target - w) / w) * segs;
  caAcked += cfg.counting === 'bytes' ? incSeg * smss : incSeg;
  const whole = Math.floor(caAcked);
  caAcked -= whole;
  return { ...s, cwnd: s.cwnd + whole * (cfg.counting === 'bytes' ? 1 : smss), caAcked, cubic: c };
}

export const cubic: CongestionAlgorithm = {
  name: 'cubic',
  init: () => ({ wMax: null, cwndPrior: null, k: 0, tEpoch: null, cwndEpoch: 0, wEst: 0, afterTimeout: false }),
  /** RFC 9438 §4.6: max(flight_size * beta, 2 SMSS); Linux: max(cwnd * 717 / 1024, 2) segments. */
  ssthreshOnLoss(cfg, s, flightSize) {
    if (cfg.ssthreshFrom === 'flight') return Math.max(Math.floor(flightSize * cfg.beta), 2 * cfg.smss);
    return Math.max(Math.floor((s.cwnd / cfg.smss) * cfg.beta), 2) * cfg.smss;
  },
  onCongestion(cfg, s, timeout) {
    const c = cubicOf(s);
    // RFC 9438 §4.7 fast convergence (Linux bictcp_recalc_ssthresh, in whole segments).
    let wMax: number;
    if (cfg.fastConvergence && c.wMax !== null && s.cwnd < c.wMax) wMax = (s.cwnd * (1 + cfg.beta)) / 2;
    else wMax = s.cwnd;
    if (cfg.counting === 'packets') wMax = Math.floor(wMax / cfg.smss) * cfg.smss;
    return { ...s, caAcked: 0, cubic: { ...c, wMax, cwndPrior: s.cwnd, tEpoch: null, afterTimeout: timeout } };
  },
  onAck(cfg, s, acked, now, srtt) {
    const { st, left } = slowStartPart(cfg, s, acked);
    return left === null ? st : congestionAvoidance(cfg, st, left, now, srtt);
  },
  onRecoveryExit: (_cfg, s) => ({ ...s, caAcked: 0, cubic: { ...cubicOf(s), tEpoch: null } }),
};
