/**
 * The ONE binding table: what every key of the app means, per command.
 *
 * A command (`Command`) is one row: its id, the KeyNames the key reader produces for it
 * (src/ui/keys.ts), the keys as the footer and the `?` overlay show them, the `--ascii` form of
 * those, the footer label and the help text. Labels are getters over the strings catalogues
 * (src/ui/strings.ts, src/ui/player/strings.ts ...), read when a footer is drawn: never copied at
 * import, so a language switch on the home screen changes every footer and the help overlay.
 *
 * A screen declares, for its current state, which commands are active (`keymap(state, ctx)`, a
 * list of `Active` rows in footer order). The shell then does everything else from that list:
 * - a key is looked up in the active rows (first match wins), then in the shell's own rows
 *   (`?` help, q/Esc back, Ctrl+C quit); the match becomes the msg { type: 'cmd', cmd: id, key }
 *   handed to the screen's `update`; a key no active row lists does nothing at all;
 * - the footer is the active rows with `footer !== false`, then `? help`;
 * - the `?` overlay is every active row (display keys + help text), then the shell's rows;
 * - `--ascii` shows each row's `ascii` form.
 * So the handlers, the footer, the overlay and --ascii cannot drift: they are the same rows.
 *
 * How to add a key (e.g. a chart key `c` in the player):
 * 1. Add its strings (label, help) to the screen's strings catalogue, both languages.
 * 2. Add a row here in CMD: `chart: cmd('player.chart', ['c'], () => ({ keys: 'c', label: S.keys.chart,
 *    help: S.keys.chartHelp }))` (keys: what src/ui/keys.ts produces: 'c', 'enter', 'up', 'ctrl-t' ...).
 * 3. In the screen's `keymap`, add `on(CMD.chart)` (or `off(CMD.chart)` to keep it out of the footer
 *    but in the `?` overlay) where the key is active.
 * 4. In the screen's `update`, handle `msg.type === 'cmd' && msg.cmd === CMD.chart.id`.
 * test/ui/bindings.test.ts then checks that the key does something wherever it is listed and that
 * the display keys only name keys of the row.
 */
import type { KeyName } from './screen.js';
import { UI, KB, QK, RS } from './strings.js';
import { asciiArrows } from './components/theme.js';
import { asciiText, playerStrings as S } from './player/strings.js';
import { Q } from '../quiz/strings.js';

/** A catalogue entry: keys as shown, footer label, help text (read in the current language). */
export interface KeyText {
  keys: string;
  label: string;
  help?: string;
}

export interface Command {
  readonly id: string;
  /** The KeyNames that run it; 'printable' = any printable character (typing into a field). */
  readonly keys: readonly KeyName[] | 'printable';
  /** The keys as the footer / help show them ('↑/↓ j/k'). */
  readonly display: string;
  /** The same for --ascii. */
  readonly ascii: string;
  readonly label: string;
  readonly help: string;
  /** --ascii form of a label or help text (arrows as words, or the player's fallbacks). */
  asciiOf(s: string): string;
}

export function isPrintable(key: KeyName): boolean {
  // eslint-disable-next-line no-control-regex
  return key === 'space' || ([...key].length === 1 && !/[\u0000-\u001f\u007f-\u009f]/.test(key));
}

export function matches(c: Command, key: KeyName): boolean {
  return c.keys === 'printable' ? isPrintable(key) : c.keys.includes(key);
}

const arrows = (s: string) => asciiArrows(s, true);
const playerAscii = (s: string) => asciiText(s, true);

/** A command whose texts come from a catalogue entry, read each time they are shown. */
export function cmd(id: string, keys: readonly KeyName[] | 'printable', text: () => KeyText, asciiOf: (s: string) => string = arrows): Command {
  return {
    id,
    keys,
    get display() {
      return text().keys;
    },
    get ascii() {
      return asciiOf(text().keys);
    },
    get label() {
      return text().label;
    },
    get help() {
      const t = text();
      return t.help ?? t.label;
    },
    asciiOf,
  };
}

const digits = (n: number) => Array.from({ length: Math.max(0, Math.min(9, n)) }, (_, i) => String(i + 1));
const letters = (n: number) => Array.from({ length: Math.max(0, Math.min(26, n)) }, (_, i) => String.fromCharCode(97 + i));
const letter = (i: number) => String.fromCharCode(97 + i);

