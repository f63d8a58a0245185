/**
 * One lesson file (text) -> Lesson + problems. Markdown goes through marked's lexer only; this
 * module maps its tokens onto the Block contract, with 1-based file lines computed from the tokens'
 * raw lengths. Quiz, tcp and layers fences are parsed here too. Pure: no I/O.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { displayWidth as stringWidth } from '../text/width.js';
import type { Question, Topic } from '../quiz/types.js';
import type { Block, Lesson, LessonMeta, Problem } from './types.js';
import { readMeta, type MetaPositions } from './frontmatter.js';
import { toInlines, lexInlines } from './inline.js';
import { parseQuiz } from './quiz.js';
import { parseTcpBlock, checkTcpBlock, defaultTcpModel, type TcpModel } from './tcp.js';
import { LayersSchema } from './schema.js';
import { parseYaml, zodProblems, type LocalProblem } from './yaml.js';
import { LESSON_MESSAGES as M } from './strings.js';
import { lessonLimitProblem } from './limits.js';

export interface ParseOptions {
  /** The TCP model used to expand `scenario:` blocks and (with checkTcp) run every tcp block. */
  tcp?: TcpModel;
  /** Run every tcp block in the model and report failures (synack check). Default false. */
  checkTcp?: boolean;
  /** Warn about code-block lines wider than this many columns (default 76; 0 = off). */
  maxFigureWidth?: number;
}

export interface ParseResult {
  /**
   * The lesson, whenever the front matter is valid (best effort: blocks with errors are left out).
   * Callers that must not show a broken lesson check `problems` for errors.
   */
  lesson?: Lesson;
  problems: Problem[];
  /** Where id / order / prerequisites sit in the file (for cross-lesson messages). */
  positions?: MetaPositions;
}

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function leadingNewlines(s: string): number {
  let n = 0;
  while (n < s.length && s.charCodeAt(n) === 10) n++;
  return n;
}

function lexerOptions() {
  return {
    async: false,
    breaks: false,
    extensions: null,
    gfm: true,
    hooks: null,
    pedantic: false,
    renderer: null,
    silent: false,
    tokenizer: null,
    walkTokens: null,
  };
}

/** Sort problems by line, then column (stable for equal positions). */
export function sortProblems(ps: Problem[]): Problem[] {
  return ps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || a.p.line - b.p.line || a.p.col - b.p.col || a.i - b.i)
    .map((x) => x.p);
}

class BodyParser {
  readonly problems: Problem[] = [];
  readonly questions: Question[] = [];
  private readonly questionIds = new Map<string, number>();
  private readonly fileLines: string[];

  constructor(
    private readonly file: string,
    text: string,
    private readonly lessonId: string,
    private readonly topics: Topic[],
    private readonly opts: Required<ParseOptions>,
  ) {
    this.fileLines = text.split('\n');
  }

  private error(line: number, col: number, message: string, severity: Problem['severity'] = 'error'): void {
    this.problems.push({ file: this.file, line, col, message, severity });
  }

  /**
   * A fence-local problem -> file position. `fenceLine` is the file line of the opening fence;
   * fence line k is file line fenceLine + k. The column is shifted by whatever prefix the file line
   * has in front of the fence content (indentation, '> ').
   */
  private fenceProblem(fenceLine: number, contentLines: string[], p: LocalProblem): void {
    const line = fenceLine + p.line;
    const content = contentLines[p.line - 1] ?? '';
    const fileLine = this.fileLines[line - 1] ?? '';
    const shift = content !== '' && fileLine.endsWith(content) ? fileLine.length - content.length : 0;
    this.error(line, p.col + shift, p.message);
  }

  blocks(tokens: readonly Token[], firstLine: number): Block[] {
    const out: Block[] = [];
    let line = firstLine;
    for (const tok of tokens) {
      const at = line + leadingNewlines(tok.raw);
      const b = this.block(tok, at);
      if (b) out.push(b);
      line += countNewlines(tok.raw);
    }
    return out;
  }

