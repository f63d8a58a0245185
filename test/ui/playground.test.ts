import { describe, it, expect } from 'vitest';
import {
  armedDrops,
  buildScript,
  explanations,
  initPlayground,
  reducePlayground,
  type PgAction,
  type PlaygroundState,
} from '../../src/ui/player/playground.js';
import { menuLines, noteText, playgroundOnKey, playgroundOnPaste } from '../../src/ui/screens/playground.js';
import { playerStrings as S } from '../../src/ui/player/strings.js';
import { runModel } from '../../src/ui/player/run.js';
import { act, choose, keys } from './helpers/playground.js';
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
    s = act(s, { type: 'undo' });
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

describe('the playground extends the run (issue 14) and runs the model off the UI thread (issue 16 item 6)', () => {
  const stepTo = (s: PlaygroundState, step: number) => reducePlayground(s, { type: 'player', action: { type: 'goto', step } });
  const count = (s: PlaygroundState) => s.player.trace?.events.length ?? 0;

  it('an action asks for a run: the script changes at once, the trace shown stays until the run arrives', () => {
    const s0 = choose(initPlayground(), 'client-connect');
    const moved = reducePlayground(s0, { type: 'move', delta: 2 - s0.cursor });
    const asked = reducePlayground(moved, { type: 'activate' });
    expect(asked.steps.at(-1)).toEqual({ type: 'close', host: 'client' });
    expect(asked.pending?.source).toBe(buildScript(asked));
    expect(asked.player.busy).toBe(true);
    expect(asked.player.trace).toBe(s0.player.trace);
    // keys act on the trace shown meanwhile
    const stepped = reducePlayground(asked, { type: 'player', action: { type: 'step' } });
    expect(stepped.player.step).toBe(asked.player.step + 1);
    expect(stepped.pending).toBe(asked.pending);
    const done = reducePlayground(stepped, { type: 'model', job: asked.pending!.job });
    expect(done.pending).toBeNull();
    expect(done.player.busy).toBe(false);
    expect(count(done)).toBeGreaterThan(count(s0));
  });

  it('a result of an older job is ignored; the newest one is applied', () => {
    const s0 = initPlayground();
    const first = reducePlayground(s0, { type: 'activate' }); // client connect
    const second = reducePlayground({ ...first, cursor: 2 }, { type: 'activate' }); // client close
    expect(second.pending!.job).toBeGreaterThan(first.pending!.job);
    const stale = reducePlayground(second, { type: 'model', job: first.pending!.job });
    expect(stale).toBe(second);
    const done = reducePlayground(second, { type: 'model', job: second.pending!.job });
    expect(buildScript(done)).toContain('client connect\nclient close');
    expect(segs(done).some((e) => e.flags.includes('FIN'))).toBe(true);
  });

  it('at the end of the run, a new line plays on from there (not from t=0)', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = stepTo(s, 1e9);
    const before = s.player.trace!.events;
    const at = s.player.step;
    s = keys(choose(s, 'client-send'), '5', '0', 'enter');
    // the cursor moves on to the first new event
    expect(s.player.step).toBe(at + 1);
    expect(s.player.playing).toBe(true);
    // what the learner saw is unchanged, the new events come after it
    expect(s.player.trace!.events.slice(0, before.length)).toEqual(before);
    expect(count(s)).toBeGreaterThan(before.length);
  });

  it('looking back at an earlier step, a new line keeps the cursor there and says what was added', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = stepTo(s, 4);
    const n = count(s);
    s = choose(s, 'client-close');
    expect(s.player.step).toBe(4);
    expect(s.player.playing).toBe(false);
    expect(count(s)).toBeGreaterThan(n);
    expect(s.message).toBe(S.pg.appended(count(s) - n));
  });

  it('a change to events already seen (a new delay) goes back only to the first event that changed', () => {
    let s = choose(initPlayground(), 'client-connect');
    s = stepTo(s, 1e9);
    const old = s.player.trace!.events;
    s = keys(choose(s, 'delay'), '2', '0', '0', 'enter');
    const evs = s.player.trace!.events;
    let first = 0;
    while (JSON.stringify(evs[first]) === JSON.stringify(old[first])) first++;
    expect(first).toBeGreaterThan(0);
    expect(s.player.step).toBe(first);
  });

  it('a failed run puts the script back as shown and says why', () => {
    const s0 = choose(initPlayground(), 'client-connect');
    const asked = reducePlayground({ ...s0, cursor: 2 }, { type: 'activate' });
    const failed = reducePlayground(asked, { type: 'model', job: asked.pending!.job, error: 'out of memory' });
    expect(failed.steps).toEqual(s0.steps);
    expect(failed.pending).toBeNull();
    expect(failed.message).toBe(S.pg.runFailed('out of memory'));
    expect(failed.player.trace).toBe(s0.player.trace);
  });

  it('an armed drop is marked until the dropped segment is on screen', () => {
    let s = choose(initPlayground(), 'drop-client');
    expect(armedDrops(s)).toEqual({ client: 1, server: 0 });
    expect(noteText(s)).toBe(S.pg.armed(1, 0));
    expect(menuLines(s, 60, false).find((l) => l.includes(S.pg.dropClient))).toContain(S.pg.armedMark(1));
    s = choose(s, 'client-connect');
    const dropAt = s.player.trace!.events.findIndex((e) => e.type === 'segment' && e.fate === 'dropped');
    expect(dropAt).toBeGreaterThan(0);
    s = stepTo(s, dropAt - 1);
    expect(armedDrops(s).client).toBe(1);
    s = stepTo(s, dropAt);
    expect(armedDrops(s).client).toBe(0);
    expect(noteText(s)).toBe('');
    expect(menuLines(s, 60, false).join('\n')).not.toContain(S.pg.armedMark(1));
    // two armed for the server, none fired yet (no connection: the server sends nothing)
    const t = choose(choose(initPlayground(), 'drop-server'), 'drop-server');
    expect(armedDrops(t)).toEqual({ client: 0, server: 2 });
    expect(noteText(t)).toBe(S.pg.armed(0, 2));
    expect(menuLines(t, 60, false).find((l) => l.includes(S.pg.dropServer))).toContain(S.pg.armedMark(2));
  });
});
