/** `synack progress`: show, export, import or reset saved progress. */
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command, CliIO } from './io.js';
import { UsageError } from './io.js';
import { defineCommand, reportError } from './args.js';
import { CLI, PROGRESS_CMD as M } from './strings.js';
import { arg, fsReason, safeJson, writeLine } from './safe.js';
import {
  loadProgress,
  saveProgress,
  parseProgress,
  progressDir,
  importProgress,
  serializeProgress,
  PROGRESS_FILE,
} from '../store/progress.js';
import { emptyProgress } from '../store/types.js';
import { STORE_STRINGS as S } from '../store/strings.js';

async function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((res) => rl.question(question, (a) => (rl.close(), res(a))));
}

export const progressCommand: Command = defineCommand('progress', async ({ values }, io) => {
  const chosen = (['export', 'import', 'reset'] as const).filter((k) => values[k] !== undefined);
  if (chosen.length > 1) throw new UsageError(CLI.conflict(`--${chosen[0]}`, `--${chosen[1]}`), 2);
  const dir = progressDir(io.env);
  const file = join(dir, PROGRESS_FILE);
  const loaded = loadProgress(dir);
  if (loaded.warning) writeLine(io.stderr, CLI.prefix('progress') + loaded.warning);

  if (values.export) {
    const text = serializeProgress(loaded.progress);
    if (values.export === '-') io.stdout.write(safeJson(text));
    else {
      const out = resolve(io.cwd, String(values.export));
      try {
        writeFileSync(out, text);
      } catch (e) {
        reportError(io, 'progress', M.cannotWrite(arg(out), fsReason(e)));
        return 1;
      }
      writeLine(io.stdout, M.exported(out));
    }
    return 0;
  }
  if (values.import) {
    const src = values.import === '-' ? '(stdin)' : resolve(io.cwd, String(values.import));
    let text: string;
    try {
      text = values.import === '-' ? await io.readStdin() : readFileSync(src, 'utf8');
    } catch (e) {
      reportError(io, 'progress', M.badImport(arg(src), fsReason(e)));
      return 1;
    }
    const v = parseProgress(text);
    if (!v.ok) {
      reportError(io, 'progress', M.badImport(arg(src), v.reason));
      return 1;
    }
    if (!loaded.writable) return 1;
    const r = importProgress(dir, v.progress);
    if (!r.ok || !r.report || !r.progress) {
      reportError(io, 'progress', r.error ?? '');
      return 1;
    }
    writeLine(io.stdout, S.imported(src, r.report, r.backup ?? null, Object.keys(r.progress.cards).length, r.progress.history.length));
    return 0;
  }
  if (values.reset) {
    if (!existsSync(file)) {
      io.stdout.write(M.nothingToReset + '\n');
      return 0;
    }
    if (!values.yes) {
      if (!process.stdin.isTTY) {
        reportError(io, 'progress', M.needTty);
        return 2;
      }
      const a = await ask(io, M.confirm);
      if (a.trim().toLowerCase() !== 'yes') {
        io.stdout.write(M.notConfirmed + '\n');
        return 1;
      }
    }
    const aside = `${file}.reset-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(file, aside);
    } catch (e) {
      reportError(io, 'progress', M.cannotKeepAside(file, fsReason(e)));
      return 1;
    }
    const r = saveProgress(dir, emptyProgress());
    if (!r.ok) {
      reportError(io, 'progress', r.error);
      return 1;
    }
    writeLine(io.stdout, M.reset(aside));
    return 0;
  }
  writeLine(io.stdout, M.where(file));
  const p = loaded.progress;
  const lessons = Object.values(p.lessons);
  if (lessons.length === 0 && p.history.length === 0) {
    io.stdout.write(M.none + '\n');
    return 0;
  }
  io.stdout.write(
    M.summary(lessons.length, lessons.filter((l) => l.done).length, Object.keys(p.cards).length, p.history.length) +
      '\n',
  );
  for (const [id, l] of Object.entries(p.lessons)) {
    const mark = l.done ? M.lessonDone : `${Math.round(l.furthest * 100)}%`;
    writeLine(io.stdout, `  ${id.padEnd(24)} ${mark}`);
  }
  return 0;
});
