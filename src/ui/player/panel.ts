/**
 * The player's side / bottom panel as plain text lines (pure; the view only wraps them in <Text>).
 */
import type { Glyphs } from '../components/theme.js';
import { padRight, truncate, width as sw } from '../components/text.js';
import type { PanelCc, PanelData, PanelHost } from './model.js';
import { inMss } from '../../diagram/chart.js';
import { asciiText, playerStrings as S } from './strings.js';

export function gauge(n: number, max: number, cells: number, g: Glyphs): string {
  if (max <= 0 || cells <= 0) return '';
  const full = Math.min(cells, Math.round((Math.min(n, max) / max) * cells));
  return '[' + g.barFull.repeat(full) + g.barEmpty.repeat(cells - full) + ']';
}

/** Where the legend tokens of what a panel shows are collected (src/ui/components/legend.ts). */
export type Tokens = Set<string> | undefined;

function timersText(h: PanelHost, tokens?: Tokens): string {
  for (const t of h.timers) tokens?.add(`timer:${t.timer}`);
  if (h.timers.length === 0) return S.panelNoTimers;
  return h.timers.map((t) => `${t.label} ${S.countdown(String(t.remaining))}`).join(', ');
}

function queueLines(h: PanelHost, width: number, g: Glyphs, indent: string, tokens?: Tokens): string[] {
  if (!h.queue) return [];
  tokens?.add('panel:queues');
  const q = h.queue;
  const full = q.syn >= q.synMax && q.synMax > 0 ? ` ${S.panelFull}` : '';
  const head = `${indent}${S.panelSynQueue} `;
  const tail = ` ${q.syn}/${q.synMax}${full}`;
  const cells = Math.max(0, Math.min(q.synMax, width - sw(head) - sw(tail) - 2, 20));
  const bar = cells >= 3 ? gauge(q.syn, q.synMax, cells, g) : '';
  return [head + bar + tail, `${indent}${S.panelAcceptQueue} ${q.accept}/${q.acceptMax}`];
}

/** A window in bytes, with its size in MSS when the MSS is known and `withMss`. */
function win(bytes: number, cc: PanelCc, withMss: boolean): string {
  return withMss && cc.mss ? S.bytesMss(String(bytes), inMss(bytes, cc.mss)) : String(bytes);
}

function ssthreshText(cc: PanelCc, withMss: boolean): string {
  return cc.ssthresh === null ? S.infinite : win(cc.ssthresh, cc, withMss);
}

/** The congestion fields as [label, value with MSS, value in bytes only] (side panel). */
function ccFields(cc: PanelCc): [string, string, string][] {
  return [
    [S.panelCwnd, win(cc.cwnd, cc, true), win(cc.cwnd, cc, false)],
    [S.panelSsthresh, ssthreshText(cc, true), ssthreshText(cc, false)],
    [S.panelFlight, win(cc.flight, cc, true), win(cc.flight, cc, false)],
    [S.panelPeerWnd, win(cc.peerWnd, cc, true), win(cc.peerWnd, cc, false)],
    [S.panelDupAcks, String(cc.dupAcks), String(cc.dupAcks)],
    [S.panelPhase, S.phaseNames[cc.phase] ?? cc.phase, S.phaseShort[cc.phase] ?? cc.phase],
  ];
}

/**
 * The congestion state on one line (bottom panel), or two when one does not fit: the first form
 * that fits `width` of: full labels with MSS, full labels in bytes, short labels (`cw 10000 ss ∞`).
 */
export function ccLines(cc: PanelCc, width: number, indent: string, ascii: boolean, tokens?: Tokens): string[] {
  const lines = ccLinesOf(cc, width, indent, ascii);
  if (tokens) {
    // The legend names the form the panel shows: full labels or their short forms.
    const text = lines.join(' ');
    const brief = !text.includes(S.panelCwnd + ' ');
    const add = (t: string) => tokens.add(t);
    if (brief) ['cw', 'ss', 'fl', 'rw', 'dup'].forEach((k) => add(`cc-short:${k}`));
    else ['cwnd', 'ssthresh', 'flight', 'rwnd', 'dupacks'].forEach((k) => add(`cc:${k}`));
    add(brief ? `phase-short:${cc.phase}` : `phase:${cc.phase}`);
    if (cc.ssthresh === null) add('inf');
    if (text.includes(' MSS')) add('mss');
  }
  return lines;
}

