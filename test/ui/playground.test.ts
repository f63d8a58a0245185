import { describe, it, expect } from 'vitest';
import {
  buildScript,
  explanations,
  initPlayground,
  reducePlayground,
  type PgAction,
  type PlaygroundState,
} from '../../src/ui/player/playground.js';
import { playgroundOnKey, playgroundOnPaste } from '../../src/ui/screens/playground.js';
import { runModel } from '../../src/ui/player/run.js';
import { choose, keys } from './helpers/playground.js';
import type { SegmentEvent } from '../../src/tcp/types.js';

function segs(s: PlaygroundState): SegmentEvent[] {
  return (s.player.trace?.events ?? []).filter((e): e is SegmentEvent => e.type === 'segment');
}

describe('playground reducer', () => {
  it('starts with no actions and a script of options only', () => {
    const s = initPlayground();
    expect(s.steps).toEqual([]);
    expect(buildScript(s)).toContain('option isn client 100');
    expect(buildScript(s)).not.toContain('client connect');
    expect(s.player.trace).not.toBeNull();
  });

  it('connect adds a script line, re-runs the model and plays the new events', () => {
    const s = choose(initPlayground(), 'client-connect');
    expect(buildScript(s).trim().split('\n').at(-1)).toBe('client connect');
    expect(segs(s).map((e) => e.flags.join(','))).toEqual(['SYN', 'SYN,ACK', 'ACK']);
    expect(s.player.playing).toBe(true);
    // the trace is exactly what the model gives for the script text
    const direct = runModel(buildScript(s), { name: 'playground' });
    expect(direct.ok && direct.trace.events).toEqual(s.player.trace!.events);
  });

  it('send N bytes asks for N, validates it, and adds `client send N`', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = choose(s, 'client-send');
    expect(s.prompt?.kind).toBe('client-send');
    s = keys(s, 'x', 'enter');
    expect(s.prompt?.error).toContain('x');
    s = keys(s, 'backspace', '5', '0', '0', 'enter');
    expect(s.prompt).toBeNull();
    expect(s.steps.at(-1)).toEqual({ type: 'send', host: 'client', bytes: 500 });
    const data = segs(s).filter((e) => e.len > 0);
    expect(data.reduce((n, e) => n + e.len, 0)).toBe(500);
  });

  it('an empty prompt takes the default shown in brackets', () => {
    let s = choose(choose(initPlayground(), 'client-connect'), 'server-send');
    s = keys(s, 'enter');
    expect(s.steps.at(-1)).toEqual({ type: 'send', host: 'server', bytes: 100 });
  });

  it('drop next from client makes the next client segment dropped and retransmitted', () => {
    let s = choose(initPlayground(), 'drop-client');
    s = choose(s, 'client-connect');
    expect(buildScript(s)).toContain('drop next client\nclient connect');
    const syns = segs(s).filter((e) => e.flags.join() === 'SYN');
    expect(syns[0].fate).toBe('dropped');
    expect(syns[1].retransmission).toBe(true);
    expect(syns[1].fate).toBe('delivered');
  });

  it('listen off makes the connect refused; undo removes the last action', () => {
    let s = choose(initPlayground(), 'listen');
    expect(s.listen).toBe(false);
    expect(buildScript(s)).toContain('option listen off');
    s = choose(s, 'client-connect');
    expect(segs(s).some((e) => e.flags.includes('RST'))).toBe(true);
    s = reducePlayground(s, { type: 'undo' });
    expect(s.steps).toEqual([]);
    expect(segs(s)).toEqual([]);
  });

  it('set delay changes the one-way delay of every segment', () => {
    let s = choose(initPlayground(), 'delay');
    s = keys(s, '2', '0', '0', 'enter');
    s = choose(s, 'client-connect');
    expect(buildScript(s)).toContain('option delay 200ms');
    for (const e of segs(s)) expect(e.arrives - e.t).toBe(200);
  });

  it('the log shows the explanations up to the current step', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = reducePlayground(s, { type: 'player', action: { type: 'goto', step: 1e9 } });
    const evs = s.player.trace!.events;
    expect(explanations(s, 3)).toEqual(evs.slice(-3).map((e) => e.explain));
  });

  it('save as .tcp emits a write-file command with the script text and the typed path', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = choose(s, 'save');
    expect(s.prompt?.kind).toBe('save');
    // Enter on the empty prompt saves to the default path
    const r0 = playgroundOnKey(s, 'enter');
    expect(r0?.commands).toEqual([{ cmd: 'write-file', path: './synack-playground.tcp', content: buildScript(s) }]);
    s = keys(s, ...'my.tcp');
    const r = playgroundOnKey(s, 'enter');
    expect(r?.commands).toEqual([{ cmd: 'write-file', path: 'my.tcp', content: buildScript(s) }]);
    s = reducePlayground(s, r!.action as PgAction);
    expect(s.prompt).toBeNull();
    expect(s.savePath).toBe('my.tcp');
    // the saved script runs in the model as it is
    expect(runModel(buildScript(s)).ok).toBe(true);
  });

  it('a paste burst ending in Enter fills the prompt and confirms it', () => {
    let s = choose(choose(initPlayground(), 'client-connect'), 'client-send');
    const r = playgroundOnPaste(s, '50\n')!;
    s = reducePlayground(s, r.action as PgAction);
    expect(s.prompt).toBeNull();
    expect(s.steps.at(-1)).toEqual({ type: 'send', host: 'client', bytes: 50 });
    s = choose(s, 'save');
    const w = playgroundOnPaste(s, 'a.tcp\n')!;
    expect(w.commands).toEqual([{ cmd: 'write-file', path: 'a.tcp', content: buildScript(s) }]);
    expect(playgroundOnPaste(reducePlayground(s, { type: 'prompt-cancel' }), 'xyz')).toBeNull();
  });

  it('while a prompt is open, q types a q instead of going back', () => {
    let s = choose(initPlayground(), 'save');
    expect(playgroundOnKey(s, 'q')).toEqual({ action: { type: 'prompt-input', text: 'q' } });
    s = keys(s, 'escape');
    expect(s.prompt).toBeNull();
    expect(playgroundOnKey(s, 'q')).toEqual({ commands: [{ cmd: 'pop' }] });
  });
});
