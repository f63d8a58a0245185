/**
 * The App: the ONE root useInput, live resize, the too-small message, a clock-driven tick only
 * while the top screen animates, and the frame (title row, the screen's body, the footer or the `?`
 * overlay). Everything else is the pure shell (src/ui/shell.ts): the App turns Ink's input into
 * shell events (src/ui/keys.ts), keeps the shell state the reducer returns, and only RUNS the
 * effects it returns: save progress, write a file, quit, set the language, run the model.
 *
 * Layout: one title row, the screen's body, one footer row; at most rows-1 high (so Ink never
 * clears the whole screen). `AppContext.height` given to screens is the BODY height.
 */
import { setLang, type Lang } from '../i18n/index.js';
import { utcDay, type DayOf } from '../quiz/days.js';
import { systemDay } from '../util/system-day.js';
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import type { AppContext, ModelJob, ModelResult, ScreenRequest } from './screen.js';
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';
import { toKeyEvent } from './keys.js';
import { SCREENS } from './screens/index.js';
import { exitProgress, initShell, keymapOf, shellUpdate, topOf, type AnyScreen, type Effect, type ScreenRegistry, type ShellEnv, type ShellEvent, type ShellState } from './shell.js';
import { CMD, SHELL_KEYS, shown, type ShownBinding } from './bindings.js';
import { acceptJobValue, runModelHere } from './model-job.js';
import { UI } from './strings.js';
import { footerText } from './components/Footer.js';
import { asciiArrows, glyphs } from './components/theme.js';
import { truncate, wrap, width as sw } from './components/text.js';

export { isStubLesson } from './shell.js';

export const MIN_COLS = 40;
export const MIN_ROWS = 12;
/** Tick period while a screen animates. */
export const TICK_MS = 50;

/** Injectable time source: tests pass a fake clock and advance it by hand. */
export interface Clock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** The local calendar day of an instant (streaks, the due forecast); absent = UTC days (deterministic tests). */
  dayOf?: DayOf;
}

export const realClock: Clock = {
  now: () => Date.now(),
  dayOf: systemDay,
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export interface AppProps {
  /** The first screen, or a stack of screens (e.g. [lessons, lesson] for `synack learn ID`). */
  initial: ScreenRequest | ScreenRequest[];
  lessons: Lesson[];
  broken?: { file: string; message: string }[];
  progress: Progress;
  ascii?: boolean;
  color?: boolean;
  clock?: Clock;
  /** Screen registry (tests may pass their own). */
  screens?: ScreenRegistry;
  /** Shown once at start (e.g. "progress.json was corrupt, kept aside as ..."). */
  notice?: string | null;
  /** Persist progress; return an error message to show, or null. */
  saveProgress?: (p: Progress) => string | null | void;
  /** Write a file for the write-file command; throw or reject with an Error to report it. Unless
   *  `overwrite`, an existing file must not be replaced: fail with an error whose code is 'EEXIST'
   *  (the shell then asks the learner). */
  writeFile?: (path: string, content: string, opts: { overwrite: boolean }) => void | Promise<void>;
  /** After the language changed (the home screen's setting): reload the lessons in it. */
  onLang?: (lang: Lang) => void;
  /** Called once when the app quits (code 0) or a screen crashes fatally. */
  onExit?: (code: number) => void;
  /** Test hook: the fixed terminal size when stdout reports none. */
  size?: { columns: number; rows: number };
  /** The app runs again after a stop (Ctrl+Z, then fg: run.tsx's SIGCONT), with the progress read
   *  again from disk when another synack changed it meanwhile; returns an unsubscribe. */
  onResume?: (listener: (progress: Progress | null) => void) => () => void;
  /** Runs a model job off the UI thread (run.tsx: src/ui/worker/runner.ts); default: on this
   *  thread, after a turn of the event loop (tests). `owner` is the screen entry that asked: its
   *  newer job supersedes its older one. */
  runModel?: (job: ModelJob, owner?: number) => Promise<ModelResult>;
  /** Filled by the App: the progress quitting now would save beyond what it already handed to
   *  saveProgress (a grade held back for undo), or null. run.tsx calls it on a signal. */
  exitHook?: { current: (() => Progress | null) | null };
}

const messageLines = (msg: string | null, cols: number) => (msg ? wrap(msg, cols).slice(0, 3) : []);

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

class ViewBoundary extends Component<{ children: ReactNode; resetKey: string; width: number }, { error: string | null; key: string }> {
  override state = { error: null as string | null, key: '' };
  static getDerivedStateFromError(e: unknown) {
    return { error: describeError(e) };
  }
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: string | null; key: string },
  ): { error: string | null; key: string } | null {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }
  override componentDidCatch() {
    /* shown in render */
  }
  override render() {
    if (this.state.error !== null)
      return (
        <Box flexDirection="column" width={this.props.width}>
          {wrap(UI.screenError(this.state.error), this.props.width).map((l, i) => (
            <Text key={i}>{l}</Text>
          ))}
          <Text dimColor>{UI.placeholderBack}</Text>
        </Box>
      );
    return this.props.children;
  }
}

