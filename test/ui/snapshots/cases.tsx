/**
 * Every screen of the app at 40x12, 80x24 and 120x40, as plain text files (one per screen, the three
 * sizes in it): the regression guard for screen refactors. Deterministic: a fixed clock (T0), fixed
 * seeds, fixed progress, no colour. A change that alters a screen on purpose updates its file
 * (`npx vitest run -u test/ui/snapshots`) and the diff is the review.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { tooWide } from '../helpers/frame-width.js';
import { App } from '../../../src/ui/app.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import { setQuizRunner } from '../../../src/ui/screens/quiz.js';
import { defaultRunner } from '../../../src/quiz/model.js';
import type { ScreenRequest } from '../../../src/ui/screen.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { recordAnswer } from '../../../src/quiz/srs.js';
import { loadAllLessons } from '../../../src/lessons/load.js';
import type { Lesson } from '../../../src/lessons/types.js';
import { emptyProgress, type Progress } from '../../../src/store/types.js';
import { renderInk, FakeClock, type Rendered } from '../helpers/render.js';
import { fixtureLessons, sampleProgress, T0 } from '../helpers/fixtures.js';

export const SIZES = [
  { columns: 40, rows: 12 },
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;
type Size = (typeof SIZES)[number] | { columns: number; rows: number };

const HOUR = 3600_000;

/** The fixture lesson with text, a table, a diagram and one quiz of each type (also the pty walk's). */
export const EVERY_QUIZ_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'lessons-every-quiz');
let everyQuiz: Lesson[] | null = null;
export function everyQuizLessons(): Lesson[] {
  if (!everyQuiz) {
    const r = loadAllLessons(EVERY_QUIZ_DIR);
    if (r.broken.length) throw new Error(`every-quiz fixture broken: ${JSON.stringify(r.broken)}`);
    everyQuiz = r.lessons;
  }
  return everyQuiz;
}

/** Progress with answers over the last days (stats, review). */
function historyProgress(): Progress {
  let p: Progress = { ...sampleProgress(fixtureLessons()), settings: { streak: true, relative: false } };
  const add = (id: string, correct: boolean, topics: string[], at: number) => {
    p = recordAnswer(p, { questionId: id, correct, rating: correct ? 3 : 1, ms: 4000, topics, mode: 'drill' }, at, { fuzz: false });
  };
  add('core/arp', false, ['ip-arp'], T0 - 24 * HOUR);
  add('core/why-three-way', false, ['handshake'], T0 - 26 * HOUR);
  add('core/why-three-way', true, ['handshake'], T0 - 1 * HOUR);
  add('core/syn-flood', true, ['syn-flood'], T0 - 9 * 24 * HOUR);
  add('core/ports-four-tuple', true, ['ports'], T0 - 2 * HOUR);
  return p;
}

function player(name: string): ScreenRequest {
  const source = scenarioSource(name);
  if (source === undefined) throw new Error(`no scenario ${name}`);
  return { screen: 'player', source, name };
}

export interface ScreenCase {
  name: string;
  initial: ScreenRequest;
  /** Default: the UI fixture lessons. */
  lessons?: () => Lesson[];
  /** Default: sampleProgress of those lessons. */
  progress?: () => Progress;
  ascii?: boolean;
  /** Generated questions from the TCP model in the question bank (default: lesson and built-in only). */
  generated?: boolean;
  /** Keys (and clock steps) after the first frame. */
  act?: (r: Rendered, clock: FakeClock, size: Size) => Promise<void>;
  /** Text the frame must show at every size (the case really reached its screen). */
  shows?: RegExp;
}

const lessonAt = (position = 0): ScreenRequest => ({ screen: 'lesson', lessonId: 'every-quiz', position });
const every = { lessons: everyQuizLessons, progress: emptyProgress };

