/**
 * The TCP endpoint (RFC 9293 §3.10 event processing) and the discrete-event network simulator.
 *
 * Structure (in the spirit of smoltcp's socket/tcp.rs): a connection is an explicit TCB with an
 * explicit state; `Conn.onSegment` follows §3.10.7 step by step (SYN-SENT handling, then for the
 * other states: sequence check, RST, SYN, ACK, data, FIN). ACKs answering invalid segments are
 * throttled (RFC 5961 §7) and a RST is never answered with a RST, so confused peers cannot ping-pong
 * forever. Snapshots change exactly at the event that changes them: a state event's snapshot shows
 * its `to` state, and every other event's snapshot the state of the last one. The simulator owns
 * time: a binary heap of events ordered by (time, insertion number), so a run is reproducible byte
 * for byte.
 *
 * Pure: no I/O, no Date.now, no Math.random. Randomness comes from a seeded PRNG.
 */
import type {
  AppEvent,
  Flag,
  FloodEvent,
  HostInfo,
  HostSnapshot,
  Profile,
  QueueEvent,
  RunOptions,
  SegmentEvent,
  StateEvent,
  TcpState,
  TimerEvent,
  Trace,
  TraceEvent,
} from './types.js';
import type { Action, HostName, Script } from './script.js';
import { PROFILES, synTimeout, type ProfileParams } from './profile.js';
import { makeRng, seqAdd, seqDiff, seqGt, seqInWindow, seqLe, seqLt } from './seq.js';
import { checkCookie, makeCookie } from './cookies.js';
import { ERR, X } from './explain.js';

type TimerKind = TimerEvent['timer'];

/** Default addresses, as in the source notes. */
export const DEFAULT_HOSTS: Record<HostName, { ip: string; port: number }> = {
  client: { ip: '192.168.10.1', port: 6784 },
  server: { ip: '110.242.68.3', port: 80 },
};

const RCV_WND = 65535;
/** Simulated time after the last action beyond which the run stops. */
const TIME_LIMIT = 2 * 3600_000;
const MAX_STEPS = 200_000;
/** A run stops once its trace has this many events (a safety net against ACK wars). */
const MAX_EVENTS = 20_000;
/** Spacing of spoofed SYNs when `flood N` gives no duration (100,000 SYN/s). */
const FLOOD_GAP = 0.01;

interface Seg {
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
  ev?: SegmentEvent;
}

/** Length in sequence space: data + SYN + FIN. */
function segLen(s: Seg): number {
  return s.len + (s.syn ? 1 : 0) + (s.fin ? 1 : 0);
}

function flagsOf(s: { syn: boolean; fin: boolean; rst: boolean; psh: boolean; ack: boolean }): Flag[] {
  const f: Flag[] = [];
  if (s.syn) f.push('SYN');
  if (s.fin) f.push('FIN');
  if (s.rst) f.push('RST');
  if (s.psh) f.push('PSH');
  if (s.ack) f.push('ACK');
  return f;
}

interface TimerSlot {
  expires: number;
  token: number;
}

class Listener {
  synQueue = 0;
  acceptQueue = 0;
  constructor(
    readonly synMax: number,
    readonly acceptMax: number,
  ) {}
}

class Host {
  conns = new Map<string, Conn>();
  listener: Listener | null = null;
  primary: Conn | null = null;
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
}

interface OooSeg {
  seq: number;
  len: number;
  fin: boolean;
}

class Conn {
  state: TcpState;
  iss = 0;
  irs = 0;
  sndUna = 0;
  sndNxt = 0;
  sndWnd = RCV_WND;
  rcvNxt = 0;
  rcvWnd = RCV_WND;
  /** Sequence number just after the last byte the application has written. */
  dataEnd = 0;
  finRequested = false;
  /** close() was called in SYN-RECEIVED with data queued: carried out on entering ESTABLISHED. */
  closeDeferred = false;
  finSeq = 0;
  finSent = false;
  rto: number;
  srtt: number | null = null;
  rttvar = 0;
  retries = 0;
  rttSample: { end: number; t: number } | null = null;
  ooo: OooSeg[] = [];
  received = 0;
  ackPending: 'none' | 'delay' | 'now' = 'none';
  unackedSegs = 0;
  quick = 0;
  timers = new Map<TimerKind, TimerSlot>();
  /** Created from a listener (passive open): an RST in SYN-RECEIVED returns it to LISTEN. */
  passive = false;
  /** Counted in the listener's SYN queue. */
  inSynQueue = false;
  synAckCount = 0;
  dupAcks = 0;
  /** When the last ACK answering an invalid segment was sent (RFC 5961 §7 throttling), or null. */
  lastInvalidAck: number | null = null;
  /** End of the last less-than-MSS segment sent (Minshall's Nagle). */
  lastSmallEnd = 0;
  nagleHeld = false;
  key: string;
  constructor(
    readonly host: Host,
    readonly peerIp: string,
    readonly peerPort: number,
    readonly peerName: string,
    readonly sim: Sim,
    state: TcpState,
  ) {
    this.state = state;
    this.key = `${peerIp}:${peerPort}`;
    this.rto = sim.prof.rtoInitial;
  }

  get visible(): boolean {
    return this.host.primary === this;
  }

  get mss(): number {
    return this.sim.opts.mss;
  }
}

