/**
 * Interview coverage: test/lessons/fixtures/interview-questions.md lists the networking questions
 * interviews ask most, each with the lesson section that answers it and the quiz ids that drill it.
 * Every lesson, section and quiz id named there must exist (quiz ids in English and in zh-CN), so the
 * list cannot drift from the course. Also: the answers a learner would reasonably type to the text
 * questions the issue named (issue 12 item 12) are accepted, in both languages. And the numbers
 * that quizzes ask a learner to read off a live diagram are the numbers the model draws.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllLessons } from '../../src/lessons/load.js';
import { textMatches } from '../../src/quiz/grade.js';
import type { Question } from '../../src/quiz/types.js';
import { runSource } from '../../src/tcp/index.js';
import { getScenario } from '../../src/tcp/scenarios.js';
import type { Trace, SegmentEvent } from '../../src/tcp/types.js';

const dir = join(import.meta.dirname, '../../lessons');
const listFile = join(import.meta.dirname, 'fixtures/interview-questions.md');

interface Row {
  n: number;
  question: string;
  zh: string;
  lesson: string;
  section: string;
  quizzes: string[];
  line: number;
}

/** The table rows of the list: `| # | question | 中文问法 | lesson | section | quiz ids |`. */
function readRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\|\s*(\d+)\s*\|(.*)\|\s*$/.exec(raw);
    if (!m) return;
    const cells = m[2]!.split('|').map((c) => c.trim());
    expect(cells, `line ${i + 1}`).toHaveLength(5);
    const [question, zh, lesson, section, quizzes] = cells as [string, string, string, string, string];
    rows.push({ n: Number(m[1]), question, zh, lesson, section, quizzes: quizzes.split(',').map((q) => q.trim()), line: i + 1 });
  });
  return rows;
}

/** Lesson id -> its `##`/`###` headings, read from the English files. */
function headingsById(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const id = /^id:\s*(\S+)\s*$/m.exec(text)?.[1];
    if (!id) continue;
    out.set(id, new Set([...text.matchAll(/^#{2,3} (.+)$/gm)].map((h) => h[1]!.trim())));
  }
  return out;
}

const en = loadAllLessons(dir);
const zh = loadAllLessons(dir, { lang: 'zh-CN' });
/** A lesson question's id is `lesson-id/quiz-id`; the list names the quiz id. */
const quizId = (q: Question): string => q.id.slice(q.id.indexOf('/') + 1);
const quizIds = (all: typeof en): Set<string> => new Set(all.lessons.flatMap((l) => l.questions.map(quizId)));
const byId = (all: typeof en, id: string): Question | undefined => all.lessons.flatMap((l) => l.questions).find((q) => quizId(q) === id);

describe('the interview-question list', () => {
  const rows = readRows(readFileSync(listFile, 'utf8'));
  const headings = headingsById();
  const enIds = quizIds(en);
  const zhIds = quizIds(zh);

  it('has about 80 questions or more, numbered 1..N, none twice, each with its Chinese phrasing', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.question.toLowerCase())).size).toBe(rows.length);
    for (const r of rows) expect(r.zh, `line ${r.line}`).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names lessons and sections that exist', () => {
    const missing = rows.flatMap((r) => {
      const hs = headings.get(r.lesson);
      if (!hs) return [`line ${r.line}: no lesson ${r.lesson}`];
      return hs.has(r.section) ? [] : [`line ${r.line}: no section "${r.section}" in ${r.lesson}`];
    });
    expect(missing).toEqual([]);
  });

  it('names quiz ids that exist in the English lessons and in their zh-CN translations', () => {
    expect(en.broken).toEqual([]);
    expect(zh.lessons.every((l) => l.lang === 'zh-CN' && !l.fallback)).toBe(true);
    const missing = rows.flatMap((r) =>
      r.quizzes.flatMap((q) => [
        ...(enIds.has(q) ? [] : [`line ${r.line}: ${q} not in the English lessons`]),
        ...(zhIds.has(q) ? [] : [`line ${r.line}: ${q} not in the zh-CN lessons`]),
      ]),
    );
    expect(missing).toEqual([]);
  });

  it('drills every question with at least one quiz, and at least one of them in the answering lesson', () => {
    const lessonOf = new Map(en.lessons.flatMap((l) => l.questions.map((q) => [quizId(q), l.meta.id] as const)));
    const stray = rows.filter((r) => r.quizzes.length === 0 || !r.quizzes.some((q) => lessonOf.get(q) === r.lesson));
    expect(stray.map((r) => `line ${r.line}`)).toEqual([]);
  });
});

