/**
 * The TCP endpoint: one connection's TCB and RFC 9293 §3.10 event processing, in the shape of
 * smoltcp's socket/tcp.rs. It never calls the simulator: each entry point (`onSegment`, `onTimer`,
 * `onCall`, and the open helpers) takes the current time and returns what happened as a list of
 * effects (segments to send, state transitions, timers set or cancelled, application events).
 *
 * Effects are also handed, as they are produced, to the sink the endpoint was built with, so the
 * network can trace each one with a snapshot of the TCB at that very moment (a state event shows its
 * `to` state, a segment event the SND.NXT it was sent with). The sink only observes: nothing it does
 * changes the endpoint. Tests build endpoints with a recording sink and check the returned effects.
 *
 * Pure: no I/O, no clock, no randomness (ISNs are chosen by the network and passed in).
 */
import type { AppEvent, CcSnapshot, Profile, TcpState, TimerEvent } from './types.js';
import type { ProfileParams } from './profile.js';
import { synTimeout } from './profile.js';
import { seqAdd, seqDiff, seqGt, seqInWindow, seqLe, seqLt } from './seq.js';
import { senderSws } from './sws.js';
import { segLen, type Flags, type Seg } from './segment.js';
import { abortSendsRst, canOutput, canReceive, canSend, resetReported } from './states.js';
import { ERR, X } from './explain.js';
import { ccConfig, ccInit, needsRetransmit, onAck, onDupAck, onIdle, onRto, onSent, sendAllowance } from './cc/controller.js';
import type { CcConfig, CcName, CcState } from './cc/types.js';
import { rttEstablished, rttInit, rttParams, rttSample, rttTimeout, type RttParams, type RttState } from './rtt.js';

export type TimerKind = TimerEvent['timer'];

/** Receive window every endpoint advertises. */
export const RCV_WND = 65535;

export interface EndpointConfig {
  prof: ProfileParams;
  profile: Profile;
  mss: number;
  delayedAck: boolean;
  nagle: boolean;
  /** This host's receive buffer (`option rcvbuf HOST N`), or undefined: an application that takes
   *  every byte at once for window purposes (the window stays RCV_WND; the model before issue 11). */
  rcvBuf?: number;
  /** `option cc NAME` (undefined: the profile's default, cubic on linux and newreno on rfc). */
  cc?: CcName;
}

/** Why the sender retransmits what the controller marked lost (the explanation of the segment). */
type RetxReason = 'rto' | 'prr-fast' | 'prr-partial';

export interface Addr {
  ip: string;
  port: number;
}

/** What an endpoint asks of the world. */
export type Effect =
  | { type: 'send'; to: Addr; flags: Flags; seq: number; ack: number; len: number; explain: string; retransmission: boolean; label?: string; wnd: number }
  | { type: 'state'; from: TcpState; to: TcpState; cause: string; explain: string }
  | { type: 'timer'; timer: TimerKind; action: 'set'; expires: number; token: number; explain: string }
  | { type: 'timer'; timer: TimerKind; action: 'cancelled' | 'fired'; quiet: boolean; explain: string }
  | { type: 'app'; call: AppEvent['call']; explain: string; bytes?: number; error?: string; onlyIfShown?: boolean }
  /** A passive child in SYN-RECEIVED is gone; its host is back to just listening. */
  | { type: 'to-listen'; from: TcpState; cause: string; explain: string }
  /** The connection left the listener's SYN queue (handshake completed). */
  | { type: 'left-syn-queue' }
  /** A passive connection was established: it passes through the accept queue. */
  | { type: 'accepted' }
  /** A remark about the segment being processed (e.g. an ACK throttled): added to its explanation. */
  | { type: 'note'; seg: Seg; text: string };

export type Sink = (ep: Endpoint, e: Effect) => void;

export type UserCall =
  | { kind: 'send'; bytes: number; label?: string }
  | { kind: 'receive' }
  /** Reads at most `bytes` (all when undefined) of the received data. */
  | { kind: 'read'; bytes?: number }
  /** A blocking read returning: `bytes` (or what there is, at the end of the stream) after waiting
   *  `want` bytes for `waited` ms (script `HOST recv N`; the network decides when it returns). */
  | { kind: 'recv'; want: number; waited: number }
  | { kind: 'close' }
  | { kind: 'shutdown' }
  | { kind: 'abort' };

/** At most this many labelled writes are remembered (older ones lose their label). */
const MAX_LABELS = 64;

interface OooSeg {
  seq: number;
  len: number;
  fin: boolean;
}

interface TimerSlot {
  expires: number;
  token: number;
}

export class Endpoint {
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
  /** The current retransmission timeout (ms): rtt.ts's value once synchronized, the SYN's before. */
  rto: number;
  /** SRTT (ms) once measured (RFC 6298; rtt.ts). */
  srtt: number | null = null;
  /** The RTO estimator (RFC 6298 in rfc, Linux's tcp_rtt_estimator in linux). */
  rtt: RttState;
  readonly rttP: RttParams;
  /** Congestion control (src/tcp/cc), from the moment the connection is synchronized. */
  ccCfg: CcConfig | null = null;
  cc: CcState | null = null;
  /** The last output() left data queued because cwnd was the limit (RFC 7661's cwnd-limited). */
  cwndLimited = false;
  /** When this side last sent a data segment (restart after idle, RFC 5681 §4.1). */
  lastDataSent: number | null = null;
  /** When data last arrived (Linux's lrcvtime: a reply within the ACK timeout ends quick ACKs). */
  lastDataRcvd: number | null = null;
  /** A SYN or SYN,ACK of this side timed out (RFC 6298 §5.7; RFC 5681 §3.1's one-segment window). */
  synTimedOut = false;
  /** Why the next controller-driven retransmission goes out. */
  private retxReason: RetxReason = 'rto';
  retries = 0;
  rttSample: { end: number; t: number } | null = null;
  ooo: OooSeg[] = [];
  received = 0;
  ackPending: 'none' | 'delay' | 'now' = 'none';
  /** Data bytes received since this side last sent an ACK (delayed ACK counts full-sized segments). */
  unackedBytes = 0;
  quick = 0;
  timers = new Map<TimerKind, TimerSlot>();
  private timerToken = 0;
  /** Created from a listener (passive open): an RST in SYN-RECEIVED returns it to LISTEN. */
  passive = false;
  /** Network bookkeeping: counted in the listener's SYN queue. */
  inSynQueue = false;
  synAckCount = 0;
  dupAcks = 0;
  /** When the last ACK answering an invalid segment was sent (RFC 5961 §7 throttling), or null. */
  lastInvalidAck: number | null = null;
  /** End of the last less-than-MSS segment sent (Minshall's Nagle). */
  lastSmallEnd = 0;
  nagleHeld = false;
  /** Linux's pingpong (interactive) mode: quick ACKs are off while it lasts (inet_csk_in_pingpong_mode). */
  pingpong = false;
  /** Maximum segment size this side sends (the smaller of both MSS options, or a SYN cookie's). */
  mss: number;
  /** Flow control (issue 11): the receive buffer, or null (window fixed at RCV_WND). */
  readonly rcvBuf: number | null;
  /** RCV.NXT + RCV.WND as last advertised (the right edge never moves left), or null before the
   *  peer's SYN is known. */
  rcvRight: number | null = null;
  /** The largest window the peer ever offered (sender SWS avoidance, RFC 9293 §3.8.6.2.1). */
  maxSndWnd = 0;
  /** Zero-window probes sent since the window closed (the persist timer's backoff). */
  probes = 0;
  /** The persist timer expired with a small usable window: send it despite sender SWS avoidance. */
  private forceSend = false;
  /** Any data byte received yet (Linux: the delayed-ACK timeout is 0 until then). */
  dataReceived = false;
  /** close() (not shutdown()) was called: the socket is orphaned (Linux: new data gets RST). */
  orphaned = false;
  /** When the first SYN was sent (the SYN give-up time counts from it). */
  synStart = 0;
  /** Labelled application writes: bytes [start, end) in sequence space. */
  labels: { start: number; end: number; label: string }[] = [];
  readonly key: string;
  /** Time of the call being processed. */
  now = 0;
  private fx: Effect[] = [];

