import { describe, expect, it } from 'vitest';
import { foldTrace, runSource } from '../../src/tcp/index.js';
import type { SegmentEvent, Trace } from '../../src/tcp/types.js';
import { generateQuestion, generateQuestions, kindsFor, modelHasCc, zeroWindowProbes, CC_KINDS, GEN_KINDS } from '../../src/quiz/generate.js';
import { withLang } from '../../src/i18n/index.js';
import type { Question } from '../../src/quiz/types.js';

function traceOf(q: Question): Trace {
  const r = runSource(q.diagram!.source);
  if (!r.ok) throw new Error(r.errors[0].message);
  return foldTrace(r.trace);
}

const SEEDS = [1, 2, 3, 17, 99, 1234, 40000, 7777777];

describe('generated flow-control questions (real model runs)', () => {
  it('the window after the application reads N bytes is the win= of the server\'s next segment', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('window-after-read', seed, runSource);
      if (q.type !== 'numeric') throw new Error('numeric expected');
      const trace = traceOf(q);
      const read = trace.events.findIndex((e) => e.type === 'app' && e.host === 'server' && e.call === 'receive');
      const next = trace.events.slice(read).find((e): e is SegmentEvent => e.type === 'segment' && e.from === 'server')!;
      expect(q.answer).toBe(next.window);
      // The diagram stops before the read; the buffer and the read come from the script.
      expect(q.diagram!.upTo!).toBeLessThan(read);
      const buffer = Number(/option rcvbuf server (\d+)/.exec(q.diagram!.source)![1]);
      expect(q.prompt).toContain(`holds ${buffer} bytes`);
      expect(q.answer).toBeLessThanOrEqual(buffer);
      expect(q.explanation).toContain('RFC 9293 §3.8.6.2.2');
      expect(q.topics).toEqual(['flow-control']);
      expect(q.lessonId).toBe('flow-and-congestion');
    }
  });

  it('the next zero-window probe: the time the persist timer next fires, after the earlier probes', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('zero-window-probe', seed, runSource);
      if (q.type !== 'numeric') throw new Error('numeric expected');
      const trace = traceOf(q);
      const probes = zeroWindowProbes(trace);
      const j = probes.findIndex((p) => p.ev.t === q.answer);
      expect(j).toBeGreaterThanOrEqual(1);
      // The diagram shows the probes before it and not this one.
      expect(probes.filter((p) => p.index <= q.diagram!.upTo!)).toHaveLength(j);
      expect(q.prompt).toContain(`probe ${j} went out at t=${probes[j - 1].ev.t} ms`);
      expect(q.explanation).toContain(`${q.answer - probes[j - 1].ev.t} ms after the previous probe`);
      expect(q.explanation).toContain('RFC 9293 §3.8.6.1');
    }
  });

  it('is deterministic and speaks Chinese', () => {
    expect(generateQuestion('zero-window-probe', 5, runSource)).toEqual(generateQuestion('zero-window-probe', 5, runSource));
    const zh = withLang('zh-CN', () => generateQuestion('window-after-read', 5, runSource));
    expect(zh.prompt).toMatch(/接收缓冲区为 \d+ 字节/);
    expect(zh.explanation).toContain('糊涂窗口避免');
  });

  it('topic filters reach them', () => {
    expect(kindsFor(['flow-control'])).toEqual(['window-after-read', 'zero-window-probe']);
    expect(kindsFor(['congestion-control'])).toEqual(['slow-start-cwnd', 'ssthresh-dupacks', 'fast-retransmit']);
    const qs = generateQuestions(3, 4, ['flow-control'], runSource);
    expect(qs).toHaveLength(4);
    for (const q of qs) expect(q.topics).toEqual(['flow-control']);
  });
});

/** The congestion kinds read HostSnapshot.cc: they are offered and tested once the model fills it. */
describe.skipIf(!modelHasCc(runSource))('generated congestion-control questions (real model runs)', () => {
  it('cwnd after k round trips of slow start is the sender\'s cwnd in the trace at that point', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('slow-start-cwnd', seed, runSource);
      if (q.type !== 'numeric') throw new Error('numeric expected');
      const cc = traceOf(q).snapshots[q.diagram!.upTo!].client.cc!;
      expect(cc.phase).toBe('slow-start');
      expect(q.answer).toBe(cc.cwnd);
      expect(q.explanation).toContain('RFC 5681 §3.1');
    }
  });

  it('ssthresh after the third duplicate ACK follows the trace\'s algorithm', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('ssthresh-dupacks', seed, runSource);
      if (q.type !== 'numeric') throw new Error('numeric expected');
      const trace = traceOf(q);
      const i = trace.snapshots.findIndex((s, n) => n > q.diagram!.upTo! && s.client?.cc?.phase === 'fast-recovery');
      const before = trace.snapshots[i - 1].client.cc!;
      const after = trace.snapshots[i].client.cc!;
      expect(q.answer).toBe(after.ssthresh);
      expect(q.prompt).toContain(`cwnd = ${before.cwnd} and FlightSize = ${after.flight}`);
      // The rule the explanation cites gives the trace's value (RFC 5681 eq. 4 in the rfc profile).
      const mss = Number(/option mss (\d+)/.exec(q.diagram!.source)![1]);
      if (before.algo !== 'cubic' && trace.profile === 'rfc') expect(after.ssthresh).toBe(Math.max(after.flight / 2, 2 * mss));
      if (before.algo === 'cubic' && trace.profile === 'linux') expect(after.ssthresh).toBe(Math.max(2, Math.floor((Math.round(before.cwnd / mss) * 717) / 1024)) * mss);
      expect(q.explanation).toMatch(before.algo === 'cubic' ? /RFC 9438/ : /RFC 5681|tcp_reno_ssthresh/);
    }
  });

  it('the fast-retransmitted segment goes out again when the trace says', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('fast-retransmit', seed, runSource);
      if (q.type !== 'numeric') throw new Error('numeric expected');
      const trace = traceOf(q);
      const again = trace.events.slice(q.diagram!.upTo! + 1).find((e): e is SegmentEvent => e.type === 'segment' && e.retransmission)!;
      expect(q.answer).toBe(again.t);
      expect(q.prompt).toContain(`seq=${again.seq}`);
    }
  });
});

describe('the congestion kinds are offered only when the model gives congestion state', () => {
  it('kindsFor with the model', () => {
    const withModel = kindsFor([], runSource);
    if (modelHasCc(runSource)) expect(withModel).toEqual([...GEN_KINDS]);
    else expect(withModel).toEqual(GEN_KINDS.filter((k) => !CC_KINDS.includes(k)));
  });
});
