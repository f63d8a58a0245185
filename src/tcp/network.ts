/**
 * The discrete-event network: hosts (with their listeners and endpoints), the event heap, the links
 * (one delay each way, drops, extra delays, random loss), floods of spoofed SYNs, and the trace.
 *
 * The network owns time: a binary heap of events ordered by (time, insertion number), and one loop,
 * `run(until)`, so a run is reproducible byte for byte. Endpoints (src/tcp/endpoint.ts) never call
 * it: they report effects, and the network carries them out (puts segments on the wire, schedules
 * timers, records trace events with a snapshot of every host at that moment).
 *
 * Pure: no I/O, no Date.now, no Math.random. Randomness comes from a seeded PRNG.
 */
import type {
  ArrivalEvent,
  FloodEvent,
  HostInfo,
  HostSnapshot,
  Profile,
  QueueEvent,
  RunOptions,
  SegmentEvent,
  StateEvent,
  TcpState,
  Trace,
  TraceEvent,
} from './types.js';
import type { Action, HostName, Script } from './script.js';
import { linuxSynGiveUp, PROFILES, type ProfileParams } from './profile.js';
import { makeRng, seqAdd, seqDiff, seqGt } from './seq.js';
import { checkCookie, makeCookie } from './cookies.js';
import { ERR, X } from './explain.js';
import { flagsOf, segLen, type Flags, type Seg } from './segment.js';
import { canReceive } from './states.js';
import { Endpoint, RCV_WND, type Effect, type EndpointConfig, type TimerKind } from './endpoint.js';
import type { CcName } from './cc/types.js';

/** Default addresses, as in the source notes. */
export const DEFAULT_HOSTS: Record<HostName, { ip: string; port: number }> = {
  client: { ip: '192.168.10.1', port: 6784 },
  client2: { ip: '192.168.10.2', port: 6785 },
  server: { ip: '110.242.68.3', port: 80 },
};

/**
 * The budget of every run (docs/scripts.md, "Limits"): whatever the script, a run does bounded work
 * and keeps a bounded trace. Past any of them the run stops and the trace says `truncated`.
 */
export const RUN_LIMITS = {
  /** Simulated time after the last action beyond which the run stops. */
  afterLastAction: 2 * 3600_000,
  /** Simulated time of a whole run (`at` and `wait` lines add up). */
  simulatedTime: 48 * 3600_000,
  /** Events taken from the heap (segment arrivals, timers, flood bursts). */
  steps: 1_000_000,
  /** Trace events (a safety net against ACK wars; no event is recorded past it, the run stops). */
  events: 100_000,
} as const;
const TIME_LIMIT = RUN_LIMITS.afterLastAction;
const MAX_STEPS = RUN_LIMITS.steps;
const MAX_EVENTS = RUN_LIMITS.events;
/** Spacing of spoofed SYNs when `flood N` gives no duration (100,000 SYN/s). */
const FLOOD_GAP = 0.01;

class Listener {
  synQueue = 0;
  acceptQueue = 0;
  /** `server accept off`: established connections stay in the accept queue. */
  acceptOff = false;
  constructor(
    readonly synMax: number,
    readonly acceptMax: number,
  ) {}
}

class Host {
  conns = new Map<string, Endpoint>();
  listener: Listener | null = null;
  /** The connection the diagram draws for this host. */
  primary: Endpoint | null = null;
  isnCount = 0;
  firstIsn: number | null = null;
  dropNext = 0;
  delayNext: number[] = [];
  constructor(
    readonly name: string,
    readonly ip: string,
    readonly port: number,
    readonly role: HostInfo['role'],
    readonly fixedIsn: number | undefined,
  ) {}

  /** The state shown for this host: its main connection's, else LISTEN/CLOSED. */
  shown(): TcpState {
    if (this.primary && this.primary.state !== 'CLOSED') return this.primary.state;
    if (this.primary) return 'CLOSED';
    return this.listener ? 'LISTEN' : 'CLOSED';
  }

  /** The main connection while it is open. */
  live(): Endpoint | null {
    return this.primary && this.primary.state !== 'CLOSED' ? this.primary : null;
  }
}

/** Equal plain data (numbers, strings, booleans, null, arrays, objects), the same keys in the same
 *  order: one may stand for the other in a trace (the same JSON). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i] || !sameData(x[kx[i]], y[ky[i]])) return false;
  return true;
}

type HeapItem =
  | { t: number; n: number; kind: 'arrive'; seg: Seg }
  | { t: number; n: number; kind: 'timer'; ep: Endpoint; timer: TimerKind; token: number }
  | { t: number; n: number; kind: 'flood'; flood: Flood }
  /** `option read-rate`: the host's application reads its next share. */
  | { t: number; n: number; kind: 'read'; host: Host };

