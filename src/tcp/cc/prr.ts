/**
 * Proportional Rate Reduction, the recovery of the linux profile: RFC 6937 §3 (now RFC 9937), in its
 * PRR-SSRB form and with the choices Linux's tcp_cwnd_reduction() makes (net/ipv4/tcp_input.c):
 *
 *   prr_delivered += DeliveredData
 *   if pipe > ssthresh:                      (proportional rate reduction)
 *     sndcnt = CEIL(prr_delivered * ssthresh / RecoverFS) - prr_out
 *   else:                                    (slow start reduction bound)
 *     sndcnt = MIN(ssthresh - pipe, MAX(prr_delivered - prr_out, DeliveredData) + MSS)
 *   sndcnt = MAX(sndcnt, 1 MSS if prr_out = 0)   (the fast retransmit always goes out)
 *   cwnd = pipe + sndcnt
 *
 * Linux's choices, followed here: RecoverFS is prior_cwnd (cwnd when recovery began; RFC 6937 uses
 * FlightSize); the "+ MSS" of the slow start reduction bound is added only when the ACK advanced
 * SND.UNA and marked no new loss (RFC 9937 keeps it for such ACKs too); everything counts whole
 * segments. Without SACK, DeliveredData and pipe come from Linux's reno scoreboard (see controller.ts):
 * a duplicate ACK delivers one segment; a cumulative ACK of n segments delivers max(n - sacked, 1).
 */
import type { CcConfig, CcState } from './types.js';

export interface PrrInput {
  /** DeliveredData of this ACK, bytes (whole segments). */
  delivered: number;
  /** pipe after the ACK's scoreboard update, bytes. */
  pipe: number;
  /** The ACK advanced SND.UNA. */
  unaAdvanced: boolean;
  /** The ACK marked a segment lost (entering recovery, or a partial ACK). */
  newlyLost: boolean;
}

/** One PRR step: the new prr_delivered and cwnd = pipe + sndcnt (never below 1 SMSS). */
export function prrStep(cfg: CcConfig, s: CcState, x: PrrInput): CcState {
  const prr = s.prr;
  if (!prr || x.delivered <= 0) return s;
  const u = cfg.smss;
  const ssthresh = s.ssthresh / u;
  const pipe = Math.ceil(x.pipe / u);
  const prrDelivered = (prr.prrDelivered + x.delivered) / u;
  const prrOut = prr.prrOut / u;
  const recoverFs = Math.max(1, prr.recoverFs / u);
  const delta = ssthresh - pipe;
  let sndcnt: number;
  if (delta < 0) {
    sndcnt = Math.ceil((ssthresh * prrDelivered) / recoverFs) - prrOut;
  } else {
    sndcnt = Math.max(prrDelivered - prrOut, x.delivered / u);
    if (x.unaAdvanced && !x.newlyLost) sndcnt++;
    sndcnt = Math.min(delta, sndcnt);
  }
  sndcnt = Math.max(sndcnt, prrOut > 0 ? 0 : 1);
  const cwnd = Math.max(1, pipe + sndcnt) * u;
  return { ...s, cwnd, prr: { ...prr, prrDelivered: prrDelivered * u } };
}
