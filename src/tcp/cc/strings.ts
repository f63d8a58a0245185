/** Learner-facing words of the congestion controller (the player's panel, the chart's legend). */
import type { Phase } from './types.js';

export const PHASE_LABEL: Record<Phase, string> = {
  'slow-start': 'slow start',
  'congestion-avoidance': 'congestion avoidance',
  'fast-recovery': 'fast recovery',
  'rto-recovery': 'RTO recovery',
};

export const CC_LABEL = {
  cwnd: 'cwnd',
  ssthresh: 'ssthresh',
  flight: 'FlightSize',
  rwnd: 'peer window',
  dupAcks: 'duplicate ACKs',
  infinite: '∞',
};
