/**
 * The diagram player's view: status line, the shared renderer's diagram windowed to the rows left,
 * a side panel (>= SIDE_PANEL_MIN_WIDTH columns) or a bottom panel (narrower), the current event's
 * explanation, and a notice line. Every line is pre-fitted to the width (pure helpers below), so
 * the frame never wraps.
 */
import { Box, Text } from 'ink';
import { borderStyle, glyphs, col } from '../components/theme.js';
import { truncate, wrap } from '../components/text.js';
import { diagramTokens, diagramView, plainLine, textWindow, type StyledLine } from './diagram.js';
import { legendEntries, legendLines } from '../components/legend.js';
import { StyledDiagramLine } from './StyledLines.js';
import {
  currentExplanation,
  eventCount,
  inFlight,
  panelData,
  simTime,
  speedOf,
  type PlayerState,
} from './model.js';
import { bottomPanelLines, sidePanelLines } from './panel.js';
import { asciiText, playerStrings as S } from './strings.js';
import { CHART_SETS, defaultChartSet, mainSender, renderChart, senderMss, type ChartMetric } from '../../diagram/chart.js';
import { KB } from '../strings.js';
import type { Trace } from '../../tcp/types.js';

export const SIDE_PANEL_MIN_WIDTH = 100;
export const SIDE_PANEL_WIDTH = 30;
/** Columns of panel text (the panel has a left border and one space of padding). */
export const SIDE_PANEL_TEXT = SIDE_PANEL_WIDTH - 2;

export function fmtMs(t: number): string {
  return Number.isInteger(t) ? String(t) : t.toFixed(1);
}

export function statusLine(state: PlayerState, width: number, ascii = false): string {
  const n = eventCount(state);
  const atEnd = n > 0 && state.step >= n - 1 && !state.playing;
  const parts = [
    state.name,
    // A re-run computing off the UI thread (src/ui/worker): the keys still act on this trace.
    ...(state.busy ? [ascii ? KB.workingAscii : KB.working] : []),
    S.stepOf(n === 0 ? 0 : state.step + 1, n),
    state.playing ? S.playing : atEnd ? S.finished : S.paused,
    S.speed(speedOf(state)),
    state.seq === 'relative' ? S.seqRelative : S.seqAbsolute,
    S.simTime(fmtMs(simTime(state))),
  ];
  return truncate(asciiText(parts.join(' · '), ascii), width, ascii ? '...' : '…');
}

export interface PlayerLayout {
  /** Lines of each part, each at most its width. */
  status: string;
  diagram: string[];
  /** The same lines as the renderer's styled runs (for colour). */
  styled: StyledLine[];
  diagramWidth: number;
  diagramHeight: number;
  side: string[] | null;
  bottom: string[];
  explain: string[];
  /** Rows the explanation takes (2, or 1 on a short screen) and the notice row (0 or 1). */
  explainRows: number;
  noticeRows: number;
  notice: string;
  /** The furthest the diagram (or the open legend) can scroll back on this screen. */
  maxScroll: number;
}

/** The diagram keeps at least this many rows: on a short screen the panel, the notice and the
 *  explanation's second row give way first (issue 14 bug 8: the playground at 40x12 showed no
 *  diagram at all). */
export const MIN_DIAGRAM_ROWS = 3;

/** One line with the listener's queues, for a flood on a screen too short for the whole panel. */
function queueSummary(panel: NonNullable<ReturnType<typeof panelData>>, width: number, ellipsis: string): string[] {
  const q = panel.hosts.find((h) => h.queue)?.queue;
  if (!q) return [];
  const full = q.syn >= q.synMax && q.synMax > 0 ? ` ${S.panelFull}` : '';
  return [truncate(`${S.panelSynQueue} ${q.syn}/${q.synMax}${full}  ${S.panelAcceptQueue} ${q.accept}/${q.acceptMax}`, width, ellipsis)];
}

