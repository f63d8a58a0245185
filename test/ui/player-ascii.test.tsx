import { describe, it, expect } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../src/ui/screens/index.js';
import { playerScreen } from '../../src/ui/screens/player.js';
import { playgroundScreen } from '../../src/ui/screens/playground.js';
import { emptyProgress } from '../../src/store/types.js';
import type { ScreenRequest } from '../../src/ui/screen.js';
import { scenarioSource } from '../../src/ui/player/run.js';
import { renderInk, FakeClock } from './helpers/render.js';

const registry: ScreenRegistry = { ...SCREENS, player: playerScreen, playground: playgroundScreen };

function playerRequest(name: string): ScreenRequest {
  const source = scenarioSource(name);
  if (source === undefined) throw new Error(`no scenario ${name}`);
  return { screen: 'player', source, name };
}

const SIZES: [number, number][] = [
  [80, 24],
  [120, 40],
];

describe('--ascii', () => {
  const printable = /^[\x20-\x7e\n]*$/;
  it('the player and the playground draw only printable ASCII', async () => {
    for (const name of ['handshake', 'syn-flood', 'syn-retransmit']) {
      for (const [cols, rows] of SIZES) {
        const r = await renderInk(
          <App initial={playerRequest(name)} lessons={[]} progress={emptyProgress()} screens={registry} clock={new FakeClock()} ascii />,
          { columns: cols, rows },
        );
        for (let i = 0; i < 24; i++) {
          await r.press('right');
          expect(r.frame(), `${name} ${cols}x${rows} step ${i + 2}`).toMatch(printable);
        }
        await r.press('d', 's', '?');
        expect(r.frame()).toMatch(printable);
        await r.unmount();
      }
    }
    const clock = new FakeClock();
    const r = await renderInk(
      <App initial={{ screen: 'playground' }} lessons={[]} progress={emptyProgress()} screens={registry} clock={clock} ascii />,
      { columns: 120, rows: 40 },
    );
    await r.press('enter');
    await r.advance(clock, 10_000);
    expect(r.frame()).toMatch(printable);
    await r.press('down', 'enter');
    expect(r.frame()).toMatch(printable);
    await r.unmount();
  });
});

