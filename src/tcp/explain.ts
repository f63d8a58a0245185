/**
 * Every user-facing string of the TCP model, in one place (a zh-CN catalogue will sit beside it).
 * `X` explains trace events (one plain-English line each); `PARSE` holds script error messages;
 * `CAUSE` values are the short `cause` of state events.
 */

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
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

export const X = {
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
    `${cap(who)}'s accept queue is full (${q}/${max}): Linux (tcp_abort_on_overflow=0) drops this segment, whose ACK would complete the handshake, and keeps the connection half-open; the peer thinks it is connected. The SYN,ACK will be sent again.`,
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
  nagleRelease: (who: string) =>
    `Nagle's algorithm held this small segment until ${who}'s earlier data was acknowledged.`,
  finRetx: (who: string, seq: number) => `The FIN was not acknowledged in time: ${who} sends FIN (seq=${seq}) again.`,
  ackData: (who: string, seq: number, ack: number) => `${cap(who)} acknowledges: ack=${ack} is the next byte it expects (seq=${seq}).`,
  ackPeerFin: (who: string, seq: number, ack: number) =>
    `${cap(who)} ACKs the peer's FIN: ack=${ack} because a FIN consumes one sequence number (seq=${seq}).`,
  delayedAckSent: (who: string, ack: number) => `The delayed-ACK timer fired with nothing to piggyback on: ${who} sends a bare ACK (ack=${ack}).`,
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
  timerSet: (kind: TimerName, ms: number) => `Start the ${TIMER_NAMES[kind]}: ${secs(ms)}.`,
  timerCancelled: (kind: TimerName) => `Stop the ${TIMER_NAMES[kind]}: everything it guarded is acknowledged.`,
  timerFired: (kind: TimerName) => `The ${TIMER_NAMES[kind]} expires.`,
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
  randomLoss: () => 'random loss',
  queueFullReason: () => 'SYN queue full',
  queueFullDrop: (who: string, q: number, max: number) =>
    `${cap(who)}'s SYN queue is full (${q}/${max}): the SYN is silently dropped.`,

  // listener and floods
  queue: (who: string, sq: number, sqm: number, aq: number, aqm: number) =>
    `${cap(who)}'s SYN queue ${sq}/${sqm}${sq >= sqm ? ' (full)' : ''}, accept queue ${aq}/${aqm}.`,
  flood: (count: number, queued: number, cookies: number, dropped: number) =>
    `${count} SYN${count === 1 ? '' : 's'} from spoofed addresses that will never answer: ${queued} took a SYN-queue slot` +
    (cookies > 0 ? `, ${cookies} got a stateless SYN cookie` : '') +
    (dropped > 0 ? `, ${dropped} were dropped (queue full)` : '') +
    '.',
};

export const PARSE = {
  missing: (what: string) => `missing ${what}`,
  badNumber: (text: string, what: string) => `bad number '${text}' for ${what}`,
  outOfRange: (what: string, min: number, max: number) => `${what} must be between ${min} and ${max}`,
  badDuration: (text: string) => `bad duration '${text}' (use e.g. 50ms, 1s, 2min)`,
  unexpected: (text: string) => `unexpected '${text}'`,
  onOff: (what: string, text: string) => `${what} must be 'on' or 'off', not '${text}'`,
  unknownHost: (text: string) => `unknown host '${text}' (use client, client2 or server)`,
  unknownProfile: (text: string) => `unknown profile '${text}' (use rfc or linux)`,
  badStart: (text: string) => `unknown start '${text}' (use established or closed)`,
  badLoss: (text: string) => `loss must be a probability between 0 and 1, not '${text}'`,
  unknownOption: (text: string) =>
    `unknown option '${text}' (options: isn, delay, delayed-ack, profile, backlog, syncookies, listen, start, loss, seed, mss, nagle, syn-retries, syn-linear-timeouts, synack-retries, retries, msl)`,
  badDrop: (text: string) => `unknown drop '${text}' (use 'drop next HOST' or 'drop segment N')`,
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

/** AppEvent.error values (RFC 9293's error names; stable, consumers may match on them). */
export const ERR = {
  timedOut: 'connection timed out',
  halfOpenExpired: 'half-open connection expired',
  refused: 'connection refused',
  reset: 'connection reset',
  exists: 'connection already exists',
  closing: 'connection closing',
  noConnection: 'connection does not exist',
} as const;
