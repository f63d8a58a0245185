import { describe, it, expect } from 'vitest';
import { menuWindow } from '../../src/ui/components/Menu.js';

describe('menuWindow (issue 14 bug 8: no row dropped silently)', () => {
  it('keeps the selected item in view, never uses more rows than given, and counts every hidden item', () => {
    for (let count = 1; count <= 25; count++) {
      for (let height = 1; height <= 14; height++) {
        for (let index = 0; index < count; index++) {
          const w = menuWindow(index, count, height);
          const where = `count ${count} height ${height} index ${index}`;
          expect(w.top, where).toBeGreaterThanOrEqual(0);
          expect(index >= w.top && index < w.top + w.count, where).toBe(true);
          const rows = w.count + (w.above > 0 ? 1 : 0) + (w.below > 0 ? 1 : 0);
          expect(rows, where).toBeLessThanOrEqual(Math.max(1, height));
          if (height >= 3) {
            expect(w.above, where).toBe(w.top);
            expect(w.above + w.count + w.below, where).toBe(count);
          }
          if (count <= height) expect(w, where).toEqual({ top: 0, count, above: 0, below: 0 });
        }
      }
    }
  });
});
