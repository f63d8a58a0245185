/**
 * Sender silly-window-syndrome avoidance (RFC 9293 §3.8.6.2.1): whether the sender may put a
 * segment on the wire now, and which of the RFC's conditions lets it. Pure.
 *
 * With D the data queued and not yet sent, U the usable window (SND.UNA + SND.WND - SND.NXT) and
 * Eff.snd.MSS the MSS, the RFC sends when
 *   (1) a maximum-sized segment can be sent: min(D, U) >= Eff.snd.MSS;
 *   (2) or the data is pushed and all queued data can be sent now: D <= U (Nagle, applied
 *       after this rule, may still hold it while data is unacknowledged);
 *   (3) or at least a fraction Fs of the maximum window the peer has offered can be sent:
 *       min(D, U) >= Fs * Max(SND.WND), Fs = 1/2;
 *   (4) or the override timeout occurs (in the model: the persist timer's expiry).
 * The model pushes every write (PSH on its last segment, as Linux does), so (2) needs no push flag.
 */

/** Which condition lets the segment go: 1 `full`, 2 `all-queued`, 3 `half-window`, 4 `override`. */
export type SwsRule = 'full' | 'all-queued' | 'half-window' | 'override';

export interface SwsInput {
  /** D: bytes the application has queued that are not sent yet. */
  queued: number;
  /** U: the usable window, SND.UNA + SND.WND - SND.NXT (may be <= 0). */
  usable: number;
  /** Eff.snd.MSS. */
  mss: number;
  /** Max(SND.WND): the largest window the peer has offered. */
  maxSndWnd: number;
  /** The override timeout has occurred. */
  override: boolean;
}

export interface SwsDecision {
  /** The segment's length, min(D, U, MSS) (0: nothing to send or no window). */
  len: number;
  /** The condition that lets it go, or null: hold it. */
  rule: SwsRule | null;
}

export function senderSws(i: SwsInput): SwsDecision {
  const len = Math.max(0, Math.min(i.mss, i.queued, i.usable));
  if (len <= 0) return { len: 0, rule: null };
  if (len >= i.mss) return { len, rule: 'full' };
  if (i.queued <= i.usable) return { len, rule: 'all-queued' };
  if (len >= i.maxSndWnd / 2) return { len, rule: 'half-window' };
  if (i.override) return { len, rule: 'override' };
  return { len, rule: null };
}
