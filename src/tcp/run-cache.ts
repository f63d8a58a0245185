/**
 * A small memo of model runs, keyed by script text and options (the run is pure and deterministic,
 * so a cached trace is the trace). The lesson checker fills it as it validates each ```tcp block;
 * the reader and the player read it, so a lesson's diagrams are not computed a second time on the
 * UI thread. Runs computed elsewhere (the lessons worker) are added with `seedRuns`.
 *
 * `name` only labels the trace (Trace.scenario): it is not part of the key, and a hit under another
 * name returns a copy relabelled. Traces are shared: callers must not mutate them (none does; the
 * trace is append-only while the model builds it and read-only afterwards). A trace holds words in
 * the current language (each event's explanation), so the language is part of the key; the lessons
 * worker runs in the app's language (workerData.lang).
 */
import type { RunOptions, ScriptError, Trace } from './types.js';
import { parseScript } from './script.js';
import { run } from './network.js';
import { getLang } from '../i18n/index.js';

export type CachedRunResult = { ok: true; trace: Trace } | { ok: false; errors: ScriptError[] };

/** Entries kept (least recently used dropped first): a course's diagrams, the player's drops. */
export const RUN_CACHE_ENTRIES = 128;

const cache = new Map<string, CachedRunResult>();

export function runCacheKey(source: string, options: RunOptions = {}): string {
  const { name: _name, ...rest } = options;
  const sorted = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify([getLang(), source, sorted]);
}

function relabel(r: CachedRunResult, name: string | undefined): CachedRunResult {
  const scenario = name ?? 'script';
  return r.ok && r.trace.scenario !== scenario ? { ok: true, trace: { ...r.trace, scenario } } : r;
}

function remember(key: string, r: CachedRunResult): void {
  cache.delete(key);
  cache.set(key, r);
  while (cache.size > RUN_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
}

/** Parses and runs a script, or returns the remembered result of the same script and options. */
export function cachedRunSource(source: string, options: RunOptions = {}): CachedRunResult {
  const key = runCacheKey(source, options);
  const hit = cache.get(key);
  if (hit) {
    remember(key, hit);
    return relabel(hit, options.name);
  }
  const p = parseScript(source);
  const r: CachedRunResult = p.ok ? { ok: true, trace: run(p.script, options) } : p;
  remember(key, r);
  return r;
}

/** Whether a run of this script and options is remembered (tests, the worker's bookkeeping). */
export function hasCachedRun(source: string, options: RunOptions = {}): boolean {
  return cache.has(runCacheKey(source, options));
}

/** The remembered runs, oldest first (what the lessons worker sends to the UI thread). */
export function cachedRuns(): { key: string; result: CachedRunResult }[] {
  return [...cache].map(([key, result]) => ({ key, result }));
}

/** Adds runs computed on another thread (entries from `cachedRuns` there). */
export function seedRuns(entries: readonly { key: string; result: CachedRunResult }[]): void {
  for (const e of entries) if (typeof e.key === 'string' && e.result && typeof e.result.ok === 'boolean') remember(e.key, e.result);
}

/** Forgets every run (e.g. when what a trace says depends on a setting that changed). */
export function clearRunCache(): void {
  cache.clear();
}
