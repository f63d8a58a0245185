/**
 * `synack diagram <name|file.tcp|->`: the sequence diagram of a scenario.
 *   - on a terminal (stdin and stdout TTYs) without --plain: opens the live player (src/cli/app.ts);
 *   - with --plain, when piped, or where the app cannot open (CI set, TERM=dumb): prints the whole
 *     diagram and exits 0;
 *   - --format mermaid prints a Mermaid sequenceDiagram, --format json the trace.
 * Thin: reads the input, runs the pure model, renders with src/diagram. Errors are one line
 * (`file:line:col: message`), never a stack trace.
 */
import { appRefusal } from '../ui/terminal.js';
import type { CliIO, Command } from './io.js';
import { modelOptionsOf, runScriptTarget } from './script-input.js';
import { traceToJson, type RunOptions } from '../tcp/index.js';
import { renderStyled, type Role, type StyledLine } from '../diagram/render.js';
import { toMermaid } from '../diagram/mermaid.js';
import { safe, safeJson } from './safe.js';
import type { PlayerOptions } from './app.js';
import { choiceOption, defineCommand, intOption } from './args.js';
import { LIMITS } from './strings.js';
import { colorEnabled } from '../ui/terminal.js';

/** SGR codes per role (only used on a colour terminal without NO_COLOR). */
const COLOURS: Partial<Record<Role, [string, string]>> = {
  flag: ['\x1b[36m', '\x1b[39m'],
  state: ['\x1b[1;32m', '\x1b[22;39m'],
  drop: ['\x1b[1;31m', '\x1b[22;39m'],
  time: ['\x1b[2m', '\x1b[22m'],
  note: ['\x1b[33m', '\x1b[39m'],
  host: ['\x1b[1m', '\x1b[22m'],
  current: ['\x1b[1;35m', '\x1b[22;39m'],
  legend: ['\x1b[2m', '\x1b[22m'],
};

export function colourLine(line: StyledLine): string {
  return line
    .map((r) => {
      const c = r.role ? COLOURS[r.role] : undefined;
      const text = safe(r.text);
      return c && text.trim() ? c[0] + text + c[1] : text;
    })
    .join('');
}

/** Colour: the one decision of the app and the player (NO_COLOR, FORCE_COLOR, TERM=dumb, a TTY). */
export function wantsColour(io: CliIO): boolean {
  return colorEnabled(io.env, io.stdout);
}

/** The live player's options from the parsed flags (model options, --ascii, --relative). */
export function playerOptions(opts: RunOptions, flags: { ascii: boolean; relative: boolean }): PlayerOptions {
  return {
    ascii: flags.ascii,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.isnClient !== undefined ? { isnClient: opts.isnClient } : {}),
    ...(opts.isnServer !== undefined ? { isnServer: opts.isnServer } : {}),
    // The player starts relative by default; --relative asks for it explicitly.
    ...(flags.relative ? { relative: true } : {}),
  };
}

export const diagramCommand: Command = defineCommand('diagram', async ({ values, positionals }, io) => {
  const target = positionals[0]!;
  const format = choiceOption(values, 'format', ['text', 'mermaid', 'json'] as const) ?? 'text';
  const opts: RunOptions = modelOptionsOf(values);
  const width = intOption(values, 'width', LIMITS.width.min, LIMITS.width.max);

  // The input: a built-in, a file, or stdin.
  const run = await runScriptTarget('diagram', target, opts, io);
  if (!run.ok) return run.exit;
  const { source, name, trace } = run;

  // The player where the app can open (a terminal, CI unset, not TERM=dumb: src/ui/terminal.ts);
  // anywhere else the whole diagram, as when piped, rather than the app's refusal.
  const interactive = !values.plain && format === 'text' && appRefusal(io) === null;
  if (interactive) {
    const app = await import('./app.js');
    return app.openPlayer(safe(name), source, io, playerOptions(opts, { ascii: !!values.ascii, relative: !!values.relative }));
  }

  if (format === 'json') {
    io.stdout.write(safeJson(JSON.stringify(traceToJson(trace), null, 2)) + '\n');
    return 0;
  }
  if (format === 'mermaid') {
    io.stdout.write(safe(toMermaid(trace, { seq: values.relative ? 'relative' : 'absolute' })));
    return 0;
  }
  // The terminal's width (at most the documented maximum; a narrower terminal gets the list form).
  const cols = width ?? (io.stdout.isTTY && io.stdout.columns ? Math.min(LIMITS.width.max, io.stdout.columns) : 80);
  const lines = renderStyled(trace, {
    width: cols,
    charset: values.ascii ? 'ascii' : 'unicode',
    seq: values.relative ? 'relative' : 'absolute',
    compact: !!values.compact,
  });
  const colour = wantsColour(io);
  io.stdout.write(lines.map((l) => (colour ? colourLine(l) : safe(l.map((x) => x.text).join('')))).join('\n') + '\n');
  return 0;
});
