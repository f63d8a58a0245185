/**
 * Issue 14 bug 6: a generated "next segment" question says a segment is missing at the end of the
 * diagram, so the diagram it shows must hold at least one segment (it showed nothing when the missing
 * segment was the run's first).
 */
import { describe, it, expect } from 'vitest';
import { generateQuestion } from '../../src/quiz/generate.js';
import { defaultRunner as maybeRunner } from '../../src/quiz/model.js';

const defaultRunner = maybeRunner!;
import { questionDiagram } from '../../src/quiz/diagram.js';

describe('generated next-segment questions', () => {
  it('always show a diagram with a segment in it (seeds 0-199)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const q = generateQuestion('next-segment', seed, defaultRunner);
      expect(q.diagram, `seed ${seed}`).toBeDefined();
      const r = defaultRunner(q.diagram!.source);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const shown = r.trace.events.slice(0, q.diagram!.upTo! + 1);
      expect(shown.some((e) => e.type === 'segment'), `seed ${seed}: no segment before the missing one`).toBe(true);
      expect(questionDiagram(q.diagram!.source, q.diagram!.upTo, defaultRunner, { width: 76, ascii: false })!.length, `seed ${seed}`).toBeGreaterThan(0);
    }
  });
});
