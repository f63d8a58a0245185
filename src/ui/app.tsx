/**
 * The app shell: the ONE root useInput, a stack of screens, the footer, the `?` help overlay, live
 * resize, the too-small message, and a clock-driven tick only while the top screen animates.
 *
 * Screens (src/ui/screens/*) are plain ScreenDefs (src/ui/screen.ts): the shell turns keys into
 * KeyNames (src/ui/keys.ts), asks the top screen's onKey, applies the returned action with its
 * reducer and runs the returned shell commands. Keys the screen does not handle: q/Esc go back
 * (quit from the first screen), `?` opens the help overlay, Ctrl+C quits from anywhere.
 *
 * Layout: one title row, the screen's body, one footer row; at most rows-1 high (so Ink never
 * clears the whole screen). `AppContext.height` given to screens is the BODY height.
 */
import { setLang, type Lang } from '../i18n/index.js';
import { utcDay, type DayOf } from '../quiz/days.js';
import { systemDay } from '../util/system-day.js';
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import type { AppContext, KeyBinding, KeyName, ScreenDef, ScreenRequest, ShellCommand } from './screen.js';
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';
import { toKeyEvent, type KeyEvent } from './keys.js';
import { SCREENS, type ScreenRegistry } from './screens/index.js';
import { reloadLessonState, type LessonState } from './screens/lesson.js';
import { UI } from './strings.js';
import { footerText } from './components/Footer.js';
import { asciiArrows, glyphs } from './components/theme.js';
import { truncate, wrap, width as sw } from './components/text.js';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyScreen = ScreenDef<any, any>;

interface Entry {
  id: number;
  def: AnyScreen;
  state: unknown;
  /** What opened it (to re-open a lesson once the full lessons arrive). */
  request: ScreenRequest;
}

/** A lesson known only by its front matter (the full lessons load after the first frame). */
export function isStubLesson(l: unknown): boolean {
  return !!l && typeof l === 'object' && Array.isArray((l as Lesson).blocks) && (l as Lesson).blocks.length === 0;
}

interface Shell {
  stack: Entry[];
  progress: Progress;
  help: boolean;
  /** Lines shown in place of the footer until the next key. */
  message: string | null;
  /** A write that would replace an existing file, waiting for y (overwrite) or any other key (keep). */
  confirm?: { path: string; content: string } | null;
  done: boolean;
}

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
}

let entryIds = 0;

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