/** Player keys (the full player, the playground and a lesson's focused diagram). */
const P = {
  play: cmd('player.play', ['space'], () => ({ keys: 'space', label: S.keys.play, help: S.keys.playHelp }), playerAscii),
  step: cmd('player.step', ['right', 'l'], () => ({ keys: '→/l', label: S.keys.step, help: S.keys.stepHelp }), playerAscii),
  back: cmd('player.back', ['left', 'h'], () => ({ keys: '←/h', label: S.keys.back, help: S.keys.backHelp }), playerAscii),
  /** The playground's step key: both directions in one row. */
  stepBoth: cmd('player.step-both', ['left', 'right', 'h', 'l'], () => ({ keys: '←/→', label: S.keys.step, help: S.pg.keys.stepHelp }), playerAscii),
  drop: cmd('player.drop', ['d'], () => ({ keys: 'd', label: S.keys.drop, help: S.keys.dropHelp }), playerAscii),
  undo: cmd('player.undo', ['u'], () => ({ keys: 'u', label: S.keys.undo, help: S.keys.undoHelp }), playerAscii),
  seq: cmd('player.seq', ['s'], () => ({ keys: 's', label: S.keys.seq, help: S.keys.seqHelp }), playerAscii),
  speed: cmd('player.speed', ['+', '=', '-', '_'], () => ({ keys: '+/-', label: S.keys.speed, help: S.keys.speedHelp }), playerAscii),
  restart: cmd('player.restart', ['r'], () => ({ keys: 'r', label: S.keys.restart, help: S.keys.restartHelp }), playerAscii),
  ends: cmd('player.ends', ['home', 'end'], () => ({ keys: 'Home/End', label: S.keys.ends, help: S.keys.endsHelp }), playerAscii),
  chart: cmd('player.chart', ['c'], () => ({ keys: 'c', label: S.keys.chart, help: S.keys.chartHelp }), playerAscii),
  /** In the chart view: the next set of series (all four, without rwnd, cwnd and ssthresh). */
  chartMetrics: cmd('player.chart-metrics', ['m'], () => ({ keys: 'm', label: S.keys.chartMetrics, help: S.keys.chartMetricsHelp }), playerAscii),
  leave: cmd('player.leave', ['q', 'escape'], () => ({ keys: 'q/Esc', label: S.keys.back2, help: S.keys.back2Help }), playerAscii),
  /** Scrolling the diagram back through earlier rows (issue 14): ↑/↓ k/j K/J a row, PgUp/PgDn a page. */
  scroll: cmd('player.scroll', ['up', 'down', 'k', 'j', 'K', 'J'], () => ({ keys: '↑/↓', label: S.keys.scroll, help: S.keys.scrollHelp }), playerAscii),
  scrollPage: cmd('player.scroll-page', ['pageup', 'pagedown'], () => ({ keys: 'PgUp/PgDn', label: S.keys.scrollPage, help: S.keys.scrollPageHelp }), playerAscii),
  /** The same in a lesson's diagram, where ↑/↓ and PgUp/PgDn move the page: K/J only. */
  scrollInline: cmd('player.scroll', ['K', 'J'], () => ({ keys: 'K/J', label: S.keys.scroll, help: S.keys.scrollInlineHelp }), playerAscii),
  legend: cmd('player.legend', ['L'], () => ({ keys: 'L', label: S.keys.legend, help: S.keys.legendHelp }), playerAscii),
  save: cmd('player.save', ['w'], () => ({ keys: 'w', label: S.keys.save, help: S.keys.saveHelp }), playerAscii),
};

