/**
 * The stdin Ink reads: a wrapper around the terminal's stdin that hands Ink one key per read, the
 * next one only after the previous key's render (issue 14).
 *
 * Why: keys that arrive in one read (fast typing, key repeat, a loaded machine) reach Ink as one
 * chunk; Ink splits the escape sequences in it but calls every `useInput` handler for all of them
 * synchronously, before React has re-rendered, so a component whose handler reads its state from
 * the last render (ink-select-input, most components) sees the same state for each key: three ↓ in
 * one read moved it one row. And a run of letters (`jjj`) reached Ink as one input string. With this
 * wrapper each key is its own read, and the next read waits until React has rendered and run the
 * effects that key caused (afterReactWork), so every handler sees the state the last key left.
 *
 * What it keeps of the real stdin, as Ink and src/ui/run.tsx use it: isTTY, isRaw, setRawMode,
 * setEncoding (always UTF-8: the splitter works on text), ref/unref, the 'readable' event with
 * read(), and unshift (Ink's kitty-keyboard probe). The real stdin is read only while Ink listens
 * (Ink's raw-mode effect adds and removes its 'readable' listener), so the process exits as before.
 *
 * Bounds (docs/limits.md): see src/ui/key-split.ts for what one read may split into; at most
 * MAX_QUEUED pieces wait; past that a read is queued whole (Ink splits it as it did without the
 * wrapper); a key that waited more than MAX_LAG_MS goes in one read with the keys queued after
 * it, and the next key waits for React at most MAX_RENDER_WAIT_MS (both for a machine that cannot
 * keep up; docs/decisions.md "Menus" has what they cost a component with a stale-state handler). Ctrl+C jumps the queue: the keys waiting before it are dropped and it is read at once, so
 * `j` + Ctrl+C in one read quits at once.
 */
import { EventEmitter } from 'node:events';
import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';
import { createKeySplitter, hasCtrlC, SPLIT_LIMITS, type SplitLimits } from './key-split.js';

/** The pieces that may wait for their turn; past that, reads are queued whole. */
export const MAX_QUEUED = 256;
/** How long an unfinished bracketed paste is waited for before it is delivered as it is (ms). */
export const PASTE_WAIT_MS = 100;
/**
 * A key that has waited this long for its turn (ms) means the renders cannot keep up (a held key
 * on a slow screen, a loaded machine): what is queued then goes in one read, as Ink reads it
 * without the wrapper, instead of scrolling on for seconds after the key was let go. The app's own
 * input handler reads its state from a ref and takes such a read correctly; a component whose
 * handler reads the last render's state would see only the first key of it.
 */
export const MAX_LAG_MS = 250;
/** The longest the next key waits for React to be idle (ms): see afterReactWork. Like MAX_LAG_MS, a
 *  bound for a machine that cannot keep up, where latency matters more than stale handlers. */
export const MAX_RENDER_WAIT_MS = 250;

/** What the wrapper needs of the real stdin (a tty.ReadStream, or a test double). */
export interface KeySource extends EventEmitter {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(on: boolean): unknown;
  setEncoding(enc: BufferEncoding): unknown;
  read(): string | Buffer | null;
  ref?(): unknown;
  unref?(): unknown;
}

export interface KeyByKeyOptions {
  limits?: SplitLimits;
  maxQueued?: number;
  /** Runs `fn` after the render the last key caused and its effects (default: afterReactWork). */
  afterRender?: (fn: () => void) => void;
  /** Runs `fn` after `ms` (an unfinished paste; default setTimeout). */
  later?: (fn: () => void, ms: number) => void;
  /** The clock for MAX_LAG_MS (default performance.now). */
  now?: () => number;
  maxLagMs?: number;
  /** The longest the next key waits for React (default MAX_RENDER_WAIT_MS; with the default afterRender). */
  maxRenderWaitMs?: number;
}

/**
 * Runs `fn` once React has nothing left to do: Ink's renders (legacy root) and their passive effects
 * (where a useInput handler is subscribed again with the new state) are tasks of React's scheduler,
 * each a turn of setImmediate; measured: the render one turn after the key, the effects one turn
 * later, more when a render takes longer than the scheduler's 5 ms slice. An idle-priority task of
 * the same scheduler runs after all of them, however many turns they take, and at once when the key
 * changed nothing. (The bundle holds one copy of `scheduler`, shared with react-reconciler; so does
 * vitest's dependency optimizer, which lists it.)
 */
export function afterReactWork(fn: () => void, maxWaitMs = MAX_RENDER_WAIT_MS): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    if (timer) clearTimeout(timer);
    fn();
  };
  // An idle task never expires: while the screen animates on a machine too slow for its ticks,
  // React may never be idle. The next key then goes after maxWaitMs anyway (a component whose
  // handler reads the last render's state may then miss it; the app's own handler does not).
  const timer = Number.isFinite(maxWaitMs) ? setTimeout(once, maxWaitMs) : null;
  // First a turn of the event loop: React queues the render from a microtask, and this may run
  // inside a scheduler task (the previous key's), whose loop would run an idle task queued now
  // before that microtask had queued the render.
  setImmediate(() => {
    if (!done) unstable_scheduleCallback(unstable_IdlePriority, once);
  });
}

export class KeyByKeyStdin extends EventEmitter {
  readonly source: KeySource;
  private readonly splitter;
  private readonly maxQueued: number;
  private readonly afterRender: (fn: () => void) => void;
  private readonly later: (fn: () => void, ms: number) => void;
  /** Pieces waiting for their turn, and when each was read. */
  private queue: string[] = [];
  private queuedAt: number[] = [];
  private readonly now: () => number;
  private readonly maxLagMs: number;
  /** The piece Ink may read now (one read returns it, the next returns null). */
  private ready: string | null = null;
  /** A key was handed over and its render has not been waited for yet. */
  private waiting = false;
  private attached = false;
  private flushTimer = false;
  private readonly onSourceReadable = () => this.pull();

