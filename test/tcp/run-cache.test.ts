import { describe, it, expect, beforeEach } from 'vitest';
import { runSource, getScenario } from '../../src/tcp/index.js';
import { cachedRunSource, cachedRuns, clearRunCache, hasCachedRun, runCacheKey, seedRuns, RUN_CACHE_ENTRIES } from '../../src/tcp/run-cache.js';
import { loadAllLessons } from '../../src/lessons/load.js';
import { precomputeLessonRuns } from '../../src/ui/player/run.js';
import { join } from 'node:path';
import { withLang } from '../../src/i18n/index.js';

const handshake = getScenario('handshake')!.source;

describe('the memo of model runs', () => {
  beforeEach(() => clearRunCache());

  it('gives what a fresh run gives, under any name, and the same object on a hit', () => {
    const a = cachedRunSource(handshake, { name: 'one' });
    expect(a).toEqual(runSource(handshake, { name: 'one' }));
    const b = cachedRunSource(handshake, { name: 'two' });
    expect(b).toEqual(runSource(handshake, { name: 'two' }));
    expect(b.ok && a.ok && b.trace.events).toBe(a.ok && a.trace.events); // not run again
    expect(cachedRunSource(handshake, { name: 'one' })).toBe(a);
  });

  it('keys on every option but the name (order of keys does not matter)', () => {
    expect(runCacheKey(handshake, { seed: 2, profile: 'linux' })).toBe(runCacheKey(handshake, { profile: 'linux', seed: 2, name: 'x' }));
    expect(runCacheKey(handshake, { seed: 2 })).not.toBe(runCacheKey(handshake, { seed: 3 }));
    expect(runCacheKey(handshake, { dropSegmentIds: [1] })).not.toBe(runCacheKey(handshake, {}));
    const dropped = cachedRunSource(handshake, { dropSegmentIds: [1] });
    expect(dropped).toEqual(runSource(handshake, { dropSegmentIds: [1] }));
  });

  it('keys on the language: a trace\'s explanations are in the language it was run in', () => {
    expect(withLang('zh-CN', () => runCacheKey(handshake))).not.toBe(withLang('en', () => runCacheKey(handshake)));
    const en = withLang('en', () => cachedRunSource(handshake));
    const zh = withLang('zh-CN', () => cachedRunSource(handshake));
    expect(zh).toEqual(withLang('zh-CN', () => runSource(handshake)));
    expect(en).toEqual(withLang('en', () => runSource(handshake)));
  });

  it('remembers script errors too', () => {
    const bad = cachedRunSource('client frobnicate');
    expect(bad.ok).toBe(false);
    expect(bad).toEqual(runSource('client frobnicate'));
    expect(hasCachedRun('client frobnicate')).toBe(true);
  });

  it(`keeps at most ${RUN_CACHE_ENTRIES} runs, dropping the least recently used`, () => {
    for (let i = 0; i < RUN_CACHE_ENTRIES + 5; i++) cachedRunSource(handshake, { seed: i });
    expect(cachedRuns()).toHaveLength(RUN_CACHE_ENTRIES);
    expect(hasCachedRun(handshake, { seed: 0 })).toBe(false);
    expect(hasCachedRun(handshake, { seed: RUN_CACHE_ENTRIES + 4 })).toBe(true);
  });

  it('takes runs computed elsewhere (as the lessons worker sends them, copied)', () => {
    cachedRunSource(handshake, { seed: 9 });
    const sent = structuredClone(cachedRuns());
    clearRunCache();
    expect(hasCachedRun(handshake, { seed: 9 })).toBe(false);
    seedRuns(sent);
    expect(hasCachedRun(handshake, { seed: 9 })).toBe(true);
    expect(cachedRunSource(handshake, { seed: 9 })).toEqual(runSource(handshake, { seed: 9 }));
  });

  it('after the lessons worker\'s precompute, every diagram the reader shows is remembered', () => {
    const all = loadAllLessons(join(__dirname, '..', '..', 'lessons'));
    expect(precomputeLessonRuns(all.lessons)).toBeGreaterThan(20);
    let blocks = 0;
    for (const l of all.lessons)
      for (const b of l.blocks)
        if (b.type === 'tcp') {
          blocks++;
          // The reader's options (src/ui/player/inline.tsx: initInline -> initPlayer -> { name }).
          expect(hasCachedRun(b.source, { name: b.scenario ?? 'tcp' }), `${l.meta.id}:${b.line}`).toBe(true);
        }
    expect(blocks).toBeGreaterThan(20);
  });
});
