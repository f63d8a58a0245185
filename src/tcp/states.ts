/**
 * Named sets of TCP states (RFC 9293 §3.3.2), so the endpoint says what it means ("can this side
 * still send?") instead of listing states inline.
 */
import type { TcpState } from './types.js';

const set = (...s: TcpState[]): ReadonlySet<TcpState> => new Set(s);

/** Both ISNs are known and our SYN is acknowledged (RFC 9293 §3.5.2, group 3). */
export const SYNCHRONIZED = set('ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT');
/** The application may still write: SEND is queued before ESTABLISHED (§3.10.2) and allowed in CLOSE-WAIT. */
export const APP_CAN_SEND = set('ESTABLISHED', 'CLOSE-WAIT', 'SYN-SENT', 'SYN-RECEIVED');
/** States in which queued data and a requested FIN go out on the wire. */
export const CAN_OUTPUT = set('ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK');
/** The peer has not sent its FIN yet: incoming data is taken (§3.10.7.4, seventh). */
export const CAN_RECEIVE = set('ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2');
/** A RST here is reported to the application as "connection reset" (§3.10.7.4, second). */
export const RESET_REPORTED = set('ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT');
/** ABORT sends a RST from these states (§3.10.5). */
export const ABORT_SENDS_RST = set('SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT');
/** Our FIN has been requested (the application closed its sending side). */
export const SENT_FIN_STATES = set('FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT');

export const synchronized = (s: TcpState): boolean => SYNCHRONIZED.has(s);
export const canSend = (s: TcpState): boolean => APP_CAN_SEND.has(s);
export const canOutput = (s: TcpState): boolean => CAN_OUTPUT.has(s);
export const canReceive = (s: TcpState): boolean => CAN_RECEIVE.has(s);
export const resetReported = (s: TcpState): boolean => RESET_REPORTED.has(s);
export const abortSendsRst = (s: TcpState): boolean => ABORT_SENDS_RST.has(s);
