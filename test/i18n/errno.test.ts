/**
 * One errno table for every file message (issue 13): src/i18n/strings.ts ERRNO, read by fsReason
 * (CLI), the lesson loader and the progress store, in the current language; an unknown code keeps
 * Node's words with the code in parentheses, never the code alone. And `synack progress` speaks
 * the chosen language.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { errnoReason } from '../../src/i18n/errno.js';
import { ERRNO } from '../../src/i18n/strings.js';
import { setLang, withLang } from '../../src/i18n/index.js';
import { fsReason } from '../../src/cli/safe.js';
import { loadAllLessons } from '../../src/lessons/load.js';
import { loadProgress, parseProgress } from '../../src/store/progress.js';
import { emptyProgress } from '../../src/store/types.js';
import { progressCommand } from '../../src/cli/progress.js';
import { fakeIO } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'synack-errno-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setLang('en'));

const err = (code: string, words = 'boom') => Object.assign(new Error(`${code}: ${words}, open '/x'`), { code });

describe('the errno table', () => {
  it('names the common codes in plain words in both languages', () => {
    for (const code of ['ENOENT', 'EACCES', 'EISDIR', 'ELOOP', 'ENOTDIR', 'EMFILE', 'ENOSPC', 'EROFS', 'EEXIST', 'EPERM', 'EDQUOT', 'ENAMETOOLONG']) {
      const en = errnoReason(err(code));
      const zh = withLang('zh-CN', () => errnoReason(err(code)));
      expect(en, code).toMatch(/^[a-z][a-z /-]+[a-z]$/); // words, not the code
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en + zh, code).not.toContain(code);
    }
    expect(errnoReason(err('ENOENT'))).toBe('no such file or directory');
    expect(withLang('zh-CN', () => errnoReason(err('ENOENT')))).toBe('没有这个文件或目录');
  });

  it('an unknown code: Node\'s words, then the code; never the code alone', () => {
    expect(errnoReason(err('EWEIRD', 'odd thing'))).toBe('odd thing (EWEIRD)');
    expect(withLang('zh-CN', () => errnoReason(err('EWEIRD', 'odd thing')))).toBe('系统错误：odd thing（EWEIRD）');
    expect(errnoReason(Object.assign(new Error(''), { code: 'EWEIRD' }))).toBe('system error (EWEIRD)');
    expect(errnoReason(new Error('not an errno\nmore'))).toBe('not an errno');
    // A code that is an Object.prototype name is not a table entry.
    expect(errnoReason(Object.assign(new Error('x'), { code: 'constructor' }))).toBe('x');
  });

  it('is the one table: fsReason, the lesson loader and the progress store say the same', () => {
    const missing = join(tmp, 'no-such-dir');
    for (const lang of ['en', 'zh-CN'] as const) {
      setLang(lang);
      const reason = ERRNO.reasons.ENOENT;
      expect(fsReason(err('ENOENT'))).toBe(reason);
      expect(loadAllLessons(missing).problems.map((p) => p.message).join('\n')).toContain(reason);
      // The store's read: a progress.json under a path whose parent is a file (ENOTDIR).
      const blocker = join(tmp, `blocker-${lang}`);
      writeFileSync(blocker, '');
      const r = loadProgress(join(blocker, 'synack'));
      expect(r.warning, lang).toContain(ERRNO.reasons.ENOTDIR);
    }
  });
});

describe('the progress store in zh-CN', () => {
  it('reports a schema problem in Chinese, the message read when it fails', () => {
    const bad = JSON.stringify({ ...emptyProgress(), lessons: { x: { position: 0, furthest: 0, done: false, answers: {}, lastOpened: 'yesterday' } } });
    const en = parseProgress(bad);
    const zh = withLang('zh-CN', () => parseProgress(bad));
    expect(en.ok || en.reason).toMatch(/not an ISO date/);
    expect(zh.ok || zh.reason).toMatch(/不是 ISO 格式的日期/);
  });
});

describe('synack progress in zh-CN', () => {
  it('shows where progress lives and what it holds, in Chinese', async () => {
    const home = join(tmp, 'home-zh');
    const f = fakeIO({ env: { SYNACK_HOME: home } });
    expect(await progressCommand(['--lang', 'zh-CN'], f.io)).toBe(0);
    expect(f.out()).toMatch(/^进度文件：.*progress\.json\n还没有保存任何进度。\n$/);
    const e = fakeIO({ env: { SYNACK_HOME: home } });
    expect(await progressCommand(['--lang', 'zh-CN', '--reset'], e.io)).toBe(0);
    expect(e.out()).toBe('无需重置：还没有保存任何进度。\n');
  });

  it('a file error in Chinese words, with the file named', async () => {
    const home = join(tmp, 'home-zh2');
    const target = join(tmp, 'nope', 'x.json');
    const f = fakeIO({ env: { SYNACK_HOME: home } });
    expect(await progressCommand(['--lang', 'zh-CN', '--export', target], f.io)).toBe(1);
    expect(f.err()).toBe(`synack progress：无法写入 ${target}：没有这个文件或目录\n`);
    const d = join(tmp, 'a-dir');
    mkdirSync(d);
    writeFileSync(join(tmp, 'bad.json'), '{');
    const g = fakeIO({ env: { SYNACK_HOME: home } });
    expect(await progressCommand(['--lang', 'zh-CN', '--import', d], g.io)).toBe(1);
    expect(g.err()).toBe(`synack progress：${d}：无法导入：它是一个目录\n`);
  });
});
