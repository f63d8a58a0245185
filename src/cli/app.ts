/**
 * The interactive commands: `synack` (home), `synack learn [ID]`, `synack playground`, and the
 * entry points other commands use to open a screen (`openPlayer`, `openQuiz`). Ink is imported
 * lazily (inside these functions, via src/ui/run.tsx) so --help/--version never load it.
 */
import { UsageError, type CliIO, type Command } from './io.js';
import { defineCommand, intOption, reportError, type Parsed } from './args.js';
import { CLI, LEARN_ARGS, LIMITS } from './strings.js';
import type { ScreenRequest } from '../ui/screen.js';
import { KEBAB } from '../lessons/types.js';
import { UI } from '../ui/strings.js';
import type { RunAppOptions } from '../ui/run.js';
import type { Profile } from '../tcp/types.js';
import { arg, safe, writeLine } from './safe.js';
import { getLang } from '../i18n/index.js';
import { appRefusal, EXIT_NOT_A_TERMINAL } from '../ui/terminal.js';

export interface AppFlags {
  lessonsDir?: string;
  ascii: boolean;
}

function appFlags(values: Parsed['values']): AppFlags {
  return { ascii: values.ascii === true, ...(typeof values.lessons === 'string' ? { lessonsDir: values.lessons } : {}) };
}

async function run(request: ScreenRequest | ScreenRequest[], io: CliIO, flags: Partial<AppFlags> = {}, check?: RunAppOptions['check'], watch = false): Promise<number> {
  // Without a terminal, say so before loading the app (Ink, React, the screens: ~0.2 s of CPU).
  if (refuse(io)) return EXIT_NOT_A_TERMINAL;
  const { runApp } = await import('../ui/run.js');
  return runApp(request, { io, lessonsDir: flags.lessonsDir, ascii: flags.ascii, check, watch });
}

/** Writes why the app cannot open here, if it cannot (the same check as runApp's). */
function refuse(io: CliIO): boolean {
  const refusal = appRefusal(io);
  if (refusal !== null) io.stderr.write(UI[refusal]);
  return refusal !== null;
}

/** `synack` with no command: the home screen. */
export const appCommand: Command = defineCommand(null, async ({ values }, io) => run({ screen: 'home' }, io, appFlags(values)));

/** The width of `learn --plain`: --width, else the terminal's (at most the maximum), else 80. */
function plainWidth(values: Parsed['values'], io: CliIO): number {
  const w = intOption(values, 'width', LIMITS.width.min, LIMITS.width.max);
  if (w !== undefined) return w;
  return io.stdout.isTTY && io.stdout.columns ? Math.min(LIMITS.width.max, Math.max(LIMITS.width.min, io.stdout.columns)) : 80;
}