interface HeapItem {
  t: number;
  n: number;
  kind: 'arrive' | 'timer' | 'flood';
  seg?: Seg;
  conn?: Conn;
  timer?: TimerKind;
  token?: number;
  flood?: Flood;
}

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
  get size(): number {
    return this.a.length;
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

export interface SimOptions {
  profile: Profile;
  delay: number;
  delayedAck: boolean;
  backlog: number;
  syncookies: boolean;
  listen: boolean;
  loss: number;
  mss: number;
  nagle: boolean;
}

export class Sim {
  now = 0;
  private n = 0;
  private heap = new Heap();
  events: TraceEvent[] = [];
  snapshots: Record<string, HostSnapshot>[] = [];
  hosts = new Map<string, Host>();
  private byIp = new Map<string, Host>();
  private segId = 0;
  inFlight = 0;
  private dropIds: Set<number>;
  private lossRng: () => number;
  private isnRng: () => number;
  private timerToken = 0;
  private floodSummary: FloodSummary | null = null;
  private floodCounter = 0;
  private secret: number;
  private attackerAdded = false;
  steps = 0;
  readonly prof: ProfileParams;
  initial: Record<string, HostSnapshot> | undefined;

  constructor(
    readonly opts: SimOptions,
    seed: number,
    isn: { client?: number; server?: number },
    dropIds: number[],
    retries: { syn?: number; data?: number; msl?: number },
  ) {
    const base = PROFILES[opts.profile];
    this.prof = {
      ...base,
      synRetries: retries.syn ?? base.synRetries,
      dataRetries: retries.data ?? base.dataRetries,
      ...(retries.msl !== undefined && opts.profile === 'rfc' ? { msl: retries.msl, timeWait: 2 * retries.msl } : {}),
    };
    this.dropIds = new Set(dropIds);
    const master = makeRng(seed);
    this.isnRng = makeRng(Math.floor(master() * 2 ** 32));
    this.lossRng = makeRng(Math.floor(master() * 2 ** 32));
    this.secret = Math.floor(master() * 2 ** 32);
    for (const name of ['client', 'server'] as const) {
      const h = new Host(name, DEFAULT_HOSTS[name].ip, DEFAULT_HOSTS[name].port, name, isn[name]);
      this.hosts.set(name, h);
      this.byIp.set(h.ip, h);
    }
  }

  host(name: string): Host {
    return this.hosts.get(name) as Host;
  }

  // ---------------------------------------------------------------- trace

  private snapshot(): Record<string, HostSnapshot> {
    const out: Record<string, HostSnapshot> = {};
    for (const h of this.hosts.values()) {
      if (h.role === 'spoofed') {
        out[h.name] = { state: 'CLOSED', sndUna: null, sndNxt: null, rcvNxt: null, timers: [] };
        continue;
      }
      const c = h.primary && h.primary.state !== 'CLOSED' ? h.primary : null;
      const snap: HostSnapshot = {
        state: h.shown(),
        sndUna: c ? c.sndUna : null,
        sndNxt: c ? c.sndNxt : null,
        rcvNxt: c && c.state !== 'SYN-SENT' ? c.rcvNxt : null,
        timers: c ? [...c.timers.entries()].map(([timer, s]) => ({ timer, expires: s.expires })) : [],
      };
      if (c) {
        snap.sndWnd = c.sndWnd;
        snap.rcvWnd = c.rcvWnd;
        snap.unacked = Math.max(0, seqDiff(c.sndNxt, c.sndUna));
        snap.received = c.received;
      }
      if (h.listener) {
        snap.synQueue = h.listener.synQueue;
        snap.synQueueMax = h.listener.synMax;
        snap.acceptQueue = h.listener.acceptQueue;
        snap.acceptQueueMax = h.listener.acceptMax;
      }
      out[h.name] = snap;
    }
    return out;
  }

  takeInitial(): void {
    this.initial = this.snapshot();
  }

  emit(ev: TraceEvent, snap?: Record<string, HostSnapshot>): void {
    if (this.floodSummary && ev.type !== 'flood') this.flushFlood();
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
    this.emitQueue(this.host(s.to), s.until, s.queue, s.snap);
  }

  emitQueue(h: Host, t = this.now, queue?: { synQueue: number; acceptQueue: number }, snap?: Record<string, HostSnapshot>): void {
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
      explain: X.queue(h.name, synQueue, l.synMax, acceptQueue, l.acceptMax),
    };
    this.emit(ev, snap);
  }

  app(h: Host, call: AppEvent['call'], explain: string, extra: { bytes?: number; error?: string } = {}): void {
    if (h.role === 'spoofed') return;
    const ev: AppEvent = { t: this.now, type: 'app', host: h.name, call, explain, ...extra };
    this.emit(ev);
  }

  setStateHost(host: Host, from: TcpState, to: TcpState, cause: string, explain: string): void {
    this.stateEvent(host, from, to, cause, explain);
  }

  private stateEvent(host: Host, from: TcpState, to: TcpState, cause: string, explain: string): void {
    const ev: StateEvent = { t: this.now, type: 'state', host: host.name, from, to, cause, explain };
    this.emit(ev);
  }

  /** Changes a connection's state; shown in the trace when it is the host's main connection. */
  setState(c: Conn, to: TcpState, cause: string, explain: string): void {
    const from = c.state;
    if (from === to) return;
    c.state = to;
    if (c.visible) this.stateEvent(c.host, from, to, cause, explain);
    if (to === 'CLOSED') this.destroy(c);
  }

  /** Removes a connection (its state is already CLOSED, or it returns to LISTEN). */
  private destroy(c: Conn): void {
    for (const k of [...c.timers.keys()]) this.cancelTimer(c, k, true);
    if (c.host.conns.get(c.key) === c) c.host.conns.delete(c.key);
    const l = c.host.listener;
    if (c.inSynQueue && l) {
      c.inSynQueue = false;
      l.synQueue--;
      if (c.visible) this.emitQueue(c.host);
    }
  }

  /** A passive child in SYN-RECEIVED goes away; the host is back to just listening. */
  backToListen(c: Conn, cause: string, explain: string): void {
    const wasVisible = c.visible;
    const from = c.state;
    // Destroy first (its queue event still shows the host in SYN-RECEIVED), then the state change.
    this.destroy(c);
    c.state = 'CLOSED';
    if (wasVisible) {
      c.host.primary = null;
      this.stateEvent(c.host, from, c.host.listener ? 'LISTEN' : 'CLOSED', cause, explain);
    }
  }

  // ---------------------------------------------------------------- timers

  setTimer(c: Conn, kind: TimerKind, delay: number, explain?: string): void {
    const expires = this.now + delay;
    const token = ++this.timerToken;
    c.timers.set(kind, { expires, token });
    this.push({ t: expires, n: 0, kind: 'timer', conn: c, timer: kind, token });
    if (c.visible) {
      this.emit({ t: this.now, type: 'timer', host: c.host.name, timer: kind, action: 'set', expires, explain: explain ?? X.timerSet(kind, delay) });
    }
  }

  cancelTimer(c: Conn, kind: TimerKind, quiet = false): void {
    if (!c.timers.has(kind)) return;
    c.timers.delete(kind);
    if (c.visible && !quiet) {
      this.emit({ t: this.now, type: 'timer', host: c.host.name, timer: kind, action: 'cancelled', explain: X.timerCancelled(kind) });
    }
  }

  private push(item: HeapItem): void {
    item.n = this.n++;
    this.heap.push(item);
  }

  // ---------------------------------------------------------------- network

  private nextIsn(h: Host): number {
    let isn: number;
    if (h.fixedIsn !== undefined) isn = seqAdd(h.fixedIsn, 100 * h.isnCount);
    else isn = Math.floor(this.isnRng() * 2 ** 32) >>> 0;
    h.isnCount++;
    return isn;
  }

  chooseIsn(c: Conn, explicit?: number): number {
    if (c.peerName === 'spoofed') return Math.imul(this.n + 7, 2246822519) >>> 0;
    const isn = explicit ?? this.nextIsn(c.host);
    if (c.visible && c.host.firstIsn === null) c.host.firstIsn = isn;
    return isn;
  }

  /**
   * Puts a segment on the wire. Visible segments (between the named hosts) get an id and a trace
   * event; segments to spoofed addresses vanish (they are summarised by the flood events).
   */
  transmit(
    from: Host,
    to: { ip: string; port: number },
    f: { syn?: boolean; ack?: boolean; fin?: boolean; rst?: boolean; psh?: boolean },
    seq: number,
    ackNo: number,
    len: number,
    explain: string,
    retransmission = false,
  ): void {
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
      wnd: RCV_WND,
    };
    const dst = this.byIp.get(to.ip);
    if (!dst || dst.role === 'spoofed' || from.role === 'spoofed') return;
    const id = this.segId++;
    let delay = this.opts.delay;
    let dropReason: string | undefined;
    if (this.dropIds.has(id)) dropReason = X.dropId(id);
    else if (from.dropNext > 0) {
      from.dropNext--;
      dropReason = X.dropNext(from.name);
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
    seg.ev = ev;
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
    if (!h || h.port !== seg.dstPort) {
      return;
    }
    const c = h.conns.get(`${seg.srcIp}:${seg.srcPort}`);
    if (c) {
      onSegment(c, seg);
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

  private newConn(h: Host, peerIp: string, peerPort: number, state: TcpState): Conn {
    const peerHost = this.byIp.get(peerIp);
    const peerName = peerHost && peerHost.role !== 'spoofed' ? peerHost.name : 'spoofed';
    const c = new Conn(h, peerIp, peerPort, peerName, this, state);
    h.conns.set(c.key, c);
    return c;
  }

  /** Makes c the host's main connection, showing the implicit LISTEN or CLOSED it started from. */
  private adopt(c: Conn): void {
    if (c.peerName === 'spoofed') return;
    c.host.primary = c;
  }

  /** RFC 9293 §3.10.7.2: segment arrives for a LISTEN socket (plus SYN queue / cookies). */
  listenerSegment(h: Host, seg: Seg, spoofed = false): 'queued' | 'cookie' | 'dropped' | 'other' {
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
        if (mss !== null) {
          const c = this.newConn(h, seg.srcIp, seg.srcPort, 'SYN-RECEIVED');
          c.passive = true;
          c.iss = seqAdd(seg.ackNo, -1);
          c.sndUna = c.iss;
          c.sndNxt = seg.ackNo;
          c.dataEnd = seg.ackNo;
          c.irs = seqAdd(seg.seq, -1);
          c.rcvNxt = seg.seq;
          this.becomePrimaryFromListen(c, X.causeCookie, X.cookieRebuilt(h.name, c.iss, mss));
          if (c.visible && h.firstIsn === null) h.firstIsn = c.iss;
          onSegment(c, seg);
          return 'other';
        }
      }
      const why = seg.syn ? X.rstForSynAckListen(h.name, seg.ackNo) : X.rstForAckListen(h.name, seg.ackNo);
      this.transmit(h, peer, { rst: true }, seg.ackNo, 0, 0, why);
      return 'other';
    }
    if (!seg.syn) return 'other';
    // A SYN.
    if (l.synQueue >= l.synMax) {
      if (this.opts.syncookies) {
        if (spoofed) return 'cookie';
        const cookie = makeCookie({
          secret: this.secret,
          srcIp: seg.srcIp,
          srcPort: seg.srcPort,
          dstIp: h.ip,
          dstPort: h.port,
          clientIsn: seg.seq,
          mss: this.opts.mss,
          now: this.now,
        });
        const ack = seqAdd(seg.seq, 1);
        this.transmit(h, peer, { syn: true, ack: true }, cookie, ack, 0, X.synAckCookie(h.name, cookie, ack, l.synMax));
        return 'cookie';
      }
      if (seg.ev && !spoofed) {
        seg.ev.fate = 'dropped';
        seg.ev.dropReason = X.queueFullReason();
        seg.ev.explain = `${seg.ev.explain} ${X.queueFullDrop(h.name, l.synQueue, l.synMax)}`;
      }
      return 'dropped';
    }
    const c = this.newConn(h, seg.srcIp, seg.srcPort, 'SYN-RECEIVED');
    c.passive = true;
    c.inSynQueue = true;
    l.synQueue++;
    c.irs = seg.seq;
    c.rcvNxt = seqAdd(seg.seq, 1);
    c.sndWnd = seg.wnd;
    if (!spoofed) this.becomePrimaryFromListen(c, X.causeRcvSyn, X.listenToSynRcvd(h.name));
    c.iss = this.chooseIsn(c);
    c.sndUna = c.iss;
    c.sndNxt = seqAdd(c.iss, 1);
    c.dataEnd = c.sndNxt;
    if (c.visible) this.emitQueue(h);
    sendSynAck(c, false, X.synAck(h.name, c.iss, c.rcvNxt, seg.seq));
    c.rttSample = { end: c.sndNxt, t: this.now }; // the SYN,ACK's round trip seeds SRTT (as Linux does)
    this.setTimer(c, 'syn-ack', this.prof.rtoInitial);
    return 'queued';
  }

  private becomePrimaryFromListen(c: Conn, cause: string, explain: string): void {
    const h = c.host;
    if (c.peerName === 'spoofed') return;
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

  // ---------------------------------------------------------------- timers firing

  private fire(item: HeapItem): void {
    const c = item.conn as Conn;
    const kind = item.timer as TimerKind;
    const slot = c.timers.get(kind);
    if (!slot || slot.token !== item.token) return;
    c.timers.delete(kind);
    if (c.visible) this.emit({ t: this.now, type: 'timer', host: c.host.name, timer: kind, action: 'fired', explain: X.timerFired(kind) });
    onTimer(c, kind);
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

  startFlood(count: number, over: number | undefined): void {
    const to = this.host('server');
    this.addAttacker();
    const gap = over !== undefined && count > 1 ? over / count : FLOOD_GAP;
    const f: Flood = { to, count, next: 0, start: this.now, gap };
    this.inFlight += count;
    this.push({ t: this.now + this.opts.delay, n: 0, kind: 'flood', flood: f });
  }

  // ---------------------------------------------------------------- main loop

  /** Drops cancelled timers from the top of the heap so they neither fire nor advance time. */
  private peekLive(): HeapItem | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.kind !== 'timer') return top;
      const slot = (top.conn as Conn).timers.get(top.timer as TimerKind);
      if (slot && slot.token === top.token) return top;
      this.heap.pop();
    }
  }

  private step(): boolean {
    this.peekLive();
    const item = this.heap.pop();
    if (!item) return false;
    this.steps++;
    if (item.t > this.now) this.now = item.t;
    if (item.kind === 'arrive') this.arrive(item.seg as Seg);
    else if (item.kind === 'timer') this.fire(item);
    else this.runFlood(item.flood as Flood);
    return true;
  }

  /** Time up to which the current run loop may go (flood bursts must not overrun it). */
  private bound = Infinity;

  private budgetOk(limitT: number): boolean {
    this.bound = limitT;
    const next = this.peekLive();
    return !!next && next.t <= limitT && this.steps < MAX_STEPS && this.events.length < MAX_EVENTS;
  }

  runUntil(t: number): void {
    while (this.budgetOk(t)) this.step();
    if (t > this.now) this.now = t;
  }

  runUntilQuiet(): void {
    const limit = this.now + TIME_LIMIT;
    while (this.inFlight > 0 && this.budgetOk(limit)) this.step();
  }

  runToEnd(): void {
    const limit = this.now + TIME_LIMIT;
    while (this.budgetOk(limit)) this.step();
    this.flushFlood();
  }

  // ---------------------------------------------------------------- setup and user calls

  listen(h: Host): void {
    if (h.listener) return;
    const extra = this.prof.queueExtra;
    const before = h.primary && h.primary.state !== 'CLOSED' ? null : h.shown();
    // The call first, then the socket listens: the call's snapshot still shows the state before it.
    this.app(h, 'listen', X.appListen(h.name, h.port, this.opts.backlog));
    h.listener = new Listener(this.opts.backlog + extra, this.opts.backlog + extra);
    if (before === 'CLOSED') {
      h.primary = null;
      this.stateEvent(h, 'CLOSED', 'LISTEN', X.causeListen, X.toListen(h.name));
    }
  }

  startEstablished(client: Host, server: Host, isnC: number, isnS: number): void {
    const mk = (h: Host, peer: Host, nxt: number, rcv: number) => {
      const c = this.newConn(h, peer.ip, peer.port, 'ESTABLISHED');
      h.primary = c;
      c.iss = seqAdd(nxt, -1);
      c.sndUna = nxt;
      c.sndNxt = nxt;
      c.dataEnd = nxt;
      c.irs = seqAdd(rcv, -1);
      c.rcvNxt = rcv;
      h.firstIsn = c.iss;
      h.isnCount = 1;
    };
    mk(client, server, isnC, isnS);
    mk(server, client, isnS, isnC);
  }

  exec(a: Action): void {
    switch (a.kind) {
      case 'wait':
        this.runUntil(this.now + a.ms);
        return;
      case 'flood':
        this.startFlood(a.count, a.over);
        return;
      case 'drop-next':
        this.host(a.host).dropNext++;
        return;
      case 'drop-segment':
        this.dropIds.add(a.id);
        return;
      case 'delay-next':
        this.host(a.host).delayNext.push(a.ms);
        return;
      default:
        userCall(this, this.host(a.host), a);
    }
  }

  hostInfo(): Record<string, HostInfo> {
    const out: Record<string, HostInfo> = {};
    for (const h of this.hosts.values()) out[h.name] = { ip: h.ip, port: h.port, isn: h.firstIsn, role: h.role };
    return out;
  }

  newActive(h: Host, peer: Host): Conn {
    const c = this.newConn(h, peer.ip, peer.port, 'CLOSED');
    return c;
  }

  adoptPublic(c: Conn): void {
    this.adopt(c);
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
    if (this.events.length >= MAX_EVENTS || this.steps >= MAX_STEPS || this.peekLive()) t.truncated = true;
    return t;
  }
}

