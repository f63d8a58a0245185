/**
 * The congestion controller the endpoint calls: one state record, four events (an ACK of new data, a
 * duplicate ACK, the retransmission timer, a segment sent) and two questions (how much may be sent,
 * is lost data waiting to be retransmitted). It composes a growth algorithm (Reno or CUBIC) with a
 * recovery (RFC 5681 Reno, RFC 6582 NewReno, or PRR as Linux does it). SACK is not modelled.
 *
 * Recovery, step by step:
 * - Reno (RFC 5681 §3.2): at the 3rd duplicate ACK, ssthresh = the algorithm's cut (eq. 4 for Reno,
 *   step 2), retransmit SND.UNA and set cwnd = ssthresh + 3*SMSS (step 3); each further duplicate ACK
 *   adds SMSS (inflation, step 4); the first ACK of new data sets cwnd = ssthresh (deflation, step 6)
 *   and ends recovery.
 * - NewReno (RFC 6582 §3.2): the same entry, only if the duplicate ACK covers more than `recover`
 *   (step 1, which then sets recover to the highest sequence number sent). `recover` is kept as SND.NXT
 *   at that moment, one past the highest sequence number, the convention of FreeBSD's snd_recover and Linux's
 *   high_seq: "covers more than recover" is ACK > recover, "acknowledges all data up to and including
 *   recover" (a full ACK) is ACK >= recover, and the initial recover = ISS lets a loss in the first
 *   window be fast-retransmitted (the ACK is ISS + 1 or more). A partial ACK (below recover)
 *   retransmits the next hole and deflates cwnd by the bytes it acknowledged, adding SMSS back if it
 *   acknowledged at least SMSS (step 3); a full ACK sets cwnd = min(ssthresh, max(FlightSize, SMSS)
 *   + SMSS) and ends recovery (step 3, option 1).
 * - PRR (linux profile): entry on the 3rd duplicate ACK with NewReno's `recover` check (Linux high_seq),
 *   cwnd paced by prr.ts on every ACK; a partial ACK marks the new head lost (tcp_newreno_mark_lost)
 *   and asks for its retransmission; an ACK of exactly high_seq keeps recovery (Linux holds it until
 *   something above high_seq is acknowledged, as RFC 6582 requires against false fast retransmits);
 *   then cwnd = ssthresh (tcp_end_cwnd_reduction) and that same ACK grows the window.
 * - RTO (RFC 5681 §3.1, eq. 4 and the loss window): ssthresh = the algorithm's cut, once per segment
 *   (not again for a backed-off retransmission of the same one; Linux also keeps the ssthresh of a fast
 *   recovery in progress), cwnd = LW = 1 SMSS, recover = highest sequence number sent (RFC 6582 §3.2
 *   step 4), everything outstanding is presumed lost and goes out again as cwnd allows.
 *
 * Sending: the endpoint may send min(sendAllowance(), peer window - FlightSize) bytes of new data, and
 * first any lost data (needsRetransmit()). The allowance is cwnd - pipe, where pipe = FlightSize -
 * sacked - lost + retransmitted (Linux's tcp_packets_in_flight(); in the rfc profile sacked is always 0,
 * so RFC 5681's "FlightSize < cwnd" rule with window inflation). In the linux profile each duplicate
 * ACK lowers pipe by one segment, which is how Linux keeps sending new data on the first duplicate
 * ACKs (the effect of RFC 3042 limited transmit); the rfc profile does not do limited transmit.
 */
import { seqGe, seqGt } from '../seq.js';
import type { Profile } from '../types.js';
import { cubic, CUBIC_BETA, LINUX_CUBIC_BETA } from './cubic.js';
import { prrStep } from './prr.js';
import { packetsOf, reno } from './reno.js';
import type {
  AckEvent,
  CcConfig,
  CcName,
  CcResult,
  CcState,
  CongestionAlgorithm,
  DupAckEvent,
  Phase,
  RtoEvent,
} from './types.js';

/** The initial ssthresh: "arbitrarily high" (RFC 5681 §3.1); Linux TCP_INFINITE_SSTHRESH = 0x7fffffff. */
export const SSTHRESH_INFINITE = 0x7fffffff;
/** Bounds on SMSS the controller accepts (RFC 9293 §3.7.1: 536 default; 65495 on loopback). */
export const SMSS_MIN = 1;
export const SMSS_MAX = 65535;

/**
 * The initial window. rfc: RFC 5681 §3.1 eq. 1 (2, 3 or 4 segments by SMSS). linux: RFC 6928's 10
 * segments as Linux applies it (TCP_INIT_CWND = 10 segments, whatever the MSS; RFC 6928 itself caps
 * it at max(2*SMSS, 14600) bytes).
 */
