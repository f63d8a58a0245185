/** A segment on the simulated wire, as the endpoint and the network see it. */
import type { Flag } from './types.js';

export interface Seg {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  psh: boolean;
  seq: number;
  ackNo: number;
  len: number;
  wnd: number;
  /** The id of this segment's trace event (set by the network when it is traced). */
  id?: number;
}

export interface Flags {
  syn?: boolean;
  ack?: boolean;
  fin?: boolean;
  rst?: boolean;
  psh?: boolean;
}

/** Length in sequence space: data + SYN + FIN. */
export function segLen(s: Seg): number {
  return s.len + (s.syn ? 1 : 0) + (s.fin ? 1 : 0);
}

export function flagsOf(s: { syn: boolean; fin: boolean; rst: boolean; psh: boolean; ack: boolean }): Flag[] {
  const f: Flag[] = [];
  if (s.syn) f.push('SYN');
  if (s.fin) f.push('FIN');
  if (s.rst) f.push('RST');
  if (s.psh) f.push('PSH');
  if (s.ack) f.push('ACK');
  return f;
}
