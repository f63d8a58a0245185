/**
 * The stdin wrapper (src/ui/stdin-keys.ts): one key per read, the next after the render; Ctrl+C
 * first; the bounds; what it passes through to the real stdin. Then with Ink itself: a component
 * whose input handler reads its state from the last render (as ink-select-input's does) moves
 * three rows for three ↓ written at once, which it does not when Ink reads the real stream.
 */
import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import { useState } from 'react';
import { render, Text, useInput } from 'ink';
import { afterReactWork, KeyByKeyStdin, MAX_LAG_MS, MAX_QUEUED, type KeySource } from '../../src/ui/stdin-keys.js';
import { unstable_scheduleCallback, unstable_UserBlockingPriority } from 'scheduler';
import { SPLIT_LIMITS } from '../../src/ui/key-split.js';

/** A terminal's stdin: chunks written to it are read back whole, one per read(). */
class FakeTty extends EventEmitter implements KeySource {
  isTTY = true;
  isRaw = false;
  refs = 0;
  encoding: string | null = null;
  private chunks: string[] = [];
  setRawMode(on: boolean) {
    this.isRaw = on;
    return this;
  }
  setEncoding(enc: BufferEncoding) {
    this.encoding = enc;
    return this;
  }
  ref() {
    this.refs++;
    return this;
  }
  unref() {
    this.refs--;
    return this;
  }
  read(): string | null {
    return this.chunks.shift() ?? null;
  }
  write(chunk: string) {
    this.chunks.push(chunk);
    this.emit('readable');
  }
}

