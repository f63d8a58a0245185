import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { parseLesson } from '../../src/lessons/parse.js';
import { tcpScriptLines } from '../../src/lessons/tcp.js';
import type { Block } from '../../src/lessons/types.js';
import { initInline, inlineHeight, inlineLines, reduceInline } from '../../src/ui/player/inline.js';
import { plainLesson } from '../../src/cli/lesson-plain.js';
import { withLang } from '../../src/i18n/index.js';

const FM = '---\nid: t\ntitle: T\norder: 1\nsummary: S\nobjectives: [o]\ntopics: [handshake]\nminutes: 5\n---\n';
/** The file line of the fence opening (the body starts after the 9 front-matter lines). */
const BODY = 10;

function lesson(body: string) {
  return parseLesson(FM + body, 't.md', { checkTcp: true });
}
const show = (r: ReturnType<typeof lesson>) => r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
const tcpBlock = (r: ReturnType<typeof lesson>) => r.lesson!.blocks[0] as Extract<Block, { type: 'tcp' }>;

describe('```tcp chart: option', () => {
  it('scenario form: `chart: cwnd,ssthresh` next to caption:', () => {
    const r = lesson('```tcp\nscenario: transfer\ncaption: Five bytes each way\nchart: cwnd, ssthresh\n```\n');
    expect(show(r)).toEqual([]);
    expect(tcpBlock(r)).toMatchObject({ scenario: 'transfer', caption: 'Five bytes each way', chart: ['cwnd', 'ssthresh'] });
  });

  it('whole-script form: a `# chart:` comment; `all` is the four series', () => {
    const script = '# caption: Data\n# chart: all\noption isn client 100\nclient connect\nclient send 3000';
    const r = lesson('```tcp\n' + script + '\n```\n');
    expect(show(r)).toEqual([]);
    expect(tcpBlock(r).chart).toEqual(['cwnd', 'ssthresh', 'flight', 'rwnd']);
    // Without the option the block has no chart.
    expect(tcpBlock(lesson('```tcp\nscenario: handshake\n```\n')).chart).toBeUndefined();
  });

  it('synack check: unknown, repeated and missing series at file:line:col', () => {
    // fence at BODY; `chart:` is its 2nd line; 'cwdn' starts at column 8.
    expect(show(lesson('```tcp\nscenario: transfer\nchart: cwdn,ssthresh\n```\n'))).toEqual([
      `${BODY + 2}:8: unknown chart series 'cwdn' (known: cwnd, ssthresh, flight, rwnd)`,
    ]);
    expect(show(lesson('```tcp\nscenario: transfer\nchart: cwnd, flight,  cwnd\n```\n'))).toEqual([`${BODY + 2}:23: chart series 'cwnd' given twice`]);
    expect(show(lesson('```tcp\nscenario: transfer\nchart:\n```\n'))).toEqual([
      `${BODY + 2}:7: 'chart:' needs the series to draw: one or more of cwnd, ssthresh, flight, rwnd (comma-separated), or all`,
    ]);
    expect(show(lesson('```tcp\n# chart: rwnd,bogus\nclient connect\n```\n'))).toEqual([
      `${BODY + 1}:15: unknown chart series 'bogus' (known: cwnd, ssthresh, flight, rwnd)`,
    ]);
    // In Chinese too.
    const zh = withLang('zh-CN', () => show(lesson('```tcp\nscenario: transfer\nchart: cwdn\n```\n')));
    expect(zh).toEqual([`${BODY + 2}:8: 未知的曲线 'cwdn'（可用：cwnd、ssthresh、flight、rwnd）`]);
  });

  it('is not part of the script (translations compare scripts without it)', () => {
    expect(tcpScriptLines('scenario: transfer\ncaption: x\nchart: cwnd\noption mss 500')).toEqual(['scenario: transfer', 'option mss 500']);
  });
});

describe('the inline player shows the chart under the diagram', () => {
  const script = '# chart: cwnd,flight\noption isn client 100\noption isn server 300\noption mss 1000\nclient connect\nclient send 3000';

  it('adds the chart rows to the box, at every width', () => {
    const plain = initInline(script, null, 'tcp');
    const charted = initInline(script, null, 'tcp', ['cwnd', 'flight']);
    expect(inlineHeight(charted) - inlineHeight(plain)).toBe(12);
    for (const w of [40, 76, 120]) {
      const lines = inlineLines(reduceInline(charted, { type: 'goto', step: 1e9 }), w - 2, false, false);
      expect(lines.length + 2).toBe(inlineHeight(charted));
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(w - 2);
    }
  });

  it('`c` shows the chart in place of the diagram, and back', () => {
    const s0 = initInline(script, null, 'tcp');
    const s1 = reduceInline(s0, { type: 'toggle-chart' });
    expect(s1.player.chart).toBe(true);
    expect(inlineHeight(s1)).toBe(inlineHeight(s0));
    expect(reduceInline(s1, { type: 'toggle-chart' }).player.chart).toBe(false);
  });

  it('learn --plain prints the block with its chart rows', () => {
    const body = '# Lesson\n\n```tcp\n' + script + '\n```\n';
    const r = parseLesson(FM + body, 't.md', { checkTcp: true });
    expect(r.problems).toEqual([]);
    const withChart = plainLesson(r.lesson!, { width: 80, ascii: true });
    const r2 = parseLesson(FM + body.replace('# chart: cwnd,flight\n', ''), 't.md', { checkTcp: true });
    const without = plainLesson(r2.lesson!, { width: 80, ascii: true });
    expect(withChart.length - without.length).toBe(12);
  });
});
