/**
 * Home: continue where you left off, the lessons, interview quiz, diagram player (pick a built-in
 * scenario), playground, stats, help, quit; a course progress bar and each lesson's progress.
 */
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import { keyUpdate, type AppContext, type KeyName, type KeyResult, type ScreenDef, type ScreenRequest, type ShellCommand, type Update } from '../screen.js';
import { CMD, off, on } from '../bindings.js';
import type { Lesson } from '../../lessons/types.js';
import type { Progress } from '../../store/types.js';
import { RS, UI } from '../strings.js';
import { DEFAULTS } from '../../quiz/engine.js';
import { NEW_CARDS_PER_DAY } from '../../quiz/srs.js';
import { TIME_STEPS } from './quiz.js';
import { getLang, LANG_NAMES } from '../../i18n/index.js';
import { Menu, menuKey, type MenuItem } from '../components/Menu.js';
import { progressBarText } from '../components/ProgressBar.js';
import { glyphs } from '../components/theme.js';
import { truncate, padRight, width as sw } from '../components/text.js';
import { clean } from '../components/markdown.js';
import { builtInScenarios } from '../player/run.js';
import { positionUpdate } from './lesson.js';
import { lessonComplete, lessonFraction } from '../lesson-progress.js';

export { lessonComplete, lessonFraction };

export interface HomeState {
  index: number;
  /** The scenario picker (Diagram player), when open. */
  picker: { index: number } | null;
}

export type HomeAction = { type: 'move'; index: number } | { type: 'picker'; open: boolean; index?: number };

type HomeItemId = 'continue' | 'lessons' | 'quiz' | 'player' | 'playground' | 'stats' | 'language' | 'newPerDay' | 'timer' | 'help' | 'quit';

// ---------------------------------------------------------------------------------------------
// Settings rows: new review cards a day (settings.newPerDay) and the interview timer
// (settings.mockTimeSec, 0 = off), changed with -/+ (Enter: the next value, wrapping) and saved with
// the progress (merged on save like every setting). Bounds: docs/limits.md.

/** The choices of the daily new-card limit (any 0-1000 from progress.json is kept and shown). */
export const NEW_PER_DAY_STEPS: readonly number[] = [0, 5, 10, 15, 20, 30, 50, 100, 200];

export function newPerDaySetting(p: Progress): number {
  return p.settings.newPerDay ?? NEW_CARDS_PER_DAY;
}

/** The interview timer in force: the saved one (0 = off), else the mock interview's default. */
export function timerSetting(p: Progress): number | null {
  const t = p.settings.mockTimeSec;
  return t === undefined ? DEFAULTS.mock.timeLimitSec : t === 0 ? null : t;
}

/** The next choice after (delta 1) or before (-1) `value`; Enter wraps from the last to the first. */
export function stepSetting<T extends number | null>(steps: readonly T[], value: T, delta: number, wrap: boolean): T {
  const n = (v: T) => (v === null ? -1 : (v as number));
  let i = steps.indexOf(value);
  if (i < 0) {
    // A value from the file between two choices: the next choice up or down from it.
    const up = steps.findIndex((x) => n(x) > n(value));
    i = delta > 0 ? (up < 0 ? steps.length : up) - 1 : up < 0 ? steps.length : up;
  }
  const j = i + delta;
  if (j >= steps.length) return wrap ? steps[0]! : steps[steps.length - 1]!;
  if (j < 0) return wrap ? steps[steps.length - 1]! : steps[0]!;
  return steps[j]!;
}

function settingCommand(id: 'newPerDay' | 'timer', p: Progress, delta: number, wrap: boolean): ShellCommand[] {
  if (id === 'newPerDay') {
    const v = stepSetting(NEW_PER_DAY_STEPS, newPerDaySetting(p), delta, wrap);
    return v === p.settings.newPerDay ? [] : [{ cmd: 'progress', update: (q: Progress) => ({ ...q, settings: { ...q.settings, newPerDay: v } }) }];
  }
  const v = stepSetting(TIME_STEPS, timerSetting(p), delta, wrap) ?? 0;
  return v === p.settings.mockTimeSec ? [] : [{ cmd: 'progress', update: (q: Progress) => ({ ...q, settings: { ...q.settings, mockTimeSec: v } }) }];
}

export function sortedLessons(lessons: Lesson[]): Lesson[] {
  return [...lessons].sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id));
}

