/** `synack quiz` (interview prep; --print for a worksheet) and `synack stats`. */
import type { Command, CliIO } from './io.js';
import { choiceOption, defineCommand, intOption, parseCommand, reportError, type Parsed } from './args.js';
import { CLI, LIMITS } from './strings.js';
import { UsageError } from './io.js';
import { arg, safe, writeLine } from './safe.js';
import { getLang } from '../i18n/index.js';
import { MODES, selectQuestions, sessionOptions, DEFAULTS, type Mode } from '../quiz/engine.js';
import { buildBank } from '../quiz/bank.js';
import { worksheet } from '../quiz/worksheet.js';
import { computeStats, formatStats } from '../quiz/stats.js';
import { systemDay } from '../util/system-day.js';
import { defaultRunner } from '../quiz/model.js';
import { questionDiagram } from '../quiz/diagram.js';
import { CLI as M } from '../quiz/strings.js';
import { TOPICS, type Topic } from '../quiz/types.js';
import { isTopic } from '../quiz/topics.js';
import type { Progress } from '../store/types.js';
import { emptyProgress } from '../store/types.js';

/** What `synack quiz` passes to the interactive quiz screen (ScreenRequest options). */
export interface QuizCliOptions {
  mode?: Mode;
  topics?: Topic[];
  count?: number;
  timeLimitSec?: number | null;
  seed?: number;
  lessons?: string;
}

/**
 * The quiz options from the command line (the one argument layer). Throws a UsageError (exit 2)
 * with a message that says what is allowed.
 */
export function parseQuizArgs(argv: string[]): QuizCliOptions & { print: boolean; ascii: boolean } {
  const parsed = parseCommand('quiz', argv);
  return quizOptions(parsed.values);
}

function quizOptions(values: Parsed['values']): QuizCliOptions & { print: boolean; ascii: boolean } {
  const out: QuizCliOptions & { print: boolean; ascii: boolean } = { print: values.print === true, ascii: values.ascii === true };
  const mode = choiceOption(values, 'mode', MODES);
  if (mode !== undefined) out.mode = mode;
  const topicText = (values.topic ?? values.topics) as string | undefined;
  if (typeof topicText === 'string') {
    const topics = topicText
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    for (const t of topics) if (!isTopic(t)) throw new UsageError(M.badTopic(arg(t), TOPICS.join(', ')), 2);
    out.topics = topics as Topic[];
  }
  const count = intOption(values, 'count', LIMITS.count.min, LIMITS.count.max);
  if (count !== undefined) out.count = count;
  const time = intOption(values, 'time', LIMITS.time.min, LIMITS.time.max);
  if (time !== undefined) out.timeLimitSec = time === 0 ? null : time;
  const seed = intOption(values, 'seed', LIMITS.u32.min, LIMITS.u32.max);
  if (seed !== undefined) out.seed = seed >>> 0;
  if (typeof values.lessons === 'string') out.lessons = values.lessons;
  return out;
}

async function loadLessons(io: CliIO, dirOption?: string) {
  const { resolveLessonsDir } = await import('../lessons/dirs.js');
  const { loadAllLessonsRemembered } = await import('./lessons-remembered.js');
  const dir = resolveLessonsDir({ option: dirOption, env: io.env, cwd: io.cwd });
  return { dir, ...(await loadAllLessonsRemembered(dir, getLang(), io.env)) };
}

async function loadSavedProgress(io: CliIO, lessonsDir?: string): Promise<Progress> {
  const { loadProgress, progressDir, courseKey } = await import('../store/progress.js');
  const { bundledLessonsDir } = await import('../lessons/load.js');
  const course = lessonsDir === undefined ? null : courseKey(lessonsDir, bundledLessonsDir());
  const r = loadProgress(progressDir(io.env), Date.now(), { course });
  if (r.warning) writeLine(io.stderr, CLI.prefix(null) + r.warning);
  return r.progress;
}

/** The share of generated questions in a session or worksheet. */
export function generatedCount(count: number): number {
  return Math.max(1, Math.round(count / 3));
}

export const quizCommand: Command = defineCommand('quiz', async ({ values }, io) => {
  const opts = quizOptions(values);
  if (!opts.print) {
    if (!io.stdout.isTTY || !io.stdin.isTTY) throw new UsageError(CLI.quizNeedsTty, 2);
    // The interactive app lives in cli/app (Ink is loaded only here).
    const { openQuiz } = await import('./app.js');
    const { print: _p, ascii, lessons, ...options } = opts;
    return openQuiz({ ...options }, io, { ascii, lessonsDir: lessons });
  }
  const now = Date.now();
  const mode: Mode = opts.mode ?? 'drill';
  const seed = opts.seed ?? now % 1000000;
  const all = await loadLessons(io, opts.lessons);
  // The lessons directory itself is missing or unreadable: a user error, not an empty bank.
  const dirProblem = all.problems.find((p) => p.file === all.dir && p.line === 0);
  if (dirProblem) {
    const { formatProblem } = await import('../lessons/validate.js');
    writeLine(io.stderr, CLI.prefix('quiz') + formatProblem(dirProblem));
    return 1;
  }
  if (all.broken.length > 0) writeLine(io.stderr, CLI.prefix('quiz') + M.lessonsProblem(all.broken.length));
  const progress = mode === 'review' || mode === 'mistakes' ? await loadSavedProgress(io, all.dir) : emptyProgress();
  const count = opts.count ?? DEFAULTS[mode].count;
  const topics = opts.topics ?? [];
  const bank = buildBank({ lessons: all.lessons, seed, topics, generated: generatedCount(count), progress, now, run: defaultRunner });
  const questions = selectQuestions(sessionOptions({ mode, seed, topics, count }), bank, progress, now);
  if (questions.length === 0) {
    reportError(io, 'quiz', M.noQuestions);
    return 1;
  }
  if (questions.length < count) writeLine(io.stderr, CLI.prefix('quiz') + CLI.countCapped(count, questions.length));
  const run = defaultRunner;
  const width = Math.min(76, Math.max(40, (io.stdout.columns ?? 80) - 5));
  const diagram = run ? (source: string, upTo: number | undefined, showStates?: boolean) => questionDiagram(source, upTo, run, { width, ascii: opts.ascii, showStates }) : undefined;
  io.stdout.write(safe(worksheet(questions, seed, diagram)));
  return 0;
});

export const statsCommand: Command = defineCommand('stats', async ({ values }, io) => {
  const ascii = values.ascii === true;
  const streakChoice = choiceOption(values, 'streak', ['on', 'off'] as const);
  const streak = streakChoice === undefined ? null : streakChoice === 'on';
  let progress = await loadSavedProgress(io);
  let code = 0;
  if (streak !== null) {
    // The streak is opt-in: `synack stats --streak on|off` stores the choice with the progress.
    const { saveProgress, progressDir } = await import('../store/progress.js');
    progress = { ...progress, settings: { ...progress.settings, streak } };
    const r = saveProgress(progressDir(io.env), progress);
    if (!r.ok) {
      // The choice was not saved: the stats still print, and the exit code says it failed.
      reportError(io, 'stats', r.error);
      code = 1;
    }
  }
  const lines = formatStats(computeStats(progress, Date.now(), systemDay), { width: io.stdout.columns ?? 80, ascii });
  io.stdout.write(lines.join('\n') + '\n');
  return code;
});
