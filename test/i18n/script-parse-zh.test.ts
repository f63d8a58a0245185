/**
 * A bad .tcp script is reported in the chosen language (issue 13): the parser's "expected ..."
 * words (WHAT in src/tcp/strings.ts) inside PARSE messages, still at file:line:col; option names
 * and tokens (isn, seq=N, next HOST) stay as a script writes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseScript } from '../../src/tcp/script.js';
import { traceCommand } from '../../src/cli/trace.js';
import { setLang, withLang } from '../../src/i18n/index.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

const first = (src: string) => {
  const r = parseScript(src);
  if (r.ok) throw new Error('parsed');
  return r.errors[0]!;
};

// [script, English message, Chinese message]
const CASES: [string, string, string][] = [
  ['option', 'missing option name', '缺少 选项名'],
  ['option isn', 'missing host (client or server)', '缺少 主机（client 或 server）'],
  ['option profile', 'missing profile (rfc or linux)', '缺少 配置（rfc 或 linux）'],
  ['option loss', 'missing loss probability', '缺少 丢包概率'],
  ['option cc', 'missing congestion control (reno, newreno or cubic)', '缺少 拥塞控制算法（reno、newreno 或 cubic）'],
  ['option read-rate server', 'missing rate (BYTES/DURATION, e.g. 1000/100ms)', '缺少 速率（BYTES/DURATION，例如 1000/100ms）'],
  ['drop', "missing 'next', 'next HOST' or 'segment N'", "缺少 'next'、'next HOST' 或 'segment N'"],
  ['drop segment x', "bad number 'x' for segment number", "'x' 不是 报文段编号 的有效数字"],
  ['wait', 'missing duration', '缺少 时长'],
  ['client', 'missing action (connect, listen, accept, send, receive, read, recv, close, shutdown, abort, reboot, old-syn, inject)', '缺少 动作（connect、listen、accept、send、receive、read、recv、close、shutdown、abort、reboot、old-syn、inject）'],
  ['client send x', "bad number 'x' for byte count", "'x' 不是 字节数 的有效数字"],
  ['at 5ms', 'missing action after the time', '缺少 时间之后的动作'],
];

describe('parse errors in both languages', () => {
  it.each(CASES)('%s', (src, en, zh) => {
    expect(first(src).message).toBe(en);
    const z = withLang('zh-CN', () => first(src));
    expect(z.message).toBe(zh);
    expect({ line: z.line, col: z.col }).toEqual({ line: first(src).line, col: first(src).col });
  });

  it('synack --lang zh-CN trace on a bad script: file:line:col and the words in Chinese', async () => {
    const f = fakeIO({ stdin: 'client connect\ndrop\n' });
    expect(await traceCommand(['-', '--lang', 'zh-CN'], f.io)).toBe(1);
    expect(f.err()).toMatch(/^\S*:2:5: 缺少 'next'、'next HOST' 或 'segment N'\n$/m);
  });
});