describe('text answers a learner would type are accepted (issue 12, item 12)', () => {
  // [quiz id, answers]: the forms the issue named, the Chinese term, and common variants.
  const cases: [string, string[]][] = [
    ['host-mandatory', ['Host:', 'Host', 'host header', 'Host 请求头']],
    ['four-tuple-text', ['socket pair', '4-tuple', '四元组', '套接字对']],
    ['flag-rst', ['RST flag', 'rst', 'reset', 'RST bit', '复位', 'RST 标志位']],
    ['reboot-rst', ['RST flag', 'RST', 'reset flag', '复位']],
    ['half-open-state', ['SYN_RECV', 'SYN_RCVD', 'syn-received', 'SYN-RECEIVED 状态', '同步收到']],
    ['server-state-after-synack', ['SYN_RCVD', 'SYN RECEIVED', '同步收到']],
    ['passive-state-after-fin', ['CLOSE_WAIT', '关闭等待', 'CLOSE-WAIT 状态']],
    ['active-state-after-ack', ['FIN_WAIT_2', 'FIN_WAIT2', '终止等待2']],
    ['time-wait-state-name', ['TIME_WAIT', '时间等待', '2MSL 等待']],
    ['tc-bit', ['TC', 'TC bit', 'TC flag', '截断', 'TC 位']],
    ['sni', ['SNI', 'Server Name Indication', 'SNI extension', '服务器名称指示']],
    ['alpn', ['ALPN', 'ALPN extension', '应用层协议协商']],
    ['eagain', ['EAGAIN', 'EWOULDBLOCK', 'BlockingIOError']],
    ['persist-timer', ['persist timer', '坚持计时器', '持续定时器', '零窗口探测定时器']],
    ['broadcast-mac', ['FF:FF:FF:FF:FF:FF', 'ff-ff-ff-ff-ff-ff', 'ff ff ff ff ff ff', '全F']],
    ['bs-protocol', ['HTTP', 'HTTPS', 'HTTP(S)', '超文本传输协议']],
    ['port-forwarding', ['port forwarding', 'port mapping', '端口映射', '端口转发']],
    ['close-wait-command', ['close-wait', 'CLOSE_WAIT', 'state close-wait']],
  ];

  it.each(cases)('%s', (id, answers) => {
    for (const [lang, all] of [['en', en], ['zh-CN', zh]] as const) {
      const q = byId(all, id);
      expect(q?.type, `${lang} ${id}`).toBe('text');
      if (q?.type !== 'text') continue;
      const refused = answers.filter((a) => !textMatches(a, q.accept));
      expect(refused, `${lang} ${id}`).toEqual([]);
    }
  });

  it('still refuses wrong answers', () => {
    const q = byId(en, 'flag-rst');
    expect(q?.type).toBe('text');
    if (q?.type !== 'text') return;
    for (const wrong of ['FIN', 'SYN', 'ACK flag', 'reset connection please']) expect(textMatches(wrong, q.accept), wrong).toBe(false);
  });
});

/** The trace of a built-in scenario, as a lesson's `scenario: NAME` block runs it; or, for
 *  `lesson:ID:CAPTION START`, of the script block of that English lesson whose caption starts so. */
