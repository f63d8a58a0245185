/**
 * The interactive commands: `synack` (home), `synack learn [ID]`, `synack playground`, and the
 * entry points other commands use to open a screen (`openPlayer`, `openQuiz`). Ink is imported
 * lazily (inside these functions, via src/ui/run.tsx) so --help/--version never load it.
 */
import { UsageError, type CliIO, type Command } from './io.js';
import type { ScreenRequest } from '../ui/screen.js';
import { KEBAB } from '../lessons/schema.js';
import { UI } from '../ui/strings.js';
import type { RunAppOptions } from '../ui/run.js';
import type { Profile } from '../tcp/types.js';
import { safe } from './safe.js';

export interface AppFlags {
  lessonsDir?: string;
  ascii: boolean;
  positionals: string[];
}

/** Parses --lessons DIR / --lessons=DIR and --ascii; anything else starting with '-' is an error. */
export function parseAppFlags(argv: string[], cmd: string): AppFlags {
  const flags: AppFlags = { ascii: false, positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--ascii') flags.ascii = true;
    else if (a === '--lessons') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('-')) throw new UsageError(UI.missingValue('--lessons'));
      flags.lessonsDir = v;
      i++;
    } else if (a.startsWith('--lessons=')) {
      const v = a.slice('--lessons='.length);
      if (!v) throw new UsageError(UI.missingValue('--lessons'));
      flags.lessonsDir = v;
    } else if (a === '--') {
      flags.positionals.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(UI.unknownOption(safe(a), cmd));
    else flags.positionals.push(a);
  }
  return flags;
}

async function run(request: ScreenRequest | ScreenRequest[], io: CliIO, flags: Partial<AppFlags> = {}, check?: RunAppOptions['check']): Promise<number> {
  const { runApp } = await import('../ui/run.js');
  return runApp(request, { io, lessonsDir: flags.lessonsDir, ascii: flags.ascii, check });
}

/** `synack` with no command: the home screen. */
export const appCommand: Command = async (argv, io) => {
  const flags = parseAppFlags(argv, 'synack');
  if (flags.positionals.length) throw new UsageError(UI.tooManyArgs('synack'));
  return run({ screen: 'home' }, io, flags);
};

/** `synack learn [ID]`: the lesson list, or that lesson at its saved position (q goes to the list). */
export const learnCommand: Command = async (argv, io) => {
  const flags = parseAppFlags(argv, 'learn');
  if (flags.positionals.length > 1) throw new UsageError(UI.tooManyArgs('learn'));
  const id = flags.positionals[0];
  if (id === undefined) return run({ screen: 'lessons' }, io, flags);
  if (!KEBAB.test(id)) throw new UsageError(UI.badLessonId(safe(id)));
  return run([{ screen: 'lessons' }, { screen: 'lesson', lessonId: id }], io, flags, (lessons) =>
    lessons.some((l) => l.meta.id === id) ? null : UI.unknownLesson(id, lessons.map((l) => l.meta.id)),
  );
};

/** `synack playground`. */
export const playgroundCommand: Command = async (argv, io) => {
  const flags = parseAppFlags(argv, 'playground');
  if (flags.positionals.length) throw new UsageError(UI.tooManyArgs('playground'));
  return run({ screen: 'playground' }, io, flags);
};

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
