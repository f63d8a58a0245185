/**
 * Every learner-facing string of the TCP model, in English and in zh-CN (same shapes; `X`, `PARSE`
 * and `STATE_NAMES` follow the current language, src/i18n).
 * `X` explains trace events (one line each); `PARSE` holds script error messages; the `cause*`
 * values are the short `cause` of state events. In zh-CN, protocol tokens stay as in the RFCs and
 * tcpdump (SYN, ACK, seq, ack, RTO, MSS, the state names), and a state's Chinese name (谢希仁
 * 《计算机网络》's terms) stands beside it where a sentence enters it: `进入 ESTABLISHED（已建立连接）状态`.
 */
import { catalogue, type Translation } from '../i18n/index.js';
import { TCP_STATES, type TcpState } from './types.js';

const cap = (s: string): string => {
  const t = String(s);
  return t.charAt(0).toUpperCase() + t.slice(1);
};
const secs = (ms: number): string => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

type TimerName = 'retransmit' | 'time-wait' | 'delayed-ack' | 'syn-ack' | 'user-timeout' | 'persist';
const TIMER_NAMES: Record<TimerName, string> = {
  retransmit: 'retransmission timer (RTO)',
  'time-wait': 'TIME-WAIT timer',
  'delayed-ack': 'delayed-ACK timer',
  'syn-ack': 'SYN,ACK retransmission timer',
  'user-timeout': 'user timeout',
  persist: 'persist timer (zero-window probe)',
};

