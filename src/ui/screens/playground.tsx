/**
 * The playground screen: the learner picks client/server/network actions from a menu, the script
 * is rebuilt and re-run after each one, and the diagram grows live (the new events play). The
 * script can be saved as a .tcp file (a `write-file` shell command). Logic: src/ui/player/playground.ts.
 */
import { Box, Text } from 'ink';
import { keyUpdate, type KeyName, type KeyResult, type ScreenDef, type Update } from '../screen.js';
import { CMD, off, on, type Active } from '../bindings.js';
import { asciiMarker, col, glyphs } from '../components/theme.js';
import { menuWindow } from '../components/Menu.js';
import { UI } from '../strings.js';
import { truncate, wrap } from '../components/text.js';
import { reducePlayer, tickPlayer } from '../player/model.js';
import { relativeUpdate } from './player.js';
import type { AppContext } from '../screen.js';
import { playerKeyAction } from '../player/inline.js';
import {
  armedDrops,
  buildScript,
  explanations,
  initPlayground,
  menuItems,
  promptPath,
  reducePlayground,
  PLAYGROUND_NAME,
  type PgAction,
  type PlaygroundState,
} from '../player/playground.js';
import { runOptions } from '../player/model.js';
import { SUPERSEDED } from '../model-job.js';
import type { ShellCommand } from '../screen.js';
import { MIN_DIAGRAM_ROWS, PlayerView, playerLayout } from '../player/view.js';
import { asciiText, playerStrings as S } from '../player/strings.js';

export const PLAYGROUND_WIDE = 100;
export const MENU_WIDTH = 34;
/** Menu rows shown on a narrow terminal (a window around the cursor). */
export const NARROW_MENU_ROWS = 5;

const P = CMD.player;

/** The playground's keymap (footer order): rows of the binding table (src/ui/bindings.ts). */
export const PLAYGROUND_KEYMAP: readonly Active[] = [
  on(CMD.pgChoose),
  on(CMD.pgDo),
  on(CMD.pgUndo),
  on(P.stepBoth),
  on(P.play),
  off(CMD.pgSeq),
  off(P.speed),
  off(P.restart),
  off(P.ends),
  off(P.chart),
  off(P.legend),
  off(P.scrollInline),
  off(P.scrollPage),
  on(CMD.pgLeave),
];

/** While a prompt is open: it takes typed text. */
export const PROMPT_KEYMAP: readonly Active[] = [on(CMD.promptConfirm), on(CMD.promptCancel), off(CMD.promptErase), off(CMD.promptType)];

export function playgroundOnKey(state: PlaygroundState, key: KeyName): KeyResult<PgAction> | null {
  if (state.prompt) {
    if (key === 'enter') {
      if (state.prompt.kind === 'save') {
        return {
          action: { type: 'prompt-submit' },
          commands: [{ cmd: 'write-file', path: promptPath(state), content: buildScript(state) }],
        };
      }
      return { action: { type: 'prompt-submit' } };
    }
    if (key === 'escape') return { action: { type: 'prompt-cancel' } };
    if (key === 'backspace' || key === 'delete') return { action: { type: 'prompt-backspace' } };
    if (key === 'space') return { action: { type: 'prompt-input', text: ' ' } };
    if ([...key].length === 1) return { action: { type: 'prompt-input', text: key } };
    return null;
  }
  switch (key) {
    case 'q':
    case 'escape':
      return { commands: [{ cmd: 'pop' }] };
    case 'up':
    case 'k':
      return { action: { type: 'move', delta: -1 } };
    case 'down':
    case 'j':
      return { action: { type: 'move', delta: 1 } };
    case 'enter':
      return { action: { type: 'activate' } };
    case 'u':
      return { action: { type: 'undo' } };
    case 'd':
      return null; // dropping is a menu action here (it becomes a script line)
    default: {
      const a = playerKeyAction(key);
      return a ? { action: { type: 'player', action: a } } : null;
    }
  }
}

/** The prompt: question and [default] on one line, or on two when `split` (narrow column). */
/** Pasted text goes into an open prompt; a newline in it (keys typed fast) confirms the prompt. */
export function playgroundOnPaste(state: PlaygroundState, text: string): KeyResult<PgAction> | null {
  if (!state.prompt) return null;
  const nl = text.indexOf('\n');
  if (nl < 0) return { action: { type: 'prompt-input', text } };
  const typed = text.slice(0, nl);
  const r = playgroundOnKey({ ...state, prompt: { ...state.prompt, text: state.prompt.text + typed } }, 'enter');
  return { action: { type: 'prompt-input', text: typed, submit: true }, commands: r?.commands };
}

function promptLines(state: PlaygroundState, width: number, split: boolean): string[] {
  const p = state.prompt;
  if (!p) return [];
  const label = p.kind === 'save' ? S.pg.promptPath : p.kind === 'delay' ? S.pg.promptDelay : S.pg.promptBytes;
  const input = `[${p.fallback}] ${p.text}_`;
  const ask = split ? [label.trimEnd(), input] : [label + input];
  return [...ask, ...wrap(p.error ?? S.pg.promptHint, width)].map((l) => truncate(l, width));
}