export const CASES: ScreenCase[] = [
  { name: 'home', initial: { screen: 'home' }, shows: /Continue|Lessons/ },
  { name: 'home-fresh-ascii', initial: { screen: 'home' }, progress: emptyProgress, ascii: true },
  { name: 'lessons', initial: { screen: 'lessons' }, shows: /Basics of the wire/ },
  { name: 'lesson-mid-scroll', initial: { screen: 'lesson', lessonId: 'basics', position: 0 }, progress: emptyProgress, act: async (r) => r.press('n', 'j', 'j', 'j') },
  {
    name: 'lesson-layers',
    initial: { screen: 'lesson', lessonId: 'basics', position: 0 },
    progress: emptyProgress,
    act: async (r) => r.press('G', 'tab', 'tab', 'tab', 'right', 'right', 'right'),
    shows: /step 3\/4/,
  },
  // The reader's search: a match found, then n to the next (the status row names the query and the match).
  {
    name: 'lesson-search',
    initial: { screen: 'lesson', lessonId: 'basics', position: 0 },
    progress: emptyProgress,
    act: async (r) => (await r.press('/'), await r.type('the'), r.press('enter', 'n')),
    shows: /\/the/,
  },
  { name: 'lesson-search-prompt', initial: { screen: 'lesson', lessonId: 'basics', position: 0 }, progress: emptyProgress, act: async (r) => (await r.press('/'), r.type('seg')), shows: /\/seg/ },
  { name: 'lesson-contents', initial: { screen: 'lesson', lessonId: 'basics', position: 0 }, progress: emptyProgress, act: async (r) => r.press('t', 'j'), shows: /Contents/ },
  { name: 'help', initial: { screen: 'help' } },
  { name: 'player', initial: player('handshake'), progress: emptyProgress, act: async (r) => r.press('right', 'right', 'right'), shows: /SYN/ },
  { name: 'player-end', initial: player('syn-retransmit'), progress: emptyProgress, act: async (r) => r.press('end'), shows: /SYN/ },
  { name: 'player-legend', initial: player('data-retransmit'), progress: emptyProgress, act: async (r) => r.press('end', 'L'), shows: /seq/ },
  { name: 'player-scrolled', initial: player('syn-flood'), progress: emptyProgress, act: async (r) => r.press('end', 'pageup'), shows: /syn-flood/ },
  { name: 'player-save', initial: player('handshake'), progress: emptyProgress, act: async (r) => r.press('w'), shows: /handshake\.tcp/ },
  { name: 'playground', initial: { screen: 'playground' }, progress: emptyProgress },
  { name: 'playground-connected', initial: { screen: 'playground' }, progress: emptyProgress, act: async (r) => r.press('enter', 'right', 'right', 'right') },
  { name: 'stats', initial: { screen: 'stats' }, progress: historyProgress, shows: /Answers|answers/ },
  { name: 'interview-menu', initial: { screen: 'quiz', options: {} } },
  { name: 'mock-question', initial: { screen: 'quiz', options: { mode: 'mock', count: 3, seed: 26, timeLimitSec: 60 } }, progress: emptyProgress, act: async (r, c) => r.advance(c, 5000), shows: /Question 1\/3/ },
  { name: 'drill-question', initial: { screen: 'quiz', options: { mode: 'drill', topics: ['reliability'], count: 4, seed: 8 } }, progress: emptyProgress, shows: /Question 1\// },
  {
    name: 'drill-generated',
    initial: { screen: 'quiz', options: { mode: 'drill', topics: ['reliability'], count: 4, seed: 8 } },
    progress: emptyProgress,
    generated: true,
    // To the question generated from the model (it shows a partial diagram).
    act: async (r) => {
      for (let i = 0; i < 3 && !/client.*server/s.test(r.frame()); i++) await r.press('enter', '3', 'enter');
    },
    shows: /client.*server/,
  },
  { name: 'drill-question-hint', initial: { screen: 'quiz', options: { mode: 'drill', topics: ['handshake'], count: 2, seed: 3 } }, progress: emptyProgress, act: async (r) => r.press('tab'), shows: /Question 1\/2/ },
  { name: 'review-question', initial: { screen: 'quiz', options: { mode: 'review', seed: 1 } }, progress: historyProgress, shows: /Question 1\// },
  {
    name: 'report',
    initial: { screen: 'quiz', options: { mode: 'drill', topics: ['handshake'], count: 2, seed: 3 } },
    progress: emptyProgress,
    // Seed 3 asks a numeric question (answered 1001: right) and an order question (submitted as
    // shown: wrong); Enter after each goes on, the last one to the report.
    act: async (r) => (await r.type('1001'), r.press('enter', 'enter', 'enter', 'enter')),
    shows: /Score/,
  },
];

/**
 * One render per size reads the every-quiz lesson from the top: each step acts on the screen the
 * step before left (so later quizzes show the earlier ones answered above them), and the frame
 * after each step is that step's snapshot. One app and one pass over the lesson instead of one per
 * snapshot.
 */
export interface WalkStep {
  name: string;
  act?: (r: Rendered) => Promise<void>;
  shows?: RegExp;
}

// An answered quiz shows its verdict at every size: a box taller than the screen (40x12) keeps its
// bottom in view, where the verdict is, and its question is a PgUp away (test/ui/reader/tall-quiz).
export const LESSON_WALK: WalkStep[] = [
  { name: 'lesson-top', shows: /Every quiz type/ },
  { name: 'lesson-table', act: async (r) => r.press('j', 'j', 'j', 'j'), shows: /Segment|SYN/ },
  { name: 'quiz-single', act: async (r) => r.press('tab'), shows: /Which segment opens/ },
  { name: 'quiz-single-answered', act: async (r) => r.press('b', 'enter'), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'quiz-multi', act: async (r) => r.press('tab'), shows: /Which flags/ },
  { name: 'quiz-multi-answered', act: async (r) => r.press('a', 'c', 'enter'), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'quiz-truefalse', act: async (r) => r.press('tab'), shows: /carries the ACK flag/ },
  { name: 'quiz-truefalse-answered', act: async (r) => r.press('f', 'enter'), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'lesson-diagram', act: async (r) => r.press('tab', 'right', 'right', 'right'), shows: /step/ },
  { name: 'quiz-numeric', act: async (r) => r.press('tab'), shows: /what ack does the server send/ },
  { name: 'quiz-numeric-answered', act: async (r) => (await r.type('100'), r.press('enter')), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'quiz-text', act: async (r) => r.press('tab'), shows: /after sending its SYN,ACK/ },
  { name: 'quiz-text-answered', act: async (r) => (await r.type('syn-received'), r.press('enter')), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'quiz-order', act: async (r) => r.press('tab'), shows: /Put the segments in order/ },
  { name: 'quiz-order-answered', act: async (r) => r.press('enter'), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'quiz-recall', act: async (r) => r.press('tab'), shows: /three segments to open/ },
  { name: 'quiz-recall-answered', act: async (r) => (await r.type('ISNs'), r.press('enter', '3')), shows: /[✓✗] (Correct|Not quite)/ },
  { name: 'lesson-end', act: async (r) => r.press('escape', 'G'), shows: /every quiz type/ },
  { name: 'help-overlay', act: async (r) => r.press('?') },
];

/** The walk at the three sizes; each step's frames (checked to fit) compared with its own file. */
export async function snapshotWalk(steps: WalkStep[], dir: string, check = true): Promise<void> {
  const frames = new Map<string, string[]>(steps.map((s) => [s.name, []]));
  for (const size of SIZES) {
    const lessons = everyQuizLessons();
    const r = await renderInk(<App initial={{ screen: 'lesson', lessonId: 'every-quiz', position: 0 }} lessons={lessons} progress={emptyProgress()} clock={new FakeClock(T0)} screens={SCREENS} saveProgress={() => null} />, size);
    try {
      for (const step of steps) {
        await step.act?.(r);
        const f = r.frame();
        fits(f, size);
        if (check && step.shows) expect(f.replace(/[│|\s]+/g, ' '), `${step.name} at ${size.columns}x${size.rows}`).toMatch(step.shows);
        frames.get(step.name)!.push(`── ${size.columns}x${size.rows} ${'─'.repeat(Math.max(0, size.columns - 8))}\n${f}`);
      }
    } finally {
      await r.unmount();
    }
  }
  for (const step of steps) await expect(frames.get(step.name)!.join('\n') + '\n').toMatchFileSnapshot(join(dir, `${step.name}.txt`));
}

function fits(frame: string, size: Size) {
  const lines = frame.split('\n');
  expect(lines.length, `${size.columns}x${size.rows}: too many rows`).toBeLessThanOrEqual(size.rows - 1);
  expect(tooWide(lines, size.columns), `${size.columns}x${size.rows}: lines too wide`).toEqual([]);
}

/** Renders the case at one size and returns its last frame. */
export async function frameOf(c: ScreenCase, size: Size): Promise<string> {
  const lessons = (c.lessons ?? fixtureLessons)();
  const progress = c.progress ? c.progress() : sampleProgress(lessons);
  const clock = new FakeClock(T0);
  setQuizRunner(c.generated ? defaultRunner : undefined);
  const r = await renderInk(<App initial={c.initial} lessons={lessons} progress={progress} clock={clock} ascii={c.ascii ?? false} screens={SCREENS} saveProgress={() => null} />, size);
  try {
    await c.act?.(r, clock, size);
    return r.frame();
  } finally {
    await r.unmount();
    setQuizRunner(defaultRunner);
  }
}

/** The case at the three sizes, one text: each frame checked to fit, then compared with its file. */
export async function snapshotCase(c: ScreenCase, dir: string): Promise<void> {
  const parts: string[] = [];
  for (const size of SIZES) {
    const f = await frameOf(c, size);
    fits(f, size);
    // Matched on the text without box borders and line breaks (a prompt wraps at 40 columns).
    if (c.shows) expect(f.replace(/[│|\s]+/g, ' '), `${c.name} at ${size.columns}x${size.rows}`).toMatch(c.shows);
    parts.push(`── ${size.columns}x${size.rows} ${'─'.repeat(Math.max(0, size.columns - 8))}\n${f}`);
  }
  await expect(parts.join('\n') + '\n').toMatchFileSnapshot(join(dir, `${c.name}.txt`));
}

export const TOO_SMALL: Size[] = [
  { columns: 39, rows: 20 },
  { columns: 60, rows: 11 },
];

/** Below 40x12 the app says so (one render, resized), and it recovers at 40x12. */
export async function snapshotTooSmall(dir: string): Promise<void> {
  const lessons = fixtureLessons();
  const [first, ...rest] = TOO_SMALL;
  const r = await renderInk(<App initial={{ screen: 'home' }} lessons={lessons} progress={sampleProgress(lessons)} clock={new FakeClock(T0)} screens={SCREENS} saveProgress={() => null} />, first);
  const parts = [`── ${first.columns}x${first.rows}\n${r.frame()}`];
  for (const size of rest) {
    await r.resize(size.columns, size.rows);
    parts.push(`── ${size.columns}x${size.rows}\n${r.frame()}`);
  }
  await r.resize(40, 12);
  const back = await frameOf({ name: 'home', initial: { screen: 'home' } }, { columns: 40, rows: 12 });
  expect(r.frame(), 'back at 40x12: the home screen as if opened there').toBe(back);
  await r.unmount();
  await expect(parts.join('\n') + '\n').toMatchFileSnapshot(join(dir, 'too-small.txt'));
}