const X_EN = {
  // causes (short)
  causeConnect: 'connect',
  causeListen: 'listen',
  causeListener: 'new SYN for the listener',
  causeRcvSyn: 'rcv SYN',
  causeSynAck: 'rcv SYN,ACK',
  causeRcvAck: 'rcv ACK of SYN',
  causeCookie: 'rcv ACK with valid SYN cookie',
  causeRcvFin: 'rcv FIN',
  causeRcvFinAck: 'rcv FIN,ACK of FIN',
  causeAckOfFin: 'rcv ACK of FIN',
  causeClose: 'close',
  causeAbort: 'abort',
  causeRst: 'rcv RST',
  causeTimeout: 'timeout',
  causeTimeWait: 'timeout 2MSL',
  causeTimeWaitLinux: 'timeout TIME-WAIT (60 s)',
  causeOrphanData: 'rcv data after close()',
  causeReboot: 'reboot',
  causeTwSyn: 'rcv new SYN in TIME-WAIT',

  // application calls
  appListen: (who: string, port: number, backlog: number) =>
    `${cap(who)} calls listen() on port ${port} (backlog ${backlog}): a passive open, it now waits for SYNs.`,
  toListen: (who: string) => `${cap(who)} enters LISTEN: ready to accept connections.`,
  stillListening: (who: string) => `${cap(who)}'s listening socket is still open, so a new SYN can start a new connection.`,
  appConnect: (who: string, peer: string) => `${cap(who)} calls connect() to the ${peer}: an active open.`,
  toSynSent: (who: string, isn: number) => `${cap(who)} picks ISN ${isn}, sends SYN and enters SYN-SENT.`,
  alreadyConnected: (who: string) => `${cap(who)} calls connect(), but it already has a connection: error.`,
  appSend: (who: string, n: number) => `${cap(who)}'s application writes ${n} byte${n === 1 ? '' : 's'}.`,
  appSendLabel: (who: string, n: number, label: string) => `${cap(who)}'s application writes ${n} byte${n === 1 ? '' : 's'}: ${label}.`,
  appShutdown: (who: string, state: string) =>
    state === 'CLOSE-WAIT'
      ? `${cap(who)}'s application calls shutdown(SHUT_WR): its side is done too.`
      : `${cap(who)}'s application calls shutdown(SHUT_WR): it will send no more data, and it can still receive.`,
  closeUnread: (who: string, n: number) =>
    `${cap(who)}'s application calls close() with ${n} received byte${n === 1 ? '' : 's'} it never read: that data is lost, so Linux resets the connection (RFC 2525 §2.17).`,
  closeUnreadRst: (who: string, seq: number, n: number) =>
    `${cap(who)} sends RST (seq=${seq}) instead of FIN: ${n} unread byte${n === 1 ? '' : 's'} were thrown away, and the peer must not think they were delivered.`,
  closeUnreadState: (who: string) => `${cap(who)} reset the connection on close(): the TCB is deleted.`,
  cannotSend: (who: string, state: string) => `${cap(who)} tries to send in state ${state}: error, there is no open sending side.`,
  appRead: (who: string, n: number, left: number) =>
    `${cap(who)}'s application reads ${n} byte${n === 1 ? '' : 's'} from the receive buffer${left > 0 ? ` (${left} still unread)` : ''}: that space is free again.`,
  appRecv: (who: string, n: number, want: number, waited: number, left: number) =>
    n < want
      ? `${cap(who)}'s application's recv(${want}) returns only ${n} byte${n === 1 ? '' : 's'}: no more data can come.`
      : `${cap(who)}'s application's recv(${want}) returns ${n} byte${n === 1 ? '' : 's'}${waited > 0 ? `, after waiting ${secs(waited)} for them to arrive` : ''}${left > 0 ? ` (${left} more unread)` : ''}.`,
  windowUpdate: (who: string, wnd: number, before: number) =>
    `${cap(who)} sends a window update: the application freed buffer space, so the window grows from ${before} to ${wnd} bytes and the peer may send again.`,
  persistSet: (who: string, wnd: number, ms: number) =>
    `${cap(who)}'s peer offers a ${wnd === 0 ? 'zero window' : `window of ${wnd} bytes, too small to use`}: it starts the persist timer (${secs(ms)}) to probe it, since no ACK may ever come to reopen it.`,
  zeroWindowProbe: (who: string, k: number, seq: number) =>
    `${cap(who)}'s persist timer expired: zero-window probe ${k}, an ACK with the old seq=${seq} and no data, which the peer must answer with its current window.`,
  appReceive: (who: string, n: number) => `${cap(who)}'s application reads ${n} byte${n === 1 ? '' : 's'} from the receive buffer.`,
  appClose: (who: string, state: string) =>
    state === 'CLOSE-WAIT'
      ? `${cap(who)}'s application calls close(): its side is done too.`
      : state === 'SYN-SENT'
        ? `${cap(who)}'s application calls close() before the handshake finished.`
        : `${cap(who)}'s application calls close(): it will send no more data.`,
  closeListener: (who: string) => `${cap(who)} closes its listening socket.`,
  listenerClosed: (who: string) => `${cap(who)} no longer listens: SYNs will now get RST.`,
  closeNothing: (who: string) => `${cap(who)} has no connection to close: error.`,
  closeAgain: (who: string, state: string) => `${cap(who)} already closed its side (state ${state}): error.`,
  closeSynSent: (who: string) => `${cap(who)} closes before the handshake finished: the TCB is deleted, nothing is sent.`,
  closeDeferred: (who: string) =>
    `${cap(who)} still has data queued and its SYN is not yet acknowledged: the close waits until the connection is ESTABLISHED (RFC 9293 §3.10.4).`,
  toFinWait1: (who: string) => `${cap(who)} sends FIN (after any queued data) and enters FIN-WAIT-1.`,
  toLastAck: (who: string, piggy: boolean) =>
    `${cap(who)} sends its own FIN and enters LAST-ACK${piggy ? '; the pending ACK of the peer\'s FIN rides on it' : ''}.`,
  appAbort: (who: string) => `${cap(who)}'s application aborts the connection.`,
  abortRst: (who: string, seq: number) => `${cap(who)} aborts: sends RST (seq=${seq}) and forgets the connection.`,
  abortState: (who: string) => `${cap(who)} aborted: the TCB is deleted.`,
  reboot: (who: string) => `${cap(who)} crashes and reboots: every connection it had is forgotten, without telling the peer.`,
  rebootState: (who: string) => `${cap(who)} lost all connection state in the reboot.`,
  accepted: (who: string) => `${cap(who)}'s application accept()s the new connection from the accept queue.`,
  acceptOff: (who: string) => `${cap(who)}'s application stops calling accept(): established connections wait in the accept queue.`,
  acceptOn: (who: string, n: number) =>
    `${cap(who)}'s application calls accept() again${n > 0 ? `: it takes the ${n} queued connection${n === 1 ? '' : 's'}` : ''}.`,
  queuedForAccept: (who: string) => `${cap(who)}'s new connection waits in the accept queue: the application is not calling accept().`,
  acceptFullReason: () => 'accept queue full',
  acceptFullAck: (who: string, q: number, max: number) =>
    `${cap(who)}'s accept queue is full (${q}/${max}), so this segment is dropped: its ACK would complete the handshake, but there is no room for the connection. Linux counts a listen overflow and, with tcp_abort_on_overflow=0, ignores the ACK: the connection stays half-open and the server keeps retrying its SYN,ACK, while the peer thinks it is connected.`,
  acceptFullCookieAck: (who: string, q: number, max: number) =>
    `${cap(who)}'s accept queue is full (${q}/${max}): Linux (tcp_abort_on_overflow=0) drops this ACK although its SYN cookie is valid; no state was kept, so nothing is sent again and the peer thinks it is connected.`,
  acceptFullSyn: (who: string, q: number, max: number) =>
    `${cap(who)}'s accept queue is full (${q}/${max}): the SYN is dropped.`,
  eof: (who: string) => `${cap(who)}'s application sees end-of-file: the peer will send no more data.`,

  // segments
  syn: (who: string, isn: number) => `${cap(who)} sends SYN with its ISN ${isn}; the SYN consumes one sequence number.`,
  synRetx: (who: string, isn: number, n: number) =>
    `No SYN,ACK before the RTO expired: ${who} sends its SYN (seq=${isn}) again (retry ${n + 1}).`,
  synAck: (who: string, iss: number, ack: number, clientIsn: number) =>
    `${cap(who)} receives SYN: stores a half-open connection and replies SYN,ACK with its ISN ${iss}; ack = ${clientIsn} + 1 = ${ack} because a SYN consumes one sequence number.`,
  synAckRetx: (who: string, iss: number, ack: number) =>
    `No ACK for the SYN,ACK yet: ${who} sends SYN,ACK (seq=${iss} ack=${ack}) again.`,
  synAgain: (who: string, iss: number, ack: number) =>
    `${cap(who)} gets the peer's SYN again (its SYN,ACK was lost): it resends SYN,ACK seq=${iss} ack=${ack}.`,
  synAckCookie: (who: string, cookie: number, ack: number, max: number) =>
    `${cap(who)}'s SYN queue is full (${max}/${max}): it answers with a SYN cookie as its ISN (${cookie}) and keeps no state; ack=${ack}.`,
  synAckCookieAlways: (who: string, cookie: number, ack: number) =>
    `${cap(who)} sends SYN cookies for every SYN (syncookies always, Linux tcp_syncookies=2): its ISN is the cookie ${cookie} and it keeps no state; ack=${ack}.`,
  inject: (who: string) => `An injected segment from ${who}'s address, as a test tool would craft it.`,
  handshakeAck: (who: string, seq: number, ack: number, peerIsn: number) =>
    `${cap(who)} ACKs the SYN,ACK: seq=${seq}, ack = ${peerIsn} + 1 = ${ack}. The three-way handshake is complete.`,
  simOpenAck: (who: string, seq: number, ack: number) =>
    `${cap(who)} ACKs the peer's SYN,ACK (seq=${seq} ack=${ack}), as RFC 9293 §3.10.7.4 and RFC 793 Figure 8 do (RFC 9293's Figure 7 leaves this ACK out; Linux sends it).`,
  simOpenSynAck: (who: string, iss: number, ack: number) =>
    `Simultaneous open: ${who} got the peer's SYN while waiting in SYN-SENT; it sends SYN,ACK seq=${iss} ack=${ack}.`,
  data: (who: string, seq: number, len: number, ack: number) =>
    `${cap(who)} sends ${len} byte${len === 1 ? '' : 's'} of data: seq=${seq} is the number of the first byte; it also acknowledges up to ${ack}.`,
  dataFin: (who: string, seq: number, len: number) =>
    `${cap(who)} sends its last ${len} byte${len === 1 ? '' : 's'} (seq=${seq}) with FIN on the same segment.`,
  dataFinRetx: (who: string, seq: number, len: number) =>
    `The RTO expired with data and the FIN unacknowledged: ${who} retransmits ${len} byte${len === 1 ? '' : 's'} from seq=${seq} with its FIN on the same segment.`,
  dataRetx: (who: string, seq: number, len: number) =>
    `The RTO expired with data unacknowledged: ${who} retransmits ${len} byte${len === 1 ? '' : 's'} from seq=${seq}.`,
  fin: (who: string, seq: number, ack: number, state: string) =>
    `${cap(who)} sends FIN (seq=${seq}): it has no more data to send${state === 'LAST-ACK' ? '' : ' (it can still receive)'}; ack=${ack}.`,
  fastRetx: (who: string, seq: number) =>
    `Three duplicate ACKs say seq=${seq} is missing: ${who} fast-retransmits it without waiting for the RTO.`,
  fastRetxReno: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `The 3rd duplicate ACK says seq=${seq} is missing: ${who} fast-retransmits it without waiting for the RTO and enters Reno fast recovery: ssthresh = max(FlightSize/2, 2*MSS) = ${ssthresh}, cwnd = ssthresh + 3*MSS = ${cwnd} (RFC 5681 §3.2).`,
  fastRetxNewReno: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `The 3rd duplicate ACK says seq=${seq} is missing: ${who} fast-retransmits it without waiting for the RTO and enters NewReno fast recovery: ssthresh = ${ssthresh}, cwnd = ssthresh + 3*MSS = ${cwnd} (RFC 6582).`,
  fastRetxPrr: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `The 3rd duplicate ACK says seq=${seq} is missing: ${who} fast-retransmits it without waiting for the RTO; fast recovery with PRR (RFC 6937, as Linux): ssthresh = ${ssthresh}, cwnd = ${cwnd}, shrinking in step with the ACKs.`,
  partialAckRetx: (who: string, seq: number, recover: number) =>
    `A partial ACK (below recover=${recover}): more than one segment was lost, so ${who} retransmits the next hole, seq=${seq}, at once and stays in fast recovery (NewReno, RFC 6582 §3.2).`,
  partialAckRetxPrr: (who: string, seq: number, recover: number) =>
    `A partial ACK (below ${recover}, what was sent when recovery began): ${who} retransmits the next hole, seq=${seq}, as PRR's budget allows (RFC 6937; Linux marks the new head lost).`,
  rtoLostRetx: (who: string, seq: number, len: number) =>
    `After the timeout everything outstanding is presumed lost (no SACK): ${who} sends ${len} byte${len === 1 ? '' : 's'} from seq=${seq} again as its window grows back in slow start.`,
  nagleRelease: (who: string) =>
    `Nagle's algorithm held this small segment until ${who}'s earlier data was acknowledged.`,
  finRetx: (who: string, seq: number) => `The FIN was not acknowledged in time: ${who} sends FIN (seq=${seq}) again.`,
  ackData: (who: string, seq: number, ack: number) => `${cap(who)} acknowledges: ack=${ack} is the next byte it expects (seq=${seq}).`,
  ackPeerFin: (who: string, seq: number, ack: number) =>
    `${cap(who)} ACKs the peer's FIN: ack=${ack} because a FIN consumes one sequence number (seq=${seq}).`,
  delayedAckSent: (who: string, ack: number) => `The delayed-ACK timer fired with nothing to piggyback on: ${who} sends a bare ACK (ack=${ack}).`,
  dupSynAck: (who: string, seq: number, rcvNxt: number) =>
    `${cap(who)} gets the SYN,ACK again (seq=${seq}; it already expects ${rcvNxt}): its ACK did not complete the peer's handshake, so it sends the ACK again (ack=${rcvNxt}).`,
  notAcceptable: (who: string, seq: number, rcvNxt: number) =>
    `${cap(who)} gets a segment outside its receive window (seq=${seq}, expected ${rcvNxt}): it drops it and re-sends an ACK.`,
  outOfOrder: (who: string, seq: number, rcvNxt: number) =>
    `${cap(who)} gets seq=${seq} but expects ${rcvNxt}: a gap. It keeps the segment and sends a duplicate ACK for ${rcvNxt}.`,
  ackTooHigh: (who: string, ack: number) => `${cap(who)} gets an ACK (${ack}) for data it never sent: it drops it and sends an ACK.`,
  challengeAckRst: (who: string, seq: number, rcvNxt: number) =>
    `${cap(who)} gets an RST with seq=${seq}, not exactly ${rcvNxt}: it may be forged, so it sends a challenge ACK (RFC 5961).`,
  challengeAckSyn: (who: string, seq: number, ack: number) =>
    `${cap(who)} gets a SYN on a synchronized connection: it answers with a challenge ACK (seq=${seq} ack=${ack}, RFC 5961).`,
  ackThrottled: (who: string, ms: number) =>
    `${cap(who)} does not answer it: it already sent an ACK for an invalid segment less than ${ms} ms ago (ACK throttling, RFC 5961 §7).`,
  rstForAck: (who: string, ack: number) =>
    `Nothing at ${who} owns this connection: it answers the ACK with a bare RST whose seq is that ack (${ack}).`,
  rstOrphanData: (who: string, ack: number) =>
    `${cap(who)}'s application already called close(), so no one can read this data: Linux answers it with RST (seq=${ack}) and drops the connection.`,
  rstForAckListen: (who: string, ack: number) =>
    `${cap(who)} is only listening and this ACK matches no connection: it sends RST with seq=${ack}.`,
  rstForSynAckListen: (who: string, ack: number) =>
    `${cap(who)} is only listening and never sent a SYN, so this SYN,ACK acknowledges nothing: it sends RST with seq=${ack} and keeps listening.`,
  rstRefuse: (who: string, seq: number, ack: number) =>
    `No one listens on that port at ${who}: it refuses with RST,ACK, seq=0 and ack = ${seq} + 1 = ${ack}.`,
  rstBadAck: (who: string, ack: number, iss: number, syn: boolean) =>
    syn
      ? `${cap(who)} gets a SYN,ACK whose ack (${ack}) does not acknowledge its SYN (ISN ${iss}): it answers an old duplicate SYN. It sends RST with seq=${ack}.`
      : `${cap(who)} gets an ACK (${ack}) that does not acknowledge its SYN (ISN ${iss}): it belongs to a connection this side does not have (for instance the peer's half-open one). It sends RST with seq=${ack}.`,
  oldSyn: (who: string, seq: number) =>
    `An old duplicate SYN (seq=${seq}) from an earlier incarnation of ${who}'s connection, delayed in the network, is delivered.`,

  // state changes
  listenToSynRcvd: (who: string) => `${cap(who)} enters SYN-RECEIVED: a half-open connection in its SYN queue.`,
  cookieRebuilt: (who: string, iss: number, mss: number) =>
    `${cap(who)} checks the returning ACK: ack-1 = ${iss} is a valid SYN cookie (MSS ${mss}), so it rebuilds the connection without having stored it.`,
  synSentToEst: (who: string, seq: number, ack: number) =>
    `${cap(who)} receives SYN,ACK (its SYN is acknowledged, the peer's ISN is ${seq}): ESTABLISHED; rcv.nxt=${ack}.`,
  simOpenState: (who: string) => `${cap(who)} receives a SYN while in SYN-SENT: simultaneous open, it enters SYN-RECEIVED.`,
  simOpenEst: (who: string, seq: number, ack: number) =>
    `${cap(who)} receives SYN,ACK (seq=${seq} ack=${ack}): its SYN is acknowledged, so ESTABLISHED.`,
  synRcvdToEst: (who: string, ack: number, iss: number) =>
    `${cap(who)} receives the ACK of its SYN (ack=${ack} = ${iss} + 1): ESTABLISHED.`,
  toFinWait2: (who: string) => `${cap(who)}'s FIN is acknowledged: FIN-WAIT-2, waiting for the peer's FIN.`,
  toCloseWait: (who: string, delayed: boolean) =>
    `${cap(who)} receives FIN: CLOSE-WAIT, the peer has finished sending${delayed ? '; the ACK waits briefly to ride on the next segment' : ''}.`,
  toClosing: (who: string) =>
    `${cap(who)} receives the peer's FIN before its own FIN was acknowledged: simultaneous close, CLOSING.`,
  closingToTimeWait: (who: string) => `${cap(who)}'s FIN is acknowledged while CLOSING: TIME-WAIT.`,
  finWait1ToTimeWait: (who: string) => `${cap(who)} receives FIN,ACK that also acknowledges its own FIN: straight to TIME-WAIT.`,
  finWait2ToTimeWait: (who: string) => `${cap(who)} receives the peer's FIN in FIN-WAIT-2: it ACKs it and enters TIME-WAIT.`,
  lastAckToClosed: (who: string) => `${cap(who)} receives the ACK of its FIN in LAST-ACK: the connection is CLOSED.`,
  timeWaitDone: (who: string, ms: number) => `${cap(who)} has waited ${secs(ms)} in TIME-WAIT: no old segment can still be around, CLOSED.`,
  refused: (who: string) => `${cap(who)}'s connect() fails: connection refused.`,
  refusedState: (who: string) => `${cap(who)} receives RST in reply to its SYN: connection refused, CLOSED.`,
  refusedSynAck: (who: string) => `${cap(who)} receives RST in reply to its SYN,ACK: the connection is refused, CLOSED.`,
  orphanDataState: (who: string) => `${cap(who)} dropped the connection: data arrived after close().`,
  gaveUpAfter: (who: string, n: number, ms: number) =>
    `${cap(who)} sent its SYN ${n + 1} times over ${secs(ms)} without an answer: it gives up, connection timed out.`,
  reset: (who: string) => `${cap(who)}'s application gets an error: connection reset by peer.`,
  resetState: (who: string, state: string) => `${cap(who)} receives an acceptable RST in ${state}: the connection is reset, CLOSED.`,
  rstBackToListen: (who: string) =>
    `${cap(who)} receives RST for its half-open connection: the peer has no connection to match it, so it returns to LISTEN.`,
  rebootListen: (who: string) => `${cap(who)}'s service comes back up: it listens again, with empty queues.`,
  synInSynRcvd: (who: string) => `${cap(who)} receives a different SYN in SYN-RECEIVED: it drops the half-open connection and returns to LISTEN.`,
  halfOpenExpired: (who: string) => `${cap(who)} gave up on the half-open connection after its SYN,ACK retries: the entry leaves the SYN queue.`,
  gaveUp: (who: string, n: number) => `${cap(who)} retransmitted ${n} times without an answer: it gives up, connection timed out.`,
  timeWaitNewSyn: (who: string, seq: number, rcvNxt: number) =>
    `${cap(who)} is in TIME-WAIT and gets a new SYN with seq=${seq}, above the old connection's ${rcvNxt}: it cannot be an old duplicate, so Linux (tcp_timewait_state_process, RFC 1122 §4.2.2.13) ends TIME-WAIT early and lets the listener take the SYN on the same 4-tuple.`,
  twSynAck: (who: string, iss: number, ack: number, seq: number, oldNxt: number) =>
    `${cap(who)} answers the SYN from TIME-WAIT with SYN,ACK: its ISN ${iss} is the old connection's snd.nxt ${oldNxt} + 65537 (Linux), so no old segment can fall in the new window; ack = ${seq} + 1 = ${ack}.`,
  timeWaitReack: (who: string, seq: number, ack: number) =>
    `${cap(who)} in TIME-WAIT gets the peer's FIN again (its last ACK was lost): it ACKs again (seq=${seq} ack=${ack}) and restarts its TIME-WAIT timer.`,

  // timers
  timerSet: (kind: TimerName, ms: number) => `Start the ${TIMER_NAMES[kind] ?? kind}: ${secs(ms)}.`,
  timerCancelled: (kind: TimerName) => `Stop the ${TIMER_NAMES[kind] ?? kind}: everything it guarded is acknowledged.`,
  timerFired: (kind: TimerName) => `The ${TIMER_NAMES[kind] ?? kind} expires.`,
  rtoSet: (who: string, ms: number) => `${cap(who)} starts its retransmission timer: RTO = ${secs(ms)}.`,
  delayedAckSet: (who: string, ms: number) => `${cap(who)} delays its ACK up to ${secs(ms)}, hoping to piggyback it on data or a FIN.`,
  timeWaitSet: (who: string, ms: number, profile: string) =>
    profile === 'linux'
      ? `${cap(who)} stays in TIME-WAIT for ${secs(ms)} (Linux uses a fixed 60 s) in case its last ACK is lost.`
      : `${cap(who)} stays in TIME-WAIT for 2 MSL = ${secs(ms)} in case its last ACK is lost.`,
  timeWaitRestart: (who: string, ms: number) => `${cap(who)} restarts its TIME-WAIT timer (${secs(ms)}).`,

  // network
  dropId: (id: number) => `drop segment ${id}`,
  dropNext: (who: string) => `drop next ${who}`,
  dropNextAny: () => 'drop next',
  randomLoss: () => 'random loss',
  queueFullReason: () => 'SYN queue full',
  queueFullDrop: (who: string, q: number, max: number) =>
    `${cap(who)}'s SYN queue is full (${q}/${max}): the SYN is silently dropped.`,

  // listener and floods
  /** A segment's explanation followed by what happened on its arrival (src/tcp/fold.ts). */
  then: (first: string, next: string) => `${first} ${next}`,
  queue: (who: string, sq: number, sqm: number, aq: number, aqm: number) =>
    `${cap(who)}'s SYN queue ${sq}/${sqm}${sq >= sqm ? ' (full)' : ''}, accept queue ${aq}/${aqm}.`,
  flood: (count: number, queued: number, cookies: number, dropped: number) =>
    `${count} SYN${count === 1 ? '' : 's'} from spoofed addresses that will never answer: ${queued} took a SYN-queue slot` +
    (cookies > 0 ? `, ${cookies} got a stateless SYN cookie` : '') +
    (dropped > 0 ? `, ${dropped} were dropped (queue full)` : '') +
    '.',
};