  private block(tok: Token, line: number): Block | null {
    switch (tok.type) {
      case 'space':
      case 'def':
        return null;
      case 'heading':
        return { type: 'heading', depth: tok.depth, inlines: toInlines(tok.tokens), line };
      case 'paragraph':
        return { type: 'paragraph', inlines: toInlines(tok.tokens), line };
      case 'text':
        return {
          type: 'paragraph',
          inlines: toInlines(tok.tokens && tok.tokens.length > 0 ? tok.tokens : [tok]),
          line,
        };
      case 'list':
        return this.list(tok as Tokens.List, line);
      case 'table': {
        const t = tok as Tokens.Table;
        return {
          type: 'table',
          align: t.align.map((a) => a ?? null),
          header: t.header.map((c) => toInlines(c.tokens)),
          rows: t.rows.map((r) => r.map((c) => toInlines(c.tokens))),
          line,
        };
      }
      case 'blockquote':
        return this.quote(tok as Tokens.Blockquote, line);
      case 'hr':
        return { type: 'hr', line };
      case 'code':
        return this.code(tok as Tokens.Code, line);
      case 'html': {
        const raw = tok.raw.trim();
        if (raw.startsWith('<!--')) return null;
        return { type: 'paragraph', inlines: [{ type: 'text', text: raw }], line };
      }
      default:
        return { type: 'paragraph', inlines: [{ type: 'text', text: tok.raw.trim() }], line };
    }
  }

  private list(t: Tokens.List, line: number): Block {
    const items: Block[][] = [];
    let itemLine = line;
    for (const item of t.items) {
      const at = itemLine + leadingNewlines(item.raw);
      items.push(this.blocks(item.tokens, at));
      itemLine += countNewlines(item.raw);
    }
    const start = t.ordered && typeof t.start === 'number' ? t.start : 1;
    return { type: 'list', ordered: t.ordered, start, items, line };
  }

  private quote(t: Tokens.Blockquote, line: number): Block {
    const m = ALERT.exec(t.text);
    if (!m) return { type: 'quote', kind: null, blocks: this.blocks(t.tokens, line), line };
    const kind = m[1]!.toLowerCase() as 'note' | 'tip' | 'important' | 'warning' | 'caution';
    const blocks = this.blocks(t.tokens, line);
    // The marker is the start of the first paragraph: cut it off (or drop the paragraph if that is all).
    const first = blocks[0];
    const tok0 = t.tokens[0];
    if (first && first.type === 'paragraph' && tok0 && tok0.type === 'paragraph') {
      const rest = (tok0 as Tokens.Paragraph).text.slice(m[0].length);
      if (rest.trim() === '') blocks.shift();
      else {
        const t0 = tok0.tokens?.[0];
        if (t0 && t0.type === 'text' && t0.raw.startsWith(m[0])) {
          const stripped: Token = { ...t0, raw: t0.raw.slice(m[0].length), text: (t0 as Tokens.Text).text.slice(m[0].length) } as Token;
          blocks[0] = { type: 'paragraph', inlines: toInlines([stripped, ...tok0.tokens!.slice(1)]), line: first.line + 1 };
        } else {
          blocks[0] = { type: 'paragraph', inlines: lexInlines(rest), line: first.line + 1 };
        }
      }
    }
    return { type: 'quote', kind, blocks, line };
  }

