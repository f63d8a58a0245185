/**
 * The ```layers block: encapsulation step by step (pure state, reducer and lines).
 * Step 0 shows the bare payload; step k wraps it in the first k layers (layers[0] is the innermost,
 * e.g. Application, the last the outermost, e.g. Link). The height is fixed so the lesson does not
 * jump while stepping.
 */
import type { LayerSpec } from '../../lessons/types.js';
import type { KeyName } from '../screen.js';
import { UI } from '../strings.js';
import { glyphs } from './theme.js';
import { clean, clipLine, wrapSpans, type Line } from './markdown.js';

export interface LayersState {
  step: number;
  playing: boolean;
  /** Clock time of the last automatic step (while playing). */
  last: number;
}

export type LayersAction = { type: 'step'; delta: number } | { type: 'play'; now: number } | { type: 'tick'; now: number };

export const LAYER_STEP_MS = 1200;

export function initLayers(): LayersState {
  return { step: 0, playing: false, last: 0 };
}

export function reduceLayers(n: number, s: LayersState, a: LayersAction): LayersState {
  switch (a.type) {
    case 'step': {
      const step = Math.max(0, Math.min(n, s.step + a.delta));
      return step === s.step && !s.playing ? s : { ...s, step, playing: false };
    }
    case 'play':
      if (s.playing) return { ...s, playing: false };
      return { step: s.step >= n ? 0 : s.step, playing: true, last: a.now };
    case 'tick': {
      if (!s.playing || a.now - s.last < LAYER_STEP_MS) return s;
      const step = s.step + 1;
      return step >= n ? { step: n, playing: false, last: a.now } : { step, playing: true, last: a.now };
    }
  }
}

export function layersKey(key: KeyName, now: number): LayersAction | null {
  if (key === 'right' || key === 'l') return { type: 'step', delta: 1 };
  if (key === 'left' || key === 'h') return { type: 'step', delta: -1 };
  if (key === 'space') return { type: 'play', now };
  if (key === 'home' || key === '0') return { type: 'step', delta: -1000 };
  return null;
}

/** Fixed rows of the block body for a layer list (so stepping never changes the height). */
export function layersBodyHeight(layers: LayerSpec[]): number {
  return 1 + 2 * layers.length + layers.filter((l) => l.trailer).length + 1 + 2 + 1;
}

export function layersLines(
  spec: { payload: string; layers: LayerSpec[] },
  s: LayersState,
  width: number,
  focused: boolean,
  ascii: boolean,
): Line[] {
  const g = glyphs(ascii);
  const n = spec.layers.length;
  const k = Math.max(0, Math.min(n, s.step));
  const out: Line[] = [];
  out.push([{ text: UI.layersStep(k, n), dim: true }]);
  const colors = ['magenta', 'blue', 'green', 'yellow', 'cyan', 'red'];
  // Outer layers first: layers[k-1] ... layers[0], then the payload, then trailers inside-out.
  const bars = (depth: number): Line => {
    const l: Line = [];
    for (let d = 0; d < depth; d++) l.push({ text: `${g.v} `, color: colors[(k - 1 - d) % colors.length] });
    return l;
  };
  for (let d = 0; d < k; d++) {
    const layer = spec.layers[k - 1 - d];
    const c = colors[(k - 1 - d) % colors.length];
    const line: Line = [...bars(d), { text: `${g.tl}${g.h} `, color: c }, { text: clean(layer.name), bold: true, color: c }, { text: `: ${clean(layer.header)}` }];
    out.push(clipLine(line, width, g.ellipsis));
  }
  out.push(clipLine([...bars(k), { text: `${UI.payload}: `, dim: true }, { text: clean(spec.payload), bold: true }], width, g.ellipsis));
  for (let d = k - 1; d >= 0; d--) {
    const layer = spec.layers[k - 1 - d];
    const c = colors[(k - 1 - d) % colors.length];
    if (layer.trailer) out.push(clipLine([...bars(d + 1), { text: clean(layer.trailer), color: c }], width, g.ellipsis));
    out.push(clipLine([...bars(d), { text: `${g.bl}${g.h}`, color: c }], width));
  }
  const note = k > 0 ? spec.layers[k - 1].note : undefined;
  const noteLines = note ? wrapSpans([{ text: clean(note), italic: true }], width).slice(0, 2) : [];
  const total = layersBodyHeight(spec.layers);
  while (out.length + noteLines.length < total - 1) out.push([]);
  out.push(...noteLines);
  out.push([{ text: focused ? UI.layersFocused : UI.layersFocusHint, dim: true }]);
  return out.slice(0, total);
}
