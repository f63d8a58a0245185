/**
 * Questions generated from the TCP model: a scenario script with random ISNs (and delay), a random
 * point in its trace, and a question whose answer is read from the trace. Pure and reproducible:
 * the id `gen/<kind>/<seed>` regenerates the same question.
 *
 * The model is passed in (`TcpRunner`, normally `runSource` from src/tcp) so this file stays testable.
 */
import type { RunOptions, ScriptError, SegmentEvent, StateEvent, Trace, TraceEvent } from '../tcp/types.js';
import { foldTrace } from '../tcp/fold.js';
import { makeRng, type Rng } from './rng.js';
import { GEN as S } from './strings.js';
import { lessonForTopic } from './topics.js';
import type { Choice, Question, Topic } from './types.js';

export type TcpRunner = (text: string, opts?: RunOptions) => { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };

export const GEN_KINDS = ['ack', 'seq', 'state', 'next-segment', 'retransmit'] as const;
export type GenKind = (typeof GEN_KINDS)[number];

/** The topics each kind's questions are tagged with (used for topic filters). */
export const GEN_TOPICS: Record<GenKind, Topic[]> = {
  ack: ['handshake', 'tcp-header'],
  seq: ['tcp-header', 'reliability'],
  state: ['handshake', 'close', 'time-wait'],
  'next-segment': ['handshake', 'close'],
  retransmit: ['reliability'],
};

interface Template {
  name: string;
  body: (rng: Rng) => string[];
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
};

const KIND_TEMPLATES: Record<GenKind, string[]> = {
  ack: ['handshake', 'transfer', 'four-way-close'],
  seq: ['transfer', 'four-way-close'],
  state: ['handshake', 'transfer', 'four-way-close'],
  'next-segment': ['handshake', 'four-way-close', 'transfer'],
  retransmit: ['syn-retransmit', 'data-retransmit'],
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
  const source = [`# ${t.name}`, `option isn client ${isnClient}`, `option isn server ${isnServer}`, `option delay ${delay}ms`, ...t.body(rng)].join('\n') + '\n';
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
  }
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

/** Kinds that can ask about at least one of `topics` (all kinds when `topics` is empty). */
export function kindsFor(topics: readonly Topic[]): GenKind[] {
  return GEN_KINDS.filter((k) => topics.length === 0 || GEN_TOPICS[k].some((t) => topics.includes(t)));
}

/** `count` generated questions for a session, reproducible from `seed`. */
export function generateQuestions(seed: number, count: number, topics: readonly Topic[], run: TcpRunner): Question[] {
  const kinds = kindsFor(topics);
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
