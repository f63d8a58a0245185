/**
 * In-process benchmark cases for `npm run bench` (bundled and run by bench/run.mjs, one process per
 * case so that peak memory is the case's own). Prints a JSON array of rows.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSource, SCENARIOS } from '../src/tcp/index.js';
const SCENARIO_COUNT = SCENARIOS.length;
import { render, renderWindow, eventRow } from '../src/diagram/render.js';
import { checkLessons, parseLesson } from '../src/lessons/index.js';
import { loadLessonIndex, readLessonFiles } from '../src/lessons/load.js';
import { animationBytes, playEverything } from './animation.js';
import { createKeySplitter, PASTE_END, PASTE_START } from '../src/ui/key-split.js';

type Row = { group: string; what: string; value: number; unit: string; ratio: number | null };
const rows: Row[] = [];
const add = (group: string, what: string, value: number, unit: string, baseline?: number) =>
  rows.push({ group, what, value: Math.round(value * 1000) / 1000, unit, ratio: baseline ? Math.round((value / baseline) * 100) / 100 : null });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;
function timeIt(runs: number, f: () => void): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    f();
    xs.push(now() - t);
  }
  return median(xs);
}
const root = process.cwd();

/** A script of n small writes from each side: about 3 events per write. */
function transferScript(writes: number): string {
  const lines = ['option isn client 100', 'option isn server 300', 'client connect'];
  for (let i = 0; i < writes; i++) lines.push(i % 2 ? 'server send 10' : 'client send 10');
  lines.push('client close', 'server close');
  return lines.join('\n');
}