// ==================================================================== connection logic

function peerOf(c: Conn): { ip: string; port: number } {
  return { ip: c.peerIp, port: c.peerPort };
}

function name(c: Conn): string {
  return c.host.name;
}

/** Every segment we send once synchronized carries ACK: that piggybacks any pending ACK. */
function ackSent(c: Conn): void {
  c.ackPending = 'none';
  c.unackedSegs = 0;
  if (c.timers.has('delayed-ack')) c.sim.cancelTimer(c, 'delayed-ack', true);
}

function sendSynAck(c: Conn, retransmission: boolean, explain: string): void {
  c.sim.transmit(c.host, peerOf(c), { syn: true, ack: true }, c.iss, c.rcvNxt, 0, explain, retransmission);
  ackSent(c);
}

function sendAck(c: Conn, explain: string): void {
  c.sim.transmit(c.host, peerOf(c), { ack: true }, c.sndNxt, c.rcvNxt, 0, explain);
  ackSent(c);
}

/**
 * An ACK in answer to an invalid segment (outside the window, an inexact RST, a SYN on a synchronized
 * connection, an ACK of unsent data). RFC 5961 §7 asks for ACK throttling so two confused endpoints
 * cannot ping-pong ACKs forever; like Linux (tcp_oow_rate_limited, tcp_invalid_ratelimit = 500 ms)
 * at most one such ACK per connection per interval, and only segments without data (or with SYN)
 * are throttled: data segments are not part of an ACK loop.
 */