  constructor(
    /** The host's name, for explanations. */
    readonly who: string,
    readonly local: Addr,
    readonly peer: Addr,
    /** The peer is a spoofed address (a flood): nothing it is sent is ever seen. */
    readonly spoofedPeer: boolean,
    readonly cfg: EndpointConfig,
    private readonly sink: Sink,
    state: TcpState,
  ) {
    this.state = state;
    this.key = `${peer.ip}:${peer.port}`;
    this.rto = cfg.prof.rtoInitial;
    this.rttP = rttParams(cfg.prof, cfg.profile);
    this.rtt = rttInit(this.rttP);
    this.mss = cfg.mss;
    this.rcvBuf = cfg.rcvBuf ?? null;
    if (this.rcvBuf !== null) this.rcvWnd = Math.min(RCV_WND, this.rcvBuf);
  }

  // ---------------------------------------------------------------- receive window

  /** The window as it stands: up to the right edge last advertised (RCV.WND). */
  curRcvWnd(): number {
    if (this.rcvBuf === null) return this.rcvWnd;
    if (this.rcvRight === null) return Math.min(RCV_WND, Math.max(0, this.rcvBuf - this.received));
    return Math.max(0, seqDiff(this.rcvRight, this.rcvNxt));
  }

  /**
   * The window to put in a segment being sent, with receiver silly-window avoidance (RFC 9293
   * §3.8.6.2.2): the right edge moves right only when the free buffer exceeds the current window by
   * at least min(RCV.BUFF / 2, MSS); it never moves left. 16 bits: no window scaling in the model.
   */
  private advertise(): number {
    if (this.rcvBuf === null) return RCV_WND;
    const space = Math.min(RCV_WND, Math.max(0, this.rcvBuf - this.received));
    if (this.state === 'SYN-SENT' || this.state === 'CLOSED') return space;
    if (this.rcvRight === null) this.rcvRight = seqAdd(this.rcvNxt, space);
    else {
      const cur = this.curRcvWnd();
      if (space - cur >= Math.min(Math.floor(this.rcvBuf / 2), this.mss)) this.rcvRight = seqAdd(this.rcvNxt, space);
    }
    this.rcvWnd = this.curRcvWnd();
    return this.rcvWnd;
  }

  // ---------------------------------------------------------------- effects

  private begin(now: number): void {
    this.now = now;
    this.fx = [];
  }

  private emit(e: Effect): void {
    this.fx.push(e);
    this.sink(this, e);
  }

  private transmit(f: Flags, seq: number, ack: number, len: number, explain: string, retransmission = false, to: Addr = this.peer): void {
    const e: Effect = { type: 'send', to, flags: f, seq, ack, len, explain, retransmission, wnd: this.advertise() };
    if (len > 0 && this.labels.length > 0) {
      const label = this.labelFor(seq, len);
      if (label) e.label = label;
    }
    this.emit(e);
  }

  /** The labels of the writes whose bytes this segment carries, joined by ' + '. */
  private labelFor(seq: number, len: number): string {
    const end = seqAdd(seq, len);
    const out: string[] = [];
    for (const l of this.labels) if (seqLt(l.start, end) && seqGt(l.end, seq)) out.push(l.label);
    return out.join(' + ');
  }

  private app(call: AppEvent['call'], explain: string, extra: { bytes?: number; error?: string } = {}, onlyIfShown = false): void {
    this.emit({ type: 'app', call, explain, ...extra, ...(onlyIfShown ? { onlyIfShown } : {}) });
  }