export function initialWindow(profile: Profile, smss: number): number {
  if (profile === 'linux') return 10 * smss;
  if (smss > 2190) return 2 * smss;
  if (smss > 1095) return 3 * smss;
  return 4 * smss;
}

/**
 * The configuration for a profile and `option cc NAME` (default: cubic on linux, newreno on rfc).
 * rfc: bytes counting, ssthresh from FlightSize, the named recovery (cubic recovers as NewReno).
 * linux: packets counting, ssthresh from cwnd, PRR for every algorithm (Linux has no separate NewReno:
 * its non-SACK recovery is NewReno's partial ACK rule under PRR, so `newreno` behaves as `reno`).
 */
export function ccConfig(profile: Profile, name: CcName | undefined, smss: number): CcConfig {
  if (!Number.isInteger(smss) || smss < SMSS_MIN || smss > SMSS_MAX) {
    throw new RangeError(`SMSS must be an integer in ${SMSS_MIN}..${SMSS_MAX}, got ${smss}`);
  }
  const cc = name ?? (profile === 'linux' ? 'cubic' : 'newreno');
  const growth = cc === 'cubic' ? 'cubic' : 'reno';
  if (profile === 'linux') {
    return {
      growth,
      recovery: 'prr',
      counting: 'packets',
      smss,
      ssthreshFrom: 'cwnd',
      beta: LINUX_CUBIC_BETA,
      fastConvergence: true,
      initialWindow: initialWindow(profile, smss),
      dupThresh: 3,
    };
  }
  return {
    growth,
    recovery: cc === 'reno' ? 'reno' : 'newreno',
    counting: 'bytes',
    smss,
    ssthreshFrom: 'flight',
    beta: CUBIC_BETA,
    fastConvergence: true,
    initialWindow: initialWindow(profile, smss),
    dupThresh: 3,
  };
}

export function algorithm(cfg: CcConfig): CongestionAlgorithm {
  return cfg.growth === 'cubic' ? cubic : reno;
}

/** A connection's first state; `iss` is the initial send sequence number (RFC 6582 §3.2: recover = ISS). */
export function ccInit(cfg: CcConfig, iss: number): CcState {
  return {
    cwnd: cfg.initialWindow,
    ssthresh: SSTHRESH_INFINITE,
    phase: 'slow-start',
    dupAcks: 0,
    recover: iss >>> 0,
    caAcked: 0,
    rtoCut: false,
    board: { sacked: 0, lost: 0, retrans: 0 },
    prr: null,
    cubic: algorithm(cfg).init(cfg),
  };
}

function openPhase(s: CcState): Phase {
  return s.cwnd < s.ssthresh ? 'slow-start' : 'congestion-avoidance';
}

/** Bytes the sender estimates are in the network (Linux tcp_packets_in_flight()). */
export function pipe(s: CcState, flightSize: number): number {
  return Math.max(0, flightSize - s.board.sacked - s.board.lost + s.board.retrans);
}

/** Bytes the congestion window lets the sender transmit now: cwnd - pipe (the peer's window applies too). */
export function sendAllowance(s: CcState, flightSize: number): number {
  return Math.max(0, s.cwnd - pipe(s, flightSize));
}

/** Outstanding data presumed lost and not yet retransmitted: send it (from SND.UNA on) before new data. */
export function needsRetransmit(s: CcState): boolean {
  return s.board.lost > s.board.retrans;
}

/** The endpoint sent `bytes` (a retransmission or new data): PRR's prr_out and the scoreboard. */
export function onSent(cfg: CcConfig, s: CcState, bytes: number, retransmission: boolean): CcState {
  if (bytes <= 0) return s;
  const counted = cfg.counting === 'packets' ? packetsOf(cfg, bytes) * cfg.smss : bytes;
  const prr = s.prr && s.phase === 'fast-recovery' ? { ...s.prr, prrOut: s.prr.prrOut + counted } : s.prr;
  const board = retransmission ? { ...s.board, retrans: Math.min(s.board.lost, s.board.retrans + counted) } : s.board;
  return { ...s, prr, board };
}


