/**
 * The model's words in zh-CN: `synack trace NAME` and `synack diagram NAME --plain` with --lang
 * zh-CN explain in Chinese, keep the protocol tokens (SYN, ACK, seq, ack) and name a state in
 * Chinese beside its token where a sentence enters it; English is unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { traceCommand } from '../../src/cli/trace.js';
import { diagramCommand } from '../../src/cli/diagram.js';
import { setLang } from '../../src/i18n/index.js';
import { fakeIO } from '../cli/helpers.js';

afterEach(() => setLang('en'));

describe('the model in zh-CN', () => {
  it('synack trace handshake --lang zh-CN explains every event in Chinese', async () => {
    const f = fakeIO();
    expect(await traceCommand(['handshake', '--lang', 'zh-CN'], f.io)).toBe(0);
    const out = f.out();
    expect(out).toContain('客户端选定初始序号 ISN 100，发送 SYN，进入 SYN-SENT（同步已发送）状态。');
    expect(out).toContain('三次握手完成。');
    expect(out).toContain('进入 ESTABLISHED（已建立连接）状态');
    // Every explanation (after `| `) is Chinese: no English sentence left.
    const explained = out.trim().split('\n').filter((l) => l.includes(' | '));
    expect(explained.length).toBeGreaterThan(10);
    for (const line of explained) {
      const text = line.split(' | ')[1];
      expect(text, line).toMatch(/\p{Script=Han}/u);
      expect(text, line).not.toMatch(/\b(the|sends|receives|enters)\b/);
    }
    const en = fakeIO();
    expect(await traceCommand(['handshake', '--lang', 'en'], en.io)).toBe(0);
    expect(en.out()).toContain('Client picks ISN 100, sends SYN and enters SYN-SENT.');
    expect(out).toContain('启动 SYN,ACK 重传定时器：1 s。');
  });

  it('synack diagram syn-retransmit --plain --lang zh-CN: Chinese captions within the width', async () => {
    const f = fakeIO({ columns: 80 });
    expect(await diagramCommand(['syn-retransmit', '--plain', '--lang', 'zh-CN', '--width', '80'], f.io)).toBe(0);
    const out = f.out();
    expect(out).toContain('RTO 超时');
    expect(out).toContain('半连接队列');
    for (const l of out.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });
});