const SHELL_BINDINGS: KeyBinding[] = [UI.keyHelp, UI.keyBack, UI.keyQuit];

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

  const messageLines = (msg: string | null, cols: number) => (msg ? wrap(msg, cols).slice(0, 3) : []);

  const makeCtx = useCallback(
    (s: Shell): AppContext => {
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

  const shellRef = useRef<Shell | null>(null);
  if (shellRef.current === null) {
    const start: Shell = { stack: [], progress: props.progress, help: false, message: props.notice ?? null, done: false };
    const reqs = Array.isArray(props.initial) ? props.initial : [props.initial];
    for (const req of reqs) {
      const def = registry[req.screen];
      let state: unknown;
      try {
        state = def.init(req, makeCtx(start));
      } catch (e) {
        start.message = UI.screenError(describeError(e));
        continue;
      }
      start.stack.push({ id: ++entryIds, def, state, request: req });
    }
    if (start.stack.length === 0) {
      const def = registry.home;
      start.stack.push({ id: ++entryIds, def, state: def.init({ screen: 'home' }, makeCtx(start)), request: { screen: 'home' } });
    }
    shellRef.current = start;
  }
  const [shell, setShell] = useState<Shell>(shellRef.current);

  const commit = useCallback((next: Shell) => {
    shellRef.current = next;
    setShell(next);
  }, []);

  const finish = useCallback(
    (s: Shell) => {
      if (s.done) return s;
      const done = { ...s, done: true };
      props.onExit?.(0);
      exit();
      return done;
    },
    [exit, props.onExit],
  );

  const runCommands = useCallback(
    (start: Shell, commands: ShellCommand[]): Shell => {
      let s = start;
      for (const c of commands) {
        if (s.done) break;
        switch (c.cmd) {
          case 'push':
          case 'replace': {
            const def = registry[c.request.screen];
            let state: unknown;
            try {
              state = def.init(c.request, makeCtx(s));
            } catch (e) {
              s = { ...s, message: UI.screenError(describeError(e)) };
              break;
            }
            const entry: Entry = { id: ++entryIds, def, state, request: c.request };
            const base = c.cmd === 'replace' ? s.stack.slice(0, -1) : s.stack;
            s = { ...s, stack: [...base, entry] };
            break;
          }
          case 'pop': {
            const stack = s.stack.slice(0, -1);
            if (stack.length === 0) {
              s = finish(s);
              break;
            }
            const under = stack[stack.length - 1];
            if (under.def.resume) {
              try {
                const state = under.def.resume(under.state, makeCtx(s));
                if (state !== under.state) stack[stack.length - 1] = { ...under, state };
              } catch {
                /* keep the old state */
              }
            }
            s = { ...s, stack };
            break;
          }
          case 'quit':
            s = finish(s);
            break;
          case 'progress': {
            let p: Progress;
            try {
              p = c.update(s.progress);
            } catch (e) {
              s = { ...s, message: UI.screenError(describeError(e)) };
              break;
            }
            s = { ...s, progress: p };
            const err = props.saveProgress?.(p);
            if (err) s = { ...s, message: UI.saveFailed(err) };
            break;
          }
          case 'lang': {
            setLang(c.lang);
            const p: Progress = { ...s.progress, settings: { ...s.progress.settings, lang: c.lang } };
            s = { ...s, progress: p };
            const err = props.saveProgress?.(p);
            if (err) s = { ...s, message: UI.saveFailed(err) };
            props.onLang?.(c.lang);
            break;
          }
          case 'write-file': {
            const path = c.path;
            const content = c.content;
            // An existing file is never replaced silently: the shell asks first.
            const failed = (e: unknown): Partial<Shell> =>
              (e as { code?: unknown } | null)?.code === 'EEXIST'
                ? { confirm: { path, content }, message: UI.writeExists(path) }
                : { message: UI.writeFailed(path, describeError(e)) };
            try {
              const r = props.writeFile?.(path, content, { overwrite: c.overwrite ?? false });
              if (r && typeof (r as Promise<void>).then === 'function') {
                (r as Promise<void>).then(
                  () => commit({ ...shellRef.current!, message: UI.writeOk(path) }),
                  (e: unknown) => commit({ ...shellRef.current!, ...failed(e) }),
                );
              } else {
                s = { ...s, message: UI.writeOk(path) };
              }
            } catch (e) {
              s = { ...s, ...failed(e) };
            }
            break;
          }
        }
      }
      return s;
    },
    [registry, makeCtx, finish, props.saveProgress, props.writeFile, commit],
  );

  /** Apply a screen's KeyResult to the top entry. */
  const applyResult = useCallback(
    (s: Shell, entry: Entry, result: { action?: unknown; commands?: ShellCommand[] }): Shell => {
      let next = s;
      if (result.action !== undefined) {
        const state = entry.def.reduce(entry.state, result.action, makeCtx(s));
        if (state !== entry.state) {
          next = { ...next, stack: next.stack.map((e) => (e.id === entry.id ? { ...e, state } : e)) };
        }
      }
      if (result.commands?.length) next = runCommands(next, result.commands);
      return next;
    },
    [makeCtx, runCommands],
  );

  const handleKey = useCallback(
    (s0: Shell, key: KeyName): Shell => {
      let s = s0;
      if (s.done) return s;
      if (key === 'ctrl-c') return finish(s);
      const { columns: c, rows: r } = layoutRef.current;
      if (c < MIN_COLS || r < MIN_ROWS) return s;
      if (s.confirm) {
        const { path, content } = s.confirm;
        s = { ...s, confirm: null, message: null };
        if (key === 'y' || key === 'Y') return runCommands(s, [{ cmd: 'write-file', path, content, overwrite: true }]);
        return { ...s, message: UI.writeKept(path) };
      }
      if (s.message) s = { ...s, message: null };
      if (s.help) return { ...s, help: false };
      const top = s.stack[s.stack.length - 1];
      if (!top) return finish(s);
      const ctx = makeCtx(s);
      const captures = top.def.capturesText?.(top.state) ?? false;
      if (key === '?' && !captures) return { ...s, help: true };
      let result;
      try {
        result = top.def.onKey(top.state, key, ctx);
        if (result) return applyResult(s, top, result);
      } catch (e) {
        return { ...s, message: UI.screenError(describeError(e)) };
      }
      if (key === 'escape' || (key === 'q' && !captures)) return runCommands(s, [{ cmd: 'pop' }]);
      return s;
    },
    [finish, makeCtx, applyResult, runCommands],
  );

  const handleEvent = useCallback(
    (ev: KeyEvent) => {
      let s = shellRef.current!;
      if ('key' in ev) {
        s = handleKey(s, ev.key);
      } else {
        // Keys typed faster than the event loop reads them arrive as one burst: "1000\n" is the
        // text 1000 then Enter (so a fast typist's answer is submitted, not padded with a space).
        // Likewise a Tab in a burst is the Tab key.
        const parts = ev.paste.split(/([\n\t])/);
        for (let i = 0; i < parts.length && !s.done; i++) {
          const part = parts[i];
          if (part === '\n' || part === '\t') {
            s = handleKey(s, part === '\n' ? 'enter' : 'tab');
            continue;
          }
          if (part !== '') {
            const top = s.stack[s.stack.length - 1];
            let handled = false;
            const { columns: c, rows: r } = layoutRef.current;
            if (top && top.def.onPaste && !s.help && c >= MIN_COLS && r >= MIN_ROWS) {
              try {
                const res = top.def.onPaste(top.state, part, makeCtx(s));
                if (res) {
                  s = applyResult(s.message ? { ...s, message: null } : s, top, res);
                  handled = true;
                }
              } catch (e) {
                s = { ...s, message: UI.screenError(describeError(e)) };
                handled = true;
              }
            }
            if (!handled) {
              for (const ch of part) {
                if (s.done) break;
                s = handleKey(s, ch === ' ' ? 'space' : ch === '\n' ? 'enter' : ch);
              }
            }
          }
        }
      }
      if (s !== shellRef.current) commit(s);
    },
    [handleKey, applyResult, makeCtx, commit],
  );

  // The full lessons replace the front-matter stubs after the first frame: re-open a lesson screen
  // that was opened on a stub (keeping its position request).
  const lessonsRef = useRef(props.lessons);
  useEffect(() => {
    if (lessonsRef.current === props.lessons) return;
    lessonsRef.current = props.lessons;
    const s = shellRef.current!;
    let changed = false;
    const stack = s.stack.map((e) => {
      if (e.request.screen !== 'lesson') return e;
      const old = e.state as LessonState | null;
      const lesson = old?.lesson;
      // Opened on a stub: open it again. A lesson the new list no longer holds (learn --watch
      // reloaded its file, or it broke; the language changed): the reader again on the new
      // version, as near to the old reading position as it can be.
      const stub = isStubLesson(lesson);
      const replaced = !stub && old !== null && (lesson ? !props.lessons.includes(lesson) : props.lessons.some((l) => l.meta.id === old.lessonId));
      if (!stub && !replaced) return e;
      try {
        changed = true;
        return { ...e, state: replaced && lesson ? reloadLessonState(old!, makeCtx(s)) : e.def.init(e.request, makeCtx(s)) };
      } catch {
        return e;
      }
    });
    if (changed) commit({ ...s, stack });
  }, [props.lessons, makeCtx, commit]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      const ev = toKeyEvent(input, key);
      if (ev) handleEvent(ev);
    },
    [handleEvent],
  );
  useInput(onInput);

  // Animation: one interval, only while the top screen wants ticks.
  const top = shell.stack[shell.stack.length - 1];
  let animating = false;
  try {
    animating = !!top && !shell.done && !!top.def.tick && (top.def.animating?.(top.state) ?? false);
  } catch {
    animating = false;
  }
  const topId = top?.id ?? -1;
  useEffect(() => {
    if (!animating) return;
    const h = clock.setInterval(() => {
      const s = shellRef.current!;
      const t = s.stack[s.stack.length - 1];
      if (!t || t.id !== topId || !t.def.tick) return;
      try {
        const state = t.def.tick(t.state, clock.now(), makeCtx(s));
        if (state !== t.state) commit({ ...s, stack: s.stack.map((e) => (e.id === t.id ? { ...e, state } : e)) });
      } catch (e) {
        commit({ ...s, message: UI.screenError(describeError(e)) });
      }
    }, TICK_MS);
    return () => clock.clearInterval(h);
  }, [animating, topId, clock, makeCtx, commit]);

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

  let bindings: KeyBinding[] = [];
  try {
    bindings = top.def.bindings(top.state, ctx);
  } catch {
    bindings = [];
  }
  const msgLines = messageLines(shell.message, columns);
  const shellFooter = `  ${UI.keyHelp.keys} ${UI.keyHelp.label}`;
  const footer =
    footerText(
      bindings.filter((b) => b.footer !== false),
      Math.max(0, columns - sw(shellFooter)),
    ) + shellFooter;

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold wrap="truncate" color={color ? 'cyan' : undefined}>
        {titleRow}
      </Text>
      <Box height={ctx.height} width={columns} overflow="hidden" flexDirection="column">
        {shell.help ? (
          <HelpOverlay title={titles[titles.length - 1] ?? ''} bindings={bindings} width={columns} height={ctx.height} ascii={ascii} />
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

/** The `?` overlay: every binding of the current screen plus the shell's keys. */
export function helpLines(title: string, bindings: KeyBinding[], width: number): string[] {
  const rows: [string, string][] = bindings.map((b) => [b.keys, b.help ?? b.label]);
  const shell: [string, string][] = SHELL_BINDINGS.map((b) => [b.keys, b.help ?? b.label]);
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

function HelpOverlay(props: { title: string; bindings: KeyBinding[]; width: number; height: number; ascii: boolean }) {
  const lines = helpLines(props.title, props.bindings, props.width).map((l) => asciiArrows(l, props.ascii));
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
