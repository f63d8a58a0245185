/**
 * The contract between the app shell (src/ui/app.tsx) and its screens.
 *
 * There is ONE root `useInput` (in app.tsx). It turns Ink's (input, key) into a `KeyName` (src/ui/keys.ts);
 * the pure shell (src/ui/shell.ts) looks the key up in the top screen's keymap (the binding table,
 * src/ui/bindings.ts) and hands the matching command to the screen's `update(state, msg, ctx)`, which
 * returns the next state and commands for the shell (push, pop, save progress, write a file, run
 * the model ...). The App (app.tsx) only runs those commands. Screens never call useInput.
 *
 * Time: screens that animate get `tick` msgs from one interval of the shell (an injectable clock,
 * so tests drive time by hand); updates read the time from `ctx.now`, never from the clock.
 */
import type { Lang } from '../i18n/index.js';
import type { ReactElement } from 'react';
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';
import type { Active } from './bindings.js';
import type { RunOptions } from '../tcp/types.js';

/** Normalised key names: 'up' 'down' 'left' 'right' 'enter' 'escape' 'tab' 'shift-tab' 'space'
 *  'pageup' 'pagedown' 'home' 'end' 'backspace' 'delete' 'ctrl-c' 'ctrl-<x>', or one printable
 *  character ('q', 'j', '?', 'G', '+', ...). Pasted text arrives as { paste: string }. */
export type KeyName = string;

export interface KeyBinding {
  /** Shown in the footer / help, e.g. 'space', '←/h'. */
  keys: string;
  /** Short label for the footer, e.g. 'play'. */
  label: string;
  /** Longer text for the help overlay. */
  help?: string;
  /** Show in the footer (the help overlay shows all). */
  footer?: boolean;
}
import type { DayOf } from '../quiz/days.js';

/** What the shell knows and screens may read (never mutate). */
export interface AppContext {
  width: number;
  height: number;
  ascii: boolean;
  color: boolean;
  lessons: Lesson[];
  /**
   * Lessons that failed to load: file and first error (line/col 1-based; absent or 0 = no position);
   * `lessonId` when the lesson is known (a watched lesson that broke: its reader shows the error).
   */
  broken: { file: string; message: string; line?: number; col?: number; lessonId?: string }[];
  progress: Progress;
  /** Current time (ms since epoch) from the injected clock; for timers, spaced repetition dates. */
  now: number;
  /** The learner's local calendar day of an instant (streaks, the due forecast), from the clock. */
  dayOf: DayOf;
}

/** Screen ids the shell can open. Each maps to a ScreenDef in src/ui/screens/index.ts. */
export type ScreenRequest =
  | { screen: 'home' }
  | { screen: 'lessons' }
  | { screen: 'lesson'; lessonId: string; position?: number }
  /**
   * relative: start with relative (true) or absolute (false) sequence numbers; default: the saved
   * setting (settings.relative). step / dropIds: start at this event with these segments dropped
   * (a lesson's diagram opened in the full player). origin: handed back in the player's result
   * when it closes (the lesson block that opened it).
   */
  | { screen: 'player'; source: string; name: string; relative?: boolean; step?: number; dropIds?: number[]; origin?: number }
  | { screen: 'playground' }
  | { screen: 'quiz'; options: Record<string, unknown> }
  | { screen: 'stats' }
  | { screen: 'help' };

export type ShellCommand =
  | { cmd: 'push'; request: ScreenRequest }
  | { cmd: 'replace'; request: ScreenRequest }
  /** Close the top screen; `result` goes to the screen under it with its `resume` msg. */
  | { cmd: 'pop'; result?: ScreenResult }
  | { cmd: 'quit' }
  /** Apply a pure update to the saved progress (the shell saves it atomically). */
  | { cmd: 'progress'; update: (p: Progress) => Progress }
  /** Write a file (the playground's "save as .tcp"); the shell reports success or the error, and
   *  asks before replacing an existing file unless `overwrite`. */
  | { cmd: 'write-file'; path: string; content: string; overwrite?: boolean }
  /** Switch the language (the home screen's setting): the shell sets it, saves it with the
   *  progress and reloads the lessons in it. */
  | { cmd: 'lang'; lang: Lang }
  /** Run the TCP model off the UI thread (src/ui/model-job.ts); the result comes back to the
   *  screen that asked as a `model` msg with this job number. */
  | { cmd: 'run-model'; job: number; request: ModelJob };