  constructor(source: KeySource, opts: KeyByKeyOptions = {}) {
    super();
    this.source = source;
    this.splitter = createKeySplitter(opts.limits ?? SPLIT_LIMITS);
    this.maxQueued = opts.maxQueued ?? MAX_QUEUED;
    const wait = opts.maxRenderWaitMs ?? MAX_RENDER_WAIT_MS;
    this.afterRender = opts.afterRender ?? ((fn) => afterReactWork(fn, wait));
    this.later = opts.later ?? ((fn, ms) => void setTimeout(fn, ms));
    this.now = opts.now ?? (() => performance.now());
    this.maxLagMs = opts.maxLagMs ?? MAX_LAG_MS;
    // The real stdin is read while someone (Ink) listens for 'readable' here.
    this.on('newListener', (event: string) => {
      if (event === 'readable') queueMicrotask(() => this.sync());
    });
    this.on('removeListener', (event: string) => {
      if (event === 'readable') this.sync();
    });
  }

  get isTTY(): boolean {
    return !!this.source.isTTY;
  }
  get isRaw(): boolean {
    return !!this.source.isRaw;
  }
  setRawMode(on: boolean): this {
    this.source.setRawMode?.(on);
    return this;
  }
  /** The wrapper always reads the real stdin as UTF-8 text (the splitter needs whole characters). */
  setEncoding(_enc?: BufferEncoding): this {
    return this;
  }
  ref(): this {
    this.source.ref?.();
    return this;
  }
  unref(): this {
    this.source.unref?.();
    return this;
  }

  /** Ink's read loop: the one piece whose turn it is, then null. */
  read(): string | null {
    const r = this.ready;
    this.ready = null;
    return r;
  }

  /** Puts input back in front (Ink's kitty-keyboard probe re-emits what was not its answer). */
  unshift(chunk: string | Buffer): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text) {
      const pieces = this.splitter.push(text);
      this.queue.unshift(...pieces);
      this.queuedAt.unshift(...pieces.map(() => this.now()));
    }
    this.next();
  }

  /** Keys still waiting (tests). */
  queued(): number {
    return this.queue.length + (this.ready !== null ? 1 : 0);
  }

  private sync(): void {
    const want = this.listenerCount('readable') > 0;
    if (want && !this.attached) {
      this.attached = true;
      this.source.setEncoding('utf8');
      this.source.on('readable', this.onSourceReadable);
      this.pull();
      this.next();
    } else if (!want && this.attached) {
      this.attached = false;
      this.source.removeListener('readable', this.onSourceReadable);
    }
  }

  private pull(): void {
    let chunk: string | Buffer | null;
    while ((chunk = this.source.read()) !== null) this.take(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    if (this.splitter.hasPending() && !this.flushTimer) {
      // An escape sequence or a bracketed paste cut by the end of the read: the rest normally
      // follows at once; if it does not, what came is delivered as it is.
      this.flushTimer = true;
      const paste = this.splitter.pendingPaste();
      const go = () => {
        this.flushTimer = false;
        const held = this.splitter.flush();
        if (held.length) this.enqueue(held);
      };
      if (paste) this.later(go, PASTE_WAIT_MS);
      else setImmediate(go);
    }
  }

  /** One read of the real stdin. */
  take(text: string): void {
    this.enqueue(this.splitter.push(text));
  }

  private enqueue(pieces: string[]): void {
    if (!pieces.length) return;
    const stop = pieces.findIndex(hasCtrlC);
    if (stop >= 0) {
      // Ctrl+C quits: the keys before it would only delay that; it is read now, even while the
      // previous key's render is being waited for.
      this.queue = pieces.slice(stop + 1);
      this.queuedAt = this.queue.map(() => this.now());
      this.ready = pieces[stop];
      this.waiting = true;
      this.emit('readable');
      this.afterRender(() => this.done());
      return;
    }
    const add = this.queue.length + pieces.length > this.maxQueued ? [pieces.join('')] : pieces;
    const t = this.now();
    for (const p of add) {
      this.queue.push(p);
      this.queuedAt.push(t);
    }
    this.next();
  }

  private done(): void {
    this.waiting = false;
    this.next();
  }

  /** Hands the next piece over if Ink listens and the last key's render is done. */
  private next(): void {
    if (this.waiting || !this.queue.length || this.listenerCount('readable') === 0) return;
    // Behind by more than MAX_LAG_MS: the queued keys in one read (up to a lone Esc, which must
    // stay last: ESC and the next key together would read as Alt+key).
    let n = 1;
    if (this.now() - this.queuedAt[0] > this.maxLagMs) {
      while (n < this.queue.length && this.queue[n - 1] !== '\u001B') n++;
    }
    const taken = this.queue.splice(0, n);
    const takenAt = this.queuedAt.splice(0, n);
    this.ready = taken.join('');
    this.waiting = true;
    this.emit('readable');
    // Ink read it synchronously (its handler ran every useInput, React renders next); a piece it
    // did not read (no listener any more) stays for the next reader.
    if (this.ready !== null) {
      this.queue.unshift(this.ready);
      this.queuedAt.unshift(takenAt[0]);
      this.ready = null;
    }
    this.afterRender(() => this.done());
  }
}

/** The stdin to give Ink: the real one wrapped, so every key of a burst gets its own render. */
export function keyByKeyStdin(source: NodeJS.ReadStream, opts?: KeyByKeyOptions): NodeJS.ReadStream {
  return new KeyByKeyStdin(source as unknown as KeySource, opts) as unknown as NodeJS.ReadStream;
}