const PARSE_EN = {
  missing: (what: string) => `missing ${what}`,
  badNumber: (text: string, what: string) => `bad number '${text}' for ${what}`,
  outOfRange: (what: string, min: number, max: number) => `${what} must be between ${min} and ${max}`,
  badDuration: (text: string) => `bad duration '${text}' (use e.g. 50ms, 1s, 2min)`,
  unexpected: (text: string) => `unexpected '${text}'`,
  onOff: (what: string, text: string) => `${what} must be 'on' or 'off', not '${text}'`,
  unknownHost: (text: string) => `unknown host '${text}' (use client, client2 or server)`,
  unknownProfile: (text: string) => `unknown profile '${text}' (use rfc or linux)`,
  badStart: (text: string) => `unknown start '${text}' (use established or closed)`,
  badLoss: (text: string) => `loss must be a probability between 0 and 1 or a percentage (1%), not '${text}'`,
  unknownCc: (text: string) => `unknown congestion control '${text}' (use reno, newreno or cubic)`,
  badRate: (text: string) => `bad read rate '${text}' (use BYTES/DURATION, e.g. 1000/100ms)`,
  rateInterval: (min: number) => `the read-rate interval must be at least ${min} ms`,
  unknownOption: (text: string) =>
    `unknown option '${text}' (options: isn, delay, delayed-ack, profile, backlog, syncookies, listen, start, loss, seed, mss, nagle, syn-retries, syn-linear-timeouts, synack-retries, retries, msl, rcvbuf, cc, read-rate)`,
  badDrop: (text: string) => `unknown drop '${text}' (use 'drop next', 'drop next HOST' or 'drop segment N')`,
  badDelay: () => "use 'delay next HOST DURATION'",
  unknownHostAction: (text: string, list: string[]) => `unknown action '${text}' (use ${list.join(', ')})`,
  unknownAction: (w: string) =>
    `unknown action '${w}' (a line starts with client, server, drop, delay, wait, flood, at or option)`,
  emptyAction: () => "empty action between ';'",
  optionAlone: () => "an option must be on its own line (no 'at', no ';')",
  atFirst: () => "'at TIME' must start the line",
  durationRange: (what: string, max: number) =>
    `${what} must be at most ${max >= 3_600_000 && max % 3_600_000 === 0 ? `${max / 3_600_000} h (${max / 60_000}min)` : secs(max)}`,
  scriptTooLong: (max: number) => `the script is too long (at most ${max.toLocaleString('en')} characters)`,
  tooManyActions: (max: number) => `too many actions (at most ${max.toLocaleString('en')} in a script)`,
  floodTotal: (max: number) => `too many spoofed SYNs (at most ${max.toLocaleString('en')} in a script)`,
  badLabel: (text: string) => `bad label ${text.slice(0, 20)} (write it in double quotes: send 517 "ClientHello")`,
  labelLength: (max: number) => `a label has 1 to ${max} characters`,
  badFlags: (text: string) => `bad flags '${text.slice(0, 20)}' (use SYN, ACK, FIN, RST, PSH joined by commas: SYN,ACK)`,
};


