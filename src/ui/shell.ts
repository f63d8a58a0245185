/**
 * The shell, pure: a reducer over the stack of screens. It turns the App's events (a key, a paste,
 * a tick, a model result, the full lessons arriving, the outcome of a file write) into the next
 * shell state and a list of effects for the App to run (save progress, write a file, quit, set the
 * language, run the model off the UI thread). No React, no Ink, no I/O, no clock: the App passes
 * the AppContext in (`env.ctx`), so the same events give the same states and effects.
 *
 * Keys: looked up in the top screen's keymap, then the shell's rows (src/ui/bindings.ts); a key
 * no row lists does nothing. Ctrl+C quits from anywhere, even on the too-small screen.
 */
import type { Lang } from '../i18n/index.js';
import type { Progress } from '../store/types.js';
import type { AppContext, KeyName, ModelJob, ModelResult, Msg, ScreenDef, ScreenRequest, ShellCommand } from './screen.js';
import { CMD, capturesText, lookup, type Active } from './bindings.js';
import { UI } from './strings.js';
import { reloadLessonState, type LessonState } from './screens/lesson.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScreen = ScreenDef<any>;
export type ScreenRegistry = Record<ScreenRequest['screen'], AnyScreen>;

export interface Entry {
  id: number;
  def: AnyScreen;
  state: unknown;
  /** What opened it (to re-open a lesson once the full lessons arrive). */
  request: ScreenRequest;
}

export interface ShellState {
  stack: Entry[];
  progress: Progress;
  help: boolean;
  /** Lines shown in place of the footer until the next key. */
  message: string | null;
  /** A write that would replace an existing file, waiting for y (overwrite) or any other key (keep). */
  confirm: { path: string; content: string } | null;
  done: boolean;
  nextId: number;
  nextJob: number;
  /** Model runs in flight: the shell's job number -> the entry that asked and its own job tag. */
  jobs: Record<number, { entry: number; job: number }>;
}

export type ShellEvent =
  | { type: 'key'; key: KeyName }
  | { type: 'paste'; text: string }
  | { type: 'tick'; now: number }
  /** The full lessons replaced the front-matter stubs (ctx.lessons): re-open lessons opened on a stub. */
  | { type: 'lessons' }
  | { type: 'model'; job: number; result: ModelResult }
  | { type: 'written'; path: string }
  | { type: 'write-failed'; path: string; content: string; exists: boolean; error: string }
  /** A message for the footer row (e.g. a failed save). */
  | { type: 'notice'; text: string }
  /** The app runs again after a stop (SIGCONT): the progress on disk when another synack changed it
   *  meanwhile (the App shows it; nothing is saved), and the top screen gets a `resume` msg. */
  | { type: 'resume'; progress?: Progress };

export type Effect =
  | { type: 'save'; progress: Progress }
  | { type: 'write-file'; path: string; content: string; overwrite: boolean }
  | { type: 'quit' }
  | { type: 'lang'; lang: Lang }
  | { type: 'run-model'; job: number; request: ModelJob };

export interface ShellEnv {
  registry: ScreenRegistry;
  /** The context screens see, for a shell state (size, lessons, progress, time). */
  ctx(s: ShellState): AppContext;
  /** The terminal is below the minimum size: only Ctrl+C acts. */
  tooSmall: boolean;
}

export type Step = [ShellState, Effect[]];

/** The name offered in place of an existing file: `run.tcp` → `run-2.tcp`, `run-2.tcp` → `run-3.tcp`. */
export function otherName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  const m = /^(.*)-(\d{1,6})$/.exec(stem);
  const next = m ? `${m[1]}-${Number(m[2]) + 1}` : `${stem}-2`;
  return dir + next + ext;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function isStubLesson(l: unknown): boolean {
  return !!l && typeof l === 'object' && Array.isArray((l as { blocks?: unknown }).blocks) && (l as { blocks: unknown[] }).blocks.length === 0;
}

