/**
 * The contract between the app shell (src/ui/app.tsx) and its screens.
 *
 * There is ONE root `useInput` (in app.tsx). It turns Ink's (input, key) into a `KeyName` through the
 * one key table (src/ui/keys.ts) and hands it to the current screen's `onKey`, which returns an
 * action for the screen's pure reducer, or a command for the shell. Screens never call useInput.
 *
 * Time: screens that animate implement `tick(state, nowMs)`; the shell calls it from one interval
 * (an injectable clock, so tests drive time by hand). Reducers and onKey never read the clock.
 */
import type { Lang } from '../i18n/index.js';
import type { ReactElement } from 'react';
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';

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
  /** relative: start with relative (true) or absolute (false) sequence numbers; default absolute. */
  | { screen: 'player'; source: string; name: string; relative?: boolean }
  | { screen: 'playground' }
  | { screen: 'quiz'; options: Record<string, unknown> }
  | { screen: 'stats' }
  | { screen: 'help' };

export type ShellCommand =
  | { cmd: 'push'; request: ScreenRequest }
  | { cmd: 'replace'; request: ScreenRequest }
  | { cmd: 'pop' }
  | { cmd: 'quit' }
  /** Apply a pure update to the saved progress (the shell saves it atomically). */
  | { cmd: 'progress'; update: (p: Progress) => Progress }
  /** Write a file (the playground's "save as .tcp"); the shell reports success or the error, and
   *  asks before replacing an existing file unless `overwrite`. */
  | { cmd: 'write-file'; path: string; content: string; overwrite?: boolean }
  /** Switch the language (the home screen's setting): the shell sets it, saves it with the
   *  progress and reloads the lessons in it. */
  | { cmd: 'lang'; lang: Lang };

/** What onKey returns: nothing, one screen action, shell commands, or both. */
export interface KeyResult<A> {
  action?: A;
  commands?: ShellCommand[];
}

export interface ScreenDef<S, A> {
  id: ScreenRequest['screen'];
  init(request: ScreenRequest, ctx: AppContext): S;
  reduce(state: S, action: A, ctx: AppContext): S;
  onKey(state: S, key: KeyName, ctx: AppContext): KeyResult<A> | null;
  /** The screen is on top again after the one above it was closed (e.g. the lesson list follows
   *  the lesson read last). Return the same object when nothing changes. Optional. */
  resume?(state: S, ctx: AppContext): S;
  /** Pasted text (several characters at once). Optional. */
  onPaste?(state: S, text: string, ctx: AppContext): KeyResult<A> | null;
  /** Animation: advance to time `now`. Return the same object when nothing changed. */
  tick?(state: S, now: number, ctx: AppContext): S;
  /** Whether the screen currently wants ticks (e.g. the player is playing). */
  animating?(state: S): boolean;
  bindings(state: S, ctx: AppContext): KeyBinding[];
  /** True while the screen captures text input (so 'q' types a q instead of going back). */
  capturesText?(state: S): boolean;
  view(state: S, ctx: AppContext): ReactElement;
  title(state: S, ctx: AppContext): string;
}
