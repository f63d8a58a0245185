/**
 * A progress file that does not match the format is reported in the learner's language (issue 13):
 * the schema's findings are the catalogue's words, never zod's English.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { parseProgress } from '../../src/store/progress.js';
import { setLang } from '../../src/i18n/index.js';

afterEach(() => setLang('en'));

const cases: [string, unknown, RegExp, RegExp][] = [
  ['a wrong type', { version: 1, lessons: [] }, /at lessons: expected an object, found a list/, /在 lessons 处.*应为对象，实际是列表/],
  ['a wrong version', { version: 0 }, /at version: must be 1$/, /在 version 处.*必须是 1$/],
  ['a missing field', { version: 1, lessons: { a: { x: 1 } } }, /at lessons\.a\.position: missing$/, /在 lessons\.a\.position 处.*缺少此字段$/],
  ['a wrong nested type', { version: 1, lessons: {}, last: null, cards: {}, history: [], mistakes: {}, settings: { streak: 'yes' } }, /at settings\.streak: expected true or false, found text$/, /在 settings\.streak 处.*应为true 或 false，实际是文本$/],
];

describe('progress-file schema errors', () => {
  for (const [name, data, en, zh] of cases) {
    it(`${name}: English, then Chinese, with no zod wording`, () => {
      setLang('en');
      const a = parseProgress(JSON.stringify(data));
      expect(a.ok).toBe(false);
      if (!a.ok) {
        expect(a.reason).toMatch(en);
        expect(a.reason).not.toMatch(/Invalid input|Invalid option|expected record|received/i);
      }
      setLang('zh-CN');
      const b = parseProgress(JSON.stringify(data));
      expect(b.ok).toBe(false);
      if (!b.ok) {
        expect(b.reason).toMatch(zh);
        expect(b.reason).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/); // no English phrase
      }
    });
  }
});
