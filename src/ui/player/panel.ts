/**
 * The player's side / bottom panel as plain text lines (pure; the view only wraps them in <Text>).
 */
import type { Glyphs } from '../components/theme.js';
import { padRight, truncate, width as sw } from '../components/text.js';
import type { PanelData, PanelHost } from './model.js';
import { asciiText, playerStrings as S } from './strings.js';

export function gauge(n: number, max: number, cells: number, g: Glyphs): string {
  if (max <= 0 || cells <= 0) return '';
  const full = Math.min(cells, Math.round((Math.min(n, max) / max) * cells));
  return '[' + g.barFull.repeat(full) + g.barEmpty.repeat(cells - full) + ']';
}

function timersText(h: PanelHost): string {
  if (h.timers.length === 0) return S.panelNoTimers;
  return h.timers.map((t) => `${t.label} ${S.countdown(String(t.remaining))}`).join(', ');
}

function queueLines(h: PanelHost, width: number, g: Glyphs, indent: string): string[] {
  if (!h.queue) return [];
  const q = h.queue;
  const full = q.syn >= q.synMax && q.synMax > 0 ? ` ${S.panelFull}` : '';
  const head = `${indent}${S.panelSynQueue} `;
  const tail = ` ${q.syn}/${q.synMax}${full}`;
  const cells = Math.max(0, Math.min(q.synMax, width - sw(head) - sw(tail) - 2, 20));
  const bar = cells >= 3 ? gauge(q.syn, q.synMax, cells, g) : '';
  return [head + bar + tail, `${indent}${S.panelAcceptQueue} ${q.accept}/${q.acceptMax}`];
}

/** Side panel (one field a line), each line at most `width` columns. */
export function sidePanelLines(panel: PanelData, width: number, g: Glyphs): string[] {
  const out: string[] = [];
  const keys = [S.panelState, S.panelSndUna, S.panelSndNxt, S.panelRcvNxt, S.panelTimers];
  const kw = Math.max(8, ...keys.map(sw));
  const label = (k: string, v: string) => ` ${padRight(k, kw)} ${v}`;
  for (const h of panel.hosts) {
    if (out.length > 0) out.push('');
    out.push(`${h.name} ${h.addr}`);
    // The state with its Chinese name beside it (zh-CN); on a second line under the value when narrow.
    const named = S.stateName(h.state);
    const stateLine = label(S.panelState, named);
    if (sw(stateLine) <= width || !named.startsWith(h.state)) out.push(stateLine);
    else out.push(label(S.panelState, h.state), ' '.repeat(kw + 2) + named.slice(h.state.length).trim());
    out.push(label(S.panelSndUna, h.sndUna));
    out.push(label(S.panelSndNxt, h.sndNxt));
    out.push(label(S.panelRcvNxt, h.rcvNxt));
    out.push(label(S.panelTimers, timersText(h)));
    out.push(...queueLines(h, width, g, ' '));
  }
  return out.map((l) => truncate(asciiText(l, g.h === '-'), width, g.ellipsis));
}

/** Bottom panel for narrow terminals: one line a host (plus queue lines for a listener in a flood). */
export function bottomPanelLines(panel: PanelData, width: number, g: Glyphs): string[] {
  const out: string[] = [];
  const nameW = Math.max(...panel.hosts.map((h) => sw(h.name)), 0);
  const stateW = Math.max(12, ...panel.hosts.map((h) => sw(S.stateName(h.state))));
  for (const h of panel.hosts) {
    const parts = [
      `${padRight(h.name, nameW)} ${padRight(S.stateName(h.state), stateW)}`,
      `UNA ${h.sndUna}`,
      `NXT ${h.sndNxt}`,
      `RCV ${h.rcvNxt}`,
    ];
    if (h.timers.length > 0) parts.push(timersText(h));
    out.push(parts.join('  '));
    if (panel.showQueues) out.push(...queueLines(h, width, g, ' '.repeat(nameW + 1)));
  }
  return out.map((l) => truncate(asciiText(l, g.h === '-'), width, g.ellipsis));
}
