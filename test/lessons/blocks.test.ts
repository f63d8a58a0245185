import { describe, it, expect } from 'vitest';
import { parseLesson } from '../../src/lessons/parse.js';
import type { Block, Inline } from '../../src/lessons/types.js';

const FM = `---
id: demo
title: Demo
order: 1
summary: A demo lesson.
objectives: [Read it]
topics: [handshake]
minutes: 5
---
`;
/** The body starts on this file line. */
const BODY = 10;

function blocks(body: string): Block[] {
  const r = parseLesson(FM + body, 'demo.md');
  expect(r.problems).toEqual([]);
  return r.lesson!.blocks;
}

const t = (text: string): Inline => ({ type: 'text', text });

describe('Markdown -> blocks', () => {
  const cases: { name: string; md: string; want: Block[] }[] = [
    {
      name: 'heading',
      md: '## Section two\n',
      want: [{ type: 'heading', depth: 2, inlines: [t('Section two')], line: BODY }],
    },
    {
      name: 'paragraph with every inline',
      md: 'A **b** *c* `d` [e](http://x.y) f\n',
      want: [
        {
          type: 'paragraph',
          inlines: [
            t('A '),
            { type: 'strong', children: [t('b')] },
            t(' '),
            { type: 'em', children: [t('c')] },
            t(' '),
            { type: 'code', text: 'd' },
            t(' '),
            { type: 'link', href: 'http://x.y', children: [t('e')] },
            t(' f'),
          ],
          line: BODY,
        },
      ],
    },
    {
      name: 'entities decoded, soft breaks joined, hard break kept',
      md: 'it&#39;s &quot;q&quot; &amp; &lt;x&gt; &copy; &#x41;\nnext  \nlast\n',
      want: [
        {
          type: 'paragraph',
          inlines: [t('it\'s "q" & <x> \u00a9 A next'), { type: 'br' }, t('last')],
          line: BODY,
        },
      ],
    },
    {
      name: 'a soft break between Chinese characters joins them, across inline markup too; next to Latin text it is a space',
      md: '两台主机，\n其间没有\n**半开连接**。进入\nCLOSE-WAIT\n状态（*保活*\n机制，\nRFC 1122）\nTCP\n',
      want: [
        {
          type: 'paragraph',
          inlines: [
            t('两台主机，其间没有'),
            { type: 'strong', children: [t('半开连接')] },
            t('。进入 CLOSE-WAIT 状态（'),
            { type: 'em', children: [t('保活')] },
            t('机制，RFC 1122）TCP'),
          ],
          line: BODY,
        },
      ],
    },
    {
      name: 'code spans keep their text literally',
      md: "`a<b && 'c' &amp;`\n",
      want: [{ type: 'paragraph', inlines: [{ type: 'code', text: "a<b && 'c' &amp;" }], line: BODY }],
    },
    {
      name: 'escapes become text',
      md: '\\*not em\\*\n',
      want: [{ type: 'paragraph', inlines: [t('*not em*')], line: BODY }],
    },
    {
      name: 'ordered list with start and a loose item',
      md: '3. three\n4. four\n\n   more of four\n',
      want: [
        {
          type: 'list',
          ordered: true,
          start: 3,
          items: [
            [{ type: 'paragraph', inlines: [t('three')], line: BODY }],
            [
              { type: 'paragraph', inlines: [t('four')], line: BODY + 1 },
              { type: 'paragraph', inlines: [t('more of four')], line: BODY + 3 },
            ],
          ],
          line: BODY,
        },
      ],
    },
    {
      name: 'nested unordered list',
      md: '- a\n  - b\n',
      want: [
        {
          type: 'list',
          ordered: false,
          start: 1,
          items: [
            [
              { type: 'paragraph', inlines: [t('a')], line: BODY },
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [[{ type: 'paragraph', inlines: [t('b')], line: BODY + 1 }]],
                line: BODY + 1,
              },
            ],
          ],
          line: BODY,
        },
      ],
    },
    {
      name: 'GFM table',
      md: '| a | b | c |\n|:--|:-:|--:|\n| 1 | `2` | **3** |\n',
      want: [
        {
          type: 'table',
          align: ['left', 'center', 'right'],
          header: [[t('a')], [t('b')], [t('c')]],
          rows: [[[t('1')], [{ type: 'code', text: '2' }], [{ type: 'strong', children: [t('3')] }]]],
          line: BODY,
        },
      ],
    },
    {
      name: 'table without alignment',
      md: '| a |\n|---|\n| 1 |\n',
      want: [{ type: 'table', align: [null], header: [[t('a')]], rows: [[[t('1')]]], line: BODY }],
    },
    {
      name: 'plain quote',
      md: '> quoted *text*\n',
      want: [
        {
          type: 'quote',
          kind: null,
          blocks: [{ type: 'paragraph', inlines: [t('quoted '), { type: 'em', children: [t('text')] }], line: BODY }],
          line: BODY,
        },
      ],
    },
    {
      name: 'GFM alert: marker line removed, kind set',
      md: "> [!WARNING]\n> **Misconception:** it's\n> wrong.\n",
      want: [
        {
          type: 'quote',
          kind: 'warning',
          blocks: [
            {
              type: 'paragraph',
              inlines: [{ type: 'strong', children: [t('Misconception:')] }, t(" it's wrong.")],
              line: BODY + 1,
            },
          ],
          line: BODY,
        },
      ],
    },
    {
      name: 'GFM alert: marker alone, then a blank line',
      md: '> [!tip]\n>\n> Tip text.\n',
      want: [
        {
          type: 'quote',
          kind: 'tip',
          blocks: [{ type: 'paragraph', inlines: [t('Tip text.')], line: BODY + 2 }],
          line: BODY,
        },
      ],
    },
    {
      name: 'every alert kind',
      md: '> [!NOTE]\n> a\n\n> [!IMPORTANT]\n> b\n\n> [!CAUTION]\n> c\n',
      want: [
        { type: 'quote', kind: 'note', blocks: [{ type: 'paragraph', inlines: [t('a')], line: BODY + 1 }], line: BODY },
        { type: 'quote', kind: 'important', blocks: [{ type: 'paragraph', inlines: [t('b')], line: BODY + 4 }], line: BODY + 3 },
        { type: 'quote', kind: 'caution', blocks: [{ type: 'paragraph', inlines: [t('c')], line: BODY + 7 }], line: BODY + 6 },
      ],
    },
    {
      name: 'a marker that is not alone on its line is plain text',
      md: '> [!NOTE] inline\n',
      want: [{ type: 'quote', kind: null, blocks: [{ type: 'paragraph', inlines: [t('[!NOTE] inline')], line: BODY }], line: BODY }],
    },
    {
      name: 'code fence kept verbatim (figures are never reflowed)',
      md: '```\n+--+  x\n|  |   y\n+--+\n```\n',
      want: [{ type: 'code', lang: '', text: '+--+  x\n|  |   y\n+--+', line: BODY }],
    },
    {
      name: 'code fence language',
      md: '```Python title\nprint(1)\n```\n',
      want: [{ type: 'code', lang: 'python', text: 'print(1)', line: BODY }],
    },
    {
      name: 'hr and html comment',
      md: '---\n\n<!-- hidden -->\n\nafter\n',
      want: [
        { type: 'hr', line: BODY },
        { type: 'paragraph', inlines: [t('after')], line: BODY + 4 },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(blocks(c.md)).toEqual(c.want);
    });
  }
});