const CASES: Record<string, (runs: number) => void | Promise<void>> = {
  /** The stdin wrapper's splitter (src/ui/key-split.ts): what a read costs before Ink sees it. */
  keys(runs) {
    const reads = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
    const feed = (chunks: string[]) => {
      const s = createKeySplitter();
      let pieces = 0;
      for (const c of chunks) pieces += s.push(c).length;
      return pieces + s.flush().length;
    };
    const burst = '\u001B[B\u001B[Bjjk\r';
    const us = timeIt(runs, () => {
      for (let i = 0; i < 1000; i++) feed([burst]);
    });
    add('keys', 'split a burst of 6 keys (↓ ↓ j j k Enter), per read', us, 'µs');
    const paste = 'a pasted line of text\r\n'.repeat(Math.ceil(2 ** 20 / 23)).slice(0, 2 ** 20);
    const plain = reads(paste, 65536);
    let pieces = 0;
    add('keys', '1 MiB paste in 64 KiB reads, not bracketed: all reads', timeIt(runs, () => void (pieces = feed(plain))), 'ms');
    add('keys', '  pieces handed to Ink (one render each)', pieces, 'pieces');
    const bracketed = reads(PASTE_START + paste + PASTE_END, 65536);
    add('keys', '1 MiB bracketed paste in 64 KiB reads: all reads', timeIt(runs, () => void (pieces = feed(bracketed))), 'ms');
    add('keys', '  pieces handed to Ink', pieces, 'pieces');
  },
  async animation() {
    const a = await animationBytes();
    add('animation', 'player 120x40: first frame (the whole screen)', a.full, 'bytes', a.full);
    add('animation', 'player 120x40: bytes per frame while a segment moves', a.perFrame, 'bytes', a.full);
  },
  async memory() {
    const rss = await playEverything();
    add('memory', `peak RSS, one session playing all ${SCENARIO_COUNT} scenarios to the end`, rss, 'MiB');
  },
  render(runs) {
    const small = runSource(transferScript(14));
    const big = runSource(transferScript(2000));
    if (!small.ok || !big.ok) throw new Error('script failed');
    const frame = (trace: typeof small.trace) => {
      const o = { width: 120 };
      const last = trace.events.length - 1;
      const row = eventRow(trace, { ...o, upTo: last }, last);
      renderWindow(trace, { ...o, upTo: last, fromRow: Math.max(0, row - 30), rows: 30 });
    };
    // first frame includes the one-off layout of the whole trace; later frames reuse it
    const t0 = now();
    frame(small.trace);
    const firstSmall = now() - t0;
    const t1 = now();
    frame(big.trace);
    const firstBig = now() - t1;
    const s = timeIt(runs * 20, () => frame(small.trace));
    const b = timeIt(runs * 20, () => frame(big.trace));
    add('render', `diagram frame, ${small.trace.events.length}-event trace, 120 cols`, s, 'ms', s);
    add('render', `diagram frame, ${big.trace.events.length}-event trace, 120 cols`, b, 'ms', s);
    add('render', `first frame (with layout), ${small.trace.events.length} events`, firstSmall, 'ms');
    add('render', `first frame (with layout), ${big.trace.events.length} events`, firstBig, 'ms');
    const full = timeIt(runs, () => render(big.trace, { width: 120 }));
    add('render', `whole diagram of ${big.trace.events.length} events (plain print)`, full, 'ms', s);
  },
  bulk(runs) {
    // Issue 11: the diagram of a 10 MB transfer. Long runs of segments collapse into bands
    // (src/diagram/layout.ts), so a frame costs its rows, not the trace's events.
    const hs = runSource('option isn client 100\noption isn server 300\nclient connect');
    const t0 = now();
    const big = runSource('option profile linux\noption isn client 100\noption isn server 300\nclient connect\nclient send 10000000\nclient close\nserver close');
    const sim = now() - t0;
    if (!hs.ok || !big.ok) throw new Error('script failed');
    const frame = (trace: typeof hs.trace) => {
      const o = { width: 120 };
      const last = trace.events.length - 1;
      const row = eventRow(trace, { ...o, upTo: last }, last);
      renderWindow(trace, { ...o, upTo: last, fromRow: Math.max(0, row - 30), rows: 30 });
    };
    const t1 = now();
    frame(big.trace);
    const first = now() - t1;
    frame(hs.trace);
    const h = timeIt(runs * 20, () => frame(hs.trace));
    const b = timeIt(runs * 20, () => frame(big.trace));
    const n = big.trace.events.length;
    add('render', `diagram frame, handshake (${hs.trace.events.length} events), 120 cols`, h, 'ms', h);
    add('render', `diagram frame, 10 MB transfer (${n} events, in bands), 120 cols`, b, 'ms', h);
    add('render', `first frame (layout with bands), 10 MB transfer`, first, 'ms', h);
    add('render', `simulate the 10 MB transfer (${n} events)`, sim, 'ms');
  },
  loss10mb() {
    // Issue 11: a 10 MB transfer with 1% random loss (fixed seed), linux profile (CUBIC + PRR):
    // must simulate in under 1 s with peak RSS under 150 MB.
    (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t = now();
    const r = runSource('option profile linux\noption loss 1%\noption seed 7\noption isn client 100\noption isn server 300\nclient connect\nclient send 10000000\nclient close\nserver close');
    const ms = now() - t;
    const cpu = process.cpuUsage(c0);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const retx = r.trace.events.filter((e) => e.type === 'segment' && e.retransmission).length;
    add('simulator', `10 MB transfer, 1% loss (seed 7, ${r.trace.events.length} events, ${retx} retransmissions${r.trace.truncated ? ', TRUNCATED' : ''}): time`, ms, 'ms');
    add('simulator', `  CPU time (user + system)`, (cpu.user + cpu.system) / 1000, 'ms');
    add('simulator', `  peak RSS (process)`, process.resourceUsage().maxRSS / 1024, 'MiB');
  },
  lesson(runs) {
    const dir = join(root, 'lessons');
    const longest = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }))
      .sort((a, b) => b.text.length - a.text.length)[0];
    const t = timeIt(runs * 5, () => parseLesson(longest.text, longest.f));
    add('lessons', `parse the longest lesson (${longest.f}, ${longest.text.length} B)`, t, 'ms');
  },
  lessons14(runs) {
    const dir = join(root, 'lessons');
    const n = readdirSync(dir).filter((f) => f.endsWith('.md')).length;
    add('lessons', `index ${n} lessons (front matter only)`, timeIt(runs, () => loadLessonIndex(dir)), 'ms');
    add('lessons', `check ${n} lessons (synack check)`, timeIt(runs, () => checkLessons(readLessonFiles(dir).files)), 'ms');
  },
  lessons500(runs) {
    const src = join(root, 'lessons');
    const files = readdirSync(src).filter((f) => f.endsWith('.md'));
    const dir = mkdtempSync(join(tmpdir(), 'synack-500-'));
    for (let i = 0; i < 500; i++) {
      const f = files[i % files.length];
      const text = readFileSync(join(src, f), 'utf8')
        .replace(/^id: (.*)$/m, `id: $1-copy-${i}`)
        .replace(/^order: .*$/m, `order: ${i + 1}`)
        .replace(/^prerequisites: .*$/m, 'prerequisites: []');
      writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${f}`), text);
    }
    add('lessons', 'index 500 lessons (front matter only)', timeIt(Math.max(3, runs >> 1), () => loadLessonIndex(dir)), 'ms');
    add('lessons', 'check 500 lessons', timeIt(3, () => checkLessons(readLessonFiles(dir).files)), 'ms');
  },
  ...Object.fromEntries(
    [10_000, 100_000, 1_000_000].map((n) => [
      `flood${n}`,
      () => {
        const script = `option isn client 100\noption isn server 300\noption backlog 128\nflood ${n}\nclient connect`;
        (globalThis as { gc?: () => void }).gc?.();
        const t = now();
        const r = runSource(script);
        const ms = now() - t;
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const rss = process.resourceUsage().maxRSS / 1024;
        add('simulator', `SYN flood of ${n.toLocaleString('en')} spoofed SYNs: time`, ms, 'ms');
        add('simulator', `  spoofed SYNs per second`, n / (ms / 1000), 'SYN/s');
        add('simulator', `  peak RSS (process)`, rss, 'MiB');
        add('simulator', `  trace events kept`, r.trace.events.length, 'events');
      },
    ]),
  ),
};

const [name, runsArg] = process.argv.slice(2);
if (name === '--list') {
  process.stdout.write(JSON.stringify(Object.keys(CASES)));
} else {
  await CASES[name](Number(runsArg ?? 9));
  process.stdout.write(JSON.stringify(rows));
  process.exit(0);
}
