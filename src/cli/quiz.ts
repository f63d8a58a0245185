/** `synack quiz` (interview prep; --print for a worksheet) and `synack stats`. */
import { parseArgs } from 'node:util';
import type { Command, CliIO } from './io.js';
import { UsageError } from './io.js';
import { safe, writeLine } from './safe.js';
import { MODES, selectQuestions, sessionOptions, DEFAULTS, type Mode } from '../quiz/engine.js';
import { buildBank } from '../quiz/bank.js';
import { worksheet } from '../quiz/worksheet.js';
import { computeStats, formatStats } from '../quiz/stats.js';
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

function intOption(flag: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) throw new UsageError(M.badNumber(flag, safe(v)));
  return Number(v);
}

/** The options that take a whole number. */
const NUMERIC_FLAGS = ['--count', '--time', '--seed'];

export function parseQuizArgs(argv: string[]): QuizCliOptions & { print: boolean; ascii: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        mode: { type: 'string' },
        topic: { type: 'string' },
        topics: { type: 'string' },
        count: { type: 'string' },
        time: { type: 'string' },
        seed: { type: 'string' },
        print: { type: 'boolean' },
        lessons: { type: 'string' },
        ascii: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    const msg = (e as Error).message;
    const m = /'([^']+)'/.exec(msg);
    const flag = m ? m[1].split(' ')[0] : undefined;
    if (flag && /ambiguous/i.test(msg)) {
      // parseArgs refuses a value starting with '-' ("--time -1"): a negative number is a bad
      // value for the numeric options; anything else (another option) means the value is missing.
      const next = argv[argv.indexOf(flag) + 1];
      if (next !== undefined && /^-\d/.test(next) && NUMERIC_FLAGS.includes(flag)) throw new UsageError(M.badNumber(flag, safe(next)));
      throw new UsageError(M.missingValue(flag));
    }
    if (/argument missing|requires a value/i.test(msg) && flag) throw new UsageError(M.missingValue(flag));
    throw new UsageError(m ? M.unknownOption(safe(m[1])) : safe(msg.split('\n')[0] ?? msg));
  }
  const out: QuizCliOptions & { print: boolean; ascii: boolean } = { print: values.print === true, ascii: values.ascii === true };
  if (typeof values.mode === 'string') {
    if (!(MODES as readonly string[]).includes(values.mode)) throw new UsageError(M.badMode(safe(values.mode)));
    out.mode = values.mode as Mode;
  }
  const topicText = (values.topic ?? values.topics) as string | undefined;
  if (typeof topicText === 'string') {
    const topics = topicText
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    for (const t of topics) if (!isTopic(t)) throw new UsageError(M.badTopic(safe(t), TOPICS.join(', ')));
    out.topics = topics as Topic[];
  }
  const count = intOption('--count', values.count as string | undefined, 1);
  if (count !== undefined) out.count = count;
  const time = intOption('--time', values.time as string | undefined, 0);
  if (time !== undefined) out.timeLimitSec = time === 0 ? null : time;
  const seed = intOption('--seed', values.seed as string | undefined, 0, 4294967295);
  if (seed !== undefined) out.seed = seed >>> 0;
  if (typeof values.lessons === 'string') out.lessons = values.lessons;
  return out;
}

async function loadLessons(io: CliIO, dirOption?: string) {
  const { loadAllLessons, resolveLessonsDir } = await import('../lessons/load.js');
  const dir = resolveLessonsDir({ option: dirOption, env: io.env, cwd: io.cwd });
  return { dir, ...loadAllLessons(dir) };
}

async function loadSavedProgress(io: CliIO): Promise<Progress> {
  const { loadProgress, progressDir } = await import('../store/progress.js');
  const r = loadProgress(progressDir(io.env));
  if (r.warning) writeLine(io.stderr, `synack: ${r.warning}`);
  return r.progress;
}

/** The share of generated questions in a session or worksheet. */
export function generatedCount(count: number): number {
  return Math.max(1, Math.round(count / 3));
}

export const quizCommand: Command = async (argv, io) => {
  const opts = parseQuizArgs(argv);
  if (!opts.print) {
    if (!io.stdout.isTTY || !io.stdin.isTTY) throw new UsageError(M.needsTty);
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
    writeLine(io.stderr, `synack: ${formatProblem(dirProblem)}`);
    return 1;
  }
  if (all.broken.length > 0) io.stderr.write(`synack: ${M.lessonsProblem(all.broken.length)}\n`);
  const progress = mode === 'review' || mode === 'mistakes' ? await loadSavedProgress(io) : emptyProgress();
  const count = opts.count ?? DEFAULTS[mode].count;
  const topics = opts.topics ?? [];
  const bank = buildBank({ lessons: all.lessons, seed, topics, generated: generatedCount(count), progress, now, run: defaultRunner });
  const questions = selectQuestions(sessionOptions({ mode, seed, topics, count }), bank, progress, now);
  if (questions.length === 0) {
    io.stderr.write(`synack: ${M.noQuestions}\n`);
    return 1;
  }
  const run = defaultRunner;
  const width = Math.min(76, Math.max(40, (io.stdout.columns ?? 80) - 5));
  const diagram = run ? (source: string, upTo: number | undefined, showStates?: boolean) => questionDiagram(source, upTo, run, { width, ascii: opts.ascii, showStates }) : undefined;
  io.stdout.write(safe(worksheet(questions, seed, diagram)));
  return 0;
};

const STREAK_USAGE = "--streak takes 'on' or 'off' (the streak counter is opt-in)";

export const statsCommand: Command = async (argv, io) => {
  let ascii = false;
  let streak: boolean | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--ascii') ascii = true;
    else if (a === '--streak' && (argv[i + 1] === 'on' || argv[i + 1] === 'off')) streak = argv[++i] === 'on';
    else if (a === '--streak') throw new UsageError(STREAK_USAGE);
    else throw new UsageError(M.unknownOption(safe(a)));
  }
  let progress = await loadSavedProgress(io);
  if (streak !== null) {
    // The streak is opt-in: `synack stats --streak on|off` stores the choice with the progress.
    const { saveProgress, progressDir } = await import('../store/progress.js');
    progress = { ...progress, settings: { ...progress.settings, streak } };
    const r = saveProgress(progressDir(io.env), progress);
    if (!r.ok) writeLine(io.stderr, `synack: ${r.error}`);
  }
  const lines = formatStats(computeStats(progress, Date.now()), { width: io.stdout.columns ?? 80, ascii });
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
};