/** `text` wrapped into at most `rows` lines; a cut shows an ellipsis, never half a sentence. */
export function fitLines(text: string, width: number, rows: number, ellipsis: string): string[] {
  const lines = wrap(text, width);
  if (lines.length <= rows) return lines;
  if (rows <= 0) return [];
  return [...lines.slice(0, rows - 1), truncate(lines.slice(rows - 1).join(' ') + ' ' + ellipsis, width, ellipsis)];
}

/**
 * The congestion chart of the main sender for a `width` × `height` area, grown to event `step`
 * with the cursor on it (the player's `c` view and the lessons' `chart:` option). Windows in MSS
 * when the sender's MSS is known.
 */
export function chartStyled(
  trace: Trace,
  step: number,
  width: number,
  height: number,
  ascii: boolean,
  metrics?: readonly ChartMetric[],
  noteOmitted: boolean = metrics === undefined,
): StyledLine[] {
  const host = mainSender(trace) ?? undefined;
  const unit = host && senderMss(trace, host) ? 'mss' : 'bytes';
  // No series given (the `c` view before `m`): the trace's default set. The player's legend says
  // when the peer's window is left out; a lesson's `chart:` line names its series, with no note.
  const shown = metrics ?? CHART_SETS[defaultChartSet(trace, host ?? null)];
  return renderChart(trace, { width, height, host, metrics: shown, upTo: step, cursor: step, charset: ascii ? 'ascii' : 'unicode', unit, noteOmitted }).map((text) => [{ text }]);
}

/**
 * The legend of what this player shows (`L`): the abbreviations of the whole diagram up to the
 * cursor at this width (as the renderer reports them), the panel's, and the seq mode.
 */
export function playerLegendLines(state: PlayerState, width: number, ascii: boolean, panelTokens?: Iterable<string>): string[] {
  if (!state.trace) return [];
  const diagram = diagramTokens({ trace: state.trace, width, height: 0, upTo: state.step, seq: state.seq, ascii, transit: [] });
  const tokens = [`seq-${state.seq}`, ...diagram, ...(panelTokens ?? [])];
  return legendLines(legendEntries(tokens, ascii), width, ascii).map((l) => asciiText(l, ascii));
}

