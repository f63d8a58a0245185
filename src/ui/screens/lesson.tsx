/**
 * The lesson reader: the lesson's blocks as lines at the current width, a scrolling viewport with a
 * position indicator, inline quizzes answered in place, ```tcp blocks as a live inline diagram and
 * ```layers blocks stepping through encapsulation (Tab focuses them). Reaching the end marks the
 * lesson done; n from the last section offers the next lesson. Every move saves the position.
 *
 * Scroll position is kept as an anchor (block, row offset), so a resize or a quiz growing after an
 * answer keeps the same text at the top. The saved `position` is the row at the current width.
 */
import { Box, Text } from 'ink';
import { keyUpdate, type AppContext, type KeyName, type KeyResult, type ScreenDef, type ShellCommand, type Update } from '../screen.js';
import { CMD, off, on, type Active } from '../bindings.js';
import { questionBindings } from '../quiz/question.js';
import type { Block, Lesson } from '../../lessons/types.js';
import type { Question, Response } from '../../quiz/types.js';
import type { Progress, LessonProgress } from '../../store/types.js';
import { recordAnswer } from '../../quiz/srs.js';
import { RS, UI } from '../strings.js';
import { MAX_QUERY, firstMatchFrom, stepMatch, type SearchMatch } from '../../lessons/search.js';
import { currentEntry, tableOfContents, type TocEntry } from '../../lessons/toc.js';
import { highlightLine, layoutMatches, tocLines, type Highlight } from '../components/readerSearch.js';
import { getLang } from '../../i18n/index.js';
import { lessonComplete } from '../lesson-progress.js';
import { glyphs } from '../components/theme.js';
import {
  blockLines,
  boxLines,
  clean,
  clipLine,
  lineWidth,
  wrapSpans,
  type BlockLayout,
  type DocLayout,
  type Line,
} from '../components/markdown.js';
import { LinesView } from '../components/Lines.js';
import { truncate, width as sw, wrap } from '../components/text.js';
import {
  initQuiz,
  quizCapturesText,
  quizKey,
  quizLines,
  reduceQuiz,
  type InlineQuizState,
  type QuizAction,
} from '../components/inlineQuiz.js';
import { initLayers, layersKey, layersLines, reduceLayers, type LayersAction, type LayersState } from '../components/layers.js';
import {
  initInline,
  inlineAnimating,
  inlineLines,
  onKeyInline,
  reduceInline,
  resumeInline,
  tickInline,
  type InlineAction,
  type InlineState,
} from '../player/inline.js';
import { applyRerun, relativeUpdate, rerunCommand } from './player.js';
import { rerunPlan } from '../player/model.js';

export interface Anchor {
  block: number;
  offset: number;
}

export interface LessonState {
  lessonId: string;
  lesson: Lesson | null;
  anchor: Anchor;
  focus: number | null;
  quizzes: Record<number, InlineQuizState>;
  players: Record<number, InlineState | { error: string }>;
  layers: Record<number, LayersState>;
  offerNext: boolean;
  /** The search (`/`, n/N): the prompt while it is typed, the query in force and its current match. */
  search: ReaderSearch;
  /** The table of contents (`t`) when open: the entry under its cursor. */
  toc: { cursor: number } | null;
  /** Shown in the status row until the next key ("not found: X", "search wrapped ..."). */
  note: string | null;
  /** A diagram's re-run (`d`/`u`) asked of the model (off the UI thread) and not yet back. */
  rerunJob?: { block: number; job: number; dropIds: number[]; message: string } | null;
  /** The last job tag used (tags only grow, so a late result of an older job is told apart). */
  jobSeq?: number;
}

export interface ReaderSearch {
  /** The text typed at the `/` prompt, or null when the prompt is closed. */
  prompt: string | null;
  /** The search in force (highlighted, n/N), or null. */
  query: string | null;
  /** The match the last jump went to (highlighted more strongly). */
  current: SearchMatch | null;
}

const NO_SEARCH: ReaderSearch = { prompt: null, query: null, current: null };

type Extra = Partial<Pick<LessonState, 'search' | 'toc' | 'note' | 'rerunJob' | 'jobSeq'>>;

export type LessonAction =
  | { type: 'scroll'; anchor: Anchor }
  | { type: 'focus'; block: number | null; anchor?: Anchor }
  | { type: 'quiz'; block: number; action: QuizAction; anchor?: Anchor }
  | { type: 'player'; block: number; action: InlineAction }
  /** A diagram waits for its re-run (shows "Working…"). */
  | { type: 'player-busy'; block: number }
  /** Every diagram of the lesson in this seq mode (the `s` key, or the full player's on return). */
  | { type: 'seq'; seq: 'relative' | 'absolute' }
  /** The full player opened from block `block` closed: the inline player takes its position. */
  | { type: 'player-resume'; block: number; result: { step: number; seq: 'relative' | 'absolute'; dropIds: number[] } }
  | { type: 'layers'; block: number; action: LayersAction }
  | { type: 'offer-next'; on: boolean; anchor?: Anchor }
  /** The search, contents or note changed (after `then`, a move, when given). */
  | { type: 'patch'; patch: Extra; then?: LessonAction };

const INTERACTIVE = new Set(['quiz', 'tcp', 'layers']);

// ---------------------------------------------------------------------------------------------
// Layout

const staticCache = new WeakMap<Lesson, Map<string, Line[]>>();

function staticLines(lesson: Lesson, i: number, width: number, ascii: boolean): Line[] {
  let m = staticCache.get(lesson);
  if (!m) {
    m = new Map();
    staticCache.set(lesson, m);
  }
  // The language is in the key: the lines hold translated labels (a callout's "Note"), and the
  // language can change while the same lesson object is shown.
  const key = `${i}|${width}|${ascii ? 1 : 0}|${getLang()}`;
  let ls = m.get(key);
  if (!ls) {
    if (m.size > 4000) m.clear();
    ls = blockLines(lesson.blocks[i], { width, ascii }).map((l) => (lineWidth(l) > width ? clipLine(l, width) : l));
    m.set(key, ls);
  }
  return ls;
}

/** Interactive blocks' lines, cached per block state object (states are immutable). */
const interactiveCache = new WeakMap<object, Map<string, Line[]>>();

function interactiveLines(s: LessonState, b: Block, i: number, width: number, ascii: boolean): Line[] {
  const st: object | undefined = b.type === 'quiz' ? s.quizzes[i] : b.type === 'tcp' ? s.players[i] : b.type === 'layers' ? s.layers[i] : undefined;
  if (!st) return renderInteractive(s, b, i, width, ascii);
  let m = interactiveCache.get(st);
  if (!m) {
    m = new Map();
    interactiveCache.set(st, m);
  }
  const key = `${width}|${ascii ? 1 : 0}|${s.focus === i ? 1 : 0}`;
  let ls = m.get(key);
  if (!ls) {
    if (m.size > 16) m.clear();
    ls = renderInteractive(s, b, i, width, ascii);
    m.set(key, ls);
  }
  return ls;
}

