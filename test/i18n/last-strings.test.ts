/**
 * The last inline English of issue 13, now from catalogues: the progress lock's message, the
 * `synack learn` usage errors naming --plain, and the lesson checker's numeric-answer rule, which
 * compared an English message prefix and so missed in zh-CN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lock.js';
import { parseQuiz } from '../../src/lessons/quiz.js';
import { learnCommand } from '../../src/cli/app.js';
import { setLang, withLang } from '../../src/i18n/index.js';
import { fakeIO } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'synack-last-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setLang('en'));

describe('in zh-CN', () => {
  it('a held lock says so in Chinese', () => {
    const lock = join(tmp, 'progress.lock');
    const release = acquireLock(lock);
    try {
      expect(() => acquireLock(lock, { waitMs: 0 })).toThrow(`${lock} is held by another synack process`);
      expect(() => withLang('zh-CN', () => acquireLock(lock, { waitMs: 0 }))).toThrow(`${lock} 正被另一个 synack 进程占用`);
    } finally {
      release();
    }
  });

  it("a numeric question with a text answer gets the numeric rule's words in both languages", () => {
    const ctx = { lessonId: 'l', lessonTopics: ['handshake' as const], source: { file: 'l.md', line: 1, col: 1 } };
    const yaml = 'id: x\ntype: numeric\nprompt: P\nanswer: lots\nexplanation: E\n';
    expect(parseQuiz(yaml, ctx).problems.map((p) => p.message)).toEqual(["a 'numeric' question needs a numeric 'answer'"]);
    expect(withLang('zh-CN', () => parseQuiz(yaml, ctx).problems.map((p) => p.message))).toEqual(["'numeric' 题需要一个数字 'answer'"]);
  });

  it('synack learn usage errors about --plain', async () => {
    const f = fakeIO();
    expect(await learnCommand(['--lang', 'zh-CN', '--plain'], f.io)).toBe(2);
    expect(f.err()).toContain('缺少参数：LESSON-ID（与 --plain 一起使用时）。');
    const g = fakeIO();
    expect(await learnCommand(['--lang', 'zh-CN', '--width', '80'], g.io)).toBe(2);
    expect(g.err()).toContain('--width 和 交互式阅读器（请与 --plain 一起使用） 不能同时使用。');
  });
});
