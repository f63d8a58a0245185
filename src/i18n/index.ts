/**
 * The language machinery (pure: no node I/O, no environment read here; the shell passes the
 * environment in and sets the language).
 *
 * - `Lang`: the languages synack speaks.
 * - `resolveLang({ flag, env, saved })`: --lang, then SYNACK_LANG, then the setting saved with the
 *   progress, then the locale (the first non-empty of LC_ALL, LC_MESSAGES, LANG, as POSIX says):
 *   `zh*` is zh-CN, anything else English.
 * - `catalogue(name, { en, 'zh-CN': zhCN })`: every `strings.ts` keeps its exported name (UI, CLI,
 *   Q ...) so call sites do not change, and that name becomes this selection between the two
 *   objects of the same type.
 *
 * Why a Proxy reading the current language (and not a language argument threaded through every
 * call): the catalogues are read in a few hundred places, many of them module-level key tables
 * (`const BINDINGS = [UI.keyHelp, ...]`) evaluated once at import, before the shell has chosen the
 * language, and the home screen changes the language while the app runs. A nested object of a
 * catalogue is itself a (cached, so identity is stable) proxy over its path, so such a table follows
 * the language at the moment it is read, not at the moment it was built. Strings, functions and
 * arrays are returned as they are in the current language (so copying one, e.g. `{ ...UI.keyX }`
 * or `const f = UI.fn`, freezes the language of that moment: read them where they are used).
 *
 * The current language is process state set only by the shell (at start, from resolveLang, and by
 * the home screen's setting) and by tests (`setLang` / `withLang`); rendering is deterministic for a
 * given language.
 */

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** The name of each language in itself (for the language setting and help). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

let current: Lang = 'en';

/** The current language. */
export function getLang(): Lang {
  return current;
}

/** Sets the current language (the shell at start, the home screen's setting, tests). */
export function setLang(lang: Lang): void {
  current = lang;
}

/** Runs `fn` with `lang` as the current language, then restores the previous one. */
export function withLang<T>(lang: Lang, fn: () => T): T {
  const before = current;
  current = lang;
  try {
    return fn();
  } finally {
    current = before;
  }
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** A --lang value that is not one of LANGS (the args layer turns it into a usage error). */
export class UnknownLangError extends Error {
  constructor(
    readonly value: string,
    readonly choices: readonly Lang[] = LANGS,
  ) {
    super(`unknown language '${value}' (choices: ${choices.join(', ')})`);
    this.name = 'UnknownLangError';
  }
}

/** A --lang value: exactly a Lang, or case/underscore variants of one (`zh_CN`, `ZH-cn`, `EN`). */
export function parseLangFlag(v: string): Lang | null {
  const t = v.trim().replace(/_/g, '-').toLowerCase();
  return LANGS.find((l) => l.toLowerCase() === t) ?? null;
}

/** A locale or SYNACK_LANG value (`zh_CN.UTF-8`, `zh-TW`, `zh`, `en_US.UTF-8`, `C`): zh* is zh-CN. */
export function langOfLocale(v: string): Lang {
  return /^zh([_.@-]|$)/i.test(v.trim()) ? 'zh-CN' : 'en';
}

/**
 * The language to use. `flag` is --lang (throws UnknownLangError when it is not a language);
 * SYNACK_LANG, when set and non-empty, decides next (zh* or else English); then `saved` (the home
 * screen's setting, when the caller has read it); then the locale: the first non-empty of LC_ALL,
 * LC_MESSAGES, LANG (POSIX precedence, so `LC_ALL=C` wins over `LANG=zh_CN.UTF-8`).
 */
export function resolveLang(opts: { flag?: string; env?: Record<string, string | undefined>; saved?: Lang | null }): Lang {
  const { flag, env = {}, saved } = opts;
  if (flag !== undefined) {
    const l = parseLangFlag(flag);
    if (l === null) throw new UnknownLangError(flag);
    return l;
  }
  const synack = env.SYNACK_LANG?.trim();
  if (synack) return parseLangFlag(synack) ?? langOfLocale(synack);
  if (saved) return saved;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name]?.trim();
    if (v) return langOfLocale(v);
  }
  return 'en';
}

/** One catalogue: its name and its object in each language. */
export interface CatalogueEntry {
  name: string;
  byLang: Record<Lang, object>;
}

const registry = new Map<object, CatalogueEntry>();

/** Every catalogue made so far (the parity test walks them), keyed by the exported object. */
export function catalogues(): ReadonlyMap<object, CatalogueEntry> {
  return registry;
}

function isPlainObject(v: unknown): v is Record<string | symbol, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/**
 * The type a translation of `T` must have: the same shape, with every string literal type widened
 * to string (so an English catalogue written `as const` can be translated). Functions keep their
 * parameters.
 */
export type Translation<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Translation<R>
    : T extends object
      ? { [K in keyof T]: Translation<T[K]> }
      : T;

/**
 * The selection between the catalogue's objects: reads go to the current language's object. `en`
 * is the reference and gives the type call sites see; the zh-CN object must be a
 * `Translation<typeof en>` (same keys, same function parameters); the parity test checks keys,
 * arity and placeholders at run time.
 *
 *   const en = { title: 'Home', count: (n: number) => `${n} lessons` } as const;
 *   const zhCN: Translation<typeof en> = { title: '主页', count: (n) => `${n} 课` };
 *   export const UI = catalogue('UI', { en, 'zh-CN': zhCN });
 */
export function catalogue<T extends object>(name: string, byLang: { en: T; 'zh-CN': Translation<NoInfer<T>> }): T {
  const cache = new Map<string, object>();
  const at = (path: readonly PropertyKey[]): unknown => {
    let v: unknown = byLang[current];
    for (const k of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[k];
    return v;
  };
  const node = (path: readonly PropertyKey[]): object => {
    const key = path.map(String).join('\u0000');
    const hit = cache.get(key);
    if (hit) return hit;
    const p = new Proxy(
      {},
      {
        get(_t, k) {
          const v = (at(path) as Record<PropertyKey, unknown>)[k];
          return isPlainObject(v) ? node([...path, k]) : v;
        },
        has: (_t, k) => k in (at(path) as object),
        ownKeys: () => Reflect.ownKeys(at(path) as object),
        getOwnPropertyDescriptor(_t, k) {
          const obj = at(path) as object;
          const d = Reflect.getOwnPropertyDescriptor(obj, k);
          if (!d) return undefined;
          const v = (obj as Record<PropertyKey, unknown>)[k];
          return { value: isPlainObject(v) ? node([...path, k]) : v, writable: false, enumerable: d.enumerable, configurable: true };
        },
        set: () => false,
        defineProperty: () => false,
        deleteProperty: () => false,
      },
    );
    cache.set(key, p);
    return p;
  };
  const root = node([]) as T;
  registry.set(root, { name, byLang: byLang as Record<Lang, object> });
  return root;
}
