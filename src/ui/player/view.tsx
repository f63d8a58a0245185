/**
 * The diagram player's view: status line, the shared renderer's diagram windowed to the rows left,
 * a side panel (>= SIDE_PANEL_MIN_WIDTH columns) or a bottom panel (narrower), the current event's
 * explanation, and a notice line. Every line is pre-fitted to the width (pure helpers below), so
 * the frame never wraps.
 */
import { Box, Text } from 'ink';
import { borderStyle, glyphs, col } from '../components/theme.js';
import { truncate, wrap } from '../components/text.js';
import { diagramWindowStyled, plainLine, type StyledLine } from './diagram.js';
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
  notice: string;
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
      notice: '',
    };
  }
  const panel = panelData(state);
  const wide = width >= SIDE_PANEL_MIN_WIDTH;
  const diagramWidth = wide ? width - SIDE_PANEL_WIDTH - 1 : width;
  const side = wide && panel ? sidePanelLines(panel, SIDE_PANEL_TEXT, g) : wide ? [] : null;
  const bottom = !wide && panel ? bottomPanelLines(panel, width, g) : [];
  const explainText = eventCount(state) === 0 ? S.noEvents : currentExplanation(state);
  const explain = wrap(explainText, width).slice(0, 2);
  const notice = truncate(state.message ?? (state.dropIds.length > 0 ? S.drops(state.dropIds) : ''), width, g.ellipsis);
  // status + diagram + bottom panel + 2 explanation rows + notice
  const diagHeight = Math.max(1, height - 1 - bottom.length - 2 - 1);
  const styled =
    eventCount(state) === 0
      ? []
      : diagramWindowStyled({
          trace: state.trace,
          width: diagramWidth,
          height: diagHeight,
          upTo: state.step,
          seq: state.seq,
          ascii,
          transit: inFlight(state),
        });
  return {
    status,
    diagram: styled.slice(-diagHeight).map(plainLine),
    styled: styled.slice(-diagHeight),
    diagramWidth,
    diagramHeight: diagHeight,
    side: side ? side.slice(0, diagHeight) : null,
    bottom,
    explain,
    notice,
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
      <Box flexDirection="column" height={2}>
        {L.explain.map((line, i) => (
          <Text key={`e${i}`} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
      <Text dimColor wrap="truncate">
        {L.notice}
      </Text>
    </Box>
  );
}
