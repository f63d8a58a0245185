/**
 * Every strings catalogue has the same shape in every language: the same keys nested the same,
 * functions with the same arity that produce the same placeholders for sentinel arguments, no empty
 * string where English has text, and no English sentence left in zh-CN. Every export of every
 * src/**\/strings.ts must be a catalogue (src/i18n catalogue()) or listed below as not text.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, type CatalogueEntry } from '../../src/i18n/index.js';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Exports of strings files that are not learner-facing text (numbers, helpers, tables of tokens). */
const NOT_TEXT: Record<string, string[]> = {
  'src/cli/strings.ts': ['LIMITS'],
  'src/diagram/strings.ts': ['SHORT_STATE', 'SHORT_FLAG'], // tables of protocol tokens (ss/tcpdump abbreviations)
  'src/ui/player/strings.ts': ['asciiText'], // a helper: --ascii symbol fallbacks
};

/**
 * Strings files not yet turned into catalogues, with their owner. Remove a file from here when it is
 * converted; the test then checks it like the others.
 */
const NOT_YET_CATALOGUES: Record<string, string> = {
};

/**
 * Catalogues of patterns, not text: each language has its own list (never shown), so their shapes
 * differ. tcp.SEQ_MARKERS: where each language's explanations put a sequence number; its own test,
 * test/i18n/seqtext-zh.test.ts, compares the languages on every built-in scenario.
 */
const PATTERNS = new Set<string>(['tcp.SEQ_MARKERS']);

/** Catalogues whose zh-CN object is still the English one (translation in progress). */
const NOT_YET_TRANSLATED = new Set<string>([]);

/**
 * zh-CN values that may stay in Latin letters although they look like English words: protocol
 * tokens, commands and option syntax. Matched against the value with placeholders removed.
 */
const ALLOWED_LATIN: RegExp[] = [
  /^synack\b[^]*$/, // usage lines: synack CMD [options]
  /^--?[a-z]/, // option syntax: --lang en|zh-CN
  /^\.\/[\w.-]+\.tcp$/, // a default file name (./synack-playground.tcp)
];

/** Paths whose values are key names or option syntax (never translated). */
const KEY_PATHS = /(^|\.)(keys|value|args|type)$/;

function stringsFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.split(/[\\/]/).pop() === 'strings.ts')
    .map((f) => relative(ROOT, join(SRC, f)).split('\\').join('/'))
    .sort();
}

// A stand-in argument: prints as ⟦label⟧, acts as a number (7), an array of two sentinels, an object
// whose fields are sentinels, or a function returning a sentinel, so any catalogue function can run.
const SENTINEL = /⟦[^⟧]*⟧/g;
const sentinels = new WeakSet<object>();
function sentinel(label: string): unknown {
  const item = (i: number) => sentinel(`${label}[${i}]`);
  const p = new Proxy(function () {}, {
    get(_t, k) {
      if (k === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 7 : `⟦${label}⟧`);
      if (k === Symbol.iterator) return function* () { yield item(0); yield item(1); };
      if (typeof k === 'symbol') return undefined;
      if (k === 'length') return 2;
      if (/^\d+$/.test(k)) return item(Number(k));
      if (k === 'map') return (f: (x: unknown, i: number) => unknown) => [f(item(0), 0), f(item(1), 1)];
      if (k === 'join') return (sep = ',') => `⟦${label}[0]⟧${sep}⟦${label}[1]⟧`;
      if (k === 'slice') return (a?: number, b?: number) => [item(0), item(1)].slice(a, b);
      return sentinel(`${label}.${k}`);
    },
    apply: () => sentinel(`${label}()`),
  });
  sentinels.add(p);
  return p;
}

const placeholders = (s: string) => [...new Set(s.match(SENTINEL) ?? [])].sort();
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function untranslated(path: string, s: string): boolean {
  if (KEY_PATHS.test(path)) return false;
  const bare = s.replace(SENTINEL, ' ');
  if (CJK.test(bare)) return false;
  if (ALLOWED_LATIN.some((r) => r.test(bare.trim()))) return false;
  return (bare.match(/[A-Za-z]{2,}/g) ?? []).length >= 3;
}

