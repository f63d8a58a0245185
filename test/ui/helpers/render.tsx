/**
 * Ink test helper on top of ink-testing-library (`render`, `lastFrame`, `stdin.write`). It adds only
 * what ink-testing-library lacks:
 * - a terminal size: its stdout is always 100 columns with no `rows`; here the app mounts only once
 *   the requested size is set (so no first frame is laid out at 100 columns), and `resize` changes it
 *   live and emits the terminal's `resize` event;
 * - keys pressed inside React's act() with the frame settled after each one (one setTimeout(0) is
 *   not enough: Enter can reach a stale handler), named keys, typing and pasting;
 * - a fake clock (`FakeClock`) advanced inside act().
 *
 *   const r = await renderInk(<App ... clock={clock} />, { columns: 80, rows: 24 });
 *   await r.press('down', 'down', 'enter');      // named keys (see KEYS) or raw strings, one write each
 *   await r.type('hello');                      // one write per character
 *   await r.paste('SYN-SENT');                  // one write with the whole text (a paste burst)
 *   expect(r.frame()).toContain('Lessons');
 *   await r.resize(120, 40);
 *   await r.advance(clock, 500);                // advance the fake clock inside act()
 *   await r.unmount();
 */
import { act, useState, type ReactElement, type ReactNode } from 'react';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type { Clock } from '../../../src/ui/app.js';
import { KEY_CODES } from '../../../src/ui/keys.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The named keys' bytes: the app's own table (src/ui/keys.ts), plus `esc` as a short name. */
export const KEYS = { ...KEY_CODES, esc: KEY_CODES.escape } as const;
export type NamedKey = keyof typeof KEYS;

type Testing = ReturnType<typeof render>;

/** A manual clock: `advance(ms)` moves time and runs due interval/timeout callbacks in order. */
export class FakeClock implements Clock {
  private t: number;
  private nextId = 1;
  private timers = new Map<number, { at: number; every: number | null; fn: () => void }>();
  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  setInterval(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + Math.max(1, ms), every: Math.max(1, ms), fn });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), every: null, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Number of live timers (e.g. to check the shell stops ticking when nothing animates). */
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; every: number | null; fn: () => void }] | null = null;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      const [id, timer] = next;
      this.t = timer.at;
      if (timer.every === null) this.timers.delete(id);
      else timer.at += timer.every;
      timer.fn();
    }
    this.t = end;
  }
}

export interface Rendered {
  /** ink-testing-library's stdout (every frame written, `lastFrame()`), sized like a terminal. */
  stdout: Testing['stdout'] & { columns: number; rows: number };
  stdin: Testing['stdin'];
  /** The last frame, ANSI stripped. */
  frame(): string;
  /** The last frame's lines, ANSI stripped. */
  lines(): string[];
  /** Press keys: named keys (KEYS) or raw strings; each one is a separate stdin write inside act(). */
  press(...keys: (NamedKey | string)[]): Promise<void>;
  /** Type text one character at a time. */
  type(text: string): Promise<void>;
  /** Write the text in one go (arrives as a paste burst). */
  paste(text: string): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  /** Advance a FakeClock inside act(). */
  advance(clock: FakeClock, ms: number): Promise<void>;
  rerender(el: ReactElement): Promise<void>;
  unmount(): Promise<void>;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * ink-testing-library keeps every instance it rendered in a module-level list (for its
 * `cleanup()`), and with it every frame written; test files share a worker (no isolation:
 * vitest.config.ts). The renders of the running test let go of their frames once it is over
 * (test/setup.ts calls this after each test), not at unmount: tests read an unmounted render's
 * frames (the escape-injection checks join every frame written).
 */
const thisTest: Testing[] = [];
(globalThis as { __synackReleaseFrames?: () => void }).__synackReleaseFrames = () => {
  for (const t of thisTest) t.frames.length = 0;
  thisTest.length = 0;
};

/** Renders its children only once the test has given the terminal its size. */
function Sized({ ready, children }: { ready: { set?: (v: boolean) => void }; children: ReactNode }) {
  const [on, set] = useState(false);
  ready.set = set;
  return on ? children : null;
}

export async function renderInk(el: ReactElement, size: { columns?: number; rows?: number } = {}): Promise<Rendered> {
  const ready: { set?: (v: boolean) => void } = {};
  let t!: Testing;
  await act(async () => {
    t = render(<Sized ready={ready}>{el}</Sized>);
    thisTest.push(t);
    await flush();
  });
  const stdout = t.stdout as Rendered['stdout'];
  const setSize = (columns: number, rows: number) => {
    // Own properties shadow ink-testing-library's fixed `columns` getter; a terminal is a TTY.
    for (const [k, v] of [['columns', columns], ['rows', rows], ['isTTY', true]] as const) {
      Object.defineProperty(stdout, k, { value: v, writable: true, configurable: true, enumerable: true });
    }
  };
  setSize(size.columns ?? 80, size.rows ?? 24);
  await act(async () => {
    ready.set!(true);
    await flush();
  });
  const frame = () => stripAnsi(t.lastFrame() ?? '');
  const r: Rendered = {
    stdout,
    stdin: t.stdin,
    frame,
    lines: () => frame().split('\n'),
    async press(...keys) {
      for (const k of keys) {
        const raw = k in KEYS ? KEYS[k as NamedKey] : k;
        await act(async () => {
          t.stdin.write(raw);
          await flush();
        });
      }
    },
    async type(text) {
      for (const ch of text) await r.press(ch === ' ' ? 'space' : ch);
    },
    async paste(text) {
      await act(async () => {
        t.stdin.write(text);
        await flush();
      });
    },
    async resize(columns, rows) {
      await act(async () => {
        setSize(columns, rows);
        stdout.emit('resize');
        await flush();
      });
    },
    async advance(clock, ms) {
      await act(async () => {
        clock.advance(ms);
        await flush();
      });
    },
    async rerender(next) {
      await act(async () => {
        t.rerender(<Sized ready={ready}>{next}</Sized>);
        await flush();
      });
    },
    async unmount() {
      await act(async () => {
        t.unmount();
        await flush();
      });
      t.cleanup();
    },
  };
  return r;
}