/** The Chinese name of each state (谢希仁《计算机网络》; LISTEN as interview material says it). */
const STATE_ZH: Record<TcpState, string> = {
  CLOSED: '关闭',
  LISTEN: '监听',
  'SYN-SENT': '同步已发送',
  'SYN-RECEIVED': '同步收到',
  ESTABLISHED: '已建立连接',
  'FIN-WAIT-1': '终止等待1',
  'FIN-WAIT-2': '终止等待2',
  'CLOSE-WAIT': '关闭等待',
  CLOSING: '同时关闭',
  'LAST-ACK': '最后确认',
  'TIME-WAIT': '时间等待',
};

/** `ESTABLISHED（已建立连接）`: a state token with its Chinese name (unknown names as they are). */
function stZh(state: string): string {
  const zh = (STATE_ZH as Record<string, string>)[state];
  return zh ? `${state}（${zh}）` : state;
}

/** The model's host names in Chinese (a script's own names are kept). */
function whoZh(who: string): string {
  switch (who) {
    case 'client':
      return '客户端';
    case 'client2':
      return '客户端2';
    case 'server':
      return '服务器';
    default:
      return who;
  }
}

const W = whoZh;

/** A space before a name that starts with Latin letters, after a Chinese verb (启动 TIME-WAIT 定时器). */
const spaced = (s: string): string => (/^[A-Za-z]/.test(String(s)) ? ` ${s}` : String(s));

const TIMER_ZH: Record<string, string> = {
  retransmit: '重传定时器（RTO）',
  'time-wait': 'TIME-WAIT 定时器',
  'delayed-ack': '延迟 ACK 定时器',
  'syn-ack': 'SYN,ACK 重传定时器',
  'user-timeout': '用户超时定时器',
  persist: '坚持定时器（零窗口探测）',
};