/** Every difference between the two values, as `path: problem` lines. */
function compare(en: unknown, zh: unknown, path: string, checkWords: boolean, out: string[]): void {
  // A function that returns (part of) its argument as it is: compare what it prints.
  if (typeof en === 'function' && sentinels.has(en)) en = String(en);
  if (typeof zh === 'function' && sentinels.has(zh)) zh = String(zh);
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(en) !== kind(zh)) {
    out.push(`${path}: ${kind(en)} in en, ${kind(zh)} in zh-CN`);
    return;
  }
  if (typeof en === 'string') {
    const z = zh as string;
    if (z.trim() === '' && en.trim() !== '') out.push(`${path}: empty in zh-CN`);
    if (en.trim() === '' && z.trim() !== '') out.push(`${path}: empty in en but not in zh-CN`);
    const pe = placeholders(en);
    const pz = placeholders(z);
    if (pe.join() !== pz.join()) out.push(`${path}: placeholders ${pe.join(' ') || '(none)'} in en, ${pz.join(' ') || '(none)'} in zh-CN`);
    if (checkWords && untranslated(path, z)) out.push(`${path}: English left in zh-CN: ${JSON.stringify(z)}`);
    return;
  }
  if (typeof en === 'function') {
    const f = en as (...a: unknown[]) => unknown;
    const g = zh as (...a: unknown[]) => unknown;
    if (f.length !== g.length) {
      out.push(`${path}: ${f.length} parameters in en, ${g.length} in zh-CN`);
      return;
    }
    const args = Array.from({ length: Math.max(f.length, 1) }, (_, i) => sentinel(`a${i}`));
    let re: unknown, rz: unknown;
    try {
      re = f(...args);
      rz = g(...args);
    } catch (e) {
      out.push(`${path}: threw with sentinel arguments: ${(e as Error).message}`);
      return;
    }
    compare(re, rz, `${path}()`, checkWords, out);
    return;
  }
  if (Array.isArray(en)) {
    const z = zh as unknown[];
    if (en.length !== z.length) out.push(`${path}: ${en.length} items in en, ${z.length} in zh-CN`);
    for (let i = 0; i < Math.min(en.length, z.length); i++) compare(en[i], z[i], `${path}[${i}]`, checkWords, out);
    return;
  }
  if (typeof en === 'object' && en !== null) {
    const ke = Object.keys(en).sort();
    const kz = Object.keys(zh as object).sort();
    const missing = ke.filter((k) => !kz.includes(k));
    const extra = kz.filter((k) => !ke.includes(k));
    if (missing.length) out.push(`${path}: missing in zh-CN: ${missing.join(', ')}`);
    if (extra.length) out.push(`${path}: only in zh-CN: ${extra.join(', ')}`);
    for (const k of ke.filter((x) => kz.includes(x)))
      compare((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)[k], `${path}.${k}`, checkWords, out);
    return;
  }
  if (en !== zh) out.push(`${path}: ${String(en)} in en, ${String(zh)} in zh-CN`);
}

const files = stringsFiles();
const modules = new Map<string, Record<string, unknown>>();
for (const f of files) modules.set(f, (await import(join(ROOT, f))) as Record<string, unknown>);

describe('strings catalogues', () => {
  it('finds the strings files', () => {
    expect(files).toContain('src/ui/strings.ts');
    expect(files).toContain('src/cli/strings.ts');
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it('every export of a strings file is a catalogue or listed as not text', () => {
    const problems: string[] = [];
    for (const [f, mod] of modules) {
      if (f in NOT_YET_CATALOGUES) continue;
      for (const [name, v] of Object.entries(mod)) {
        if (NOT_TEXT[f]?.includes(name)) continue;
        if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
          if (!catalogues().has(v as object)) problems.push(`${f}: ${name} is not a catalogue (src/i18n catalogue())`);
        } else problems.push(`${f}: ${name} is a bare ${typeof v}`);
      }
    }
    expect(problems).toEqual([]);
  });

  const entries = (): CatalogueEntry[] => [...catalogues().values()];

  it('has catalogues with unique names', () => {
    const names = entries().map((e) => e.name);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
  });

  it('zh-CN has the shape, arity and placeholders of en, no empty string and no English left', () => {
    const problems: string[] = [];
    for (const e of entries()) {
      if (e.name.startsWith('test.') || PATTERNS.has(e.name)) continue;
      compare(e.byLang.en, e.byLang['zh-CN'], e.name, !NOT_YET_TRANSLATED.has(e.name), problems);
    }
    expect(problems).toEqual([]);
  });

  it('the translation list only names catalogues that exist and are still English', () => {
    const byName = new Map(entries().map((e) => [e.name, e]));
    for (const n of NOT_YET_TRANSLATED) expect(byName.has(n), n).toBe(true);
  });
});

describe('the parity check itself', () => {
  const run = (en: unknown, zh: unknown) => {
    const out: string[] = [];
    compare(en, zh, 'x', true, out);
    return out;
  };
  it('finds a missing key, a wrong arity, a lost placeholder, an empty string and English left over', () => {
    expect(run({ a: 'Home', b: 'x' }, { a: '主页' })).toEqual(['x: missing in zh-CN: b']);
    expect(run({ f: (a: string, b: number) => `${a} ${b}` }, { f: (a: string) => a })).toEqual(['x.f: 2 parameters in en, 1 in zh-CN']);
    expect(run({ f: (a: string, b: number) => `${a} of ${b}` }, { f: (a: string, _b: number) => `${a} 个` })[0]).toMatch(/placeholders ⟦a0⟧ ⟦a1⟧ in en, ⟦a0⟧ in zh-CN/);
    expect(run({ a: 'Home' }, { a: ' ' })).toEqual(['x.a: empty in zh-CN']);
    expect(run({ a: 'Press any key to close.' }, { a: 'Press any key to close.' })[0]).toMatch(/English left/);
    expect(run({ a: 'SYN, ACK' }, { a: 'SYN, ACK' })).toEqual([]);
    expect(run({ k: { keys: 'PgUp/PgDn space bar' } }, { k: { keys: 'PgUp/PgDn space bar' } })).toEqual([]);
  });
  it('runs functions that take lists, numbers and records', () => {
    const en = { f: (ids: string[], n: number, r: { a: number }) => `${ids.map((i) => `'${i}'`).join(', ')} ${n === 1 ? 'one' : `${n} many`} ${r.a > 0 ? r.a : ''}` };
    const zh = { f: (ids: string[], n: number, r: { a: number }) => `${ids.join('、')}，${n} ${r.a}` };
    expect(run(en, zh)).toEqual([]);
  });
});
