/**
 * ```tcp blocks: a whole scenario script, or `scenario: NAME` + `caption:` + `option ...` lines
 * expanded to the built-in's script. The TCP model is reached through one small interface
 * (`TcpModel`) so the parser stays testable and the one bridge to src/tcp sits in one place. Pure.
 */
import { SCENARIOS, getScenario } from '../tcp/index.js';
import { cachedRunSource } from '../tcp/run-cache.js';
import type { ScriptError } from '../tcp/types.js';
import { CHART_METRICS, isChartMetric, type ChartMetric } from '../diagram/chart.js';
import { LESSON_MESSAGES as M } from './strings.js';
import { suggest } from '../util/suggest.js';
import type { LocalProblem } from './yaml.js';

export interface TcpModel {
  /** Names of the built-in scenarios. */
  scenarioNames(): string[];
  /** Source of a built-in scenario, or undefined. */
  scenarioSource(name: string): string | undefined;
  /** Parse and run a script in the model: [] when it runs, its errors otherwise; null if no model. */
  check(source: string): ScriptError[] | null;
}

/** The real model (src/tcp): the only place src/lessons reaches into it. */
export const defaultTcpModel: TcpModel = {
  scenarioNames() {
    return SCENARIOS.map((s) => s.name);
  },
  scenarioSource(name) {
    return getScenario(name)?.source;
  },
  check(source) {
    try {
      // Remembered (src/tcp/run-cache.ts): `synack check` and the reader share the run.
      const r = cachedRunSource(source);
      return r.ok ? [] : r.errors;
    } catch (e) {
      // The model threw while running a script that parsed: report it on the block, not as a crash.
      return [{ line: 0, col: 1, message: e instanceof Error ? e.message : String(e) }];
    }
  },
};

export interface ParsedTcp {
  source: string;
  scenario: string | null;
  caption: string | null;
  /**
   * For each line of `source` (0-based index), the 1-based line inside the fence it came from, or
   * 0 when it came from the built-in scenario (errors there point at the `scenario:` line).
   */
  lineMap: number[];
  /** Fence line of `scenario:` (0 for a whole script). */
  scenarioLine: number;
  /**
   * `chart: cwnd,ssthresh` (`# chart: ...` in a whole script): the congestion chart under the
   * diagram with these series (src/diagram/chart.ts), or null for none.
   */
  chart: ChartMetric[] | null;
}

