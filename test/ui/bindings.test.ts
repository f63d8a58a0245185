/**
 * The binding table (src/ui/bindings.ts) is the one source of what keys do: walked over the screens'
 * states, reached by the pure shell (src/ui/shell.ts) from every screen the app opens:
 * - every row a screen lists (footer or `?` overlay) has a handler in that screen's update;
 * - every key a row shows (its display keys, and the --ascii form) is one of the keys it runs;
 * - a key that no active row lists (screen's or shell's) does nothing: same state, no effect;
 * - a key a row lists reaches the screen (or the shell's own row);
 * - the rows' labels and help follow the language of the moment they are read.
 */
import { describe, expect, it } from 'vitest';
import { CMD, SHELL_KEYS, lookup, shown, type Active, type Command } from '../../src/ui/bindings.js';
import { initShell, keymapOf, shellUpdate, topOf, type ShellEnv, type ShellState } from '../../src/ui/shell.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import type { AppContext, KeyName, ScreenRequest } from '../../src/ui/screen.js';
import { utcDay } from '../../src/quiz/days.js';
import { withLang } from '../../src/i18n/index.js';
import { bundledLessons, sampleProgress, T0 } from './helpers/fixtures.js';
import { builtInScenarios } from '../../src/ui/player/run.js';

const lessons = bundledLessons();

function env(width = 80, rows = 24): ShellEnv {
  return {
    registry: SCREENS,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({
      width,
      height: rows - 3,
      ascii: false,
      color: false,
      lessons,
      broken: [],
      progress: s.progress,
      now: T0,
      dayOf: utcDay,
    }),
  };
}

const NAMED: KeyName[] = ['up', 'down', 'left', 'right', 'enter', 'escape', 'tab', 'shift-tab', 'space', 'pageup', 'pagedown', 'home', 'end', 'backspace', 'ctrl-t', 'ctrl-a'];
const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?+-=_[]/.,;\'"!@#$%^&*()<>|~`'];
const UNIVERSE: KeyName[] = [...NAMED, ...CHARS];

/** The KeyNames a display string names ('↑/↓ j/k', 'PgUp/PgDn space', '1-4 a-d', 'q/Esc'). */
function displayed(display: string): KeyName[] | null {
  const words: Record<string, KeyName[]> = {
    '↑': ['up'], '↓': ['down'], '←': ['left'], '→': ['right'], Up: ['up'], Down: ['down'], Left: ['left'], Right: ['right'],
    '->': ['right'], '<-': ['left'],
    Enter: ['enter'], enter: ['enter'], Esc: ['escape'], esc: ['escape'], Tab: ['tab'], space: ['space'],
    PgUp: ['pageup'], PgDn: ['pagedown'], Home: ['home'], End: ['end'], Backspace: ['backspace'],
    'Ctrl+T': ['ctrl-t'], 'Ctrl+C': ['ctrl-c'],
  };
  const out: KeyName[] = [];
  for (const tok of display.split(/[ /]+/).filter(Boolean)) {
    if (words[tok]) out.push(...words[tok]);
    else if (/^[1-9]-[1-9]$/.test(tok)) for (let i = Number(tok[0]); i <= Number(tok[2]); i++) out.push(String(i));
    else if (/^[a-z]-[a-z]$/.test(tok)) for (let c = tok.charCodeAt(0); c <= tok.charCodeAt(2); c++) out.push(String.fromCharCode(c));
    else if ([...tok].length === 1) out.push(tok);
    else return null;
  }
  return out;
}

function runs(c: Command, key: KeyName): boolean {
  return c.keys === 'printable' ? key === 'space' || [...key].length === 1 : c.keys.includes(key);
}

/** A small deterministic generator (the walk is the same every run). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const STARTS: ScreenRequest[][] = [
  [{ screen: 'home' }],
  [{ screen: 'lessons' }],
  [{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'three-way-handshake' }],
  [{ screen: 'lessons' }, { screen: 'lesson', lessonId: 'tcp-header' }],
  [{ screen: 'lessons' }, { screen: 'lesson', lessonId: lessons[0].meta.id }],
  [{ screen: 'player', source: builtInScenarios()[0].source, name: builtInScenarios()[0].name }],
  [{ screen: 'playground' }],
  [{ screen: 'quiz', options: {} }],
  [{ screen: 'quiz', options: { mode: 'drill', count: 6, seed: 3 } }],
  [{ screen: 'quiz', options: { mode: 'mock', count: 4, seed: 5, timeLimitSec: null } }],
  [{ screen: 'stats' }],
  [{ screen: 'help' }],
];

interface Problem {
  screen: string;
  what: string;
}

/** Checks one state; returns what is wrong. */
function check(s: ShellState, e: ShellEnv): Problem[] {
  const problems: Problem[] = [];
  const top = topOf(s)!;
  const ctx = e.ctx(s);
  const active = keymapOf(s, ctx);
  const screen = top.def.id;
  for (const a of [...active, ...SHELL_KEYS]) {
    const shellRow = a.cmd === CMD.help || a.cmd === CMD.back || a.cmd === CMD.quit;
    if (!shellRow && !top.def.handles(a.cmd.id)) problems.push({ screen, what: `row ${a.cmd.id} has no handler` });
    if (a.cmd.keys === 'printable') continue;
    for (const form of [a.cmd.display, a.cmd.ascii]) {
      const keys = displayed(form);
      if (keys === null) problems.push({ screen, what: `row ${a.cmd.id} shows '${form}', not key names` });
      else for (const k of keys) if (!runs(a.cmd, k)) problems.push({ screen, what: `row ${a.cmd.id} shows '${k}' (${form}) but does not run on it` });
    }
  }
  // Keys outside the active rows do nothing at all.
  const quiet = s.message ? { ...s, message: null } : s;
  for (const key of UNIVERSE) {
    if (lookup(active, key)) continue;
    const [next, effects] = shellUpdate(quiet, { type: 'key', key }, e);
    if (next !== quiet || effects.length) problems.push({ screen, what: `key ${key} is in no row but acted` });
  }
  return problems;
}

