/**
 * Hand-written traces that follow src/tcp/types.ts exactly, for testing the renderer on its own
 * (independent of the model). Built with small helpers so the snapshots stay consistent.
 */
import type { Flag, HostInfo, HostSnapshot, SegmentEvent, TcpState, Trace, TraceEvent } from '../../src/tcp/types.js';

type Hosts = Record<string, HostInfo>;

export const DEFAULT_HOSTS: Hosts = {
  client: { ip: '192.168.10.1', port: 6784, isn: 100, role: 'client' },
  server: { ip: '110.242.68.3', port: 80, isn: 300, role: 'server' },
};

export class TraceBuilder {
  events: TraceEvent[] = [];
  private nextId = 0;
  constructor(
    readonly scenario: string,
    readonly hosts: Hosts = DEFAULT_HOSTS,
    readonly delay = 50,
  ) {}
  seg(
    t: number,
    from: string,
    to: string,
    flags: Flag[],
    seq: number,
    ack: number | null,
    o: { len?: number; dropped?: boolean; retx?: boolean; reason?: string; arrives?: number } = {},
  ): SegmentEvent {
    const e: SegmentEvent = {
      type: 'segment',
      t,
      id: this.nextId++,
      from,
      to,
      flags,
      seq,
      ack,
      len: o.len ?? 0,
      fate: o.dropped ? 'dropped' : 'delivered',
      arrives: o.arrives ?? t + this.delay,
      retransmission: !!o.retx,
      explain: `${from} sends ${flags.join(',')}`,
      ...(o.dropped ? { dropReason: o.reason ?? 'drop next ' + from } : {}),
    };
    this.events.push(e);
    return e;
  }
  state(t: number, host: string, from: TcpState, to: TcpState, cause = 'test'): this {
    this.events.push({ type: 'state', t, host, from, to, cause, explain: `${host} moves from ${from} to ${to}` });
    return this;
  }
  timer(t: number, host: string, timer: 'retransmit' | 'time-wait' | 'delayed-ack' | 'syn-ack' | 'user-timeout', action: 'set' | 'fired' | 'cancelled', expires?: number): this {
    this.events.push({ type: 'timer', t, host, timer, action, ...(expires !== undefined ? { expires } : {}), explain: `${host} ${timer} ${action}` });
    return this;
  }
  app(t: number, host: string, call: 'listen' | 'connect' | 'send' | 'receive' | 'close' | 'abort' | 'accept', extra: { bytes?: number; error?: string } = {}): this {
    this.events.push({ type: 'app', t, host, call, ...extra, explain: `${host} calls ${call}` });
    return this;
  }
  flood(t: number, to: string, count: number, queued: number, cookies: number, dropped: number): this {
    this.events.push({ type: 'flood', t, to, count, queued, cookies, dropped, until: t + count, explain: `${count} spoofed SYNs hit ${to}` });
    return this;
  }
  queue(t: number, host: string, synQueue: number, synQueueMax: number, acceptQueue = 0, acceptQueueMax = 5): this {
    this.events.push({ type: 'queue', t, host, synQueue, synQueueMax, acceptQueue, acceptQueueMax, explain: `${host} queues` });
    return this;
  }
  build(end?: number): Trace {
    // Snapshots: replay state changes (the renderer only reads state from them).
    const cur: Record<string, TcpState> = {};
    for (const h of Object.keys(this.hosts)) {
      const first = this.events.find((e) => e.type === 'state' && e.host === h);
      cur[h] = first && first.type === 'state' ? first.from : 'CLOSED';
    }
    const snapshots: Record<string, HostSnapshot>[] = this.events.map((e) => {
      if (e.type === 'state') cur[e.host] = e.to;
      const snap: Record<string, HostSnapshot> = {};
      for (const h of Object.keys(this.hosts)) snap[h] = { state: cur[h], sndUna: null, sndNxt: null, rcvNxt: null, timers: [] };
      return snap;
    });
    const last = this.events.reduce((m, e) => Math.max(m, e.t, e.type === 'segment' ? e.arrives : 0), 0);
    return { scenario: this.scenario, profile: 'rfc', hosts: this.hosts, events: this.events, snapshots, end: end ?? last };
  }
}

export function handshake(): Trace {
  const b = new TraceBuilder('handshake');
  b.app(0, 'server', 'listen').state(0, 'server', 'CLOSED', 'LISTEN', 'listen');
  b.app(0, 'client', 'connect').state(0, 'client', 'CLOSED', 'SYN-SENT', 'connect');
  b.seg(0, 'client', 'server', ['SYN'], 100, null);
  b.state(50, 'server', 'LISTEN', 'SYN-RECEIVED', 'rcv SYN');
  b.seg(50, 'server', 'client', ['SYN', 'ACK'], 300, 101);
  b.state(100, 'client', 'SYN-SENT', 'ESTABLISHED', 'rcv SYN,ACK');
  b.seg(100, 'client', 'server', ['ACK'], 101, 301);
  b.state(150, 'server', 'SYN-RECEIVED', 'ESTABLISHED', 'rcv ACK');
  return b.build();
}

