/** The `synack trace --json` shape: { scenario, hosts, events } with the event shapes. */
import type { HostInfo, Trace, TraceEvent } from './types.js';
import { foldTrace } from './fold.js';

export interface TraceJson {
  scenario: string;
  profile: Trace['profile'];
  hosts: Record<string, { ip: string; port: number; isn: number | null }>;
  events: Record<string, unknown>[];
  end: number;
  truncated?: boolean;
}

function eventJson(e: TraceEvent): Record<string, unknown> {
  switch (e.type) {
    case 'segment': {
      const o: Record<string, unknown> = {
        t: e.t,
        type: 'segment',
        id: e.id,
        from: e.from,
        to: e.to,
        flags: [...e.flags],
        seq: e.seq,
        ack: e.ack,
        len: e.len,
        ...(e.window !== undefined ? { window: e.window } : {}),
        fate: e.fate,
        arrives: e.arrives,
        explain: e.explain,
      };
      if (e.retransmission) o.retransmission = true;
      if (e.dropReason !== undefined) o.dropReason = e.dropReason;
      if (e.label !== undefined) o.label = e.label;
      return o;
    }
    case 'state':
      return { t: e.t, type: 'state', host: e.host, from: e.from, to: e.to, cause: e.cause, explain: e.explain };
    default:
      return { ...e };
  }
}

/** The folded trace (src/tcp/fold.ts): a segment's event carries the fate it met on arrival. */
export function traceToJson(raw: Trace): TraceJson {
  const trace = foldTrace(raw);
  const hosts: TraceJson['hosts'] = {};
  for (const [name, h] of Object.entries(trace.hosts) as [string, HostInfo][]) hosts[name] = { ip: h.ip, port: h.port, isn: h.isn };
  const out: TraceJson = { scenario: trace.scenario, profile: trace.profile, hosts, events: trace.events.map(eventJson), end: trace.end };
  if (trace.truncated) out.truncated = true;
  return out;
}