  setState(to: TcpState, cause: string, explain: string): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.emit({ type: 'state', from, to, cause, explain });
    if (to === 'CLOSED') this.timers.clear();
  }

  private setTimer(kind: TimerKind, delay: number, explain?: string): void {
    const expires = this.now + delay;
    const token = ++this.timerToken;
    this.timers.set(kind, { expires, token });
    this.emit({ type: 'timer', timer: kind, action: 'set', expires, token, explain: explain ?? X.timerSet(kind, delay) });
  }

  private cancelTimer(kind: TimerKind, quiet = false): void {
    if (!this.timers.has(kind)) return;
    this.timers.delete(kind);
    this.emit({ type: 'timer', timer: kind, action: 'cancelled', quiet, explain: X.timerCancelled(kind) });
  }

  /** A passive child in SYN-RECEIVED goes away (the host keeps listening). */
  private backToListen(cause: string, explain: string): void {
    const from = this.state;
    this.timers.clear();
    this.emit({ type: 'to-listen', from, cause, explain });
    this.state = 'CLOSED';
  }

  // ---------------------------------------------------------------- opens

  /** Active open (connect): sends the SYN. `from` is the state shown before (CLOSED or LISTEN). */
  open(iss: number, from: TcpState, now: number): Effect[] {
    this.begin(now);
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = seqAdd(iss, 1);
    this.dataEnd = this.sndNxt;
    this.lastSmallEnd = this.sndNxt;
    this.synStart = now;
    this.state = from;
    this.setState('SYN-SENT', X.causeConnect, X.toSynSent(this.who, iss));
    this.transmit({ syn: true }, iss, 0, 0, X.syn(this.who, iss));
    this.rttSample = { end: this.sndNxt, t: now };
    this.rto = this.cfg.prof.rtoInitial;
    this.setTimer('retransmit', this.rto, X.rtoSet(this.who, this.rto));
    return this.fx;
  }

  /** Passive open, first half: a listener took this SYN (the state is SYN-RECEIVED). */
  takeSyn(seg: Seg): void {
    this.passive = true;
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.sndWnd = seg.wnd;
  }

  /** Sets the initial send sequence number. */
  chooseIss(iss: number): void {
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = seqAdd(iss, 1);
    this.dataEnd = this.sndNxt;
    this.lastSmallEnd = this.sndNxt;
  }

  /** Passive open, second half: sends the SYN,ACK and starts its timer. */
  answerSyn(explain: string, now: number): Effect[] {
    this.begin(now);
    this.sendSynAck(false, explain);
    this.rttSample = { end: this.sndNxt, t: now }; // the SYN,ACK's round trip seeds SRTT (as Linux does)
    this.setTimer('syn-ack', this.cfg.prof.rtoInitial);
    return this.fx;
  }

  /** A connection rebuilt from a SYN cookie: SYN-RECEIVED with both ISNs taken from the ACK. */
  fromCookie(seg: Seg, mss: number): void {
    this.passive = true;
    this.mss = mss;
    this.iss = seqAdd(seg.ackNo, -1);
    this.sndUna = this.iss;
    this.sndNxt = seg.ackNo;
    this.dataEnd = seg.ackNo;
    this.lastSmallEnd = seg.ackNo;
    this.irs = seqAdd(seg.seq, -1);
    this.rcvNxt = seg.seq;
  }

  /** `option start established`: already synchronized, next to send `nxt`, next expected `rcv`. */
  established(nxt: number, rcv: number): void {
    this.iss = seqAdd(nxt, -1);
    this.sndUna = nxt;
    this.sndNxt = nxt;
    this.dataEnd = nxt;
    this.lastSmallEnd = nxt;
    this.irs = seqAdd(rcv, -1);
    this.rcvNxt = rcv;
    this.initCc();
  }

  /**
   * The connection is synchronized: congestion control starts (initial window RFC 5681 §3.1 eq. 1 in
   * rfc, 10 segments in linux, RFC 6928 / TCP_INIT_CWND) and the RTO leaves the SYN's schedule for
   * the estimator's (RFC 6298 §5.7: 3 s after a lost SYN when no RTT was measured, rfc).
   */
  private initCc(): void {
    if (this.cc) return;
    this.ccCfg = ccConfig(this.cfg.profile, this.cfg.cc, Math.max(1, Math.min(65535, this.mss)));
    this.cc = ccInit(this.ccCfg, this.iss);
    // RFC 5681 §3.1: after a lost SYN or SYN,ACK the initial window MUST be one segment (rfc profile).
    if (this.synTimedOut && this.cfg.profile === 'rfc') this.cc = { ...this.cc, cwnd: this.ccCfg.smss };
    this.rtt = rttEstablished(this.rttP, this.rtt, this.synTimedOut);
    this.rto = this.rtt.rto;
    this.retries = 0;
  }

  /** The congestion state for the player's panel, the chart and `synack plot` (issue 11). */
  ccSnapshot(): CcSnapshot | undefined {
    const cc = this.cc;
    if (!cc) return undefined;
    const snap: CcSnapshot = {
      algo: this.cfg.cc ?? (this.cfg.profile === 'linux' ? 'cubic' : 'newreno'),
      cwnd: cc.cwnd,
      ssthresh: cc.ssthresh >= 0x7fffffff ? null : cc.ssthresh,
      flight: Math.max(0, seqDiff(this.sndNxt, this.sndUna)),
      peerWnd: this.sndWnd,
      dupAcks: cc.dupAcks,
      phase: cc.phase,
      rto: this.rto,
    };
    if (this.rtt.srtt !== null) snap.srtt = this.rtt.srtt;
    return snap;
  }

  /** The host crashed: the TCB is forgotten without a word to the peer. */
  forget(cause: string, explain: string, now: number): Effect[] {
    this.begin(now);
    this.setState('CLOSED', cause, explain);
    return this.fx;
  }

  // ---------------------------------------------------------------- sending

  /** Every segment we send once synchronized carries ACK: that piggybacks any pending ACK. */
  private ackSent(): void {
    this.ackPending = 'none';
    this.unackedBytes = 0;
    if (this.timers.has('delayed-ack')) this.cancelTimer('delayed-ack', true);
  }

  private sendSynAck(retransmission: boolean, explain: string): void {
    this.transmit({ syn: true, ack: true }, this.iss, this.rcvNxt, 0, explain, retransmission);
    this.ackSent();
  }

  private sendAck(explain: string): void {
    this.transmit({ ack: true }, this.sndNxt, this.rcvNxt, 0, explain);
    this.ackSent();
  }

  /**
   * An ACK in answer to an invalid segment (outside the window, an inexact RST, a SYN on a synchronized
   * connection, an ACK of unsent data). RFC 5961 §7 asks for ACK throttling so two confused endpoints
   * cannot ping-pong ACKs forever; like Linux (tcp_oow_rate_limited, tcp_invalid_ratelimit = 500 ms)
   * at most one such ACK per connection per interval, and only segments without data (or with SYN)
   * are throttled: data segments are not part of an ACK loop.
   */
  private throttledAck(seg: Seg, explain: string): void {
    const interval = this.cfg.prof.invalidAckInterval;
    if ((seg.syn || segLen(seg) === 0) && this.lastInvalidAck !== null && this.now - this.lastInvalidAck < interval) {
      this.emit({ type: 'note', seg, text: X.ackThrottled(this.who, interval) });
      return;
    }
    this.lastInvalidAck = this.now;
    this.sendAck(explain);
  }

  private startRetransmitTimer(restart = false): void {
    if (this.timers.has('retransmit') && !restart) return;
    this.setTimer('retransmit', this.rto, X.rtoSet(this.who, this.rto));
  }

  /**
   * Sends queued data and a requested FIN (RFC 9293 §3.10.2, §3.10.4), at most min(cwnd allowance,
   * the peer's window) at a time once congestion control runs: first what the controller presumes
   * lost (after an RTO, or PRR's retransmissions), then new data in MSS-sized segments.
   */
  private output(): void {
    if (!canOutput(this.state)) return;
    let sent = false;
    let cwndBound = false;
    const cfg = this.ccCfg;
    // Restart after idle (RFC 5681 §4.1; Linux tcp_cwnd_restart): nothing outstanding, new data to send.
    if (cfg && this.cc && this.lastDataSent !== null && this.sndNxt === this.sndUna && seqDiff(this.dataEnd, this.sndNxt) > 0) {
      this.cc = onIdle(cfg, this.cc, { now: this.now, idle: this.now - this.lastDataSent, rto: this.rto });
    }
    for (;;) {
      if (cfg && this.cc && needsRetransmit(this.cc)) {
        const cc: CcState = this.cc;
        const lostLeft = cc.board.lost - cc.board.retrans;
        if (sendAllowance(cc, this.flight()) < Math.min(this.mss, lostLeft)) {
          cwndBound = true;
          break;
        }
        const ptr = seqAdd(this.sndUna, cc.board.retrans);
        if (!this.retransmitFrom(ptr, (len) => this.lostRetxWhy(ptr, len))) {
          this.cc = { ...cc, board: { ...cc.board, lost: cc.board.retrans } };
          continue;
        }
        if (ptr === this.sndUna) this.startRetransmitTimer(true);
        sent = true;
        continue;
      }
      const remaining = seqDiff(this.dataEnd, this.sndNxt);
      const wndLeft = seqDiff(seqAdd(this.sndUna, this.sndWnd), this.sndNxt);
      if (this.sndWnd > this.maxSndWnd) this.maxSndWnd = this.sndWnd;
      if (remaining > 0 && wndLeft > 0) {
        const len = Math.min(this.mss, remaining, wndLeft);
        // Congestion window: a segment goes only if cwnd - pipe has room for it (RFC 5681 §3.1; the
        // controller's sendAllowance); otherwise the next ACK lets it out.
        if (cfg && this.cc && sendAllowance(this.cc, this.flight()) < len) {
          cwndBound = true;
          break;
        }
        // Sender silly-window avoidance (RFC 9293 §3.8.6.2.1, src/tcp/sws.ts): a segment the window
        // cuts short (less than an MSS and less than what is queued) goes only if it is at least half
        // the largest window the peer has offered, or when the persist timer forces it.
        if (senderSws({ queued: remaining, usable: wndLeft, mss: this.mss, maxSndWnd: this.maxSndWnd, override: this.forceSend }).rule === null) break;
        // Nagle (RFC 896, RFC 9293 §3.7.4): hold a less-than-MSS segment while data is unacknowledged.
        // Linux uses Minshall's variant: hold it only while an earlier small segment is unacknowledged.
        // close() pushes everything out regardless (Linux tcp_send_fin uses TCP_NAGLE_OFF).
        if (len < this.mss && this.cfg.nagle && !this.finRequested) {
          const outstanding = this.cfg.profile === 'linux' ? seqGt(this.lastSmallEnd, this.sndUna) : seqGt(this.sndNxt, this.sndUna);
          if (outstanding) {
            this.nagleHeld = true;
            break;
          }
        }
        const wasHeld = this.nagleHeld;
        this.nagleHeld = false;
        const last = len === remaining;
        const fin = last && this.finRequested && !this.finSent;
        const seq = this.sndNxt;
        const why = fin ? X.dataFin(this.who, seq, len) : X.data(this.who, seq, len, this.rcvNxt);
        this.transmit({ psh: last, ack: true, fin }, seq, this.rcvNxt, len, wasHeld ? `${X.nagleRelease(this.who)} ${why}` : why);
        if (!this.rttSample && this.retries === 0) this.rttSample = { end: seqAdd(seq, len), t: this.now };
        this.sndNxt = seqAdd(this.sndNxt, len + (fin ? 1 : 0));
        if (len < this.mss) this.lastSmallEnd = seqAdd(seq, len);
        if (fin) this.finSent = true;
        this.dataSent(len + (fin ? 1 : 0));
        this.ackSent();
        sent = true;
        continue;
      }
      if (remaining <= 0 && this.finRequested && !this.finSent) {
        if (cfg && this.cc && sendAllowance(this.cc, this.flight()) <= 0) {
          cwndBound = true;
          break;
        }
        this.transmit({ fin: true, ack: true }, this.sndNxt, this.rcvNxt, 0, X.fin(this.who, this.sndNxt, this.rcvNxt, this.state));
        this.sndNxt = seqAdd(this.sndNxt, 1);
        this.finSent = true;
        this.dataSent(1);
        this.ackSent();
        sent = true;
      }
      break;
    }
    this.forceSend = false;
    this.cwndLimited = cwndBound;
    if (sent) {
      this.startRetransmitTimer();
      if (this.timers.has('persist')) this.cancelTimer('persist');
      this.probes = 0;
    } else this.checkPersist();
  }

  /** Bookkeeping for new data (or a FIN) just sent: the controller's count, idle and quick-ACK clocks. */
  private dataSent(n: number): void {
    if (this.cc && this.ccCfg) this.cc = onSent(this.ccCfg, this.cc, n, false);
    this.lastDataSent = this.now;
    // Linux (tcp_event_data_sent, TCP_PINGPONG_THRESH = 1 in 6.x): data sent within the ACK timeout
    // of the last data received is a reply: the connection is interactive ("pingpong") and quick ACKs
    // stop, so from now on a lone segment waits for the delayed-ACK timer.
    if (this.cfg.profile === 'linux' && this.lastDataRcvd !== null && this.now - this.lastDataRcvd < this.cfg.prof.ackDelay) this.pingpong = true;
  }

  /** The explanation of a retransmission the controller asked for (after an RTO, or by PRR). */
  private lostRetxWhy(ptr: number, len: number): string {
    const cc = this.cc;
    switch (this.retxReason) {
      case 'prr-fast':
        return X.fastRetxPrr(this.who, ptr, cc ? cc.ssthresh : 0, cc ? cc.cwnd : 0);
      case 'prr-partial':
        return X.partialAckRetxPrr(this.who, ptr, cc ? cc.recover : 0);
      default:
        return ptr === this.sndUna ? X.dataRetx(this.who, ptr, len) : X.rtoLostRetx(this.who, ptr, len);
    }
  }

  /**
   * Zero window (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17): data is queued, the peer's window lets none
   * of it go, and nothing is in flight to bring a window update: the persist timer probes the window,
   * after one RTO (Linux: max(RTO, 200 ms), tcp_probe0_base) and then with exponential backoff up to
   * the maximum RTO (Linux tcp_probe0_when: 120 s).
   */
  private checkPersist(): void {
    if (!canOutput(this.state) || this.timers.has('persist') || this.timers.has('retransmit')) return;
    if (seqDiff(this.dataEnd, this.sndNxt) <= 0 || this.sndNxt !== this.sndUna) return;
    this.setTimer('persist', this.probeInterval(), X.persistSet(this.who, this.sndWnd, this.probeInterval()));
  }

  private probeInterval(): number {
    const p = this.cfg.prof;
    const base = this.cfg.profile === 'linux' ? Math.max(this.rto, p.rtoMin) : this.rto;
    return Math.min(p.rtoMax, base * 2 ** this.probes);
  }

  /**
   * After the application reads: tell the peer about the space it freed when that matters. The
   * window opens per receiver SWS avoidance (advertise()); Linux (tcp_cleanup_rbuf) sends the update
   * at once only when the new window is at least twice the one the peer has.
   */
  private windowUpdate(before: number): void {
    if (this.rcvBuf === null || !canReceive(this.state) || this.state === 'SYN-RECEIVED') return;
    const space = Math.min(RCV_WND, Math.max(0, this.rcvBuf - this.received));
    if (space - before < Math.min(Math.floor(this.rcvBuf / 2), this.mss)) return;
    if (this.cfg.profile === 'linux' && space < 2 * before) return;
    this.sendAck(X.windowUpdate(this.who, space, before));
  }

  private giveUp(error: string, explain: string): void {
    this.app(this.state === 'SYN-SENT' || this.state === 'SYN-RECEIVED' ? 'connect' : 'send', explain, { error }, true);
    if (this.passive && this.state === 'SYN-RECEIVED') {
      this.backToListen(X.causeTimeout, explain);
      return;
    }
    this.setState('CLOSED', X.causeTimeout, explain);
  }

  /** Retransmits the earliest unacknowledged segment (RFC 6298 §5.4). */
  private retransmit(why?: string): void {
    if (this.state === 'SYN-SENT') {
      this.transmit({ syn: true }, this.iss, 0, 0, X.synRetx(this.who, this.iss, this.retries - 1), true);
      return;
    }
    if (this.state === 'SYN-RECEIVED') {
      this.sendSynAck(true, X.synAckRetx(this.who, this.iss, this.rcvNxt));
      return;
    }
    this.retransmitFrom(this.sndUna, why);
  }

  /**
   * Sends again the (MSS-sized) segment that starts at `ptr` (SND.UNA, or further on when an RTO
   * presumed a whole flight lost). `why` defaults to the RTO's explanation.
   */
  private retransmitFrom(ptr: number, why?: string | ((len: number) => string)): boolean {
    // Only what was sent before (up to SND.NXT, the FIN excluded): data still queued behind Nagle or
    // the window is new data for output(), which advances SND.NXT. Re-sending it here would make the
    // peer acknowledge bytes this side believes it never sent (an ACK war).
    const sentEnd = this.finSent ? this.finSeq : this.sndNxt;
    const remaining = Math.max(0, seqDiff(sentEnd, ptr));
    const wnd = Math.max(1, this.sndWnd - Math.max(0, seqDiff(ptr, this.sndUna)));
    const len = Math.min(this.mss, remaining, wnd);
    const fin = this.finSent && seqAdd(ptr, len) === this.finSeq;
    if (len === 0 && !fin) return false;
    const text =
      typeof why === 'function'
        ? why(len)
        : (why ?? (fin && len === 0 ? X.finRetx(this.who, ptr) : fin ? X.dataFinRetx(this.who, ptr, len) : X.dataRetx(this.who, ptr, len)));
    this.transmit({ ack: true, psh: len > 0 && len === remaining, fin }, ptr, this.rcvNxt, len, text, true);
    if (this.cc && this.ccCfg) this.cc = onSent(this.ccCfg, this.cc, len + (fin ? 1 : 0), true);
    this.ackSent();
    return true;
  }

  // ---------------------------------------------------------------- timers

  /** A timer set with `token` expired. A stale token (the timer was reset or cancelled) does nothing. */
  onTimer(kind: TimerKind, token: number, now: number): Effect[] {
    this.begin(now);
    const slot = this.timers.get(kind);
    if (!slot || slot.token !== token) return this.fx;
    this.timers.delete(kind);
    this.emit({ type: 'timer', timer: kind, action: 'fired', quiet: false, explain: X.timerFired(kind) });
    this.timerFired(kind);
    return this.fx;
  }

  private timerFired(kind: TimerKind): void {
    const p = this.cfg.prof;
    switch (kind) {
      case 'retransmit': {
        if (this.sndUna === this.sndNxt && this.state !== 'SYN-SENT') return;
        if (this.state === 'SYN-SENT' && p.synGiveUp !== null) {
          // connect() gives up by elapsed time, at the first expiry past the limit (Linux
          // retransmits_timed_out; RFC 9293 MUST-23: at least 3 minutes).
          if (this.now - this.synStart >= p.synGiveUp) {
            this.giveUp(ERR.timedOut, X.gaveUpAfter(this.who, this.retries, this.now - this.synStart));
            return;
          }
        } else {
          const limit =
            this.state === 'SYN-SENT' ? p.synRetries + p.synLinearTimeouts : this.state === 'SYN-RECEIVED' ? p.synRetries : p.dataRetries;
          if (this.retries >= limit) {
            this.giveUp(ERR.timedOut, X.gaveUp(this.who, this.retries));
            return;
          }
        }
        this.retries++;
        this.rttSample = null; // Karn: never time a retransmitted segment
        if (this.state === 'SYN-SENT') {
          this.synTimedOut = true;
          this.rto = synTimeout(p, this.retries);
        } else if (this.cc && this.ccCfg) {
          // RFC 6298 §5.5 backoff; RFC 5681 §3.1: ssthresh = max(FlightSize / 2, 2 * SMSS) (eq. 4; the
          // algorithm's cut), cwnd = the loss window (1 SMSS), everything outstanding presumed lost and
          // sent again from SND.UNA as the window allows (slow start), recover = SND.NXT (RFC 6582).
          this.rtt = rttTimeout(this.rttP, this.rtt);
          this.rto = this.rtt.rto;
          this.cc = onRto(this.ccCfg, this.cc, { now: this.now, flightSize: this.flight(), sndNxt: this.sndNxt });
          this.retxReason = 'rto';
        } else {
          this.synTimedOut = true;
          this.rto = Math.min(p.rtoMax, this.rto * 2);
        }
        this.retransmit();
        this.startRetransmitTimer(true);
        return;
      }
      case 'syn-ack': {
        if (this.state !== 'SYN-RECEIVED') return;
        if (this.synAckCount >= p.synAckRetries) {
          this.app('accept', X.halfOpenExpired(this.who), { error: ERR.halfOpenExpired }, true);
          this.backToListen(X.causeTimeout, X.halfOpenExpired(this.who));
          return;
        }
        this.synAckCount++;
        this.synTimedOut = true;
        const t = Math.min(p.rtoMax, p.rtoInitial * 2 ** this.synAckCount);
        if (!this.spoofedPeer) this.sendSynAck(true, X.synAckRetx(this.who, this.iss, this.rcvNxt));
        this.setTimer('syn-ack', t);
        return;
      }
      case 'delayed-ack':
        // Linux tcp_delack_timer_handler: a delayed ACK that had to be sent by the timer ends pingpong.
        if (this.ackPending !== 'none' && this.state !== 'CLOSED') {
          this.pingpong = false;
          this.sendAck(X.delayedAckSent(this.who, this.rcvNxt));
        }
        return;
      case 'persist': {
        if (!canOutput(this.state) || seqDiff(this.dataEnd, this.sndNxt) <= 0) return;
        const wndLeft = seqDiff(seqAdd(this.sndUna, this.sndWnd), this.sndNxt);
        if (wndLeft > 0) {
          // a window too small for sender SWS avoidance: the timer's expiry sends it anyway
          this.forceSend = true;
          this.output();
          return;
        }
        // A zero-window probe. Linux (tcp_write_wakeup -> tcp_xmit_probe_skb) sends an ACK with
        // SEQ = SND.UNA - 1 and no data: an old sequence number the receiver must answer with an
        // ACK carrying its current window. The rfc profile sends the same (RFC 1122 allows it).
        this.probes++;
        this.transmit({ ack: true }, seqAdd(this.sndUna, -1), this.rcvNxt, 0, X.zeroWindowProbe(this.who, this.probes, seqAdd(this.sndUna, -1)));
        this.setTimer('persist', this.probeInterval(), X.persistSet(this.who, 0, this.probeInterval()));
        return;
      }
      case 'time-wait':
        this.setState('CLOSED', this.cfg.profile === 'linux' ? X.causeTimeWaitLinux : X.causeTimeWait, X.timeWaitDone(this.who, p.timeWait));
        return;
      case 'user-timeout':
        return;
    }
  }

  /** An ACK covering the timed segment: an RTT sample (RFC 6298 §2 / Linux's estimator, rtt.ts). */
  private updateRtt(ack: number): void {
    const s = this.rttSample;
    if (!s || seqLt(ack, s.end)) return;
    this.rttSample = null;
    this.rtt = rttSample(this.rttP, this.rtt, this.now - s.t, { retransmitted: false, sndUna: ack, sndNxt: this.sndNxt });
    this.srtt = this.rtt.srtt;
    this.rto = this.rtt.rto;
  }

  /** §3.10.7.4 "fifth, check the ACK field" for synchronized states: advance SND.UNA. */
  private processAck(seg: Seg): 'ok' | 'drop' {
    if (seqLt(this.sndUna, seg.ackNo) && seqLe(seg.ackNo, this.sndNxt)) {
      this.updateRtt(seg.ackNo);
      const acked = seqDiff(seg.ackNo, this.sndUna);
      const flightBefore = this.flight();
      this.sndUna = seg.ackNo;
      this.retries = 0;
      this.dupAcks = 0;
      this.sndWnd = seg.wnd;
      if (this.cc && this.ccCfg) {
        const r = onAck(this.ccCfg, this.cc, {
          now: this.now,
          ack: seg.ackNo,
          bytesAcked: acked,
          flightSize: this.flight(),
          sndNxt: this.sndNxt,
          srtt: this.rtt.srtt,
          // RFC 7661 / Linux tcp_is_cwnd_limited(): in slow start while cwnd < 2 * the data in
          // flight, otherwise when cwnd held data back; an application-limited sender does not grow.
          cwndLimited: this.cwndLimited || (this.cc.cwnd < this.cc.ssthresh && this.cc.cwnd < 2 * flightBefore),
        });
        this.cc = r.state;
        if (r.retransmit) this.lossRetransmit('partial');
      }
      if (this.sndUna === this.sndNxt) this.cancelTimer('retransmit');
      else this.startRetransmitTimer(true);
      return 'ok';
    }
    if (seqGt(seg.ackNo, this.sndNxt)) {
      this.throttledAck(seg, X.ackTooHigh(this.who, seg.ackNo));
      return 'drop';
    }
    const sameWnd = seg.wnd === this.sndWnd;
    this.sndWnd = seg.wnd;
    // A duplicate ACK (nothing new, no data, the same window, data outstanding; a window update is
    // not one, RFC 5681 §2). The third in a row triggers fast retransmit of the earliest
    // unacknowledged segment (RFC 5681 §3.2), without waiting for the RTO; the congestion controller
    // counts them and decides (RFC 6582's recover check, PRR's pacing in linux).
    if (seg.ackNo === this.sndUna && seg.len === 0 && !seg.fin && sameWnd && seqGt(this.sndNxt, this.sndUna)) {
      if (this.cc && this.ccCfg) {
        const r = onDupAck(this.ccCfg, this.cc, { now: this.now, ack: seg.ackNo, flightSize: this.flight(), sndNxt: this.sndNxt });
        this.cc = r.state;
        this.dupAcks = r.state.dupAcks;
        if (r.retransmit && canOutput(this.state)) this.lossRetransmit('fast');
        return 'ok';
      }
      this.dupAcks++;
      if (this.dupAcks === 3 && canOutput(this.state)) {
        this.rttSample = null;
        this.retransmit(X.fastRetx(this.who, this.sndUna));
        this.startRetransmitTimer(true);
      }
    }
    return 'ok';
  }

  /** FlightSize: bytes sent and not yet acknowledged (RFC 5681 §2). */
  private flight(): number {
    return Math.max(0, seqDiff(this.sndNxt, this.sndUna));
  }

  /**
   * The controller asked for the segment at SND.UNA again: a fast retransmit (3rd duplicate ACK) or a
   * partial ACK during recovery. Reno and NewReno send it at once, outside cwnd (RFC 5681 §3.2 step 3,
   * RFC 6582 §3.2 step 3, which also restarts the retransmission timer); PRR sends it as the first
   * segment its allowance permits (output() sends what needsRetransmit() says is lost).
   */
  private lossRetransmit(kind: 'fast' | 'partial'): void {
    const cfg = this.ccCfg;
    if (!cfg || !this.cc) return;
    this.rttSample = null; // Karn
    if (cfg.recovery === 'prr') {
      this.retxReason = kind === 'fast' ? 'prr-fast' : 'prr-partial';
      return;
    }
    const why =
      kind === 'fast'
        ? cfg.recovery === 'reno'
          ? X.fastRetxReno(this.who, this.sndUna, this.cc.ssthresh, this.cc.cwnd)
          : X.fastRetxNewReno(this.who, this.sndUna, this.cc.ssthresh, this.cc.cwnd)
        : X.partialAckRetx(this.who, this.sndUna, this.cc.recover);
    this.retransmitFrom(this.sndUna, why);
    if (kind === 'fast') this.startRetransmitTimer(true); // a partial ACK restarts it in processAck
  }

  private finAcked(): boolean {
    return this.finSent && this.sndUna === this.sndNxt;
  }

  private enterTimeWait(cause: string, explain: string): void {
    this.cancelTimer('retransmit', true);
    this.setState('TIME-WAIT', cause, explain);
    this.setTimer('time-wait', this.cfg.prof.timeWait, X.timeWaitSet(this.who, this.cfg.prof.timeWait, this.cfg.profile));
  }

  /**
   * Delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2): an ACK for at least every second full-sized
   * segment. rfc: once two full segments' worth (2 * MSS) is unacknowledged. linux
   * (__tcp_ack_snd_check): once more than one full segment (rcv_nxt - rcv_wup > rcv_mss, with rcv_mss
   * = the MSS here; Linux's extra condition that the window would not shrink is not modelled).
   * Otherwise the delayed-ACK timer sends it (rfc: 200 ms, RFC 1122's 0.5 s upper bound being the
   * MUST; linux: TCP_ATO_MIN = 40 ms).
   */
  private ackDue(): boolean {
    return this.cfg.profile === 'linux' ? this.unackedBytes > this.mss : this.unackedBytes >= 2 * this.mss;
  }

  /**
   * Linux tcp_incr_quickack (the linux profile only): rcv_wnd / (2 * rcv_mss) segments are ACKed at
   * once (rcv_mss = the MSS here), 2 if that is 0, at most TCP_MAX_QUICKACKS = 16; never fewer than
   * are left.
   */
  private incrQuickAck(): void {
    if (this.cfg.profile !== 'linux') return;
    const q = Math.floor(this.rcvWnd / (2 * this.mss)); // tp->rcv_wnd: the window last advertised
    this.quick = Math.max(this.quick, Math.min(this.cfg.prof.quickAck, q === 0 ? 2 : q));
  }

  private scheduleAck(urgency: 'delay' | 'now'): void {
    if (urgency === 'now' || this.ackPending === 'now') this.ackPending = 'now';
    else this.ackPending = 'delay';
  }

  private establish(cause: string, explain: string): void {
    this.cancelTimer('syn-ack');
    this.cancelTimer('retransmit');
    this.initCc();
    if (this.inSynQueue) this.emit({ type: 'left-syn-queue' });
    this.setState('ESTABLISHED', cause, explain);
    if (this.passive) this.emit({ type: 'accepted' });
    if (this.closeDeferred) {
      this.closeDeferred = false;
      this.closeSending('FIN-WAIT-1', X.toFinWait1(this.who));
    }
  }

  /** The application's close of the sending side: FIN after the queued data (RFC 9293 §3.10.4). */
  private closeSending(to: 'FIN-WAIT-1' | 'LAST-ACK', explain: string): void {
    this.finRequested = true;
    this.finSeq = this.dataEnd;
    this.setState(to, X.causeClose, explain);
    this.output();
  }

  // ---------------------------------------------------------------- segment arrival

  /** The sequence-number acceptability test (RFC 9293 §3.10.7.4, first). */
  private acceptable(seg: Seg): boolean {
    const len = segLen(seg);
    const wnd = this.rcvWnd;
    const hi = seqAdd(this.rcvNxt, wnd);
    if (len === 0) return wnd === 0 ? seg.seq === this.rcvNxt : seqInWindow(seg.seq, this.rcvNxt, hi);
    if (wnd === 0) return false;
    return seqInWindow(seg.seq, this.rcvNxt, hi) || seqInWindow(seqAdd(seg.seq, len - 1), this.rcvNxt, hi);
  }

  /** A segment for this connection arrives (RFC 9293 §3.10.7.3 and §3.10.7.4). */
  onSegment(seg: Seg, now: number): Effect[] {
    this.begin(now);
    if (this.state === 'SYN-SENT') this.synSentSegment(seg);
    else this.segmentArrives(seg);
    return this.fx;
  }

  /** RFC 9293 §3.10.7.3: SYN-SENT. */
  private synSentSegment(seg: Seg): void {
    let ackOk = false;
    if (seg.ack) {
      if (seqLe(seg.ackNo, this.iss) || seqGt(seg.ackNo, this.sndNxt)) {
        if (!seg.rst) this.transmit({ rst: true }, seg.ackNo, 0, 0, X.rstBadAck(this.who, seg.ackNo, this.iss, seg.syn));
        return;
      }
      ackOk = true;
    }
    if (seg.rst) {
      if (ackOk) {
        this.app('connect', X.refused(this.who), { error: ERR.refused });
        this.setState('CLOSED', X.causeRst, X.refusedState(this.who));
      }
      return;
    }
    if (!seg.syn) return;
    this.irs = seg.seq;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.sndWnd = seg.wnd;
    if (ackOk) {
      this.updateRtt(seg.ackNo);
      this.sndUna = seg.ackNo;
    }
    if (seqGt(this.sndUna, this.iss)) {
      this.retries = 0;
      this.establish(X.causeSynAck, X.synSentToEst(this.who, seg.seq, this.rcvNxt));
      this.sendAck(X.handshakeAck(this.who, this.sndNxt, this.rcvNxt, seg.seq));
      this.output();
      return;
    }
    // Simultaneous open: SYN without ACK.
    this.setState('SYN-RECEIVED', X.causeRcvSyn, X.simOpenState(this.who));
    this.sendSynAck(false, X.simOpenSynAck(this.who, this.iss, this.rcvNxt));
  }

  private segmentArrives(seg: Seg): void {
    const who = this.who;
    const prof = this.cfg.prof;

    // TIME-WAIT: a retransmitted FIN is re-acknowledged and restarts the 2MSL timer (§3.10.7.4,
    // eighth; Linux tcp_timewait_state_process does the same).
    if (this.state === 'TIME-WAIT' && seg.fin && !seg.rst && seqAdd(seg.seq, segLen(seg)) === this.rcvNxt) {
      this.sendAck(X.timeWaitReack(who, this.sndNxt, this.rcvNxt));
      this.setTimer('time-wait', prof.timeWait, X.timeWaitRestart(who, prof.timeWait));
      return;
    }

    // SYN-RECEIVED special cases that implementations handle before the generic test:
    if (this.state === 'SYN-RECEIVED' && seg.syn && !seg.rst) {
      // (a) our peer's SYN again (its retransmission: our SYN,ACK was lost) -> resend SYN,ACK
      //     (Linux tcp_check_req; the RFC text would send a bare ACK).
      if (!seg.ack && seg.seq === this.irs) {
        this.sendSynAck(true, X.synAgain(who, this.iss, this.rcvNxt));
        return;
      }
      // (b) simultaneous open: the peer's SYN,ACK repeats the SYN we already took and acks ours.
      //     Linux accepts it (tcp_validate_incoming); RFC 9293 Figure 7 shows the same result.
      if (seg.ack && seqAdd(seg.seq, 1) === this.rcvNxt && seg.ackNo === this.sndNxt) {
        this.sndUna = seg.ackNo;
        this.sndWnd = seg.wnd;
        this.establish(X.causeSynAck, X.simOpenEst(who, seg.seq, seg.ackNo));
        // RFC 9293 §3.10.7.4 (and RFC 793 Figure 8 line 7, and Linux) answer it with an ACK;
        // RFC 9293's own Figure 7 leaves that ACK out.
        this.sendAck(X.simOpenAck(who, this.sndNxt, this.rcvNxt));
        this.output();
        return;
      }
    }

    // Until our SYN is acknowledged (SYN-RECEIVED, or FIN-WAIT-1 entered from it by a close) the
    // connection is not synchronized: an ACK that acknowledges something we never sent is answered
    // with <SEQ=SEG.ACK><CTL=RST> whatever its sequence number (RFC 9293 §3.5.2, reset generation,
    // group 2; Linux tcp_check_req tests the ACK before the window too). Answering it with an ACK
    // instead would start an ACK war with a half-open peer whose sequence numbers we never knew.
    const synUnacked = this.sndUna === this.iss;
    if (synUnacked && seg.ack && !seg.rst && !(seqLt(this.sndUna, seg.ackNo) && seqLe(seg.ackNo, this.sndNxt))) {
      this.transmit({ rst: true }, seg.ackNo, 0, 0, X.rstBadAck(who, seg.ackNo, this.iss, seg.syn));
      return;
    }

    // first: sequence number
    if (!this.acceptable(seg)) {
      // Linux (tcp_data_queue, out_of_window): a retransmission of data already received re-enters
      // quick ACK mode.
      if (seg.len > 0 && this.dataReceived) this.incrQuickAck();
      // A retransmitted SYN,ACK (the peer never took our ACK, e.g. its accept queue was full) is
      // below the window too; say so rather than "outside the window".
      if (!seg.rst) this.throttledAck(seg, seg.syn && seg.ack && seqAdd(seg.seq, 1) === this.rcvNxt ? X.dupSynAck(who, seg.seq, this.rcvNxt) : X.notAcceptable(who, seg.seq, this.rcvNxt));
      return;
    }

    // second: RST (RFC 5961 §3.2: only an exact match resets; others get a challenge ACK)
    if (seg.rst) {
      if (seg.seq !== this.rcvNxt) {
        this.throttledAck(seg, X.challengeAckRst(who, seg.seq, this.rcvNxt));
        return;
      }
      if (this.state === 'SYN-RECEIVED' && this.passive) {
        this.backToListen(X.causeRst, X.rstBackToListen(who));
        return;
      }
      if (this.state === 'SYN-RECEIVED') {
        this.app('connect', X.refused(who), { error: ERR.refused });
        this.setState('CLOSED', X.causeRst, X.refusedSynAck(who));
        return;
      }
      if (resetReported(this.state)) this.app('receive', X.reset(who), { error: ERR.reset });
      this.setState('CLOSED', X.causeRst, X.resetState(who, this.state));
      return;
    }

    // fourth: SYN in a synchronized state -> challenge ACK (RFC 5961 §4, RFC 9293)
    if (seg.syn) {
      if (this.state === 'SYN-RECEIVED' && this.passive) {
        this.backToListen(X.causeRcvSyn, X.synInSynRcvd(who));
        return;
      }
      this.throttledAck(seg, X.challengeAckSyn(who, this.sndNxt, this.rcvNxt));
      return;
    }

    // fifth: ACK
    if (!seg.ack) return;
    if (this.state === 'SYN-RECEIVED') {
      if (seqLt(this.sndUna, seg.ackNo) && seqLe(seg.ackNo, this.sndNxt)) {
        this.updateRtt(seg.ackNo);
        this.sndUna = seg.ackNo;
        this.sndWnd = seg.wnd;
        this.establish(X.causeRcvAck, X.synRcvdToEst(who, seg.ackNo, this.iss));
      } else {
        this.transmit({ rst: true }, seg.ackNo, 0, 0, X.rstBadAck(who, seg.ackNo, this.iss, seg.syn));
        return;
      }
    } else if (this.processAck(seg) === 'drop') return;

    switch (this.state) {
      case 'FIN-WAIT-1':
        // A FIN,ACK that acks our FIN goes straight to TIME-WAIT below (no FIN-WAIT-2 stop shown).
        if (this.finAcked() && !(seg.fin && seqAdd(seg.seq, seg.len) === this.rcvNxt)) {
          this.setState('FIN-WAIT-2', X.causeAckOfFin, X.toFinWait2(who));
        }
        break;
      case 'CLOSING':
        if (this.finAcked()) {
          this.enterTimeWait(X.causeAckOfFin, X.closingToTimeWait(who));
          return;
        }
        break;
      case 'LAST-ACK':
        if (this.finAcked()) {
          this.cancelTimer('retransmit', true);
          this.setState('CLOSED', X.causeAckOfFin, X.lastAckToClosed(who));
          return;
        }
        break;
      default:
        break;
    }

    // Linux: a socket closed with close() (not shutdown()) can no longer deliver data; new data in
    // FIN-WAIT-1/2 is answered with <SEQ=SEG.ACK><CTL=RST> and the connection is dropped
    // (tcp_rcv_state_process, LINUX_MIB_TCPABORTONDATA).
    if (this.orphaned && (this.state === 'FIN-WAIT-1' || this.state === 'FIN-WAIT-2') && seg.len > 0 && seqGt(seqAdd(seg.seq, seg.len), this.rcvNxt)) {
      this.transmit({ rst: true }, seg.ackNo, 0, 0, X.rstOrphanData(who, seg.ackNo));
      this.setState('CLOSED', X.causeOrphanData, X.orphanDataState(who));
      return;
    }

    // seventh: segment text
    let urgency: 'delay' | 'now' | null = null;
    const receiving = canReceive(this.state);
    let finHere = false;
    if (seg.len > 0 || seg.fin) {
      if (!receiving && !(seg.fin && seg.len === 0)) {
        // data after the peer's FIN: ignore (CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT)
      } else if (seg.seq === this.rcvNxt) {
        // With a receive buffer, only what fits in the window is taken (RFC 9293 §3.10.7.4: trim).
        const take = this.rcvBuf === null ? seg.len : Math.min(seg.len, this.curRcvWnd());
        this.rcvNxt = seqAdd(this.rcvNxt, take);
        this.received += take;
        if (take < seg.len) {
          seg = { ...seg, len: take, fin: false };
        }
        if (seg.len > 0) {
          // Linux tcp_event_data_recv: quick ACKs for the first data, and again after a gap longer
          // than the RTO ("the sender failed to restart its window").
          if (!this.dataReceived || (this.lastDataRcvd !== null && this.now - this.lastDataRcvd > this.rto)) this.incrQuickAck();
          this.dataReceived = true;
          this.lastDataRcvd = this.now;
          this.unackedBytes += seg.len;
          const quick = this.quick > 0 && !this.pingpong;
          urgency = quick || !this.cfg.delayedAck || this.ackDue() ? 'now' : 'delay';
          if (this.quick > 0) this.quick--;
        }
        finHere = seg.fin;
        // pull in buffered out-of-order segments (filling a gap is ACKed at once, RFC 5681 §4.2, and
        // so is every segment while the out-of-order queue is not empty: Linux __tcp_ack_snd_check)
        if (this.ooo.length > 0) urgency = 'now';
        let progressed = true;
        while (progressed && !finHere) {
          progressed = false;
          for (let i = 0; i < this.ooo.length; i++) {
            const o = this.ooo[i];
            if (seqLe(o.seq, this.rcvNxt) && seqGt(seqAdd(o.seq, o.len + (o.fin ? 1 : 0)), this.rcvNxt)) {
              const newBytes = seqDiff(seqAdd(o.seq, o.len), this.rcvNxt);
              if (newBytes > 0) {
                this.rcvNxt = seqAdd(this.rcvNxt, newBytes);
                this.received += newBytes;
              }
              if (o.fin) finHere = true;
              this.ooo.splice(i, 1);
              progressed = true;
              urgency = 'now';
              break;
            }
          }
        }
      } else if (seqLt(seg.seq, this.rcvNxt)) {
        // partly old: trim it and take the new part, and a FIN right after it even when no new
        // byte comes with it (RFC 9293 §3.10.7.4).
        const newBytes = seqDiff(seqAdd(seg.seq, seg.len), this.rcvNxt);
        if (newBytes > 0) {
          this.rcvNxt = seqAdd(this.rcvNxt, newBytes);
          this.received += newBytes;
          this.dataReceived = true;
        }
        if (newBytes >= 0) finHere = seg.fin;
        urgency = 'now';
      } else {
        // out of order: keep it, ACK at once (a duplicate ACK tells the sender what is missing)
        if (this.ooo.length < 64) this.ooo.push({ seq: seg.seq, len: seg.len, fin: seg.fin });
        this.sendAck(X.outOfOrder(who, seg.seq, this.rcvNxt));
        this.output();
        return;
      }
    }

    // eighth: FIN
    if (finHere) {
      this.rcvNxt = seqAdd(this.rcvNxt, 1);
      this.quick = 0; // Linux enters "pingpong" (delayed-ACK) mode on a FIN
      // Linux's ACK timeout (icsk_ack.ato) is 0 until the first data byte arrives
      // (tcp_event_data_recv): a FIN before any data is ACKed at once, not 40 ms later.
      const atoZero = this.cfg.profile === 'linux' && !this.dataReceived;
      urgency = this.cfg.delayedAck && !atoZero ? 'delay' : 'now';
      switch (this.state) {
        case 'SYN-RECEIVED':
        case 'ESTABLISHED':
          this.setState('CLOSE-WAIT', X.causeRcvFin, X.toCloseWait(who, urgency === 'delay'));
          this.app('receive', X.eof(who));
          break;
        case 'FIN-WAIT-1':
          if (this.finAcked()) {
            this.enterTimeWait(X.causeRcvFinAck, X.finWait1ToTimeWait(who));
            this.sendAck(X.ackPeerFin(who, this.sndNxt, this.rcvNxt));
            return;
          }
          this.setState('CLOSING', X.causeRcvFin, X.toClosing(who));
          urgency = 'now';
          break;
        case 'FIN-WAIT-2':
          this.enterTimeWait(X.causeRcvFin, X.finWait2ToTimeWait(who));
          this.sendAck(X.ackPeerFin(who, this.sndNxt, this.rcvNxt));
          return;
        default:
          break;
      }
    }

    if (urgency) this.scheduleAck(urgency);
    this.output();
    if (this.ackPending === 'now') this.sendAck(finHere ? X.ackPeerFin(who, this.sndNxt, this.rcvNxt) : X.ackData(who, this.sndNxt, this.rcvNxt));
    else if (this.ackPending === 'delay' && !this.timers.has('delayed-ack')) {
      this.setTimer('delayed-ack', prof.ackDelay, X.delayedAckSet(who, prof.ackDelay));
    }
  }

  // ---------------------------------------------------------------- user calls

  /** An application call on this connection (RFC 9293 §3.10.2 - §3.10.5). */
  onCall(call: UserCall, now: number): Effect[] {
    this.begin(now);
    const who = this.who;
    switch (call.kind) {
      case 'send': {
        if (!canSend(this.state)) {
          this.app('send', X.cannotSend(who, this.state), { bytes: call.bytes, error: ERR.closing });
          break;
        }
        this.app('send', call.label ? X.appSendLabel(who, call.bytes, call.label) : X.appSend(who, call.bytes), { bytes: call.bytes });
        if (call.label) {
          this.labels.push({ start: this.dataEnd, end: seqAdd(this.dataEnd, call.bytes), label: call.label });
          if (this.labels.length > MAX_LABELS) this.labels.shift();
        }
        this.dataEnd = seqAdd(this.dataEnd, call.bytes);
        this.output();
        break;
      }
      case 'receive': {
        const before = this.curRcvWnd();
        this.app('receive', X.appReceive(who, this.received), { bytes: this.received });
        this.received = 0;
        this.windowUpdate(before);
        break;
      }
      case 'read': {
        const n = call.bytes === undefined ? this.received : Math.min(call.bytes, this.received);
        const before = this.curRcvWnd();
        this.received -= n;
        this.app('receive', X.appRead(who, n, this.received), { bytes: n });
        this.windowUpdate(before);
        break;
      }
      case 'recv': {
        const n = Math.min(call.want, this.received);
        const before = this.curRcvWnd();
        this.received -= n;
        this.app('receive', X.appRecv(who, n, call.want, call.waited, this.received), { bytes: n });
        this.windowUpdate(before);
        break;
      }
      case 'close':
        this.close(false);
        break;
      case 'shutdown':
        this.close(true);
        break;
      case 'abort': {
        this.app('abort', X.appAbort(who));
        if (abortSendsRst(this.state)) {
          // RFC 9293: <SEQ=SND.NXT><CTL=RST>. Linux (tcp_send_active_reset) also sets ACK.
          const linux = this.cfg.profile === 'linux';
          this.transmit({ rst: true, ack: linux }, this.sndNxt, this.rcvNxt, 0, X.abortRst(who, this.sndNxt));
        }
        this.setState('CLOSED', X.causeAbort, X.abortState(who));
        break;
      }
    }
    return this.fx;
  }

  /** close() or shutdown(SHUT_WR). */
  private close(shutdown: boolean): void {
    const who = this.who;
    // Linux tcp_close: unread received data makes close() reset the connection instead of closing
    // it gracefully (RFC 2525 §2.17): RST,ACK with SEQ=SND.NXT, and the socket is gone.
    if (!shutdown && this.cfg.profile === 'linux' && this.received > 0 && abortSendsRst(this.state)) {
      this.app('close', X.closeUnread(who, this.received));
      this.transmit({ rst: true, ack: true }, this.sndNxt, this.rcvNxt, 0, X.closeUnreadRst(who, this.sndNxt, this.received));
      this.setState('CLOSED', X.causeClose, X.closeUnreadState(who));
      return;
    }
    if (!shutdown && this.cfg.profile === 'linux') this.orphaned = true;
    if (this.state === 'SYN-RECEIVED' && !this.closeDeferred && seqDiff(this.dataEnd, this.sndNxt) > 0) {
      // RFC 9293 §3.10.4: data is still queued, so the close waits until ESTABLISHED.
      this.closeDeferred = true;
      this.app('close', X.closeDeferred(who));
      return;
    }
    if (this.closeDeferred) {
      this.app('close', X.closeAgain(who, this.state), { error: ERR.closing });
      return;
    }
    this.app('close', shutdown ? X.appShutdown(who, this.state) : X.appClose(who, this.state));
    switch (this.state) {
      case 'SYN-SENT':
        this.setState('CLOSED', X.causeClose, X.closeSynSent(who));
        return;
      // SYN-RECEIVED with data pending was deferred above (RFC 9293 §3.10.4).
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.closeSending('FIN-WAIT-1', X.toFinWait1(who));
        return;
      case 'CLOSE-WAIT':
        this.closeSending('LAST-ACK', X.toLastAck(who, this.ackPending !== 'none'));
        return;
      default:
        this.app('close', X.closeAgain(who, this.state), { error: ERR.closing });
        return;
    }
  }
}
