/**
 * CLI edge cases fixed after the reliability suite found them (formerly pending):
 *
 * 1. `synack progress --export /nonexistent/dir/x.json`: exit 1 with one line naming the file.
 * 2. `synack quiz --print --time -1`: a message about the value of --time, not "unknown option".
 * 3. Arguments with ESC/BEL (`synack $'\e]0;x\a'`, `synack learn`/`diagram`/`trace` with an escape)
 *    are shown with the control characters made visible.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt, runCli, RAW_CONTROL, STACK_FRAME } from './helpers.js';

beforeAll(async () => {
  await ensureBuilt();
}, 60_000);

describe('CLI edge cases', () => {
  it('progress --export into a missing directory is a user error, not an internal one', async () => {
    const r = await runCli(['progress', '--export', '/nonexistent/dir/x.json'], { env: { SYNACK_HOME: '/tmp/synack-pending-home' } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toContain('/nonexistent/dir/x.json');
  });

  it('quiz --time -1 names the bad value', async () => {
    const r = await runCli(['quiz', '--print', '--time', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.stderr).toContain('--time');
  });

  it.each([[['\x1b]0;x\x07']], [['learn', '\x1b[2J']], [['diagram', '\x1b[2J']], [['trace', '\x1b[2J']], [['check', '/nonexistent/\x1b]0;x\x07']], [['progress', '--import', '/nonexistent/\x1b]0;x\x07']], [['quiz', '--print', '--topic', '\x1b[2J']]])(
    'synack %j does not echo control characters',
    async (args) => {
      const r = await runCli(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    },
  );

  it('quiz --print --lessons with a missing directory is a one-line user error', async () => {
    const r = await runCli(['quiz', '--print', '--lessons', '/nonexistent/lessons']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('synack quiz: /nonexistent/lessons: cannot read: no such file or directory\n');
  });
});