function useTerminalSize(fallback?: { columns: number; rows: number }): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = useCallback(
    () => ({
      columns: stdout.columns || fallback?.columns || 80,
      rows: stdout.rows || fallback?.rows || 24,
    }),
    [stdout, fallback?.columns, fallback?.rows],
  );
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, read]);
  return size;
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const clock = props.clock ?? realClock;
  const registry = props.screens ?? SCREENS;
  const ascii = props.ascii ?? false;
  const color = props.color ?? false;
  const { columns, rows } = useTerminalSize(props.size);
  const tooSmall = columns < MIN_COLS || rows < MIN_ROWS;

  // Geometry: title row + body + footer rows, at most rows-1 in total.
  const layoutRef = useRef({ columns, rows });
  layoutRef.current = { columns, rows };

  const makeCtx = useCallback(
    (s: ShellState): AppContext => {
      const { columns: c, rows: r } = layoutRef.current;
      const footerRows = Math.max(1, messageLines(s.message, c).length);
      return {
        width: c,
        height: Math.max(1, r - 1 - 1 - footerRows),
        ascii,
        color,
        lessons: props.lessons,
        broken: props.broken ?? [],
        progress: s.progress,
        now: clock.now(),
        dayOf: clock.dayOf ?? utcDay,
      };
    },
    [ascii, color, props.lessons, props.broken, clock],
  );
  const envRef = useRef<ShellEnv>({ registry, ctx: makeCtx, tooSmall });
  envRef.current = { registry, ctx: makeCtx, tooSmall };

  const shellRef = useRef<ShellState | null>(null);
  if (shellRef.current === null) {
    shellRef.current = initShell(Array.isArray(props.initial) ? props.initial : [props.initial], props.progress, props.notice ?? null, envRef.current);
  }
  const [shell, setShell] = useState<ShellState>(shellRef.current);

  const propsRef = useRef(props);
  propsRef.current = props;
  if (props.exitHook) props.exitHook.current = () => (shellRef.current ? exitProgress(shellRef.current, envRef.current) : null);
  const dispatchRef = useRef<(ev: ShellEvent) => void>(() => undefined);

  /** Runs the shell's effects: the only place the app does I/O on behalf of the screens. */
  const runEffects = useCallback(
    (effects: Effect[]) => {
      const p = propsRef.current;
      const dispatch = (ev: ShellEvent) => dispatchRef.current(ev);
      for (const e of effects) {
        switch (e.type) {
          case 'save': {
            const err = p.saveProgress?.(e.progress);
            if (err) dispatch({ type: 'notice', text: UI.saveFailed(err) });
            break;
          }
          case 'lang':
            setLang(e.lang);
            p.onLang?.(e.lang);
            break;
          case 'quit':
            p.onExit?.(0);
            exit();
            break;
          case 'write-file': {
            const { path, content } = e;
            const failed = (err: unknown): ShellEvent => ({
              type: 'write-failed',
              path,
              content,
              exists: (err as { code?: unknown } | null)?.code === 'EEXIST',
              error: describeError(err),
            });
            try {
              const r = p.writeFile?.(path, content, { overwrite: e.overwrite });
              if (r && typeof (r as Promise<void>).then === 'function') {
                (r as Promise<void>).then(
                  () => dispatch({ type: 'written', path }),
                  (err: unknown) => dispatch(failed(err)),
                );
              } else dispatch({ type: 'written', path });
            } catch (err) {
              dispatch(failed(err));
            }
            break;
          }
          case 'run-model': {
            const job = e.job;
            const run = p.runModel ?? runModelHere;
            // The screen that asked (the shell keeps it per job): its newer job supersedes this one.
            const owner = shellRef.current?.jobs[job]?.entry;
            run(e.request, owner).then(
              (result) => {
                // The run joins this thread's memo first: the screen's reducer then finds it there.
                if (result.ok) acceptJobValue(result.value);
                dispatch({ type: 'model', job, result });
              },
              (err: unknown) => dispatch({ type: 'model', job, result: { ok: false, error: describeError(err) } }),
            );
            break;
          }
        }
      }
    },
    [exit],
  );

  const dispatch = useCallback(
    (ev: ShellEvent) => {
      const before = shellRef.current!;
      const [next, effects] = shellUpdate(before, ev, envRef.current);
      if (next !== before) {
        shellRef.current = next;
        setShell(next);
      }
      if (effects.length) runEffects(effects);
    },
    [runEffects],
  );
  dispatchRef.current = dispatch;

  // The full lessons replace the front-matter stubs after the first frame: re-open a lesson screen
  // that was opened on a stub (keeping its position request).
  const lessonsRef = useRef(props.lessons);
  useEffect(() => {
    if (lessonsRef.current === props.lessons) return;
    lessonsRef.current = props.lessons;
    dispatch({ type: 'lessons' });
  }, [props.lessons, dispatch]);

  // Back from a stop: the top screen gets a `resume` msg (timers, a refresh), with the progress on
  // disk if it changed.
  const { onResume } = props;
  useEffect(() => {
    if (!onResume) return;
    return onResume((progress) => dispatch(progress ? { type: 'resume', progress } : { type: 'resume' }));
  }, [onResume, dispatch]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      const ev = toKeyEvent(input, key);
      if (!ev) return;
      dispatch('key' in ev ? { type: 'key', key: ev.key } : { type: 'paste', text: ev.paste });
    },
    [dispatch],
  );
  useInput(onInput);

  // Animation: one interval, only while the top screen wants ticks.
  const top = topOf(shell);
  let animating = false;
  try {
    animating = !!top && !shell.done && (top.def.animating?.(top.state) ?? false);
  } catch {
    animating = false;
  }
  const topId = top?.id ?? -1;
  useEffect(() => {
    if (!animating) return;
    const h = clock.setInterval(() => {
      const t = topOf(shellRef.current!);
      if (!t || t.id !== topId) return;
      dispatch({ type: 'tick', now: clock.now() });
    }, TICK_MS);
    return () => clock.clearInterval(h);
  }, [animating, topId, clock, dispatch]);

  const ctx = makeCtx(shell);
  const g = glyphs(ascii);

  if (tooSmall) {
    const w = Math.max(1, columns);
    const lines = [...wrap(UI.tooSmall(columns, rows, MIN_COLS, MIN_ROWS), w), ...wrap(UI.tooSmallHint, w)].slice(
      0,
      Math.max(1, rows - 1),
    );
    return (
      <Box flexDirection="column" width={w}>
        {lines.map((l, i) => (
          <Text key={i}>{l}</Text>
        ))}
      </Box>
    );
  }
  if (!top || shell.done) return <Text> </Text>;

  // Title row: breadcrumb of the stack's titles, fitted from the right.
  const titles = shell.stack.map((e) => {
    try {
      return e.def.title(e.state, ctx);
    } catch {
      return e.def.id;
    }
  });
  const crumbs = [UI.appName, ...titles].join(` ${g.sep} `);
  const titleRow = sw(crumbs) <= columns ? crumbs : truncate(titles[titles.length - 1] ?? '', columns);

  // The footer and the ? overlay: the top screen's keymap rows (src/ui/bindings.ts), then the shell's.
  const rowsShown = shown(keymapOf(shell, ctx), ascii);
  const msgLines = messageLines(shell.message, columns);
  const helpRow = shown([{ cmd: CMD.help }], ascii)[0];
  const shellFooter = `  ${helpRow.keys} ${helpRow.label}`;
  const footer =
    footerText(
      rowsShown.filter((b) => b.footer),
      Math.max(0, columns - sw(shellFooter)),
    ) + shellFooter;

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold wrap="truncate" color={color ? 'cyan' : undefined}>
        {titleRow}
      </Text>
      <Box height={ctx.height} width={columns} overflow="hidden" flexDirection="column">
        {shell.help ? (
          <HelpOverlay title={titles[titles.length - 1] ?? ''} bindings={rowsShown} width={columns} height={ctx.height} ascii={ascii} />
        ) : (
          <ViewBoundary resetKey={String(top.id)} width={columns}>
            <ScreenView def={top.def} state={top.state} ctx={ctx} />
          </ViewBoundary>
        )}
      </Box>
      {msgLines.length ? (
        msgLines.map((l, i) => (
          <Text key={i} wrap="truncate" color={color ? 'yellow' : undefined}>
            {l}
          </Text>
        ))
      ) : (
        <Text dimColor wrap="truncate">
          {truncate(asciiArrows(footer.trimStart(), ascii), columns)}
        </Text>
      )}
    </Box>
  );
}

