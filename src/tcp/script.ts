/**
 * The scenario script language (docs/scripts.md): one action per line, `#` comments, actions joined
 * by `;` happen at the same instant, `at TIME` prefixes a line with an absolute time.
 * Pure: text in, a Script or a list of errors (1-based line/col) out.
 */
import type { Profile, ScriptError } from './types.js';
import { PARSE } from './explain.js';
import { WHAT } from './strings.js';
import { CcNameSchema, type CcName } from './cc/types.js';

export type HostName = 'client' | 'client2' | 'server';

export type Action =
  | { kind: 'connect'; host: HostName; isn?: number; line: number; col: number }
  | { kind: 'listen'; host: HostName; line: number; col: number }
  | { kind: 'send'; host: HostName; bytes: number; label?: string; line: number; col: number }
  | { kind: 'shutdown'; host: HostName; line: number; col: number }
  | {
      kind: 'inject';
      host: HostName;
      flags: InjectFlags;
      seq: number;
      ack: number;
      len: number;
      win?: number;
      /** seq/ack are absolute (`abs`) rather than relative to the ISNs. */
      abs: boolean;
      line: number;
      col: number;
    }
  | { kind: 'receive'; host: HostName; line: number; col: number }
  /** `HOST read N` / `HOST read all`: the application reads N bytes (or all) of what has arrived. */
  | { kind: 'read'; host: HostName; bytes?: number; line: number; col: number }
  /** `HOST recv N`: a blocking read (a read loop, or recv(2) with MSG_WAITALL): the application
   *  waits until N unread bytes have arrived and reads them; the script goes on when it returns. */
  | { kind: 'recv'; host: HostName; bytes: number; line: number; col: number }
  | { kind: 'close'; host: HostName; line: number; col: number }
  | { kind: 'abort'; host: HostName; line: number; col: number }
  | { kind: 'reboot'; host: HostName; line: number; col: number }
  | { kind: 'old-syn'; host: HostName; seq: number; line: number; col: number }
  /** `drop next HOST`: the next segment that host sends is lost; `drop next`: the next segment anyone sends. */
  | { kind: 'drop-next'; host?: HostName; line: number; col: number }
  /** `server accept off`: the application stops calling accept(); `server accept`: it accepts
   *  every queued connection and goes on accepting. */
  | { kind: 'accept'; host: HostName; on: boolean; line: number; col: number }
  | { kind: 'drop-segment'; id: number; line: number; col: number }
  | { kind: 'delay-next'; host: HostName; ms: number; line: number; col: number }
  | { kind: 'wait'; ms: number; line: number; col: number }
  | { kind: 'flood'; count: number; over?: number; line: number; col: number };

export interface InjectFlags {
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  psh: boolean;
}

/**
 * The bounds of the script language (docs/scripts.md, "Limits"): every number has a range, and a
 * whole script is bounded, so no script can make a run take unbounded time or memory.
 */
export const LIMITS = {
  /** Characters in a script. */
  scriptChars: 1_000_000,
  /** Actions in a script (an action is one `;`-separated part of a line; options not counted). */
  actions: 10_000,
  /** Spoofed SYNs in one `flood` line, and in the whole script. */
  floodPerLine: 1_000_000,
  floodTotal: 1_000_000,
  /** `at TIME`, `wait`, `flood ... over`: at most 24 hours. */
  maxTime: 24 * 3600_000,
  /** `option delay` and `delay next`: at most 60 s. */
  maxDelay: 60_000,
  /** `option msl`: at most 1 hour. */
  maxMsl: 3600_000,
  /** Bytes in one `send`. */
  sendBytes: 1_000_000_000,
  /** Characters in a send label (printable, no quotes). */
  labelChars: 40,
  /** `len=` of an injected segment. */
  injectLen: 65_535,
  /** Receive window advertised by an injected segment. */
  window: 65_535,
  /** `option rcvbuf HOST N` (no window scaling in the model: the window field is 16 bits). */
  rcvBuf: 65_535,
  /** `HOST read N`, `HOST recv N`, and the BYTES of `option read-rate HOST BYTES/DURATION`. */
  readBytes: 1_000_000_000,
  /** The DURATION of `option read-rate` (at least 1 ms, at most maxTime). */
  readInterval: 1,
  backlog: 65_535,
  mss: 65_495,
  synRetries: 20,
  synAckRetries: 20,
  synLinearTimeouts: 20,
  retries: 30,
} as const;