function enterRecovery(cfg: CcConfig, s: CcState, e: DupAckEvent, delivered: number): CcResult {
  const alg = algorithm(cfg);
  const ssthresh = alg.ssthreshOnLoss(cfg, s, e.flightSize);
  let st = alg.onCongestion(cfg, s, false);
  st = { ...st, ssthresh, phase: 'fast-recovery', recover: e.sndNxt, caAcked: 0 };
  if (cfg.recovery !== 'prr') {
    // RFC 5681/6582 recovery is FlightSize-based: forget what an earlier RTO presumed lost.
    return { state: { ...st, cwnd: ssthresh + 3 * cfg.smss, board: { sacked: 0, lost: 0, retrans: 0 } }, retransmit: true };
  }
  const head = Math.min(cfg.smss, e.flightSize);
  st = {
    ...st,
    prr: { recoverFs: s.cwnd, prrDelivered: 0, prrOut: 0 },
    board: { ...st.board, lost: Math.max(st.board.lost, head) },
  };
  st = prrStep(cfg, st, { delivered, pipe: pipe(st, e.flightSize), unaAdvanced: false, newlyLost: true });
  return { state: st, retransmit: true };
}

/** A duplicate ACK (RFC 5681 §2: ACK = SND.UNA, no data, no window change, data outstanding). */
export function onDupAck(cfg: CcConfig, s: CcState, e: DupAckEvent): CcResult {
  let st: CcState = { ...s, dupAcks: s.dupAcks + 1 };
  let delivered = 0;
  if (cfg.counting === 'packets') {
    // Linux tcp_add_reno_sack() + tcp_limit_reno_sacked(): one more segment has left the network.
    const outstanding = packetsOf(cfg, e.flightSize) * cfg.smss;
    const holes = Math.min(Math.max(st.board.lost, cfg.smss), outstanding);
    const sacked = Math.max(0, Math.min(st.board.sacked + cfg.smss, outstanding - holes));
    delivered = sacked - st.board.sacked;
    st = { ...st, board: { ...st.board, sacked } };
  }
  if (st.phase === 'fast-recovery') {
    if (cfg.recovery === 'prr') {
      return { state: prrStep(cfg, st, { delivered, pipe: pipe(st, e.flightSize), unaAdvanced: false, newlyLost: false }), retransmit: false };
    }
    return { state: { ...st, cwnd: st.cwnd + cfg.smss }, retransmit: false }; // RFC 5681 §3.2 step 4
  }
  const reached = cfg.counting === 'packets' ? st.board.sacked >= cfg.dupThresh * cfg.smss : st.dupAcks === cfg.dupThresh;
  if (!reached) return { state: st, retransmit: false };
  if (cfg.recovery !== 'reno' && !seqGt(e.ack, st.recover)) return { state: st, retransmit: false };
  return enterRecovery(cfg, st, e, delivered);
}

/** An ACK that advances SND.UNA by e.bytesAcked. */
export function onAck(cfg: CcConfig, s: CcState, e: AckEvent): CcResult {
  const alg = algorithm(cfg);
  const acked = e.bytesAcked;
  if (!(acked > 0)) return { state: s, retransmit: false };
  let delivered = acked;
  let sacked = s.board.sacked;
  if (cfg.counting === 'packets') {
    // Linux tcp_remove_reno_sacks(): one segment filled the hole, the rest were counted by dup ACKs.
    const pk = packetsOf(cfg, acked);
    const sk = sacked / cfg.smss;
    delivered = Math.max(pk - sk, 1) * cfg.smss;
    sacked = pk - 1 >= sk ? 0 : (sk - (pk - 1)) * cfg.smss;
  }
  const board = {
    sacked,
    lost: Math.max(0, s.board.lost - acked),
    retrans: Math.max(0, s.board.retrans - acked),
  };
  let st: CcState = { ...s, dupAcks: 0, rtoCut: false, board };
  const grow = (x: CcState, n: number): CcState => (e.cwndLimited === false ? x : alg.onAck(cfg, x, n, e.now, e.srtt));

  if (st.phase === 'fast-recovery') {
    if (cfg.recovery === 'reno') {
      st = alg.onRecoveryExit(cfg, { ...st, cwnd: st.ssthresh });
      return { state: { ...st, phase: openPhase(st) }, retransmit: false };
    }
    if (cfg.recovery === 'newreno') {
      if (seqGe(e.ack, st.recover)) {
        const cwnd = Math.min(st.ssthresh, Math.max(e.flightSize, cfg.smss) + cfg.smss);
        st = alg.onRecoveryExit(cfg, { ...st, cwnd });
        return { state: { ...st, phase: openPhase(st) }, retransmit: false };
      }
      const cwnd = Math.max(cfg.smss, st.cwnd - acked + (acked >= cfg.smss ? cfg.smss : 0));
      return { state: { ...st, cwnd }, retransmit: true };
    }
    // PRR, Linux style (recover is Linux's high_seq).
    if (seqGt(e.ack, st.recover)) {
      st = alg.onRecoveryExit(cfg, { ...st, cwnd: st.ssthresh, prr: null, board: { ...st.board, sacked: 0 } });
      st = grow(st, delivered);
      return { state: { ...st, phase: openPhase(st) }, retransmit: false };
    }
    if (e.ack === st.recover) {
      st = { ...st, board: { ...st.board, sacked: 0 } }; // tcp_reset_reno_sack(): hold recovery
      return { state: prrStep(cfg, st, { delivered, pipe: pipe(st, e.flightSize), unaAdvanced: true, newlyLost: false }), retransmit: false };
    }
    const head = Math.min(cfg.smss, e.flightSize);
    const newlyLost = head > 0 && st.board.lost === 0;
    st = { ...st, board: { ...st.board, lost: Math.max(st.board.lost, head) } };
    st = prrStep(cfg, st, { delivered, pipe: pipe(st, e.flightSize), unaAdvanced: true, newlyLost });
    return { state: st, retransmit: newlyLost };
  }

  st = { ...st, board: { ...st.board, sacked: 0 } };
  st = grow(st, delivered);
  if (st.phase === 'rto-recovery' && !seqGe(e.ack, st.recover)) return { state: st, retransmit: false };
  return { state: { ...st, phase: openPhase(st) }, retransmit: false };
}

