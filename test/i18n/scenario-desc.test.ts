/**
 * The built-in scenarios' descriptions in both languages (issue 13): English is each file's `#:`
 * line, zh-CN is Chinese, and `synack --lang zh-CN scenarios` lists them in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/tcp/scenarios.js';
import { SCENARIO_DESC } from '../../src/tcp/strings.js';
import { setLang, withLang } from '../../src/i18n/index.js';
import { scenariosCommand } from '../../src/cli/trace.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

describe('scenario descriptions', () => {
  it("English is each file's #: line; every built-in scenario has a zh-CN one", () => {
    const names = SCENARIOS.map((s) => s.name).sort();
    expect(Object.keys({ ...SCENARIO_DESC }).sort()).toEqual(names);
    for (const s of SCENARIOS) {
      const first = readFileSync(join(__dirname, '..', '..', 'scenarios', `${s.name}.tcp`), 'utf8').split('\n')[0]!;
      expect(`#: ${s.description}`, s.name).toBe(first);
      expect(withLang('zh-CN', () => s.description), s.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('synack --lang zh-CN scenarios lists them in Chinese', async () => {
    const f = fakeIO();
    expect(await scenariosCommand(['--lang', 'zh-CN'], f.io)).toBe(0);
    expect(f.out()).toMatch(/ {2}handshake +三次握手：SYN、SYN,ACK、ACK（RFC 9293 图 6）。\n/);
    expect(f.out()).not.toContain('The three-way handshake');
  });
});
