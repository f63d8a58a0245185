/**
 * YAML with positions: parse a YAML snippet (front matter or a fenced block), find the line and
 * column of any path in it, and turn zod issues into positioned, plain-English messages. Pure.
 */
import { LineCounter, parseDocument, visit, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { LESSON_MESSAGES as M } from './strings.js';
import { MAX_YAML_ALIASES } from './limits.js';
import { suggest } from '../util/suggest.js';

/** 1-based position inside the YAML snippet. */
export interface Pos {
  line: number;
  col: number;
}

export interface LocalProblem extends Pos {
  message: string;
}

export type YamlParse =
  | { ok: true; value: unknown; doc: Document.Parsed; lc: LineCounter }
  | { ok: false; problems: LocalProblem[] };

export function parseYaml(text: string): YamlParse {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The first error is the real one; later ones are usually its echoes.
    const e = doc.errors[0]!;
    const opened = unclosedStart(doc, e.code, e.pos[0]);
    const p = lc.linePos(opened ? opened.offset : e.pos[0]);
    const message = opened ? opened.message : M.yamlSyntax(firstLine(e.message));
    return { ok: false, problems: [{ line: p.line, col: p.col, message }] };
  }
  // An alias bomb: refuse many aliases before expanding any (docs/limits.md). An alias is written
  // `*name`: a snippet without a '*' has none, and the walk over its nodes is skipped.
  let aliases = 0;
  let past = 0;
  if (text.includes('*'))
    visit(doc, {
      Alias: (_k, node) => {
        if (++aliases <= MAX_YAML_ALIASES) return undefined;
        past = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
  if (aliases > MAX_YAML_ALIASES) {
    const p = lc.linePos(past);
    return { ok: false, problems: [{ line: p.line, col: p.col, message: M.yamlTooManyAliases(MAX_YAML_ALIASES) }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ line: 1, col: 1, message: M.yamlSyntax(firstLine(e instanceof Error ? e.message : String(e))) }] };
  }
  return { ok: true, value, doc, lc };
}

/**
 * yaml reports an unclosed quote or flow collection where it gave up (often the end of the
 * snippet); point at where the quote or bracket was opened instead.
 */
function unclosedStart(doc: Document.Parsed, code: string, pos: number): { offset: number; message: string } | null {
  if (code !== 'MISSING_CHAR' && code !== 'BAD_INDENT') return null;
  let best: { offset: number; message: string } | null = null;
  visit(doc, (_key, node) => {
    const n = node as Node | null;
    if (!n || !n.range || n.range[0] >= pos || n.range[1] < pos - 1) return;
    let message: string | null = null;
    if (code === 'MISSING_CHAR' && isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) {
      message = M.yamlUnclosedQuote(n.type === 'QUOTE_DOUBLE' ? '"' : "'");
    } else if (code === 'BAD_INDENT' && (isMap(n) || isSeq(n)) && n.flow) {
      message = isSeq(n) ? M.yamlUnclosedFlow('[', ']') : M.yamlUnclosedFlow('{', '}');
    }
    if (message && (!best || n.range[0] > best.offset)) best = { offset: n.range[0], message };
  });
  return best;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).replace(/\s*at line \d+, column \d+:?$/, '');
}

type PathKey = PropertyKey;

/** The node at `path`, or the deepest existing ancestor; `key: true` returns the map key node. */
function nodeAt(doc: Document.Parsed, path: readonly PathKey[], key = false): Node | null {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) return node as Node;
      if (last && key) return pair.key as Node;
      if (pair.value == null) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = typeof k === 'number' ? node.items[k] : undefined;
      if (item == null) return node as Node;
      node = item;
    } else {
      return (node as Node) ?? null;
    }
  }
  return (node as Node) ?? null;
}

export function positionOf(doc: Document.Parsed, lc: LineCounter, path: readonly PathKey[], key = false): Pos {
  const node = nodeAt(doc, path, key);
  const offset = node?.range ? node.range[0] : 0;
  const p = lc.linePos(offset);
  return { line: p.line, col: p.col };
}

function valueAt(value: unknown, path: readonly PathKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

export function fieldName(path: readonly PathKey[]): string {
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += (s ? '.' : '') + String(k);
  }
  return s;
}

/** One message for one zod issue (`data` is the validated value, to tell missing from wrong). */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown, prefix: readonly PathKey[] = []): string[] {
  const path = [...prefix, ...issue.path];
  const field = fieldName(path);
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [M.missingField(field)];
      if (issue.expected === 'int') return [M.notInteger(field)];
      if (issue.expected === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return [M.textLooksLikeMap(field)];
      }
      return [M.wrongType(field, M.expectedTypes[issue.expected] ?? issue.expected)];
    case 'too_small':
      if (issue.origin === 'array') return [M.tooFewItems(field, Number(issue.minimum))];
      if (issue.origin === 'string') return [M.emptyString(field)];
      return [M.tooSmall(field, Number(issue.minimum))];
    case 'too_big':
      if (issue.origin === 'array') return [M.tooManyItems(field, Number(issue.maximum))];
      return [M.tooBig(field, Number(issue.maximum))];
    case 'invalid_value': {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      if (path.includes('topics')) return [M.unknownTopic(shown)];
      return [M.badEnum(field, shown, issue.values.map(String))];
    }
    case 'invalid_format':
      return [M.notKebab(field, String(value))];
    case 'unrecognized_keys':
      return issue.keys.map((k) => M.unknownField(fieldName([...path, k]), null));
    case 'custom':
      return [issue.message];
    default:
      return [M.invalidValue(field)];
  }
}

/**
 * The field names the schema knows at `path` (objects by key, arrays by element), for "did you
 * mean" on an unknown field; [] where the path leaves the schema.
 */
export function knownFields(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  let s: unknown = schema;
  let i = 0;
  for (let guard = 0; guard < 64; guard++) {
    const def = defOf(s);
    if (!def) return [];
    if (def.innerType !== undefined) {
      s = def.innerType; // optional, nullable, default, readonly ...
      continue;
    }
    if (def.type === 'pipe') {
      s = def.in;
      continue;
    }
    if (def.type === 'array') {
      if (i < path.length && typeof path[i] === 'number') i++;
      s = def.element;
      continue;
    }
    if (def.type === 'object' && def.shape) {
      if (i === path.length) return Object.keys(def.shape);
      s = def.shape[String(path[i++])];
      continue;
    }
    return [];
  }
  return [];
}

/** Zod issues -> positioned problems inside the snippet (`schema`, when given, names the fields an unknown one may have meant). */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  doc: Document.Parsed,
  lc: LineCounter,
  schema?: z.ZodType,
): LocalProblem[] {
  const out: LocalProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownFields(schema, issue.path);
      for (const k of issue.keys) {
        const pos = positionOf(doc, lc, [...issue.path, k], true);
        out.push({ ...pos, message: M.unknownField(fieldName([...issue.path, k]), suggest(k, known)) });
      }
      continue;
    }
    const pos = positionOf(doc, lc, issue.path);
    for (const message of issueMessage(issue, data)) out.push({ ...pos, message });
  }
  return out;
}
