/**
 * Shared Ink test helper: render at a fixed terminal size, press keys inside React's act(), read the
 * last frame with ANSI stripped, resize live, and drive time with a fake clock.
 *
 *   const r = await renderInk(<App ... clock={clock} />, { columns: 80, rows: 24 });
 *   await r.press('down', 'down', 'enter');      // named keys (see KEYS) or raw strings, one write each
 *   await r.type('hello');                      // one write per character
 *   await r.paste('SYN-SENT');                  // one write with the whole text (a paste burst)
 *   expect(r.frame()).toContain('Lessons');
 *   await r.resize(120, 40);
 *   await clockTick(r, clock, 500);             // advance the fake clock inside act()
 *   await r.unmount();
 */
import { EventEmitter } from 'node:events';
import { act, type ReactElement } from 'react';
import { render, type Instance } from 'ink';
import stripAnsi from 'strip-ansi';
import type { Clock } from '../../../src/ui/app.js';
import { KEY_CODES } from '../../../src/ui/keys.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The named keys' bytes: the app's own table (src/ui/keys.ts), plus `esc` as a short name. */
export const KEYS = { ...KEY_CODES, esc: KEY_CODES.escape } as const;
export type NamedKey = keyof typeof KEYS;

export class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string): boolean => {
    this.frames.push(s);
    return true;
  };
  hasColors(): boolean {
    return false;
  }
  getColorDepth(): number {
    return 1;
  }
  cursorTo(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

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
  stdout: FakeStdout;
  stdin: FakeStdin;
  instance: Instance;
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

export async function renderInk(el: ReactElement, size: { columns?: number; rows?: number } = {}): Promise<Rendered> {
  const stdout = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
  const stderr = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
  const stdin = new FakeStdin();
  let instance!: Instance;
  await act(async () => {
    instance = render(el, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await flush();
  });
  const frame = () => stripAnsi(stdout.frames.at(-1) ?? '');
  const r: Rendered = {
    stdout,
    stdin,
    instance,
    frame,
    lines: () => frame().split('\n'),
    async press(...keys) {
      for (const k of keys) {
        const raw = k in KEYS ? KEYS[k as NamedKey] : k;
        await act(async () => {
          stdin.write(raw);
          await flush();
        });
      }
    },
    async type(text) {
      for (const ch of text) await r.press(ch === ' ' ? 'space' : ch);
    },
    async paste(text) {
      await act(async () => {
        stdin.write(text);
        await flush();
      });
    },
    async resize(columns, rows) {
      await act(async () => {
        stdout.columns = columns;
        stdout.rows = rows;
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
        instance.rerender(next);
        await flush();
      });
    },
    async unmount() {
      await act(async () => {
        instance.unmount();
        await flush();
      });
      instance.cleanup();
    },
  };
  return r;
}
