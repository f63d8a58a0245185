import { describe, it, expect } from 'vitest';
import { Box, Text } from 'ink';
import { App } from '../../src/ui/app.js';
import { SCREENS, type ScreenRegistry } from '../../src/ui/screens/index.js';
import { keyUpdate, type ScreenDef } from '../../src/ui/screen.js';
import { cmd, off, on } from '../../src/ui/bindings.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';

interface CounterState {
  n: number;
  playing: boolean;
  text: string;
  typing: boolean;
}

// The counter's rows (a test screen: its texts are not learner-facing).
const text = (keys: string, label: string, help?: string) => () => ({ keys, label, ...(help ? { help } : {}) });
const C = {
  add: cmd('t.add', ['+'], text('+', 'add', 'Add one to the counter')),
  play: cmd('t.play', ['space'], text('space', 'play')),
  type: cmd('t.type', ['t'], text('t', 'type')),
  open: cmd('t.open', ['o'], text('o', 'open')),
  write: cmd('t.write', ['w'], text('w', 'write')),
  chars: cmd('t.chars', 'printable', text('letters', 'text')),
  done: cmd('t.done', ['enter'], text('Enter', 'done')),
};

const counterKeys = keyUpdate<CounterState>(
  {
    [C.add.id]: (s) => [{ ...s, n: s.n + 1 }, []],
    [C.play.id]: (s) => [{ ...s, playing: !s.playing }, []],
    [C.type.id]: (s) => [{ ...s, typing: true }, []],
    [C.open.id]: (s) => [s, [{ cmd: 'push', request: { screen: 'help' } }]],
    [C.write.id]: (s) => [s, [{ cmd: 'progress', update: (p) => ({ ...p, last: { lessonId: 'x', position: 3 } }) }]],
    [C.chars.id]: (s, k) => [{ ...s, text: s.text + (k === 'space' ? ' ' : k) }, []],
    [C.done.id]: (s) => [{ ...s, typing: false }, []],
  },
  (s, msg) => {
    if (msg.type === 'tick') return [s.playing ? { ...s, n: s.n + 100 } : s, []];
    if (msg.type === 'paste') return [s.typing ? { ...s, text: s.text + msg.text } : s, []];
    return [s, []];
  },
);

const counter: ScreenDef<CounterState> = {
  id: 'stats',
  init: () => ({ n: 0, playing: false, text: '', typing: false }),
  keymap: (s) => (s.typing ? [on(C.done), off(C.chars)] : [on(C.add), on(C.play), off(C.type), off(C.open), off(C.write)]),
  update: counterKeys.update,
  handles: counterKeys.handles,
  animating: (s) => s.playing,
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