/** Per-lesson status: complete, started, or not yet; and questions right at the first attempt. */
export function lessonStatus(p: Progress, l: Lesson): { mark: 'done' | 'started' | 'none'; right: number; total: number; pct: number } {
  const lp = p.lessons[l.meta.id];
  const total = l.questions.length;
  const right = lp ? l.questions.filter((q) => lp.answers[q.id]?.correct).length : 0;
  const complete = lessonComplete(lp, l);
  const mark = complete ? 'done' : lp ? 'started' : 'none';
  const pct = complete ? 100 : Math.floor(100 * lessonFraction(lp, l));
  return { mark, right, total, pct };
}

export function markGlyph(mark: 'done' | 'started' | 'none', ascii: boolean): string {
  const g = glyphs(ascii);
  return mark === 'done' ? g.done : mark === 'started' ? g.started : g.none;
}

/** Course progress: the average of each lesson's progress towards complete. */
export function courseFraction(p: Progress, lessons: Lesson[]): number {
  if (!lessons.length) return 0;
  let sum = 0;
  for (const l of lessons) sum += lessonFraction(p.lessons[l.meta.id], l);
  return sum / lessons.length;
}

/** Lessons complete (read to the end, every quiz answered). */
export function completeCount(p: Progress, lessons: Lesson[]): number {
  return lessons.filter((l) => lessonComplete(p.lessons[l.meta.id], l)).length;
}

/**
 * "Continue": the last lesson opened while it is not complete; once it is, the next unfinished
 * lesson after it in course order (then from the start); every lesson complete: the last one.
 */
export function continueTarget(ctx: AppContext): { lesson: Lesson; position: number; resume: boolean } | null {
  const sorted = sortedLessons(ctx.lessons);
  const p = ctx.progress;
  const unfinished = (l: Lesson) => !lessonComplete(p.lessons[l.meta.id], l);
  const last = p.last;
  const at = last ? sorted.findIndex((x) => x.meta.id === last.lessonId) : -1;
  if (last && at >= 0 && unfinished(sorted[at])) return { lesson: sorted[at], position: last.position, resume: true };
  const from = at >= 0 ? at + 1 : 0;
  const next = [...sorted.slice(from), ...sorted.slice(0, from)].find(unfinished);
  if (next) {
    const lp = p.lessons[next.meta.id];
    return { lesson: next, position: lp?.position ?? 0, resume: !!lp };
  }
  if (last && at >= 0) return { lesson: sorted[at], position: last.position, resume: true };
  return sorted[0] ? { lesson: sorted[0], position: 0, resume: false } : null;
}

function homeItems(ctx: AppContext): { id: HomeItemId; item: MenuItem }[] {
  const out: { id: HomeItemId; item: MenuItem }[] = [];
  const c = continueTarget(ctx);
  if (c) {
    const title = clean(c.lesson.meta.title);
    const st = lessonStatus(ctx.progress, c.lesson);
    out.push({ id: 'continue', item: { label: c.resume ? UI.homeContinue(title, st.pct) : UI.homeStart(title) } });
  }
  const done = completeCount(ctx.progress, ctx.lessons);
  // Lessons that could not be loaded are counted here; the lesson list names each with its error.
  const broken = ctx.broken.length ? UI.homeBrokenCount(ctx.broken.length) : undefined;
  out.push({ id: 'lessons', item: { label: UI.homeLessonsCount(done, ctx.lessons.length), ...(broken ? { detail: broken } : {}) } });
  out.push({ id: 'quiz', item: { label: UI.homeQuiz } });
  out.push({ id: 'player', item: { label: UI.homePlayer } });
  out.push({ id: 'playground', item: { label: UI.homePlayground } });
  out.push({ id: 'stats', item: { label: UI.homeStats } });
  out.push({ id: 'language', item: { label: UI.homeLanguage(LANG_NAMES[getLang()]) } });
  out.push({ id: 'newPerDay', item: { label: RS.homeNewPerDay(newPerDaySetting(ctx.progress)) } });
  out.push({ id: 'timer', item: { label: RS.homeTimer(timerSetting(ctx.progress)) } });
  out.push({ id: 'help', item: { label: UI.homeHelp } });
  out.push({ id: 'quit', item: { label: UI.homeQuit } });
  return out;
}

function scenarios(): { name: string; description: string; source: string }[] {
  try {
    return builtInScenarios() ?? [];
  } catch {
    return [];
  }
}

