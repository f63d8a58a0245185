import { describe, it, expect } from 'vitest';
import { InlineView, initInline, reduceInline, onKeyInline, inlineHeight } from '../../../src/ui/player/inline.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { renderInk } from '../helpers/render.js';

describe('inline player (lesson tcp blocks)', () => {
  it('renders unfocused and focused at 80 columns; keys step it', async () => {
    let s = initInline(scenarioSource('handshake')!, 'The three-way handshake', 'handshake');
    const r = await renderInk(<InlineView state={s} width={78} focused={false} />, { columns: 80, rows: 40 });
    expect(r.lines().length).toBe(inlineHeight(s));
    expect(r.frame()).toMatchSnapshot('unfocused');
    for (const k of ['right', 'right', 'right', 'right']) s = reduceInline(s, onKeyInline(s, k)!);
    await r.rerender(<InlineView state={s} width={78} focused />);
    expect(r.frame()).toContain('step 5/');
    expect(r.frame()).toMatchSnapshot('focused, step 5');
    await r.unmount();
  });
});