function renderInteractive(s: LessonState, b: Block, i: number, width: number, ascii: boolean): Line[] {
  const focused = s.focus === i;
  const inner = Math.max(1, width - 4);
  if (b.type === 'quiz') {
    const qs = s.quizzes[i] ?? initQuiz(b.question);
    return boxLines(quizLines(b.question, qs, inner, focused, ascii), width, ascii, { title: UI.quizLabel, focused });
  }
  if (b.type === 'tcp') {
    const p = s.players[i];
    const body: Line[] =
      !p || 'error' in p
        ? wrapSpans([{ text: clean(p && 'error' in p ? p.error : ''), color: 'red' }], inner)
        : inlineLines(p, inner, focused, ascii).map((l) => [{ text: l }]);
    return boxLines(body, width, ascii, { title: UI.tcpLabel(b.scenario), focused });
  }
  if (b.type === 'layers') {
    const ls = s.layers[i] ?? initLayers();
    return boxLines(layersLines(b, ls, inner, focused, ascii), width, ascii, { title: UI.layersLabel(b.title), focused });
  }
  return [];
}

export function nextLesson(ctx: AppContext, id: string): Lesson | null {
  const sorted = [...ctx.lessons].sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id));
  const i = sorted.findIndex((l) => l.meta.id === id);
  return i >= 0 && i + 1 < sorted.length ? sorted[i + 1] : null;
}

function endLines(s: LessonState, ctx: AppContext, width: number): Line[] {
  const g = glyphs(ctx.ascii);
  const lp = ctx.progress.lessons[s.lessonId];
  const done = s.lesson ? lessonComplete(lp, s.lesson) : false;
  // Read to the end with quizzes left: say how many (the lesson is not complete until they are answered).
  const left = s.lesson && !done ? s.lesson.questions.filter((q) => lp?.answers[q.id] === undefined).length : 0;
  const next = nextLesson(ctx, s.lessonId);
  const out: Line[] = [[], [{ text: g.h.repeat(Math.max(1, width)), dim: true }]];
  out.push(
    done
      ? [{ text: ctx.ascii ? UI.readerDoneAscii : UI.readerDone, bold: true, color: 'green' }]
      : [{ text: left > 0 ? UI.readerQuizzesLeft(left) : UI.readerEnd, bold: true }],
  );
  const nextText = next ? UI.readerNextLesson(clean(next.meta.title)) : UI.readerLastLesson;
  out.push(...wrapSpans([{ text: nextText, bold: s.offerNext, color: s.offerNext ? 'cyan' : undefined }], width));
  return out;
}

/** Prose is easier to read at a bounded width (like glow): at most READING_MAX columns. */
export const READING_MAX = 110;
export function readingWidth(ctx: AppContext): number {
  return Math.max(10, Math.min(ctx.width, READING_MAX));
}

/**
 * What a lesson's layout depends on: its content and interactive blocks' states, the focus, the
 * width, --ascii, the language and the learner's record of it (the end lines). The scroll position
 * is not among them: scrolling reuses the layout.
 */
interface LayoutKey {
  quizzes: object;
  players: object;
  layers: object;
  focus: number | null;
  offerNext: boolean;
  width: number;
  ascii: boolean;
  lang: string;
  record: unknown;
  lessons: readonly Lesson[];
}
/** The part of the learner's record the end lines show (complete, quizzes left): the saved
 *  position changes on every scroll and must not invalidate the layout. */
function endState(s: LessonState, ctx: AppContext): string {
  const lp = ctx.progress.lessons[s.lessonId];
  if (!s.lesson) return '';
  const done = lessonComplete(lp, s.lesson);
  const left = done ? 0 : s.lesson.questions.filter((q) => lp?.answers[q.id] === undefined).length;
  return `${done ? 1 : 0}|${left}`;
}
const layoutMemo = new WeakMap<Lesson, { key: LayoutKey; layout: DocLayout }>();

function sameKey(a: LayoutKey, b: LayoutKey): boolean {
  return (
    a.quizzes === b.quizzes &&
    a.players === b.players &&
    a.layers === b.layers &&
    a.focus === b.focus &&
    a.offerNext === b.offerNext &&
    a.width === b.width &&
    a.ascii === b.ascii &&
    a.lang === b.lang &&
    a.record === b.record &&
    a.lessons === b.lessons
  );
}

/** The whole lesson laid out at the context's width (end lines included as a pseudo-block);
 *  computed again only when the lesson's content, its blocks' states, the width or the language
 *  change (memo per lesson), not on every key. */
export function lessonLayout(s: LessonState, ctx: AppContext): DocLayout {
  if (!s.lesson) return computeLayout(s, ctx);
  const key: LayoutKey = {
    quizzes: s.quizzes,
    players: s.players,
    layers: s.layers,
    focus: s.focus,
    offerNext: s.offerNext,
    width: readingWidth(ctx),
    ascii: ctx.ascii,
    lang: getLang(),
    record: endState(s, ctx),
    lessons: ctx.lessons,
  };
  const hit = layoutMemo.get(s.lesson);
  if (hit && sameKey(hit.key, key)) return hit.layout;
  const layout = computeLayout(s, ctx);
  layoutMemo.set(s.lesson, { key, layout });
  return layout;
}

function computeLayout(s: LessonState, ctx: AppContext): DocLayout {
  const width = readingWidth(ctx);
  const lines: Line[] = [];
  const blocks: BlockLayout[] = [];
  const sections: DocLayout['sections'] = [];
  const lesson = s.lesson;
  if (lesson) {
    lesson.blocks.forEach((b, i) => {
      if (i > 0) lines.push([]);
      const ls = INTERACTIVE.has(b.type) ? interactiveLines(s, b, i, width, ctx.ascii) : staticLines(lesson, i, width, ctx.ascii);
      if (b.type === 'heading' && b.depth <= 2) {
        const title = ls.length ? ls.slice(0, b.depth <= 2 ? ls.length - 1 : ls.length).map((l) => l.map((x) => x.text).join('')).join(' ') : '';
        sections.push({ row: lines.length, title, block: i });
      }
      blocks.push({ block: i, start: lines.length, height: ls.length });
      for (const l of ls) lines.push(l);
    });
    const end = endLines(s, ctx, width);
    blocks.push({ block: lesson.blocks.length, start: lines.length, height: end.length });
    lines.push(...end);
  }
  return { lines, blocks, sections };
}

