/**
 * The retransmission timeout estimator, as pure functions over a small state record.
 *
 * Two flavours, one per profile:
 * - `rfc6298`: RFC 6298 exactly. §2.1 RTO = 1 s before any sample; §2.2 first sample R: SRTT = R,
 *   RTTVAR = R/2; §2.3 later samples R': RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'| (with the old SRTT),
 *   then SRTT = 7/8 SRTT + 1/8 R'; RTO = SRTT + max(G, 4 RTTVAR); §2.4 rounded up to the 1 s minimum;
 *   §2.5 capped at the maximum (60 s here); §3 Karn: no sample from a retransmitted segment; §5.5 each
 *   expiry doubles the RTO (backoff), kept until a new valid sample; §5.7 after a SYN timed out the RTO
 *   is 3 s when data transmission begins (if no sample has set it).
 * - `linux`: tcp_rtt_estimator() and __tcp_set_rto() of Linux (net/ipv4/tcp_input.c), in integer
 *   microseconds with the kernel's shifts: srtt kept << 3, mdev holding 4 x the mean deviation, a
 *   decrease of the RTT weighted by 1/32 instead of 1/4 (the "Eifel-like" rule), and the variance
 *   term rttvar = max(mdev_max, TCP_RTO_MIN = 200 ms) refreshed once per flight (rtt_seq). RTO =
 *   srtt + rttvar in jiffies (HZ = 1000: microseconds rounded up to ms), capped at TCP_RTO_MAX = 120 s.
 *   So a 100 ms path gets 300 ms, never less than SRTT + 200 ms. Timestamps are not modelled, so
 *   Karn's rule applies as it does on Linux without TCP timestamps.
 *
 * All times are milliseconds (`r` may be fractional; the linux flavour works in whole microseconds).
 * Pure: no clock, no I/O; the caller passes each measured RTT in.
 */
import type { Profile } from './types.js';
import type { ProfileParams } from './profile.js';
import { seqGt } from './seq.js';

/** Largest RTT sample accepted (ms); larger or negative samples are ignored. */
export const RTT_SAMPLE_MAX = 3_600_000;

export type RttFlavour = 'rfc6298' | 'linux';

export interface RttParams {
  flavour: RttFlavour;
  /** RFC 6298 §2.1: 1 s. */
  rtoInitial: number;
  /** rfc: the §2.4 floor on the RTO (1 s); linux: the floor on the variance term (TCP_RTO_MIN 200 ms). */
  rtoMin: number;
  /** rfc: §2.5 cap (60 s); linux: TCP_RTO_MAX (120 s). */
  rtoMax: number;
  /** Clock granularity G of RFC 6298 §2.2-2.3 (the model ticks in ms: G = 1 ms). */
  granularity: number;
  /** RFC 6298 §5.7: the RTO when data transfer begins after a SYN timed out (3 s). */
  rtoAfterSynLoss: number;
}

export function rttParams(prof: ProfileParams, profile: Profile, granularity = 1): RttParams {
  return {
    flavour: profile === 'linux' ? 'linux' : 'rfc6298',
    rtoInitial: prof.rtoInitial,
    rtoMin: prof.rtoMin,
    rtoMax: prof.rtoMax,
    granularity,
    rtoAfterSynLoss: 3000,
  };
}

export interface RttState {
  /** rfc: SRTT in ms (null before the first sample). linux: srtt_us >> 3 in ms, for display. */
  srtt: number | null;
  /** rfc: RTTVAR in ms. linux: mdev_us / 4 in ms, for display. */
  rttvar: number;
  /** The current RTO in ms, backoff included. */
  rto: number;
  /** The RTO the last sample computed, before any backoff. */
  baseRto: number;
  /** Expiries since the last valid sample (RFC 6298 §5.5; Linux icsk_backoff). */
  backoff: number;
  /** linux: srtt_us << 3, mdev_us, mdev_max_us, rttvar_us (all integer microseconds) and rtt_seq. */
  linux: { srtt8: number; mdev: number; mdevMax: number; rttvar: number; rttSeq: number } | null;
}

export function rttInit(p: RttParams): RttState {
  return { srtt: null, rttvar: 0, rto: p.rtoInitial, baseRto: p.rtoInitial, backoff: 0, linux: null };
}

export interface RttSampleInfo {
  /** The segment timed was retransmitted: Karn's algorithm (RFC 6298 §3) ignores the sample. */
  retransmitted: boolean;
  /** linux only: SND.UNA after this ACK and SND.NXT now (tcp_rtt_estimator's per-flight refresh). */
  sndUna?: number;
  sndNxt?: number;
}

