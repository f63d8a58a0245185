/**
 * Questions generated from the TCP model: a scenario script with random ISNs (and delay), a random
 * point in its trace, and a question whose answer is read from the trace. Pure and reproducible:
 * the id `gen/<kind>/<seed>` regenerates the same question.
 *
 * The model is passed in (`TcpRunner`, normally `runSource` from src/tcp) so this file stays testable.
 */
import type { AppEvent, CcSnapshot, RunOptions, ScriptError, SegmentEvent, StateEvent, Trace, TraceEvent } from '../tcp/types.js';
import { foldTrace } from '../tcp/fold.js';
import { makeRng, type Rng } from './rng.js';
import { GEN as S } from './strings.js';
import { lessonForTopic } from './topics.js';
import type { Choice, Question, Topic } from './types.js';

export type TcpRunner = (text: string, opts?: RunOptions) => { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };

export const GEN_KINDS = [
  'ack',
  'seq',
  'state',
  'next-segment',
  'retransmit',
  'window-after-read',
  'zero-window-probe',
  'slow-start-cwnd',
  'ssthresh-dupacks',
  'fast-retransmit',
] as const;

/** Kinds read from the sender's congestion state (HostSnapshot.cc): offered only when the model gives it. */
export const CC_KINDS: readonly GenKind[] = ['slow-start-cwnd', 'ssthresh-dupacks', 'fast-retransmit'];
export type GenKind = (typeof GEN_KINDS)[number];

/** The topics each kind's questions are tagged with (used for topic filters). */
export const GEN_TOPICS: Record<GenKind, Topic[]> = {
  ack: ['handshake', 'tcp-header'],
  seq: ['tcp-header', 'reliability'],
  state: ['handshake', 'close', 'time-wait'],
  'next-segment': ['handshake', 'close'],
  retransmit: ['reliability'],
  'window-after-read': ['flow-control'],
  'zero-window-probe': ['flow-control'],
  'slow-start-cwnd': ['congestion-control'],
  'ssthresh-dupacks': ['congestion-control'],
  'fast-retransmit': ['congestion-control', 'reliability'],
};

interface Template {
  name: string;
  body: (rng: Rng) => string[];
  /** Lose the client's n-th data segment (1-based, send order): the run is made once without a
   *  loss to find that segment's id, then again with `drop segment ID`. */
  dropData?: (rng: Rng) => number;
}

/** Scenario scripts (docs/scripts.md), named after the built-in scenarios they mirror. */
const TEMPLATES: Record<string, Template> = {
  handshake: { name: 'handshake', body: () => ['client connect'] },
  transfer: {
    name: 'transfer',
    body: (r) => ['client connect', `client send ${r.range(1, 40) * 10}`, `server send ${r.range(1, 40) * 10}`, 'client close', 'server close'],
  },
  'four-way-close': { name: 'four-way-close', body: () => ['client connect', 'client close', 'server close'] },
  'syn-retransmit': { name: 'syn-retransmit', body: () => ['drop next client', 'client connect'] },
  'data-retransmit': {
    name: 'data-retransmit',
    body: (r) => ['client connect', 'drop next client', `client send ${r.range(1, 20) * 50}`],
  },
  // Flow control: a small receive buffer fills (zero window), probes, then a read (docs/scripts.md).
  'zero-window': {
    name: 'zero-window',
    body: (r) => {
      const mss = r.pick([500, 1000]);
      const buffer = mss * r.range(3, 8);
      const read = (mss / 2) * r.range(1, (2 * buffer) / mss);
      return [
        `option profile ${r.pick(['rfc', 'linux'])}`,
        `option mss ${mss}`,
        `option rcvbuf server ${buffer}`,
        'client connect',
        `client send ${buffer + mss * r.range(1, 4)}`,
        `wait ${r.range(5, 8)}s`,
        `server read ${read}`,
      ];
    },
  },
  // Congestion control: a bulk transfer, without loss or with one data segment lost.
  'slow-start': {
    name: 'slow-start',
    body: (r) => [`option profile ${r.pick(['rfc', 'linux'])}`, `option mss ${r.pick([1000, 1460])}`, 'client connect', `client send ${r.range(60, 120) * 1000}`],
  },
  'fast-retransmit': {
    name: 'fast-retransmit',
    body: (r) => [`option profile ${r.pick(['rfc', 'linux'])}`, `option mss ${r.pick([1000, 1460])}`, 'client connect', `client send ${r.range(40, 80) * 1000}`],
    // A segment of the second or third flight: enough segments follow it for three duplicate ACKs.
    dropData: (r) => r.range(6, 14),
  },
};