function throttledAck(c: Conn, seg: Seg, explain: string): void {
  const now = c.sim.now;
  const interval = c.sim.prof.invalidAckInterval;
  if ((seg.syn || segLen(seg) === 0) && c.lastInvalidAck !== null && now - c.lastInvalidAck < interval) {
    if (seg.ev && c.visible) seg.ev.explain = `${seg.ev.explain} ${X.ackThrottled(name(c), interval)}`;
    return;
  }
  c.lastInvalidAck = now;
  sendAck(c, explain);
}

function startRetransmitTimer(c: Conn, restart = false): void {
  if (c.timers.has('retransmit') && !restart) return;
  c.sim.setTimer(c, 'retransmit', c.rto, X.rtoSet(name(c), c.rto));
}

/** Sends queued data and a requested FIN (RFC 9293 §3.10.2, §3.10.4). */
function output(c: Conn): void {
  if (!['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK'].includes(c.state)) return;
  let sent = false;
  for (;;) {
    const remaining = seqDiff(c.dataEnd, c.sndNxt);
    const wndLeft = seqDiff(seqAdd(c.sndUna, c.sndWnd), c.sndNxt);
    if (remaining > 0 && wndLeft > 0) {
      const len = Math.min(c.mss, remaining, wndLeft);
      // Nagle (RFC 896, RFC 9293 §3.7.4): hold a less-than-MSS segment while data is unacknowledged.
      // Linux uses Minshall's variant: hold it only while an earlier small segment is unacknowledged.
      // close() pushes everything out regardless (Linux tcp_send_fin uses TCP_NAGLE_OFF).
      if (len < c.mss && c.sim.opts.nagle && !c.finRequested) {
        const outstanding = c.sim.opts.profile === 'linux' ? seqGt(c.lastSmallEnd, c.sndUna) : seqGt(c.sndNxt, c.sndUna);
        if (outstanding) {
          c.nagleHeld = true;
          break;
        }
      }
      const wasHeld = c.nagleHeld;
      c.nagleHeld = false;
      const last = len === remaining;
      const fin = last && c.finRequested && !c.finSent;
      const seq = c.sndNxt;
      const why = fin ? X.dataFin(name(c), seq, len) : X.data(name(c), seq, len, c.rcvNxt);
      c.sim.transmit(c.host, peerOf(c), { psh: last, ack: true, fin }, seq, c.rcvNxt, len, wasHeld ? `${X.nagleRelease(name(c))} ${why}` : why);
      if (!c.rttSample && c.retries === 0) c.rttSample = { end: seqAdd(seq, len), t: c.sim.now };
      c.sndNxt = seqAdd(c.sndNxt, len + (fin ? 1 : 0));
      if (len < c.mss) c.lastSmallEnd = seqAdd(seq, len);
      if (fin) c.finSent = true;
      ackSent(c);
      sent = true;
      continue;
    }
    if (remaining <= 0 && c.finRequested && !c.finSent) {
      c.sim.transmit(c.host, peerOf(c), { fin: true, ack: true }, c.sndNxt, c.rcvNxt, 0, X.fin(name(c), c.sndNxt, c.rcvNxt, c.state));
      c.sndNxt = seqAdd(c.sndNxt, 1);
      c.finSent = true;
      ackSent(c);
      sent = true;
    }
    break;
  }
  if (sent) startRetransmitTimer(c);
}