/** Collects what a reader gets, one 'readable' at a time; renders are released by hand. */
function harness(opts: { maxQueued?: number } = {}) {
  const tty = new FakeTty();
  const renders: (() => void)[] = [];
  const clock = { t: 0 };
  const w = new KeyByKeyStdin(tty, { afterRender: (fn) => renders.push(fn), now: () => clock.t, ...opts });
  const reads: string[][] = [];
  const onReadable = () => {
    const got: string[] = [];
    let c: string | null;
    while ((c = w.read()) !== null) got.push(c);
    reads.push(got);
  };
  w.on('readable', onReadable);
  const render = () => renders.shift()?.();
  return { tty, w, reads, render, renders, onReadable, clock };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('KeyByKeyStdin', () => {
  it('hands over one key per read, the next only after the render', async () => {
    const h = harness();
    await tick();
    h.tty.write('\u001B[B\u001B[Bj');
    expect(h.reads).toEqual([['\u001B[B']]);
    h.render();
    expect(h.reads).toEqual([['\u001B[B'], ['\u001B[B']]);
    h.render();
    h.render();
    expect(h.reads).toEqual([['\u001B[B'], ['\u001B[B'], ['j']]);
    expect(h.w.queued()).toBe(0);
  });

  it('Ctrl+C jumps the queue and is read at once, even while a render is awaited', async () => {
    const h = harness();
    await tick();
    h.tty.write('jjjj');
    expect(h.reads).toEqual([['j']]);
    h.tty.write('k\u0003');
    expect(h.reads).toEqual([['j'], ['\u0003']]);
    // The keys before it are dropped (the app is quitting).
    h.render();
    h.render();
    expect(h.reads.length).toBe(2);
  });

  it('j + Ctrl+C in one read: Ctrl+C at once', async () => {
    const h = harness();
    await tick();
    h.tty.write('j\u0003');
    expect(h.reads).toEqual([['\u0003']]);
  });

  it('keeps at most MAX_QUEUED pieces: past that, reads are queued whole', async () => {
    const h = harness({ maxQueued: 8 });
    await tick();
    h.tty.write('jjjjjj');
    h.tty.write('kkkkkk');
    // 1 read + 5 j waiting; six more k would make 11 > 8: they go as one piece.
    let n = 0;
    while (h.renders.length && n++ < 50) h.render();
    expect(h.reads.map((r) => r.join(''))).toEqual(['j', 'j', 'j', 'j', 'j', 'j', 'kkkkkk']);
    expect(MAX_QUEUED).toBeGreaterThanOrEqual(SPLIT_LIMITS.maxKeysPerChunk);
  });

  it('keys that waited longer than MAX_LAG_MS go in one read (the renders cannot keep up), never past a lone Esc', async () => {
    const h = harness();
    await tick();
    h.tty.write('jjjj\u001B');
    h.tty.write('kk');
    expect(h.reads).toEqual([['j']]);
    h.clock.t = MAX_LAG_MS + 1;
    h.render();
    expect(h.reads).toEqual([['j'], ['jjj\u001B']]);
    h.render();
    expect(h.reads).toEqual([['j'], ['jjj\u001B'], ['kk']]);
    h.tty.write('jj');
    h.render();
    expect(h.reads.slice(3)).toEqual([['j']]);
  });

  it('a paste stays one read', async () => {
    const h = harness();
    await tick();
    const paste = 'p'.repeat(SPLIT_LIMITS.maxSplitRun + 10);
    h.tty.write(`${paste}\r`);
    h.render();
    expect(h.reads).toEqual([[paste], ['\r']]);
  });

  it('reads the real stdin only while someone listens, as UTF-8, and passes raw mode, ref and isTTY through', async () => {
    const h = harness();
    await tick();
    expect(h.tty.listenerCount('readable')).toBe(1);
    expect(h.tty.encoding).toBe('utf8');
    expect(h.w.isTTY).toBe(true);
    h.w.setRawMode(true);
    expect(h.tty.isRaw).toBe(true);
    expect(h.w.isRaw).toBe(true);
    h.w.ref();
    expect(h.tty.refs).toBe(1);
    h.w.unref();
    expect(h.tty.refs).toBe(0);
    h.w.removeListener('readable', h.onReadable);
    expect(h.tty.listenerCount('readable')).toBe(0);
    // Keys typed while nobody listens wait in the real stdin, and come when someone listens again.
    h.tty.write('q');
    expect(h.reads).toEqual([]);
    h.w.on('readable', h.onReadable);
    await tick();
    expect(h.reads).toEqual([['q']]);
  });

  it('an escape sequence cut between two reads is one key', async () => {
    const h = harness();
    await tick();
    h.tty.write('\u001B[');
    expect(h.reads).toEqual([]);
    h.tty.write('B');
    expect(h.reads).toEqual([['\u001B[B']]);
  });
});

/** A list whose handler reads the index from the render it was made in (like ink-select-input). */
function StaleList(props: { onMove: (i: number) => void }) {
  const [index, setIndex] = useState(0);
  useInput((input, key) => {
    if (key.downArrow || input === 'j') {
      setIndex(index + 1);
      props.onMove(index + 1);
    }
  });
  return <Text>row {index}</Text>;
}

function inkOn(stdin: NodeJS.ReadStream) {
  const stdout = Object.assign(new EventEmitter(), { columns: 80, rows: 24, isTTY: false, write: () => true }) as unknown as NodeJS.WriteStream;
  const moves: number[] = [];
  const app = render(<StaleList onMove={(i) => moves.push(i)} />, { stdin, stdout, debug: true, exitOnCtrlC: false, patchConsole: false });
  return { app, moves };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

describe('with Ink', () => {
  it('without the wrapper, three ↓ in one read move a stale-state list one row (the defect)', async () => {
    const tty = new FakeTty();
    const { app, moves } = inkOn(tty as unknown as NodeJS.ReadStream);
    await settle();
    tty.write('\u001B[B\u001B[B\u001B[B');
    await settle();
    expect(moves).toEqual([1, 1, 1]);
    app.unmount();
  });

  it('with the wrapper, three ↓ in one read move it three rows, and jjj three more', async () => {
    const tty = new FakeTty();
    // Without the bounds for a machine that cannot keep up (tested above): on a loaded machine the
    // render can take longer than they allow, and this test is about waiting for React.
    const { app, moves } = inkOn(new KeyByKeyStdin(tty, { maxLagMs: Infinity, maxRenderWaitMs: Infinity }) as unknown as NodeJS.ReadStream);
    await settle();
    tty.write('\u001B[B\u001B[B\u001B[B');
    await settle();
    expect(moves).toEqual([1, 2, 3]);
    tty.write('jjj');
    await settle();
    expect(moves).toEqual([1, 2, 3, 4, 5, 6]);
    app.unmount();
    // Ink let go of the real stdin when it unmounted.
    expect(tty.listenerCount('readable')).toBe(0);
    expect(tty.isRaw).toBe(false);
  });
});

describe('afterReactWork', () => {
  it('runs after the scheduler\'s pending work, and still runs when React is never idle (an animation on a slow machine)', async () => {
    const order: string[] = [];
    unstable_scheduleCallback(unstable_UserBlockingPriority, () => void order.push('render'));
    await new Promise<void>((r) => afterReactWork(() => (order.push('next'), r())));
    expect(order).toEqual(['render', 'next']);

    // A task that always schedules another (each 20 ms of work): the idle task would never run.
    let busy = true;
    const spin = () => {
      const t = performance.now();
      while (performance.now() - t < 20);
      if (busy) unstable_scheduleCallback(unstable_UserBlockingPriority, spin);
    };
    unstable_scheduleCallback(unstable_UserBlockingPriority, spin);
    const t0 = performance.now();
    await new Promise<void>((r) => afterReactWork(r, 100));
    busy = false;
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(2000);
  });
});