const KIND_TEMPLATES: Record<GenKind, string[]> = {
  ack: ['handshake', 'transfer', 'four-way-close'],
  seq: ['transfer', 'four-way-close'],
  state: ['handshake', 'transfer', 'four-way-close'],
  'next-segment': ['handshake', 'four-way-close', 'transfer'],
  retransmit: ['syn-retransmit', 'data-retransmit'],
  'window-after-read': ['zero-window'],
  'zero-window-probe': ['zero-window'],
  'slow-start-cwnd': ['slow-start'],
  'ssthresh-dupacks': ['fast-retransmit'],
  'fast-retransmit': ['fast-retransmit'],
};

const DELAYS = [10, 20, 25, 40, 50, 75, 100];

export interface Built {
  source: string;
  trace: Trace;
  scenario: string;
  isnClient: number;
  isnServer: number;
}

/** Builds and runs the scenario for a kind and seed. */
export function buildRun(kind: GenKind, rng: Rng, run: TcpRunner): Built {
  const t = TEMPLATES[rng.pick(KIND_TEMPLATES[kind])];
  // Small, readable ISNs most of the time; sometimes near the 2^32 wrap.
  const isn = () => (rng.int(5) === 0 ? 4294967296 - rng.range(1, 2000) : rng.range(1, 9000));
  const isnClient = isn();
  const isnServer = isn();
  const delay = rng.pick(DELAYS);
  const head = [`# ${t.name}`, `option isn client ${isnClient}`, `option isn server ${isnServer}`, `option delay ${delay}ms`];
  const body = t.body(rng);
  let source = [...head, ...body].join('\n') + '\n';
  if (t.dropData) {
    const n = t.dropData(rng);
    const first = run(source, { isnClient, isnServer, name: t.name });
    if (first.ok) {
      const data = first.trace.events.filter((e): e is SegmentEvent => e.type === 'segment' && e.from === 'client' && e.len > 0);
      const target = data[Math.min(n, data.length) - 1];
      if (target) source = [...head, `drop segment ${target.id}`, ...body].join('\n') + '\n';
    }
  }
  const res = run(source, { isnClient, isnServer, name: t.name });
  if (!res.ok) {
    const e = res.errors[0];
    throw new Error(`generated script failed at ${e?.line}:${e?.col}: ${e?.message}\n${source}`);
  }
  // Questions index the folded trace (src/tcp/fold.ts), as the diagram that shows them does.
  return { source, trace: foldTrace(res.trace), scenario: t.name, isnClient, isnServer };
}

function flagsText(flags: readonly string[]): string {
  return flags.join(',');
}

function segments(trace: Trace): { ev: SegmentEvent; index: number }[] {
  return trace.events.flatMap((ev, index) => (ev.type === 'segment' ? [{ ev, index }] : []));
}

function role(trace: Trace, host: string): string {
  return S.role(trace.hosts[host]?.role ?? host);
}

/** `shown`: how many events (from the first) the diagram shows; `diagram.upTo` is the last one's index
 *  (src/diagram's convention; -1 when none). */
function base(kind: GenKind, seed: number, b: Built, shown: number): Pick<Question, 'id' | 'topics' | 'lessonId' | 'diagram' | 'hints'> {
  const topics = GEN_TOPICS[kind];
  return { id: `gen/${kind}/${seed}`, topics, lessonId: lessonForTopic(topics[0]), diagram: { source: b.source, upTo: shown - 1 }, hints: [] };
}