/** The shell at start: the requested screens (a screen whose init throws is left out, with a message). */
export function initShell(requests: ScreenRequest[], progress: Progress, notice: string | null, env: Omit<ShellEnv, 'tooSmall'>): ShellState {
  let s: ShellState = { stack: [], progress, help: false, message: notice, confirm: null, done: false, nextId: 1, nextJob: 1, jobs: {} };
  for (const req of requests) s = open(s, req, false, env)[0];
  if (s.stack.length === 0) s = open(s, { screen: 'home' }, false, env)[0];
  return s;
}

function open(s: ShellState, request: ScreenRequest, replace: boolean, env: Omit<ShellEnv, 'tooSmall'>): Step {
  const def = env.registry[request.screen];
  let state: unknown;
  try {
    state = def.init(request, env.ctx(s));
  } catch (e) {
    return [{ ...s, message: UI.screenError(describeError(e)) }, []];
  }
  const entry: Entry = { id: s.nextId, def, state, request };
  const base = replace ? s.stack.slice(0, -1) : s.stack;
  return [{ ...s, stack: [...base, entry], nextId: s.nextId + 1 }, []];
}

export function topOf(s: ShellState): Entry | undefined {
  return s.stack[s.stack.length - 1];
}

/** The top screen's keymap (empty if it throws). */
export function keymapOf(s: ShellState, ctx: AppContext): Active[] {
  const top = topOf(s);
  if (!top) return [];
  try {
    return top.def.keymap(top.state, ctx);
  } catch {
    return [];
  }
}

/**
 * The progress as the app ends: every screen (top first) is told with a `quit` msg and its
 * `progress` commands are applied (the quiz's grade held back for undo is one). The same for
 * Ctrl+C, the last `q`, and the signals (the App hands run.tsx `exitProgress` for those).
 */
function quittingProgress(s: ShellState, env: Omit<ShellEnv, 'tooSmall'>): Progress {
  let p = s.progress;
  for (const e of [...s.stack].reverse()) {
    let commands: ShellCommand[];
    try {
      [, commands] = e.def.update(e.state, { type: 'quit' }, env.ctx({ ...s, progress: p }));
    } catch {
      continue;
    }
    for (const c of commands) {
      if (c.cmd !== 'progress') continue;
      try {
        p = c.update(p);
      } catch {
        /* keep what was saved */
      }
    }
  }
  return p;
}

/** What quitting now would save beyond the shell's progress (null: nothing is held back). */
export function exitProgress(s: ShellState, env: Omit<ShellEnv, 'tooSmall'>): Progress | null {
  if (s.done) return null;
  const p = quittingProgress(s, env);
  return p === s.progress ? null : p;
}

function quit(s: ShellState, env: Omit<ShellEnv, 'tooSmall'>): Step {
  if (s.done) return [s, []];
  const p = quittingProgress(s, env);
  if (p === s.progress) return [{ ...s, done: true }, [{ type: 'quit' }]];
  return [{ ...s, progress: p, done: true }, [{ type: 'save', progress: p }, { type: 'quit' }]];
}

/** Runs one screen's update on an entry and then the commands it returned. */
function updateEntry(s: ShellState, entryId: number, msg: Msg, env: Omit<ShellEnv, 'tooSmall'>): Step {
  const entry = s.stack.find((e) => e.id === entryId);
  if (!entry) return [s, []];
  let state: unknown;
  let commands: ShellCommand[];
  try {
    [state, commands] = entry.def.update(entry.state, msg, env.ctx(s));
  } catch (e) {
    return [{ ...s, message: UI.screenError(describeError(e)) }, []];
  }
  const next = state === entry.state ? s : { ...s, stack: s.stack.map((e) => (e.id === entryId ? { ...e, state } : e)) };
  return runCommands(next, commands, entryId, env);
}

