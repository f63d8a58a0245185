/**
 * `synack diagram NAME` on a terminal opens the player with the CLI's model options (--profile,
 * --seed, --isn-client, --isn-server) and --relative: the player's trace is the one `--plain`
 * prints for the same flags.
 */
import { describe, it, expect } from 'vitest';
import { playerRequest } from '../../src/cli/app.js';
import { playerOptions } from '../../src/cli/diagram.js';
import { playerScreen } from '../../src/ui/screens/player.js';
import { foldTrace, runSource, SCENARIOS, getScenario, type RunOptions } from '../../src/tcp/index.js';
import { emptyProgress } from '../../src/store/types.js';
import { utcDay } from '../../src/quiz/days.js';
import type { AppContext, ScreenRequest } from '../../src/ui/screen.js';

const ctx: AppContext = { width: 100, height: 30, ascii: false, color: false, lessons: [], broken: [], progress: emptyProgress(), now: 0, dayOf: utcDay };

function open(req: ScreenRequest) {
  return playerScreen.init(req, ctx);
}

describe('playerRequest (diagram player options)', () => {
  it('without options the request is the script as given', () => {
    const src = getScenario('handshake')!.source;
    expect(playerRequest('handshake', src)).toEqual({ screen: 'player', name: 'handshake', source: src });
  });

  it.each(SCENARIOS.map((s) => s.name))('%s: the player trace equals runSource with the same RunOptions', (name) => {
    const source = getScenario(name)!.source;
    const cases: RunOptions[] = [{ profile: 'linux' }, { seed: 7 }, { isnClient: 4294967295, isnServer: 0 }, { profile: 'rfc', seed: 3, isnClient: 12345 }];
    for (const opts of cases) {
      const state = open(playerRequest(name, source, opts));
      const expected = runSource(source, { ...opts, name });
      expect(expected.ok).toBe(true);
      if (!expected.ok) continue;
      expect(state.errors).toEqual([]);
      // the player shows the folded trace (arrival events merged into their segments)
      expect(state.trace).toEqual(foldTrace(expected.trace));
    }
  });

  it('the CLI options win over the script own option lines, and line numbers stay', () => {
    const source = 'option isn client 5\noption profile rfc\nclient connect'; // no trailing newline
    const state = open(playerRequest('s', source, { isnClient: 99, profile: 'linux' }));
    expect(state.trace?.hosts.client.isn).toBe(99);
    expect(state.trace?.profile).toBe('linux');
    const bad = open(playerRequest('s', 'client connect\nclient fly\n', { seed: 1 }));
    expect(bad.trace).toBeNull();
    expect(bad.errors.map((e) => [e.line, e.col])).toEqual([[2, 8]]);
  });

  it('--relative reaches the player; without it the player keeps its default', () => {
    const src = getScenario('handshake')!.source;
    expect(open(playerRequest('h', src, { relative: true })).seq).toBe('relative');
    expect(open(playerRequest('h', src, { relative: false })).seq).toBe('absolute');
    expect(open(playerRequest('h', src)).seq).toBe(open({ screen: 'player', name: 'h', source: src }).seq);
  });

  it('playerOptions (synack diagram on a terminal) carries every model flag, --ascii and --relative', () => {
    expect(playerOptions({ profile: 'linux', seed: 3, isnClient: 1, isnServer: 2, name: 'x' }, { ascii: true, relative: true })).toEqual({
      ascii: true,
      profile: 'linux',
      seed: 3,
      isnClient: 1,
      isnServer: 2,
      relative: true,
    });
    expect(playerOptions({ name: 'x' }, { ascii: false, relative: false })).toEqual({ ascii: false });
  });
});
