/**
 * The lesson list: every lesson with its mark (✓ done, ◐ started), minutes and questions answered
 * right; the selected lesson's summary and prerequisites below. Enter opens it at the saved position.
 */
import { Box, Text } from 'ink';
import type { AppContext, KeyBinding, KeyName, KeyResult, ScreenDef } from '../screen.js';
import { UI } from '../strings.js';
import { Menu, menuKey, type MenuItem } from '../components/Menu.js';
import { glyphs } from '../components/theme.js';
import { truncate, wrap } from '../components/text.js';
import { clean } from '../components/markdown.js';
import { lessonStatus, markGlyph, sortedLessons } from './home.js';
import { positionUpdate } from './lesson.js';

export interface LessonsState {
  index: number;
}
export type LessonsAction = { type: 'move'; index: number };

export function lessonItems(ctx: AppContext): MenuItem[] {
  return sortedLessons(ctx.lessons).map((l, i) => {
    const st = lessonStatus(ctx.progress, l);
    const q = st.total ? `  ${UI.lessonQuestions(st.right, st.total)}` : '';
    return {
      mark: markGlyph(st.mark, ctx.ascii),
      label: `${i + 1}. ${clean(l.meta.title)}`,
      detail: ctx.width >= 60 ? `${UI.lessonMinutes(l.meta.minutes)}${q}` : q.trim() || UI.lessonMinutes(l.meta.minutes),
    };
  });
}

export function lessonsOnKey(s: LessonsState, key: KeyName, ctx: AppContext): KeyResult<LessonsAction> | null {
  const sorted = sortedLessons(ctx.lessons);
  const a = menuKey(lessonItems(ctx), s.index, key, Math.max(1, ctx.height - 5));
  if (!a) return null;
  if (a.type === 'menu-move') return { action: { type: 'move', index: a.index } };
  const l = sorted[a.index];
  if (!l) return null;
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

function LessonsView(props: { s: LessonsState; ctx: AppContext }) {
  const { s, ctx } = props;
  const w = ctx.width;
  const g = glyphs(ctx.ascii);
  const sorted = sortedLessons(ctx.lessons);
  if (!sorted.length) {
    return (
      <Box flexDirection="column" width={w}>
        {wrap(UI.lessonsEmpty, w).map((l, i) => (
          <Text key={i}>{l}</Text>
        ))}
      </Box>
    );
  }
  const sel = sorted[Math.min(s.index, sorted.length - 1)];
  const about: string[] = [];
  if (sel) {
    about.push(...wrap(clean(sel.meta.summary), w));
    if (sel.meta.prerequisites.length) about.push(truncate(UI.lessonPrereq(sel.meta.prerequisites.map(clean)), w, g.ellipsis));
  }
  const aboutRows = Math.min(about.length, Math.max(0, Math.floor(ctx.height / 3)));
  const brokenLine = ctx.broken.length ? truncate(UI.brokenLessons(ctx.broken.length), w, g.ellipsis) : null;
  const menuRows = Math.max(1, ctx.height - (aboutRows ? aboutRows + 1 : 0) - (brokenLine ? 1 : 0));
  return (
    <Box flexDirection="column" width={w} height={ctx.height}>
      <Menu items={lessonItems(ctx)} index={s.index} width={w} height={menuRows} ascii={ctx.ascii} color={ctx.color} />
      {aboutRows ? <Text> </Text> : null}
      {about.slice(0, aboutRows).map((l, i) => (
        <Text key={i} dimColor wrap="truncate">
          {l}
        </Text>
      ))}
      {brokenLine ? (
        <Text color={ctx.color ? 'yellow' : undefined} wrap="truncate">
          {brokenLine}
        </Text>
      ) : null}
    </Box>
  );
}

const BINDINGS: KeyBinding[] = [
  { ...UI.keyMove, footer: true },
  { ...UI.keyOpenLesson, footer: true },
  { ...UI.keyFirstLast },
];

export const lessonsScreen: ScreenDef<LessonsState, LessonsAction> = {
  id: 'lessons',
  init(_req, ctx) {
    // Start on the lesson opened last, else the first not done.
    const sorted = sortedLessons(ctx.lessons);
    const last = ctx.progress.last?.lessonId;
    let index = last ? sorted.findIndex((l) => l.meta.id === last) : -1;
    if (index < 0) index = Math.max(0, sorted.findIndex((l) => !ctx.progress.lessons[l.meta.id]?.done));
    return { index };
  },
  reduce: (s, a) => (a.index === s.index ? s : { index: a.index }),
  onKey: lessonsOnKey,
  bindings: () => BINDINGS,
  title: () => UI.lessonsTitle,
  view: (s, ctx) => <LessonsView s={s} ctx={ctx} />,
};