/** The screens' commands, in order: the stack, progress, files, the language, model runs. */
export function runCommands(start: ShellState, commands: readonly ShellCommand[], from: number, env: Omit<ShellEnv, 'tooSmall'>): Step {
  let s = start;
  const effects: Effect[] = [];
  for (const c of commands) {
    if (s.done) break;
    switch (c.cmd) {
      case 'push':
      case 'replace':
        s = open(s, c.request, c.cmd === 'replace', env)[0];
        break;
      case 'pop': {
        const stack = s.stack.slice(0, -1);
        if (stack.length === 0) {
          const [q, e] = quit(s, env);
          s = q;
          effects.push(...e);
          break;
        }
        s = { ...s, stack };
        // The screen under it is on top again (e.g. the lesson list follows the lesson read last):
        // its resume's commands run too; a resume that throws keeps the old state.
        const under = stack[stack.length - 1];
        let resumed: ShellCommand[] = [];
        try {
          const [state, cmds] = under.def.update(under.state, c.result ? { type: 'resume', result: c.result } : { type: 'resume' }, env.ctx(s));
          resumed = cmds;
          if (state !== under.state) s = { ...s, stack: stack.map((e) => (e.id === under.id ? { ...e, state } : e)) };
        } catch {
          /* keep the old state */
        }
        if (resumed.length) {
          const [n, e] = runCommands(s, resumed, under.id, env);
          s = n;
          effects.push(...e);
        }
        break;
      }
      case 'quit': {
        const [q, e] = quit(s, env);
        s = q;
        effects.push(...e);
        break;
      }
      case 'progress': {
        let p: Progress;
        try {
          p = c.update(s.progress);
        } catch (e) {
          s = { ...s, message: UI.screenError(describeError(e)) };
          break;
        }
        if (p === s.progress) break;
        s = { ...s, progress: p };
        effects.push({ type: 'save', progress: p });
        break;
      }
      case 'lang': {
        const p: Progress = { ...s.progress, settings: { ...s.progress.settings, lang: c.lang } };
        s = { ...s, progress: p };
        effects.push({ type: 'lang', lang: c.lang }, { type: 'save', progress: p });
        break;
      }
      case 'write-file':
        effects.push({ type: 'write-file', path: c.path, content: c.content, overwrite: c.overwrite ?? false });
        break;
      case 'run-model': {
        const job = s.nextJob;
        s = { ...s, nextJob: job + 1, jobs: { ...s.jobs, [job]: { entry: from, job: c.job } } };
        effects.push({ type: 'run-model', job, request: c.request });
        break;
      }
    }
  }
  return [s, effects];
}

function handleKey(s0: ShellState, key: KeyName, env: ShellEnv): Step {
  let s = s0;
  if (s.done) return [s, []];
  if (key === 'ctrl-c') return quit(s, env);
  if (env.tooSmall) return [s, []];
  if (s.confirm) {
    const { path, content } = s.confirm;
    s = { ...s, confirm: null, message: null };
    if (key === 'y' || key === 'Y') return [s, [{ type: 'write-file', path, content, overwrite: true }]];
    // r: a new name (`run-2.tcp`); if that exists too, the shell asks again with the next one.
    if (key === 'r' || key === 'R') return [s, [{ type: 'write-file', path: otherName(path), content, overwrite: false }]];
    return [{ ...s, message: UI.writeKept(path) }, []];
  }
  if (s.message) s = { ...s, message: null };
  if (s.help) return [{ ...s, help: false }, []];
  const top = topOf(s);
  if (!top) return quit(s, env);
  const ctx = env.ctx(s);
  const row = lookup(keymapOf(s, ctx), key);
  if (!row) return [s, []];
  if (row.cmd === CMD.help) return [{ ...s, help: true }, []];
  if (row.cmd === CMD.back) return runCommands(s, [{ cmd: 'pop' }], top.id, env);
  if (row.cmd === CMD.quit) return quit(s, env);
  return updateEntry(s, top.id, { type: 'cmd', cmd: row.cmd.id, key }, env);
}