export interface Step {
  line: number;
  /** Absolute time (ms) for `at` lines; undefined = when the network is quiet. */
  at?: number;
  actions: Action[];
}

export interface ScriptOptions {
  isnClient?: number;
  isnClient2?: number;
  isnServer?: number;
  delay: number;
  delayedAck?: boolean;
  profile?: Profile;
  backlog: number;
  syncookies: boolean;
  /** `option syncookies always` (Linux tcp_syncookies=2): every SYN is answered with a cookie. */
  syncookiesAlways?: boolean;
  /** Each side's MSS option (`option mss HOST N`); the connection uses the smaller. */
  mssClient?: number;
  mssServer?: number;
  synAckRetries?: number;
  synLinearTimeouts?: number;
  listen: boolean;
  start: 'closed' | 'established';
  loss: number;
  seed?: number;
  mss: number;
  synRetries?: number;
  retries?: number;
  msl?: number;
  nagle: boolean;
  /** `option rcvbuf HOST N`: that host's receive buffer (flow control; unset: the window stays 65535). */
  rcvBuf?: Partial<Record<HostName, number>>;
  /** `option cc reno|newreno|cubic` (unset: cubic in the linux profile, newreno in rfc). */
  cc?: CcName;
  /** `option read-rate HOST BYTES/DURATION`: that host's application reads BYTES every DURATION. */
  readRate?: Partial<Record<HostName, { bytes: number; every: number }>>;
}

export interface Script {
  options: ScriptOptions;
  steps: Step[];
}

export type ParseResult = { ok: true; script: Script } | { ok: false; errors: ScriptError[] };

export function defaultOptions(): ScriptOptions {
  return { delay: 50, backlog: 5, syncookies: false, listen: true, start: 'closed', loss: 0, mss: 1460, nagle: true };
}

interface Tok {
  text: string;
  col: number;
}

