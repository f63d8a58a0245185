import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statsCommand } from '../../src/cli/quiz.js';
import { fakeIO } from './helpers.js';

describe('synack stats', () => {
  it('keeps the streak opt-in: --streak on|off is saved with the progress', async () => {
    const home = mkdtempSync(join(tmpdir(), 'synack-stats-'));
    const f = fakeIO({ env: { SYNACK_HOME: home } });
    expect(await statsCommand([], f.io)).toBe(0);
    expect(await statsCommand(['--streak', 'on'], f.io)).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).settings.streak).toBe(true);
    expect(await statsCommand(['--streak', 'off'], f.io)).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).settings.streak).toBe(false);
    const g = fakeIO({ env: f.io.env });
    expect(await statsCommand(['--streak', 'maybe'], g.io)).toBe(2);
    expect(g.err()).toBe("synack stats: --streak must be on or off, not 'maybe'.\n");
  });
});
