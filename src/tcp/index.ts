/**
 * Public API of the TCP model (implemented in the other files of src/tcp).
 *
 *   parseScript(text)            -> { ok: true, script } | { ok: false, errors: ScriptError[] }
 *   runScript(script, options?)  -> Trace                 (pure, deterministic)
 *   runSource(text, options?)    -> { ok: true, trace } | { ok: false, errors }
 *   SCENARIOS                    -> built-in scenarios: { name, description, source }[]
 *   getScenario(name)            -> one of them, or undefined
 *   traceToJson(trace)           -> the `synack trace --json` object { scenario, hosts, events }
 */
export * from './types.js';