describe('the binding table', () => {
  it('every row a screen lists is handled and shows only its own keys; keys in no row do nothing', () => {
    const e = env();
    const problems: Problem[] = [];
    const seen = new Map<string, Set<string>>();
    STARTS.forEach((start, si) => {
      const next = rng(1000 + si);
      let s = initShell(start, sampleProgress(lessons), null, e);
      for (let step = 0; step < 120; step++) {
        if (s.done || !topOf(s)) s = initShell(start, sampleProgress(lessons), null, e);
        s = { ...s, help: false, confirm: null };
        const top = topOf(s)!;
        const active = keymapOf(s, e.ctx(s));
        const ids = seen.get(top.def.id) ?? new Set<string>();
        for (const a of active) ids.add(a.cmd.id);
        seen.set(top.def.id, ids);
        if (step % 3 === 0) problems.push(...check(s, e));
        // Mostly keys the screen lists (so the walk goes deep), sometimes any key; rarely leave.
        const listed = active.flatMap((a: Active) => (a.cmd.keys === 'printable' ? ['x', '1'] : [...a.cmd.keys]));
        let key = next(4) === 0 || !listed.length ? UNIVERSE[next(UNIVERSE.length)] : listed[next(listed.length)];
        // In the reader, Tab often: the walk reaches the quizzes, diagrams and layers blocks.
        if (top.def.id === 'lesson' && next(3) === 0) key = 'tab';
        if ((key === 'q' || key === 'escape') && next(4) !== 0) key = 'down';
        s = shellUpdate(s, { type: 'key', key }, e)[0];
      }
    });
    expect(problems.slice(0, 20)).toEqual([]);
    // The walk reached every screen and the states that matter (a focused question, the player's keys).
    expect([...seen.keys()].sort()).toEqual(['help', 'home', 'lesson', 'lessons', 'player', 'playground', 'quiz', 'stats']);
    const lessonRows = seen.get('lesson')!;
    for (const id of ['reader.scroll', 'question.answer', 'reader.unfocus', 'player.play', 'quiz.retry']) expect(lessonRows.has(id), id).toBe(true);
    const quizRows = seen.get('quiz')!;
    for (const id of ['quiz-menu.start', 'question.answer', 'quiz.next', 'quiz.finish']) expect(quizRows.has(id), id).toBe(true);
  });

  it('a focused true/false quiz owns exactly its keys: 2 and b pick "false", no key scrolls the page under it', () => {
    const e = env();
    let s = initShell([{ screen: 'lesson', lessonId: 'three-way-handshake' }], sampleProgress(lessons), null, e);
    const lesson = lessons.find((l) => l.meta.id === 'three-way-handshake')!;
    const tf = lesson.blocks.findIndex((b) => b.type === 'quiz' && b.question.type === 'truefalse');
    if (tf < 0) return; // (the lesson has no true/false quiz: nothing to check here)
    for (let i = 0; i < 200 && (topOf(s)!.state as { focus: number | null }).focus !== tf; i++) s = shellUpdate(s, { type: 'key', key: 'tab' }, e)[0];
    expect((topOf(s)!.state as { focus: number | null }).focus).toBe(tf);
    const rows = shown(keymapOf(s, e.ctx(s)), false);
    expect(rows.map((r) => r.keys)).toContain('1/2 a/b t/f y/n');
    const anchor = (topOf(s)!.state as { anchor: unknown }).anchor;
    for (const key of ['j', 'k', 'space', 'g', 'G', 'n', 'p', 'down', 'up', 'home', 'end']) {
      const [next] = shellUpdate(s, { type: 'key', key }, e);
      expect((topOf(next)!.state as { anchor: unknown }).anchor, key).toEqual(anchor);
    }
    s = shellUpdate(s, { type: 'key', key: 'b' }, e)[0];
    expect((topOf(s)!.state as { quizzes: Record<number, { cursor: number }> }).quizzes[tf].cursor).toBe(1);
    s = shellUpdate(s, { type: 'key', key: '1' }, e)[0];
    expect((topOf(s)!.state as { quizzes: Record<number, { cursor: number }> }).quizzes[tf].cursor).toBe(0);
    s = shellUpdate(s, { type: 'key', key: '2' }, e)[0];
    expect((topOf(s)!.state as { quizzes: Record<number, { cursor: number }> }).quizzes[tf].cursor).toBe(1);
  });

  it("rows read the catalogues when shown: every screen's rows change with the language", () => {
    const e = env();
    for (const start of STARTS) {
      const s = initShell(start, sampleProgress(lessons), null, e);
      const rows = [...keymapOf(s, e.ctx(s)), ...SHELL_KEYS];
      const en = withLang('en', () => shown(rows, false));
      const zh = withLang('zh-CN', () => shown(rows, false));
      en.forEach((r, i) => {
        expect(zh[i].help, `${topOf(s)!.def.id}: ${r.keys} help`).not.toBe(r.help);
      });
    }
  });
});