/** How many events to show so the diagram stops before event `index` and before anything else that
 *  happens at its instant (a timer firing, a state change) which would give the answer away. */
function shownBefore(trace: Trace, index: number): number {
  const t = trace.events[index].t;
  let n = index;
  while (n > 0 && trace.events[n - 1].t >= t) n--;
  return n;
}

const FLAG_SETS = ['SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'RST,ACK', 'PSH,ACK', 'FIN'];

/** Generates one question of `kind` from `seed`. Same kind and seed -> the same question. */
export function generateQuestion(kind: GenKind, seed: number, run: TcpRunner): Question {
  const rng = makeRng(seed ^ 0x5eed);
  const b = buildRun(kind, rng, run);
  const { trace } = b;
  const segs = segments(trace);
  switch (kind) {
    case 'ack':
    case 'seq': {
      const pool = segs.filter((s) => s.ev.fate === 'delivered' && (kind === 'seq' || s.ev.ack !== null));
      const s = rng.pick(pool);
      const who = role(trace, s.ev.from);
      const shown = shownBefore(trace, s.index);
      const value = kind === 'ack' ? (s.ev.ack as number) : s.ev.seq;
      return {
        ...base(kind, seed, b, shown),
        type: 'numeric',
        prompt: S.numberPrompt(kind, who, flagsText(s.ev.flags), s.ev.len, b.isnClient, b.isnServer),
        answer: value,
        explanation: S.numberExplain(kind, value, s.ev.explain),
        hints: [kind === 'ack' ? S.hintAck : S.hintSeq],
      };
    }
    case 'state': {
      const stateEvents = trace.events.flatMap((ev, index) => (ev.type === 'state' ? [{ ev, index }] : []));
      const host = rng.pick(['client', 'server'].filter((h) => h in trace.hosts));
      const candidates = stateEvents.filter((x) => x.ev.host === host);
      const pickFrom = candidates.length > 0 ? candidates : stateEvents;
      const at = rng.pick(pickFrom);
      // Show everything up to this state change and whatever else happens at the same instant.
      let shown = at.index + 1;
      while (shown < trace.events.length && trace.events[shown].t === at.ev.t) shown++;
      const state = trace.snapshots[shown - 1][host].state;
      const lastChange = [...trace.events.slice(0, shown)].reverse().find((e): e is StateEvent => e.type === 'state' && e.host === host);
      const topic: Topic = state === 'TIME-WAIT' ? 'time-wait' : ['SYN-SENT', 'SYN-RECEIVED', 'LISTEN', 'ESTABLISHED'].includes(state) ? 'handshake' : 'close';
      return {
        ...base(kind, seed, b, shown),
        diagram: { source: b.source, upTo: shown - 1, showStates: false },
        topics: [topic],
        lessonId: lessonForTopic(topic),
        type: 'text',
        prompt: S.statePrompt(role(trace, host), b.scenario),
        accept: [...new Set([state, state.replace(/-/g, ' ')])],
        explanation: S.stateExplain(role(trace, host), state, lastChange?.explain),
        hints: [S.hintState],
      };
    }
    case 'next-segment': {
      // The prompt says a segment is missing at the end of the diagram: the diagram must hold at
      // least one segment before it (else it would show nothing at all).
      const withDiagram = segs.filter((x) => x.index > 0 && segs.some((y) => y.index < shownBefore(trace, x.index)));
      const s = rng.pick(withDiagram.length > 0 ? withDiagram : segs.filter((x) => x.index > 0));
      const right = flagsText(s.ev.flags);
      const wrong = rng.shuffle(FLAG_SETS.filter((f) => f !== right)).slice(0, 3);
      const options = rng.shuffle([right, ...wrong]);
      const choices: Choice[] = options.map((text) => ({ text, correct: text === right }));
      return {
        ...base(kind, seed, b, shownBefore(trace, s.index)),
        type: 'single',
        prompt: S.nextSegmentPrompt(role(trace, s.ev.from), b.scenario),
        choices,
        explanation: s.ev.explain,
        hints: [S.hintNext],
      };
    }
    case 'retransmit': {
      const re = segs.find((x) => x.ev.retransmission);
      if (!re) throw new Error(`no retransmission in generated ${b.scenario} run`);
      const original = segs.find((x) => x.ev.fate === 'dropped' && x.ev.from === re.ev.from && x.ev.seq === re.ev.seq);
      const what = re.ev.flags.includes('SYN') ? 'SYN' : S.dataSegment;
      return {
        ...base(kind, seed, b, shownBefore(trace, re.index)),
        type: 'numeric',
        prompt: S.retransmitPrompt(role(trace, re.ev.from), what, original?.ev.t ?? 0),
        answer: re.ev.t,
        unit: 'ms',
        explanation: S.retransmitExplain(re.ev.t, original?.ev.t ?? 0, re.ev.explain),
        hints: [S.hintRetransmit],
      };
    }
    case 'window-after-read': {
      const read = trace.events.findIndex((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive');
      const next = segs.find((x) => x.index > read && x.ev.from === 'server' && x.ev.window !== undefined);
      if (read < 0 || !next) throw new Error(`no window after the read in generated ${b.scenario} run`);
      const readEv = trace.events[read] as AppEvent;
      const { mss, buffer } = scriptNumbers(b.source);
      const before = trace.snapshots[read - 1]?.server?.received;
      return {
        ...base(kind, seed, b, shownBefore(trace, read)),
        type: 'numeric',
        prompt: S.windowPrompt(buffer, mss, readEv.bytes ?? 0),
        answer: next.ev.window!,
        explanation: S.windowExplain(next.ev.window!, buffer, readEv.bytes ?? 0, before ?? null, next.ev.explain),
        hints: [S.hintWindow],
      };
    }
    case 'zero-window-probe': {
      const probes = zeroWindowProbes(trace);
      if (probes.length < 2) throw new Error(`fewer than two zero-window probes in generated ${b.scenario} run`);
      const j = rng.range(1, probes.length - 1);
      const p = probes[j];
      const prev = probes[j - 1];
      const gap = p.ev.t - prev.ev.t;
      const prevGap = j >= 2 ? prev.ev.t - probes[j - 2].ev.t : null;
      return {
        ...base(kind, seed, b, shownBefore(trace, p.index)),
        type: 'numeric',
        prompt: S.probePrompt(prev.ev.t, j),
        answer: p.ev.t,
        unit: 'ms',
        explanation: S.probeExplain(p.ev.t, gap, prevGap, p.ev.explain),
        hints: [S.hintProbe],
      };
    }
    case 'slow-start-cwnd': {
      const rows = ccOf(trace, 'client');
      const firstData = segs.find((x) => x.ev.from === 'client' && x.ev.len > 0);
      if (rows.length === 0 || !firstData) throw new Error(`no congestion state in generated ${b.scenario} run`);
      const rtt = 2 * scriptNumbers(b.source).delay;
      // Round trip k ends k RTTs after the first data segment; the answer is cwnd then, in slow start.
      const at = (k: number) => {
        const end = firstData.ev.t + k * rtt;
        let last = -1;
        for (let i = 0; i < trace.events.length && trace.events[i].t <= end; i++) last = i;
        return last;
      };
      const ok = [1, 2, 3].filter((k) => {
        const cc = trace.snapshots[at(k)]?.client?.cc;
        return cc !== undefined && cc.phase === 'slow-start' && cc.ssthresh === null && at(k) < trace.events.length - 1;
      });
      if (ok.length === 0) throw new Error(`slow start too short in generated ${b.scenario} run`);
      const k = rng.pick(ok);
      const idx = at(k);
      const cc = trace.snapshots[idx].client.cc!;
      const iw = rows[0].cwnd;
      const mss = scriptNumbers(b.source).mss;
      return {
        ...base(kind, seed, b, idx + 1),
        type: 'numeric',
        prompt: S.cwndPrompt(algoName(trace), iw, mss, k),
        answer: cc.cwnd,
        explanation: S.cwndExplain(cc.cwnd, iw, k, trace.profile === 'rfc'),
        hints: [S.hintCwnd],
      };
    }
    case 'ssthresh-dupacks': {
      const i = trace.snapshots.findIndex((sn, n) => n > 0 && sn.client?.cc?.phase === 'fast-recovery' && trace.snapshots[n - 1].client?.cc?.phase !== 'fast-recovery');
      if (i <= 0) throw new Error(`no fast retransmit in generated ${b.scenario} run`);
      const before = trace.snapshots[i - 1].client.cc!;
      const after = trace.snapshots[i].client.cc!;
      const mss = scriptNumbers(b.source).mss;
      // FlightSize when the third duplicate ACK arrives: the retransmission it triggers does not
      // change it (SND.NXT stays), so it is the flight recorded right after.
      const flight = after.flight;
      const linux = trace.profile === 'linux';
      const rule =
        before.algo === 'cubic'
          ? S.ruleCubic(linux ? before.cwnd : flight, linux ? '717/1024' : '0.7', linux, mss)
          : linux
            ? S.ruleRenoLinux(before.cwnd, mss)
            : S.ruleReno(flight, mss);
      return {
        ...base(kind, seed, b, shownBefore(trace, i)),
        type: 'numeric',
        prompt: S.ssthreshPrompt(algoName(trace), before.cwnd, flight, mss),
        answer: after.ssthresh ?? 0,
        explanation: S.ssthreshExplain(after.ssthresh ?? 0, rule),
        hints: [S.hintSsthresh],
      };
    }
    case 'fast-retransmit': {
      const lost = segs.find((x) => x.ev.from === 'client' && x.ev.fate === 'dropped' && x.ev.len > 0);
      const again = lost && segs.find((x) => x.index > lost.index && x.ev.from === 'client' && x.ev.retransmission && x.ev.seq === lost.ev.seq);
      if (!lost || !again) throw new Error(`no data retransmission in generated ${b.scenario} run`);
      // By a timeout when a retransmission timer fired at that instant, else by fast retransmit.
      const byRto = trace.events.some((e) => e.type === 'timer' && e.host === 'client' && e.timer === 'retransmit' && e.action === 'fired' && e.t === again.ev.t);
      return {
        ...base(kind, seed, b, shownBefore(trace, again.index)),
        type: 'numeric',
        prompt: S.fastRetxPrompt(lost.ev.seq, lost.ev.t),
        answer: again.ev.t,
        unit: 'ms',
        explanation: S.fastRetxExplain(again.ev.t, byRto, again.ev.explain),
        hints: [S.hintFastRetx],
      };
    }
  }
}

/** The numbers a generated script set (its option lines), with the model's defaults. */
function scriptNumbers(source: string): { mss: number; buffer: number; delay: number } {
  const num = (re: RegExp, dflt: number) => {
    const m = re.exec(source);
    return m ? Number(m[1]) : dflt;
  };
  return { mss: num(/^option mss (\d+)$/m, 536), buffer: num(/^option rcvbuf server (\d+)$/m, 65535), delay: num(/^option delay (\d+)ms$/m, 50) };
}

/** The client's zero-window probes: segments sent when its persist timer fires. */
export function zeroWindowProbes(trace: Trace): { ev: SegmentEvent; index: number }[] {
  const out: { ev: SegmentEvent; index: number }[] = [];
  trace.events.forEach((e, i) => {
    if (e.type !== 'timer' || e.timer !== 'persist' || e.action !== 'fired') return;
    for (let j = i + 1; j < trace.events.length && trace.events[j].t === e.t; j++) {
      const n = trace.events[j];
      if (n.type === 'segment' && n.from === e.host) {
        out.push({ ev: n, index: j });
        break;
      }
    }
  });
  return out;
}

function ccOf(trace: Trace, host: string): CcSnapshot[] {
  return trace.snapshots.flatMap((sn) => (sn[host]?.cc ? [sn[host].cc!] : []));
}

/** The congestion control of the run's client as the prompts name it (`NewReno, rfc profile`). */
function algoName(trace: Trace): string {
  const algo = ccOf(trace, 'client')[0]?.algo ?? 'reno';
  return `${{ reno: 'Reno', newreno: 'NewReno', cubic: 'CUBIC' }[algo]}, ${trace.profile}`;
}

/**
 * True when the model gives congestion state (HostSnapshot.cc): the congestion kinds are only
 * offered then. Remembered per runner.
 */
const ccSupport = new WeakMap<TcpRunner, boolean>();
export function modelHasCc(run: TcpRunner): boolean {
  let v = ccSupport.get(run);
  if (v === undefined) {
    const r = run('client connect\nclient send 3000\n', { name: 'cc-probe' });
    v = r.ok && r.trace.snapshots.some((sn) => sn.client?.cc !== undefined);
    ccSupport.set(run, v);
  }
  return v;
}

/** Parses `gen/<kind>/<seed>`. */
export function parseGenId(id: string): { kind: GenKind; seed: number } | null {
  const m = /^gen\/([a-z-]+)\/(\d+)$/.exec(id);
  if (!m || !(GEN_KINDS as readonly string[]).includes(m[1])) return null;
  return { kind: m[1] as GenKind, seed: Number(m[2]) };
}

export function generateById(id: string, run: TcpRunner): Question | null {
  const p = parseGenId(id);
  return p ? generateQuestion(p.kind, p.seed, run) : null;
}

/** Kinds that can ask about at least one of `topics` (all kinds when `topics` is empty); with the
 *  model (`run`), the congestion kinds only when it gives congestion state. */
export function kindsFor(topics: readonly Topic[], run?: TcpRunner): GenKind[] {
  const cc = run === undefined || modelHasCc(run);
  return GEN_KINDS.filter((k) => (cc || !CC_KINDS.includes(k)) && (topics.length === 0 || GEN_TOPICS[k].some((t) => topics.includes(t))));
}

/** `count` generated questions for a session, reproducible from `seed`. */
export function generateQuestions(seed: number, count: number, topics: readonly Topic[], run: TcpRunner): Question[] {
  const kinds = kindsFor(topics, run);
  if (kinds.length === 0) return [];
  const rng = makeRng(seed);
  const out: Question[] = [];
  for (let i = 0; i < count; i++) out.push(generateQuestion(kinds[(i + rng.int(kinds.length)) % kinds.length], rng.seed(), run));
  return out;
}

/** The events the diagram shows with a generated question (`upTo`: last index shown, inclusive). */
export function shownEvents(trace: Trace, upTo?: number): TraceEvent[] {
  return upTo === undefined ? trace.events : trace.events.slice(0, upTo + 1);
}

/** A compact text view of the segments shown with a generated question (one line each, at most `max`). */
export function traceSummary(trace: Trace, upTo: number | undefined, max = 6): string[] {
  const segs = shownEvents(trace, upTo).filter((e): e is SegmentEvent => e.type === 'segment');
  const lines = segs.map((s) => {
    const ack = s.ack === null ? '' : ` ack=${s.ack}`;
    const len = s.len > 0 ? ` len=${s.len}` : '';
    const lost = s.fate === 'dropped' ? ' (lost)' : '';
    return `  ${String(Math.round(s.t)).padStart(5)}ms  ${s.from} -> ${s.to}  ${flagsText(s.flags)} seq=${s.seq}${ack}${len}${lost}`;
  });
  return lines.length > max ? ['  ...', ...lines.slice(lines.length - max + 1)] : lines;
}