class Fail extends Error {
  constructor(
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

const HOSTS: readonly string[] = ['client', 'client2', 'server'];
const HOST_ACTIONS = ['connect', 'listen', 'accept', 'send', 'receive', 'read', 'recv', 'close', 'shutdown', 'abort', 'reboot', 'old-syn', 'inject'];
const MAX_SEQ = 4294967295;

/** Parses "50ms", "1.5s", "2min", "0". Returns ms or undefined. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|min)?$/.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = m[2] ?? (v === 0 ? 'ms' : undefined);
  if (unit === undefined) return undefined;
  return unit === 'ms' ? v : unit === 's' ? v * 1000 : v * 60000;
}

function tokenize(line: string): Tok[] {
  const toks: Tok[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) toks.push({ text: m[0], col: m.index + 1 });
  return toks;
}

function int(t: Tok | undefined, what: string, prevEnd: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!t) throw new Fail(prevEnd, PARSE.missing(what));
  if (!/^\d+$/.test(t.text)) throw new Fail(t.col, PARSE.badNumber(t.text, what));
  const v = Number(t.text);
  if (v < min || v > max) throw new Fail(t.col, PARSE.outOfRange(what, min, max));
  return v;
}

function duration(t: Tok | undefined, what: string, prevEnd: number, max: number = LIMITS.maxTime): number {
  if (!t) throw new Fail(prevEnd, PARSE.missing(what));
  const v = parseDuration(t.text);
  if (v === undefined) throw new Fail(t.col, PARSE.badDuration(t.text));
  if (!(v <= max)) throw new Fail(t.col, PARSE.durationRange(what, max));
  return v;
}

function end(t: Tok): number {
  return t.col + t.text.length;
}

function noMore(toks: Tok[], i: number): void {
  const t = toks[i];
  if (t) throw new Fail(t.col, PARSE.unexpected(t.text));
}

function onOff(t: Tok | undefined, what: string, prevEnd: number): boolean {
  if (!t) throw new Fail(prevEnd, PARSE.missing(what));
  if (t.text === 'on') return true;
  if (t.text === 'off') return false;
  throw new Fail(t.col, PARSE.onOff(what, t.text));
}

function parseOption(toks: Tok[], o: ScriptOptions): void {
  const name = toks[1];
  if (!name) throw new Fail(end(toks[0]), PARSE.missing(WHAT.optionName));
  const v = toks[2];
  const e = end(name);
  switch (name.text) {
    case 'isn': {
      if (!v) throw new Fail(e, PARSE.missing(WHAT.host));
      if (!HOSTS.includes(v.text)) throw new Fail(v.col, PARSE.unknownHost(v.text));
      const n = int(toks[3], 'ISN', end(v), 0, MAX_SEQ);
      if (v.text === 'client') o.isnClient = n;
      else if (v.text === 'client2') o.isnClient2 = n;
      else o.isnServer = n;
      noMore(toks, 4);
      return;
    }
    case 'delay':
      o.delay = duration(v, 'delay', e, LIMITS.maxDelay);
      break;
    case 'delayed-ack':
      o.delayedAck = onOff(v, 'delayed-ack', e);
      break;
    case 'profile':
      if (!v) throw new Fail(e, PARSE.missing(WHAT.profile));
      if (v.text !== 'rfc' && v.text !== 'linux') throw new Fail(v.col, PARSE.unknownProfile(v.text));
      o.profile = v.text;
      break;
    case 'backlog':
      o.backlog = int(v, 'backlog', e, 0, LIMITS.backlog);
      break;
    case 'syncookies':
      if (v && v.text === 'always') {
        o.syncookies = true;
        o.syncookiesAlways = true;
        break;
      }
      o.syncookies = onOff(v, 'syncookies', e);
      o.syncookiesAlways = false;
      break;
    case 'synack-retries':
      o.synAckRetries = int(v, 'synack-retries', e, 0, LIMITS.synAckRetries);
      break;
    case 'syn-linear-timeouts':
      o.synLinearTimeouts = int(v, 'syn-linear-timeouts', e, 0, LIMITS.synLinearTimeouts);
      break;
    case 'listen':
      o.listen = onOff(v, 'listen', e);
      break;
    case 'start':
      if (!v) throw new Fail(e, PARSE.missing(WHAT.start));
      if (v.text !== 'established' && v.text !== 'closed') throw new Fail(v.col, PARSE.badStart(v.text));
      o.start = v.text;
      break;
    case 'loss': {
      if (!v) throw new Fail(e, PARSE.missing(WHAT.lossProbability));
      // A probability (0.01) or a percentage (1%).
      const pct = v.text.endsWith('%');
      const num = pct ? v.text.slice(0, -1) : v.text;
      const p = Number(num) / (pct ? 100 : 1);
      if (!/^\d*\.?\d+$/.test(num) || !(p >= 0 && p <= 1)) throw new Fail(v.col, PARSE.badLoss(v.text));
      o.loss = p;
      break;
    }
    case 'seed':
      o.seed = int(v, 'seed', e, 0, MAX_SEQ);
      break;
    case 'mss': {
      if (v && HOSTS.includes(v.text)) {
        const n = int(toks[3], 'mss', end(v), 1, LIMITS.mss);
        if (v.text === 'server') o.mssServer = n;
        else o.mssClient = n; // client and client2 announce the same MSS
        noMore(toks, 4);
        return;
      }
      o.mss = int(v, 'mss', e, 1, LIMITS.mss);
      break;
    }
    case 'syn-retries':
      o.synRetries = int(v, 'syn-retries', e, 0, LIMITS.synRetries);
      break;
    case 'retries':
      o.retries = int(v, 'retries', e, 0, LIMITS.retries);
      break;
    case 'nagle':
      o.nagle = onOff(v, 'nagle', e);
      break;
    case 'rcvbuf': {
      if (!v) throw new Fail(e, PARSE.missing(WHAT.host));
      if (!HOSTS.includes(v.text)) throw new Fail(v.col, PARSE.unknownHost(v.text));
      const n = int(toks[3], 'rcvbuf', end(v), 1, LIMITS.rcvBuf);
      o.rcvBuf = { ...o.rcvBuf, [v.text as HostName]: n };
      noMore(toks, 4);
      return;
    }
    case 'msl':
      o.msl = duration(v, 'msl', e, LIMITS.maxMsl);
      break;
    case 'cc': {
      if (!v) throw new Fail(e, PARSE.missing(WHAT.congestionControl));
      const r = CcNameSchema.safeParse(v.text);
      if (!r.success) throw new Fail(v.col, PARSE.unknownCc(v.text));
      o.cc = r.data;
      break;
    }
    case 'read-rate': {
      if (!v) throw new Fail(e, PARSE.missing(WHAT.host));
      if (!HOSTS.includes(v.text)) throw new Fail(v.col, PARSE.unknownHost(v.text));
      const rt = toks[3];
      if (!rt) throw new Fail(end(v), PARSE.missing(WHAT.rate));
      const slash = rt.text.indexOf('/');
      if (slash < 0) throw new Fail(rt.col, PARSE.badRate(rt.text));
      const bytes = int({ text: rt.text.slice(0, slash), col: rt.col }, WHAT.readRateBytes, end(rt), 1, LIMITS.readBytes);
      const every = duration({ text: rt.text.slice(slash + 1), col: rt.col + slash + 1 }, WHAT.readRateInterval, end(rt), LIMITS.maxTime);
      if (every < LIMITS.readInterval) throw new Fail(rt.col + slash + 1, PARSE.rateInterval(LIMITS.readInterval));
      o.readRate = { ...o.readRate, [v.text as HostName]: { bytes, every } };
      noMore(toks, 4);
      return;
    }
    default:
      throw new Fail(name.col, PARSE.unknownOption(name.text));
  }
  noMore(toks, 3);
}

/** `"ClientHello"`: the rest of the action, in double quotes (tokens were split on spaces). */
function parseLabel(first: Tok, rest: Tok[]): string {
  if (!first.text.startsWith('"')) throw new Fail(first.col, PARSE.unexpected(first.text));
  const text = rest.map((t) => t.text).join(' ');
  if (!first.text.startsWith('"') || !text.endsWith('"') || text.length < 2) throw new Fail(first.col, PARSE.badLabel(first.text));
  // Spaces inside the label are kept as single spaces (the tokenizer split them).
  const label = text.slice(1, -1);
  if (label.length === 0 || label.length > LIMITS.labelChars) throw new Fail(first.col, PARSE.labelLength(LIMITS.labelChars));
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || label[i] === '"' || (c >= 0x80 && c < 0xa0)) throw new Fail(first.col, PARSE.badLabel(first.text));
  }
  return label;
}

