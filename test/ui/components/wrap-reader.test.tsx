/**
 * A Chinese lesson in the reader at 40, 60, 80 and 120 columns: display width, punctuation rules
 * (no line starts with ，。、；：？！）》」』”’…—, none ends with （《「『“‘), the table aligned by
 * display width.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { App } from '../../../src/ui/app.js';
import { loadAllLessons } from '../../../src/lessons/load.js';
import { layoutDoc, lineText } from '../../../src/ui/components/markdown.js';
import { emptyProgress } from '../../../src/store/types.js';
import { renderInk, FakeClock } from '../helpers/render.js';
import { T0 } from '../helpers/fixtures.js';

const NO_START = '，。、；：？！）》」』”’…—' + ',.;:?!)';
const NO_END = '（《「『“‘' + '([';

function lesson() {
  const r = loadAllLessons(join(import.meta.dirname, 'fixtures', 'zh'));
  expect(r.broken).toEqual([]);
  return r.lessons;
}

/** The text pieces of a rendered line: table cells split at their separators, list markers off. */
function pieces(line: string): string[] {
  return line
    .split(/[│┼]/)
    .map((p) => p.trim().replace(/^(•|\d+\.)\s+/, ''))
    .filter((p) => p !== '' && !/^[─═]+$/.test(p));
}

function checkTypography(lines: string[], columns: number, where: string) {
  for (const l of lines) {
    expect(stringWidth(l), `${where}: too wide: ${l}`).toBeLessThanOrEqual(columns);
    for (const p of pieces(l)) {
      expect(NO_START.includes([...p][0]), `${where}: starts with punctuation: ${l}`).toBe(false);
      expect(NO_END.includes([...p].at(-1)!), `${where}: ends with an opening mark: ${l}`).toBe(false);
    }
  }
}

const PARAGRAPH =
  'TCP 是面向连接的协议：通信双方在交换数据之前，必须先通过“三次握手”建立连接。客户端首先发送一个 SYN 报文段（SYN=1，seq=x），进入 SYN-SENT 状态；' +
  '服务器收到后回复 SYN,ACK（SYN=1，ACK=1，seq=y，ack=x+1），进入 SYN-RECEIVED 状态；客户端再发送 ACK（ack=y+1），双方都进入 ESTABLISHED 状态。' +
  '为什么不是两次？因为服务器必须确认自己的初始序列号（ISN）已被对方收到，而且已失效的旧 SYN 可能突然到达……' +
  '这就是《计算机网络》中所说的「防止已失效的连接请求报文段突然又传送到了服务端」。';

describe.each([40, 60, 80, 120])('a Chinese lesson at %i columns', (columns) => {
  it('lays out the paragraph: fits, follows the punctuation rules, loses nothing', () => {
    const [l] = lesson();
    const width = Math.min(columns, 110); // the reader's reading width
    const doc = layoutDoc(l.blocks, { width, ascii: false });
    const para = doc.blocks.find((b) => l.blocks[b.block].type === 'paragraph')!;
    const lines = doc.lines.slice(para.start, para.start + para.height).map(lineText);
    checkTypography(lines, width, `${columns}`);
    // Joined back (a space only where a break removed one between Latin and CJK), it is the source.
    const joined = lines.reduce((acc, x) => (acc === '' ? x : stringWidth([...acc].at(-1)!) < 2 && stringWidth([...x][0]) < 2 ? `${acc} ${x}` : acc + x), '');
    expect(joined.replace(/ /g, '')).toBe(PARAGRAPH.replace(/ /g, ''));
  });

  it('renders every row of the reader within the width, with the punctuation rules', async () => {
    const rows = columns >= 120 ? 40 : 24;
    const lessons = lesson();
    const r = await renderInk(
      <App initial={{ screen: 'lesson', lessonId: 'handshake-zh', position: 0 }} lessons={lessons} progress={emptyProgress()} clock={new FakeClock(T0)} />,
      { columns, rows },
    );
    const seen = new Set<string>();
    for (let page = 0; page < 6; page++) {
      const lines = r.lines();
      // The body: under the title row, above the footer row.
      checkTypography(lines.slice(1, -1), columns, `${columns}x${rows} page ${page}`);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
      const f = r.frame();
      if (seen.has(f)) break;
      seen.add(f);
      await r.press('pagedown');
    }
    if (columns === 80) expect([...seen][0]).toMatchSnapshot('zh lesson top 80x24');
    await r.unmount();
  });
});