export const CMD = {
  // The shell's own rows (every screen): listed after the screen's.
  help: cmd('shell.help', ['?'], () => UI.keyHelp),
  back: cmd('shell.back', ['q', 'escape'], () => UI.keyBack),
  quit: cmd('shell.quit', ['ctrl-c'], () => UI.keyQuit),

  // Menus (home, the scenario picker, the lesson list).
  menuMove: cmd('menu.move', ['up', 'down', 'j', 'k', 'tab', 'shift-tab'], () => UI.keyMove),
  menuPage: cmd('menu.page', ['pageup', 'pagedown'], () => KB.menuPage),
  menuEnds: cmd('menu.ends', ['home', 'end', 'g', 'G'], () => UI.keyFirstLast),
  menuOpen: cmd('menu.open', ['enter', 'right', 'l'], () => UI.keyOpen),
  menuPick: cmd('menu.pick', digits(9), () => UI.keyPick),
  homeQuit: cmd('home.quit', ['q'], () => UI.keyQuitHome),
  /** A settings row of the home menu (new cards a day, the interview timer). */
  homeSetting: cmd('home.setting', ['-', '+', '='], () => RS.keySetting),
  pickerPlay: cmd('picker.play', ['enter', 'right', 'l'], () => UI.keyPlayScenario),
  pickerClose: cmd('picker.close', ['escape', 'q', 'left'], () => UI.keyClose),
  lessonsOpen: cmd('lessons.open', ['enter', 'right', 'l'], () => UI.keyOpenLesson),

  // The lesson reader.
  scroll: cmd('reader.scroll', ['up', 'down', 'j', 'k'], () => UI.keyScroll),
  page: cmd('reader.page', ['pageup', 'pagedown', 'space', 'b'], () => UI.keyPage),
  pageKeys: cmd('reader.page-keys', ['pageup', 'pagedown'], () => KB.pageKeys),
  section: cmd('reader.section', ['n', 'p'], () => UI.keySection),
  focus: cmd('reader.focus', ['tab', 'shift-tab'], () => UI.keyFocus),
  nextBlock: cmd('reader.next-block', ['tab', 'shift-tab'], () => UI.keyNextBlock),
  top: cmd('reader.ends', ['home', 'end', 'g', 'G'], () => UI.keyTop),
  readerHint: cmd('reader.hint', ['h'], () => UI.keyHint),
  nextLesson: cmd('reader.next-lesson', ['enter'], () => KB.nextLesson),
  unfocus: cmd('reader.unfocus', ['escape'], () => UI.keyUnfocus),
  leave: cmd('reader.leave', ['q', 'escape'], () => UI.keyBack),
  notFoundBack: cmd('reader.not-found-back', ['q', 'escape', 'enter'], () => UI.keyBack),
  openPlayer: cmd('reader.open-player', ['enter'], () => UI.keyOpenPlayer),
  // The reader's search (less-style) and table of contents.
  search: cmd('reader.search', ['/'], () => RS.keySearch),
  searchStep: cmd('reader.search-step', ['n', 'N'], () => RS.keySearchStep),
  searchSubmit: cmd('reader.search-submit', ['enter'], () => RS.keySearchSubmit),
  searchCancel: cmd('reader.search-cancel', ['escape'], () => RS.keySearchCancel),
  searchType: cmd('reader.search-type', 'printable', () => RS.keySearchType),
  searchErase: cmd('reader.search-erase', ['backspace'], () => RS.keySearchErase),
  searchClear: cmd('reader.search-clear', ['escape'], () => RS.keySearchClear),
  sectionPrev: cmd('reader.section-prev', ['p'], () => RS.keySectionPrev),
  toc: cmd('reader.toc', ['t'], () => RS.keyToc),
  tocMove: cmd('toc.move', ['up', 'down', 'j', 'k'], () => RS.keyTocMove),
  tocJump: cmd('toc.jump', ['enter'], () => RS.keyTocJump),
  tocClose: cmd('toc.close', ['escape', 't', 'q'], () => RS.keyTocClose),
  layerStep: cmd('layers.step', ['left', 'right', 'h', 'l'], () => UI.keyLayerStep),
  layersPlay: cmd('layers.play', ['space'], () => UI.keyLayersPlay),
  layersStart: cmd('layers.start', ['home', '0'], () => KB.layersStart),
  retry: cmd('quiz.retry', ['r'], () => UI.keyRetry),
  answeredHint: cmd('quiz.answered-hint', ['h'], () => UI.keyHint),

  // The player and the playground.
  player: P,
  pgChoose: cmd('playground.choose', ['up', 'down', 'j', 'k'], () => ({ keys: '↑/↓', label: S.pg.keys.choose, help: S.pg.keys.chooseHelp }), playerAscii),
  pgDo: cmd('playground.do', ['enter'], () => ({ keys: 'Enter', label: S.pg.keys.doIt, help: S.pg.keys.doItHelp }), playerAscii),
  pgUndo: cmd('playground.undo', ['u'], () => ({ keys: 'u', label: S.pg.keys.undo, help: S.pg.keys.undoHelp }), playerAscii),
  pgSeq: cmd('playground.seq', ['s'], () => ({ keys: 's', label: S.keys.seq, help: S.pg.keys.seqHelp }), playerAscii),
  pgLeave: cmd('playground.leave', ['q', 'escape'], () => ({ keys: 'q/Esc', label: S.pg.keys.back, help: S.pg.keys.backHelp }), playerAscii),
  promptConfirm: cmd('prompt.confirm', ['enter'], () => ({ keys: 'Enter', label: S.pg.keys.confirm, help: S.pg.promptHint }), playerAscii),
  promptCancel: cmd('prompt.cancel', ['escape'], () => ({ keys: 'Esc', label: S.pg.keys.cancel, help: S.pg.promptHint }), playerAscii),
  promptType: cmd('prompt.type', 'printable', () => QK.type),
  promptErase: cmd('prompt.erase', ['backspace'], () => QK.backspace),

  // The interview-prep screen.
  qmMove: cmd('quiz-menu.move', ['up', 'down', 'j', 'k'], () => KB.quizMenuMove),
  qmStart: cmd('quiz-menu.start', ['enter'], () => KB.quizMenuStart),
  qmTopic: cmd('quiz-menu.topic', ['space'], () => KB.quizMenuTopic),
  qmCount: cmd('quiz-menu.count', ['-', '+', '='], () => KB.quizMenuCount),
  qmTimer: cmd('quiz-menu.timer', ['[', ']'], () => KB.quizMenuTimer),
  quizNext: cmd('quiz.next', ['enter', 'space', 'n'], () => KB.quizNext),
  quizUndo: cmd('quiz.undo', ['u'], () => Q.undoKey),
  quizFinish: cmd('quiz.finish', ['escape'], () => KB.quizFinish),
  quizLeave: cmd('quiz.leave', ['q', 'escape'], () => UI.keyBack),
  /** The report: Enter or q back to the interview menu. */
  quizReportMenu: cmd('quiz.report-menu', ['enter', 'q'], () => ({ keys: 'enter/q', label: KB.quizToMenu.label, help: KB.quizToMenu.help })),
  quizConfirmYes: cmd('quiz.confirm-yes', ['y', 'enter'], () => Q.confirmYes),
  quizConfirmNo: cmd('quiz.confirm-no', ['n', 'escape'], () => Q.confirmNo),
  quizToMenu: cmd('quiz.to-menu', ['enter'], () => KB.quizToMenu),

  // Scrolling pages (stats, help).
  pageScroll: cmd('page.scroll', ['up', 'down', 'j', 'k'], () => UI.keyScroll),
  pagePage: cmd('page.page', ['pageup', 'pagedown', 'space'], () => KB.pagePage),
  pageEnds: cmd('page.ends', ['home', 'end', 'g', 'G'], () => UI.keyTop),
};

