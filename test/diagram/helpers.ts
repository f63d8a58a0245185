import { SCENARIOS, runSource, type Trace } from '../../src/tcp/index.js';

const cache = new Map<string, Trace>();

/** The model's trace of a built-in scenario (cached: traces are pure data). */
export function builtin(name: string): Trace {
  let t = cache.get(name);
  if (!t) {
    const sc = SCENARIOS.find((s) => s.name === name);
    if (!sc) throw new Error(`no built-in scenario ${name}`);
    const r = runSource(sc.source, { name });
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
    t = r.trace;
    cache.set(name, t);
  }
  return t;
}

export const BUILTIN_NAMES = SCENARIOS.map((s) => s.name);