class Heap {
  a: HeapItem[] = [];
  private less(x: HeapItem, y: HeapItem): boolean {
    return x.t < y.t || (x.t === y.t && x.n < y.n);
  }
  push(x: HeapItem): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  peek(): HeapItem | undefined {
    return this.a[0];
  }
  pop(): HeapItem | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as HeapItem;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

interface Flood {
  to: Host;
  count: number;
  next: number;
  start: number;
  gap: number;
}

interface FloodSummary {
  to: string;
  count: number;
  queued: number;
  cookies: number;
  dropped: number;
  start: number;
  until: number;
  /** Every host as the last burst left it, and the listener's queues then: the summary is emitted
   *  lazily (before the next other event), when the current step may already have changed things. */
  snap?: Record<string, HostSnapshot>;
  queue?: { synQueue: number; acceptQueue: number };
}

export interface NetworkOptions {
  profile: Profile;
  delay: number;
  delayedAck: boolean;
  backlog: number;
  syncookies: boolean;
  listen: boolean;
  loss: number;
  mss: number;
  mssClient?: number;
  mssServer?: number;
  syncookiesAlways?: boolean;
  nagle: boolean;
  rcvBuf?: Partial<Record<HostName, number>>;
  /** `option cc NAME` (undefined: the profile's default). */
  cc?: CcName;
  /** `option read-rate HOST BYTES/DURATION`: the application reads that much every interval. */
  readRate?: Partial<Record<HostName, { bytes: number; every: number }>>;
}

export class Network {
  now = 0;
  private n = 0;
  private heap = new Heap();
  events: TraceEvent[] = [];
  snapshots: Record<string, HostSnapshot>[] = [];
  hosts = new Map<string, Host>();
  private byIp = new Map<string, Host>();
  private segId = 0;
  private inFlight = 0;
  private dropIds: Set<number>;
  /** `drop next` without a host: the next segment anyone sends is lost (one per line). */
  private dropNextAny = 0;
  private lossRng: () => number;
  private isnRng: () => number;
  private floodSummary: FloodSummary | null = null;
  /** Arrival events that happened while a flood's summary was open (emitted after it). */
  private pendingArrivals: { ev: ArrivalEvent; snap: Record<string, HostSnapshot> }[] = [];
  private floodCounter = 0;
  private secret: number;
  private attackerAdded = false;
  private steps = 0;
  readonly prof: ProfileParams;
  private readonly epCfg: EndpointConfig;
  initial: Record<string, HostSnapshot> | undefined;
  /** Time up to which the current run loop may go (flood bursts must not overrun it). */
  private bound = Infinity;
  /** The trace reached its event budget: nothing more is recorded and the run stops. */
  capped = false;

  constructor(
    readonly opts: NetworkOptions,
    seed: number,
    isn: { client?: number; client2?: number; server?: number },
    dropIds: number[],
    retries: { syn?: number; data?: number; msl?: number; synAck?: number; synLinear?: number },
    withClient2 = false,
  ) {
    const base = PROFILES[opts.profile];
    const synRetries = retries.syn ?? base.synRetries;
    this.prof = {
      ...base,
      synRetries,
      dataRetries: retries.data ?? base.dataRetries,
      synAckRetries: retries.synAck ?? base.synAckRetries,
      synLinearTimeouts: retries.synLinear ?? base.synLinearTimeouts,
      // Linux gives up by time, from tcp_syn_retries; the rfc profile after 3 minutes, or after
      // exactly `option syn-retries N` retransmissions when the script sets it.
      synGiveUp:
        opts.profile === 'linux' ? linuxSynGiveUp(synRetries, base.rtoInitial) : retries.syn !== undefined ? null : base.synGiveUp,
      ...(retries.msl !== undefined && opts.profile === 'rfc' ? { msl: retries.msl, timeWait: 2 * retries.msl } : {}),
    };
    // Each side announces its MSS in its SYN; both send segments of at most the smaller one.
    const mss = Math.min(opts.mssClient ?? opts.mss, opts.mssServer ?? opts.mss);
    this.epCfg = { prof: this.prof, profile: opts.profile, mss, delayedAck: opts.delayedAck, nagle: opts.nagle, ...(opts.cc ? { cc: opts.cc } : {}) };
    this.dropIds = new Set(dropIds);
    const master = makeRng(seed);
    this.isnRng = makeRng(Math.floor(master() * 2 ** 32));
    this.lossRng = makeRng(Math.floor(master() * 2 ** 32));
    this.secret = Math.floor(master() * 2 ** 32);
    // client2 exists only in scripts that use it (so other traces keep exactly two hosts)
    const names: HostName[] = isn.client2 !== undefined || withClient2 ? ['client', 'client2', 'server'] : ['client', 'server'];
    for (const name of names) {
      const h = new Host(name, DEFAULT_HOSTS[name].ip, DEFAULT_HOSTS[name].port, name === 'server' ? 'server' : 'client', isn[name]);
      this.hosts.set(name, h);
      this.byIp.set(h.ip, h);
    }
  }

  host(name: string): Host {
    return this.hosts.get(name) as Host;
  }

  /** The host a host's calls address: the server for the clients, the client for the server. */
  private peerHost(name: string): Host {
    return this.host(name === 'server' ? 'client' : 'server');
  }

  private hostOf(ep: Endpoint): Host {
    return this.byIp.get(ep.local.ip) as Host;
  }

  private shown(ep: Endpoint): boolean {
    return this.hostOf(ep).primary === ep;
  }

  // ---------------------------------------------------------------- trace

  /**
   * Every host's state now. A host whose snapshot equals its previous one gets that same object
   * again, and a record equal to the previous one is that record: most events change one host, a
   * long run has one record per event, and the copies were most of a 100,000-event trace's memory
   * (and the garbage collector's time). Snapshots are read-only data: equal values, same JSON.
   */
  private snapshot(): Record<string, HostSnapshot> {
    const out: Record<string, HostSnapshot> = {};
    const prev = this.lastRecord;
    let reused = 0;
    let count = 0;
    for (const h of this.hosts.values()) {
      count++;
      const snap = this.hostSnapshot(h);
      const before = prev?.[h.name];
      if (before !== undefined && sameData(before, snap)) {
        out[h.name] = before;
        reused++;
      } else out[h.name] = snap;
    }
    if (prev && reused === count && count === this.lastCount) return prev;
    this.lastRecord = out;
    this.lastCount = count;
    return out;
  }

  private lastRecord: Record<string, HostSnapshot> | null = null;
  private lastCount = 0;

  private hostSnapshot(h: Host): HostSnapshot {
    if (h.role === 'spoofed') return { state: 'CLOSED', sndUna: null, sndNxt: null, rcvNxt: null, timers: [] };
    const c = h.live();
    const timers: HostSnapshot['timers'] = [];
    if (c) for (const [timer, s] of c.timers) timers.push({ timer, expires: s.expires });
    const snap: HostSnapshot = {
      state: h.shown(),
      sndUna: c ? c.sndUna : null,
      sndNxt: c ? c.sndNxt : null,
      rcvNxt: c && c.state !== 'SYN-SENT' ? c.rcvNxt : null,
      timers,
    };
    if (c) {
      snap.sndWnd = c.sndWnd;
      snap.rcvWnd = c.rcvWnd;
      snap.unacked = Math.max(0, seqDiff(c.sndNxt, c.sndUna));
      snap.received = c.received;
      const cc = c.ccSnapshot();
      if (cc) snap.cc = cc;
    }
    if (h.listener) {
      snap.synQueue = h.listener.synQueue;
      snap.synQueueMax = h.listener.synMax;
      snap.acceptQueue = h.listener.acceptQueue;
      snap.acceptQueueMax = h.listener.acceptMax;
    }
    return snap;
  }

