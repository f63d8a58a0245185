import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldTrace, runSource } from '../../src/tcp/index.js';
import type { SegmentEvent, Trace } from '../../src/tcp/types.js';
import { generateQuestion, generateQuestions, generateById, parseGenId, kindsFor, GEN_KINDS, GEN_TOPICS, type GenKind } from '../../src/quiz/generate.js';
import { grade } from '../../src/quiz/grade.js';
import { buildBank } from '../../src/quiz/bank.js';
import { questionDiagram } from '../../src/quiz/diagram.js';
import type { Question } from '../../src/quiz/types.js';

function traceOf(q: Question): Trace {
  const r = runSource(q.diagram!.source);
  if (!r.ok) throw new Error(r.errors[0].message);
  // Questions index the folded trace (src/tcp/fold.ts), as the diagram that shows them does.
  return foldTrace(r.trace);
}

/** The segment the question is about: the first one after the shown events, and nothing shown
 *  happens at its instant or later (no timer firing or state change that gives it away). */
function nextSegment(trace: Trace, upTo: number): SegmentEvent {
  const seg = trace.events.slice(upTo + 1).find((e): e is SegmentEvent => e.type === 'segment')!;
  expect(seg).toBeDefined();
  expect(trace.events.slice(upTo + 1, trace.events.indexOf(seg)).every((e) => e.t >= seg.t)).toBe(true);
  expect(trace.events.slice(0, upTo + 1).every((e) => e.t < seg.t)).toBe(true);
  return seg;
}

