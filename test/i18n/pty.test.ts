/**
 * The language in a real terminal (the built synack under node-pty): the locale opens synack in
 * Chinese, --lang wins over it, and the home screen's setting switches the language at once and is
 * saved with the progress (the next start is in that language without a flag).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, warmLessonsCache } from '../reliability/helpers.js';
import { startPty } from '../reliability/pty.js';

let home: string;

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'synack-i18n-'));
  await warmLessonsCache();
}, 120_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

const locale = (lang: string) => ({ SYNACK_HOME: home, LANG: lang, LC_ALL: '', LC_MESSAGES: '', SYNACK_LANG: '' });

describe('the language in a real terminal', () => {
  it('LANG=zh_CN.UTF-8 synack opens in Chinese; --lang en opens in English', async () => {
    const zh = startPty([], locale('zh_CN.UTF-8'), 100, 30);
    const screen = await zh.waitFor((x) => x.includes('面试题练习') && x.includes('语言：简体中文'), 'the Chinese home screen');
    expect(screen).not.toContain('Interview quiz');
    zh.send('q');
    expect((await zh.exit).exitCode).toBe(0);

    const en = startPty(['--lang', 'en'], locale('zh_CN.UTF-8'), 100, 30);
    const s2 = await en.waitFor((x) => x.includes('Interview quiz'), 'the English home screen');
    expect(s2).not.toContain('面试题练习');
    en.send('q');
    expect((await en.exit).exitCode).toBe(0);
  });

  it('the home screen switches the language with digits and Enter only, and the setting is saved', async () => {
    const s = startPty([], locale('C.UTF-8'), 100, 30);
    await s.waitFor((x) => x.includes('Language: English'), 'the English home screen');
    // Move to the language item with ↓ (no letter an input method could swallow) and press Enter.
    await s.settle();
    for (let i = 0; i < 6; i++) s.send('\u001B[B');
    await s.settle();
    s.send('\r');
    await s.waitFor((x) => x.includes('语言：简体中文') && x.includes('面试题练习'), 'the home screen in Chinese');
    s.send('q');
    expect((await s.exit).exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { settings: { lang?: string } };
    expect(saved.settings.lang).toBe('zh-CN');

    // The next start, with an English locale and no flag, is in Chinese; SYNACK_LANG still wins.
    const again = startPty([], locale('C.UTF-8'), 100, 30);
    await again.waitFor((x) => x.includes('面试题练习'), 'the saved language');
    again.send('q');
    expect((await again.exit).exitCode).toBe(0);
    const env = startPty([], { ...locale('C.UTF-8'), SYNACK_LANG: 'en' }, 100, 30);
    await env.waitFor((x) => x.includes('Interview quiz'), 'SYNACK_LANG over the saved setting');
    env.send('q');
    expect((await env.exit).exitCode).toBe(0);
  });
});