/** What a closing screen hands the one under it (the full player: where the learner left it). */
export type ScreenResult = {
  screen: 'player';
  step: number;
  seq: 'relative' | 'absolute';
  dropIds: number[];
  origin?: number;
};

/** A model run: a script and the model's options (src/ui/model-job.ts runs it; the result is the
 *  run memo's entry, src/tcp/run-cache.ts, so the screen's own reducer then finds it there). */
export interface ModelJob {
  kind: 'run';
  source: string;
  options: RunOptions;
}

/**
 * What a screen's update receives:
 * - `cmd`: a key, already looked up in the screen's keymap (src/ui/bindings.ts): the row's id and
 *   the key that ran it (e.g. { cmd: 'reader.scroll', key: 'j' });
 * - `paste`: several printable characters at once (a paste; only when the keymap types text);
 * - `tick`: the shell's clock while `animating(state)`;
 * - `resume`: the screen is on top again: the one above it closed (with that screen's result,
 *   if it gave one), or the app came back after a
 *   stop (Ctrl+Z then fg: the shell's progress is then re-read from disk if another synack changed
 *   it). Its commands are run like a key's (e.g. a refresh, a timer picked up again);
 * - `model`: the result of a `run-model` command this screen asked for (run off the UI thread);
 * - `quit`: the app is ending (Ctrl+C, q on the last screen, a signal): return the `progress`
 *   commands of what must not be lost (a grade held back for undo); other commands are ignored.
 */
export type Msg =
  | { type: 'cmd'; cmd: string; key: KeyName }
  | { type: 'paste'; text: string }
  | { type: 'tick'; now: number }
  | { type: 'resume'; result?: ScreenResult }
  | { type: 'model'; job: number; result: ModelResult }
  | { type: 'quit' };

/** What a run-model command computes (src/ui/model-job.ts) and what comes back as a `model` msg. */
export type ModelResult = { ok: true; value: unknown } | { ok: false; error: string };

/** What update returns: the next state (the same object when nothing changed) and shell commands. */
export type Update<S> = [S, ShellCommand[]];

export interface ScreenDef<S> {
  id: ScreenRequest['screen'];
  init(request: ScreenRequest, ctx: AppContext): S;
  /**
   * The commands active in this state, in footer order (src/ui/bindings.ts). The ONE source of the
   * screen's key handling, its footer, its `?` overlay rows and their --ascii forms: a key that no
   * row lists does nothing.
   */
  keymap(state: S, ctx: AppContext): Active[];
  /** The screen's reducer: every key command, tick, paste, resume and model result goes through it. */
  update(state: S, msg: Msg, ctx: AppContext): Update<S>;
  /** Whether update has a handler for a key command id (the binding test walks it). */
  handles(cmd: string): boolean;
  /** Whether the screen currently wants ticks (e.g. the player is playing). */
  animating?(state: S): boolean;
  view(state: S, ctx: AppContext): ReactElement;
  title(state: S, ctx: AppContext): string;
}

/** A handler of one key command: the state and the key that ran it. */
export type KeyHandler<S> = (state: S, key: KeyName, ctx: AppContext) => Update<S>;

/**
 * Builds a screen's `update` and `handles` from its key handlers (by command id, src/ui/bindings.ts)
 * and a function for the other msgs (tick, paste, resume, model). A command with no handler changes
 * nothing; test/ui/bindings.test.ts checks every active row has one.
 */
export function keyUpdate<S>(
  handlers: Record<string, KeyHandler<S>>,
  rest: (state: S, msg: Exclude<Msg, { type: 'cmd' }>, ctx: AppContext) => Update<S> = (s) => [s, []],
): { update: (state: S, msg: Msg, ctx: AppContext) => Update<S>; handles: (cmd: string) => boolean } {
  return {
    update(state, msg, ctx) {
      if (msg.type !== 'cmd') return rest(state, msg, ctx);
      const h = Object.prototype.hasOwnProperty.call(handlers, msg.cmd) ? handlers[msg.cmd] : undefined;
      return h ? h(state, msg.key, ctx) : [state, []];
    },
    handles: (cmd) => Object.prototype.hasOwnProperty.call(handlers, cmd),
  };
}

/** A screen-internal step: an action for its reducer and/or shell commands. */
export interface KeyResult<A> {
  action?: A;
  commands?: ShellCommand[];
}
