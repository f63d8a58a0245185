/**
 * The inline player the lesson reader embeds for ```tcp blocks. Same pure player core as the
 * full-screen player, in a fixed-height box.
 *
 * API for the lesson reader (it owns focus and the one root useInput; this module never reads keys):
 *
 *   let s = initInline(block.source, block.caption, block.scenario ?? 'tcp', block.chart ?? null);  // InlineState
 *   // when the block is focused (Tab), for each key:
 *   const a = onKeyInline(s, key);           // InlineAction | null (null: the key is not the player's)
 *   if (a) s = reduceInline(s, a);
 *   // animation: while inlineAnimating(s), call s = tickInline(s, now) from the shell's clock
 *   <InlineView state={s} width={w} focused={isFocused} ascii={ctx.ascii} color={ctx.color} />
 *   inlineHeight(s) -> rows InlineView takes (fixed per state, for the reader's scroll maths)
 *   inlineLines(s, innerWidth, focused, ascii)  -> string[]      the box's inner lines (no border)
 *   inlineStyled(s, innerWidth, focused, ascii) -> StyledLine[]  the same with the renderer's roles
 *                                                                (colour flags, states, drops)
 *   INLINE_BINDINGS / inlineBindings(ascii) -> KeyBinding[] for the footer/help while focused
 *
 * Keys (when focused): space play/pause, →/l step, ←/h back, +/- speed, r restart, d drop next
 * segment, u undo drop, s relative/absolute seq. Tab/Esc/q are left to the reader.
 */
import { Box, Text } from 'ink';
import type { KeyBinding, KeyName } from '../screen.js';
import { borderStyle, col, glyphs } from '../components/theme.js';
import { truncate, wrap } from '../components/text.js';
import { diagramView, plainLine, textWindow, type StyledLine } from './diagram.js';
import { StyledDiagramLine } from './StyledLines.js';
import {
  currentExplanation,
  eventCount,
  initPlayer,
  inFlight,
  panelData,
  reducePlayer,
  tickPlayer,
  type PlayerAction,
  type PlayerState,
  type SeqMode,
} from './model.js';
import { chartStyled, playerLegendLines, statusLine } from './view.js';
import type { ChartMetric } from '../../diagram/chart.js';
import { asciiText, playerStrings as S } from './strings.js';
import { KB } from '../strings.js';
import { sanitizeText } from '../../lessons/sanitize.js';

export interface InlineState {
  player: PlayerState;
  caption: string | null;
  /** The lesson's `chart:` series: the congestion chart under the diagram (null: none). */
  chart: ChartMetric[] | null;
}

export type InlineAction = PlayerAction;

/** Rows of diagram inside the inline box. */
export const INLINE_DIAGRAM_ROWS = 12;
/** Rows of the congestion chart under the diagram (a block with `chart:`). */
export const INLINE_CHART_ROWS = 12;

export function initInline(source: string, caption: string | null, name = 'tcp', chart: readonly ChartMetric[] | null = null, seq: SeqMode = 'absolute'): InlineState {
  const player = reducePlayer(initPlayer(source, name), { type: 'set-seq', seq });
  return { player, caption, chart: chart && chart.length > 0 ? [...chart] : null };
}

/** The inline player as the full player left it (`Enter` opened it; q/Esc came back): the same
 *  event under the cursor, seq mode and drops. */
export function resumeInline(state: InlineState, r: { step: number; seq: SeqMode; dropIds: readonly number[] }): InlineState {
  let p = state.player;
  const same = p.dropIds.length === r.dropIds.length && p.dropIds.every((d, i) => d === r.dropIds[i]);
  if (!same) p = reducePlayer(p, { type: 'load', source: p.source, name: p.name, dropIds: [...r.dropIds] });
  p = reducePlayer(reducePlayer(p, { type: 'set-seq', seq: r.seq }), { type: 'goto', step: r.step });
  return p === state.player ? state : { ...state, player: p };
}

export function reduceInline(state: InlineState, action: InlineAction): InlineState {
  const player = reducePlayer(state.player, action);
  return player === state.player ? state : { ...state, player };
}

export function tickInline(state: InlineState, now: number): InlineState {
  const player = tickPlayer(state.player, now);
  return player === state.player ? state : { ...state, player };
}

