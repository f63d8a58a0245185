/**
 * The one place the player reaches the TCP model. `runModel(source, options)` runs a script and
 * returns the model's result (the trace, or the script errors with line and column).
 */
import { runSource, SCENARIOS, getScenario } from '../../tcp/index.js';
import type { RunOptions, ScriptError, Trace } from '../../tcp/types.js';

export type RunResult = { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };
export type RunFn = (source: string, options?: RunOptions) => RunResult;

export const runModel: RunFn = (source, options) => runSource(source, options);

/** The built-in scenarios (name, description, source). */
export function builtInScenarios(): { name: string; description: string; source: string }[] {
  return SCENARIOS.map((s) => ({ name: s.name, description: s.description, source: s.source }));
}

export function scenarioSource(name: string): string | undefined {
  return getScenario(name)?.source;
}
