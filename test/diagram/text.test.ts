/** The diagram's text helpers: captions and notes wrap with the app's line breaker (CJK, punctuation rules). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { strWidth, truncate, wrap } from '../../src/diagram/text.js';
import { render } from '../../src/diagram/render.js';
import { TraceBuilder } from './fixtures.js';

describe('diagram text', () => {
  it('wraps a Chinese caption at display width with a hanging indent', () => {
    const lines = wrap('1 客户端发送 SYN，进入 SYN-SENT 状态；服务器回复 SYN,ACK。', 20, '   ');
    expect(lines).toEqual(['1 客户端发送 SYN，进', '   入 SYN-SENT 状', '   态；服务器回复', '   SYN,ACK。']);
    for (const l of lines) expect(strWidth(l)).toBeLessThanOrEqual(20);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    expect(wrap('报文段丢失（超时重传）', 12)).toEqual(['报文段丢失', '（超时重传）']);
    // 等待对方的确认 fills 14 columns: 。 may not start the next line, so 认 goes down with it.
    expect(wrap('等待对方的确认。然后', 14)).toEqual(['等待对方的确', '认。然后']);
  });

  it('wraps English captions at spaces as before', () => {
    expect(wrap('the SYN is lost and retransmitted after the RTO', 20, '  ')).toEqual(['the SYN is lost and', '  retransmitted', '  after the RTO']);
  });

  it('truncates without splitting a wide character', () => {
    expect(truncate('已建立连接', 6)).toBe('已建…');
    expect(truncate('已建立连接', 5, '')).toBe('已建');
    expect(strWidth(truncate('ESTABLISHED 已建立连接', 15))).toBeLessThanOrEqual(15);
  });

  it('no line is wider than the width (random mixed text, widths 10-120)', () => {
    const piece = fc.constantFrom('已建立', '连接', 'SYN', 'seq=100', ' ', '，', '。', '（', '）', 'RTO', '超时重传');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 10, max: 120 }), (ps, w) => {
        for (const l of wrap(ps.join(''), w, '    ')) expect(strWidth(l)).toBeLessThanOrEqual(w);
      }),
      { numRuns: 150 },
    );
  });

  it('measures the geometric shapes with emoji presentation (◽ ◾) as two columns, as string-width does', () => {
    // U+25FD and U+25FE sit among the one-column box-drawing shapes but are emoji: the fast path
    // counted them as one column, so a host name of them overflowed the diagram's width.
    for (const s of ['◽', '◾', 'a◾b', '─◽─']) expect(strWidth(s), s).toBe(stringWidth(s));
    expect(truncate('◾◾◾◾◾◾', 5)).toBe('◾◾…');
    const b = new TraceBuilder('shapes', {
      '◾◾◾◾◾◾◾◾◾◾◾◾': { ip: '10.0.0.1', port: 5000, isn: 100, role: 'client' },
      '◽◽◽◽◽◽◽◽◽◽◽◽◽◽': { ip: '10.0.0.2', port: 80, isn: 300, role: 'server' },
    });
    b.seg(0, '◾◾◾◾◾◾◾◾◾◾◾◾', '◽◽◽◽◽◽◽◽◽◽◽◽◽◽', ['SYN'], 100, null);
    for (let width = 36; width <= 60; width++) for (const l of render(b.build(), { width })) expect(stringWidth(l), `width ${width}: ${l}`).toBeLessThanOrEqual(width);
  });
});