/** The trace events' explanations in zh-CN (the English ones and their order: explain.ts `X_EN`). */
const X_ZH: Translation<typeof X_EN> = {
  causeConnect: 'connect',
  causeListen: 'listen',
  causeListener: '监听套接字收到新的 SYN',
  causeRcvSyn: '收到 SYN',
  causeSynAck: '收到 SYN,ACK',
  causeRcvAck: '收到对 SYN 的 ACK',
  causeCookie: '收到带有效 SYN Cookie 的 ACK',
  causeRcvFin: '收到 FIN',
  causeRcvFinAck: '收到确认 FIN 的 FIN,ACK',
  causeAckOfFin: '收到对 FIN 的 ACK',
  causeClose: 'close',
  causeAbort: 'abort',
  causeRst: '收到 RST',
  causeTimeout: '超时',
  causeTimeWait: '2MSL 超时',
  causeTimeWaitLinux: 'TIME-WAIT 超时（60 s）',
  causeOrphanData: 'close() 之后收到数据',
  causeReboot: '重启',
  causeTwSyn: 'TIME-WAIT 状态收到新的 SYN',

  appListen: (who: string, port: number, backlog: number) =>
    `${W(who)}在端口 ${port} 上调用 listen()（backlog ${backlog}）：被动打开，开始等待 SYN。`,
  toListen: (who: string) => `${W(who)}进入 ${stZh('LISTEN')}状态：准备接受连接。`,
  stillListening: (who: string) => `${W(who)}的监听套接字仍然打开，新的 SYN 可以开始一条新连接。`,
  appConnect: (who: string, peer: string) => `${W(who)}调用 connect() 连接${W(peer)}：主动打开。`,
  toSynSent: (who: string, isn: number) => `${W(who)}选定初始序号 ISN ${isn}，发送 SYN，进入 ${stZh('SYN-SENT')}状态。`,
  alreadyConnected: (who: string) => `${W(who)}调用 connect()，但它已经有一条连接：出错。`,
  appSend: (who: string, n: number) => `${W(who)}的应用写入 ${n} 字节。`,
  appSendLabel: (who: string, n: number, label: string) => `${W(who)}的应用写入 ${n} 字节：${label}。`,
  appShutdown: (who: string, state: string) =>
    state === 'CLOSE-WAIT'
      ? `${W(who)}的应用调用 shutdown(SHUT_WR)：它这一方也结束了。`
      : `${W(who)}的应用调用 shutdown(SHUT_WR)：不再发送数据，但仍可接收。`,
  closeUnread: (who: string, n: number) =>
    `${W(who)}的应用调用 close() 时，还有 ${n} 字节收到的数据从未读取：这些数据丢失了，所以 Linux 重置连接（RFC 2525 §2.17）。`,
  closeUnreadRst: (who: string, seq: number, n: number) =>
    `${W(who)}发送 RST（seq=${seq}）而不是 FIN：${n} 字节未读数据被丢弃，不能让对端以为它们已经交付。`,
  closeUnreadState: (who: string) => `${W(who)}在 close() 时重置了连接：TCB 被删除。`,
  cannotSend: (who: string, state: string) => `${W(who)}在 ${state} 状态下尝试发送：出错，发送方向已经关闭。`,
  appRead: (who: string, n: number, left: number) =>
    `${W(who)}的应用从接收缓冲区读取 ${n} 字节${left > 0 ? `（还有 ${left} 字节未读）` : ''}：这部分空间重新空闲。`,
  appRecv: (who: string, n: number, want: number, waited: number, left: number) =>
    n < want
      ? `${W(who)}的应用的 recv(${want}) 只返回了 ${n} 字节：不会再有数据到来。`
      : `${W(who)}的应用的 recv(${want}) 返回 ${n} 字节${waited > 0 ? `，它等了 ${secs(waited)} 才等到这些数据` : ''}${left > 0 ? `（还有 ${left} 字节未读）` : ''}。`,
  windowUpdate: (who: string, wnd: number, before: number) =>
    `${W(who)}发送窗口更新：应用腾出了缓冲区空间，窗口从 ${before} 字节增大到 ${wnd} 字节，对端可以继续发送。`,
  persistSet: (who: string, wnd: number, ms: number) =>
    `${W(who)}的对端通告了${wnd === 0 ? '零窗口' : ` ${wnd} 字节的窗口，小到无法使用`}：它启动坚持定时器（${secs(ms)}）去探测，因为可能永远不会有 ACK 来重新打开窗口。`,
  zeroWindowProbe: (who: string, k: number, seq: number) =>
    `${W(who)}的坚持定时器到期：第 ${k} 次零窗口探测，一个使用旧的 seq=${seq}、不带数据的 ACK，对端必须用当前窗口应答。`,
  appReceive: (who: string, n: number) => `${W(who)}的应用从接收缓冲区读取 ${n} 字节。`,
  appClose: (who: string, state: string) =>
    state === 'CLOSE-WAIT'
      ? `${W(who)}的应用调用 close()：它这一方也结束了。`
      : state === 'SYN-SENT'
        ? `${W(who)}的应用在握手完成之前调用 close()。`
        : `${W(who)}的应用调用 close()：不再发送数据。`,
  closeListener: (who: string) => `${W(who)}关闭它的监听套接字。`,
  listenerClosed: (who: string) => `${W(who)}不再监听：之后到达的 SYN 会收到 RST。`,
  closeNothing: (who: string) => `${W(who)}没有可关闭的连接：出错。`,
  closeAgain: (who: string, state: string) => `${W(who)}已经关闭了自己这一方（${state} 状态）：出错。`,
  closeSynSent: (who: string) => `${W(who)}在握手完成之前关闭：TCB 被删除，不发送任何报文段。`,
  closeDeferred: (who: string) =>
    `${W(who)}还有排队的数据，且它的 SYN 尚未被确认：关闭要等到连接进入 ${stZh('ESTABLISHED')}状态（RFC 9293 §3.10.4）。`,
  toFinWait1: (who: string) => `${W(who)}（在排队数据之后）发送 FIN，进入 ${stZh('FIN-WAIT-1')}状态。`,
  toLastAck: (who: string, piggy: boolean) =>
    `${W(who)}发送自己的 FIN，进入 ${stZh('LAST-ACK')}状态${piggy ? '；对对端 FIN 的待发 ACK 搭载在这个报文段上' : ''}。`,
  appAbort: (who: string) => `${W(who)}的应用中止连接。`,
  abortRst: (who: string, seq: number) => `${W(who)}中止连接：发送 RST（seq=${seq}），并忘掉这条连接。`,
  abortState: (who: string) => `${W(who)}已中止：TCB 被删除。`,
  reboot: (who: string) => `${W(who)}崩溃并重启：它的所有连接都被遗忘，而且没有通知对端。`,
  rebootState: (who: string) => `${W(who)}在重启中丢失了全部连接状态。`,
  accepted: (who: string) => `${W(who)}的应用调用 accept()，从全连接队列取走这条新连接。`,
  acceptOff: (who: string) => `${W(who)}的应用不再调用 accept()：已建立的连接在全连接队列中等待。`,
  acceptOn: (who: string, n: number) => `${W(who)}的应用再次调用 accept()${n > 0 ? `：取走排队的 ${n} 条连接` : ''}。`,
  queuedForAccept: (who: string) => `${W(who)}的新连接在全连接队列中等待：应用没有调用 accept()。`,
  acceptFullReason: () => '全连接队列已满',
  acceptFullAck: (who: string, q: number, max: number) =>
    `${W(who)}的全连接队列已满（${q}/${max}），所以这个报文段被丢弃：它的 ACK 本可以完成握手，但队列里没有位置放这条连接。Linux 记一次 listen overflow（监听队列溢出），并在 tcp_abort_on_overflow=0 时忽略这个 ACK：连接保持半连接状态，服务器不断重发 SYN,ACK，而对端以为已经连上。`,
  acceptFullCookieAck: (who: string, q: number, max: number) =>
    `${W(who)}的全连接队列已满（${q}/${max}）：虽然 SYN Cookie 有效，Linux（tcp_abort_on_overflow=0）仍丢弃这个 ACK；由于没有保存状态，不会重发任何报文段，对端以为已经连上。`,
  acceptFullSyn: (who: string, q: number, max: number) => `${W(who)}的全连接队列已满（${q}/${max}）：这个 SYN 被丢弃。`,
  eof: (who: string) => `${W(who)}的应用读到文件结束（EOF）：对端不会再发送数据。`,

  syn: (who: string, isn: number) => `${W(who)}发送 SYN，携带它的初始序号 ISN ${isn}；SYN 消耗一个序号。`,
  synRetx: (who: string, isn: number, n: number) => `RTO 超时前没有收到 SYN,ACK：${W(who)}重发 SYN（seq=${isn}，第 ${n + 1} 次重试）。`,
  synAck: (who: string, iss: number, ack: number, clientIsn: number) =>
    `${W(who)}收到 SYN：在半连接队列中保存这条半开连接，回复 SYN,ACK，携带自己的 ISN ${iss}；ack = ${clientIsn} + 1 = ${ack}，因为 SYN 消耗一个序号。`,
  synAckRetx: (who: string, iss: number, ack: number) => `SYN,ACK 还没有被确认：${W(who)}重发 SYN,ACK（seq=${iss} ack=${ack}）。`,
  synAgain: (who: string, iss: number, ack: number) =>
    `${W(who)}再次收到对端的 SYN（它的 SYN,ACK 丢了）：重发 SYN,ACK seq=${iss} ack=${ack}。`,
  synAckCookie: (who: string, cookie: number, ack: number, max: number) =>
    `${W(who)}的半连接队列已满（${max}/${max}）：它用 SYN Cookie 作为 ISN（${cookie}）来应答，不保存任何状态；ack=${ack}。`,
  synAckCookieAlways: (who: string, cookie: number, ack: number) =>
    `${W(who)}对每个 SYN 都使用 SYN Cookie（syncookies always，Linux tcp_syncookies=2）：ISN 就是 Cookie ${cookie}，不保存状态；ack=${ack}。`,
  inject: (who: string) => `一个冒用${W(who)}地址注入的报文段，就像测试工具构造的那样。`,
  handshakeAck: (who: string, seq: number, ack: number, peerIsn: number) =>
    `${W(who)}确认 SYN,ACK：seq=${seq}，ack = ${peerIsn} + 1 = ${ack}。三次握手完成。`,
  simOpenAck: (who: string, seq: number, ack: number) =>
    `${W(who)}确认对端的 SYN,ACK（seq=${seq} ack=${ack}），与 RFC 9293 §3.10.7.4 和 RFC 793 图 8 一致（RFC 9293 图 7 省略了这个 ACK；Linux 会发送它）。`,
  simOpenSynAck: (who: string, iss: number, ack: number) =>
    `同时打开：${W(who)}在 ${stZh('SYN-SENT')}状态等待时收到对端的 SYN；它发送 SYN,ACK seq=${iss} ack=${ack}。`,
  data: (who: string, seq: number, len: number, ack: number) =>
    `${W(who)}发送 ${len} 字节数据：seq=${seq} 是第一个字节的序号；同时确认到 ${ack}。`,
  dataFin: (who: string, seq: number, len: number) => `${W(who)}发送最后 ${len} 字节（seq=${seq}），同一报文段带上 FIN。`,
  dataFinRetx: (who: string, seq: number, len: number) =>
    `RTO 超时，数据和 FIN 都未被确认：${W(who)}从 seq=${seq} 起重传 ${len} 字节，同一报文段带上 FIN。`,
  dataRetx: (who: string, seq: number, len: number) => `RTO 超时，数据未被确认：${W(who)}从 seq=${seq} 起重传 ${len} 字节。`,
  fin: (who: string, seq: number, ack: number, state: string) =>
    `${W(who)}发送 FIN（seq=${seq}）：它没有更多数据要发送${state === 'LAST-ACK' ? '' : '（仍可接收）'}；ack=${ack}。`,
  fastRetx: (who: string, seq: number) => `三个重复 ACK 表明 seq=${seq} 丢失：${W(who)}不等 RTO 超时就快速重传它。`,
  fastRetxReno: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `第 3 个重复 ACK 表明 seq=${seq} 丢失：${W(who)}不等 RTO 超时就快速重传它，并进入 Reno 快速恢复：ssthresh = max(FlightSize/2, 2*MSS) = ${ssthresh}，cwnd = ssthresh + 3*MSS = ${cwnd}（RFC 5681 §3.2）。`,
  fastRetxNewReno: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `第 3 个重复 ACK 表明 seq=${seq} 丢失：${W(who)}不等 RTO 超时就快速重传它，并进入 NewReno 快速恢复：ssthresh = ${ssthresh}，cwnd = ssthresh + 3*MSS = ${cwnd}（RFC 6582）。`,
  fastRetxPrr: (who: string, seq: number, ssthresh: number, cwnd: number) =>
    `第 3 个重复 ACK 表明 seq=${seq} 丢失：${W(who)}不等 RTO 超时就快速重传它；用 PRR 做快速恢复（RFC 6937，与 Linux 相同）：ssthresh = ${ssthresh}，cwnd = ${cwnd}，随 ACK 的到来按比例减小。`,
  partialAckRetx: (who: string, seq: number, recover: number) =>
    `部分确认（低于 recover=${recover}）：丢失的不止一个报文段，${W(who)}立即重传下一个空洞 seq=${seq}，并留在快速恢复中（NewReno，RFC 6582 §3.2）。`,
  partialAckRetxPrr: (who: string, seq: number, recover: number) =>
    `部分确认（低于恢复开始时已发送到的 ${recover}）：${W(who)}在 PRR 允许的额度内重传下一个空洞 seq=${seq}（RFC 6937；Linux 把新的队首标记为丢失）。`,
  rtoLostRetx: (who: string, seq: number, len: number) =>
    `超时之后，所有未确认的数据都被视为丢失（没有 SACK）：随着窗口在慢启动中重新增大，${W(who)}从 seq=${seq} 起再次发送 ${len} 字节。`,
  nagleRelease: (who: string) => `Nagle 算法扣住了这个小报文段，直到${W(who)}之前的数据被确认。`,
  finRetx: (who: string, seq: number) => `FIN 没有及时被确认：${W(who)}重发 FIN（seq=${seq}）。`,
  ackData: (who: string, seq: number, ack: number) => `${W(who)}发送确认：ack=${ack} 是它期望的下一个字节（seq=${seq}）。`,
  ackPeerFin: (who: string, seq: number, ack: number) => `${W(who)}确认对端的 FIN：ack=${ack}，因为 FIN 消耗一个序号（seq=${seq}）。`,
  delayedAckSent: (who: string, ack: number) => `延迟 ACK 定时器到期，没有可搭载的数据：${W(who)}单独发送一个 ACK（ack=${ack}）。`,
  dupSynAck: (who: string, seq: number, rcvNxt: number) =>
    `${W(who)}又收到了 SYN,ACK（seq=${seq}，而它期望 ${rcvNxt}，这个已经收过）：它的 ACK 没有让对端完成握手，所以再发一次 ACK（ack=${rcvNxt}）。`,
  notAcceptable: (who: string, seq: number, rcvNxt: number) =>
    `${W(who)}收到接收窗口之外的报文段（seq=${seq}，期望 ${rcvNxt}）：丢弃它并重发一个 ACK。`,
  outOfOrder: (who: string, seq: number, rcvNxt: number) =>
    `${W(who)}收到 seq=${seq}，但期望的是 ${rcvNxt}：出现空缺。它保留这个报文段，并对 ${rcvNxt} 发送重复 ACK。`,
  ackTooHigh: (who: string, ack: number) => `${W(who)}收到一个确认它从未发送过的数据的 ACK（${ack}）：丢弃它并发送一个 ACK。`,
  challengeAckRst: (who: string, seq: number, rcvNxt: number) =>
    `${W(who)}收到 seq=${seq} 的 RST，而不是恰好 ${rcvNxt}：它可能是伪造的，所以发送挑战 ACK（challenge ACK，RFC 5961）。`,
  challengeAckSyn: (who: string, seq: number, ack: number) =>
    `${W(who)}在已同步的连接上收到 SYN：用挑战 ACK 应答（seq=${seq} ack=${ack}，RFC 5961）。`,
  ackThrottled: (who: string, ms: number) =>
    `${W(who)}不回应它：不到 ${ms} ms 之前已经为一个无效报文段发过 ACK（ACK 限速，RFC 5961 §7）。`,
  rstForAck: (who: string, ack: number) => `${W(who)}上没有任何连接拥有这个报文段：它用一个 RST 应答这个 ACK，seq 取该 ack（${ack}）。`,
  rstOrphanData: (who: string, ack: number) =>
    `${W(who)}的应用已经调用了 close()，没有人能读这些数据：Linux 用 RST（seq=${ack}）应答并丢弃连接。`,
  rstForAckListen: (who: string, ack: number) => `${W(who)}只在监听，这个 ACK 不属于任何连接：它发送 seq=${ack} 的 RST。`,
  rstForSynAckListen: (who: string, ack: number) =>
    `${W(who)}只在监听，从未发送过 SYN，这个 SYN,ACK 什么也没确认：它发送 seq=${ack} 的 RST，并继续监听。`,
  rstRefuse: (who: string, seq: number, ack: number) =>
    `${W(who)}上没有进程监听这个端口：它用 RST,ACK 拒绝，seq=0，ack = ${seq} + 1 = ${ack}。`,
  rstBadAck: (who: string, ack: number, iss: number, syn: boolean) =>
    syn
      ? `${W(who)}收到的 SYN,ACK 的 ack（${ack}）没有确认它的 SYN（ISN ${iss}）：这是对一个旧的重复 SYN 的应答。它发送 seq=${ack} 的 RST。`
      : `${W(who)}收到的 ACK（${ack}）没有确认它的 SYN（ISN ${iss}）：它属于本端并不存在的连接（例如对端的半开连接）。它发送 seq=${ack} 的 RST。`,
  oldSyn: (who: string, seq: number) => `一个在网络中滞留的旧的重复 SYN（seq=${seq}），来自${W(who)}这条连接的早先化身，现在被送达。`,

  listenToSynRcvd: (who: string) => `${W(who)}进入 ${stZh('SYN-RECEIVED')}状态：半连接队列中多了一条半开连接。`,
  cookieRebuilt: (who: string, iss: number, mss: number) =>
    `${W(who)}检查返回的 ACK：ack-1 = ${iss} 是有效的 SYN Cookie（MSS ${mss}），于是不需要事先保存就重建了连接。`,
  synSentToEst: (who: string, seq: number, ack: number) =>
    `${W(who)}收到 SYN,ACK（它的 SYN 已被确认，对端的 ISN 是 ${seq}）：进入 ${stZh('ESTABLISHED')}状态；rcv.nxt=${ack}。`,
  simOpenState: (who: string) => `${W(who)}在 ${stZh('SYN-SENT')}状态收到 SYN：同时打开，进入 ${stZh('SYN-RECEIVED')}状态。`,
  simOpenEst: (who: string, seq: number, ack: number) =>
    `${W(who)}收到 SYN,ACK（seq=${seq} ack=${ack}）：它的 SYN 已被确认，进入 ${stZh('ESTABLISHED')}状态。`,
  synRcvdToEst: (who: string, ack: number, iss: number) =>
    `${W(who)}收到对自己 SYN 的 ACK（ack=${ack} = ${iss} + 1）：进入 ${stZh('ESTABLISHED')}状态。`,
  toFinWait2: (who: string) => `${W(who)}的 FIN 已被确认：进入 ${stZh('FIN-WAIT-2')}状态，等待对端的 FIN。`,
  toCloseWait: (who: string, delayed: boolean) =>
    `${W(who)}收到 FIN：进入 ${stZh('CLOSE-WAIT')}状态，对端已发送完毕${delayed ? '；ACK 稍等片刻，准备搭载在下一个报文段上' : ''}。`,
  toClosing: (who: string) => `${W(who)}在自己的 FIN 被确认之前收到对端的 FIN：同时关闭，进入 ${stZh('CLOSING')}状态。`,
  closingToTimeWait: (who: string) => `${W(who)}在 CLOSING 状态下 FIN 被确认：进入 ${stZh('TIME-WAIT')}状态。`,
  finWait1ToTimeWait: (who: string) => `${W(who)}收到的 FIN,ACK 同时确认了它自己的 FIN：直接进入 ${stZh('TIME-WAIT')}状态。`,
  finWait2ToTimeWait: (who: string) => `${W(who)}在 FIN-WAIT-2 状态收到对端的 FIN：确认它，进入 ${stZh('TIME-WAIT')}状态。`,
  lastAckToClosed: (who: string) => `${W(who)}在 LAST-ACK 状态收到对自己 FIN 的 ACK：连接进入 ${stZh('CLOSED')}状态。`,
  timeWaitDone: (who: string, ms: number) => `${W(who)}已在 TIME-WAIT 状态等待 ${secs(ms)}：旧报文段都已消失，进入 ${stZh('CLOSED')}状态。`,
  refused: (who: string) => `${W(who)}的 connect() 失败：连接被拒绝（connection refused）。`,
  refusedState: (who: string) => `${W(who)}的 SYN 换来一个 RST：连接被拒绝，进入 ${stZh('CLOSED')}状态。`,
  refusedSynAck: (who: string) => `${W(who)}的 SYN,ACK 换来一个 RST：连接被拒绝，进入 ${stZh('CLOSED')}状态。`,
  orphanDataState: (who: string) => `${W(who)}丢弃了连接：close() 之后还有数据到达。`,
  gaveUpAfter: (who: string, n: number, ms: number) =>
    `${W(who)}在 ${secs(ms)} 内发送了 ${n + 1} 次 SYN 都没有应答：放弃，连接超时（connection timed out）。`,
  reset: (who: string) => `${W(who)}的应用得到错误：连接被对端重置（connection reset by peer）。`,
  resetState: (who: string, state: string) => `${W(who)}在 ${state} 状态收到一个可接受的 RST：连接被重置，进入 ${stZh('CLOSED')}状态。`,
  rstBackToListen: (who: string) => `${W(who)}的半开连接收到 RST：对端没有与之对应的连接，于是回到 ${stZh('LISTEN')}状态。`,
  rebootListen: (who: string) => `${W(who)}的服务重新启动：它再次监听，队列都是空的。`,
  synInSynRcvd: (who: string) => `${W(who)}在 SYN-RECEIVED 状态收到一个不同的 SYN：丢弃这条半开连接，回到 ${stZh('LISTEN')}状态。`,
  halfOpenExpired: (who: string) => `${W(who)}重试 SYN,ACK 之后放弃了这条半开连接：它离开半连接队列。`,
  gaveUp: (who: string, n: number) => `${W(who)}重传了 ${n} 次都没有应答：放弃，连接超时（connection timed out）。`,
  timeWaitNewSyn: (who: string, seq: number, rcvNxt: number) =>
    `${W(who)}处于 TIME-WAIT 状态，收到一个 seq=${seq} 的新 SYN，高于旧连接的 ${rcvNxt}：它不可能是旧的重复报文段，所以 Linux（tcp_timewait_state_process，RFC 1122 §4.2.2.13）提前结束 TIME-WAIT，让监听套接字在同一个四元组上接受这个 SYN。`,
  twSynAck: (who: string, iss: number, ack: number, seq: number, oldNxt: number) =>
    `${W(who)}从 TIME-WAIT 用 SYN,ACK 应答这个 SYN：它的 ISN ${iss} 是旧连接的 snd.nxt ${oldNxt} + 65537（Linux），旧报文段不会落入新窗口；ack = ${seq} + 1 = ${ack}。`,
  timeWaitReack: (who: string, seq: number, ack: number) =>
    `${W(who)}在 TIME-WAIT 状态再次收到对端的 FIN（它最后的 ACK 丢了）：再次确认（seq=${seq} ack=${ack}），并重启 TIME-WAIT 定时器。`,

  timerSet: (kind: string, ms: number) => `启动${spaced(TIMER_ZH[kind] ?? kind)}：${secs(ms)}。`,
  timerCancelled: (kind: string) => `停止${spaced(TIMER_ZH[kind] ?? kind)}：它守护的内容都已被确认。`,
  timerFired: (kind: string) => `${TIMER_ZH[kind] ?? kind}到期。`,
  rtoSet: (who: string, ms: number) => `${W(who)}启动重传定时器：RTO = ${secs(ms)}。`,
  delayedAckSet: (who: string, ms: number) => `${W(who)}把 ACK 推迟最多 ${secs(ms)}，希望搭载在数据或 FIN 上。`,
  timeWaitSet: (who: string, ms: number, profile: string) =>
    profile === 'linux'
      ? `${W(who)}在 ${stZh('TIME-WAIT')}状态停留 ${secs(ms)}（Linux 固定为 60 s），以防它最后的 ACK 丢失。`
      : `${W(who)}在 ${stZh('TIME-WAIT')}状态停留 2 MSL = ${secs(ms)}，以防它最后的 ACK 丢失。`,
  timeWaitRestart: (who: string, ms: number) => `${W(who)}重启 TIME-WAIT 定时器（${secs(ms)}）。`,

  dropId: (id: number) => `丢弃报文段 ${id}`,
  dropNext: (who: string) => `丢弃${W(who)}的下一个报文段`,
  dropNextAny: () => '丢弃下一个报文段',
  randomLoss: () => '随机丢包',
  queueFullReason: () => '半连接队列已满',
  queueFullDrop: (who: string, q: number, max: number) => `${W(who)}的半连接队列已满（${q}/${max}）：这个 SYN 被悄悄丢弃。`,

  then: (first: string, next: string) => `${first}${next}`,
  queue: (who: string, sq: number, sqm: number, aq: number, aqm: number) =>
    `${W(who)}的半连接队列 ${sq}/${sqm}${sq >= sqm ? '（已满）' : ''}，全连接队列 ${aq}/${aqm}。`,
  flood: (count: number, queued: number, cookies: number, dropped: number) =>
    `${count} 个来自伪造地址、永远不会应答的 SYN：${queued} 个占用了半连接队列的位置` +
    (cookies > 0 ? `，${cookies} 个得到无状态的 SYN Cookie` : '') +
    (dropped > 0 ? `，${dropped} 个被丢弃（队列已满）` : '') +
    '。',
};