/** Prints one lesson as the reader lays it out; 1 when it cannot be loaded (file:line:col: message). */
async function printLesson(dir: string, id: string, io: CliIO, width: number, ascii: boolean, known: string[]): Promise<number> {
  const { loadLesson } = await import('../lessons/load.js');
  const r = loadLesson(dir, id, { lang: getLang() });
  if (!r.lesson) {
    const { formatProblem } = await import('../lessons/validate.js');
    const { LESSON_MESSAGES } = await import('../lessons/strings.js');
    const p = r.problems.find((x) => x.severity === 'error') ?? r.problems[0];
    // An id no file has: the lessons there are (as the interactive `learn ID` says), not a file error.
    if (!p || (p.message === LESSON_MESSAGES.lessonNotFound(id) && known.length > 0)) reportError(io, 'learn', CLI.lessonNotFound(arg(id), known));
    else writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  const { plainLesson } = await import('./lesson-plain.js');
  io.stdout.write(safe(plainLesson(r.lesson, { width, ascii }).join('\n') + '\n'));
  return 0;
}

/**
 * `synack learn [ID]`: the lesson list, or that lesson at its saved position (q goes to the list).
 * `--plain` prints the lesson instead; `--watch` prints it again (with --plain) or reloads it in the
 * reader after every change of the lessons (src/cli/watch-lesson.ts).
 */
export const learnCommand: Command = defineCommand('learn', async ({ values, positionals }, io) => {
  const flags = appFlags(values);
  const query = positionals[0];
  if (query !== undefined && query.length > LIMITS.lessonId.max) throw new UsageError(CLI.tooLong('LESSON-ID', query.length, LIMITS.lessonId.max), 2);
  if (query !== undefined && !KEBAB.test(query)) throw new UsageError(UI.badLessonId(arg(query)), 2);
  if (!values.plain) {
    if (values.width !== undefined) throw new UsageError(CLI.conflict('--width', LEARN_ARGS.interactiveReader), 2);
    if (query === undefined && values.watch) throw new UsageError(CLI.watchNeedsLesson, 2);
    // The reader needs a terminal: say so before reading any lesson.
    if (refuse(io)) return EXIT_NOT_A_TERMINAL;
  }
  // The id, a list number (`learn 8`), a unique id prefix or a word of a title (`learn handshake`).
  let id = query;
  let known: string[] = [];
  if (id !== undefined) {
    const { resolveLessonsDir, loadLessonIndex } = await import('../lessons/load.js');
    const { resolveLessonQuery } = await import('./lesson-id.js');
    const index = loadLessonIndex(resolveLessonsDir({ option: flags.lessonsDir, env: io.env, cwd: io.cwd }), { lang: getLang() });
    const refs = index.entries.map((e) => ({ id: e.meta.id, order: e.meta.order, title: e.meta.title }));
    known = refs.map((x) => x.id);
    const r = resolveLessonQuery(id, refs);
    if (r.ok) id = r.id;
    else if (r.candidates.length > 1) {
      reportError(io, 'learn', UI.ambiguousLesson(arg(query!), r.candidates));
      return 1;
    }
  }
  if (values.plain) {
    if (id === undefined) throw new UsageError(CLI.missingArgs(LEARN_ARGS.lessonWithPlain), 2);
    const { resolveLessonsDir } = await import('../lessons/load.js');
    const dir = resolveLessonsDir({ option: flags.lessonsDir, env: io.env, cwd: io.cwd });
    const width = plainWidth(values, io);
    let code = await printLesson(dir, id, io, width, flags.ascii, known);
    if (!values.watch) return code;
    const { watchDir, isDirectory } = await import('./check.js');
    // A missing lessons directory is not watched (the message above said it cannot be read).
    if (!isDirectory(dir)) return code;
    writeLine(io.stderr, CLI.watching(arg(dir)));
    await watchDir(dir, io, () => {
      writeLine(io.stderr, CLI.watchPrintAgain(id!));
      void printLesson(dir, id!, io, width, flags.ascii, known).then((c) => (code = c));
    });
    return code;
  }
  if (id === undefined) return run({ screen: 'lessons' }, io, flags);
  // --watch: the open lesson reloads whenever its file (or any file of the lessons) is saved.
  return run(
    [{ screen: 'lessons' }, { screen: 'lesson', lessonId: id }],
    io,
    flags,
    (lessons) => (lessons.some((l) => l.meta.id === id) ? null : UI.unknownLesson(id, lessons.map((l) => l.meta.id))),
    values.watch === true,
  );
});

/** `synack playground`. */
export const playgroundCommand: Command = defineCommand('playground', async ({ values }, io) => run({ screen: 'playground' }, io, appFlags(values)));

/** Model and view options for the diagram player (from `synack diagram NAME` flags). */
export interface PlayerOptions {
  ascii?: boolean;
  profile?: Profile;
  seed?: number;
  isnClient?: number;
  isnServer?: number;
  /** Relative sequence numbers (true) or absolute (false); undefined: the player's default. */
  relative?: boolean;
}

/**
 * The player screen request for a script and the CLI's options. The model options become `option`
 * lines APPENDED to the script: options are collected over the whole script and a later line
 * overrides an earlier one, so they win over the script's own (as RunOptions do for
 * `--plain`), and the script's line numbers stay as they were.
 */
export function playerRequest(name: string, source: string, opts: PlayerOptions = {}): ScreenRequest {
  const extra: string[] = [];
  if (opts.profile !== undefined) extra.push(`option profile ${opts.profile}`);
  if (opts.seed !== undefined) extra.push(`option seed ${opts.seed}`);
  if (opts.isnClient !== undefined) extra.push(`option isn client ${opts.isnClient}`);
  if (opts.isnServer !== undefined) extra.push(`option isn server ${opts.isnServer}`);
  const full = extra.length === 0 ? source : `${source}${source === '' || source.endsWith('\n') ? '' : '\n'}${extra.join('\n')}\n`;
  return {
    screen: 'player',
    name,
    source: full,
    ...(opts.relative !== undefined ? { relative: opts.relative } : {}),
  };
}

/** Opens the diagram player on a script (used by `synack diagram NAME` on a terminal). */
export async function openPlayer(name: string, source: string, io: CliIO, opts: PlayerOptions = {}): Promise<number> {
  return run(playerRequest(name, source, opts), io, { ascii: !!opts.ascii });
}

/** Opens the interview quiz screen with parsed options (used by `synack quiz` on a terminal). */
export async function openQuiz(options: Record<string, unknown>, io: CliIO, opts: { ascii?: boolean; lessonsDir?: string } = {}): Promise<number> {
  return run({ screen: 'quiz', options }, io, { ascii: !!opts.ascii, lessonsDir: opts.lessonsDir });
}