function openLesson(ctx: AppContext, lesson: Lesson, position: number): ShellCommand[] {
  const id = lesson.meta.id;
  const lp = ctx.progress.lessons[id];
  return [
    { cmd: 'push', request: { screen: 'lesson', lessonId: id, position } },
    { cmd: 'progress', update: positionUpdate(id, position, lp?.furthest ?? 0, false, new Date(ctx.now).toISOString()) },
  ];
}

export function homeOnKey(s: HomeState, key: KeyName, ctx: AppContext): KeyResult<HomeAction> | null {
  if (s.picker) {
    const list = scenarios();
    const items = list.map((x) => ({ label: x.name }));
    if (key === 'escape' || key === 'q' || key === 'left') return { action: { type: 'picker', open: false } };
    if (key === 'right' || key === 'l') key = 'enter';
    const a = menuKey(items, s.picker.index, key);
    if (!a) return null;
    if (a.type === 'menu-move') return { action: { type: 'picker', open: true, index: a.index } };
    const sc = list[a.index];
    if (!sc) return null;
    return { commands: [{ cmd: 'push', request: { screen: 'player', source: sc.source, name: sc.name } }] };
  }
  const items = homeItems(ctx);
  const a = menuKey(
    items.map((x) => x.item),
    s.index,
    key,
  );
  if (!a) return null;
  if (a.type === 'menu-move') return { action: { type: 'move', index: a.index } };
  const id = items[a.index]?.id;
  const push = (request: ScreenRequest): KeyResult<HomeAction> => ({ action: { type: 'move', index: a.index }, commands: [{ cmd: 'push', request }] });
  switch (id) {
    case 'continue': {
      const c = continueTarget(ctx);
      return c ? { action: { type: 'move', index: a.index }, commands: openLesson(ctx, c.lesson, c.position) } : null;
    }
    case 'lessons':
      return push({ screen: 'lessons' });
    case 'quiz':
      return push({ screen: 'quiz', options: {} });
    case 'player':
      return { action: { type: 'picker', open: true, index: 0 } };
    case 'playground':
      return push({ screen: 'playground' });
    case 'stats':
      return push({ screen: 'stats' });
    case 'language':
      // The other language (two for now); the shell sets it, saves it and reloads the lessons.
      return { action: { type: 'move', index: a.index }, commands: [{ cmd: 'lang', lang: getLang() === 'en' ? 'zh-CN' : 'en' }] };
    case 'newPerDay':
    case 'timer':
      return { action: { type: 'move', index: a.index }, commands: settingCommand(id, ctx.progress, 1, true) };
    case 'help':
      return push({ screen: 'help' });
    case 'quit':
      return { commands: [{ cmd: 'quit' }] };
    default:
      return null;
  }
}

export function reduceHome(s: HomeState, a: HomeAction): HomeState {
  switch (a.type) {
    case 'move':
      return a.index === s.index ? s : { ...s, index: a.index };
    case 'picker':
      return { ...s, picker: a.open ? { index: a.index ?? s.picker?.index ?? 0 } : null };
  }
}