/** Script errors in zh-CN (the script's own words, such as option names and HOST, stay as written). */
const PARSE_ZH: Translation<typeof PARSE_EN> = {
  missing: (what: string) => `缺少 ${what}`,
  badNumber: (text: string, what: string) => `'${text}' 不是 ${what} 的有效数字`,
  outOfRange: (what: string, min: number, max: number) => `${what} 必须在 ${min} 到 ${max} 之间`,
  badDuration: (text: string) => `无效的时长 '${text}'（例如 50ms、1s、2min）`,
  unexpected: (text: string) => `多余的 '${text}'`,
  onOff: (what: string, text: string) => `${what} 只能是 'on' 或 'off'，不能是 '${text}'`,
  unknownHost: (text: string) => `未知主机 '${text}'（可用 client、client2 或 server）`,
  unknownProfile: (text: string) => `未知配置 '${text}'（可用 rfc 或 linux）`,
  badStart: (text: string) => `未知起始状态 '${text}'（可用 established 或 closed）`,
  badLoss: (text: string) => `loss 必须是 0 到 1 之间的概率或百分比（1%），不能是 '${text}'`,
  unknownCc: (text: string) => `未知的拥塞控制算法 '${text}'（可用 reno、newreno 或 cubic）`,
  badRate: (text: string) => `无效的读取速率 '${text}'（格式为 BYTES/DURATION，例如 1000/100ms）`,
  rateInterval: (min: number) => `read-rate 的时间间隔至少为 ${min} ms`,
  unknownOption: (text: string) =>
    `未知选项 '${text}'（可用选项：isn, delay, delayed-ack, profile, backlog, syncookies, listen, start, loss, seed, mss, nagle, syn-retries, syn-linear-timeouts, synack-retries, retries, msl, rcvbuf, cc, read-rate）`,
  badDrop: (text: string) => `未知的 drop '${text}'（用 'drop next'、'drop next HOST' 或 'drop segment N'）`,
  badDelay: () => "用法：'delay next HOST DURATION'",
  unknownHostAction: (text: string, list: string[]) => `未知动作 '${text}'（可用 ${list.join(', ')}）`,
  unknownAction: (w: string) => `未知动作 '${w}'（一行以 client、server、drop、delay、wait、flood、at 或 option 开头）`,
  emptyAction: () => "';' 之间的动作为空",
  optionAlone: () => "option 必须单独占一行（不能有 'at'，也不能有 ';'）",
  atFirst: () => "'at TIME' 必须在行首",
  durationRange: (what: string, max: number) =>
    `${what} 最多为 ${max >= 3_600_000 && max % 3_600_000 === 0 ? `${max / 3_600_000} h（${max / 60_000}min）` : secs(max)}`,
  scriptTooLong: (max: number) => `脚本太长（最多 ${max.toLocaleString('en')} 个字符）`,
  tooManyActions: (max: number) => `动作太多（一个脚本最多 ${max.toLocaleString('en')} 个）`,
  floodTotal: (max: number) => `伪造的 SYN 太多（一个脚本最多 ${max.toLocaleString('en')} 个）`,
  badLabel: (text: string) => `无效的标签 ${text.slice(0, 20)}（请写在双引号里：send 517 "ClientHello"）`,
  labelLength: (max: number) => `标签长度为 1 到 ${max} 个字符`,
  badFlags: (text: string) => `无效的标志 '${text.slice(0, 20)}'（用逗号连接 SYN、ACK、FIN、RST、PSH：SYN,ACK）`,
};