describe('line numbers', () => {
  it('count blank lines, fences and nested blocks', () => {
    const md = [
      '# One', // BODY
      '',
      'para', // +2
      'continued',
      '',
      '',
      '```', // +6
      'a',
      '',
      'b',
      '```',
      '- item', // +11
      '',
      '  second para', // +13
      '',
      '> quote', // +15
      '>',
      '> second', // +17
      '',
      '## Two', // +19
      '',
    ].join('\n');
    const bs = blocks(md);
    expect(bs.map((b) => [b.type, b.line])).toEqual([
      ['heading', BODY],
      ['paragraph', BODY + 2],
      ['code', BODY + 6],
      ['list', BODY + 11],
      ['quote', BODY + 15],
      ['heading', BODY + 19],
    ]);
    const list = bs[3] as Extract<Block, { type: 'list' }>;
    expect(list.items[0]!.map((b) => b.line)).toEqual([BODY + 11, BODY + 13]);
    const quote = bs[4] as Extract<Block, { type: 'quote' }>;
    expect(quote.blocks.map((b) => b.line)).toEqual([BODY + 15, BODY + 17]);
  });

  it('are right with CRLF line endings', () => {
    const r = parseLesson((FM + '# A\r\n\r\npara\r\n').replace(/\r?\n/g, '\r\n'), 'crlf.md');
    expect(r.problems).toEqual([]);
    expect(r.lesson!.blocks.map((b) => b.line)).toEqual([BODY, BODY + 2]);
  });

  it('follow a long front matter', () => {
    const fm = FM.replace('objectives: [Read it]', 'objectives:\n  - one\n  - two\n  - three');
    const r = parseLesson(fm + '\n\ntext\n', 'long.md');
    expect(r.lesson!.blocks[0]!.line).toBe(BODY + 3 + 2);
  });
});

describe('figure width', () => {
  it('warns about a code line wider than 76 columns, with its line', () => {
    const r = parseLesson(FM + '```\nshort\n' + 'x'.repeat(77) + '\n```\n', 'wide.md');
    expect(r.problems).toEqual([
      { file: 'wide.md', line: BODY + 2, col: 1, message: 'code block line is 77 columns wide (at most 76 fit the reader)', severity: 'warning' },
    ]);
    expect(r.lesson!.blocks).toHaveLength(1);
  });
});

describe('robustness', () => {
  it('property: parseLesson never throws, and every problem points inside the file', async () => {
    const fc = (await import('fast-check')).default;
    const pieces = ['---\n', 'id: x\n', 'order: 1\n', '```quiz\n', '```tcp\n', '```layers\n', '```\n', '> [!NOTE]\n', '- a\n', '| a |\n|---|\n', 'type: single\n', 'choices: [a\n', 'scenario: handshake\n', '\u001b[31m', '\n', ': ', '"'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 20 })), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(text, text.map((t) => FM + t)), (src) => {
        const r = parseLesson(src, 'p.md', { checkTcp: true });
        const lines = src.split('\n').length;
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
          expect(p.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