/** A question's commands (its keys depend on the number of choices). */
export const QCMD = {
  move: cmd('question.move', ['up', 'down', 'j', 'k'], () => QK.move),
  pick: (n: number) => cmd('question.pick', [...digits(n), ...letters(n)], () => QK.pick(`1-${n} a-${letter(n - 1)}`)),
  truefalse: cmd('question.pick', ['1', '2', 'a', 'b', 't', 'f', 'y', 'n'], () => QK.pick('1/2 a/b t/f y/n')),
  toggle: (n: number) => cmd('question.toggle', ['space', ...digits(n), ...letters(n)], () => QK.toggle(`space 1-${n} a-${letter(n - 1)}`)),
  grab: cmd('question.grab', ['space'], () => QK.grab),
  answer: cmd('question.answer', ['enter'], () => QK.answer),
  submit: cmd('question.answer', ['enter'], () => QK.submit),
  type: cmd('question.type', 'printable', () => QK.type),
  erase: cmd('question.backspace', ['backspace'], () => QK.backspace),
  reveal: cmd('question.reveal', ['enter'], () => QK.reveal),
  grade: cmd('question.grade', ['1', '2', '3', '4'], () => QK.grade),
  hint: (keys: readonly KeyName[], shown: string) => cmd('question.hint', keys, () => QK.hint(shown)),
};

/** A screen's key handlers by command id (see ScreenDef.update); `handles` for the binding test. */
export type Handlers<S, R> = Record<string, (s: S, key: KeyName) => R>;

/** One active row of a screen's keymap. */
export interface Active {
  cmd: Command;
  /** Shown in the footer (default true); the `?` overlay shows every row. */
  footer?: boolean;
}

export const on = (c: Command): Active => ({ cmd: c, footer: true });
export const off = (c: Command): Active => ({ cmd: c, footer: false });

/** The shell's rows, after every screen's. */
export const SHELL_KEYS: readonly Active[] = [off(CMD.help), off(CMD.back), off(CMD.quit)];

/** The row a key runs: the screen's first, then the shell's; undefined = the key does nothing. */
export function lookup(active: readonly Active[], key: KeyName): Active | undefined {
  return active.find((a) => matches(a.cmd, key)) ?? SHELL_KEYS.find((a) => matches(a.cmd, key));
}

/** What the footer and the overlay show for a row. */
export interface ShownBinding {
  keys: string;
  label: string;
  help: string;
  footer: boolean;
}

export function shown(active: readonly Active[], ascii: boolean): ShownBinding[] {
  return active.map((a) => {
    const c = a.cmd;
    return {
      keys: ascii ? c.ascii : c.display,
      label: ascii ? c.asciiOf(c.label) : c.label,
      help: ascii ? c.asciiOf(c.help) : c.help,
      footer: a.footer !== false,
    };
  });
}

/** Whether a row types text (the screen then takes printable keys such as q and ?). */
export function capturesText(active: readonly Active[]): boolean {
  return active.some((a) => a.cmd.keys === 'printable');
}
