/**
 * Issue 16 item 6 in a real terminal: Ctrl+C quits within 200 ms while the heaviest re-run a
 * learner can ask for is computing. `synack diagram` opens the player on the largest flood a
 * script may send (a million spoofed SYNs, SYN cookies on, so the real client gets in and has
 * segments to drop); `d` re-runs it with a drop in the model worker ("Working…" on screen); Ctrl+C
 * then ends synack at once and leaves the terminal as it was. The baseline is the same player at
 * rest, measured in the same test (this machine may be loaded by other work); best of two each.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, tempDir } from './helpers.js';
import { startPty, terminalRestored } from './pty.js';

let tmp: { dir: string; cleanup(): void };
let script: string;
let home: string;

beforeAll(async () => {
  tmp = tempDir();
  home = join(tmp.dir, 'home');
  mkdirSync(home);
  script = join(tmp.dir, 'big.tcp');
  writeFileSync(script, 'option isn client 100\noption isn server 300\noption backlog 5\noption syncookies on\nflood 1000000 over 130s\nat 1s client connect\nclient send 100\n');
  await ensureBuilt();
}, 120_000);
afterAll(() => tmp.cleanup());

async function quitLatency(busy: boolean): Promise<number> {
  const s = startPty(['diagram', script], { SYNACK_HOME: home }, 100, 30);
  try {
    await s.waitFor((x) => /step 1\/\d+/.test(x), 'the player', 60_000);
    if (busy) {
      s.send('d');
      await s.waitFor((x) => x.includes('Working…'), 'Working… on screen', 10_000);
      // the worker is now starting and computing the whole flood again (half a second or more)
      await new Promise((r) => setTimeout(r, 100));
      expect(s.screen()).toContain('Working…');
    } else await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    s.send('\u0003');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(terminalRestored(s.raw())).toBe(true);
    return s.exitedAt()! - t0;
  } finally {
    s.kill('SIGKILL');
  }
}

describe('Ctrl+C during a maximal re-run', () => {
  it('quits within 200 ms (over the player at rest) and restores the terminal', async () => {
    // Best of two each, as test/reliability/never-block.test.ts (one sample under the full suite's
    // load was 235 ms over rest once).
    let rest = Infinity;
    let busy = Infinity;
    for (let i = 0; i < 2; i++) {
      rest = Math.min(rest, await quitLatency(false));
      busy = Math.min(busy, await quitLatency(true));
    }
    expect(busy - rest).toBeLessThan(200);
  }, 120_000);
});