export function inlineAnimating(state: InlineState): boolean {
  return state.player.playing;
}

/** The player action for a key, or null when the key is not the inline player's. */
export function playerKeyAction(key: KeyName): PlayerAction | null {
  switch (key) {
    case 'space':
      return { type: 'toggle-play' };
    case 'right':
    case 'l':
      return { type: 'step' };
    case 'left':
    case 'h':
      return { type: 'back' };
    case '+':
    case '=':
      return { type: 'faster' };
    case '-':
    case '_':
      return { type: 'slower' };
    case 'r':
      return { type: 'restart' };
    case 'd':
      return { type: 'drop-next' };
    case 'u':
      return { type: 'undo-drop' };
    case 's':
      return { type: 'toggle-seq' };
    case 'c':
      return { type: 'toggle-chart' };
    case 'm':
      return { type: 'cycle-chart-metrics' };
    case 'L':
      return { type: 'toggle-legend' };
    case 'home':
      return { type: 'goto', step: 0 };
    case 'end':
      return { type: 'goto', step: Number.MAX_SAFE_INTEGER };
    default:
      return null;
  }
}

/**
 * The inline player's action for a key. `view` (the box's inner width and --ascii) bounds the
 * scroll keys (K/J) to the rows the diagram has; without it they do nothing.
 */
export function onKeyInline(state: InlineState, key: KeyName, view?: { inner: number; ascii: boolean }): InlineAction | null {
  if (key === 'K' || key === 'J') {
    if (!view) return null;
    return { type: 'scroll', delta: key === 'K' ? 1 : -1, max: inlineMaxScroll(state, view.inner, view.ascii) };
  }
  return playerKeyAction(key);
}

/** How far the inline diagram (or its open legend) can scroll back at this width. */
export function inlineMaxScroll(state: InlineState, inner: number, ascii: boolean): number {
  return inlineDiagram(state, inner, ascii).maxScroll;
}

/** INLINE_BINDINGS with ASCII key names (for --ascii). */
export function inlineBindings(ascii: boolean): KeyBinding[] {
  return INLINE_BINDINGS.map((b) => ({ ...b, keys: asciiText(b.keys, ascii), help: b.help && asciiText(b.help, ascii) }));
}

/** Getters: the labels are read in the current language (src/i18n), not frozen at import. */
export const INLINE_BINDINGS: KeyBinding[] = [
  { keys: 'space', get label() { return S.keys.play; }, get help() { return S.keys.playHelp; }, footer: true },
  { keys: '→/l', get label() { return S.keys.step; }, get help() { return S.keys.stepHelp; }, footer: true },
  { keys: '←/h', get label() { return S.keys.back; }, get help() { return S.keys.backHelp; }, footer: true },
  { keys: 'd', get label() { return S.keys.drop; }, get help() { return S.keys.dropHelp; }, footer: true },
  { keys: 'u', get label() { return S.keys.undo; }, get help() { return S.keys.undoHelp; }, footer: false },
  { keys: 's', get label() { return S.keys.seq; }, get help() { return S.keys.seqHelp; }, footer: false },
  { keys: 'c', get label() { return S.keys.chart; }, get help() { return S.keys.chartHelp; }, footer: false },
  { keys: '+/-', get label() { return S.keys.speed; }, get help() { return S.keys.speedHelp; }, footer: false },
  { keys: 'r', get label() { return S.keys.restart; }, get help() { return S.keys.restartHelp; }, footer: false },
];

/** Rows InlineView takes: border 2 + caption? + status + diagram + chart? + explanation 2 + hint. */
export function inlineHeight(state: InlineState): number {
  return 2 + (state.caption ? 1 : 0) + 1 + INLINE_DIAGRAM_ROWS + (state.chart ? INLINE_CHART_ROWS : 0) + 2 + 1;
}

