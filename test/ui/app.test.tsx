import { describe, it, expect } from 'vitest';
import { Box, Text } from 'ink';
import { App } from '../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../src/ui/screens/index.js';
import type { ScreenDef } from '../../src/ui/screen.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';

interface CounterState {
  n: number;
  playing: boolean;
  text: string;
  typing: boolean;
}
type CounterAction = { type: 'inc' } | { type: 'toggle' } | { type: 'tick' } | { type: 'type'; s: string } | { type: 'typing' };

const counter: ScreenDef<CounterState, CounterAction> = {
  id: 'stats',
  init: () => ({ n: 0, playing: false, text: '', typing: false }),
  reduce: (s, a) => {
    switch (a.type) {
      case 'inc':
        return { ...s, n: s.n + 1 };
      case 'toggle':
        return { ...s, playing: !s.playing };
      case 'tick':
        return { ...s, n: s.n + 100 };
      case 'type':
        return { ...s, text: s.text + a.s };
      case 'typing':
        return { ...s, typing: !s.typing };
    }
  },
  onKey: (s, key) => {
    if (s.typing) {
      if (key === 'enter') return { action: { type: 'typing' } };
      if (key.length === 1) return { action: { type: 'type', s: key } };
      return null;
    }
    if (key === '+') return { action: { type: 'inc' } };
    if (key === 'space') return { action: { type: 'toggle' } };
    if (key === 't') return { action: { type: 'typing' } };
    if (key === 'o') return { commands: [{ cmd: 'push', request: { screen: 'help' } }] };
    if (key === 'w') return { commands: [{ cmd: 'progress', update: (p) => ({ ...p, last: { lessonId: 'x', position: 3 } }) }] };
    return null;
  },
  onPaste: (s, text) => (s.typing ? { action: { type: 'type', s: text } } : null),
  tick: (s) => (s.playing ? { ...s, n: s.n + 100 } : s),
  animating: (s) => s.playing,
  capturesText: (s) => s.typing,
  bindings: () => [{ keys: '+', label: 'add', help: 'Add one to the counter' }, { keys: 'space', label: 'play' }],
  title: () => 'Counter',
  view: (s, ctx) => (
    <Box flexDirection="column">
      <Text>count={s.n} text={s.text} w={ctx.width} h={ctx.height}</Text>
    </Box>
  ),
};

const registry: ScreenRegistry = { ...SCREENS, stats: counter };

function setup(size = { columns: 80, rows: 24 }) {
  const clock = new FakeClock();
  const exits: number[] = [];
  const saved: unknown[] = [];
  const el = (
    <App
      initial={{ screen: 'stats' }}
      lessons={[]}
      progress={emptyProgress()}
      screens={registry}
      clock={clock}
      onExit={(c) => exits.push(c)}
      saveProgress={(p) => {
        saved.push(p);
        return null;
      }}
    />
  );
  return { clock, exits, saved, el, size };
}

describe('App shell', () => {
  it('dispatches keys to the screen, shows title and footer, stays rows-1 high', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    expect(r.frame()).toContain('count=0');
    expect(r.frame()).toContain('synack › Counter');
    expect(r.frame()).toContain('+ add  space play');
    expect(r.frame()).toContain('w=80 h=21');
    expect(r.lines().length).toBeLessThanOrEqual(23);
    await r.press('+', '+');
    expect(r.frame()).toContain('count=2');
    await r.unmount();
  });

  it('ticks only while animating, driven by the injected clock', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    expect(t.clock.pending).toBe(0);
    await r.press('space');
    expect(t.clock.pending).toBe(1);
    await r.advance(t.clock, 100);
    expect(r.frame()).toContain('count=200');
    await r.press('space');
    expect(t.clock.pending).toBe(0);
    await r.advance(t.clock, 1000);
    expect(r.frame()).toContain('count=200');
    await r.unmount();
  });

  it('? opens the help overlay with the screen bindings; any key closes it', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.press('?');
    expect(r.frame()).toContain('Keys: Counter');
    expect(r.frame()).toContain('Add one to the counter');
    expect(r.frame()).toContain('Ctrl+C');
    await r.press('x');
    expect(r.frame()).toContain('count=0');
    await r.unmount();
  });

  it('q and Esc go back; q on the first screen quits; text capture keeps q', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.press('o');
    expect(r.frame()).toContain('synack › Counter › Help');
    await r.press('escape');
    expect(r.frame()).toContain('count=0');
    await r.press('t', 'q', 'x');
    expect(r.frame()).toContain('text=qx');
    await r.paste('hello world');
    expect(r.frame()).toContain('text=qxhello world');
    await r.press('enter');
    expect(t.exits).toEqual([]);
    await r.press('q');
    expect(t.exits).toEqual([0]);
    await r.unmount();
  });

  it('a paste burst on a non-typing screen acts as single keys', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.paste('+++');
    expect(r.frame()).toContain('count=3');
    await r.unmount();
  });

  it('Ctrl+C quits from anywhere, including the help overlay', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.press('o', '?', 'ctrl-c');
    expect(t.exits).toEqual([0]);
    await r.unmount();
  });

  it('progress commands update and save', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.press('w');
    expect(t.saved).toHaveLength(1);
    expect((t.saved[0] as { last: unknown }).last).toEqual({ lessonId: 'x', position: 3 });
    await r.unmount();
  });

  it('follows resize and shows the too-small message below 40x12', async () => {
    const t = setup();
    const r = await renderInk(t.el, t.size);
    await r.resize(120, 40);
    expect(r.frame()).toContain('w=120 h=37');
    await r.resize(30, 10);
    expect(r.frame()).toContain('Make the terminal larger');
    await r.press('+');
    await r.resize(80, 24);
    expect(r.frame()).toContain('count=0');
    await r.unmount();
  });
});