/** Rows of document visible (the last body row is the status line). */
export function viewRows(ctx: AppContext): number {
  return Math.max(1, ctx.height - 1);
}

export function maxTop(layout: DocLayout, ctx: AppContext): number {
  return Math.max(0, layout.lines.length - viewRows(ctx));
}

export function rowOf(layout: DocLayout, a: Anchor): number {
  const b = layout.blocks.find((x) => x.block === a.block);
  if (!b) return 0;
  return b.start + Math.max(0, Math.min(a.offset, b.height));
}

export function anchorOf(layout: DocLayout, row: number): Anchor {
  let found: BlockLayout | undefined;
  for (const b of layout.blocks) {
    if (b.start <= row) found = b;
    else break;
  }
  if (!found) return { block: 0, offset: 0 };
  return { block: found.block, offset: row - found.start };
}

function clampRow(layout: DocLayout, ctx: AppContext, row: number): number {
  return Math.max(0, Math.min(maxTop(layout, ctx), row));
}

export function topRow(s: LessonState, ctx: AppContext, layout = lessonLayout(s, ctx)): number {
  return clampRow(layout, ctx, rowOf(layout, s.anchor));
}

// ---------------------------------------------------------------------------------------------
// Progress updates (pure functions over Progress)

function lessonEntry(p: Progress, id: string, nowIso: string): LessonProgress {
  return p.lessons[id] ?? { position: 0, furthest: 0, done: false, answers: {}, lastOpened: nowIso };
}

export function positionUpdate(id: string, row: number, furthest: number, done: boolean, nowIso: string) {
  return (p: Progress): Progress => {
    const lp = lessonEntry(p, id, nowIso);
    return {
      ...p,
      lessons: {
        ...p.lessons,
        [id]: {
          ...lp,
          position: Math.max(0, Math.round(row)),
          furthest: Math.min(1, Math.max(lp.furthest, furthest)),
          done: lp.done || done,
          lastOpened: nowIso,
        },
      },
      last: { lessonId: id, position: Math.max(0, Math.round(row)) },
    };
  };
}

/**
 * A lesson answer: the first attempt is the one that counts (for the score, the spaced-repetition
 * card and the mistakes shelf); an answer after `r` (retry) or after reopening the lesson is
 * practice and changes nothing saved (issue 14: "never overwrites the first result").
 */
export function answerUpdate(lessonId: string, q: Question, correct: boolean, nowIso: string, response?: Response | null) {
  return (p: Progress): Progress => {
    if (p.lessons[lessonId]?.answers[q.id] !== undefined) return p;
    const lp = lessonEntry(p, lessonId, nowIso);
    // The answer itself is kept too, so reopening the lesson shows it (inlineQuiz.initQuiz).
    const saved = response ? { correct, at: nowIso, response } : { correct, at: nowIso };
    const withLesson: Progress = {
      ...p,
      lessons: { ...p.lessons, [lessonId]: { ...lp, answers: { ...lp.answers, [q.id]: saved } } },
    };
    // A question answered in a lesson becomes a spaced-repetition card too, and joins the mistakes
    // shelf when wrong, exactly as in the interview mode.
    return recordAnswer(
      withLesson,
      { questionId: q.id, correct, rating: correct ? 3 : 1, ms: 0, topics: [...q.topics], mode: 'lesson' },
      Date.parse(nowIso),
    );
  };
}