/** The diagram rows of the box (or the chart, or the script's errors) and how far they scroll. */
function inlineDiagram(state: InlineState, inner: number, ascii: boolean): { lines: StyledLine[]; maxScroll: number } {
  const p = state.player;
  const t = (text: string): StyledLine => [{ text }];
  if (!p.trace) {
    const lines = [S.scriptErrors(p.name), ...p.errors.map((e) => S.scriptError(e.line, e.col, e.message))].flatMap((l) => wrap(l, inner)).map(t);
    return { lines, maxScroll: 0 };
  }
  if (eventCount(p) === 0) return { lines: [], maxScroll: 0 };
  // `L`: the legend of the diagram's abbreviations in place of the diagram.
  if (p.legend) {
    const w = textWindow(playerLegendLines(p, inner, ascii), INLINE_DIAGRAM_ROWS, p.legendTop, inner, ascii);
    return { lines: w.lines, maxScroll: w.maxTop };
  }
  // `c`: the chart in place of the diagram (all four series).
  if (p.chart) return { lines: chartStyled(p.trace, p.step, inner, INLINE_DIAGRAM_ROWS, ascii), maxScroll: 0 };
  const v = diagramView({ trace: p.trace, width: inner, height: INLINE_DIAGRAM_ROWS, upTo: p.step, seq: p.seq, ascii, transit: inFlight(p), back: p.scroll });
  return { lines: v.lines, maxScroll: v.maxBack };
}

/** The lines inside the inline box (pure), each at most `inner` columns, as styled runs. */
export function inlineStyled(state: InlineState, inner: number, focused: boolean, ascii: boolean): StyledLine[] {
  const p = state.player;
  const g = glyphs(ascii);
  const t = (text: string): StyledLine => [{ text }];
  const out: StyledLine[] = [];
  // The caption is lesson text: neutralise control characters and escapes (one line).
  if (state.caption) out.push(t(truncate(sanitizeText(state.caption, { keepNewlines: false, keepTabs: false }), inner, g.ellipsis)));
  out.push(t(statusLine(p, inner, ascii)));
  let diagram = inlineDiagram(state, inner, ascii).lines;
  diagram = diagram.slice(-INLINE_DIAGRAM_ROWS);
  while (diagram.length < INLINE_DIAGRAM_ROWS) diagram.push(t(''));
  out.push(...diagram);
  if (state.chart) {
    // The lesson's chart under the diagram, following the same step.
    const chart = p.trace && eventCount(p) > 0 ? chartStyled(p.trace, p.step, inner, INLINE_CHART_ROWS, ascii, state.chart).slice(0, INLINE_CHART_ROWS) : [];
    while (chart.length < INLINE_CHART_ROWS) chart.push(t(''));
    out.push(...chart);
  }
  const panel = panelData(p);
  const states = panel ? asciiText(panel.hosts.map((h) => `${h.name} ${h.state}`).join(' · '), ascii) : '';
  // A re-run computing off the UI thread (`d`/`u`): said where the explanation goes until it is back.
  const working = p.busy ? (ascii ? KB.workingAscii : KB.working) : null;
  const explain = wrap(working ?? p.message ?? (currentExplanation(p) || (eventCount(p) === 0 ? S.noEvents : '')), inner);
  const two = [states ? truncate(states, inner, g.ellipsis) : '', ...explain].slice(0, 2);
  while (two.length < 2) two.push('');
  out.push(...two.map((l) => t(asciiText(l, ascii))));
  out.push(t(truncate(asciiText(focused ? S.inlineFocused : S.inlineUnfocused, ascii), inner, g.ellipsis)));
  return out;
}

/** The same lines as plain strings. */
export function inlineLines(state: InlineState, inner: number, focused: boolean, ascii: boolean): string[] {
  return inlineStyled(state, inner, focused, ascii).map(plainLine);
}

export function InlineView(props: { state: InlineState; width: number; focused: boolean; ascii?: boolean; color?: boolean }) {
  const { state, width, focused } = props;
  const ascii = props.ascii ?? false;
  const color = props.color ?? false;
  const inner = Math.max(1, width - 2);
  const lines = inlineStyled(state, inner, focused, ascii);
  return (
    <Box
      flexDirection="column"
      width={width}
      borderStyle={borderStyle(ascii)}
      borderColor={col(color, focused ? 'cyan' : 'gray')}
      borderDimColor={!focused}
    >
      {lines.map((line, i) =>
        i === lines.length - 1 ? (
          <Text key={i} wrap="truncate" dimColor>
            {plainLine(line)}
          </Text>
        ) : (
          <StyledDiagramLine key={i} line={line} color={color} />
        ),
      )}
    </Box>
  );
}