const INJECT_FLAGS: Record<string, keyof InjectFlags> = { SYN: 'syn', ACK: 'ack', FIN: 'fin', RST: 'rst', PSH: 'psh' };

/** `HOST inject FLAGS seq=N ack=N [len=N] [win=N] [abs]`. */
function parseInject(host: HostName, toks: Tok[], verb: Tok, col: number): Action {
  const ft = toks[2];
  if (!ft) throw new Fail(end(verb), PARSE.missing(WHAT.flags));
  const flags: InjectFlags = { syn: false, ack: false, fin: false, rst: false, psh: false };
  for (const f of ft.text.split(',')) {
    const k = INJECT_FLAGS[f.toUpperCase()];
    if (!k) throw new Fail(ft.col, PARSE.badFlags(ft.text));
    flags[k] = true;
  }
  const fields: Record<string, number> = {};
  let abs = false;
  let prev = end(ft);
  for (const t of toks.slice(3)) {
    if (t.text === 'abs') {
      abs = true;
      prev = end(t);
      continue;
    }
    const m = /^(seq|ack|len|win)=(.*)$/.exec(t.text);
    if (!m) throw new Fail(t.col, PARSE.unexpected(t.text));
    const [, key, val] = m;
    if (key in fields) throw new Fail(t.col, PARSE.unexpected(t.text));
    const max = key === 'len' ? LIMITS.injectLen : key === 'win' ? LIMITS.window : MAX_SEQ;
    fields[key] = int({ text: val, col: t.col + key.length + 1 }, key, end(t), 0, max);
    prev = end(t);
  }
  if (fields.seq === undefined) throw new Fail(prev, PARSE.missing('seq=N'));
  if (flags.ack && fields.ack === undefined) throw new Fail(prev, PARSE.missing(WHAT.ackField));
  return { kind: 'inject', host, flags, seq: fields.seq, ack: fields.ack ?? 0, len: fields.len ?? 0, win: fields.win, abs, line: 0, col };
}