function scenarioTrace(name: string): Trace {
  let source: string;
  if (name.startsWith('lesson:')) {
    const [, id, caption] = name.split(':') as [string, string, string];
    const block = en.lessons.find((l) => l.meta.id === id)?.blocks.find((b) => b.type === 'tcp' && (b.caption ?? '').startsWith(caption));
    expect(block, name).toBeDefined();
    source = block!.type === 'tcp' ? block!.source : '';
  } else {
    const sc = getScenario(name);
    expect(sc, name).toBeDefined();
    source = sc!.source;
  }
  const r = runSource(source);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.trace;
}
const segments = (t: Trace): SegmentEvent[] => t.events.filter((e): e is SegmentEvent => e.type === 'segment');

describe('numbers read off a live diagram are the model\'s numbers', () => {
  // [quiz id, scenario its lesson draws, the number computed from that scenario's trace]
  const cases: [string, string, (t: Trace) => number | undefined][] = [
    // lesson 10: the window the server advertises in its ACK with ack=2101
    ['window-after-ack', 'zero-window', (t) => segments(t).find((s) => s.from === 'server' && s.ack === 2101)?.window],
    // lesson 10: when the third zero-window probe (persist timer) leaves
    ['zero-window-probe-gap', 'zero-window', (t) => t.events.filter((e) => e.type === 'timer' && e.timer === 'persist' && e.action === 'fired')[2]?.t],
    // lesson 10: how long after the second request's header Nagle releases its body (the first
    // Nagle block's script: a one-write request, then header + body)
    ['nagle-stall-ms', 'lesson:flow-and-congestion:Nagle on, delayed ACK on', (t) => {
      const data = segments(t).filter((s) => s.from === 'client' && s.len > 0);
      return data.length === 3 ? data[2]!.t - data[1]!.t : undefined;
    }],
    // lesson 10: data segments the client sends in the third round trip of slow start
    ['slow-start-live', 'lesson:flow-and-congestion:Slow start on Linux', (t) => {
      const data = segments(t).filter((s) => s.from === 'client' && s.len > 0);
      const times = [...new Set(data.map((s) => s.t))];
      return times.length >= 3 ? data.filter((s) => s.t === times[2]).length : undefined;
    }],
    // lesson 10: ssthresh (in 1000-byte segments) when Reno enters fast recovery
    ['ssthresh-live', 'lesson:flow-and-congestion:Reno - seq=2101 is lost', (t) => {
      const i = t.snapshots.findIndex((h) => h['client']?.cc?.phase === 'fast-recovery');
      const ss = i >= 0 ? t.snapshots[i]!['client']?.cc?.ssthresh : undefined;
      return typeof ss === 'number' ? ss / 1000 : undefined;
    }],
    // lesson 14: when client2's request (sent at 1450 ms) first reaches the server without being dropped
    ['accept-overflow-delivered', 'accept-overflow', (t) => {
      const discarded = new Set(t.events.flatMap((e) => (e.type === 'arrival' && e.dropReason ? [e.segment] : [])));
      return segments(t).find((s) => s.from === 'client2' && s.len > 0 && s.fate === 'delivered' && !discarded.has(s.id))?.arrives;
    }],
  ];

  it.each(cases)('%s (%s)', (id, scenario, compute) => {
    const want = compute(scenarioTrace(scenario));
    expect(want, `${scenario}: the event the quiz points at`).toBeDefined();
    for (const [lang, all] of [['en', en], ['zh-CN', zh]] as const) {
      const q = byId(all, id);
      expect(q?.type, `${lang} ${id}`).toBe('numeric');
      if (q?.type === 'numeric') expect(q.answer, `${lang} ${id}`).toBe(want);
    }
  });

  it('the lessons draw those scenarios', () => {
    const uses = (lessonId: string, scenario: string): boolean =>
      readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.md') && readFileSync(join(dir, f), 'utf8').includes(`\nid: ${lessonId}\n`))!), 'utf8').includes(`scenario: ${scenario}\n`);
    expect(uses('flow-and-congestion', 'zero-window')).toBe(true);
    expect(uses('syn-flood', 'accept-overflow')).toBe(true);
  });
});
