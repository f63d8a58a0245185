/** The lesson block renderer: wrapping, tables, code fences, sanitising (pure, property-tested). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { blockLines, lineText, lineWidth, wrapSpans, layoutDoc } from '../../src/ui/components/markdown.js';
import type { Block } from '../../src/lessons/types.js';

const text = (s: string) => [{ type: 'text' as const, text: s }];

describe('wrapSpans', () => {
  it('never exceeds the width and keeps every non-space character in order', () => {
    const word = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('中文字符', 'TCP', 'SYN,ACK', 'é', '🙂', 'a-very-long-hyphenated-word-that-will-not-fit'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 90 }), (words, width) => {
        const input = words.join(' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
        const lines = wrapSpans([{ text: input }], width);
        for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(Math.max(width, 2));
        const strip = (s: string) => s.replace(/\s+/g, '');
        expect(strip(lines.map(lineText).join(''))).toBe(strip(input));
      }),
      { numRuns: 300 },
    );
  });

  it('wraps CJK text without spaces', () => {
    const lines = wrapSpans([{ text: '三次握手用于同步双方的初始序列号并确认对方已收到' }], 10);
    expect(lines.map(lineText)).toEqual(['三次握手用', '于同步双方', '的初始序列', '号并确认对', '方已收到']);
  });

  it('keeps styles on spans and breaks at spaces', () => {
    const lines = wrapSpans([{ text: 'the ' }, { text: 'SYN flag', bold: true }, { text: ' is set' }], 10);
    expect(lines.map(lineText)).toEqual(['the SYN', 'flag is', 'set']);
    expect(lines[0][1]).toMatchObject({ text: 'SYN', bold: true });
  });
});

describe('blocks', () => {
  it('fits a table to the width by shrinking and wrapping the widest column', () => {
    const b: Block = {
      type: 'table',
      align: ['left', 'right'],
      header: [text('Field'), text('Meaning')],
      rows: [[text('seq'), text('the sequence number of the first data byte of this segment')]],
      line: 1,
    };
    for (const w of [20, 30, 45, 80]) {
      const lines = blockLines(b, { width: w, ascii: false });
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(w);
      expect(lines.map(lineText).join(' ')).toContain('Field');
    }
    expect(blockLines(b, { width: 80, ascii: false }).length).toBe(3);
    expect(blockLines(b, { width: 30, ascii: false }).length).toBeGreaterThan(3);
  });

  it('never reflows code: long lines are cut with an ellipsis, tabs expanded', () => {
    const b: Block = { type: 'code', lang: '', text: 'short\n' + 'x'.repeat(100) + '\n\tindented', line: 1 };
    const lines = blockLines(b, { width: 40, ascii: false }).map(lineText);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('  short');
    expect(stringWidth(lines[1])).toBe(40);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(lines[2]).toBe('          indented');
  });

  it('neutralises escape sequences and control characters from lesson text', () => {
    const b: Block = { type: 'paragraph', inlines: text('evil \u001B[2J\u001B]0;pwned\u0007 text\u0008'), line: 1 };
    const out = blockLines(b, { width: 80, ascii: false }).map(lineText).join('\n');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('␛[2J');
  });

  it('labels quote boxes by kind, and uses ASCII with --ascii', () => {
    const b: Block = { type: 'quote', kind: 'warning', blocks: [{ type: 'paragraph', inlines: text('Careful.'), line: 2 }], line: 1 };
    expect(blockLines(b, { width: 40, ascii: false }).map(lineText)).toEqual(['│ Warning', '│ Careful.']);
    expect(blockLines(b, { width: 40, ascii: true }).map(lineText)).toEqual(['| Warning', '| Careful.']);
  });

  it('records section rows for ## headings', () => {
    const blocks: Block[] = [
      { type: 'heading', depth: 1, inlines: text('Title'), line: 1 },
      { type: 'heading', depth: 2, inlines: text('First'), line: 3 },
      { type: 'paragraph', inlines: text('Body.'), line: 5 },
      { type: 'heading', depth: 2, inlines: text('Second'), line: 7 },
    ];
    const doc = layoutDoc(blocks, { width: 40, ascii: false });
    expect(doc.sections.map((s) => s.title)).toEqual(['Title', 'First', 'Second']);
    expect(lineText(doc.lines[doc.sections[2].row])).toBe('Second');
  });
});