  private emit(ev: TraceEvent, snap?: Record<string, HostSnapshot>): void {
    // An arrival note does not end a flood's summary (it never did when it edited the segment).
    if (this.floodSummary && ev.type !== 'flood' && ev.type !== 'arrival') this.flushFlood();
    if (this.events.length >= MAX_EVENTS) {
      this.capped = true;
      return;
    }
    this.events.push(ev);
    this.snapshots.push(snap ?? this.snapshot());
  }

  private flushFlood(): void {
    const s = this.floodSummary;
    if (!s) return;
    this.floodSummary = null;
    const ev: FloodEvent = {
      t: s.start,
      type: 'flood',
      from: 'attacker',
      to: s.to,
      count: s.count,
      queued: s.queued,
      cookies: s.cookies,
      dropped: s.dropped,
      until: s.until,
      explain: X.flood(s.count, s.queued, s.cookies, s.dropped),
    };
    this.emit(ev, s.snap);
    // Arrivals recorded while the summary was open follow it, in time order around its queue event.
    const pending = this.pendingArrivals;
    this.pendingArrivals = [];
    let k = 0;
    for (; k < pending.length && pending[k].ev.t <= s.until; k++) this.emit(pending[k].ev, pending[k].snap);
    this.emitQueue(this.host(s.to), s.until, s.queue, s.snap);
    for (; k < pending.length; k++) this.emit(pending[k].ev, pending[k].snap);
  }

  private emitQueue(h: Host, t = this.now, queue?: { synQueue: number; acceptQueue: number }, snap?: Record<string, HostSnapshot>, why?: string): void {
    const l = h.listener;
    if (!l) return;
    const synQueue = queue ? queue.synQueue : l.synQueue;
    const acceptQueue = queue ? queue.acceptQueue : l.acceptQueue;
    const ev: QueueEvent = {
      t,
      type: 'queue',
      host: h.name,
      synQueue,
      synQueueMax: l.synMax,
      acceptQueue,
      acceptQueueMax: l.acceptMax,
      explain: why ? `${why} ${X.queue(h.name, synQueue, l.synMax, acceptQueue, l.acceptMax)}` : X.queue(h.name, synQueue, l.synMax, acceptQueue, l.acceptMax),
    };
    this.emit(ev, snap);
  }

  private app(h: Host, call: 'listen' | 'connect' | 'send' | 'receive' | 'close' | 'abort' | 'accept', explain: string, extra: { bytes?: number; error?: string } = {}): void {
    if (h.role === 'spoofed') return;
    this.emit({ t: this.now, type: 'app', host: h.name, call, explain, ...extra });
  }

  private stateEvent(host: Host, from: TcpState, to: TcpState, cause: string, explain: string): void {
    const ev: StateEvent = { t: this.now, type: 'state', host: host.name, from, to, cause, explain };
    this.emit(ev);
  }

  // ---------------------------------------------------------------- endpoint effects

  /** Carries out one effect of an endpoint, as it happens (see src/tcp/endpoint.ts). */
  private readonly effect = (ep: Endpoint, e: Effect): void => {
    const h = this.hostOf(ep);
    const shown = h.primary === ep;
    switch (e.type) {
      case 'send':
        this.transmit(h, e.to, e.flags, e.seq, e.ack, e.len, e.explain, e.retransmission, e.label, e.wnd);
        return;
      case 'state':
        if (shown) this.stateEvent(h, e.from, e.to, e.cause, e.explain);
        if (e.to === 'CLOSED') this.destroy(ep, h, shown);
        return;
      case 'timer':
        if (e.action === 'set') {
          this.push({ t: e.expires, n: 0, kind: 'timer', ep, timer: e.timer, token: e.token });
          if (shown) this.emit({ t: this.now, type: 'timer', host: h.name, timer: e.timer, action: 'set', expires: e.expires, explain: e.explain });
        } else if (shown && !e.quiet) {
          this.emit({ t: this.now, type: 'timer', host: h.name, timer: e.timer, action: e.action, explain: e.explain });
        }
        return;
      case 'app': {
        if (e.onlyIfShown && !shown) return;
        const extra: { bytes?: number; error?: string } = {};
        if (e.bytes !== undefined) extra.bytes = e.bytes;
        if (e.error !== undefined) extra.error = e.error;
        this.app(h, e.call, e.explain, extra);
        return;
      }
      case 'to-listen':
        // Destroy first (its queue event still shows the host in SYN-RECEIVED), then the state change.
        this.destroy(ep, h, shown);
        if (shown) {
          h.primary = null;
          this.stateEvent(h, e.from, h.listener ? 'LISTEN' : 'CLOSED', e.cause, e.explain);
        }
        return;
      case 'left-syn-queue':
        if (ep.inSynQueue && h.listener) {
          ep.inSynQueue = false;
          h.listener.synQueue--;
        }
        return;
      case 'accepted': {
        const l = h.listener;
        if (l && l.acceptOff) {
          // Nobody calls accept(): the connection waits in the accept queue.
          l.acceptQueue++;
          this.emitQueue(h, this.now, undefined, undefined, X.queuedForAccept(h.name));
        } else if (l && shown) {
          l.acceptQueue++;
          this.emitQueue(h);
          l.acceptQueue--;
          this.app(h, 'accept', X.accepted(h.name));
        }
        return;
      }
      case 'note':
        if (shown) this.arrival(h, e.seg, e.text);
        return;
    }
  };

  /** Removes a connection (its state is CLOSED, or it returns to LISTEN). */
  private destroy(ep: Endpoint, h: Host, shown: boolean): void {
    if (h.conns.get(ep.key) === ep) h.conns.delete(ep.key);
    const l = h.listener;
    if (ep.inSynQueue && l) {
      ep.inSynQueue = false;
      l.synQueue--;
      if (shown) this.emitQueue(h);
    }
  }