/** The newest log entries that fit in `rows`: a bullet on each entry's first line, continuation
 *  lines indented under it; an entry is never cut in half (an older one is dropped instead). */
export function logLines(entries: string[], width: number, bullet: string, rows: number): string[] {
  const pad = ' '.repeat(bullet.length + 1);
  const out: string[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const lines = wrap(entries[i], Math.max(4, width - pad.length)).map((l, j) => (j === 0 ? `${bullet} ${l}` : pad + l));
    if (out.length + lines.length > rows) {
      if (out.length === 0) out.unshift(...lines.slice(0, rows));
      break;
    }
    out.unshift(...lines);
  }
  return out;
}

/** The menu lines (a window of `rows` lines around the cursor when rows is given, with a marker
 *  line for the actions hidden above and below: none is dropped silently). */
/** The note under the diagram: a message, else the armed drops, else the empty playground's hint. */
export function noteText(state: PlaygroundState): string {
  if (state.message) return state.message;
  const armed = armedDrops(state);
  if (armed.client + armed.server > 0) return S.pg.armed(armed.client, armed.server);
  return state.steps.length === 0 ? S.pg.empty : '';
}

export function menuLines(state: PlaygroundState, width: number, ascii: boolean, rows?: number): string[] {
  const g = glyphs(ascii);
  const armed = armedDrops(state);
  // A `drop next` line that has not fired yet is marked on its row until the drop is on screen.
  const items = menuItems(state).map((it) => {
    const n = it.id === 'drop-client' ? armed.client : it.id === 'drop-server' ? armed.server : 0;
    return n > 0 ? { ...it, label: `${it.label} ${S.pg.armedMark(n)}` } : it;
  });
  const win = rows !== undefined ? menuWindow(state.cursor, items.length, rows) : { top: 0, count: items.length, above: 0, below: 0 };
  const marker = (text: string) => truncate(asciiMarker(text, ascii), width, g.ellipsis);
  return [
    ...(win.above > 0 ? [marker(UI.moreAbove(win.above))] : []),
    ...items.slice(win.top, win.top + win.count).map((it, i) => {
      const mark = win.top + i === state.cursor ? g.pointer : ' ';
      return truncate(asciiText(`${mark} ${it.label}`, ascii), width, g.ellipsis);
    }),
    ...(win.below > 0 ? [marker(UI.moreBelow(win.below))] : []),
  ];
}