function parseAction(toks: Tok[]): Action {
  const first = toks[0];
  const line = 0;
  const col = first.col;
  const w = first.text;
  if (w === 'wait') {
    const ms = duration(toks[1], WHAT.duration, end(first));
    noMore(toks, 2);
    return { kind: 'wait', ms, line, col };
  }
  if (w === 'flood') {
    const count = int(toks[1], WHAT.synCount, end(first), 1, LIMITS.floodPerLine);
    let over: number | undefined;
    if (toks[2]) {
      if (toks[2].text !== 'over') throw new Fail(toks[2].col, PARSE.unexpected(toks[2].text));
      over = duration(toks[3], WHAT.duration, end(toks[2]));
      noMore(toks, 4);
    }
    return { kind: 'flood', count, over, line, col };
  }
  if (w === 'drop') {
    const what = toks[1];
    if (!what) throw new Fail(end(first), PARSE.missing(WHAT.dropWhat));
    if (what.text === 'next') {
      const h = toks[2];
      if (!h) return { kind: 'drop-next', line, col };
      if (!HOSTS.includes(h.text)) throw new Fail(h.col, PARSE.unknownHost(h.text));
      noMore(toks, 3);
      return { kind: 'drop-next', host: h.text as HostName, line, col };
    }
    if (what.text === 'segment') {
      const id = int(toks[2], WHAT.segmentNumber, end(what));
      noMore(toks, 3);
      return { kind: 'drop-segment', id, line, col };
    }
    throw new Fail(what.col, PARSE.badDrop(what.text));
  }
  if (w === 'delay') {
    const what = toks[1];
    if (!what || what.text !== 'next') throw new Fail(what ? what.col : end(first), PARSE.badDelay());
    const h = toks[2];
    if (!h) throw new Fail(end(what), PARSE.missing(WHAT.host));
    if (!HOSTS.includes(h.text)) throw new Fail(h.col, PARSE.unknownHost(h.text));
    const ms = duration(toks[3], WHAT.extraDelay, end(h), LIMITS.maxDelay);
    noMore(toks, 4);
    return { kind: 'delay-next', host: h.text as HostName, ms, line, col };
  }
  if (HOSTS.includes(w)) {
    const host = w as HostName;
    const verb = toks[1];
    if (!verb) throw new Fail(end(first), PARSE.missing(WHAT.action(HOST_ACTIONS)));
    switch (verb.text) {
      case 'connect': {
        let isn: number | undefined;
        if (toks[2]) {
          if (toks[2].text !== 'isn') throw new Fail(toks[2].col, PARSE.unexpected(toks[2].text));
          isn = int(toks[3], 'ISN', end(toks[2]), 0, MAX_SEQ);
          noMore(toks, 4);
        }
        return { kind: 'connect', host, isn, line, col };
      }
      case 'send': {
        const bytes = int(toks[2], WHAT.byteCount, end(verb), 1, LIMITS.sendBytes);
        const lt = toks[3];
        if (!lt) return { kind: 'send', host, bytes, line, col };
        const label = parseLabel(lt, toks.slice(3));
        return { kind: 'send', host, bytes, label, line, col };
      }
      case 'inject':
        return parseInject(host, toks, verb, col);
      case 'accept': {
        const t = toks[2];
        if (t && t.text !== 'off' && t.text !== 'on') throw new Fail(t.col, PARSE.onOff('accept', t.text));
        noMore(toks, 3);
        return { kind: 'accept', host, on: !t || t.text === 'on', line, col };
      }
      case 'read': {
        const t = toks[2];
        if (t && t.text === 'all') {
          noMore(toks, 3);
          return { kind: 'read', host, line, col };
        }
        const bytes = int(t, WHAT.byteCountOrAll, end(verb), 1, LIMITS.readBytes);
        noMore(toks, 3);
        return { kind: 'read', host, bytes, line, col };
      }
      case 'recv': {
        const bytes = int(toks[2], WHAT.byteCount, end(verb), 1, LIMITS.readBytes);
        noMore(toks, 3);
        return { kind: 'recv', host, bytes, line, col };
      }
      case 'old-syn': {
        const seq = int(toks[2], WHAT.sequenceNumber, end(verb), 0, MAX_SEQ);
        noMore(toks, 3);
        return { kind: 'old-syn', host, seq, line, col };
      }
      case 'listen':
      case 'receive':
      case 'close':
      case 'shutdown':
      case 'abort':
      case 'reboot':
        noMore(toks, 2);
        return { kind: verb.text, host, line, col };
      default:
        throw new Fail(verb.col, PARSE.unknownHostAction(verb.text, HOST_ACTIONS));
    }
  }
  throw new Fail(col, PARSE.unknownAction(w));
}