  private push(item: HeapItem): void {
    item.n = this.n++;
    this.heap.push(item);
  }

  // ---------------------------------------------------------------- links

  private nextIsn(h: Host): number {
    let isn: number;
    if (h.fixedIsn !== undefined) isn = seqAdd(h.fixedIsn, 100 * h.isnCount);
    else isn = Math.floor(this.isnRng() * 2 ** 32) >>> 0;
    h.isnCount++;
    return isn;
  }

  private chooseIsn(ep: Endpoint, explicit?: number): number {
    if (ep.spoofedPeer) return Math.imul(this.n + 7, 2246822519) >>> 0;
    const h = this.hostOf(ep);
    const isn = explicit ?? this.nextIsn(h);
    if (h.primary === ep && h.firstIsn === null) h.firstIsn = isn;
    return isn;
  }

  /**
   * Puts a segment on the wire. Visible segments (between the named hosts) get an id and a trace
   * event; segments to spoofed addresses vanish (they are summarised by the flood events).
   */
  private transmit(
    from: Host,
    to: { ip: string; port: number },
    f: Flags,
    seq: number,
    ackNo: number,
    len: number,
    explain: string,
    retransmission = false,
    label?: string,
    wnd: number = RCV_WND,
  ): void {
    const dst = this.byIp.get(to.ip);
    if (!dst || dst.role === 'spoofed' || from.role === 'spoofed') return;
    const seg: Seg = {
      srcIp: from.ip,
      srcPort: from.port,
      dstIp: to.ip,
      dstPort: to.port,
      syn: !!f.syn,
      ack: !!f.ack,
      fin: !!f.fin,
      rst: !!f.rst,
      psh: !!f.psh,
      seq: seq >>> 0,
      ackNo: f.ack ? ackNo >>> 0 : 0,
      len,
      wnd,
    };
    const id = this.segId++;
    let delay = this.opts.delay;
    let dropReason: string | undefined;
    if (this.dropIds.has(id)) dropReason = X.dropId(id);
    else if (from.dropNext > 0) {
      from.dropNext--;
      dropReason = X.dropNext(from.name);
    } else if (this.dropNextAny > 0) {
      this.dropNextAny--;
      dropReason = X.dropNextAny();
    } else if (this.opts.loss > 0 && this.lossRng() < this.opts.loss) dropReason = X.randomLoss();
    const extra = from.delayNext.shift();
    if (extra !== undefined) delay += extra;
    const arrives = this.now + delay;
    const ev: SegmentEvent = {
      t: this.now,
      type: 'segment',
      id,
      from: from.name,
      to: dst.name,
      flags: flagsOf(seg),
      seq: seg.seq,
      ack: f.ack ? seg.ackNo : null,
      len,
      window: seg.wnd,
      fate: dropReason ? 'dropped' : 'delivered',
      arrives,
      retransmission,
      explain,
    };
    if (dropReason) ev.dropReason = dropReason;
    if (label) ev.label = label;
    seg.id = id;
    this.emit(ev);
    if (!dropReason) {
      this.inFlight++;
      this.push({ t: arrives, n: 0, kind: 'arrive', seg });
    }
  }

  // ---------------------------------------------------------------- segment arrival

  private arrive(seg: Seg): void {
    this.inFlight--;
    const h = this.byIp.get(seg.dstIp);
    if (!h || h.port !== seg.dstPort) return;
    const c = h.conns.get(`${seg.srcIp}:${seg.srcPort}`);
    const l = h.listener;
    if (c && l && l.acceptOff && c.passive && c.state === 'SYN-RECEIVED' && l.acceptQueue >= l.acceptMax && seg.ack && !seg.rst && !seg.syn && seg.ackNo === c.sndNxt) {
      // Linux tcp_check_req with the accept queue full and tcp_abort_on_overflow=0: the ACK that
      // completes the handshake is dropped; the entry stays half-open and resends its SYN,ACK.
      this.arrival(h, seg, X.acceptFullAck(h.name, l.acceptQueue, l.acceptMax), X.acceptFullReason());
      return;
    }
    if (c && c.state === 'TIME-WAIT' && l && this.opts.profile === 'linux' && seg.syn && !seg.ack && !seg.rst && seqGt(seg.seq, c.rcvNxt)) {
      // Linux tcp_timewait_state_process -> TCP_TW_SYN (RFC 1122 §4.2.2.13, RFC 9293 §3.6.1): a
      // SYN above the old rcv_nxt cannot be an old duplicate; the TIME-WAIT socket is killed and the
      // listener takes the SYN, with ISN = the old snd_nxt + 65537 (tw_isn). (Linux also accepts a
      // SYN with a newer timestamp; the model sends no timestamps.)
      const isn = seqAdd(c.sndNxt, 65537) || 1;
      const oldNxt = c.sndNxt;
      c.forget(X.causeTwSyn, X.timeWaitNewSyn(h.name, seg.seq, c.rcvNxt), this.now);
      this.listenerSegment(h, seg, false, { isn, oldNxt });
      return;
    }
    if (c) {
      c.onSegment(seg, this.now);
      return;
    }
    if (h.listener) {
      this.listenerSegment(h, seg);
      return;
    }
    this.closedSegment(h, seg);
  }

  /** RFC 9293 §3.10.7.1: segment arrives for a CLOSED port. */
  private closedSegment(h: Host, seg: Seg): void {
    const peer = { ip: seg.srcIp, port: seg.srcPort };
    if (seg.rst) return;
    if (seg.ack) {
      this.transmit(h, peer, { rst: true }, seg.ackNo, 0, 0, X.rstForAck(h.name, seg.ackNo));
    } else {
      const ack = seqAdd(seg.seq, segLen(seg));
      this.transmit(h, peer, { rst: true, ack: true }, 0, ack, 0, X.rstRefuse(h.name, seg.seq, ack));
    }
  }

