/**
 * Front matter: split it off a lesson file and validate it. `readMeta` parses only the front
 * matter, so the lesson list can be built without lexing any Markdown. Pure.
 */
import type { LessonMeta, Problem } from './types.js';
import { FrontMatterSchema } from './schema.js';
import { parseYaml, positionOf, zodProblems, type Pos } from './yaml.js';
import { LESSON_MESSAGES as M } from './strings.js';

export interface FrontMatterSplit {
  /** The YAML between the two '---' lines. */
  yaml: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  /** Everything after the closing '---' line. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split `---\nYAML\n---\nbody`. Returns null with a problem position when the file does not start
 * with '---' or the block is never closed.
 */
export function splitFrontMatter(
  text: string,
): { ok: true; split: FrontMatterSplit } | { ok: false; line: number; col: number; message: string } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstEnd = lineEnd(src, 0);
  if (!OPEN.test(stripCr(src.slice(0, firstEnd)))) {
    return { ok: false, line: 1, col: 1, message: M.noFrontMatter };
  }
  let pos = firstEnd + 1;
  let line = 2;
  while (pos <= src.length) {
    const end = lineEnd(src, pos);
    if (CLOSE.test(stripCr(src.slice(pos, end)))) {
      const yaml = src.slice(firstEnd + 1, pos);
      const body = end >= src.length ? '' : src.slice(end + 1);
      return { ok: true, split: { yaml, yamlLine: 2, body, bodyLine: line + 1 } };
    }
    if (end >= src.length) break;
    pos = end + 1;
    line++;
  }
  return { ok: false, line: 1, col: 1, message: M.unclosedFrontMatter };
}

function lineEnd(s: string, from: number): number {
  const i = s.indexOf('\n', from);
  return i < 0 ? s.length : i;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Where the fields that other checks point at sit in the file (1-based). */
export interface MetaPositions {
  id: Pos;
  order: Pos;
  /** One per prerequisite, in order. */
  prerequisites: Pos[];
  /** The values of `topics`, `minutes` and `prerequisites` (the field's key when a value is absent). */
  topics: Pos;
  minutes: Pos;
  prerequisitesField: Pos;
}

export interface MetaResult {
  meta?: LessonMeta;
  problems: Problem[];
  positions?: MetaPositions;
  split?: FrontMatterSplit;
}

function problem(file: string, line: number, col: number, message: string): Problem {
  return { file, line, col, message, severity: 'error' };
}

/** Parse and validate only the front matter of a lesson file. */
export function readMeta(text: string, file: string): MetaResult {
  const s = splitFrontMatter(text);
  if (!s.ok) return { problems: [problem(file, s.line, s.col, s.message)] };
  const { split } = s;
  const off = split.yamlLine - 1;
  const y = parseYaml(split.yaml);
  if (!y.ok) {
    return { split, problems: y.problems.map((p) => problem(file, p.line + off, p.col, p.message)) };
  }
  if (y.value == null) return { split, problems: [problem(file, 1, 1, M.emptyFrontMatter)] };
  if (typeof y.value !== 'object' || Array.isArray(y.value)) {
    return { split, problems: [problem(file, split.yamlLine, 1, M.frontMatterNotMap)] };
  }
  const r = FrontMatterSchema.safeParse(y.value);
  if (!r.success) {
    const problems = zodProblems(r.error.issues, y.value, y.doc, y.lc, FrontMatterSchema).map((p) =>
      problem(file, p.line + off, p.col, p.message),
    );
    return { split, problems };
  }
  const at = (path: (string | number)[]): Pos => {
    const p = positionOf(y.doc, y.lc, path);
    return { line: p.line + off, col: p.col };
  };
  const d = r.data;
  const meta: LessonMeta = {
    id: d.id,
    title: d.title,
    order: d.order,
    summary: d.summary,
    objectives: d.objectives,
    topics: d.topics,
    minutes: d.minutes,
    prerequisites: d.prerequisites ?? [],
  };
  const positions: MetaPositions = {
    id: at(['id']),
    order: at(['order']),
    prerequisites: meta.prerequisites.map((_, i) => at(['prerequisites', i])),
    topics: at(['topics']),
    minutes: at(['minutes']),
    prerequisitesField: at(['prerequisites']),
  };
  return { meta, problems: [], positions, split };
}
