/**
 * The interview report in both languages: durations, "next review" and the separators come from the
 * quiz catalogue, and every line is laid out by the shared line breaker (display width, Chinese
 * punctuation rules), at the widths a terminal may have.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatMs, formatWhen, reportLines } from '../../src/ui/quiz/ReportView.js';
import type { Report } from '../../src/quiz/engine.js';
import { setLang, withLang, type Lang } from '../../src/i18n/index.js';
import { displayWidth } from '../../src/text/width.js';
import { mayNotStart } from '../../src/text/wrap.js';

afterEach(() => setLang('en'));

const NOW = Date.parse('2026-03-01T08:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

function report(prompt: string): Report {
  return {
    mode: 'mock',
    total: 3,
    correct: 2,
    percent: 67,
    skipped: 1,
    totalMs: 95_000,
    avgMs: 31_667,
    questions: [0, 1, 2].map((i) => ({
      questionId: `q${i}`,
      type: 'single' as const,
      topics: ['handshake' as const],
      correct: i !== 1,
      ms: 30_000 + i * 1000,
      hintsUsed: i,
      rating: (i === 1 ? 1 : 3) as 1 | 3,
      timedOut: i === 2,
      response: null,
      expected: 'SYN',
      at: NOW + i * 31_000,
      prompt,
    })),
    topics: [
      { topic: 'handshake', correct: 1, total: 2, accuracy: 0.5 },
      { topic: 'time-wait', correct: 1, total: 1, accuracy: 1 },
    ],
    weakest: [{ topic: 'handshake', correct: 1, total: 2, accuracy: 0.5, lessonId: 'three-way-handshake' }],
    dueNow: 2,
    nextDue: at(86_400_000),
  } as Report;
}

const lines = (lang: Lang, width: number, prompt = '为什么 TCP 建立连接需要三次握手，而不是两次？请说明旧的重复 SYN 会带来什么问题。') =>
  withLang(lang, () =>
    reportLines({ report: report(prompt), width, height: 40, ascii: false, color: false, now: NOW, lessonTitles: { 'three-way-handshake': '三次握手（three-way handshake）' } }).map((l) => l.text),
  );

describe('durations and "next review" in the language of the app', () => {
  it('English', () => {
    withLang('en', () => {
      expect(formatMs(31_667)).toBe('31.7s');
      expect(formatMs(95_000)).toBe('1m35s');
      expect(formatWhen(at(10 * 60_000), NOW)).toBe('in 10 min');
      expect(formatWhen(at(3 * 3_600_000), NOW)).toBe('in 3 h');
      expect(formatWhen(at(86_400_000), NOW)).toBe('in 1 day');
      expect(formatWhen(at(4 * 86_400_000), NOW)).toBe('in 4 days');
    });
  });
  it('zh-CN', () => {
    withLang('zh-CN', () => {
      expect(formatMs(31_667)).toBe('31.7 秒');
      expect(formatMs(95_000)).toBe('1 分 35 秒');
      expect(formatWhen(at(10 * 60_000), NOW)).toBe('10 分钟后');
      expect(formatWhen(at(3 * 3_600_000), NOW)).toBe('3 小时后');
      expect(formatWhen(at(4 * 86_400_000), NOW)).toBe('4 天后');
    });
  });
});

describe('the separators come from the catalogue', () => {
  it('English: commas, a semicolon, ASCII parentheses', () => {
    const t = lines('en', 120, 'Why three segments?').join('\n');
    expect(t).toContain('Report: Score: 2/3 (67%), 1 not reached');
    expect(t).toContain('(timed out, 2 hints, Good)');
    expect(t).toContain('Per topic: handshake 50%, time-wait 100%');
    expect(t).toContain('2 cards due now; next review: in 1 day');
  });
  it('zh-CN: full-width punctuation, no English left', () => {
    const t = lines('zh-CN', 120).join('\n');
    expect(t).toContain('报告：得分：2/3（67%），1 道未作答');
    expect(t).toContain('（超时，用了 2 条提示，良好）');
    expect(t).toContain('各主题情况：handshake 50%，time-wait 100%');
    expect(t).toContain('现在有 2 张卡片待复习；下次复习：1 天后');
    expect(t).not.toMatch(/\bin \d|\bday|; |, /);
  });
});

describe('layout by display width', () => {
  for (const lang of ['en', 'zh-CN'] as const)
    for (const width of [30, 40, 60, 80, 120])
      it(`${lang} at ${width} columns: no line wider than the terminal, none starts with closing punctuation`, () => {
        const ls = lines(lang, width);
        for (const l of ls) {
          expect(displayWidth(l), l).toBeLessThanOrEqual(width);
          expect(mayNotStart(l.trimStart().charAt(0)), l).toBe(false);
        }
        // A question's line stays one line and keeps its end (the rating) in view.
        const q = ls.filter((l) => /^[✓✗] +\d\./.test(l));
        expect(q).toHaveLength(3);
        if (width >= 60) for (const l of q) expect(l).toMatch(lang === 'en' ? /\)$/ : /）$/);
      });
});