// What a .tcp parse error says was expected (src/tcp/script.ts), inside PARSE.missing / badNumber /
// outOfRange / onOff / durationRange (issue 13). Option names and tokens (isn, mss, seq=N) stay as
// they are written in a script.
const WHAT_EN = {
  optionName: 'option name',
  host: 'host (client or server)',
  profile: 'profile (rfc or linux)',
  start: 'start (closed or established)',
  lossProbability: 'loss probability',
  congestionControl: 'congestion control (reno, newreno or cubic)',
  rate: 'rate (BYTES/DURATION, e.g. 1000/100ms)',
  readRateBytes: 'read-rate bytes',
  readRateInterval: 'read-rate interval',
  flags: 'flags (e.g. ACK, SYN,ACK, RST)',
  ackField: 'ack=N (the segment has ACK)',
  duration: 'duration',
  synCount: 'SYN count',
  dropWhat: "'next', 'next HOST' or 'segment N'",
  segmentNumber: 'segment number',
  extraDelay: 'extra delay',
  action: (list: string[]) => `action (${list.join(', ')})`,
  byteCount: 'byte count',
  byteCountOrAll: 'byte count (or all)',
  sequenceNumber: 'sequence number',
  time: 'time',
  actionAfterTime: 'action after the time',
};

const WHAT_ZH: Translation<typeof WHAT_EN> = {
  optionName: '选项名',
  host: '主机（client 或 server）',
  profile: '配置（rfc 或 linux）',
  start: '起始状态（closed 或 established）',
  lossProbability: '丢包概率',
  congestionControl: '拥塞控制算法（reno、newreno 或 cubic）',
  rate: '速率（BYTES/DURATION，例如 1000/100ms）',
  readRateBytes: 'read-rate 的字节数',
  readRateInterval: 'read-rate 的时间间隔',
  flags: '标志（例如 ACK、SYN,ACK、RST）',
  ackField: 'ack=N（该报文段带 ACK）',
  duration: '时长',
  synCount: 'SYN 的个数',
  dropWhat: "'next'、'next HOST' 或 'segment N'",
  segmentNumber: '报文段编号',
  extraDelay: '额外时延',
  action: (list) => `动作（${list.join('、')}）`,
  byteCount: '字节数',
  byteCountOrAll: '字节数（或 all）',
  sequenceNumber: '序号',
  time: '时间',
  actionAfterTime: '时间之后的动作',
};

