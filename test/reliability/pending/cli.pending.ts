/**
 * PENDING (not in the suite: vitest only runs *.test.ts). Fails on the current src; rename to
 * cli.test.ts once fixed.
 *
 * 1. src/cli/progress.ts: `synack progress --export /nonexistent/dir/x.json` calls writeFileSync
 *    unguarded: exit 70 "synack: internal error: ENOENT ..." instead of exit 1 with a one-line
 *    "cannot write /nonexistent/dir/x.json: no such file or directory".
 * 2. src/cli/quiz.ts parseQuizArgs: `synack quiz --print --time -1` reports "unknown option
 *    '--time'" (the regex takes the first quoted word of parseArgs' "argument is ambiguous"
 *    message); expected a message about the value (--time needs a whole number).
 * 3. Argument echo: `synack $'\e]0;x\a'`, `synack learn $'\e[2J'`, `synack diagram $'\e[2J'` echo
 *    the raw ESC/BEL back in "unknown command/not a lesson id/unknown scenario" (src/cli.ts,
 *    src/ui/strings.ts badLessonId, src/diagram/strings.ts unknownScenario, src/cli/trace.ts).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt, runCli, RAW_CONTROL, STACK_FRAME } from '../helpers.js';

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
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.stderr).toContain('--time');
  });

  it.each([[['\x1b]0;x\x07']], [['learn', '\x1b[2J']], [['diagram', '\x1b[2J']], [['trace', '\x1b[2J']]])(
    'synack %j does not echo control characters',
    async (args) => {
      const r = await runCli(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    },
  );
});