  /** The endpoint configuration of a host's connections (its own receive buffer, if set). */
  private cfgFor(h: Host): EndpointConfig {
    const buf = this.opts.rcvBuf?.[h.name as HostName];
    if (buf === undefined) return this.epCfg;
    let c = this.hostCfg.get(h.name);
    if (!c) {
      c = { ...this.epCfg, rcvBuf: buf };
      this.hostCfg.set(h.name, c);
    }
    return c;
  }
  private hostCfg = new Map<string, EndpointConfig>();

  private newConn(h: Host, peerIp: string, peerPort: number, state: TcpState): Endpoint {
    const peerHost = this.byIp.get(peerIp);
    const spoofedPeer = !(peerHost && peerHost.role !== 'spoofed');
    const c = new Endpoint(h.name, { ip: h.ip, port: h.port }, { ip: peerIp, port: peerPort }, spoofedPeer, this.cfgFor(h), this.effect, state);
    h.conns.set(c.key, c);
    return c;
  }

  /** RFC 9293 §3.10.7.2: segment arrives for a LISTEN socket (plus SYN queue / cookies). */
  private listenerSegment(h: Host, seg: Seg, spoofed = false, fromTw?: { isn: number; oldNxt: number }): 'queued' | 'cookie' | 'dropped' | 'other' {
    const l = h.listener as Listener;
    const peer = { ip: seg.srcIp, port: seg.srcPort };
    // RFC 9293 §3.10.7.2, in this order: a RST is ignored; anything carrying an ACK (a SYN,ACK too:
    // a listener never sent a SYN) gets <SEQ=SEG.ACK><CTL=RST> and the socket stays in LISTEN; only a
    // SYN without ACK starts a half-open connection.
    if (seg.rst) return 'other';
    if (seg.ack) {
      if (this.opts.syncookies && !seg.syn) {
        const mss = checkCookie(seqAdd(seg.ackNo, -1), {
          secret: this.secret,
          srcIp: seg.srcIp,
          srcPort: seg.srcPort,
          dstIp: h.ip,
          dstPort: h.port,
          clientIsn: seqAdd(seg.seq, -1),
          now: this.now,
        });
        if (mss !== null && l.acceptOff && l.acceptQueue >= l.acceptMax) {
          // Linux tcp_v4_syn_recv_sock: a valid cookie, but the accept queue is full (exit_overflow):
          // with tcp_abort_on_overflow=0 the ACK is dropped, and no state remains to resend anything.
          this.arrival(h, seg, X.acceptFullCookieAck(h.name, l.acceptQueue, l.acceptMax), X.acceptFullReason());
          return 'dropped';
        }
        if (mss !== null) {
          const c = this.newConn(h, seg.srcIp, seg.srcPort, 'SYN-RECEIVED');
          // The connection sends segments of the MSS the cookie encodes (Linux's table).
          c.fromCookie(seg, mss);
          this.becomePrimaryFromListen(c, X.causeCookie, X.cookieRebuilt(h.name, c.iss, mss));
          if (h.primary === c && h.firstIsn === null) h.firstIsn = c.iss;
          c.onSegment(seg, this.now);
          return 'other';
        }
      }
      const why = seg.syn ? X.rstForSynAckListen(h.name, seg.ackNo) : X.rstForAckListen(h.name, seg.ackNo);
      this.transmit(h, peer, { rst: true }, seg.ackNo, 0, 0, why);
      return 'other';
    }
    if (!seg.syn) return 'other';
    // A SYN. Linux drops it while the accept queue is full (tcp_conn_request, sk_acceptq_is_full).
    if (l.acceptQueue >= l.acceptMax && !spoofed) {
      this.arrival(h, seg, X.acceptFullSyn(h.name, l.acceptQueue, l.acceptMax), X.acceptFullReason());
      return 'dropped';
    }
    const always = this.opts.syncookies && this.opts.syncookiesAlways;
    if (l.synQueue >= l.synMax || always) {
      if (this.opts.syncookies) {
        if (spoofed) return 'cookie';
        const cookie = makeCookie({
          secret: this.secret,
          srcIp: seg.srcIp,
          srcPort: seg.srcPort,
          dstIp: h.ip,
          dstPort: h.port,
          clientIsn: seg.seq,
          mss: this.opts.mssClient ?? this.opts.mss,
          now: this.now,
        });
        const ack = seqAdd(seg.seq, 1);
        const why = l.synQueue >= l.synMax ? X.synAckCookie(h.name, cookie, ack, l.synMax) : X.synAckCookieAlways(h.name, cookie, ack);
        this.transmit(h, peer, { syn: true, ack: true }, cookie, ack, 0, why);
        return 'cookie';
      }
      if (!spoofed) this.arrival(h, seg, X.queueFullDrop(h.name, l.synQueue, l.synMax), X.queueFullReason());
      return 'dropped';
    }
    const c = this.newConn(h, seg.srcIp, seg.srcPort, 'SYN-RECEIVED');
    c.inSynQueue = true;
    l.synQueue++;
    c.takeSyn(seg);
    if (!spoofed) this.becomePrimaryFromListen(c, X.causeRcvSyn, X.listenToSynRcvd(h.name));
    c.chooseIss(this.chooseIsn(c, fromTw?.isn));
    if (h.primary === c) this.emitQueue(h);
    c.answerSyn(fromTw ? X.twSynAck(h.name, c.iss, c.rcvNxt, seg.seq, fromTw.oldNxt) : X.synAck(h.name, c.iss, c.rcvNxt, seg.seq), this.now);
    return 'queued';
  }

  /**
   * Something the receiver did with a traced segment on arrival: an `arrival` event appended now (the
   * segment's own event is never edited; consumers fold the two, src/tcp/fold.ts). With `dropReason`
   * the receiver discarded it.
   */
  private arrival(h: Host, seg: Seg, explain: string, dropReason?: string): void {
    if (seg.id === undefined) return;
    const ev: ArrivalEvent = { t: this.now, type: 'arrival', host: h.name, segment: seg.id, explain };
    if (dropReason !== undefined) ev.dropReason = dropReason;
    // During a flood its summary event (timed at the flood's start) is still to come: this one waits
    // for it, so the trace stays in time order (and the summary is not split, as before).
    if (this.floodSummary) this.pendingArrivals.push({ ev, snap: this.snapshot() });
    else this.emit(ev);
  }