/** RFC 6298 §2.2-2.5 (rfc) or Linux's estimator (linux): the state after one RTT measurement `r` ms. */
export function rttSample(p: RttParams, s: RttState, r: number, info: RttSampleInfo): RttState {
  if (info.retransmitted) return s; // Karn: keep SRTT, RTTVAR and the backed-off RTO
  // Bound: 0 <= r <= RTT_SAMPLE_MAX (a sample longer than an hour is not a round trip).
  if (!Number.isFinite(r) || r < 0 || r > RTT_SAMPLE_MAX) return s;
  if (p.flavour === 'linux') return linuxSample(p, s, r, info);
  let srtt: number;
  let rttvar: number;
  if (s.srtt === null) {
    srtt = r;
    rttvar = r / 2;
  } else {
    rttvar = 0.75 * s.rttvar + 0.25 * Math.abs(s.srtt - r);
    srtt = 0.875 * s.srtt + 0.125 * r;
  }
  const rto = rfcRto(p, srtt, rttvar);
  return { srtt, rttvar, rto, baseRto: rto, backoff: 0, linux: null };
}

function rfcRto(p: RttParams, srtt: number, rttvar: number): number {
  const raw = srtt + Math.max(p.granularity, 4 * rttvar);
  return Math.min(p.rtoMax, Math.max(p.rtoMin, raw));
}

function linuxSample(p: RttParams, s: RttState, r: number, info: RttSampleInfo): RttState {
  const rtoMinUs = Math.round(p.rtoMin * 1000);
  const sndUna = info.sndUna ?? 0;
  const sndNxt = info.sndNxt ?? 0;
  let m = Math.round(r * 1000);
  let { srtt8, mdev, mdevMax, rttvar, rttSeq } = s.linux ?? { srtt8: 0, mdev: 0, mdevMax: 0, rttvar: 0, rttSeq: 0 };
  if (srtt8 !== 0) {
    m -= Math.floor(srtt8 / 8); // error in the estimate
    srtt8 += m; // srtt = 7/8 srtt + 1/8 new
    if (m < 0) {
      m = -m;
      m -= Math.floor(mdev / 4);
      if (m > 0) m = Math.floor(m / 8); // a falling RTT moves mdev with gain 1/32, not 1/4
    } else {
      m -= Math.floor(mdev / 4);
    }
    mdev += m; // mdev = 3/4 mdev + 1/4 |err|
    if (mdev > mdevMax) {
      mdevMax = mdev;
      if (mdevMax > rttvar) rttvar = mdevMax;
    }
    if (seqGt(sndUna, rttSeq)) {
      // once per flight: let rttvar decay towards the flight's largest mdev, then start a new flight
      if (mdevMax < rttvar) rttvar -= Math.floor((rttvar - mdevMax) / 4);
      rttSeq = sndNxt;
      mdevMax = rtoMinUs;
    }
  } else {
    srtt8 = m * 8;
    mdev = m * 2; // RTO = 3 x the first RTT
    rttvar = Math.max(mdev, rtoMinUs);
    mdevMax = rttvar;
    rttSeq = sndNxt;
  }
  srtt8 = Math.max(1, srtt8);
  const rto = Math.min(p.rtoMax, Math.ceil((Math.floor(srtt8 / 8) + rttvar) / 1000));
  return {
    srtt: Math.floor(srtt8 / 8) / 1000,
    rttvar: mdev / 4000,
    rto,
    baseRto: rto,
    backoff: 0,
    linux: { srtt8, mdev, mdevMax, rttvar, rttSeq },
  };
}

/** RFC 6298 §5.5 / Linux tcp_retransmit_timer(): the timer expired, double the RTO up to the maximum. */
export function rttTimeout(p: RttParams, s: RttState): RttState {
  return { ...s, rto: Math.min(p.rtoMax, s.rto * 2), backoff: s.backoff + 1 };
}

/**
 * RFC 6298 §5.7: the handshake is over. If a SYN (or SYN,ACK) timed out and no RTT sample has been
 * taken since, the RTO to use for data is 3 s (rfc flavour; Linux has its own rules for SYN loss and
 * keeps the estimator's value).
 */
export function rttEstablished(p: RttParams, s: RttState, synTimedOut: boolean): RttState {
  if (p.flavour !== 'rfc6298' || !synTimedOut || s.srtt !== null) return s;
  return { ...s, rto: p.rtoAfterSynLoss, baseRto: p.rtoAfterSynLoss, backoff: 0 };
}
