/**
 * The one place the player reaches the TCP model. `runModel(source, options)` runs a script and
 * returns the model's result (the trace, or the script errors with line and column).
 */
import { SCENARIOS, getScenario } from '../../tcp/index.js';
import { cachedRunSource } from '../../tcp/run-cache.js';
import type { RunOptions, ScriptError, Trace } from '../../tcp/types.js';
import type { Lesson } from '../../lessons/types.js';

export type RunResult = { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };
export type RunFn = (source: string, options?: RunOptions) => RunResult;

/** Memoised (src/tcp/run-cache.ts): a lesson's diagrams were already run when the lesson was checked. */
export const runModel: RunFn = (source, options) => cachedRunSource(source, options);

/** The built-in scenarios (name, description, source). */
export function builtInScenarios(): { name: string; description: string; source: string }[] {
  return SCENARIOS.map((s) => ({ name: s.name, description: s.description, source: s.source }));
}

export function scenarioSource(name: string): string | undefined {
  return getScenario(name)?.source;
}

/**
 * Runs every ```tcp block of these lessons into the memo, as the reader will run them (the reader's
 * name for a block only labels the trace; see src/tcp/run-cache.ts). The lessons worker calls it,
 * off the UI thread, and sends the runs over.
 */
export function precomputeLessonRuns(lessons: readonly Lesson[]): number {
  let n = 0;
  for (const l of lessons)
    for (const b of l.blocks)
      if (b.type === 'tcp') {
        runModel(b.source);
        n++;
      }
  return n;
}