function giveUp(c: Conn, error: string, explain: string): void {
  const h = c.host;
  if (c.visible) c.sim.app(h, c.state === 'SYN-SENT' || c.state === 'SYN-RECEIVED' ? 'connect' : 'send', explain, { error });
  if (c.passive && c.state === 'SYN-RECEIVED') {
    c.sim.backToListen(c, X.causeTimeout, explain);
    return;
  }
  c.sim.setState(c, 'CLOSED', X.causeTimeout, explain);
}

/** Retransmits the earliest unacknowledged segment (RFC 6298 §5.4). */
function retransmit(c: Conn, why?: string): void {
  const sim = c.sim;
  if (c.state === 'SYN-SENT') {
    sim.transmit(c.host, peerOf(c), { syn: true }, c.iss, 0, 0, X.synRetx(name(c), c.iss, c.retries - 1), true);
    return;
  }
  if (c.state === 'SYN-RECEIVED') {
    sendSynAck(c, true, X.synAckRetx(name(c), c.iss, c.rcvNxt));
    return;
  }
  // Only what was sent before (up to SND.NXT, the FIN excluded): data still queued behind Nagle or
  // the window is new data for output(), which advances SND.NXT. Re-sending it here would make the
  // peer acknowledge bytes this side believes it never sent (an ACK war).
  const sentEnd = c.finSent ? c.finSeq : c.sndNxt;
  const remaining = Math.max(0, seqDiff(sentEnd, c.sndUna));
  const len = Math.min(c.mss, remaining, Math.max(1, c.sndWnd));
  const fin = c.finSent && seqAdd(c.sndUna, len) === c.finSeq;
  if (len === 0 && !fin) return;
  sim.transmit(
    c.host,
    peerOf(c),
    { ack: true, psh: len > 0 && len === remaining, fin },
    c.sndUna,
    c.rcvNxt,
    len,
    why ?? (fin && len === 0 ? X.finRetx(name(c), c.sndUna) : X.dataRetx(name(c), c.sndUna, len)),
    true,
  );
  ackSent(c);
}

function onTimer(c: Conn, kind: TimerKind): void {
  const sim = c.sim;
  const p = sim.prof;
  switch (kind) {
    case 'retransmit': {
      if (c.sndUna === c.sndNxt && c.state !== 'SYN-SENT') return;
      const limit =
        c.state === 'SYN-SENT' ? p.synRetries + p.synLinearTimeouts : c.state === 'SYN-RECEIVED' ? p.synRetries : p.dataRetries;
      if (c.retries >= limit) {
        giveUp(c, ERR.timedOut, X.gaveUp(name(c), c.retries));
        return;
      }
      c.retries++;
      c.rttSample = null; // Karn: never time a retransmitted segment
      if (c.state === 'SYN-SENT') c.rto = synTimeout(p, c.retries);
      else c.rto = Math.min(p.rtoMax, c.rto * 2);
      retransmit(c);
      startRetransmitTimer(c, true);
      return;
    }
    case 'syn-ack': {
      if (c.state !== 'SYN-RECEIVED') return;
      if (c.synAckCount >= p.synAckRetries) {
        if (c.visible) sim.app(c.host, 'accept', X.halfOpenExpired(name(c)), { error: ERR.halfOpenExpired });
        sim.backToListen(c, X.causeTimeout, X.halfOpenExpired(name(c)));
        return;
      }
      c.synAckCount++;
      const t = Math.min(p.rtoMax, p.rtoInitial * 2 ** c.synAckCount);
      if (c.visible) sendSynAck(c, true, X.synAckRetx(name(c), c.iss, c.rcvNxt));
      sim.setTimer(c, 'syn-ack', t);
      return;
    }
    case 'delayed-ack':
      if (c.ackPending !== 'none' && c.state !== 'CLOSED') sendAck(c, X.delayedAckSent(name(c), c.rcvNxt));
      return;
    case 'time-wait':
      sim.setState(c, 'CLOSED', X.causeTimeWait, X.timeWaitDone(name(c), p.timeWait));
      return;
    case 'user-timeout':
      return;
  }
}

function updateRtt(c: Conn, ack: number): void {
  const s = c.rttSample;
  if (!s || seqLt(ack, s.end)) return;
  const r = c.sim.now - s.t;
  c.rttSample = null;
  const p = c.sim.prof;
  if (c.srtt === null) {
    c.srtt = r;
    c.rttvar = r / 2;
  } else {
    c.rttvar = 0.75 * c.rttvar + 0.25 * Math.abs(c.srtt - r);
    c.srtt = 0.875 * c.srtt + 0.125 * r;
  }
  // RFC 6298 §2.3: RTO = SRTT + max(G, 4*RTTVAR), at least 1 s (rfc). Linux floors the variance
  // term at 200 ms instead (tcp_rto_min), so a 100 ms path gets an RTO of 300 ms.
  const rto = p.rtoMin >= 1000 ? Math.max(p.rtoMin, c.srtt + Math.max(1, 4 * c.rttvar)) : c.srtt + Math.max(p.rtoMin, 4 * c.rttvar);
  c.rto = Math.min(p.rtoMax, rto);
}

/** §3.10.7.4 "fifth, check the ACK field" for synchronized states: advance SND.UNA. */
function processAck(c: Conn, seg: Seg): 'ok' | 'drop' {
  const sim = c.sim;
  if (seqLt(c.sndUna, seg.ackNo) && seqLe(seg.ackNo, c.sndNxt)) {
    updateRtt(c, seg.ackNo);
    c.sndUna = seg.ackNo;
    c.retries = 0;
    c.dupAcks = 0;
    c.sndWnd = seg.wnd;
    if (c.sndUna === c.sndNxt) sim.cancelTimer(c, 'retransmit');
    else startRetransmitTimer(c, true);
    return 'ok';
  }
  if (seqGt(seg.ackNo, c.sndNxt)) {
    throttledAck(c, seg, X.ackTooHigh(name(c), seg.ackNo));
    return 'drop';
  }
  c.sndWnd = seg.wnd;
  // A duplicate ACK (nothing new, no data, data outstanding). The third in a row triggers fast
  // retransmit of the earliest unacknowledged segment (RFC 5681 §3.2), without waiting for the RTO.
  if (seg.ackNo === c.sndUna && seg.len === 0 && !seg.fin && seqGt(c.sndNxt, c.sndUna)) {
    c.dupAcks++;
    if (c.dupAcks === 3 && ['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK'].includes(c.state)) {
      c.rttSample = null;
      retransmit(c, X.fastRetx(name(c), c.sndUna));
      startRetransmitTimer(c, true);
    }
  }
  return 'ok';
}

function finAcked(c: Conn): boolean {
  return c.finSent && c.sndUna === c.sndNxt;
}

function enterTimeWait(c: Conn, cause: string, explain: string): void {
  const sim = c.sim;
  sim.cancelTimer(c, 'retransmit', true);
  sim.setState(c, 'TIME-WAIT', cause, explain);
  sim.setTimer(c, 'time-wait', sim.prof.timeWait, X.timeWaitSet(name(c), sim.prof.timeWait, sim.opts.profile));
}

