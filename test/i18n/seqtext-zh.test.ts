/**
 * Relative sequence numbers in the player's explanations do not depend on the language: for every
 * event of every built-in scenario, the numbers the relative mode rewrites in the Chinese explanation
 * are exactly the ones it rewrites in the English one (same absolute numbers out, same relative
 * numbers in). English is the reference (test/ui/player/seqtext.test.ts checks it against the
 * diagram's labels), so a Chinese explanation never keeps an absolute seq/ack number that the diagram
 * shows relative.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, withLang, type Lang } from '../../src/i18n/index.js';
import { builtInScenarios } from '../../src/ui/player/run.js';
import { initPlayer } from '../../src/ui/player/model.js';
import { explainIn } from '../../src/ui/player/seqtext.js';
import type { Trace } from '../../src/tcp/types.js';

afterEach(() => setLang('en'));

const numbers = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);

/** The multiset difference a - b, sorted. */
function minus(a: number[], b: number[]): number[] {
  const left = [...b];
  const out: number[] = [];
  for (const n of a) {
    const i = left.indexOf(n);
    if (i >= 0) left.splice(i, 1);
    else out.push(n);
  }
  return out.sort((x, y) => x - y);
}

/** Per event: the numbers relative mode took out of the explanation and the ones it put in. */
function rewrites(lang: Lang, source: string, name: string): { trace: Trace; changes: { out: number[]; in: number[]; rel: string }[] } {
  return withLang(lang, () => {
    const p = initPlayer(source, name);
    const trace = p.trace!;
    const changes = trace.events.map((ev) => {
      const abs = explainIn(trace, ev, 'absolute');
      const rel = explainIn(trace, ev, 'relative');
      return { out: minus(numbers(abs), numbers(rel)), in: minus(numbers(rel), numbers(abs)), rel };
    });
    return { trace, changes };
  });
}

describe('relative sequence numbers in zh-CN explanations', () => {
  it('every built-in scenario: the same numbers are rewritten as in English', () => {
    let rewritten = 0;
    const scenarios = builtInScenarios();
    expect(scenarios.length).toBeGreaterThan(10);
    for (const sc of scenarios) {
      const en = rewrites('en', sc.source, sc.name);
      const zh = rewrites('zh-CN', sc.source, sc.name);
      expect(zh.trace.events.length).toBe(en.trace.events.length);
      zh.changes.forEach((z, i) => {
        const e = en.changes[i]!;
        const where = `${sc.name} event ${i} (${zh.trace.events[i]!.type})\n  en: ${e.rel}\n  zh: ${z.rel}`;
        expect(z.out, where).toEqual(e.out);
        expect(z.in, where).toEqual(e.in);
        rewritten += e.out.length;
      });
    }
    // The comparison is not empty: many numbers are rewritten.
    expect(rewritten).toBeGreaterThan(200);
  });

  it('the handshake in Chinese: ISN 0, ack = 0 + 1 = 1, and no 100/101/300/301 left', () => {
    const sc = builtInScenarios().find((s) => s.name === 'handshake')!;
    const zh = rewrites('zh-CN', sc.source, sc.name).changes.map((c) => c.rel).join('\n');
    expect(zh).toContain('ISN 0');
    expect(zh).toContain('ack = 0 + 1 = 1');
    expect(zh).toMatch(/seq=1，ack = 0 \+ 1 = 1/);
    expect(zh).not.toMatch(/\b(100|101|300|301)\b/);
  });
});