/** Reads the answer straight from the model's trace, independently of the generator. */
function answerFromTrace(q: Question): string | number {
  const trace = traceOf(q);
  const upTo = q.diagram!.upTo!;
  const kind = parseGenId(q.id)!.kind;
  switch (kind) {
    case 'ack':
    case 'seq': {
      const seg = nextSegment(trace, upTo);
      return kind === 'ack' ? seg.ack! : seg.seq;
    }
    case 'state': {
      const host = /the (client|server) in now/.exec(q.prompt)![1];
      expect(q.diagram!.showStates).toBe(false);
      return trace.snapshots[upTo][host].state;
    }
    case 'next-segment': {
      const seg = nextSegment(trace, upTo);
      expect(q.prompt).toContain(`the ${seg.from} sends it next`);
      return seg.flags.join(',');
    }
    case 'window-after-read': {
      // The diagram stops before the read; the answer is the window of the server's next segment.
      const read = trace.events.findIndex((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive');
      expect(read).toBeGreaterThan(upTo);
      const seg = trace.events.slice(read).find((e): e is SegmentEvent => e.type === 'segment' && e.from === 'server' && e.window !== undefined)!;
      expect(q.prompt).toContain(`reads ${(trace.events[read] as { bytes?: number }).bytes} bytes`);
      return seg.window!;
    }
    case 'zero-window-probe': {
      // The next segment the client sends is a probe, sent when its persist timer fires.
      const seg = nextSegment(trace, upTo);
      expect(seg.from).toBe('client');
      expect(trace.events.some((e) => e.type === 'timer' && e.timer === 'persist' && e.action === 'fired' && e.t === seg.t)).toBe(true);
      return seg.t;
    }
    case 'slow-start-cwnd': {
      const cc = trace.snapshots[upTo].client.cc!;
      expect(cc.phase).toBe('slow-start');
      return cc.cwnd;
    }
    case 'ssthresh-dupacks': {
      const i = trace.snapshots.findIndex((s, n) => n > upTo && s.client?.cc?.phase === 'fast-recovery');
      expect(trace.snapshots[i].client.cc!.dupAcks).toBeGreaterThanOrEqual(3);
      return trace.snapshots[i].client.cc!.ssthresh!;
    }
    case 'fast-retransmit': {
      const seg = trace.events.slice(upTo + 1).find((e): e is SegmentEvent => e.type === 'segment' && e.from === 'client' && e.retransmission)!;
      expect(trace.events.slice(0, upTo + 1).some((e) => e.type === 'segment' && e.retransmission)).toBe(false);
      return seg.t;
    }
    case 'retransmit': {
      // The diagram shows the lost segment but not yet its retransmission (that is the answer).
      const shown = trace.events.slice(0, upTo + 1).filter((e): e is SegmentEvent => e.type === 'segment');
      expect(shown.some((e) => e.retransmission)).toBe(false);
      const lost = shown.filter((e) => e.fate === 'dropped');
      expect(lost).toHaveLength(1);
      const again = trace.events.slice(upTo + 1).find((e): e is SegmentEvent => e.type === 'segment' && e.retransmission)!;
      expect(trace.events.slice(0, upTo + 1).every((e) => e.t < again.t)).toBe(true);
      expect(trace.events.slice(0, upTo + 1).some((e) => e.type === 'timer' && e.action === 'fired')).toBe(false);
      expect(again.seq).toBe(lost[0].seq);
      expect(again.from).toBe(lost[0].from);
      expect(q.prompt).toContain(`sent at t=${lost[0].t} ms`);
      return again.t;
    }
  }
}

function statedAnswer(q: Question): string | number {
  switch (q.type) {
    case 'numeric':
      return q.answer;
    case 'text':
      return q.accept[0];
    case 'single':
      return q.choices.find((c) => c.correct)!.text;
    default:
      throw new Error(`unexpected generated type ${q.type}`);
  }
}

/** The kinds the model supports today (the congestion kinds need HostSnapshot.cc). */
const kindArb = fc.constantFrom<GenKind>(...kindsFor([], runSource));
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe('generated questions', () => {
  it('state an answer that is what the model trace says', () => {
    fc.assert(
      fc.property(kindArb, seedArb, (kind, seed) => {
        const q = generateQuestion(kind, seed, runSource);
        expect(q.id).toBe(`gen/${kind}/${seed}`);
        expect(statedAnswer(q)).toEqual(answerFromTrace(q));
        expect(q.explanation.length).toBeGreaterThan(0);
        expect(q.topics.every((t) => GEN_TOPICS[kind].includes(t))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('are graded right when answered with the stated answer', () => {
    fc.assert(
      fc.property(kindArb, seedArb, (kind, seed) => {
        const q = generateQuestion(kind, seed, runSource);
        if (q.type === 'numeric') expect(grade(q, { type: 'numeric', text: String(q.answer) }).correct).toBe(true);
        if (q.type === 'text') expect(grade(q, { type: 'text', text: q.accept[0].toLowerCase().replace(/-/g, ' ') }).correct).toBe(true);
        if (q.type === 'single') {
          expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
          expect(new Set(q.choices.map((c) => c.text)).size).toBe(q.choices.length);
          expect(grade(q, { type: 'single', choice: q.choices.findIndex((c) => c.correct) }).correct).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('same seed, same questions; the id regenerates the question', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const a = generateQuestions(seed, 4, [], runSource);
        const b = generateQuestions(seed, 4, [], runSource);
        expect(b).toEqual(a);
        for (const q of a) expect(generateById(q.id, runSource)).toEqual(q);
      }),
      { numRuns: 25 },
    );
  });

  it('different seeds give different questions', () => {
    const ids = new Set(generateQuestions(1, 6, [], runSource).map((q) => q.prompt + JSON.stringify(q.diagram)));
    const other = generateQuestions(2, 6, [], runSource).map((q) => q.prompt + JSON.stringify(q.diagram));
    expect(other.some((x) => !ids.has(x))).toBe(true);
  });

  it('topic filters pick matching kinds', () => {
    expect(kindsFor(['time-wait'])).toEqual(['state']);
    expect(kindsFor(['http'])).toEqual([]);
    expect(kindsFor([])).toEqual([...GEN_KINDS]);
    expect(generateQuestions(5, 3, ['http'], runSource)).toEqual([]);
  });

  it('parses ids', () => {
    expect(parseGenId('gen/ack/12')).toEqual({ kind: 'ack', seed: 12 });
    expect(parseGenId('gen/nope/12')).toBeNull();
    expect(parseGenId('core/arp')).toBeNull();
  });

  it('the partial diagram stops where the question is', () => {
    const q = generateQuestion('retransmit', 7, runSource);
    const lines = questionDiagram(q.diagram!.source, q.diagram!.upTo, runSource, { width: 76 })!;
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l.length <= 76)).toBe(true);
  });

  it('the bank regenerates due and mistaken generated cards', () => {
    const q = generateQuestion('ack', 99, runSource);
    const progress = { version: 1 as const, lessons: {}, last: null, cards: {}, history: [], mistakes: { [q.id]: 0, 'gen/ack/bad': 0 }, settings: { streak: false, relative: false } };
    const bank = buildBank({ seed: 1, progress, now: 0, run: runSource, builtin: false });
    expect(bank.map((x) => x.id)).toEqual([q.id]);
    expect(bank[0]).toEqual(q);
  });
});