  private code(t: Tokens.Code, line: number): Block | null {
    const lang = (t.lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
    const fenced = t.codeBlockStyle !== 'indented';
    const content = t.text.split('\n');
    if (fenced && lang === 'quiz') {
      const r = parseQuiz(t.text, {
        lessonId: this.lessonId,
        lessonTopics: this.topics,
        source: { file: this.file, line, col: 1 },
      });
      for (const p of r.problems) this.fenceProblem(line, content, p);
      if (r.question && r.localId !== undefined && r.idPos) {
        const prev = this.questionIds.get(r.localId);
        if (prev !== undefined) {
          this.fenceProblem(line, content, { ...r.idPos, message: M.quizDuplicateId(r.localId, prev) });
          return null;
        }
        this.questionIds.set(r.localId, line + r.idPos.line);
      }
      if (!r.question || r.problems.length > 0) return null;
      this.questions.push(r.question);
      return { type: 'quiz', question: r.question, line };
    }
    if (fenced && lang === 'tcp') {
      const r = parseTcpBlock(t.text, this.opts.tcp);
      for (const p of r.problems) this.fenceProblem(line, content, p);
      if (!r.tcp || r.problems.length > 0) return null;
      if (this.opts.checkTcp) {
        const ps = checkTcpBlock(r.tcp, this.opts.tcp);
        if (ps === null) this.error(line, 1, M.tcpModelMissing, 'warning');
        else {
          for (const p of ps) this.fenceProblem(line, content, p);
          if (ps.length > 0) return null;
        }
      }
      return { type: 'tcp', source: r.tcp.source, scenario: r.tcp.scenario, caption: r.tcp.caption, line, ...(r.tcp.chart ? { chart: r.tcp.chart } : {}) };
    }
    if (fenced && lang === 'layers') {
      const y = parseYaml(t.text);
      if (!y.ok) {
        for (const p of y.problems) this.fenceProblem(line, content, p);
        return null;
      }
      if (y.value == null || typeof y.value !== 'object' || Array.isArray(y.value)) {
        this.fenceProblem(line, content, { line: 1, col: 1, message: M.layersNotMap });
        return null;
      }
      const r = LayersSchema.safeParse(y.value);
      if (!r.success) {
        for (const p of zodProblems(r.error.issues, y.value, y.doc, y.lc, LayersSchema)) this.fenceProblem(line, content, p);
        return null;
      }
      return {
        type: 'layers',
        title: r.data.title ?? null,
        payload: r.data.payload,
        layers: r.data.layers.map((l) => ({
          name: l.name,
          header: l.header,
          ...(l.trailer !== undefined ? { trailer: l.trailer } : {}),
          ...(l.note !== undefined ? { note: l.note } : {}),
        })),
        line,
      };
    }
    if (this.opts.maxFigureWidth > 0) {
      const firstContent = fenced ? line + 1 : line;
      content.forEach((l, i) => {
        const w = stringWidth(l);
        if (w > this.opts.maxFigureWidth) {
          this.error(firstContent + i, 1, M.lineTooWide(w, this.opts.maxFigureWidth), 'warning');
        }
      });
    }
    return { type: 'code', lang, text: t.text, line };
  }
}

function fallbackId(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return base.replace(/\.md$/i, '').replace(/^\d+-/, '') || 'lesson';
}

/** Parse one lesson file. Never throws on bad input: everything wrong is a Problem. */
export function parseLesson(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const opts: Required<ParseOptions> = {
    tcp: options.tcp ?? defaultTcpModel,
    checkTcp: options.checkTcp ?? false,
    maxFigureWidth: options.maxFigureWidth ?? 76,
  };
  const src = text.replace(/\r\n/g, '\n');
  // Bounded work for every input: size, line length and nesting are checked before any parsing.
  const limit = lessonLimitProblem(src, file);
  if (limit) return { problems: [limit] };
  const m = readMeta(src, file);
  const problems: Problem[] = [...m.problems];
  if (!m.split) return { problems };
  const meta: LessonMeta | undefined = m.meta;
  const body = new BodyParser(file, src, meta?.id ?? fallbackId(file), meta?.topics ?? [], opts);
  const tokens = new Lexer(lexerOptions()).lex(m.split.body);
  const blocks = body.blocks(tokens, m.split.bodyLine);
  problems.push(...body.problems);
  const sorted = sortProblems(problems);
  if (!meta) return { problems: sorted };
  return {
    lesson: { meta, file, blocks, questions: body.questions },
    problems: sorted,
    ...(m.positions ? { positions: m.positions } : {}),
  };
}