/** Calls the screen's view inside the error boundary (so a throwing view shows a message, not a crash). */
function ScreenView(props: { def: AnyScreen; state: unknown; ctx: AppContext }) {
  return props.def.view(props.state, props.ctx);
}

/** The `?` overlay: every row of the current screen's keymap, then the shell's rows. */
export function helpLines(title: string, bindings: readonly ShownBinding[], width: number, ascii = false): string[] {
  const shell: [string, string][] = shown(SHELL_KEYS, ascii).map((b) => [b.keys, b.help]);
  // A screen row that is the shell's own (q/Esc back) is listed once, under "Everywhere".
  const rows: [string, string][] = bindings.map((b): [string, string] => [b.keys, b.help]).filter(([k, t]) => !shell.some(([sk, st]) => sk === k && st === t));
  const keyW = Math.min(18, Math.max(6, ...[...rows, ...shell].map(([k]) => sw(k))));
  const fmt = ([k, t]: [string, string]) => {
    const head = k + ' '.repeat(Math.max(1, keyW - sw(k) + 2));
    const body = wrap(t, Math.max(10, width - 2 - sw(head)));
    return body.map((l, i) => truncate('  ' + (i === 0 ? head : ' '.repeat(sw(head))) + l, width));
  };
  return [
    truncate(UI.helpTitle(title), width),
    '',
    ...rows.flatMap(fmt),
    ...(rows.length ? [''] : []),
    truncate(UI.helpGeneral, width),
    ...shell.flatMap(fmt),
    '',
    truncate(UI.helpClose, width),
  ];
}

function HelpOverlay(props: { title: string; bindings: readonly ShownBinding[]; width: number; height: number; ascii: boolean }) {
  const lines = helpLines(props.title, props.bindings, props.width, props.ascii).map((l) => asciiArrows(l, props.ascii));
  const shown = lines.length > props.height ? [...lines.slice(0, props.height - 1), lines[lines.length - 1]] : lines;
  return (
    <Box flexDirection="column" width={props.width}>
      {shown.map((l, i) => (
        <Text key={i} bold={i === 0} wrap="truncate">
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}