export const X = catalogue('tcp.X', { en: X_EN, 'zh-CN': X_ZH });
export const PARSE = catalogue('tcp.PARSE', { en: PARSE_EN, 'zh-CN': PARSE_ZH });
export const WHAT = catalogue('tcp.WHAT', { en: WHAT_EN, 'zh-CN': WHAT_ZH });

/** Each state's name: the RFC token in English, its Chinese name in zh-CN (the token stays beside it). */
const STATE_NAMES_EN = Object.fromEntries(TCP_STATES.map((s) => [s, s])) as Record<TcpState, string>;
export const STATE_NAMES = catalogue('tcp.STATE_NAMES', { en: STATE_NAMES_EN, 'zh-CN': STATE_ZH });

/**
 * Where `X`'s sentences put a sequence number, in each language: the literal text just before a
 * number that makes it one (src/ui/player/seqtext.ts rewrites those numbers when the learner shows
 * relative sequence numbers). `seq`: the sending side's own seq; `ack`: an acknowledgment number;
 * `other`: any other number in sequence space (an ISN, rcv.nxt, "expects N"). The markers common to
 * both languages (`seq=`, `ack=`, `+ 1 = N`, `= N + 1`) are in seqtext.ts. Keep in step with `X`:
 * test/i18n/seqtext-zh.test.ts compares each language with English on every built-in scenario.
 */
interface SeqMarkers {
  seq: readonly string[];
  ack: readonly string[];
  other: readonly string[];
}
const SEQ_MARKERS_EN: SeqMarkers = {
  seq: ['seq is '],
  // "it also acknowledges up to N": N is the segment's ack (zh-CN: '确认到 '), which both sides'
  // spaces may hold once both have sent data.
  ack: ['acknowledges up to '],
  other: ['ack = ', 'ack-1 = ', 'rcv.nxt=', 'ISN is the cookie ', 'ISN is ', 'ISN (', 'ISN ', 'cookie ', 'up to ', 'expected ', 'expects ', 'ACK for ', 'ACK (', 'ack (', 'that ack ('],
};
const SEQ_MARKERS_ZH: SeqMarkers = {
  seq: [],
  ack: ['确认到 '],
  other: ['ack = ', 'ack-1 = ', 'rcv.nxt=', 'ISN（', 'ISN ', 'Cookie ', '对端的 ISN 是 ', '期望 ', '期望的是 ', '并对 ', '恰好 ', 'ACK（', 'ack（', 'snd.nxt ', '旧连接的 '],
};
export const SEQ_MARKERS = catalogue('tcp.SEQ_MARKERS', { en: SEQ_MARKERS_EN, 'zh-CN': SEQ_MARKERS_ZH });

// The built-in scenarios' one-line descriptions (`synack scenarios`, the player's list), by name
// (issue 13). English is each file's `#:` line (test/i18n/scenario-desc.test.ts keeps the two the
// same); a script of the learner's own keeps its own `#:` line in every language.
const SCENARIO_DESC_EN = {
  'accept-overflow': 'The accept queue is full: Linux drops the ACK that completes a handshake; the client thinks it is connected.',
  'congestion-avoidance': 'Congestion avoidance: after a loss halves the window, cwnd grows by one MSS per round trip.',
  'data-retransmit': 'A data segment is lost and retransmitted after the RTO.',
  'delayed-ack': 'Delayed ACK: the receiver ACKs every second full-sized segment; a lone one waits for the timer.',
  'fast-retransmit': 'Fast retransmit and fast recovery: three duplicate ACKs resend a lost segment before the RTO.',
  'four-way-close': 'The textbook close: FIN, ACK, FIN, ACK, then TIME-WAIT (RFC 793 Figure 13).',
  'half-open': 'The client reboots and reconnects; the server\'s stale connection is reset (RFC 793 Figure 10).',
  handshake: 'The three-way handshake: SYN, SYN,ACK, ACK (RFC 9293 Figure 6).',
  'lost-final-ack': 'The last ACK is lost; the server resends its FIN and TIME-WAIT absorbs it.',
  'nagle-delayed-ack': 'Nagle + delayed ACK: write-write-read stalls one round trip plus the 40 ms delayed-ACK timer.',
  'old-duplicate-syn': 'An old duplicate SYN arrives first; RST clears it and the real SYN connects (RFC 793 Figure 9).',
  refused: 'Nobody listens on the port: the SYN gets RST,ACK and connect() fails.',
  'rto-loss': 'Loss on a timeout: too few duplicate ACKs, so the RTO fires and slow start begins again from 1 MSS.',
  'simultaneous-close': 'Both sides close at once: FIN-WAIT-1, CLOSING, TIME-WAIT on both (RFC 9293 Figure 13).',
  'simultaneous-open': 'Both sides send SYN at once and both pass through SYN-RECEIVED (RFC 9293 Figure 7).',
  'slow-start': 'Slow start: cwnd starts at the initial window and doubles every round trip.',
  'syn-flood-cookies': 'The same flood with SYN cookies: the real client connects while the queue is full.',
  'syn-flood': 'Spoofed SYNs fill the SYN queue; the real client\'s SYNs are dropped until it gives up.',
  'syn-retransmit': 'The first SYN is lost; the client sends it again when its 1 s RTO expires.',
  'three-segment-close': 'With delayed ACK the passive closer\'s ACK rides on its FIN: FIN; FIN,ACK; ACK.',
  transfer: 'A handshake, then 5 bytes each way, each acknowledged.',
  'zero-window': 'The receiver\'s buffer fills: zero window, the sender\'s persist timer probes it, a read reopens it.',
};

const SCENARIO_DESC_ZH: Translation<typeof SCENARIO_DESC_EN> = {
  'accept-overflow': '全连接队列已满：Linux 丢弃完成握手的 ACK，客户端却以为已经连上。',
  'congestion-avoidance': '拥塞避免：一次丢包使窗口减半之后，cwnd 每个往返时间增加一个 MSS。',
  'data-retransmit': '一个数据报文段丢失，RTO 到期后被重传。',
  'delayed-ack': '延迟确认：接收方每收到两个满长报文段确认一次；单独的一个要等计时器。',
  'fast-retransmit': '快重传和快恢复：三个重复的 ACK 让丢失的报文段在 RTO 之前就被重发。',
  'four-way-close': '教科书上的四次挥手：FIN、ACK、FIN、ACK，然后进入 TIME-WAIT（RFC 793 图 13）。',
  'half-open': '客户端重启后重新连接；服务器上过时的连接被复位（RFC 793 图 10）。',
  handshake: '三次握手：SYN、SYN,ACK、ACK（RFC 9293 图 6）。',
  'lost-final-ack': '最后的 ACK 丢失；服务器重发 FIN，由 TIME-WAIT 状态接住它。',
  'nagle-delayed-ack': 'Nagle 算法加延迟确认：写-写-读会多停顿一个往返时间外加 40 ms 的延迟确认计时器。',
  'old-duplicate-syn': '一个旧的重复 SYN 先到达；RST 清除它，真正的 SYN 随后建立连接（RFC 793 图 9）。',
  refused: '端口上没有进程监听：SYN 收到 RST,ACK，connect() 失败。',
  'rto-loss': '超时丢包：重复 ACK 不够三个，于是 RTO 到期，从 1 个 MSS 重新开始慢启动。',
  'simultaneous-close': '双方同时关闭：两边都经过 FIN-WAIT-1、CLOSING、TIME-WAIT（RFC 9293 图 13）。',
  'simultaneous-open': '双方同时发送 SYN，都经过 SYN-RECEIVED（RFC 9293 图 7）。',
  'slow-start': '慢启动：cwnd 从初始窗口开始，每个往返时间翻一番。',
  'syn-flood-cookies': '同样的洪泛，但启用了 SYN cookie：队列满时真实客户端仍能连上。',
  'syn-flood': '伪造的 SYN 占满半连接队列；真实客户端的 SYN 被丢弃，直到它放弃。',
  'syn-retransmit': '第一个 SYN 丢失；1 秒的 RTO 到期后客户端重发它。',
  'three-segment-close': '有延迟确认时，被动关闭方的 ACK 搭在它的 FIN 上：FIN；FIN,ACK；ACK。',
  transfer: '先三次握手，然后双方各发送 5 个字节，每次都被确认。',
  'zero-window': '接收方缓冲区被填满：窗口为零，发送方的持续计时器发送探测，一次读取让窗口重新打开。',
};

export const SCENARIO_DESC = catalogue('tcp.SCENARIO_DESC', { en: SCENARIO_DESC_EN, 'zh-CN': SCENARIO_DESC_ZH });
