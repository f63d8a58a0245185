/** Learner-facing words of the congestion controller (the player's panel, the chart's legend). */
import { catalogue, type Translation } from '../../i18n/index.js';
import type { Phase } from './types.js';

const PHASE_LABEL_EN: Record<Phase, string> = {
  'slow-start': 'slow start',
  'congestion-avoidance': 'congestion avoidance',
  'fast-recovery': 'fast recovery',
  'rto-recovery': 'RTO recovery',
};

const PHASE_LABEL_ZH: Translation<typeof PHASE_LABEL_EN> = {
  'slow-start': '慢启动',
  'congestion-avoidance': '拥塞避免',
  'fast-recovery': '快速恢复',
  'rto-recovery': '超时重传后恢复',
};

const CC_LABEL_EN = {
  cwnd: 'cwnd',
  ssthresh: 'ssthresh',
  flight: 'FlightSize',
  rwnd: 'peer window',
  dupAcks: 'duplicate ACKs',
  infinite: '∞',
};

const CC_LABEL_ZH: Translation<typeof CC_LABEL_EN> = {
  cwnd: 'cwnd',
  ssthresh: 'ssthresh',
  flight: 'FlightSize',
  rwnd: '对端窗口',
  dupAcks: '重复 ACK',
  infinite: '∞',
};

export const PHASE_LABEL = catalogue('tcp.cc.PHASE_LABEL', { en: PHASE_LABEL_EN, 'zh-CN': PHASE_LABEL_ZH });
export const CC_LABEL = catalogue('tcp.cc.CC_LABEL', { en: CC_LABEL_EN, 'zh-CN': CC_LABEL_ZH });
