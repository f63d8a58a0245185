import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statsCommand } from '../../src/cli/quiz.js';
import { fakeIO } from './helpers.js';
import { emptyProgress } from '../../src/store/types.js';
import { ensureBuilt, runCli } from '../reliability/helpers.js';

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

  it('counts the streak in the local days of the machine\'s time zone (TZ), not in UTC days', async () => {
    await ensureBuilt();
    // One answer a minute before local midnight in Shanghai (UTC+8, no daylight saving), one a minute
    // after: two local days, but one UTC day (Shanghai's midnight is 16:00 UTC).
    const now = Date.now();
    const shanghaiMidnight = Math.floor((now + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000;
    const at = (ms: number) => ({ questionId: 'q', at: new Date(ms).toISOString(), correct: true, rating: 3, ms: 1000, topics: [], mode: 'drill' });
    const home = mkdtempSync(join(tmpdir(), 'synack-stats-tz-'));
    const p = { ...emptyProgress(), settings: { streak: true, relative: false }, history: [at(shanghaiMidnight - 60_000), at(shanghaiMidnight + 60_000)] };
    writeFileSync(join(home, 'progress.json'), JSON.stringify(p));
    const local = await runCli(['stats'], { env: { SYNACK_HOME: home, TZ: 'Asia/Shanghai' } });
    expect(local.stdout).toContain('Streak: 2 days');
    const utc = await runCli(['stats'], { env: { SYNACK_HOME: home, TZ: 'UTC' } });
    expect(utc.stdout).toContain('Streak: 1 day');
  }, 30_000);
});
