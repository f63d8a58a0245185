import { describe, expect, it } from 'vitest';
import { catalogue, getLang, langOfLocale, resolveLang, setLang, UnknownLangError, withLang, type Translation } from '../../src/i18n/index.js';

describe('resolveLang', () => {
  it('takes --lang first, then SYNACK_LANG, then the saved setting, then the locale', () => {
    const env = { SYNACK_LANG: 'en', LANG: 'zh_CN.UTF-8' };
    expect(resolveLang({ flag: 'zh-CN', env, saved: 'en' })).toBe('zh-CN');
    expect(resolveLang({ env, saved: 'zh-CN' })).toBe('en');
    expect(resolveLang({ env: { LANG: 'en_US.UTF-8' }, saved: 'zh-CN' })).toBe('zh-CN');
    expect(resolveLang({ env: { LANG: 'zh_CN.UTF-8' }, saved: null })).toBe('zh-CN');
    expect(resolveLang({ env: {} })).toBe('en');
  });

  it('reads the locale as POSIX does: the first non-empty of LC_ALL, LC_MESSAGES, LANG', () => {
    expect(resolveLang({ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(resolveLang({ env: { LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_GB' } })).toBe('zh-CN');
    expect(resolveLang({ env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.GB18030' } })).toBe('zh-CN');
    expect(resolveLang({ env: { LANG: 'C.UTF-8' } })).toBe('en');
  });

  it('maps zh* locales to zh-CN and nothing else', () => {
    for (const l of ['zh', 'zh_CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh_SG.utf8', 'ZH_cn', 'zh@pinyin']) expect(langOfLocale(l)).toBe('zh-CN');
    for (const l of ['C', 'POSIX', 'en_US.UTF-8', 'zu_ZA', 'zha', 'de_DE', '']) expect(langOfLocale(l)).toBe('en');
  });

  it('accepts --lang in either spelling and refuses anything else, naming the choices', () => {
    expect(resolveLang({ flag: 'zh_CN' })).toBe('zh-CN');
    expect(resolveLang({ flag: 'EN' })).toBe('en');
    expect(() => resolveLang({ flag: 'fr' })).toThrow(UnknownLangError);
    try {
      resolveLang({ flag: 'zh' });
    } catch (e) {
      expect((e as UnknownLangError).value).toBe('zh');
      expect((e as UnknownLangError).choices).toEqual(['en', 'zh-CN']);
    }
  });

  it('lets SYNACK_LANG be a language or a locale', () => {
    expect(resolveLang({ env: { SYNACK_LANG: 'zh-CN', LANG: 'en_US' } })).toBe('zh-CN');
    expect(resolveLang({ env: { SYNACK_LANG: 'zh_CN.UTF-8' } })).toBe('zh-CN');
    expect(resolveLang({ env: { SYNACK_LANG: ' ', LANG: 'zh_CN' } })).toBe('zh-CN');
  });
});

describe('catalogue', () => {
  const en = { title: 'Home', key: { keys: 'q', label: 'quit' }, n: (k: number) => `${k} lessons`, list: ['a', 'b'] } as const;
  const zhCN: Translation<typeof en> = { title: '主页', key: { keys: 'q', label: '退出' }, n: (k) => `${k} 课`, list: ['甲', '乙'] };
  const T = catalogue('test.T', { en, 'zh-CN': zhCN });
  // Built once, as a screen's key table is at import time.
  const table = [T.key];

  it('reads the current language, including through objects captured before the switch', () => {
    setLang('en');
    expect(T.title).toBe('Home');
    expect(table[0]!.label).toBe('quit');
    setLang('zh-CN');
    expect(getLang()).toBe('zh-CN');
    expect(T.title).toBe('主页');
    expect(T.n(3)).toBe('3 课');
    expect(T.list).toEqual(['甲', '乙']);
    expect(table[0]!.label).toBe('退出');
    expect({ ...T.key }).toEqual({ keys: 'q', label: '退出' });
    expect(Object.keys(T)).toEqual(['title', 'key', 'n', 'list']);
    expect(JSON.stringify(T.key)).toBe('{"keys":"q","label":"退出"}');
    setLang('en');
  });

  it('keeps the identity of nested objects and refuses writes', () => {
    expect(T.key).toBe(T.key);
    expect('title' in T).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(T, 'nope')).toBe(false);
    expect(() => {
      (T as { title: string }).title = 'x';
    }).toThrow(TypeError);
  });

  it('withLang renders in a language and restores the previous one', () => {
    setLang('en');
    expect(withLang('zh-CN', () => T.title)).toBe('主页');
    expect(getLang()).toBe('en');
    expect(() => withLang('zh-CN', () => {
      throw new Error('x');
    })).toThrow('x');
    expect(getLang()).toBe('en');
  });
});