function handlePaste(s0: ShellState, text: string, env: ShellEnv): Step {
  // Keys typed faster than the event loop reads them arrive as one burst: "1000\n" is the text 1000
  // then Enter (so a fast typist's answer is submitted, not padded with a space); a Tab in a burst
  // is the Tab key. Text goes to a screen that types text; elsewhere each character is a key.
  let s = s0;
  const effects: Effect[] = [];
  const add = ([n, e]: Step) => {
    s = n;
    effects.push(...e);
  };
  for (const part of text.split(/([\n\t])/)) {
    if (s.done) break;
    if (part === '') continue;
    if (part === '\n' || part === '\t') {
      add(handleKey(s, part === '\n' ? 'enter' : 'tab', env));
      continue;
    }
    const top = topOf(s);
    if (top && !s.help && !s.confirm && !env.tooSmall && capturesText(keymapOf(s, env.ctx(s)))) {
      if (s.message) s = { ...s, message: null };
      add(updateEntry(s, top.id, { type: 'paste', text: part }, env));
      continue;
    }
    for (const ch of part) {
      if (s.done) break;
      add(handleKey(s, ch === ' ' ? 'space' : ch, env));
    }
  }
  return [s, effects];
}

export function shellUpdate(s: ShellState, ev: ShellEvent, env: ShellEnv): Step {
  switch (ev.type) {
    case 'key':
      return handleKey(s, ev.key, env);
    case 'paste':
      return handlePaste(s, ev.text, env);
    case 'tick': {
      const top = topOf(s);
      if (!top || s.done) return [s, []];
      return updateEntry(s, top.id, { type: 'tick', now: ev.now }, env);
    }
    case 'lessons': {
      const ctx = env.ctx(s);
      let changed = false;
      const stack = s.stack.map((e) => {
        if (e.request.screen !== 'lesson') return e;
        const old = e.state as LessonState | null;
        const lesson = old?.lesson;
        // Opened on a stub: open it again. A lesson the new list no longer holds (learn --watch
        // reloaded its file, or it broke; the language changed): the reader again on the new
        // version, as near to the old reading position as it can be.
        const stub = isStubLesson(lesson);
        const replaced = !stub && old !== null && (lesson ? !ctx.lessons.includes(lesson) : ctx.lessons.some((l) => l.meta.id === old.lessonId));
        if (!stub && !replaced) return e;
        try {
          const state = replaced && lesson ? reloadLessonState(old!, ctx) : e.def.init(e.request, ctx);
          changed = true;
          return { ...e, state };
        } catch {
          return e;
        }
      });
      return [changed ? { ...s, stack } : s, []];
    }
    case 'model': {
      const owner = s.jobs[ev.job];
      if (owner === undefined) return [s, []];
      const jobs = { ...s.jobs };
      delete jobs[ev.job];
      return updateEntry({ ...s, jobs }, owner.entry, { type: 'model', job: owner.job, result: ev.result }, env);
    }
    case 'written':
      return [{ ...s, message: UI.writeOk(ev.path) }, []];
    case 'write-failed':
      // An existing file is never replaced silently: the shell asks first.
      return ev.exists
        ? [{ ...s, confirm: { path: ev.path, content: ev.content }, message: UI.writeExists(ev.path, otherName(ev.path)) }, []]
        : [{ ...s, message: UI.writeFailed(ev.path, ev.error) }, []];
    case 'notice':
      return [{ ...s, message: ev.text }, []];
    case 'resume': {
      const next = ev.progress && ev.progress !== s.progress ? { ...s, progress: ev.progress } : s;
      const top = topOf(next);
      if (!top || next.done) return [next, []];
      return updateEntry(next, top.id, { type: 'resume' }, env);
    }
  }
}