export function PlaygroundView(props: { state: PlaygroundState; width: number; height: number; ascii: boolean; color: boolean }) {
  const { state, width, height, ascii, color } = props;
  const g = glyphs(ascii);
  const note = noteText(state);
  if (width >= PLAYGROUND_WIDE) {
    const menuW = MENU_WIDTH;
    const rightW = width - menuW - 1;
    const menu = menuLines(state, menuW, ascii);
    const prompt = promptLines(state, menuW, true);
    const logRows = Math.max(0, height - 1 - menu.length - 1 - prompt.length - 1);
    const log = logLines(explanations(state, 50), menuW - 1, g.bullet, logRows);
    return (
      <Box flexDirection="row" width={width} height={height}>
        <Box flexDirection="column" width={menuW}>
          <Text bold color={col(color, 'cyan')}>
            {S.pg.menuTitle}
          </Text>
          {menu.map((l, i) => (
            <Text key={i} wrap="truncate" color={i === state.cursor ? col(color, 'green') : undefined}>
              {l}
            </Text>
          ))}
          {prompt.map((l, i) => (
            <Text key={`p${i}`} wrap="truncate" color={col(color, 'yellow')}>
              {l}
            </Text>
          ))}
          <Text bold>{S.pg.logTitle}</Text>
          {log.map((l, i) => (
            <Text key={`l${i}`} wrap="truncate">
              {l}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" width={rightW} marginLeft={1}>
          <PlayerView state={state.player} width={rightW} height={height - 1} ascii={ascii} color={color} />
          <Text wrap="truncate" dimColor>
            {truncate(note, rightW, g.ellipsis)}
          </Text>
        </Box>
      </Box>
    );
  }
  const prompt = promptLines(state, width, false);
  // A short screen: the menu shrinks (with markers for the hidden actions) before the diagram does.
  const menuRows = prompt.length > 0 ? prompt.length : Math.max(3, Math.min(NARROW_MENU_ROWS, height - 1 - (1 + MIN_DIAGRAM_ROWS + 1)));
  const menu = prompt.length > 0 ? [] : menuLines(state, width, ascii, menuRows);
  const below = menuRows + (note ? 1 : 0);
  const playerH = Math.max(1 + MIN_DIAGRAM_ROWS + 1, height - below);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PlayerView state={state.player} width={width} height={playerH} ascii={ascii} color={color} />
      {note ? (
        <Text wrap="truncate" dimColor>
          {truncate(note, width, g.ellipsis)}
        </Text>
      ) : null}
      {menu.map((l) => (
        <Text key={l} wrap="truncate" color={l.startsWith(g.pointer) ? col(color, 'green') : undefined}>
          {l}
        </Text>
      ))}
      {prompt.map((l, i) => (
        <Text key={`p${i}`} wrap="truncate" color={col(color, 'yellow')}>
          {l}
        </Text>
      ))}
    </Box>
  );
}

/** A step of the reducer, with a `run-model` command when it asked for a new run (computed off
 *  the UI thread; the result comes back as a `model` msg with the same job). */
function pgStep(state: PlaygroundState, r: KeyResult<PgAction> | null): Update<PlaygroundState> {
  if (!r) return [state, []];
  const next = r.action ? reducePlayground(state, r.action) : state;
  const commands: ShellCommand[] = [...(r.commands ?? [])];
  const p = next.pending;
  if (p && p !== state.pending) commands.push({ cmd: 'run-model', job: p.job, request: { kind: 'run', source: p.source, options: runOptions(PLAYGROUND_NAME, []) } });
  return [next, commands];
}

function pgKey(state: PlaygroundState, key: KeyName): Update<PlaygroundState> {
  return pgStep(state, playgroundOnKey(state, key));
}

/** The player's area of the playground (as PlaygroundView lays it out). */
export function playgroundPlayerSize(state: PlaygroundState, width: number, height: number, ascii: boolean): { width: number; height: number } {
  if (width >= PLAYGROUND_WIDE) return { width: width - MENU_WIDTH - 1, height: height - 1 };
  const prompt = promptLines(state, width, false);
  const menuRows = prompt.length > 0 ? prompt.length : Math.max(3, Math.min(NARROW_MENU_ROWS, height - 1 - (1 + MIN_DIAGRAM_ROWS + 1)));
  const note = state.message ?? (state.steps.length === 0 ? S.pg.empty : '');
  void ascii;
  return { width, height: Math.max(1 + MIN_DIAGRAM_ROWS + 1, height - menuRows - (note ? 1 : 0)) };
}

/** K/J a row, PgUp/PgDn a page: the diagram scrolls back through earlier rows. */
function pgScroll(state: PlaygroundState, key: KeyName, ctx: AppContext): Update<PlaygroundState> {
  const size = playgroundPlayerSize(state, ctx.width, ctx.height, ctx.ascii);
  const L = playerLayout(state.player, size.width, size.height, ctx.ascii);
  const page = Math.max(1, L.diagramHeight - 2);
  const delta = key === 'pageup' ? page : key === 'pagedown' ? -page : key === 'K' ? 1 : -1;
  const player = reducePlayer(state.player, { type: 'scroll', delta, max: L.maxScroll });
  return [player === state.player ? state : { ...state, player }, []];
}

const keys = keyUpdate<PlaygroundState>(
  {
    ...Object.fromEntries([...PLAYGROUND_KEYMAP, on(P.chartMetrics), ...PROMPT_KEYMAP].map((a) => [a.cmd.id, pgKey])),
    [P.scrollInline.id]: pgScroll,
    [P.scrollPage.id]: pgScroll,
    [CMD.pgSeq.id]: (state) => {
      const player = reducePlayer(state.player, { type: 'toggle-seq' });
      return [{ ...state, player }, [{ cmd: 'progress', update: relativeUpdate(player.seq) }]];
    },
  },
  (state, msg) => {
    switch (msg.type) {
      case 'tick': {
        const player = tickPlayer(state.player, msg.now);
        return [player === state.player ? state : { ...state, player }, []];
      }
      case 'paste':
        return pgStep(state, playgroundOnPaste(state, msg.text));
      case 'model':
        if (!msg.result.ok && msg.result.error === SUPERSEDED) return [state, []];
        return [reducePlayground(state, { type: 'model', job: msg.job, ...(msg.result.ok ? {} : { error: msg.result.error }) }), []];
      default:
        return [state, []];
    }
  },
);

export const playgroundScreen: ScreenDef<PlaygroundState> = {
  id: 'playground',
  init: (_request, ctx) => {
    const s = initPlayground();
    // The remembered seq mode (settings.relative), as in every player.
    return { ...s, player: reducePlayer(s.player, { type: 'set-seq', seq: ctx.progress.settings.relative ? 'relative' : 'absolute' }) };
  },
  keymap: (state) => (state.prompt ? [...PROMPT_KEYMAP] : state.player.chart ? [...PLAYGROUND_KEYMAP, off(P.chartMetrics)] : [...PLAYGROUND_KEYMAP]),
  update: keys.update,
  handles: keys.handles,
  animating: (state) => state.player.playing,
  view: (state, ctx) => <PlaygroundView state={state} width={ctx.width} height={ctx.height} ascii={ctx.ascii} color={ctx.color} />,
  title: () => S.playgroundTitle,
};
