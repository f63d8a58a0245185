/**
 * A number stays with its Chinese unit of time and the 后/前/内 after it (issue 13: the interview
 * report broke `1 分钟后` as `1 分钟 / 后` at 40 columns). The rest of the breaker's rules are in
 * test/ui/components/wrap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { wrapText } from '../../src/text/wrap.js';

describe('wrapText keeps a quantity of time together', () => {
  it('the report line at 40 columns: 1 分钟后 moves down whole', () => {
    const line = '现在有 0 张卡片待复习；下次复习：1 分钟后';
    expect(wrapText(line, 40, '  ')).toEqual(['现在有 0 张卡片待复习；下次复习：', '  1 分钟后']);
    expect(wrapText(line, 44)).toEqual([line]);
  });

  // [input, width, expected lines]
  const cases: [string, number, string[]][] = [
    ['下次复习：3 天后', 14, ['下次复习：', '3 天后']],
    ['下次复习：12 小时前见', 16, ['下次复习：', '12 小时前见']],
    ['在 90 秒内回答', 8, ['在', '90 秒内', '回答']],
    ['用时 1 分 35 秒', 10, ['用时 1 分', '35 秒']],
    ['等待2.5分钟之后', 10, ['等待', '2.5分钟之', '后']],
    // Not a unit of time: the usual CJK breaks.
    ['一共 3 张卡片', 8, ['一共 3', '张卡片']],
  ];
  it.each(cases)('%s at %i columns', (input, width, expected) => {
    expect(wrapText(input, width)).toEqual(expected);
  });

  it('a run wider than the line is still cut (no line too wide)', () => {
    expect(wrapText('1 分钟后', 4).every((l) => stringWidth(l) <= 4)).toBe(true);
  });

  it('never breaks inside number + unit + 后 when the run fits the line', () => {
    const unit = fc.constantFrom('秒', '分钟', '小时', '天', '周', '个月', '年');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('复', '习', '下', '次', '，', 'a', ' ') , maxLength: 30 }), fc.nat(999), unit, fc.constantFrom('后', '前', ''), fc.integer({ min: 12, max: 40 }), (pre, n, u, after, width) => {
        const q = `${n} ${u}${after}`;
        const lines = wrapText(`${pre}${q}`, width);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.some((l) => l.includes(q)), lines.join(' / ')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
