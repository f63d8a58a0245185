/** The end-of-session report: score, time per question, per-topic accuracy, lessons to reread, due next. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { Report } from '../../quiz/engine.js';
import { REPORT as R, Q } from '../../quiz/strings.js';
import { UI } from '../strings.js';
import { glyphs, col } from '../components/theme.js';
import { truncate } from '../components/text.js';

export function formatMs(ms: number): string {
  if (ms < 60000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60000);
  const s = Math.round((ms % 60000) / 1000);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

/** "in 10 min", "in 3 h", "in 4 days" relative to now. */
export function formatWhen(iso: string, now: number): string {
  const d = Date.parse(iso) - now;
  if (d < 3600000) return `in ${Math.max(1, Math.round(d / 60000))} min`;
  if (d < 86400000) return `in ${Math.round(d / 3600000)} h`;
  const days = Math.round(d / 86400000);
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

export interface ReportViewProps {
  report: Report;
  width: number;
  /** Rows available: the per-question list is cut to fit. */
  height: number;
  ascii: boolean;
  color: boolean;
  now: number;
  /** lesson id -> title, for "reread". */
  lessonTitles: Record<string, string>;
}

export function reportLines(p: ReportViewProps): { text: string; style?: 'title' | 'good' | 'bad' | 'dim' }[] {
  const g = glyphs(p.ascii);
  const r = p.report;
  const out: { text: string; style?: 'title' | 'good' | 'bad' | 'dim' }[] = [];
  if (r.total === 0) {
    // No score to give: say why (finished before the first answer, or nothing matched) instead of 0/0.
    if (r.skipped > 0) {
      out.push({ text: UI.reportNoAnswers(r.skipped), style: 'title' });
      out.push({ text: `${R.dueNow(r.dueNow)}; ${r.nextDue ? R.nextDue(formatWhen(r.nextDue, p.now)) : R.nothingDue}` });
    } else {
      out.push({ text: R.empty, style: 'title' });
      if (r.mode === 'review' && r.dueNow > 0) out.push({ text: UI.reportDueElsewhere(r.dueNow) });
    }
    return out;
  }
  out.push({ text: `${R.title}: ${R.score(r.correct, r.total, r.percent)}${r.skipped ? `, ${R.skipped(r.skipped)}` : ''}`, style: 'title' });
  out.push({ text: R.time(formatMs(r.totalMs), formatMs(r.avgMs)) });
  const fixedTail = 3 + Math.max(1, r.weakest.length) + (r.topics.length > 0 ? 1 : 0);
  const room = Math.max(1, p.height - out.length - fixedTail - 1);
  out.push({ text: R.perQuestion, style: 'dim' });
  const qs = r.questions;
  const shown = qs.length > room ? qs.slice(0, room - 1) : qs;
  shown.forEach((q, i) => {
    const extra = [q.timedOut ? R.timedOut : '', q.hintsUsed ? R.hints(q.hintsUsed) : '', Q.rating[q.rating] ?? ''].filter((x) => x !== '').join(', ');
    const head = `${q.correct ? g.check : g.cross} ${String(i + 1).padStart(2)}. ${formatMs(q.ms).padStart(6)}  `;
    const tail = `  (${extra})`;
    out.push({ text: head + truncate(q.prompt, Math.max(10, p.width - head.length - tail.length), g.ellipsis) + tail, style: q.correct ? 'good' : 'bad' });
  });
  if (shown.length < qs.length) out.push({ text: `   ${g.ellipsis} +${qs.length - shown.length}`, style: 'dim' });
  if (r.topics.length > 0) {
    out.push({ text: `${R.perTopic} ${r.topics.map((t) => `${t.topic} ${Math.round(t.accuracy * 100)}%`).join(', ')}` });
  }
  if (r.weakest.length === 0) out.push({ text: R.allGood, style: 'good' });
  else {
    out.push({ text: R.weakest, style: 'title' });
    for (const w of r.weakest) out.push({ text: `  ${g.bullet} ${R.weakLine(w.topic, Math.round(w.accuracy * 100), w.lessonId, p.lessonTitles[w.lessonId])}` });
  }
  out.push({ text: `${R.dueNow(r.dueNow)}; ${r.nextDue ? R.nextDue(formatWhen(r.nextDue, p.now)) : R.nothingDue}` });
  return out;
}

export function ReportView(p: ReportViewProps): ReactElement {
  const lines = reportLines(p);
  return (
    <Box flexDirection="column" width={p.width}>
      {lines.map((l, i) => (
        <Text
          key={i}
          wrap="wrap"
          bold={l.style === 'title'}
          dimColor={l.style === 'dim'}
          color={l.style === 'good' ? col(p.color, 'green') : l.style === 'bad' ? col(p.color, 'red') : undefined}
        >
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