const SCENARIO = /^\s*scenario\s*:\s*(.*?)\s*$/;
const CAPTION = /^\s*caption\s*:\s*(.*?)\s*$/;
const COMMENT_CAPTION = /^\s*#\s*caption\s*:\s*(.*?)\s*$/i;
const CHART = /^(\s*chart\s*:\s*)(.*?)\s*$/;
const COMMENT_CHART = /^(\s*#\s*chart\s*:\s*)(.*?)\s*$/i;

/**
 * The series of a `chart:` line: a comma-separated list of cwnd, ssthresh, flight, rwnd (each at
 * most once; `all` for the four). Problems point at the offending name (fence-local line `line`).
 */
export function parseChartLine(line: string, lineNo: number, re: RegExp = CHART): { chart: ChartMetric[] | null; problems: LocalProblem[] } {
  const m = re.exec(line);
  if (!m) return { chart: null, problems: [] };
  const start = m[1]!.length;
  const text = m[2]!;
  if (text.trim() === '') return { chart: null, problems: [{ line: lineNo, col: start + 1, message: M.tcpChartEmpty([...CHART_METRICS]) }] };
  if (text.trim() === 'all') return { chart: [...CHART_METRICS], problems: [] };
  const chart: ChartMetric[] = [];
  const problems: LocalProblem[] = [];
  let at = 0;
  for (const raw of text.split(',')) {
    const name = raw.trim();
    const col = start + at + (raw.length - raw.trimStart().length) + 1;
    at += raw.length + 1;
    if (!isChartMetric(name)) problems.push({ line: lineNo, col, message: M.tcpChartUnknown(name, [...CHART_METRICS]) });
    else if (chart.includes(name)) problems.push({ line: lineNo, col, message: M.tcpChartTwice(name) });
    else chart.push(name);
  }
  return { chart: problems.length > 0 ? null : chart, problems };
}
const OPTION = /^\s*option\s+(\S+)(?:\s+(\S+))?/;

function stripComment(line: string): string {
  const i = line.indexOf('#');
  return i < 0 ? line : line.slice(0, i);
}

function isBlankOrComment(line: string): boolean {
  return stripComment(line).trim() === '';
}

/** 'isn client' for `option isn client 100`, else the option name. */
/**
 * What a tcp script does, without what is written for people: comments (the `# caption:` line
 * among them) and blank lines dropped, trailing blanks trimmed. Two blocks with the same lines
 * draw the same diagram (translation parity compares these).
 */
export function tcpScriptLines(source: string): string[] {
  return source
    .split('\n')
    .filter((l) => !isBlankOrComment(l) && !CAPTION.test(l) && !CHART.test(l))
    .map((l) => stripComment(l).trimEnd());
}

function optionKey(line: string): string | null {
  const m = OPTION.exec(stripComment(line));
  if (!m) return null;
  return m[1] === 'isn' && m[2] ? `isn ${m[2]}` : m[1]!;
}

function unquote(s: string): string {
  const m = /^(["'])(.*)\1$/.exec(s);
  return m ? m[2]! : s;
}

/** Parse a tcp fence body (local 1-based lines in problems). */
export function parseTcpBlock(text: string, model: TcpModel): { tcp?: ParsedTcp; problems: LocalProblem[] } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => !isBlankOrComment(l));
  if (first < 0) return { problems: [{ line: 1, col: 1, message: M.tcpEmpty }] };
  const sm = SCENARIO.exec(lines[first]!);
  if (!sm) {
    let caption: string | null = null;
    for (const l of lines) {
      const c = COMMENT_CAPTION.exec(l);
      if (c) {
        caption = unquote(c[1]!);
        break;
      }
    }
    // `# chart: ...` (a comment, so the script still runs as it is).
    let chart: ChartMetric[] | null = null;
    const problems: LocalProblem[] = [];
    lines.forEach((l, i) => {
      const r = parseChartLine(l, i + 1, COMMENT_CHART);
      if (r.chart) chart = r.chart;
      problems.push(...r.problems);
    });
    return {
      tcp: { source: text, scenario: null, caption, lineMap: lines.map((_, i) => i + 1), scenarioLine: 0, chart },
      problems,
    };
  }
  const problems: LocalProblem[] = [];
  const name = unquote(stripComment(sm[1]!).trim());
  const scenarioLine = first + 1;
  let caption: string | null = null;
  let chart: ChartMetric[] | null = null;
  const options: { text: string; line: number }[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlankOrComment(l)) continue;
    const indent = l.length - l.trimStart().length;
    const c = CAPTION.exec(l);
    if (c) caption = unquote(c[1]!);
    else if (CHART.test(l)) {
      const r = parseChartLine(stripComment(l), i + 1);
      chart = r.chart;
      problems.push(...r.problems);
    } else if (optionKey(l) !== null) options.push({ text: l, line: i + 1 });
    else if (SCENARIO.test(l)) problems.push({ line: i + 1, col: indent + 1, message: M.tcpScenarioTwice });
    else {
      // A misspelled key (`captoin:`) is named with the one it is close to.
      const key = /^\s*([A-Za-z][\w-]*)\s*:/.exec(l)?.[1];
      const guess = key !== undefined ? suggest(key, ['caption', 'chart']) : null;
      problems.push({ line: i + 1, col: indent + 1, message: guess !== null ? M.unknownField(key!, guess) : M.tcpScenarioLine });
    }
  }
  const builtin = model.scenarioSource(name);
  if (builtin === undefined) {
    const col = lines[first]!.indexOf(sm[1]!) + 1;
    problems.push({ line: scenarioLine, col: col > 0 ? col : 1, message: M.tcpUnknownScenario(name, model.scenarioNames()) });
    return { problems };
  }
  // Expand: the built-in's lines, minus the options the block overrides, with the block's options
  // inserted before the first action line.
  const overridden = new Set(options.map((o) => optionKey(o.text)));
  const src = builtin.replace(/\n+$/, '').split('\n');
  const out: string[] = [];
  const map: number[] = [];
  let inserted = false;
  const insert = (): void => {
    for (const o of options) {
      out.push(o.text);
      map.push(o.line);
    }
    inserted = true;
  };
  for (const l of src) {
    const key = optionKey(l);
    if (!inserted && key === null && !isBlankOrComment(l)) insert();
    if (key !== null && overridden.has(key)) continue;
    out.push(l);
    map.push(0);
  }
  if (!inserted) insert();
  return {
    tcp: { source: out.join('\n') + '\n', scenario: name, caption, lineMap: map, scenarioLine, chart },
    problems,
  };
}

/** Run a parsed block in the model; problems in fence-local lines. null when there is no model. */
export function checkTcpBlock(block: ParsedTcp, model: TcpModel): LocalProblem[] | null {
  const errors = model.check(block.source);
  if (errors === null) return null;
  return errors.map((e) => {
    // line 0: the model failed as a whole; point at the fence line itself.
    if (e.line <= 0) return { line: 0, col: 1, message: M.tcpScript(e.message) };
    const local = block.lineMap[e.line - 1];
    if (local === undefined || local === 0) {
      return block.scenario !== null
        ? { line: block.scenarioLine, col: 1, message: M.tcpScenarioScript(block.scenario, e.message) }
        : { line: Math.max(1, e.line), col: Math.max(1, e.col), message: M.tcpScript(e.message) };
    }
    return { line: local, col: Math.max(1, e.col), message: M.tcpScript(e.message) };
  });
}
