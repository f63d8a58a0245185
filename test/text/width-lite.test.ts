/** widthLite (the help's start-up width) agrees with displayWidth on text without emoji. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { padEndLite, widthLite } from '../../src/text/width-lite.js';
import { displayWidth } from '../../src/text/width.js';

describe('widthLite', () => {
  it('counts CJK and full-width characters as two columns, ASCII as one', () => {
    expect(widthLite('--lang en|zh-CN')).toBe(15);
    expect(widthLite('选项：')).toBe(6);
    expect(widthLite('三次握手（SYN）')).toBe(15);
    expect(padEndLite('中文', 6)).toBe('中文  ');
  });

  it('agrees with displayWidth on mixed Latin, CJK and punctuation', () => {
    const ch = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3000, max: 0x303f }),
      fc.integer({ min: 0xff01, max: 0xff5e }),
      fc.integer({ min: 0xa0, max: 0x2ff }),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (cps) => {
        const s = String.fromCodePoint(...cps);
        expect(widthLite(s)).toBe(displayWidth(s));
      }),
      { numRuns: 300 },
    );
  });
});
