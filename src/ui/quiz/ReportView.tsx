/**
 * The end-of-session report: score, time per question, per-topic accuracy, lessons to reread, due
 * next. Every word comes from the quiz catalogue (REPORT, src/quiz/strings.ts), in the app's language.
 */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { Report } from '../../quiz/engine.js';
import { REPORT as R, Q } from '../../quiz/strings.js';
import { UI } from '../strings.js';
import { glyphs, col } from '../components/theme.js';
import { padLeft, truncate, width as width_, wrap } from '../components/text.js';

/** A duration in the language's units: `31.7s` / `31.7 秒`, `1m35s` / `1 分 35 秒`. */
export function formatMs(ms: number): string {
  if (ms < 60000) return R.seconds((ms / 1000).toFixed(1));
  const m = Math.floor(ms / 60000);
  const s = Math.round((ms % 60000) / 1000);
  return R.minutes(m, String(s).padStart(2, '0'));
}

/** "in 10 min", "in 3 h", "in 4 days" (zh-CN: "10 分钟后" ...) relative to now. */
export function formatWhen(iso: string, now: number): string {
  const d = Date.parse(iso) - now;
  if (d < 3600000) return R.inMinutes(Math.max(1, Math.round(d / 60000)));
  if (d < 86400000) return R.inHours(Math.round(d / 3600000));
  return R.inDays(Math.round(d / 86400000));
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

type ReportLine = { text: string; style?: 'title' | 'good' | 'bad' | 'dim' };

/**
 * The report as lines of at most `width` columns: every line is broken by the shared line breaker
 * (src/text/wrap.ts: display width, Chinese punctuation rules), except each question's line, which
 * is cut to one line so the list fits `height`.
 */
export function reportLines(p: ReportViewProps): ReportLine[] {
  const g = glyphs(p.ascii);
  const r = p.report;
  const width = Math.max(1, p.width);
  // A line's own indent (the reread bullets) stays, and its continuation lines hang two further in.
  const wrapped = (l: ReportLine): ReportLine[] => {
    const lead = /^ */.exec(l.text)![0];
    const w = Math.max(1, width - lead.length);
    return wrap(l.text.slice(lead.length), w, '  ').map((text) => ({ text: lead.length < width ? lead + text : text, style: l.style }));
  };
  const due = (): ReportLine => ({ text: R.dueLine(R.dueNow(r.dueNow), r.nextDue ? R.nextDue(formatWhen(r.nextDue, p.now)) : R.nothingDue) });
  if (r.total === 0) {
    // No score to give: say why (finished before the first answer, or nothing matched) instead of 0/0.
    const out: ReportLine[] = [];
    if (r.skipped > 0) {
      out.push({ text: UI.reportNoAnswers(r.skipped), style: 'title' });
      out.push(due());
    } else {
      out.push({ text: R.empty, style: 'title' });
      if (r.mode === 'review' && r.dueNow > 0) out.push({ text: UI.reportDueElsewhere(r.dueNow) });
    }
    return out.flatMap(wrapped);
  }
  const head = ([
    { text: R.headline(R.score(r.correct, r.total, r.percent), r.skipped ? R.skipped(r.skipped) : null), style: 'title' },
    { text: R.time(formatMs(r.totalMs), formatMs(r.avgMs)) },
    { text: R.perQuestion, style: 'dim' },
  ] satisfies ReportLine[]).flatMap(wrapped);
  const tail: ReportLine[] = [];
  if (r.topics.length > 0) tail.push({ text: R.topicLine(r.topics.map((t) => ({ topic: t.topic, pct: Math.round(t.accuracy * 100) }))) });
  if (r.weakest.length === 0) tail.push({ text: R.allGood, style: 'good' });
  else {
    tail.push({ text: R.weakest, style: 'title' });
    for (const w of r.weakest) tail.push({ text: `  ${g.bullet} ${R.weakLine(w.topic, Math.round(w.accuracy * 100), w.lessonId, p.lessonTitles[w.lessonId])}` });
  }
  tail.push(due());
  const tailLines = tail.flatMap(wrapped);
  const room = Math.max(1, p.height - head.length - tailLines.length - 1);
  const qs = r.questions;
  const shown = qs.length > room ? qs.slice(0, room - 1) : qs;
  const list: ReportLine[] = shown.map((q, i) => {
    const extras = [q.timedOut ? R.timedOut : '', q.hintsUsed ? R.hints(q.hintsUsed) : '', Q.rating[q.rating] ?? ''].filter((x) => x !== '');
    const head = `${q.correct ? g.check : g.cross} ${String(i + 1).padStart(2)}. ${padLeft(formatMs(q.ms), 6)}  `;
    const tail = extras.length ? R.extras(extras) : '';
    const room = Math.max(10, width - width_(head) - width_(tail));
    return { text: truncate(head + truncate(q.prompt, room, g.ellipsis) + tail, width, g.ellipsis), style: q.correct ? 'good' : 'bad' };
  });
  if (shown.length < qs.length) list.push({ text: `   ${g.ellipsis} +${qs.length - shown.length}`, style: 'dim' });
  return [...head, ...list, ...tailLines];
}

export function ReportView(p: ReportViewProps): ReactElement {
  const lines = reportLines(p);
  return (
    <Box flexDirection="column" width={p.width}>
      {lines.map((l, i) => (
        <Text
          key={i}
          wrap="truncate-end"
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
