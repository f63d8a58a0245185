/** `synack stats` and the stats screen: totals, per-topic accuracy over time, due forecast, streak. Pure. */
import type { Progress } from '../store/types.js';
import { dueForecast } from './srs.js';
import { STATS as S } from './strings.js';
import { TOPICS, type Topic } from './types.js';
import type { DayOf } from './days.js';
import { displayWidth, padEndWidth, padStartWidth } from '../text/width.js';

const DAY = 86400000;
export const WEEKS = 4;

export interface TopicStats {
  topic: Topic;
  /** Accuracy 0..1 per week, oldest first, the last entry = the last 7 days; null = no answers that week. */
  weeks: (number | null)[];
  all: number;
  answers: number;
}

export interface Stats {
  answers: number;
  correct: number;
  percent: number;
  cards: { total: number; byState: [number, number, number, number] };
  mistakes: number;
  topics: TopicStats[];
  due7: number[];
  /** Consecutive local days with at least one answer, ending today or yesterday; null when opted out. */
  streak: number | null;
}

/** `dayOf` gives the learner's local day of an instant (streak, due forecast); see days.ts. */
export function computeStats(p: Progress, now: number, dayOf: DayOf): Stats {
  const correct = p.history.filter((h) => h.correct).length;
  const byState: [number, number, number, number] = [0, 0, 0, 0];
  for (const c of Object.values(p.cards)) if (c.state >= 0 && c.state <= 3) byState[c.state]++;
  const topics: TopicStats[] = [];
  for (const t of TOPICS) {
    const hs = p.history.filter((h) => h.topics.includes(t));
    if (hs.length === 0) continue;
    const weeks: (number | null)[] = [];
    for (let w = WEEKS - 1; w >= 0; w--) {
      const from = now - (w + 1) * 7 * DAY;
      const to = now - w * 7 * DAY;
      const inWeek = hs.filter((h) => {
        const at = Date.parse(h.at);
        return at > from && at <= to;
      });
      weeks.push(inWeek.length === 0 ? null : inWeek.filter((h) => h.correct).length / inWeek.length);
    }
    topics.push({ topic: t, weeks, all: hs.filter((h) => h.correct).length / hs.length, answers: hs.length });
  }
  return {
    answers: p.history.length,
    correct,
    percent: p.history.length === 0 ? 0 : Math.round((correct / p.history.length) * 100),
    cards: { total: Object.keys(p.cards).length, byState },
    mistakes: Object.keys(p.mistakes).length,
    topics,
    due7: dueForecast(p, now, 7, dayOf),
    streak: p.settings.streak ? streak(p, now, dayOf) : null,
  };
}

export function streak(p: Progress, now: number, dayOf: DayOf): number {
  const days = new Set(p.history.map((h) => dayOf(Date.parse(h.at))));
  let d = dayOf(now);
  if (!days.has(d)) d--;
  let n = 0;
  while (days.has(d)) {
    n++;
    d--;
  }
  return n;
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

/** A horizontal bar chart of the due forecast, `width` columns at most. */
export function dueChart(due: number[], width = 40, ascii = false): string[] {
  const max = Math.max(1, ...due);
  const labelW = Math.max(...S.dayLabels.map((l) => displayWidth(l)));
  const barW = Math.max(1, width - labelW - 8);
  return due.map((n, i) => {
    const len = n === 0 ? 0 : Math.max(1, Math.round((n / max) * barW));
    return `  ${padEndWidth(S.dayLabels[i] ?? `+${i}d`, labelW)} ${(ascii ? '#' : '█').repeat(len)}${n > 0 ? ' ' : ''}${n}`;
  });
}

export function formatStats(s: Stats, opts: { width?: number; ascii?: boolean } = {}): string[] {
  const lines: string[] = [S.title, ''];
  if (s.answers === 0 && s.cards.total === 0) return [...lines, S.none];
  lines.push(S.totals(s.answers, s.correct, s.percent));
  lines.push(S.cards(s.cards.total, ...s.cards.byState));
  lines.push(S.mistakes(s.mistakes));
  lines.push(s.streak === null ? S.streakOff : S.streak(s.streak));
  lines.push('', S.perTopic);
  lines.push(S.topicHeader(Array.from({ length: WEEKS }, (_, i) => padStartWidth(S.weekLabel(WEEKS - 1 - i), 7))));
  for (const t of s.topics) lines.push(`  ${t.topic.padEnd(20)}${t.weeks.map((w) => pct(w).padStart(7)).join('')}  ${pct(t.all).padStart(4)}`);
  lines.push('', S.due, ...dueChart(s.due7, Math.min(60, (opts.width ?? 80) - 4), opts.ascii));
  return lines;
}