function ccLinesOf(cc: PanelCc, width: number, indent: string, ascii: boolean): string[] {
  const fit = (l: string) => sw(asciiText(l, ascii)) <= width;
  const phase = S.phaseNames[cc.phase] ?? cc.phase;
  const short = S.phaseShort[cc.phase] ?? cc.phase;
  const long = (m: boolean) => [
    `${S.panelCwnd} ${win(cc.cwnd, cc, m)}`,
    `${S.panelSsthresh} ${ssthreshText(cc, m)}`,
    `${S.panelFlight} ${win(cc.flight, cc, m)}`,
    `${S.panelPeerWnd} ${win(cc.peerWnd, cc, m)}`,
    `${S.panelDupAcks} ${cc.dupAcks}`,
    phase,
  ];
  const c = S.ccShort;
  const brief = [
    `${c.cwnd} ${cc.cwnd}`,
    `${c.ssthresh} ${ssthreshText(cc, false)}`,
    `${c.flight} ${cc.flight}`,
    `${c.rwnd} ${cc.peerWnd}`,
    `${c.dupAcks} ${cc.dupAcks}`,
    short,
  ];
  for (const parts of [long(true), long(false), brief]) {
    const one = indent + parts.join('  ');
    if (fit(one)) return [one];
  }
  // Two lines: the windows, then the peer's window, duplicate ACKs and the phase.
  for (const parts of [long(true), long(false), brief]) {
    const two = [indent + parts.slice(0, 3).join('  '), indent + parts.slice(3).join('  ')];
    if (two.every(fit)) return two;
  }
  return [indent + brief.slice(0, 3).join(' '), indent + brief.slice(3).join(' ')];
}

/** Side panel (one field a line), each line at most `width` columns. */
export function sidePanelLines(panel: PanelData, width: number, g: Glyphs, tokens?: Tokens): string[] {
  const out: string[] = [];
  if (tokens && panel.hosts.length > 0) ['panel:SND.UNA', 'panel:SND.NXT', 'panel:RCV.NXT'].forEach((t) => tokens.add(t));
  const ccKeys = panel.hosts.some((h) => h.cc) ? [S.panelCwnd, S.panelSsthresh, S.panelFlight, S.panelPeerWnd, S.panelDupAcks, S.panelPhase] : [];
  const keys = [S.panelState, S.panelSndUna, S.panelSndNxt, S.panelRcvNxt, S.panelTimers, ...ccKeys];
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
    out.push(label(S.panelTimers, timersText(h, tokens)));
    out.push(...queueLines(h, width, g, ' ', tokens));
    // Congestion control: the value in MSS too when it fits, else bytes only, else the short form.
    if (h.cc) {
      for (const [k, withMss, bytesOnly] of ccFields(h.cc)) {
        const full = label(k, withMss);
        const fits = sw(asciiText(full, g.h === '-')) <= width;
        if (fits && full.includes(' MSS')) tokens?.add('mss');
        out.push(fits ? full : label(k, bytesOnly));
      }
      if (tokens) {
        ['cwnd', 'ssthresh', 'flight', 'rwnd', 'dupacks'].forEach((k) => tokens.add(`cc:${k}`));
        tokens.add(`phase:${h.cc.phase}`);
        if (h.cc.ssthresh === null) tokens.add('inf');
      }
    }
  }
  return out.map((l) => truncate(asciiText(l, g.h === '-'), width, g.ellipsis));
}

/** Bottom panel for narrow terminals: one line a host (plus queue lines for a listener in a flood). */
export function bottomPanelLines(panel: PanelData, width: number, g: Glyphs, tokens?: Tokens): string[] {
  const out: string[] = [];
  if (tokens && panel.hosts.length > 0) ['panel:UNA', 'panel:NXT', 'panel:RCV'].forEach((t) => tokens.add(t));
  const nameW = Math.max(...panel.hosts.map((h) => sw(h.name)), 0);
  const stateW = Math.max(12, ...panel.hosts.map((h) => sw(S.stateName(h.state))));
  for (const h of panel.hosts) {
    const parts = [
      `${padRight(h.name, nameW)} ${padRight(S.stateName(h.state), stateW)}`,
      `UNA ${h.sndUna}`,
      `NXT ${h.sndNxt}`,
      `RCV ${h.rcvNxt}`,
    ];
    if (h.timers.length > 0) parts.push(timersText(h, tokens));
    out.push(parts.join('  '));
    if (panel.showQueues) out.push(...queueLines(h, width, g, ' '.repeat(nameW + 1), tokens));
    if (h.cc) out.push(...ccLines(h.cc, width, ' '.repeat(nameW + 1), g.h === '-', tokens));
  }
  return out.map((l) => truncate(asciiText(l, g.h === '-'), width, g.ellipsis));
}