/** Compute every line of the player for a width × height area (pure). */
export function playerLayout(state: PlayerState, width: number, height: number, ascii: boolean): PlayerLayout {
  const g = glyphs(ascii);
  const status = statusLine(state, width, ascii);
  if (!state.trace) {
    const errs = [S.scriptErrors(state.name), ...state.errors.map((e) => S.scriptError(e.line, e.col, e.message))];
    return {
      status,
      diagram: errs.flatMap((l) => wrap(l, width)).slice(0, Math.max(0, height - 1)),
      styled: errs.flatMap((l) => wrap(l, width)).slice(0, Math.max(0, height - 1)).map((text) => [{ text }]),
      diagramWidth: width,
      diagramHeight: Math.max(1, height - 1),
      side: null,
      bottom: [],
      explain: [],
      explainRows: 0,
      noticeRows: 0,
      notice: '',
      maxScroll: 0,
    };
  }
  const panel = panelData(state);
  const wide = width >= SIDE_PANEL_MIN_WIDTH;
  const diagramWidth = wide ? width - SIDE_PANEL_WIDTH - 1 : width;
  // The legend (`L`) lists the panel's abbreviations too, as the panel draws them.
  const panelTokens = state.legend ? new Set<string>() : undefined;
  const side = wide && panel ? sidePanelLines(panel, SIDE_PANEL_TEXT, g, panelTokens) : wide ? [] : null;
  let bottom = !wide && panel ? bottomPanelLines(panel, width, g, panelTokens) : [];
  const explainText = eventCount(state) === 0 ? S.noEvents : currentExplanation(state);
  const notice = truncate(state.message ?? (state.dropIds.length > 0 ? S.drops(state.dropIds) : ''), width, g.ellipsis);
  // status + diagram + bottom panel + 2 explanation rows + notice; on a short screen the notice
  // row (when empty), the bottom panel and the explanation's second row give way to the diagram.
  let explainRows = 2;
  let noticeRows = 1;
  const room = () => height - 1 - bottom.length - explainRows - noticeRows;
  if (room() < MIN_DIAGRAM_ROWS + 2 && !notice) noticeRows = 0;
  if (room() < MIN_DIAGRAM_ROWS) bottom = panel && panel.showQueues ? queueSummary(panel, width, g.ellipsis) : [];
  if (room() < MIN_DIAGRAM_ROWS) explainRows = 1;
  if (room() < MIN_DIAGRAM_ROWS) noticeRows = 0;
  const explain = fitLines(explainText, width, explainRows, g.ellipsis);
  const diagHeight = Math.max(1, room());
  let maxScroll = 0;
  let styled: StyledLine[] = [];
  if (eventCount(state) > 0 && state.legend) {
    const lines = playerLegendLines(state, diagramWidth, ascii, panelTokens);
    const w = textWindow(lines, diagHeight, state.legendTop, diagramWidth, ascii);
    styled = w.lines;
    maxScroll = w.maxTop;
  } else if (eventCount(state) > 0 && state.chart) styled = chartStyled(state.trace, state.step, diagramWidth, diagHeight, ascii, state.chartSet === null ? undefined : CHART_SETS[state.chartSet], true);
  else if (eventCount(state) > 0) {
    const v = diagramView({
      trace: state.trace,
      width: diagramWidth,
      height: diagHeight,
      upTo: state.step,
      seq: state.seq,
      ascii,
      transit: inFlight(state),
      back: state.scroll,
    });
    styled = v.lines;
    maxScroll = v.maxBack;
  }
  return {
    status,
    diagram: styled.slice(-diagHeight).map(plainLine),
    styled: styled.slice(-diagHeight),
    diagramWidth,
    diagramHeight: diagHeight,
    side: side ? side.slice(0, diagHeight) : null,
    bottom,
    explain,
    explainRows,
    noticeRows,
    notice,
    maxScroll,
  };
}

export function PlayerView(props: { state: PlayerState; width: number; height: number; ascii: boolean; color: boolean }) {
  const { state, width, height, ascii, color } = props;
  const L = playerLayout(state, width, height, ascii);
  const diagHeight = L.diagramHeight;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={col(color, 'cyan')} wrap="truncate">
        {L.status}
      </Text>
      <Box flexDirection="row" height={diagHeight}>
        <Box flexDirection="column" width={L.diagramWidth}>
          {L.styled.map((line, i) => (
            <StyledDiagramLine key={i} line={line} color={color} />
          ))}
        </Box>
        {L.side ? (
          <Box
            flexDirection="column"
            width={SIDE_PANEL_WIDTH}
            marginLeft={1}
            paddingLeft={1}
            borderStyle={borderStyle(ascii)}
            borderTop={false}
            borderRight={false}
            borderBottom={false}
            borderDimColor
          >
            {L.side.map((line, i) => (
              <Text key={i} wrap="truncate" color={i === 0 || L.side![i - 1] === '' ? col(color, 'yellow') : undefined}>
                {line}
              </Text>
            ))}
          </Box>
        ) : null}
      </Box>
      {L.bottom.map((line, i) => (
        <Text key={`b${i}`} wrap="truncate" color={col(color, 'yellow')}>
          {line}
        </Text>
      ))}
      {L.explainRows > 0 ? (
        <Box flexDirection="column" height={L.explainRows}>
          {L.explain.map((line, i) => (
            <Text key={`e${i}`} wrap="truncate">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      {L.noticeRows > 0 ? (
        <Text dimColor wrap="truncate">
          {L.notice}
        </Text>
      ) : null}
    </Box>
  );
}