function scheduleAck(c: Conn, urgency: 'delay' | 'now'): void {
  if (urgency === 'now' || c.ackPending === 'now') c.ackPending = 'now';
  else c.ackPending = 'delay';
}

function establish(c: Conn, cause: string, explain: string): void {
  const sim = c.sim;
  sim.cancelTimer(c, 'syn-ack');
  sim.cancelTimer(c, 'retransmit');
  c.quick = sim.prof.quickAck;
  const l = c.host.listener;
  if (c.inSynQueue && l) {
    c.inSynQueue = false;
    l.synQueue--;
  }
  sim.setState(c, 'ESTABLISHED', cause, explain);
  if (c.passive && l) {
    if (c.visible) {
      l.acceptQueue++;
      sim.emitQueue(c.host);
      l.acceptQueue--;
      sim.app(c.host, 'accept', X.accepted(name(c)));
    }
  }
  if (c.closeDeferred) {
    c.closeDeferred = false;
    closeSending(c, 'FIN-WAIT-1', X.toFinWait1(name(c)));
  }
}

/** The application's close of the sending side: FIN after the queued data (RFC 9293 §3.10.4). */
function closeSending(c: Conn, to: 'FIN-WAIT-1' | 'LAST-ACK', explain: string): void {
  c.finRequested = true;
  c.finSeq = c.dataEnd;
  c.sim.setState(c, to, X.causeClose, explain);
  output(c);
}

/** RFC 9293 §3.10.7.3: SYN-SENT. */
function synSentSegment(c: Conn, seg: Seg): void {
  const sim = c.sim;
  let ackOk = false;
  if (seg.ack) {
    if (seqLe(seg.ackNo, c.iss) || seqGt(seg.ackNo, c.sndNxt)) {
      if (!seg.rst) sim.transmit(c.host, peerOf(c), { rst: true }, seg.ackNo, 0, 0, X.rstBadAck(name(c), seg.ackNo, c.iss));
      return;
    }
    ackOk = true;
  }
  if (seg.rst) {
    if (ackOk) {
      sim.app(c.host, 'connect', X.refused(name(c)), { error: ERR.refused });
      sim.setState(c, 'CLOSED', X.causeRst, X.refusedState(name(c)));
    }
    return;
  }
  if (!seg.syn) return;
  c.irs = seg.seq;
  c.rcvNxt = seqAdd(seg.seq, 1);
  c.sndWnd = seg.wnd;
  if (ackOk) {
    updateRtt(c, seg.ackNo);
    c.sndUna = seg.ackNo;
  }
  if (seqGt(c.sndUna, c.iss)) {
    c.retries = 0;
    c.rto = c.srtt === null ? sim.prof.rtoInitial : c.rto;
    establish(c, X.causeSynAck, X.synSentToEst(name(c), seg.seq, c.rcvNxt));
    sendAck(c, X.handshakeAck(name(c), c.sndNxt, c.rcvNxt, seg.seq));
    output(c);
    return;
  }
  // Simultaneous open: SYN without ACK.
  sim.setState(c, 'SYN-RECEIVED', X.causeRcvSyn, X.simOpenState(name(c)));
  sendSynAck(c, false, X.simOpenSynAck(name(c), c.iss, c.rcvNxt));
}

/** The sequence-number acceptability test (RFC 9293 §3.10.7.4, first). */
function acceptable(c: Conn, seg: Seg): boolean {
  const len = segLen(seg);
  const wnd = c.rcvWnd;
  const hi = seqAdd(c.rcvNxt, wnd);
  if (len === 0) return wnd === 0 ? seg.seq === c.rcvNxt : seqInWindow(seg.seq, c.rcvNxt, hi);
  if (wnd === 0) return false;
  return seqInWindow(seg.seq, c.rcvNxt, hi) || seqInWindow(seqAdd(seg.seq, len - 1), c.rcvNxt, hi);
}

