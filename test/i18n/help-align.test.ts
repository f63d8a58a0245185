/**
 * Help tables align by display width (issue 13): `synack --lang zh-CN CMD --help` and
 * `synack --lang zh-CN --help` put every row's text in one column counted in terminal columns (a
 * CJK character is two), and a translated (CJK) label still lines up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { runMain } from '../../src/cli/main.js';
import { helpTable } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/strings.js';
import { setLang } from '../../src/i18n/index.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

/** The display column where each table row's text starts (rows: two spaces, label, two spaces). */
function textColumns(table: string[]): number[] {
  return table.map((l) => {
    const m = /^ {2}(\S(?:.*?\S)?) {2,}(?=\S)/.exec(l);
    expect(m, l).not.toBeNull();
    return stringWidth(m![0]);
  });
}

/** The rows of the table after `header` (up to the next blank line). */
function tableAfter(text: string, header: string): string[] {
  const lines = text.split('\n');
  const i = lines.indexOf(header);
  expect(i, text).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (l.trim() === '') break;
    // A row's text wrapped to the next line (it starts further in) is not a row of its own.
    if (l.startsWith('  ') && !l.startsWith('   ')) rows.push(l);
  }
  return rows;
}

describe('help tables align by display width', () => {
  it('a CJK label lines up with ASCII ones', () => {
    const t = helpTable([
      ['--width N', '宽度'],
      ['--宽度 N', '中文标签'],
      ['-h, --help', '帮助'],
    ]);
    expect(new Set(textColumns(t)).size, t.join('\n')).toBe(1);
    expect(t[1]).toBe('  --宽度 N    中文标签');
  });

  for (const cmd of Object.keys(COMMANDS)) {
    it(`synack --lang zh-CN ${cmd} --help`, async () => {
      const f = fakeIO();
      expect(await runMain(['--lang', 'zh-CN', cmd, '--help'], f.io)).toBe(0);
      const rows = tableAfter(f.out(), '选项：');
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(textColumns(rows)).size, f.out()).toBe(1);
    });
  }

  it('synack --lang zh-CN --help: commands and options share one column', async () => {
    const f = fakeIO();
    expect(await runMain(['--lang', 'zh-CN', '--help'], f.io)).toBe(0);
    const out = f.out();
    const rows = [...tableAfter(out, out.split('\n').find((l) => /^用法/.test(l))!), ...tableAfter(out, '选项：')];
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(textColumns(rows)).size, out).toBe(1);
  });
});