  private becomePrimaryFromListen(c: Endpoint, cause: string, explain: string): void {
    const h = this.hostOf(c);
    if (c.spoofedPeer) return;
    if (h.primary && h.primary.state !== 'CLOSED' && h.conns.get(h.primary.key) === h.primary) {
      // Another live connection is shown; keep showing it.
      return;
    }
    if (h.shown() === 'CLOSED' && h.listener) {
      // The old (closed) main connection is no longer shown, so the snapshot says LISTEN too.
      h.primary = null;
      this.stateEvent(h, 'CLOSED', 'LISTEN', X.causeListener, X.stillListening(h.name));
    }
    h.primary = c;
    this.stateEvent(h, 'LISTEN', c.state, cause, explain);
  }

  // ---------------------------------------------------------------- floods

  private runFlood(f: Flood): void {
    const l = f.to.listener;
    let s = this.floodSummary;
    if (!s) {
      s = { to: f.to.name, count: 0, queued: 0, cookies: 0, dropped: 0, start: f.start + f.next * f.gap + this.opts.delay, until: 0 };
      this.floodSummary = s;
    }
    while (f.next < f.count) {
      const t = f.start + f.next * f.gap + this.opts.delay;
      if (t > this.now) {
        // Yield to any other event due first, and to the caller's time bound (an `at` line).
        const next = this.peekLive();
        if ((next && t >= next.t) || t > this.bound) break;
      }
      this.now = Math.max(this.now, t);
      const i = this.floodCounter++;
      const ip = `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
      const port = 1024 + (i % 64000);
      const seq = Math.imul(i + 1, 2654435761) >>> 0;
      const seg: Seg = {
        srcIp: ip,
        srcPort: port,
        dstIp: f.to.ip,
        dstPort: f.to.port,
        syn: true,
        ack: false,
        fin: false,
        rst: false,
        psh: false,
        seq,
        ackNo: 0,
        len: 0,
        wnd: RCV_WND,
      };
      s.count++;
      s.until = t;
      f.next++;
      this.inFlight--;
      if (!l) {
        s.dropped++;
        continue;
      }
      const r = this.listenerSegment(f.to, seg, true);
      if (r === 'queued') s.queued++;
      else if (r === 'cookie') s.cookies++;
      else s.dropped++;
    }
    s.snap = this.snapshot();
    s.queue = l ? { synQueue: l.synQueue, acceptQueue: l.acceptQueue } : undefined;
    if (f.next < f.count) {
      const t = f.start + f.next * f.gap + this.opts.delay;
      this.push({ t, n: 0, kind: 'flood', flood: f });
    } else {
      this.flushFlood();
    }
  }

  /** The pseudo-host spoofed SYNs are drawn from (role 'spoofed'); added before the first event
   *  when the script floods, so every snapshot has the same hosts. */
  addAttacker(): void {
    if (this.attackerAdded) return;
    this.attackerAdded = true;
    this.hosts.set('attacker', new Host('attacker', '10.0.0.0/8', 0, 'spoofed', undefined));
  }

  private startFlood(count: number, over: number | undefined): void {
    const to = this.host('server');
    this.addAttacker();
    const gap = over !== undefined && count > 1 ? over / count : FLOOD_GAP;
    const f: Flood = { to, count, next: 0, start: this.now, gap };
    this.inFlight += count;
    this.push({ t: this.now + this.opts.delay, n: 0, kind: 'flood', flood: f });
  }

  // ---------------------------------------------------------------- the loop

  /** Drops cancelled timers from the top of the heap so they neither fire nor advance time. */
  private peekLive(): HeapItem | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.kind !== 'timer') return top;
      const slot = top.ep.timers.get(top.timer);
      if (slot && slot.token === top.token) return top;
      this.heap.pop();
    }
  }

  private step(): void {
    this.peekLive();
    const item = this.heap.pop();
    if (!item) return;
    this.steps++;
    if (item.t > this.now) this.now = item.t;
    if (item.kind === 'arrive') {
      this.arrive(item.seg);
      const h = this.byIp.get(item.seg.dstIp);
      if (h) this.scheduleRead(h);
    } else if (item.kind === 'timer') item.ep.onTimer(item.timer, item.token, this.now);
    else if (item.kind === 'read') this.rateRead(item.host);
    else this.runFlood(item.flood);
  }

  /** Hosts with a read of `option read-rate` scheduled. */
  private readPending = new Set<Host>();

  /** `option read-rate HOST B/T`: while data waits in the host's buffer, its application reads up to B
   *  bytes every T ms (the reads stop when the buffer is empty, so a run still ends). */
  private scheduleRead(h: Host): void {
    const rate = this.opts.readRate?.[h.name as HostName];
    const c = h.live();
    if (!rate || !c || c.received <= 0 || this.readPending.has(h)) return;
    this.readPending.add(h);
    this.push({ t: this.now + rate.every, n: 0, kind: 'read', host: h });
  }

  private rateRead(h: Host): void {
    this.readPending.delete(h);
    const rate = this.opts.readRate?.[h.name as HostName];
    const c = h.live();
    if (!rate || !c || c.received <= 0) return;
    c.onCall({ kind: 'read', bytes: rate.bytes }, this.now);
    this.scheduleRead(h);
  }

  private budgetOk(limitT: number): boolean {
    this.bound = limitT;
    const next = this.peekLive();
    return !!next && next.t <= limitT && this.steps < MAX_STEPS && this.events.length < MAX_EVENTS;
  }

  /**
   * The one loop: processes events up to time `until` ('quiet': until no segment is in flight, at
   * most TIME_LIMIT ahead; 'end': until nothing is left, at most TIME_LIMIT ahead), within the run's
   * budget of steps and trace events.
   */
  run(until: number | 'quiet' | 'end'): void {
    if (this.capped) return;
    if (typeof until === 'number') {
      until = Math.min(until, RUN_LIMITS.simulatedTime);
      while (this.budgetOk(until)) this.step();
      if (until > this.now) this.now = until;
      return;
    }
    const limit = Math.min(this.now + TIME_LIMIT, RUN_LIMITS.simulatedTime + TIME_LIMIT);
    if (until === 'quiet') while (this.inFlight > 0 && this.budgetOk(limit)) this.step();
    else {
      while (this.budgetOk(limit)) this.step();
      this.flushFlood();
    }
  }

  /**
   * `HOST recv N`, a blocking read: the run goes on until the host's connection has N unread bytes
   * (or no more can come: its peer's FIN arrived, the connection is gone, nothing is left to happen,
   * or the time limit after a line passed), then the application reads them at that instant.
   */
  private recv(h: Host, want: number): void {
    const start = this.now;
    const limit = Math.min(this.now + TIME_LIMIT, RUN_LIMITS.simulatedTime + TIME_LIMIT);
    const ready = (): boolean => {
      const c = h.live();
      if (!c) return h.primary !== null; // no connection yet: wait for one; one that ended: return
      return c.received >= want || (!canReceive(c.state) && c.state !== 'SYN-RECEIVED' && c.state !== 'SYN-SENT');
    };
    while (!ready() && this.budgetOk(limit)) this.step();
    const c = h.live();
    if (!c) this.app(h, 'receive', X.appRecv(h.name, 0, want, this.now - start, 0), { bytes: 0 });
    else c.onCall({ kind: 'recv', want, waited: this.now - start }, this.now);
  }

  // ---------------------------------------------------------------- setup and user calls

  listen(h: Host): void {
    if (h.listener) return;
    const extra = this.prof.queueExtra;
    const before = h.live() ? null : h.shown();
    // The call first, then the socket listens: the call's snapshot still shows the state before it.
    this.app(h, 'listen', X.appListen(h.name, h.port, this.opts.backlog));
    h.listener = new Listener(this.opts.backlog + extra, this.opts.backlog + extra);
    if (before === 'CLOSED') {
      h.primary = null;
      this.stateEvent(h, 'CLOSED', 'LISTEN', X.causeListen, X.toListen(h.name));
    }
  }

  startEstablished(isnC: number, isnS: number): void {
    const mk = (h: Host, peer: Host, nxt: number, rcv: number) => {
      const c = this.newConn(h, peer.ip, peer.port, 'ESTABLISHED');
      h.primary = c;
      c.established(nxt, rcv);
      h.firstIsn = c.iss;
      h.isnCount = 1;
    };
    const client = this.host('client');
    const server = this.host('server');
    mk(client, server, isnC, isnS);
    mk(server, client, isnS, isnC);
  }

  takeInitial(): void {
    this.initial = this.snapshot();
  }

  exec(a: Action): void {
    switch (a.kind) {
      case 'wait':
        this.run(this.now + a.ms);
        return;
      case 'flood':
        this.startFlood(a.count, a.over);
        return;
      case 'drop-next':
        if (a.host === undefined) this.dropNextAny++;
        else this.host(a.host).dropNext++;
        return;
      case 'recv':
        this.recv(this.host(a.host), a.bytes);
        return;
      case 'drop-segment':
        this.dropIds.add(a.id);
        return;
      case 'delay-next':
        this.host(a.host).delayNext.push(a.ms);
        return;
      default:
        this.userCall(this.host(a.host), a);
    }
  }

  /** An application call: host-level ones here, those on a connection go to its endpoint. */
  private userCall(h: Host, a: Action): void {
    const who = h.name;
    const c = h.live();
    switch (a.kind) {
      case 'listen':
        this.listen(h);
        return;
      case 'connect': {
        if (c) {
          this.app(h, 'connect', X.alreadyConnected(who), { error: ERR.exists });
          return;
        }
        const peer = this.peerHost(who);
        const nc = this.newConn(h, peer.ip, peer.port, 'CLOSED');
        const prev = h.shown();
        // The call first: its snapshot still shows the host as it was (LISTEN or CLOSED).
        this.app(h, 'connect', X.appConnect(who, peer.name));
        h.primary = nc;
        nc.open(this.chooseIsn(nc, a.isn), prev === 'LISTEN' ? 'LISTEN' : 'CLOSED', this.now);
        return;
      }
      case 'send':
        if (!c) this.app(h, 'send', X.cannotSend(who, h.shown()), { bytes: a.bytes, error: ERR.noConnection });
        else c.onCall(a.label ? { kind: 'send', bytes: a.bytes, label: a.label } : { kind: 'send', bytes: a.bytes }, this.now);
        return;
      case 'shutdown':
        if (c) c.onCall({ kind: 'shutdown' }, this.now);
        else this.app(h, 'close', X.closeNothing(who), { error: ERR.noConnection });
        return;
      case 'inject': {
        // A crafted segment from this host's address with no TCB behind it (packetdrill style);
        // seq is relative to this host's ISN and ack to the peer's unless `abs`.
        const peer = this.peerHost(who);
        const seq = a.abs ? a.seq : seqAdd(a.seq, h.firstIsn ?? h.fixedIsn ?? 0);
        const ack = a.abs ? a.ack : seqAdd(a.ack, peer.firstIsn ?? peer.fixedIsn ?? 0);
        this.transmit(h, { ip: peer.ip, port: peer.port }, a.flags, seq, ack, a.len, X.inject(who), false, undefined, a.win ?? RCV_WND);
        return;
      }
      case 'receive':
        if (!c) this.app(h, 'receive', X.appReceive(who, 0), { bytes: 0 });
        else c.onCall({ kind: 'receive' }, this.now);
        return;
      case 'read':
        if (!c) this.app(h, 'receive', X.appReceive(who, 0), { bytes: 0 });
        else c.onCall(a.bytes === undefined ? { kind: 'read' } : { kind: 'read', bytes: a.bytes }, this.now);
        return;
      case 'close':
        if (c) c.onCall({ kind: 'close' }, this.now);
        else if (h.listener) {
          this.app(h, 'close', X.closeListener(who));
          h.listener = null;
          if (!h.primary) this.stateEvent(h, 'LISTEN', 'CLOSED', X.causeClose, X.listenerClosed(who));
        } else this.app(h, 'close', X.closeNothing(who), { error: ERR.noConnection });
        return;
      case 'abort':
        if (c) c.onCall({ kind: 'abort' }, this.now);
        else this.app(h, 'abort', X.closeNothing(who), { error: ERR.noConnection });
        return;
      case 'reboot': {
        this.app(h, 'abort', X.reboot(who));
        for (const conn of [...h.conns.values()]) conn.forget(X.causeReboot, X.rebootState(who), this.now);
        if (h.listener) {
          // The service comes back up and listens again, with empty queues: draw it so.
          h.listener.synQueue = 0;
          h.listener.acceptQueue = 0;
          if (h.primary) {
            h.primary = null;
            this.stateEvent(h, 'CLOSED', 'LISTEN', X.causeReboot, X.rebootListen(who));
          }
        }
        return;
      }
      case 'accept': {
        const l = h.listener;
        if (!l) {
          this.app(h, 'accept', X.closeNothing(who), { error: ERR.noConnection });
          return;
        }
        if (!a.on) {
          l.acceptOff = true;
          this.app(h, 'accept', X.acceptOff(who));
          return;
        }
        const n = l.acceptOff ? l.acceptQueue : 0;
        l.acceptOff = false;
        this.app(h, 'accept', X.acceptOn(who, n));
        if (n > 0) {
          l.acceptQueue = 0;
          this.emitQueue(h);
        }
        return;
      }
      case 'old-syn': {
        const peer = this.peerHost(who);
        this.transmit(h, { ip: peer.ip, port: peer.port }, { syn: true }, a.seq, 0, 0, X.oldSyn(who, a.seq));
        return;
      }
      default:
        return;
    }
  }

  private hostInfo(): Record<string, HostInfo> {
    const out: Record<string, HostInfo> = {};
    for (const h of this.hosts.values()) out[h.name] = { ip: h.ip, port: h.port, isn: h.firstIsn, role: h.role };
    return out;
  }

  trace(name: string): Trace {
    const t: Trace = {
      scenario: name,
      profile: this.opts.profile,
      hosts: this.hostInfo(),
      events: this.events,
      snapshots: this.snapshots,
      end: this.now,
    };
    if (this.initial) t.initial = this.initial;
    if (this.capped || this.events.length >= MAX_EVENTS || this.steps >= MAX_STEPS || this.peekLive()) t.truncated = true;
    return t;
  }
}

// ==================================================================== entry point

export function run(script: Script, options: RunOptions = {}): Trace {
  return prepareRun(script, options).finish();
}

/**
 * A run in two steps: the network, built from the script's options (nothing has happened yet), and
 * `finish()`, which runs the script and returns the trace. Lets a test watch the trace as it is
 * appended (test/tcp/append-only.test.ts).
 */
export function prepareRun(script: Script, options: RunOptions = {}): { net: Network; finish(): Trace } {
  const o = script.options;
  const profile: Profile = options.profile ?? o.profile ?? 'rfc';
  const netOpts: NetworkOptions = {
    profile,
    delay: o.delay,
    delayedAck: o.delayedAck ?? PROFILES[profile].delayedAck,
    backlog: o.backlog,
    syncookies: o.syncookies,
    listen: o.listen,
    loss: o.loss,
    mss: o.mss,
    mssClient: o.mssClient,
    mssServer: o.mssServer,
    syncookiesAlways: o.syncookiesAlways,
    nagle: o.nagle,
    ...(o.rcvBuf ? { rcvBuf: o.rcvBuf } : {}),
    ...(o.cc ? { cc: o.cc } : {}),
    ...(o.readRate ? { readRate: o.readRate } : {}),
  };
  const seed = options.seed ?? o.seed ?? 1;
  const isnClient = options.isnClient ?? o.isnClient;
  const isnServer = options.isnServer ?? o.isnServer;
  const withClient2 = o.isnClient2 !== undefined || script.steps.some((st) => st.actions.some((a) => 'host' in a && a.host === 'client2'));
  const isn = { client: isnClient, server: isnServer, ...(o.isnClient2 !== undefined ? { client2: o.isnClient2 } : {}) };
  const net = new Network(
    netOpts,
    seed,
    isn,
    options.dropSegmentIds ?? [],
    { syn: o.synRetries, data: o.retries, msl: o.msl, synAck: o.synAckRetries, synLinear: o.synLinearTimeouts },
    withClient2,
  );
  return { net, finish: () => drive(net, script, options, seed, isnClient, isnServer) };
}

function drive(net: Network, script: Script, options: RunOptions, seed: number, isnClient: number | undefined, isnServer: number | undefined): Trace {
  const o = script.options;
  if (o.start === 'established') {
    const rng = makeRng(seed ^ 0x5eed);
    const ic = isnClient ?? Math.floor(rng() * 2 ** 32) >>> 0;
    const is = isnServer ?? Math.floor(rng() * 2 ** 32) >>> 0;
    net.startEstablished(ic, is);
  }
  if (script.steps.some((st) => st.actions.some((a) => a.kind === 'flood'))) net.addAttacker();
  net.takeInitial();
  if (o.listen) net.listen(net.host('server'));
  // A line without `at` runs when the network is quiet, except a line that starts with `recv` or
  // follows a line with one: a program blocked in recv goes on the moment it returns (docs/scripts.md).
  let afterRecv = false;
  for (const step of script.steps) {
    if (net.capped || net.now >= RUN_LIMITS.simulatedTime) break;
    if (step.at !== undefined) net.run(step.at);
    else if (!afterRecv && step.actions[0].kind !== 'recv') net.run('quiet');
    for (const a of step.actions) net.exec(a);
    afterRecv = step.actions.some((a) => a.kind === 'recv');
  }
  net.run('end');
  return net.trace(options.name ?? 'script');
}
