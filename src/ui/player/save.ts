/**
 * "Save as .tcp" from the player (issue 14): the script the player runs, with the segments the
 * learner dropped (`d`) as `drop segment N` lines, so `synack diagram FILE` replays the same run.
 * Pure.
 */
import type { PlayerState } from './model.js';
import { playerStrings as S } from './strings.js';

/** The default file name for a scenario or script name: `./handshake.tcp`, `./my-run.tcp`. */
export function defaultSavePath(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\.tcp$/i, '');
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 64);
  return `./${safe || 'synack-diagram'}.tcp`;
}

/**
 * The player's run as a script: its source, and the learner's drops as `drop segment N` lines put
 * before the first action (after the leading comments, blank lines and `option` lines), so they are
 * armed before any segment is sent. The model reads them as it reads `RunOptions.dropSegmentIds`.
 */
export function playerScript(state: Pick<PlayerState, 'source' | 'dropIds' | 'name'>): string {
  const src = state.source.endsWith('\n') || state.source === '' ? state.source : state.source + '\n';
  if (state.dropIds.length === 0) return src;
  const lines = src.split('\n');
  let at = 0;
  while (at < lines.length && /^\s*(#.*|option\b.*|)$/.test(lines[at]) && at < lines.length - 1) at++;
  const drops = [S.savedDropsComment, ...[...state.dropIds].sort((a, b) => a - b).map((id) => `drop segment ${id}`)];
  return [...lines.slice(0, at), ...drops, ...lines.slice(at)].join('\n');
}