function HomeView(props: { s: HomeState; ctx: AppContext }) {
  const { s, ctx } = props;
  const w = ctx.width;
  const g = glyphs(ctx.ascii);
  const lessons = sortedLessons(ctx.lessons);
  const frac = courseFraction(ctx.progress, lessons);
  const done = completeCount(ctx.progress, lessons);
  const label = `${UI.homeCourse} `;
  const tail = `  ${done}/${lessons.length}`;
  const bar = progressBarText(frac, Math.max(10, Math.min(50, w - sw(label) - sw(tail))), ctx.ascii);
  const header = [truncate(`${UI.appName} ${g.h} ${UI.homeTagline}`, w, g.ellipsis), truncate(label + bar + tail, w, g.ellipsis)];

  const items = homeItems(ctx).map((x) => x.item);
  let menuRows = items.length;
  let pickerItems: MenuItem[] = [];
  if (s.picker) {
    const list = scenarios();
    pickerItems = list.map((x) => ({ label: x.name, detail: '' }));
    if (pickerItems.length === 0) pickerItems = [{ label: UI.homeNoScenarios, disabled: true }];
  }
  const menuWidth = Math.min(w, 56);
  // Rows: header 2 + blank + menu + blank + lessons overview.
  const avail = ctx.height - 3;
  menuRows = Math.max(1, Math.min(items.length, avail));
  const restRows = ctx.height - 3 - menuRows - 1;

  // Lesson overview (or the scenario picker) under the menu.
  let lower: ReactElement | null = null;
  if (s.picker) {
    const list = scenarios();
    const rows = Math.max(1, restRows - 1);
    const desc = list[s.picker.index]?.description ?? '';
    lower = (
      <Box flexDirection="column" width={w}>
        <Text bold>{truncate(UI.homePickScenario, w)}</Text>
        <Menu items={pickerItems} index={s.picker.index} width={menuWidth} height={Math.max(1, rows - (desc ? 1 : 0))} ascii={ctx.ascii} color={ctx.color} />
        {desc && rows > 1 ? <Text dimColor wrap="truncate">{truncate(clean(desc), w, g.ellipsis)}</Text> : null}
      </Box>
    );
  } else if (restRows >= 2 && lessons.length) {
    const rows = restRows - 1;
    const w = Math.min(ctx.width, 80);
    const shown = lessons.slice(0, rows);
    lower = (
      <Box flexDirection="column" width={w}>
        <Text bold>{truncate(UI.homeLessons, w)}</Text>
        {shown.map((l, i) => {
          const st = lessonStatus(ctx.progress, l);
          const right = st.total ? `  ${UI.lessonQuestions(st.right, st.total)}` : '';
          const detail = `${String(st.pct).padStart(3)}%${right}`;
          const left = `${markGlyph(st.mark, ctx.ascii)} ${truncate(clean(l.meta.title), Math.max(4, w - sw(detail) - 4), g.ellipsis)}`;
          const line = sw(left) + sw(detail) + 1 <= w ? padRight(left, w - sw(detail)) + detail : truncate(left, w, g.ellipsis);
          return (
            <Text key={i} wrap="truncate" dimColor={st.mark === 'none'} color={ctx.color && st.mark === 'done' ? 'green' : undefined}>
              {i === rows - 1 && lessons.length > rows ? truncate(`${g.ellipsis} ${UI.moreLessons(lessons.length - rows + 1)}`, w) : line}
            </Text>
          );
        })}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={w} height={ctx.height}>
      <Text bold color={ctx.color ? 'cyan' : undefined} wrap="truncate">
        {header[0]}
      </Text>
      <Text wrap="truncate" color={ctx.color ? 'green' : undefined}>
        {header[1]}
      </Text>
      <Text> </Text>
      <Menu items={items} index={s.index} width={menuWidth} height={menuRows} ascii={ctx.ascii} color={ctx.color} />
      {lower ? <Text> </Text> : null}
      {lower}
    </Box>
  );
}

function homeKey(s: HomeState, key: KeyName, ctx: AppContext): Update<HomeState> {
  const r = homeOnKey(s, key, ctx);
  return r ? [r.action ? reduceHome(s, r.action) : s, r.commands ?? []] : [s, []];
}

const homeKeys = keyUpdate<HomeState>({
  [CMD.menuMove.id]: homeKey,
  [CMD.menuPage.id]: homeKey,
  [CMD.menuEnds.id]: homeKey,
  [CMD.menuOpen.id]: homeKey,
  [CMD.menuPick.id]: homeKey,
  [CMD.homeQuit.id]: (s) => [s, [{ cmd: 'quit' }]],
  [CMD.homeSetting.id]: (s, k, ctx) => {
    const id = settingAt(s, ctx);
    return [s, id ? settingCommand(id, ctx.progress, k === '-' ? -1 : 1, false) : []];
  },
  [CMD.pickerPlay.id]: homeKey,
  [CMD.pickerClose.id]: homeKey,
});

/** The settings row under the cursor, if any. */
function settingAt(s: HomeState, ctx: AppContext): 'newPerDay' | 'timer' | null {
  if (s.picker) return null;
  const id = homeItems(ctx)[s.index]?.id;
  return id === 'newPerDay' || id === 'timer' ? id : null;
}

export const homeScreen: ScreenDef<HomeState> = {
  id: 'home',
  init: () => ({ index: 0, picker: null }),
  keymap: (s, ctx) =>
    s.picker
      ? [on(CMD.menuMove), on(CMD.pickerPlay), on(CMD.pickerClose), off(CMD.menuPage), off(CMD.menuEnds), off(CMD.menuPick)]
      : [
          ...(settingAt(s, ctx) ? [on(CMD.homeSetting)] : []),
          on(CMD.menuMove),
          on(CMD.menuOpen),
          on(CMD.menuPick),
          on(CMD.homeQuit),
          off(CMD.menuPage),
          off(CMD.menuEnds),
        ],
  update: homeKeys.update,
  handles: homeKeys.handles,
  title: () => UI.homeTitle,
  view: (s, ctx) => <HomeView s={s} ctx={ctx} />,
};
