/**
 * Regression test (was pending until fixed).
 *
 * Bug: src/store/progress.ts loadProgress() keeps a bad file aside with
 * renameSync(file, `${file}.corrupt-${stamp(now)}`), the stamp being millisecond time. rename(2)
 * replaces an existing target, so a second bad file kept aside within the same millisecond (two
 * synack processes starting together, or an injected clock) silently destroys the first kept file.
 * Expected: never overwrite a kept file (add a counter suffix, or link()+unlink() / COPYFILE_EXCL).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProgress } from '../../src/store/progress.js';
import { tempDir } from './helpers.js';

describe('kept-aside progress files', () => {
  it('two bad files kept aside at the same instant are both kept', () => {
    const t = tempDir();
    try {
      const now = Date.UTC(2026, 0, 15, 12, 0, 0);
      writeFileSync(join(t.dir, 'progress.json'), 'first bad file');
      const a = loadProgress(t.dir, now);
      writeFileSync(join(t.dir, 'progress.json'), 'second bad file');
      const b = loadProgress(t.dir, now);
      expect(a.keptAside).not.toBe(b.keptAside);
      const kept = readdirSync(t.dir).filter((f) => f.includes('.corrupt-'));
      expect(kept.map((f) => readFileSync(join(t.dir, f), 'utf8')).sort()).toEqual(['first bad file', 'second bad file']);
    } finally {
      t.cleanup();
    }
  });
});
