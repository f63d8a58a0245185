/**
 * The player in zh-CN at 80x24 and 120x40: narration (the model's explanations), status line, keys
 * and panel in Chinese; protocol tokens as in the RFCs; each state with its Chinese name beside it
 * in the panel; no line wider than the terminal, no line starting with closing punctuation.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import stringWidth from 'string-width';
import { App } from '../../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../../src/ui/screens/index.js';
import { playerScreen } from '../../../src/ui/screens/player.js';
import { emptyProgress } from '../../../src/store/types.js';
import type { ScreenRequest } from '../../../src/ui/screen.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { initPlayer } from '../../../src/ui/player/model.js';
import { setLang } from '../../../src/i18n/index.js';
import { renderInk, FakeClock, type Rendered } from '../helpers/render.js';

const registry: ScreenRegistry = { ...SCREENS, player: playerScreen };
const NO_START = '，。、；：？！）》」』”’…—';

function playerRequest(name: string): ScreenRequest {
  const source = scenarioSource(name);
  if (source === undefined) throw new Error(`no scenario ${name}`);
  return { screen: 'player', source, name };
}

function fits(r: Rendered, columns: number, rows: number) {
  const lines = r.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) {
    expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
    const c = [...l.trimStart()][0];
    if (c) expect(NO_START.includes(c), `line starts with punctuation: ${l}`).toBe(false);
  }
}

beforeAll(() => setLang('zh-CN'));
afterAll(() => setLang('en'));

describe.each([
  [80, 24],
  [120, 40],
])('the player in zh-CN at %ix%i', (cols, rows) => {
  it('handshake: narration, panel and keys in Chinese, states with their Chinese names', async () => {
    const req = playerRequest('handshake');
    const n = initPlayer((req as { source: string }).source, 'handshake').trace!.events.length;
    const r = await renderInk(<App initial={req} lessons={[]} progress={emptyProgress()} screens={registry} clock={new FakeClock()} />, { columns: cols, rows });
    await r.press('right', 'right');
    expect(r.frame()).toContain(`第 3/${n} 步`);
    fits(r, cols, rows);
    expect(r.frame()).toMatchSnapshot('step 3');
    for (let i = 0; i < n; i++) await r.press('right');
    const end = r.frame();
    fits(r, cols, rows);
    expect(end).toMatchSnapshot('end');
    // The panel names each state in Chinese beside the RFC token.
    expect(end).toMatch(/ESTABLISHED(\s|\n.*)已建立连接/s);
    await r.unmount();
  });
});