function iso(now: number): string {
  const d = new Date(Number.isFinite(now) ? now : 0);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

/** The position commands after moving to `row` (done when the end is on screen). */
function moveCommands(s: LessonState, ctx: AppContext, layout: DocLayout, row: number): ShellCommand[] {
  if (!s.lesson) return [];
  const total = layout.lines.length;
  const bottom = Math.min(total, row + viewRows(ctx));
  const furthest = total ? bottom / total : 1;
  const atEnd = row >= maxTop(layout, ctx);
  const lp = ctx.progress.lessons[s.lessonId];
  if (lp && lp.position === row && lp.done === (lp.done || atEnd) && lp.furthest >= furthest && ctx.progress.last?.lessonId === s.lessonId && ctx.progress.last.position === row)
    return [];
  return [{ cmd: 'progress', update: positionUpdate(s.lessonId, row, atEnd ? 1 : furthest, atEnd, iso(ctx.now)) }];
}

// ---------------------------------------------------------------------------------------------
// Screen

export function initLessonState(lessonId: string, position: number | undefined, ctx: AppContext): LessonState {
  const lesson = ctx.lessons.find((l) => l.meta.id === lessonId) ?? null;
  const s: LessonState = {
    lessonId,
    lesson,
    anchor: { block: 0, offset: 0 },
    focus: null,
    quizzes: {},
    players: {},
    layers: {},
    offerNext: false,
    search: NO_SEARCH,
    toc: null,
    note: null,
  };
  if (!lesson) return s;
  lesson.blocks.forEach((b, i) => {
    if (b.type === 'quiz') s.quizzes[i] = initQuiz(b.question, ctx.progress.lessons[lessonId]?.answers[b.question.id]?.response);
    else if (b.type === 'layers') s.layers[i] = initLayers();
    else if (b.type === 'tcp') {
      try {
        s.players[i] = initInline(b.source, b.caption, b.scenario ?? 'tcp', b.chart ?? null, ctx.progress.settings.relative ? 'relative' : 'absolute');
      } catch (e) {
        s.players[i] = { error: e instanceof Error ? e.message : String(e) };
      }
    }
  });
  const row = position ?? ctx.progress.lessons[lessonId]?.position ?? 0;
  const layout = lessonLayout(s, ctx);
  s.anchor = anchorOf(layout, clampRow(layout, ctx, row));
  return s;
}

/**
 * The reader again on a new version of its lesson (`synack learn ID --watch` reloaded the file, or
 * the language changed): the reading position stays as near as it can, at the same block and row
 * within it (clamped when the lesson got shorter); quizzes start again from the saved answers.
 */
export function reloadLessonState(old: LessonState, ctx: AppContext): LessonState {
  const s = initLessonState(old.lessonId, undefined, ctx);
  if (!s.lesson || !old.lesson) return s;
  const layout = lessonLayout(s, ctx);
  const block = Math.min(old.anchor.block, s.lesson.blocks.length);
  const start = layout.blocks.find((b) => b.block === block);
  const row = start ? start.start + Math.min(old.anchor.offset, Math.max(0, start.height - 1)) : 0;
  return { ...s, anchor: anchorOf(layout, clampRow(layout, ctx, row)) };
}

function interactiveBlocks(s: LessonState): number[] {
  return s.lesson ? s.lesson.blocks.flatMap((b, i) => (INTERACTIVE.has(b.type) ? [i] : [])) : [];
}

/** Scroll so block `i` is on screen (its top at the top when it does not fit). */
function revealBlock(layout: DocLayout, ctx: AppContext, top: number, i: number): number {
  const b = layout.blocks.find((x) => x.block === i);
  if (!b) return top;
  const v = viewRows(ctx);
  if (b.start >= top && b.start + b.height <= top + v) return top;
  if (b.height >= v || b.start < top) return clampRow(layout, ctx, b.start);
  return clampRow(layout, ctx, b.start + b.height - v);
}

function focusedBlock(s: LessonState): Block | null {
  return s.focus !== null && s.lesson ? (s.lesson.blocks[s.focus] ?? null) : null;
}

function capturesText(s: LessonState): boolean {
  const b = focusedBlock(s);
  if (!b || b.type !== 'quiz' || s.focus === null) return false;
  return quizCapturesText(b.question, s.quizzes[s.focus] ?? initQuiz(b.question));
}

function quizResult(s: LessonState, block: number, q: Question, action: QuizAction, ctx: AppContext): KeyResult<LessonAction> {
  const before = s.quizzes[block] ?? initQuiz(q);
  const after = reduceQuiz(q, before, action);
  const commands: ShellCommand[] = [];
  if (!before.result && after.result && s.lesson) {
    commands.push({ cmd: 'progress', update: answerUpdate(s.lesson.meta.id, q, after.result.correct, iso(ctx.now), after.response) });
  }
  // A quiz grows when answered (verdict, explanation) or given a hint: keep its bottom on screen,
  // so the learner sees what the key did. A quiz that fits keeps its top on screen too; one taller
  // than the screen (a recall box at 40×12) shows its bottom, where the grade prompt and the verdict
  // are, and PgUp/PgDn (in its footer) scroll back to its question.
  const next = reduceLesson(s, { type: 'quiz', block, action });
  let anchor: Anchor | undefined;
  if (next !== s) {
    const layout = lessonLayout(next, ctx);
    const top = topRow(next, ctx, layout);
    const b = layout.blocks.find((x) => x.block === block);
    if (b && b.start + b.height > top + viewRows(ctx)) {
      const bottom = b.start + b.height - viewRows(ctx);
      const to = clampRow(layout, ctx, b.height > viewRows(ctx) ? bottom : Math.min(b.start, bottom));
      if (to !== top) anchor = anchorOf(layout, to);
    }
  }
  return { action: { type: 'quiz', block, action, anchor }, commands };
}

function leave(s: LessonState, ctx: AppContext): KeyResult<LessonAction> {
  if (!s.lesson) return { commands: [{ cmd: 'pop' }] };
  const layout = lessonLayout(s, ctx);
  const row = topRow(s, ctx, layout);
  return { commands: [...moveCommands(s, ctx, layout, row), { cmd: 'pop' }] };
}

function openNext(s: LessonState, ctx: AppContext): KeyResult<LessonAction> | null {
  const next = nextLesson(ctx, s.lessonId);
  if (!next) return null;
  const id = next.meta.id;
  return {
    commands: [
      { cmd: 'replace', request: { screen: 'lesson', lessonId: id, position: ctx.progress.lessons[id]?.position ?? 0 } },
      { cmd: 'progress', update: positionUpdate(id, ctx.progress.lessons[id]?.position ?? 0, 0, false, iso(ctx.now)) },
    ],
  };
}

/** What the reader sees right now: layout, top row, rows on screen, and the block-visibility test. */
function view0(s: LessonState, ctx: AppContext) {
  const layout = lessonLayout(s, ctx);
  const top = topRow(s, ctx, layout);
  const v = viewRows(ctx);
  const onScreen = (i: number, at: number): boolean => {
    const b = layout.blocks.find((x) => x.block === i);
    return !!b && b.start < at + v && b.start + b.height > at;
  };
  return { layout, top, v, onScreen };
}

function moveTo(s: LessonState, ctx: AppContext, row: number, extra: Partial<{ offerNext: boolean }> = {}): KeyResult<LessonAction> {
  const { layout, onScreen } = view0(s, ctx);
  const to = clampRow(layout, ctx, row);
  const anchor = anchorOf(layout, to);
  // A focused block scrolled out of view loses the focus (Tab then starts from what is on screen).
  const action: LessonAction =
    s.focus !== null && !onScreen(s.focus, to)
      ? { type: 'focus', block: null, anchor }
      : extra.offerNext !== undefined
        ? { type: 'offer-next', on: extra.offerNext, anchor }
        : { type: 'scroll', anchor };
  return { action, commands: moveCommands(s, ctx, layout, to) };
}

/** The first quiz on screen with a hint left (the unfocused `h`), or null. */
function hintTarget(s: LessonState, ctx: AppContext): number | null {
  if (!s.lesson) return null;
  const { layout, top, v } = view0(s, ctx);
  for (const bl of layout.blocks) {
    const b = s.lesson.blocks[bl.block];
    if (!b || b.type !== 'quiz' || !(bl.start < top + v && bl.start + bl.height > top)) continue;
    const qs = s.quizzes[bl.block] ?? initQuiz(b.question);
    return qs.hintsShown < b.question.hints.length ? bl.block : null;
  }
  return null;
}

function atEndOffering(s: LessonState, ctx: AppContext): boolean {
  if (!s.offerNext || !nextLesson(ctx, s.lessonId)) return false;
  const { layout, top } = view0(s, ctx);
  return top >= maxTop(layout, ctx);
}

type LessonKey = (s: LessonState, key: KeyName, ctx: AppContext) => KeyResult<LessonAction> | null;

// ---------------------------------------------------------------------------------------------
// Search (`/`, n/N) and the table of contents (`t`)

const patch = (p: Extra, r?: KeyResult<LessonAction> | null): KeyResult<LessonAction> => ({
  action: { type: 'patch', patch: p, ...(r?.action ? { then: r.action } : {}) },
  commands: r?.commands ?? [],
});

/** A search's matches in the lesson as laid out now. */
function matchesOf(s: LessonState, ctx: AppContext, query: string): SearchMatch[] {
  return layoutMatches(lessonLayout(s, ctx), query);
}

/** Enter at the prompt: jump to the first match at or after the top row (wrapping), or say none. */
function submitSearch(s: LessonState, ctx: AppContext): KeyResult<LessonAction> {
  const typed = s.search.prompt ?? '';
  const query = typed.trim() === '' ? s.search.query : typed;
  if (query === null) return patch({ search: { ...s.search, prompt: null } });
  const matches = matchesOf(s, ctx, query);
  if (!matches.length) return patch({ search: NO_SEARCH, note: RS.notFound(query) });
  const { top } = view0(s, ctx);
  const step = firstMatchFrom(matches, top);
  const m = matches[step.at]!;
  return patch({ search: { prompt: null, query, current: m }, note: step.wrapped ? RS.wrappedTop : null }, moveTo(s, ctx, m.row));
}

/** n / N: the next / previous row with a match, from the current match while it is on screen (else
 *  from the top row), wrapping around the lesson with a note. */
function stepSearch(s: LessonState, ctx: AppContext, forward: boolean): KeyResult<LessonAction> | null {
  const query = s.search.query;
  if (query === null) return null;
  const matches = matchesOf(s, ctx, query);
  if (!matches.length) return patch({ search: NO_SEARCH, note: RS.notFound(query) });
  const { top, v } = view0(s, ctx);
  const cur = s.search.current;
  const from = cur && cur.row >= top && cur.row < top + v ? cur.row : forward ? top - 1 : top;
  const step = stepMatch(matches, from, forward);
  const m = matches[step.at]!;
  const note = step.wrapped ? (forward ? RS.wrappedTop : RS.wrappedBottom) : null;
  return patch({ search: { ...s.search, current: m }, note }, moveTo(s, ctx, m.row));
}

const tocMemo = new WeakMap<Lesson, TocEntry[]>();
function tocOf(lesson: Lesson): TocEntry[] {
  let t = tocMemo.get(lesson);
  if (!t) {
    t = tableOfContents(lesson);
    tocMemo.set(lesson, t);
  }
  return t;
}

/** The contents entry of the section the top row is in (-1 before the first heading). */
function currentTocEntry(s: LessonState, ctx: AppContext): number {
  if (!s.lesson) return -1;
  const { layout, top } = view0(s, ctx);
  return currentEntry(tocOf(s.lesson), anchorOf(layout, top).block);
}

const SEARCH_KEYS: Record<string, LessonKey> = {
  [CMD.search.id]: (s) => patch({ search: { ...s.search, prompt: '' }, toc: null }),
  [CMD.searchType.id]: (s, k) => {
    const text = (s.search.prompt ?? '') + (k === 'space' ? ' ' : k);
    return [...text].length > MAX_QUERY ? null : patch({ search: { ...s.search, prompt: text } });
  },
  [CMD.searchErase.id]: (s) => {
    const p = s.search.prompt ?? '';
    return patch({ search: { ...s.search, prompt: p === '' ? null : [...p].slice(0, -1).join('') } });
  },
  [CMD.searchCancel.id]: (s) => patch({ search: { ...s.search, prompt: null } }),
  [CMD.searchSubmit.id]: (s, _k, ctx) => submitSearch(s, ctx),
  [CMD.searchStep.id]: (s, k, ctx) => stepSearch(s, ctx, k === 'n'),
  [CMD.searchClear.id]: () => patch({ search: NO_SEARCH }),
  [CMD.toc.id]: (s, _k, ctx) => (s.lesson && tocOf(s.lesson).length ? patch({ toc: { cursor: Math.max(0, currentTocEntry(s, ctx)) } }) : null),
  [CMD.tocMove.id]: (s, k) => {
    if (!s.toc || !s.lesson) return null;
    const n = tocOf(s.lesson).length;
    const cursor = Math.max(0, Math.min(n - 1, s.toc.cursor + (k === 'up' || k === 'k' ? -1 : 1)));
    return cursor === s.toc.cursor ? null : patch({ toc: { cursor } });
  },
  [CMD.tocJump.id]: (s, _k, ctx) => {
    const e = s.toc && s.lesson ? tocOf(s.lesson)[s.toc.cursor] : undefined;
    if (!e) return patch({ toc: null });
    const b = lessonLayout(s, ctx).blocks.find((x) => x.block === e.block);
    return patch({ toc: null }, moveTo(s, ctx, b ? b.start : 0));
  },
  [CMD.tocClose.id]: () => patch({ toc: null }),
};

/** The reader's key handlers, by binding-table command (src/ui/bindings.ts). */
const READER_KEYS: Record<string, LessonKey> = {
  [CMD.leave.id]: (s, _k, ctx) => leave(s, ctx),
  [CMD.notFoundBack.id]: () => ({ commands: [{ cmd: 'pop' }] }),
  [CMD.scroll.id]: (s, k, ctx) => {
    const { top } = view0(s, ctx);
    return moveTo(s, ctx, k === 'up' || k === 'k' ? top - 1 : top + 1);
  },
  [CMD.page.id]: (s, k, ctx) => {
    const { top, v } = view0(s, ctx);
    const d = Math.max(1, v - 2);
    return moveTo(s, ctx, k === 'pageup' || k === 'b' ? top - d : top + d);
  },
  [CMD.pageKeys.id]: (s, k, ctx) => READER_KEYS[CMD.page.id](s, k, ctx),
  [CMD.top.id]: (s, k, ctx) => {
    const { layout } = view0(s, ctx);
    return moveTo(s, ctx, k === 'home' || k === 'g' ? 0 : layout.lines.length);
  },
  [CMD.section.id]: (s, k, ctx) => {
    const { layout, top } = view0(s, ctx);
    if (k === 'p') {
      const prev = [...layout.sections].reverse().find((x) => x.row < top);
      return moveTo(s, ctx, prev ? prev.row : 0, { offerNext: false });
    }
    const next = layout.sections.find((x) => x.row > top);
    if (next && next.row <= maxTop(layout, ctx)) return moveTo(s, ctx, next.row);
    if (s.offerNext || top >= maxTop(layout, ctx)) {
      const r = openNext(s, ctx);
      if (r) return r;
    }
    return moveTo(s, ctx, layout.lines.length, { offerNext: true });
  },
  [CMD.nextLesson.id]: (s, _k, ctx) => (atEndOffering(s, ctx) ? openNext(s, ctx) : null),
  [CMD.focus.id]: (s, k, ctx) => focusNext(s, k, ctx),
  [CMD.nextBlock.id]: (s, k, ctx) => focusNext(s, k, ctx),
  [CMD.unfocus.id]: () => ({ action: { type: 'focus', block: null } }),
  [CMD.readerHint.id]: (s, _k, ctx) => {
    const i = hintTarget(s, ctx);
    return i === null ? null : { action: { type: 'quiz', block: i, action: { type: 'hint' } } };
  },
  [CMD.openPlayer.id]: (s) => {
    const b = focusedBlock(s);
    if (!b || b.type !== 'tcp' || s.focus === null) return null;
    // The full player opens where the inline one is: the event under the cursor, seq mode, drops.
    const p = s.players[s.focus];
    const at = p && !('error' in p) ? { step: p.player.step, relative: p.player.seq === 'relative', dropIds: [...p.player.dropIds] } : {};
    return { commands: [{ cmd: 'push', request: { screen: 'player', source: b.source, name: b.scenario ?? 'tcp', ...at, origin: s.focus } }] };
  },
  [CMD.retry.id]: (s, _k, ctx) => focusedQuiz(s, ctx, (q, qs) => (qs.result ? { type: 'retry' } : null)),
  [CMD.answeredHint.id]: (s, _k, ctx) => focusedQuiz(s, ctx, (q, qs) => (qs.hintsShown < q.hints.length ? { type: 'hint' } : null)),
  [CMD.layerStep.id]: (s, k, ctx) => focusedLayers(s, k, ctx),
  [CMD.layersPlay.id]: (s, k, ctx) => focusedLayers(s, k, ctx),
  [CMD.layersStart.id]: (s, k, ctx) => focusedLayers(s, k, ctx),
  [CMD.sectionPrev.id]: (s, k, ctx) => READER_KEYS[CMD.section.id](s, k, ctx),
  ...SEARCH_KEYS,
};
// The focused question's rows (src/ui/quiz/question.ts) and the inline player's rows.
for (const id of ['question.move', 'question.pick', 'question.toggle', 'question.grab', 'question.answer', 'question.type', 'question.backspace', 'question.reveal', 'question.grade', 'question.hint'])
  READER_KEYS[id] = (s, k, ctx) => focusedQuiz(s, ctx, (q, qs) => quizKey(q, qs, k));
for (const c of Object.values(CMD.player))
  READER_KEYS[c.id] = (s, k, ctx) => {
    const b = focusedBlock(s);
    const p = s.focus !== null ? s.players[s.focus] : undefined;
    if (!b || b.type !== 'tcp' || !p || 'error' in p || s.focus === null) return null;
    const a = onKeyInline(p, k, { inner: readingWidth(ctx) - 4, ascii: ctx.ascii });
    if (!a) return null;
    // The seq mode is the learner's setting (remembered): every diagram of the lesson follows it.
    if (a.type === 'toggle-seq') {
      const seq = p.player.seq === 'relative' ? 'absolute' : 'relative';
      return { action: { type: 'seq', seq }, commands: [{ cmd: 'progress', update: relativeUpdate(seq) }] };
    }
    // Dropping a segment (or undoing it) re-runs the model: asked of the model worker, so a long
    // run never blocks the keys (issue 16); the diagram shows "Working…" until it is back.
    if (a.type === 'drop-next' || a.type === 'undo-drop') {
      const plan = rerunPlan(p.player, a.type);
      if (plan) {
        const job = (s.jobSeq ?? 0) + 1;
        const block = s.focus;
        return {
          action: { type: 'patch', patch: { jobSeq: job, rerunJob: { block, job, ...plan } }, then: { type: 'player-busy', block } },
          commands: [rerunCommand(p.player, plan.dropIds, job)],
        };
      }
    }
    return { action: { type: 'player', block: s.focus, action: a } };
  };

function focusedQuiz(s: LessonState, ctx: AppContext, f: (q: Question, qs: InlineQuizState) => QuizAction | null): KeyResult<LessonAction> | null {
  const b = focusedBlock(s);
  if (!b || b.type !== 'quiz' || s.focus === null) return null;
  const a = f(b.question, s.quizzes[s.focus] ?? initQuiz(b.question));
  return a ? quizResult(s, s.focus, b.question, a, ctx) : null;
}

function focusedLayers(s: LessonState, key: KeyName, ctx: AppContext): KeyResult<LessonAction> | null {
  const b = focusedBlock(s);
  if (!b || b.type !== 'layers' || s.focus === null) return null;
  const a = layersKey(key, ctx.now);
  return a ? { action: { type: 'layers', block: s.focus, action: a } } : null;
}

function focusNext(s: LessonState, key: KeyName, ctx: AppContext): KeyResult<LessonAction> | null {
  const { layout, top, v, onScreen } = view0(s, ctx);
  const list = interactiveBlocks(s);
  if (!list.length) return null;
  let target: number | undefined;
  if (s.focus !== null && onScreen(s.focus, top)) {
    const k = list.indexOf(s.focus);
    target = key === 'tab' ? list[k + 1] : list[k - 1];
  } else {
    const visible = list.filter((i) => {
      const b = layout.blocks.find((x) => x.block === i)!;
      return b.start < top + v && b.start + b.height > top;
    });
    if (visible.length) target = key === 'tab' ? visible[0] : visible[visible.length - 1];
    else target = key === 'tab' ? list.find((i) => rowOf(layout, { block: i, offset: 0 }) >= top) : [...list].reverse().find((i) => rowOf(layout, { block: i, offset: 0 }) < top);
  }
  if (target === undefined) return { action: { type: 'focus', block: null } };
  const to = revealBlock(layout, ctx, top, target);
  return { action: { type: 'focus', block: target, anchor: anchorOf(layout, to) }, commands: to !== top ? moveCommands(s, ctx, layout, to) : [] };
}

/** A key result applied: the reducer's next state and the commands. */
function applied(s: LessonState, r: KeyResult<LessonAction> | null): Update<LessonState> {
  if (!r) return [s, []];
  return [r.action ? reduceLesson(s, r.action) : s, r.commands ?? []];
}

const lessonKeys = keyUpdate<LessonState>(
  // A note in the status row lasts until the next key.
  Object.fromEntries(
    Object.entries(READER_KEYS).map(([id, h]) => [
      id,
      (s0: LessonState, k: KeyName, ctx: AppContext) => {
        const s = s0.note === null ? s0 : { ...s0, note: null };
        return applied(s, h(s, k, ctx));
      },
    ]),
  ),
  (s, msg, ctx) => {
    switch (msg.type) {
      case 'tick':
        return [tickLesson(s, msg.now), []];
      case 'model': {
        // The re-run a diagram's `d`/`u` asked for (in the run memo now): applied if it is the one awaited.
        const want = s.rerunJob;
        if (!want || want.job !== msg.job) return [s, []];
        const p = s.players[want.block];
        const base: LessonState = { ...s, rerunJob: null };
        if (!p || 'error' in p) return [base, []];
        return [{ ...base, players: { ...base.players, [want.block]: { ...p, player: applyRerun(p.player, want, msg.result) } } }, []];
      }
      case 'resume': {
        // Back from the full player this lesson opened: the diagram is where the learner left it.
        const r = msg.result;
        if (!r || r.screen !== 'player' || r.origin === undefined) return [s, []];
        return [reduceLesson(s, { type: 'player-resume', block: r.origin, result: { step: r.step, seq: r.seq, dropIds: r.dropIds } }), []];
      }
      case 'paste': {
        // Pasted text (or an input method's committed text) at the search prompt.
        if (s.search.prompt !== null) {
          const text = [...(s.search.prompt + msg.text.replace(/[\r\n\t]+/g, ' '))].slice(0, MAX_QUERY).join('');
          return [text === s.search.prompt ? s : { ...s, search: { ...s.search, prompt: text } }, []];
        }
        if (!capturesText(s) || s.focus === null) return [s, []];
        const b = focusedBlock(s);
        if (!b || b.type !== 'quiz') return [s, []];
        return applied(s, quizResult(s, s.focus, b.question, { type: 'input', text: msg.text.replace(/\n/g, ' ') }, ctx));
      }
      default:
        return [s, []];
    }
  },
);

export function reduceLesson(s: LessonState, a: LessonAction): LessonState {
  switch (a.type) {
    case 'patch':
      return { ...(a.then ? reduceLesson(s, a.then) : s), ...a.patch };
    case 'scroll':
      return a.anchor.block === s.anchor.block && a.anchor.offset === s.anchor.offset ? s : { ...s, anchor: a.anchor };
    case 'focus':
      return { ...s, focus: a.block, anchor: a.anchor ?? s.anchor };
    case 'offer-next':
      return { ...s, offerNext: a.on, anchor: a.anchor ?? s.anchor };
    case 'quiz': {
      const b = s.lesson?.blocks[a.block];
      if (!b || b.type !== 'quiz') return s;
      const before = s.quizzes[a.block] ?? initQuiz(b.question);
      const after = reduceQuiz(b.question, before, a.action);
      return after === before ? s : { ...s, quizzes: { ...s.quizzes, [a.block]: after }, anchor: a.anchor ?? s.anchor };
    }
    case 'player': {
      const p = s.players[a.block];
      if (!p || 'error' in p) return s;
      const after = reduceInline(p, a.action);
      return after === p ? s : { ...s, players: { ...s.players, [a.block]: after } };
    }
    case 'player-busy': {
      const p = s.players[a.block];
      if (!p || 'error' in p || p.player.busy) return s;
      return { ...s, players: { ...s.players, [a.block]: { ...p, player: { ...p.player, busy: true } } } };
    }
    case 'seq': {
      let players = s.players;
      for (const [k, p] of Object.entries(s.players)) {
        if ('error' in p) continue;
        const after = reduceInline(p, { type: 'set-seq', seq: a.seq });
        if (after !== p) players = { ...players, [k]: after };
      }
      return players === s.players ? s : { ...s, players };
    }
    case 'player-resume': {
      const p = s.players[a.block];
      if (!p || 'error' in p) return s;
      const after = resumeInline(p, a.result);
      const seqd = reduceLesson(s, { type: 'seq', seq: a.result.seq });
      return after === p ? seqd : { ...seqd, players: { ...seqd.players, [a.block]: after } };
    }
    case 'layers': {
      const b = s.lesson?.blocks[a.block];
      if (!b || b.type !== 'layers') return s;
      const before = s.layers[a.block] ?? initLayers();
      const after = reduceLayers(b.layers.length, before, a.action);
      return after === before ? s : { ...s, layers: { ...s.layers, [a.block]: after } };
    }
  }
}

function tickLesson(s: LessonState, now: number): LessonState {
  let players = s.players;
  for (const [k, p] of Object.entries(s.players)) {
    if ('error' in p || !inlineAnimating(p)) continue;
    const next = tickInline(p, now);
    if (next !== p) players = { ...players, [k]: next };
  }
  let layers = s.layers;
  for (const [k, l] of Object.entries(s.layers)) {
    const b = s.lesson?.blocks[Number(k)];
    if (!l.playing || !b || b.type !== 'layers') continue;
    const next = reduceLayers(b.layers.length, l, { type: 'tick', now });
    if (next !== l) layers = { ...layers, [k]: next };
  }
  return players === s.players && layers === s.layers ? s : { ...s, players, layers };
}

function lessonAnimating(s: LessonState): boolean {
  for (const p of Object.values(s.players)) if (!('error' in p) && inlineAnimating(p)) return true;
  for (const l of Object.values(s.layers)) if (l.playing) return true;
  return false;
}

/** The reader's rows when nothing is focused (footer order). */
function readerRows(s: LessonState, ctx: AppContext, footer: boolean): Active[] {
  const f = footer ? on : off;
  const searching = s.search.query !== null;
  return [
    f(CMD.scroll),
    f(CMD.page),
    f(CMD.focus),
    ...(hintTarget(s, ctx) !== null ? [f(CMD.readerHint)] : []),
    ...(atEndOffering(s, ctx) ? [f(CMD.nextLesson)] : []),
    // While a search is on, n/N step through its matches (as in less) and Esc clears it; p still
    // goes to the previous section (and n/p again once the search is cleared).
    ...(searching ? [f(CMD.searchStep), f(CMD.searchClear)] : []),
    f(CMD.search),
    ...(s.lesson && tocOf(s.lesson).length ? [f(CMD.toc)] : []),
    searching ? f(CMD.sectionPrev) : f(CMD.section),
    f(CMD.top),
    off(CMD.leave),
  ];
}

/** Whether the focused block is taller than the reader's view (it cannot be seen whole). */
function focusTaller(s: LessonState, ctx: AppContext): boolean {
  if (s.focus === null) return false;
  const b = lessonLayout(s, ctx).blocks.find((x) => x.block === s.focus);
  return !!b && b.height > viewRows(ctx);
}

/**
 * The reader's keymap: an unanswered focused quiz owns exactly its own keys (the question's rows)
 * and the block keys (Esc, Tab, PgUp/PgDn, q), so no reader key can scroll the page under it; an
 * answered quiz, a diagram or layers block put their rows first and leave the reader's keys working.
 */
export function lessonKeymap(s: LessonState, ctx: AppContext): Active[] {
  if (!s.lesson) return [off(CMD.notFoundBack)];
  // The search prompt takes every printable key (CJK and an input method's text included).
  if (s.search.prompt !== null) return [on(CMD.searchSubmit), on(CMD.searchCancel), off(CMD.searchType), off(CMD.searchErase)];
  if (s.toc) return [on(CMD.tocMove), on(CMD.tocJump), on(CMD.tocClose)];
  const b = focusedBlock(s);
  if (!b || s.focus === null) return readerRows(s, ctx, true);
  const block = [on(CMD.unfocus), on(CMD.nextBlock)];
  if (b.type === 'quiz') {
    const qs = s.quizzes[s.focus] ?? initQuiz(b.question);
    if (!qs.result) {
      const own = questionBindings(b.question, qs, { hints: true }).map((x) => ({ cmd: x.command, footer: x.footer !== false }));
      // PgUp/PgDn scroll under a focused quiz; named in the footer when the box is taller than the screen.
      return [...own, ...block, focusTaller(s, ctx) ? on(CMD.pageKeys) : off(CMD.pageKeys), off(CMD.leave)];
    }
    const hint = qs.hintsShown < b.question.hints.length ? [on(CMD.answeredHint)] : [];
    return [on(CMD.retry), ...hint, ...block, ...readerRows(s, ctx, false)];
  }
  if (b.type === 'tcp') {
    const P = CMD.player;
    const p = s.players[s.focus];
    const player = p && !('error' in p) ? [on(P.play), on(P.step), on(P.back), on(P.drop), off(P.undo), off(P.seq), off(P.legend), off(P.scrollInline), off(P.chart), off(P.speed), off(P.restart), off(P.ends)] : [];
    return [...player, on(CMD.openPlayer), ...block, ...readerRows(s, ctx, false)];
  }
  if (b.type === 'layers') return [on(CMD.layerStep), on(CMD.layersPlay), off(CMD.layersStart), ...block, ...readerRows(s, ctx, false)];
  return [...block, ...readerRows(s, ctx, false)];
}

function statusLine(s: LessonState, ctx: AppContext, layout: DocLayout, top: number): string {
  const width = ctx.width;
  const total = layout.lines.length;
  const mt = maxTop(layout, ctx);
  const pct = mt === 0 ? 100 : Math.round((100 * top) / mt);
  const g = glyphs(ctx.ascii);
  // The search prompt takes the whole row: its end stays in view as it grows.
  if (s.search.prompt !== null) {
    const text = `${RS.promptPrefix}${clean(s.search.prompt)}${ctx.ascii ? '_' : g.barFull}`;
    return sw(text) <= width ? text : tail(text, width);
  }
  const right = UI.readerPosition(Math.min(total, top + viewRows(ctx)), total, pct);
  const section = [...layout.sections].reverse().find((x) => x.row <= top);
  let left = section ? section.title : '';
  if (s.note !== null) left = s.note;
  else if (s.search.query !== null) {
    const ms = layoutMatches(layout, s.search.query);
    const cur = s.search.current;
    const at = cur ? ms.findIndex((m) => m.row === cur.row && m.index === cur.index) : -1;
    left = `${RS.promptPrefix}${clean(s.search.query)}${at >= 0 ? `  ${RS.matchOf(at + 1, ms.length)}` : ''}`;
  }
  const room = width - sw(right) - 2;
  const l = room > 4 ? truncate(left, room, glyphs(ctx.ascii).ellipsis) : '';
  return l + ' '.repeat(Math.max(1, width - sw(l) - sw(right))) + right;
}

/** The end of `text` that fits in `width` columns. */
function tail(text: string, width: number): string {
  const chars = [...text];
  let w = 0;
  let i = chars.length;
  while (i > 0 && w + sw(chars[i - 1]!) <= width) w += sw(chars[--i]!);
  return chars.slice(i).join('');
}

/** The rows on screen with the search's matches marked (see components/readerSearch.ts). */
function markedRows(s: LessonState, ctx: AppContext, layout: DocLayout, top: number, rows: Line[]): Line[] {
  if (s.search.query === null) return rows;
  const ms = layoutMatches(layout, s.search.query);
  if (!ms.length) return rows;
  const cur = s.search.current;
  return rows.map((line, i) => {
    const row = top + i;
    const marks: Highlight[] = [];
    for (const m of ms) if (m.row === row) marks.push({ index: m.index, length: m.length, current: !!cur && cur.row === row && cur.index === m.index });
    return marks.length ? highlightLine(line, marks, { color: ctx.color }) : line;
  });
}

function LessonView(props: { s: LessonState; ctx: AppContext }) {
  const { s, ctx } = props;
  if (!s.lesson) {
    // A watched lesson that no longer loads (learn --watch): its first error, until the next save.
    const err = ctx.broken.find((b) => b.lessonId === s.lessonId);
    if (err) {
      const at = err.line ? `${err.file}:${err.line}:${err.col ?? 1}: ` : `${err.file}: `;
      return (
        <Box flexDirection="column" width={ctx.width}>
          {wrap(clean(at + err.message), ctx.width).map((l, i) => (
            <Text key={i}>{l}</Text>
          ))}
          <Text dimColor>{truncate(UI.lessonWatchBroken, ctx.width)}</Text>
        </Box>
      );
    }
    return (
      <Box flexDirection="column" width={ctx.width}>
        <Text>{truncate(UI.readerNotFound(clean(s.lessonId)), ctx.width)}</Text>
        <Text dimColor>{UI.placeholderBack}</Text>
      </Box>
    );
  }
  if (s.lesson.blocks.length === 0) {
    // Only its front matter so far: the full lessons are still loading (run.tsx, in a worker).
    return (
      <Box flexDirection="column" width={ctx.width}>
        <Text dimColor>{truncate(UI.lessonLoading, ctx.width)}</Text>
      </Box>
    );
  }
  const layout = lessonLayout(s, ctx);
  const top = topRow(s, ctx, layout);
  const visible = s.toc
    ? tocLines(tocOf(s.lesson), s.toc.cursor, currentTocEntry(s, ctx), ctx.width, viewRows(ctx), ctx.ascii)
    : markedRows(s, ctx, layout, top, layout.lines.slice(top, top + viewRows(ctx)));
  while (visible.length < viewRows(ctx)) visible.push([]);
  return (
    <Box flexDirection="column" width={ctx.width} height={ctx.height}>
      <LinesView lines={visible} width={ctx.width} color={ctx.color} />
      <Text dimColor inverse={ctx.color} wrap="truncate">
        {statusLine(s, ctx, layout, top)}
      </Text>
    </Box>
  );
}

export const lessonScreen: ScreenDef<LessonState> = {
  id: 'lesson',
  init(request, ctx) {
    if (request.screen !== 'lesson') return initLessonState('', 0, ctx);
    return initLessonState(request.lessonId, request.position, ctx);
  },
  keymap: lessonKeymap,
  update: lessonKeys.update,
  handles: lessonKeys.handles,
  animating: lessonAnimating,
  title: (s) => (s.lesson ? clean(s.lesson.meta.title) : UI.lessonsTitle),
  view: (s, ctx) => <LessonView s={s} ctx={ctx} />,
};
