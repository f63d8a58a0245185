/**
 * User-facing strings of the diagram player, the inline (lesson) player and the playground.
 * Everything a learner reads in these screens lives here (a zh-CN translation is coming).
 */
import { sanitizeText } from '../../lessons/sanitize.js';

/** Script text quoted back in a message may hold control characters: show them neutralised. */
const q = (s: string) => sanitizeText(s).replace(/\n/g, ' ');

export const playerStrings = {
  title: (name: string) => `Diagram player: ${q(name)}`,
  playgroundTitle: 'Playground',
  noEvents: 'This scenario produced no events.',
  scriptErrors: (name: string) => `The script "${q(name)}" has errors:`,
  scriptError: (line: number, col: number, message: string) => `line ${line}, column ${col}: ${q(message)}`,
  startHint: 'Press space to play, → to step.',
  stepOf: (step: number, total: number) => `step ${step}/${total}`,
  playing: 'playing',
  paused: 'paused',
  finished: 'end',
  speed: (s: number) => `${s}×`,
  simTime: (ms: string) => `t=${ms}ms`,
  seqRelative: 'relative seq',
  seqAbsolute: 'absolute seq',
  nothingToDrop: 'No segment left to drop after this step.',
  dropped: (id: number, label: string) => `Dropping segment #${id} (${label}): the model re-ran.`,
  noDropToUndo: 'No dropped segment to undo.',
  undidDrop: (id: number) => `Segment #${id} is delivered again.`,
  drops: (ids: number[]) => `dropped by you: ${ids.map((i) => `#${i}`).join(' ')}`,
  // side panel
  panelState: 'state',
  panelSndUna: 'SND.UNA',
  panelSndNxt: 'SND.NXT',
  panelRcvNxt: 'RCV.NXT',
  panelTimers: 'timers',
  panelNoTimers: 'none',
  panelSynQueue: 'SYN queue',
  panelAcceptQueue: 'accept queue',
  panelFull: 'full',
  none: '—',
  timerNames: {
    retransmit: 'RTO',
    'time-wait': '2MSL',
    'delayed-ack': 'delayed ACK',
    'syn-ack': 'SYN,ACK RTO',
    'user-timeout': 'user timeout',
  } as Record<string, string>,
  countdown: (ms: string) => `${ms}ms`,
  // key bindings
  keys: {
    play: 'play/pause',
    playHelp: 'Play or pause the animation.',
    step: 'step',
    stepHelp: 'Step forward one event.',
    back: 'back',
    backHelp: 'Step back one event.',
    speed: 'speed',
    speedHelp: 'Play faster (+) or slower (-), 0.25× to 8×.',
    restart: 'restart',
    restartHelp: 'Go back to the first event (your drops are kept).',
    drop: 'drop next',
    dropHelp: 'Drop the next segment: the model re-runs and you see what TCP does about it.',
    undo: 'undo drop',
    undoHelp: 'Deliver the last segment you dropped again.',
    ends: 'first/last',
    endsHelp: 'Jump to the first or the last event.',
    seq: 'rel/abs seq',
    seqHelp: 'Toggle relative and absolute sequence numbers.',
    back2: 'back',
    back2Help: 'Leave the player.',
    focusHelp: 'Tab focuses the diagram; then the player keys work.',
  },
  inlineFocused: 'space play · ←/→ step · d drop · s seq · r restart · Tab leave',
  inlineUnfocused: 'Tab: focus the diagram to step through it',
  // playground
  pg: {
    menuTitle: 'Actions',
    logTitle: 'What happened',
    empty: 'Pick an action: the diagram grows as you go.',
    clientConnect: 'client: connect',
    clientSend: 'client: send N bytes…',
    clientClose: 'client: close',
    clientAbort: 'client: abort (RST)',
    serverSend: 'server: send N bytes…',
    serverClose: 'server: close',
    serverAbort: 'server: abort (RST)',
    listenOn: 'server: listen on',
    listenOff: 'server: listen off',
    dropClient: 'network: drop next from client',
    dropServer: 'network: drop next from server',
    setDelay: 'network: set delay…',
    wait: 'wait 1s',
    undo: 'undo last action',
    reset: 'start over',
    save: 'save as .tcp…',
    promptBytes: 'How many bytes? ',
    promptDelay: 'One-way delay in ms: ',
    promptPath: 'Save to: ',
    promptHint: 'Enter to confirm, Esc to cancel',
    badNumber: (text: string) => `"${text}" is not a whole number of at least 1.`,
    rejected: (line: number, col: number, message: string) =>
      `The model refused that action (script line ${line}, column ${col}): ${message}`,
    saving: (path: string) => `Saving the script to ${path}`,
    defaultPath: './synack-playground.tcp',
    nothingToUndo: 'Nothing to undo.',
    scriptHeader: '# synack playground script',
    keys: {
      choose: 'choose',
      chooseHelp: 'Move through the actions.',
      doIt: 'do it',
      doItHelp: 'Run the chosen action: the script is rebuilt and the model re-runs.',
      undo: 'undo',
      undoHelp: 'Remove the last action.',
      step: 'step',
      stepHelp: 'Step the diagram forward/back (←/→), space plays.',
      seqHelp: 'Toggle relative and absolute sequence numbers.',
      back: 'back',
      backHelp: 'Leave the playground.',
      confirm: 'confirm',
      cancel: 'cancel',
    },
  },
  tooNarrow: 'Make the terminal wider to see the diagram.',
};

/** With --ascii, the symbols in these strings become plain ASCII. */
const ASCII_FALLBACK: [string, string][] = [
  ['×', 'x'],
  ['—', '-'],
  ['…', '...'],
  ['→', '->'],
  ['←', '<-'],
  ['↑', 'Up'],
  ['↓', 'Down'],
  ['·', '|'],
];

export function asciiText(s: string, ascii: boolean): string {
  if (!ascii) return s;
  let out = s;
  for (const [from, to] of ASCII_FALLBACK) out = out.split(from).join(to);
  return out;
}
