/**
 * `synack check [DIR]`: validate a lessons directory. Prints `file:line:col: message` per problem
 * (stdout), then a one-line summary. Exit 1 if there is any error, else 0.
 */
import { isAbsolute, relative } from 'node:path';
import { UsageError, type Command } from './io.js';
import { readLessonFiles, resolveLessonsDir } from '../lessons/load.js';
import { checkLessons, formatProblem, formatSummary } from '../lessons/validate.js';
import { sortProblems } from '../lessons/parse.js';
import { LESSON_MESSAGES as M } from '../lessons/strings.js';
import type { Problem } from '../lessons/types.js';

interface CheckArgs {
  dir?: string;
  help: boolean;
}

function parseArgs(argv: string[]): CheckArgs {
  const out: CheckArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') out.help = true;
    else if (a === '--lessons') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(M.checkMissingValue('--lessons'));
      if (out.dir !== undefined) throw new UsageError(M.checkTooManyArgs);
      out.dir = v;
    } else if (a.startsWith('--lessons=')) {
      if (out.dir !== undefined) throw new UsageError(M.checkTooManyArgs);
      out.dir = a.slice('--lessons='.length);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(M.checkUnknownOption(a));
    else {
      if (out.dir !== undefined) throw new UsageError(M.checkTooManyArgs);
      out.dir = a;
    }
  }
  return out;
}

/** Paths under the working directory are printed relative to it. */
function shown(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export const checkCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout.write(M.checkHelp);
    return 0;
  }
  const dir = resolveLessonsDir({ option: args.dir, env: io.env, cwd: io.cwd });
  const print = (p: Problem): void => {
    io.stdout.write(formatProblem({ ...p, file: shown(p.file, io.cwd) }) + '\n');
  };
  const read = readLessonFiles(dir);
  if (read.files.length === 0) {
    if (read.problems.length > 0) read.problems.forEach(print);
    else io.stdout.write(M.noLessons(shown(dir, io.cwd)) + '\n');
    return 1;
  }
  // A file that cannot be read (too big, not UTF-8, a FIFO...) is that file's error; the others are
  // still checked.
  const result = checkLessons(read.files.map((f) => ({ file: shown(f.file, io.cwd), text: f.text })));
  const unread = read.problems.map((p) => ({ ...p, file: shown(p.file, io.cwd) }));
  sortProblems([...unread, ...result.problems]).forEach(print);
  const summary = { ...result.summary, errors: result.summary.errors + unread.filter((p) => p.severity === 'error').length };
  io.stdout.write(formatSummary(summary) + '\n');
  return summary.errors > 0 ? 1 : 0;
};