export function onSegment(c: Conn, seg: Seg): void {
  if (c.state === 'SYN-SENT') {
    synSentSegment(c, seg);
    return;
  }
  const sim = c.sim;
  const who = name(c);

  // TIME-WAIT: a retransmitted FIN is re-acknowledged and restarts the 2MSL timer (§3.10.7.4,
  // eighth; Linux tcp_timewait_state_process does the same).
  if (c.state === 'TIME-WAIT' && seg.fin && !seg.rst && seqAdd(seg.seq, segLen(seg)) === c.rcvNxt) {
    sendAck(c, X.timeWaitReack(who, c.sndNxt, c.rcvNxt));
    sim.setTimer(c, 'time-wait', sim.prof.timeWait, X.timeWaitRestart(who, sim.prof.timeWait));
    return;
  }

  // SYN-RECEIVED special cases that implementations handle before the generic test:
  if (c.state === 'SYN-RECEIVED' && seg.syn && !seg.rst) {
    // (a) our peer's SYN again (its retransmission: our SYN,ACK was lost) -> resend SYN,ACK
    //     (Linux tcp_check_req; the RFC text would send a bare ACK).
    if (!seg.ack && seg.seq === c.irs) {
      sendSynAck(c, true, X.synAgain(who, c.iss, c.rcvNxt));
      return;
    }
    // (b) simultaneous open: the peer's SYN,ACK repeats the SYN we already took and acks ours.
    //     Linux accepts it (tcp_validate_incoming); RFC 9293 Figure 7 shows the same result.
    if (seg.ack && seqAdd(seg.seq, 1) === c.rcvNxt && seg.ackNo === c.sndNxt) {
      c.sndUna = seg.ackNo;
      c.sndWnd = seg.wnd;
      establish(c, X.causeSynAck, X.simOpenEst(who, seg.seq, seg.ackNo));
      output(c);
      return;
    }
  }

  // Until our SYN is acknowledged (SYN-RECEIVED, or FIN-WAIT-1 entered from it by a close) the
  // connection is not synchronized: an ACK that acknowledges something we never sent is answered
  // with <SEQ=SEG.ACK><CTL=RST> whatever its sequence number (RFC 9293 §3.5.2, reset generation,
  // group 2; Linux tcp_check_req tests the ACK before the window too). Answering it with an ACK
  // instead would start an ACK war with a half-open peer whose sequence numbers we never knew.
  const synUnacked = c.sndUna === c.iss;
  if (synUnacked && seg.ack && !seg.rst && !(seqLt(c.sndUna, seg.ackNo) && seqLe(seg.ackNo, c.sndNxt))) {
    sim.transmit(c.host, peerOf(c), { rst: true }, seg.ackNo, 0, 0, X.rstBadAck(who, seg.ackNo, c.iss));
    return;
  }

  // first: sequence number
  if (!acceptable(c, seg)) {
    if (!seg.rst) throttledAck(c, seg, X.notAcceptable(who, seg.seq, c.rcvNxt));
    return;
  }

  // second: RST (RFC 5961 §3.2: only an exact match resets; others get a challenge ACK)
  if (seg.rst) {
    if (seg.seq !== c.rcvNxt) {
      throttledAck(c, seg, X.challengeAckRst(who, seg.seq, c.rcvNxt));
      return;
    }
    if (c.state === 'SYN-RECEIVED' && c.passive) {
      sim.backToListen(c, X.causeRst, X.rstBackToListen(who));
      return;
    }
    if (c.state === 'SYN-RECEIVED') {
      sim.app(c.host, 'connect', X.refused(who), { error: ERR.refused });
      sim.setState(c, 'CLOSED', X.causeRst, X.refusedState(who));
      return;
    }
    if (['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT'].includes(c.state)) {
      sim.app(c.host, 'receive', X.reset(who), { error: ERR.reset });
    }
    sim.setState(c, 'CLOSED', X.causeRst, X.resetState(who, c.state));
    return;
  }

  // fourth: SYN in a synchronized state -> challenge ACK (RFC 5961 §4, RFC 9293)
  if (seg.syn) {
    if (c.state === 'SYN-RECEIVED' && c.passive) {
      sim.backToListen(c, X.causeRcvSyn, X.synInSynRcvd(who));
      return;
    }
    throttledAck(c, seg, X.challengeAckSyn(who, c.sndNxt, c.rcvNxt));
    return;
  }

  // fifth: ACK
  if (!seg.ack) return;
  if (c.state === 'SYN-RECEIVED') {
    if (seqLt(c.sndUna, seg.ackNo) && seqLe(seg.ackNo, c.sndNxt)) {
      updateRtt(c, seg.ackNo);
      c.sndUna = seg.ackNo;
      c.sndWnd = seg.wnd;
      establish(c, X.causeRcvAck, X.synRcvdToEst(who, seg.ackNo, c.iss));
    } else {
      sim.transmit(c.host, peerOf(c), { rst: true }, seg.ackNo, 0, 0, X.rstBadAck(who, seg.ackNo, c.iss));
      return;
    }
  } else if (processAck(c, seg) === 'drop') return;

  switch (c.state) {
    case 'FIN-WAIT-1':
      // A FIN,ACK that acks our FIN goes straight to TIME-WAIT below (no FIN-WAIT-2 stop shown).
      if (finAcked(c) && !(seg.fin && seqAdd(seg.seq, seg.len) === c.rcvNxt)) {
        sim.setState(c, 'FIN-WAIT-2', X.causeAckOfFin, X.toFinWait2(who));
      }
      break;
    case 'CLOSING':
      if (finAcked(c)) {
        enterTimeWait(c, X.causeAckOfFin, X.closingToTimeWait(who));
        return;
      }
      break;
    case 'LAST-ACK':
      if (finAcked(c)) {
        sim.cancelTimer(c, 'retransmit', true);
        sim.setState(c, 'CLOSED', X.causeAckOfFin, X.lastAckToClosed(who));
        return;
      }
      break;
    default:
      break;
  }

  // seventh: segment text
  let urgency: 'delay' | 'now' | null = null;
  const canReceive = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2'].includes(c.state);
  let finHere = false;
  if (seg.len > 0 || seg.fin) {
    if (!canReceive && !(seg.fin && seg.len === 0)) {
      // data after the peer's FIN: ignore (CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT)
    } else if (seg.seq === c.rcvNxt) {
      c.rcvNxt = seqAdd(c.rcvNxt, seg.len);
      c.received += seg.len;
      if (seg.len > 0) {
        c.unackedSegs++;
        urgency = c.quick > 0 || !sim.opts.delayedAck || c.unackedSegs >= 2 ? 'now' : 'delay';
        if (c.quick > 0) c.quick--;
      }
      finHere = seg.fin;
      // pull in buffered out-of-order segments
      let progressed = true;
      while (progressed && !finHere) {
        progressed = false;
        for (let i = 0; i < c.ooo.length; i++) {
          const o = c.ooo[i];
          if (seqLe(o.seq, c.rcvNxt) && seqGt(seqAdd(o.seq, o.len + (o.fin ? 1 : 0)), c.rcvNxt)) {
            const newBytes = seqDiff(seqAdd(o.seq, o.len), c.rcvNxt);
            if (newBytes > 0) {
              c.rcvNxt = seqAdd(c.rcvNxt, newBytes);
              c.received += newBytes;
            }
            if (o.fin) finHere = true;
            c.ooo.splice(i, 1);
            progressed = true;
            urgency = 'now';
            break;
          }
        }
      }
    } else if (seqLt(seg.seq, c.rcvNxt)) {
      // partly old: take the new part
      const newBytes = seqDiff(seqAdd(seg.seq, seg.len), c.rcvNxt);
      if (newBytes > 0) {
        c.rcvNxt = seqAdd(c.rcvNxt, newBytes);
        c.received += newBytes;
        finHere = seg.fin;
      }
      urgency = 'now';
    } else {
      // out of order: keep it, ACK at once (a duplicate ACK tells the sender what is missing)
      if (c.ooo.length < 64) c.ooo.push({ seq: seg.seq, len: seg.len, fin: seg.fin });
      sendAck(c, X.outOfOrder(who, seg.seq, c.rcvNxt));
      output(c);
      return;
    }
  }

  // eighth: FIN
  if (finHere) {
    c.rcvNxt = seqAdd(c.rcvNxt, 1);
    c.quick = 0; // Linux enters "pingpong" (delayed-ACK) mode on a FIN
    urgency = sim.opts.delayedAck ? 'delay' : 'now';
    switch (c.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        sim.setState(c, 'CLOSE-WAIT', X.causeRcvFin, X.toCloseWait(who, sim.opts.delayedAck));
        sim.app(c.host, 'receive', X.eof(who));
        break;
      case 'FIN-WAIT-1':
        if (finAcked(c)) {
          enterTimeWait(c, X.causeRcvFinAck, X.finWait1ToTimeWait(who));
          sendAck(c, X.ackPeerFin(who, c.sndNxt, c.rcvNxt));
          return;
        }
        sim.setState(c, 'CLOSING', X.causeRcvFin, X.toClosing(who));
        urgency = 'now';
        break;
      case 'FIN-WAIT-2':
        enterTimeWait(c, X.causeRcvFin, X.finWait2ToTimeWait(who));
        sendAck(c, X.ackPeerFin(who, c.sndNxt, c.rcvNxt));
        return;
      default:
        break;
    }
  }

  if (urgency) scheduleAck(c, urgency);
  output(c);
  if (c.ackPending === 'now') sendAck(c, finHere ? X.ackPeerFin(who, c.sndNxt, c.rcvNxt) : X.ackData(who, c.sndNxt, c.rcvNxt));
  else if (c.ackPending === 'delay' && !c.timers.has('delayed-ack')) {
    sim.setTimer(c, 'delayed-ack', sim.prof.ackDelay, X.delayedAckSet(who, sim.prof.ackDelay));
  }
}

// ==================================================================== user calls