export function synRetransmit(): Trace {
  const b = new TraceBuilder('syn-retransmit');
  b.app(0, 'server', 'listen').state(0, 'server', 'CLOSED', 'LISTEN');
  b.app(0, 'client', 'connect').state(0, 'client', 'CLOSED', 'SYN-SENT');
  b.seg(0, 'client', 'server', ['SYN'], 100, null, { dropped: true, reason: 'drop next client' });
  b.timer(0, 'client', 'retransmit', 'set', 1000);
  b.timer(1000, 'client', 'retransmit', 'fired');
  b.seg(1000, 'client', 'server', ['SYN'], 100, null, { retx: true });
  b.state(1050, 'server', 'LISTEN', 'SYN-RECEIVED');
  b.seg(1050, 'server', 'client', ['SYN', 'ACK'], 300, 101);
  b.state(1100, 'client', 'SYN-SENT', 'ESTABLISHED');
  b.seg(1100, 'client', 'server', ['ACK'], 101, 301);
  b.state(1150, 'server', 'SYN-RECEIVED', 'ESTABLISHED');
  return b.build();
}

export function simultaneousClose(): Trace {
  const b = new TraceBuilder('simultaneous-close');
  b.app(0, 'client', 'close').state(0, 'client', 'ESTABLISHED', 'FIN-WAIT-1', 'close');
  b.app(0, 'server', 'close').state(0, 'server', 'ESTABLISHED', 'FIN-WAIT-1', 'close');
  b.seg(0, 'client', 'server', ['FIN', 'ACK'], 101, 301);
  b.seg(0, 'server', 'client', ['FIN', 'ACK'], 301, 101);
  b.state(50, 'client', 'FIN-WAIT-1', 'CLOSING', 'rcv FIN');
  b.seg(50, 'client', 'server', ['ACK'], 102, 302);
  b.state(50, 'server', 'FIN-WAIT-1', 'CLOSING', 'rcv FIN');
  b.seg(50, 'server', 'client', ['ACK'], 302, 102);
  b.state(100, 'client', 'CLOSING', 'TIME-WAIT', 'rcv ACK of FIN');
  b.timer(100, 'client', 'time-wait', 'set', 240100);
  b.state(100, 'server', 'CLOSING', 'TIME-WAIT', 'rcv ACK of FIN');
  b.timer(100, 'server', 'time-wait', 'set', 240100);
  b.timer(240100, 'client', 'time-wait', 'fired');
  b.state(240100, 'client', 'TIME-WAIT', 'CLOSED', 'timeout 2MSL');
  b.timer(240100, 'server', 'time-wait', 'fired');
  b.state(240100, 'server', 'TIME-WAIT', 'CLOSED', 'timeout 2MSL');
  return b.build();
}

export function dataAndClose(): Trace {
  const b = new TraceBuilder('data-transfer');
  b.app(0, 'client', 'send', { bytes: 5 });
  b.seg(0, 'client', 'server', ['PSH', 'ACK'], 101, 301, { len: 5 });
  b.seg(50, 'server', 'client', ['ACK'], 301, 106);
  b.app(100, 'client', 'close').state(100, 'client', 'ESTABLISHED', 'FIN-WAIT-1');
  b.seg(100, 'client', 'server', ['FIN', 'ACK'], 106, 301);
  b.state(150, 'server', 'ESTABLISHED', 'CLOSE-WAIT');
  b.seg(150, 'server', 'client', ['ACK'], 301, 107);
  b.state(200, 'client', 'FIN-WAIT-1', 'FIN-WAIT-2');
  b.app(200, 'server', 'close').state(200, 'server', 'CLOSE-WAIT', 'LAST-ACK');
  b.seg(200, 'server', 'client', ['FIN', 'ACK'], 301, 107);
  b.state(250, 'client', 'FIN-WAIT-2', 'TIME-WAIT');
  b.seg(250, 'client', 'server', ['ACK'], 107, 302);
  b.state(300, 'server', 'LAST-ACK', 'CLOSED');
  b.state(60250, 'client', 'TIME-WAIT', 'CLOSED', 'timeout 2MSL');
  return b.build();
}

export function synFlood(): Trace {
  const hosts: Hosts = {
    ...DEFAULT_HOSTS,
    'spoofed-1': { ip: '10.0.0.1', port: 1001, isn: 5000, role: 'spoofed' },
    'spoofed-2': { ip: '10.0.0.2', port: 1002, isn: 6000, role: 'spoofed' },
  };
  const b = new TraceBuilder('syn-flood', hosts);
  b.app(0, 'server', 'listen').state(0, 'server', 'CLOSED', 'LISTEN');
  b.flood(0, 'server', 100, 5, 0, 95);
  b.seg(1, 'server', 'spoofed-1', ['SYN', 'ACK'], 300, 5001);
  b.seg(2, 'server', 'spoofed-2', ['SYN', 'ACK'], 300, 6001);
  b.queue(5, 'server', 5, 5, 0, 5);
  b.app(200, 'client', 'connect').state(200, 'client', 'CLOSED', 'SYN-SENT');
  b.seg(200, 'client', 'server', ['SYN'], 100, null, { dropped: true, reason: 'SYN queue full' });
  b.timer(1200, 'client', 'retransmit', 'fired');
  b.seg(1200, 'client', 'server', ['SYN'], 100, null, { dropped: true, retx: true, reason: 'SYN queue full' });
  b.app(3200, 'client', 'connect', { error: 'connection timed out' });
  return b.build(3200);
}

/** A random, well-formed trace (for property tests): two hosts, segments, states, timers. */
export const FIXTURES: Record<string, () => Trace> = {
  handshake,
  'syn-retransmit': synRetransmit,
  'simultaneous-close': simultaneousClose,
  'data-transfer': dataAndClose,
  'syn-flood': synFlood,
};
