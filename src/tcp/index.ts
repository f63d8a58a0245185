/**
 * Public API of the TCP model (implemented in the other files of src/tcp).
 *
 *   parseScript(text)            -> { ok: true, script } | { ok: false, errors: ScriptError[] }
 *   runScript(script, options?)  -> Trace                 (pure, deterministic)
 *   runSource(text, options?)    -> { ok: true, trace } | { ok: false, errors }
 *   SCENARIOS                    -> built-in scenarios: { name, description, source }[]
 *   getScenario(name)            -> one of them, or undefined
 *   traceToJson(trace)           -> the `synack trace --json` object { scenario, hosts, events }
 *   foldTrace(trace)             -> the trace as consumers show it: `arrival` events (appended when a
 *                                   receiver drops or notes a segment) merged into copies of their
 *                                   segments' events (the model's trace itself is append-only)
 */
import type { RunOptions, ScriptError, Trace } from './types.js';
import { parseScript, type Script } from './script.js';
import { run } from './network.js';

export * from './types.js';
export { parseScript, parseDuration, type Script, type Step, type Action, type ScriptOptions, type ParseResult } from './script.js';
export { SCENARIOS, getScenario, type Scenario } from './scenarios.js';
export { traceToJson, type TraceJson } from './json.js';
export { foldTrace, isFolded } from './fold.js';
export { X as EXPLAIN, PARSE as PARSE_MESSAGES } from './explain.js';
export { DEFAULT_HOSTS } from './network.js';
export { PROFILES } from './profile.js';
export { seqAdd, seqDiff, seqLt } from './seq.js';

/** Runs a parsed script. Pure and deterministic: same script and options, same trace. */
export function runScript(script: Script, options: RunOptions = {}): Trace {
  return run(script, options);
}

export type RunSourceResult = { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };

/** Parses and runs a script's text. */
export function runSource(text: string, options: RunOptions = {}): RunSourceResult {
  const p = parseScript(text);
  if (!p.ok) return p;
  return { ok: true, trace: run(p.script, options) };
}