function userCall(sim: Sim, h: Host, a: Action): void {
  const who = h.name;
  const c = h.primary && h.primary.state !== 'CLOSED' ? h.primary : null;
  switch (a.kind) {
    case 'listen':
      sim.listen(h);
      return;
    case 'connect': {
      if (c) {
        sim.app(h, 'connect', X.alreadyConnected(who), { error: ERR.exists });
        return;
      }
      const peer = sim.host(who === 'client' ? 'server' : 'client');
      const nc = sim.newActive(h, peer);
      const prev = h.shown();
      // The call first: its snapshot still shows the host as it was (LISTEN or CLOSED).
      sim.app(h, 'connect', X.appConnect(who, peer.name));
      sim.adoptPublic(nc);
      nc.iss = sim.chooseIsn(nc, a.isn);
      nc.sndUna = nc.iss;
      nc.sndNxt = seqAdd(nc.iss, 1);
      nc.dataEnd = nc.sndNxt;
      if (prev === 'LISTEN') {
        nc.state = 'LISTEN';
      }
      sim.setState(nc, 'SYN-SENT', X.causeConnect, X.toSynSent(who, nc.iss));
      sim.transmit(h, peerOf(nc), { syn: true }, nc.iss, 0, 0, X.syn(who, nc.iss));
      nc.rttSample = { end: nc.sndNxt, t: sim.now };
      nc.rto = sim.prof.rtoInitial;
      sim.setTimer(nc, 'retransmit', nc.rto, X.rtoSet(who, nc.rto));
      return;
    }
    case 'send': {
      if (!c || !['ESTABLISHED', 'CLOSE-WAIT', 'SYN-SENT', 'SYN-RECEIVED'].includes(c.state)) {
        sim.app(h, 'send', X.cannotSend(who, c ? c.state : h.shown()), { bytes: a.bytes, error: c ? ERR.closing : ERR.noConnection });
        return;
      }
      sim.app(h, 'send', X.appSend(who, a.bytes), { bytes: a.bytes });
      c.dataEnd = seqAdd(c.dataEnd, a.bytes);
      output(c);
      return;
    }
    case 'receive': {
      const got = c ? c.received : 0;
      sim.app(h, 'receive', X.appReceive(who, got), { bytes: got });
      if (c) c.received = 0;
      return;
    }
    case 'close': {
      if (!c) {
        if (h.listener) {
          sim.app(h, 'close', X.closeListener(who));
          h.listener = null;
          if (!h.primary) sim.setStateHost(h, 'LISTEN', 'CLOSED', X.causeClose, X.listenerClosed(who));
          return;
        }
        sim.app(h, 'close', X.closeNothing(who), { error: ERR.noConnection });
        return;
      }
      if (c.state === 'SYN-RECEIVED' && !c.closeDeferred && seqDiff(c.dataEnd, c.sndNxt) > 0) {
        // RFC 9293 §3.10.4: data is still queued, so the close waits until ESTABLISHED.
        c.closeDeferred = true;
        sim.app(h, 'close', X.closeDeferred(who));
        return;
      }
      if (c.closeDeferred) {
        sim.app(h, 'close', X.closeAgain(who, c.state), { error: ERR.closing });
        return;
      }
      sim.app(h, 'close', X.appClose(who, c.state));
      switch (c.state) {
        case 'SYN-SENT':
          sim.setState(c, 'CLOSED', X.causeClose, X.closeSynSent(who));
          return;
        // SYN-RECEIVED with data pending was deferred above (RFC 9293 §3.10.4).
        case 'SYN-RECEIVED':
        case 'ESTABLISHED':
          closeSending(c, 'FIN-WAIT-1', X.toFinWait1(who));
          return;
        case 'CLOSE-WAIT':
          closeSending(c, 'LAST-ACK', X.toLastAck(who, c.ackPending !== 'none'));
          return;
        default:
          sim.app(h, 'close', X.closeAgain(who, c.state), { error: ERR.closing });
          return;
      }
    }
    case 'abort': {
      if (!c) {
        sim.app(h, 'abort', X.closeNothing(who), { error: ERR.noConnection });
        return;
      }
      sim.app(h, 'abort', X.appAbort(who));
      if (['SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT'].includes(c.state)) {
        // RFC 9293: <SEQ=SND.NXT><CTL=RST>. Linux (tcp_send_active_reset) also sets ACK.
        const linux = sim.opts.profile === 'linux';
        sim.transmit(h, peerOf(c), { rst: true, ack: linux }, c.sndNxt, c.rcvNxt, 0, X.abortRst(who, c.sndNxt));
      }
      sim.setState(c, 'CLOSED', X.causeAbort, X.abortState(who));
      return;
    }
    case 'reboot': {
      sim.app(h, 'abort', X.reboot(who));
      for (const conn of [...h.conns.values()]) {
        if (conn.visible) sim.setState(conn, 'CLOSED', X.causeReboot, X.rebootState(who));
        else {
          conn.state = 'CLOSED';
          for (const k of [...conn.timers.keys()]) sim.cancelTimer(conn, k, true);
          h.conns.delete(conn.key);
          if (conn.inSynQueue && h.listener) h.listener.synQueue--;
        }
      }
      if (h.listener) {
        // The service comes back up and listens again, with empty queues.
        h.listener.synQueue = 0;
        h.listener.acceptQueue = 0;
      }
      return;
    }
    case 'old-syn': {
      const peer = sim.host(who === 'client' ? 'server' : 'client');
      sim.transmit(h, { ip: peer.ip, port: peer.port }, { syn: true }, a.seq, 0, 0, X.oldSyn(who, a.seq));
      return;
    }
    default:
      return;
  }
}


// ==================================================================== entry point

export function run(script: Script, options: RunOptions = {}): Trace {
  const o = script.options;
  const profile: Profile = options.profile ?? o.profile ?? 'rfc';
  const simOpts: SimOptions = {
    profile,
    delay: o.delay,
    delayedAck: o.delayedAck ?? PROFILES[profile].delayedAck,
    backlog: o.backlog,
    syncookies: o.syncookies,
    listen: o.listen,
    loss: o.loss,
    mss: o.mss,
    nagle: o.nagle,
  };
  const seed = options.seed ?? o.seed ?? 1;
  const isnClient = options.isnClient ?? o.isnClient;
  const isnServer = options.isnServer ?? o.isnServer;
  const sim = new Sim(simOpts, seed, { client: isnClient, server: isnServer }, options.dropSegmentIds ?? [], {
    syn: o.synRetries,
    data: o.retries,
    msl: o.msl,
  });
  const client = sim.host('client');
  const server = sim.host('server');
  if (o.start === 'established') {
    const rng = makeRng(seed ^ 0x5eed);
    const ic = isnClient ?? Math.floor(rng() * 2 ** 32) >>> 0;
    const is = isnServer ?? Math.floor(rng() * 2 ** 32) >>> 0;
    sim.startEstablished(client, server, ic, is);
  }
  if (script.steps.some((st) => st.actions.some((a) => a.kind === 'flood'))) sim.addAttacker();
  sim.takeInitial();
  if (o.listen) sim.listen(server);
  for (const step of script.steps) {
    if (step.at !== undefined) sim.runUntil(step.at);
    else sim.runUntilQuiet();
    for (const a of step.actions) sim.exec(a);
  }
  sim.runToEnd();
  return sim.trace(options.name ?? 'script');
}
