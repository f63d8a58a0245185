/**
 * Text that used to be assembled outside the catalogues, in both languages: `synack trace`'s lines
 * (queue fill, drops, floods, timers), the diagram's queue notes side by side, the segment's
 * explanation followed by its fate, `synack check`'s summary, the usage-error hint, a command's help
 * heading, and the stats tables aligned by display width (a CJK character is two columns).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { setLang, withLang } from '../../src/i18n/index.js';
import { traceCommand } from '../../src/cli/trace.js';
import { checkOnce } from '../../src/cli/check.js';
import { commandHelp, parseCommand } from '../../src/cli/args.js';
import { render } from '../../src/diagram/index.js';
import { SCENARIOS, runSource } from '../../src/tcp/index.js';
import { dueChart, formatStats } from '../../src/quiz/stats.js';
import { displayWidth } from '../../src/text/width.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

const ROOT = join(__dirname, '..', '..');

async function trace(lang: 'en' | 'zh-CN', name: string): Promise<string> {
  const f = fakeIO();
  expect(await traceCommand(['--lang', lang, name], f.io)).toBe(0);
  return f.out();
}

/** The part of each trace line before the explanation (`  | `). */
const heads = (text: string) => text.split('\n').map((l) => l.split('  | ')[0]!);

describe('synack trace', () => {
  it('English: as before', async () => {
    const t = await trace('en', 'syn-flood');
    expect(t).toMatch(/^scenario syn-flood \(profile rfc\): client 192\.168\.10\.1:6784 ISN 100, server /);
    expect(t).toContain('server: SYN queue 5/5, accept queue 0/5\n');
    expect(t).toMatch(/flood: 74 spoofed SYN -> server until 999 ms \(queued 5, cookies 0, dropped 69\)/);
    expect(t).toContain('DROPPED (SYN queue full)');
    expect(t).toContain('client: timer retransmit set (expires 2000 ms)');
    expect(t).toContain(' [retransmission]');
    // The arrival's explanation follows the segment's after one space.
    expect(t).toContain('SYN consumes one sequence number. Server');
  });

  it('zh-CN: the queue lines and the other words are Chinese; tokens stay', async () => {
    const t = await trace('zh-CN', 'syn-flood');
    expect(t).toMatch(/^场景 syn-flood（配置 rfc）：client 192\.168\.10\.1:6784 ISN 100，server /);
    expect(t).toContain('server：半连接队列 5/5，全连接队列 0/5\n');
    expect(t).toContain('洪泛：74 个伪造 SYN -> server，直到 999 ms（入队 5，Cookie 0，丢弃 69）');
    expect(t).toContain('丢弃（半连接队列已满）');
    expect(t).toContain('client：定时器 retransmit set（2000 ms 到期）');
    expect(t).toContain(' [重传]');
    // No space between two Chinese sentences (the segment's and its arrival's).
    expect(t).toContain('SYN 消耗一个序号。服务器的半连接队列已满');
    // Left of the explanation only tokens stay in Latin letters: host names, flags, states, timer
    // names and actions, field names, units, and the application's error names (RFC 9293's, like
    // strerror: src/tcp/explain.ts ERR, which consumers may match on).
    const TOKENS = new Set(['syn-flood', 'connection', 'timed', 'out', 'client', 'server', 'attacker', 'rfc', 'SYN', 'ACK', 'RST', 'FIN', 'ISN', 'seq', 'ack', 'len', 'ms', 'retransmit', 'set', 'fired', 'cancelled', 'listen', 'connect', 'Cookie', 'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'timeout']);
    const words = heads(t).flatMap((l) => l.match(/[A-Za-z][A-Za-z-]*/g) ?? []);
    expect(words.filter((w) => !TOKENS.has(w))).toEqual([]);
  });

  it('zh-CN: every built-in scenario prints without an English sentence left of the explanations', async () => {
    for (const s of SCENARIOS) {
      const t = await trace('zh-CN', s.name);
      for (const h of heads(t)) expect(h, `${s.name}: ${h}`).not.toMatch(/\b(queue|DROPPED|arrives|until|spoofed|expires|error|scenario|profile|app|timer)\b/);
    }
  });
});

describe("the diagram's queue notes", () => {
  const notes = () => {
    const r = runSource(SCENARIOS.find((s) => s.name === 'handshake')!.source, { name: 'handshake' });
    if (!r.ok) throw new Error('handshake does not run');
    return render(r.trace, { width: 100 });
  };
  it('English joins them with a comma', () => {
    expect(withLang('en', notes).join('\n')).toMatch(/SYN queue \d+\/\d+( full)?, accept queue \d+\/\d+/);
  });
  it('zh-CN with a full-width comma', () => {
    const t = withLang('zh-CN', notes).join('\n');
    expect(t).toMatch(/半连接队列 \d+\/\d+( 已满)?，全连接队列 \d+\/\d+/);
    expect(t).not.toMatch(/队列 \d+\/\d+( 已满)?, /);
  });
});

describe('synack check summary', () => {
  const DIR = join(ROOT, 'test', 'fixtures', 'lessons-good');
  const summary = (lang: 'en' | 'zh-CN') =>
    withLang(lang, () => {
      const f = fakeIO({ cwd: ROOT });
      checkOnce(DIR, f.io);
      return f.out().trim().split('\n').pop()!;
    });
  it('English', () => {
    expect(summary('en')).toMatch(/^\d+ files? checked: \d+ lessons?, \d+ questions? \((\w+ \d+, )*\w+ \d+\), \d+ diagrams?, \d+ layer figures?: all good$/);
  });
  it('zh-CN: full-width separators throughout', () => {
    const s = summary('zh-CN');
    expect(s).toMatch(/^检查了 \d+ 个文件：\d+ 个课程，\d+ 道题（(\w+ \d+，)*\w+ \d+），\d+ 张时序图，\d+ 张分层图：全部正确$/);
    expect(s).not.toMatch(/[,:;]/);
  });
});

describe('usage errors and help', () => {
  it('the hint follows the message: a space in English, none after a Chinese full stop', () => {
    expect(() => withLang('en', () => parseCommand('trace', ['a', 'b']))).toThrow("unexpected argument: 'b'. Run 'synack help trace'.");
    expect(() => withLang('zh-CN', () => parseCommand('trace', ['a', 'b']))).toThrow("多余的参数：'b'。运行 'synack help trace' 查看帮助。");
  });
  it("a command's help opens with its usage line and its summary as a sentence", () => {
    const en = withLang('en', () => commandHelp('trace')).split('\n');
    expect(en[0]).toBe('Usage: synack trace NAME|FILE|- [options]');
    expect(en[2]).toMatch(/^Print .*\.$/);
    const zh = withLang('zh-CN', () => commandHelp('trace')).split('\n');
    expect(zh[0]).toMatch(/^用法：synack trace /);
    expect(zh[2]).toMatch(/^[^A-Za-z].*。$/);
  });
});

describe('stats tables align by display width', () => {
  it('the due chart: every bar starts in the same column (今天 is four columns wide)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const lines = withLang(lang, () => dueChart([1, 2, 0, 3, 0, 0, 1], 40));
      const starts = lines.filter((l) => l.includes('█')).map((l) => displayWidth(l.slice(0, l.indexOf('█'))));
      expect(new Set(starts).size, `${lang}: ${lines.join(' | ')}`).toBe(1);
    }
  });
  it("the per-topic table's week labels line up with their columns", () => {
    const stats = {
      answers: 3,
      correct: 2,
      percent: 67,
      cards: { total: 1, byState: [1, 0, 0, 0] as [number, number, number, number] },
      mistakes: 1,
      streak: null,
      topics: [{ topic: 'handshake', weeks: [null, 0.5, 1, 0.25], all: 0.5 }],
      due7: [0, 1, 0, 0, 0, 0, 0],
    };
    for (const lang of ['en', 'zh-CN'] as const) {
      const lines = withLang(lang, () => formatStats(stats as never, { width: 80 }));
      const header = lines.find((l) => /^ {2}(topic|主题) /.test(l))!;
      const row = lines.find((l) => l.includes('handshake'))!;
      // The last week's label ends in the same column as the last week's value (25%).
      const labelEnd = displayWidth(header.slice(0, header.indexOf(lang === 'en' ? 'now' : '本周'))) + displayWidth(lang === 'en' ? 'now' : '本周');
      const valueEnd = displayWidth(row.slice(0, row.indexOf('25%'))) + 3;
      expect(labelEnd, `${lang}:\n${header}\n${row}`).toBe(valueEnd);
      if (lang === 'zh-CN') expect(header).toContain('-3周');
    }
  });
});