/** The retransmission timer expired (the endpoint retransmits SND.UNA and backs off its RTO). */
export function onRto(cfg: CcConfig, s: CcState, e: RtoEvent): CcState {
  const alg = algorithm(cfg);
  let st = s;
  const cut = !s.rtoCut && !(cfg.ssthreshFrom === 'cwnd' && s.phase === 'fast-recovery');
  const ssthresh = cut ? alg.ssthreshOnLoss(cfg, s, e.flightSize) : s.ssthresh;
  st = alg.onCongestion(cfg, st, true);
  if (!cut && st.cubic && s.cubic) st = { ...st, cubic: { ...st.cubic, wMax: s.cubic.wMax, cwndPrior: s.cubic.cwndPrior } };
  return {
    ...st,
    cwnd: cfg.smss,
    ssthresh,
    phase: 'rto-recovery',
    dupAcks: 0,
    recover: e.sndNxt,
    caAcked: 0,
    rtoCut: true,
    board: { sacked: 0, lost: Math.max(0, e.flightSize), retrans: 0 },
    prr: null,
  };
}

/** The sender is about to send new data with nothing outstanding, `idle` ms after it last sent. */
export interface IdleEvent {
  now: number;
  /** Time since the last segment was sent (ms). */
  idle: number;
  /** The current RTO (ms). */
  rto: number;
}

/**
 * Restart after idle. rfc: RFC 5681 §4.1: after more than one RTO without sending, cwnd = min(RW,
 * cwnd) with RW = the initial window; ssthresh unchanged. linux (tcp_slow_start_after_idle = 1):
 * tcp_cwnd_restart(): ssthresh = tcp_current_ssthresh() (max(ssthresh, 3/4 cwnd) outside recovery),
 * then cwnd is halved once per RTO of idleness, but not below min(IW, cwnd). CUBIC's epoch is shifted
 * by the idle time (cubictcp_cwnd_event CA_EVENT_TX_START), so the curve does not jump. Call it only
 * when FlightSize is 0.
 */
export function onIdle(cfg: CcConfig, s: CcState, e: IdleEvent): CcState {
  let st = s;
  if (st.cubic && st.cubic.tEpoch !== null && e.idle > 0) {
    st = { ...st, cubic: { ...st.cubic, tEpoch: Math.min(e.now, st.cubic.tEpoch + e.idle) } };
  }
  if (!(e.idle > e.rto) || !(e.rto > 0)) return st;
  const restart = Math.min(cfg.initialWindow, st.cwnd);
  if (cfg.counting === 'bytes') return { ...st, cwnd: restart, phase: openPhase({ ...st, cwnd: restart }) };
  const inReduction = st.phase === 'fast-recovery';
  let w = st.cwnd / cfg.smss;
  // tcp_current_ssthresh(): max(ssthresh, (cwnd >> 1) + (cwnd >> 2)) (an infinite ssthresh stays so)
  const ssthresh = inReduction ? st.ssthresh : Math.max(st.ssthresh, (Math.floor(w / 2) + Math.floor(w / 4)) * cfg.smss);
  const floor = restart / cfg.smss;
  for (let delta = e.idle - e.rto; delta > 0 && w > floor; delta -= e.rto) w = Math.floor(w / 2);
  const cwnd = Math.max(w, floor) * cfg.smss;
  const next = { ...st, cwnd, ssthresh };
  return { ...next, phase: inReduction ? next.phase : openPhase(next) };
}
