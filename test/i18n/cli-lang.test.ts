import { afterEach, describe, expect, it } from 'vitest';
import { applyLangOption, defineCommand, takeLangOption } from '../../src/cli/args.js';
import { getLang, setLang } from '../../src/i18n/index.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

describe('--lang (global option)', () => {
  it('is taken out of the arguments anywhere before --, the last one winning', () => {
    expect(takeLangOption(['quiz', '--lang', 'en', '--print', '--lang=zh-CN'])).toEqual({ argv: ['quiz', '--print'], flag: 'zh-CN' });
    expect(takeLangOption(['trace', '--', '--lang', 'x'])).toEqual({ argv: ['trace', '--', '--lang', 'x'], flag: undefined });
  });

  it('sets the language: --lang over SYNACK_LANG over the locale', () => {
    expect(applyLangOption(['--print'], { LANG: 'zh_CN.UTF-8' })).toEqual(['--print']);
    expect(getLang()).toBe('zh-CN');
    applyLangOption(['--lang', 'en'], { SYNACK_LANG: 'zh-CN', LANG: 'zh_CN.UTF-8' });
    expect(getLang()).toBe('en');
  });

  it('a bad or missing value is a usage error that lists the choices', () => {
    expect(() => applyLangOption(['--lang', 'fr'], {})).toThrow("--lang must be en or zh-CN, not 'fr'.");
    expect(() => applyLangOption(['--lang'], {})).toThrow('--lang needs a value (--lang en|zh-CN).');
  });

  it('a command run directly accepts it too (exit 2 and one line for a bad value)', async () => {
    const seen: string[] = [];
    const cmd = defineCommand('scenarios', async () => {
      seen.push(getLang());
      return 0;
    });
    const ok = fakeIO();
    expect(await cmd(['--lang', 'zh-CN'], ok.io)).toBe(0);
    expect(seen).toEqual(['zh-CN']);
    const bad = fakeIO();
    expect(await cmd(['--lang=xx'], bad.io)).toBe(2);
    expect(bad.err()).toBe("synack scenarios: --lang must be en or zh-CN, not 'xx'.\n");
    // In the language of the environment.
    const badZh = fakeIO({ env: { LANG: 'zh_CN.UTF-8' } });
    expect(await cmd(['--lang', 'fr'], badZh.io)).toBe(2);
    expect(badZh.err()).toBe("synack scenarios：--lang 必须是 en、zh-CN 之一，而不是 'fr'。\n");
  });
});