/** Parses a scenario script. Collects every error (one per line at most). */
export function parseScript(text: string): ParseResult {
  const options = defaultOptions();
  const steps: Step[] = [];
  const errors: ScriptError[] = [];
  if (text.length > LIMITS.scriptChars) {
    const upTo = text.slice(0, LIMITS.scriptChars);
    const line = upTo.split('\n').length;
    return { ok: false, errors: [{ line, col: upTo.length - upTo.lastIndexOf('\n'), message: PARSE.scriptTooLong(LIMITS.scriptChars) }] };
  }
  const lines = text.split(/\r?\n/);
  let actionCount = 0;
  let floodTotal = 0;
  for (let idx = 0; idx < lines.length; idx++) {
    const raw = lines[idx];
    const lineNo = idx + 1;
    const hash = raw.indexOf('#');
    const body = hash >= 0 ? raw.slice(0, hash) : raw;
    if (body.trim() === '') continue;
    try {
      // split on ';' keeping columns
      const parts: { text: string; offset: number }[] = [];
      let start = 0;
      for (let i = 0; i <= body.length; i++) {
        if (i === body.length || body[i] === ';') {
          parts.push({ text: body.slice(start, i), offset: start });
          start = i + 1;
        }
      }
      let at: number | undefined;
      const actions: Action[] = [];
      let isOption = false;
      parts.forEach((p, pi) => {
        const toks = tokenize(p.text).map((t) => ({ text: t.text, col: t.col + p.offset }));
        if (toks.length === 0) {
          if (parts.length > 1) throw new Fail(p.offset + 1, PARSE.emptyAction());
          return;
        }
        let ts = toks;
        if (pi === 0 && ts[0].text === 'at') {
          at = duration(ts[1], WHAT.time, end(ts[0]));
          ts = ts.slice(2);
          if (ts.length === 0) throw new Fail(toks[1] ? end(toks[1]) : end(toks[0]), PARSE.missing(WHAT.actionAfterTime));
        }
        if (ts[0].text === 'option') {
          if (parts.length > 1 || at !== undefined) throw new Fail(ts[0].col, PARSE.optionAlone());
          isOption = true;
          parseOption(ts, options);
          return;
        }
        if (ts[0].text === 'at') throw new Fail(ts[0].col, PARSE.atFirst());
        const a = parseAction(ts);
        a.line = lineNo;
        if (++actionCount > LIMITS.actions) throw new Fail(ts[0].col, PARSE.tooManyActions(LIMITS.actions));
        if (a.kind === 'flood') {
          floodTotal += a.count;
          if (floodTotal > LIMITS.floodTotal) throw new Fail(ts[0].col, PARSE.floodTotal(LIMITS.floodTotal));
        }
        actions.push(a);
      });
      if (!isOption && actions.length > 0) steps.push({ line: lineNo, at, actions });
    } catch (e) {
      if (e instanceof Fail) errors.push({ line: lineNo, col: e.col, message: e.message });
      else throw e;
      // Past a whole-script bound nothing after it can be right: stop there (bounded work, one error).
      if (actionCount > LIMITS.actions || floodTotal > LIMITS.floodTotal) break;
      if (errors.length >= 100) break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, script: { options, steps } };
}
