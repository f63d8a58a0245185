/**
 * The lesson list: every lesson with its mark (✓ done, ◐ started), minutes and questions answered
 * right; the selected lesson's summary and prerequisites below. Enter opens it at the saved position.
 */
import { Box, Text } from 'ink';
import type { Lesson } from '../../lessons/types.js';
import { keyUpdate, type AppContext, type KeyName, type KeyResult, type ScreenDef, type Update } from '../screen.js';
import { CMD, off, on } from '../bindings.js';
import { UI } from '../strings.js';
import { LESSON_MESSAGES } from '../../lessons/strings.js';
import { Menu, menuKey, type MenuItem } from '../components/Menu.js';
import { glyphs } from '../components/theme.js';
import { truncate, wrap } from '../components/text.js';
import { clean } from '../components/markdown.js';
import { lessonComplete, lessonStatus, markGlyph, sortedLessons } from './home.js';
import { lessonRefLabel } from '../lesson-progress.js';
import { positionUpdate } from './lesson.js';

export interface LessonsState {
  index: number;
}
export type LessonsAction = { type: 'move'; index: number };

/** Prerequisites of `l` that are not among the loaded lessons (unknown ids or broken lessons). */
export function missingPrerequisites(ctx: AppContext, l: Lesson): string[] {
  const ids = new Set(ctx.lessons.map((x) => x.meta.id));
  return l.meta.prerequisites.filter((p) => p !== l.meta.id && !ids.has(p));
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * One broken lesson as `name.md:line:col: message` (sanitized; the file's own directory is
 * dropped from the message, so `duplicate lesson id 'x' (also in 04-a.md)` stays short).
 */
export function brokenText(b: AppContext['broken'][number]): string {
  const name = baseName(b.file);
  const dir = b.file.slice(0, b.file.length - name.length);
  const message = dir ? b.message.split(dir).join('') : b.message;
  const where = b.line && b.line > 0 ? `${name}:${b.line}:${b.col && b.col > 0 ? b.col : 1}` : name;
  return clean(`${where}: ${message}`);
}

/** The lessons (numbered), then, if any failed to load, a heading and one row per broken file. */
export function lessonItems(ctx: AppContext): MenuItem[] {
  const g = glyphs(ctx.ascii);
  const items: MenuItem[] = sortedLessons(ctx.lessons).map((l, i) => {
    const st = lessonStatus(ctx.progress, l);
    const q = st.total ? `  ${UI.lessonQuestions(st.right, st.total)}` : '';
    const warn = missingPrerequisites(ctx, l).length ? '! ' : '';
    return {
      mark: markGlyph(st.mark, ctx.ascii),
      // A lesson not yet translated into the app's language is the English one, and says so.
      label: `${i + 1}. ${clean(l.meta.title)}${l.fallback ? ` ${LESSON_MESSAGES.englishFallback}` : ''}`,
      detail: warn + (ctx.width >= 60 ? `${UI.lessonMinutes(l.meta.minutes)}${q}` : q.trim() || UI.lessonMinutes(l.meta.minutes)),
    };
  });
  if (ctx.broken.length) {
    items.push({ label: UI.brokenSection(ctx.broken.length), disabled: true });
    for (const b of ctx.broken) items.push({ mark: g.cross, label: brokenText(b) });
  }
  return items;
}

export function lessonsOnKey(s: LessonsState, key: KeyName, ctx: AppContext): KeyResult<LessonsAction> | null {
  const sorted = sortedLessons(ctx.lessons);
  const a = menuKey(lessonItems(ctx), s.index, key, Math.max(1, ctx.height - 5));
  if (!a) return null;
  if (a.type === 'menu-move') return a.index === s.index ? null : { action: { type: 'move', index: a.index } };
  const l = sorted[a.index];
  // A broken lesson (or the heading) cannot be opened: its error is shown below the list.
  if (!l) return a.index === s.index ? null : { action: { type: 'move', index: a.index } };
  const id = l.meta.id;
  const lp = ctx.progress.lessons[id];
  const position = lp?.position ?? 0;
  return {
    action: { type: 'move', index: a.index },
    commands: [
      { cmd: 'push', request: { screen: 'lesson', lessonId: id, position } },
      { cmd: 'progress', update: positionUpdate(id, position, lp?.furthest ?? 0, false, new Date(ctx.now).toISOString()) },
    ],
  };
}

const reduceLessons = (s: LessonsState, a: LessonsAction): LessonsState => (a.index === s.index ? s : { index: a.index });

function lessonsKey(s: LessonsState, key: KeyName, ctx: AppContext): Update<LessonsState> {
  const r = lessonsOnKey(s, key, ctx);
  return r ? [r.action ? reduceLessons(s, r.action) : s, r.commands ?? []] : [s, []];
}

const lessonsKeys = keyUpdate<LessonsState>(
  {
    [CMD.menuMove.id]: lessonsKey,
    [CMD.menuPage.id]: lessonsKey,
    [CMD.menuEnds.id]: lessonsKey,
    [CMD.lessonsOpen.id]: lessonsKey,
    [CMD.menuPick.id]: lessonsKey,
  },
  // Back from a lesson (opened from here, by `synack learn ID`, or reached with n): the cursor
  // follows the lesson read last.
  (s, msg, ctx) => {
    if (msg.type !== 'resume') return [s, []];
    const last = ctx.progress.last?.lessonId;
    const index = last ? sortedLessons(ctx.lessons).findIndex((l) => l.meta.id === last) : -1;
    return [index < 0 || index === s.index ? s : { index }, []];
  },
);

function LessonsView(props: { s: LessonsState; ctx: AppContext }) {
  const { s, ctx } = props;
  const w = ctx.width;
  const g = glyphs(ctx.ascii);
  const sorted = sortedLessons(ctx.lessons);
  const items = lessonItems(ctx);
  if (!items.length) {
    return (
      <Box flexDirection="column" width={w}>
        {wrap(UI.lessonsEmpty, w).map((l, i) => (
          <Text key={i}>{l}</Text>
        ))}
      </Box>
    );
  }
  const index = Math.min(s.index, items.length - 1);
  const sel = sorted[index];
  const about: { text: string; warn?: boolean }[] = [];
  if (sel) {
    about.push(...wrap(clean(sel.meta.summary), w).map((text) => ({ text })));
    if (sel.meta.prerequisites.length) about.push({ text: truncate(UI.lessonPrereq(sel.meta.prerequisites.map((id) => lessonRefLabel(clean(id), sorted))), w, g.ellipsis) });
    about.push({ text: truncate(UI.lessonRef(index + 1, clean(sel.meta.id)), w, g.ellipsis) });
    const missing = missingPrerequisites(ctx, sel);
    if (missing.length) about.push({ text: truncate(UI.lessonPrereqMissing(missing.map(clean)), w, g.ellipsis), warn: true });
  } else {
    const b = ctx.broken[index - sorted.length - 1];
    if (b) about.push(...[...wrap(brokenText(b), w), ...wrap(UI.brokenHint, w)].map((text) => ({ text, warn: true })));
  }
  const aboutRows = Math.min(about.length, Math.max(0, Math.floor(ctx.height / 3)));
  const brokenLine = ctx.broken.length ? truncate(UI.brokenLessons(ctx.broken.length), w, g.ellipsis) : null;
  const menuRows = Math.max(1, ctx.height - (aboutRows ? aboutRows + 1 : 0) - (brokenLine ? 1 : 0));
  const yellow = ctx.color ? 'yellow' : undefined;
  return (
    <Box flexDirection="column" width={w} height={ctx.height}>
      <Menu items={items} index={index} width={w} height={menuRows} ascii={ctx.ascii} color={ctx.color} />
      {aboutRows ? <Text> </Text> : null}
      {about.slice(0, aboutRows).map((l, i) => (
        <Text key={i} dimColor={!l.warn} color={l.warn ? yellow : undefined} wrap="truncate">
          {l.text}
        </Text>
      ))}
      {brokenLine ? (
        <Text color={yellow} wrap="truncate">
          {brokenLine}
        </Text>
      ) : null}
    </Box>
  );
}

export const lessonsScreen: ScreenDef<LessonsState> = {
  id: 'lessons',
  init(_req, ctx) {
    // Start on the lesson opened last, else the first not done.
    const sorted = sortedLessons(ctx.lessons);
    const last = ctx.progress.last?.lessonId;
    let index = last ? sorted.findIndex((l) => l.meta.id === last) : -1;
    if (index < 0) index = Math.max(0, sorted.findIndex((l) => !lessonComplete(ctx.progress.lessons[l.meta.id], l)));
    // No good lesson: start on the first broken one (after the heading).
    if (!sorted.length && ctx.broken.length) index = 1;
    return { index };
  },
  keymap: () => [on(CMD.menuMove), on(CMD.lessonsOpen), on(CMD.menuEnds), off(CMD.menuPage), off(CMD.menuPick)],
  update: lessonsKeys.update,
  handles: lessonsKeys.handles,
  title: () => UI.lessonsTitle,
  view: (s, ctx) => <LessonsView s={s} ctx={ctx} />,
};
