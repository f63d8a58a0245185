/**
 * Escape injection fixed after the reliability suite found it (formerly pending):
 *
 * 1. src/ui/player/inline.tsx shows a ```tcp block's `caption:` through sanitizeText: an OSC 0 in
 *    a caption no longer reaches the terminal.
 * 2. Script parse messages (shown by `synack trace` and `synack diagram` as `file:line:col:
 *    message`) echo the offending token with its control characters made visible (src/cli/safe.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { loadAllLessons } from '../../src/lessons/load.js';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';
import { ensureBuilt, runCli, tempDir, RAW_CONTROL } from './helpers.js';
import { escapeLesson, E, BEL } from './fixtures/escape-lesson.js';

let tmp: { dir: string; cleanup(): void };
beforeAll(async () => {
  tmp = tempDir();
  await ensureBuilt();
}, 60_000);
afterAll(() => tmp.cleanup());

describe('pending escape-injection bugs', () => {
  it('a tcp block caption with OSC 0 is neutralised in the lesson reader', async () => {
    const dir = join(tmp.dir, 'lessons');
    mkdirSync(dir);
    writeFileSync(join(dir, '01-escapes.md'), escapeLesson({ captionInjection: true }).text);
    const all = loadAllLessons(dir);
    const r = await renderInk(
      createElement(App, { initial: { screen: 'lesson', lessonId: 'escapes', position: 0 }, lessons: all.lessons, progress: emptyProgress(), clock: new FakeClock(), color: false }),
      { columns: 80, rows: 24 },
    );
    for (let i = 0; i < 12; i++) await r.press('j', 'j', 'j');
    await r.unmount();
    const raw = r.stdout.frames.join('').replaceAll('\x1b[?25h', '').replaceAll('\x1b[?25l', '');
    expect(r.stdout.frames.join('')).toContain('Captioned');
    expect(raw).not.toContain('\x1b');
    expect(raw).not.toContain('\x07');
  });

  it.each(['trace', 'diagram'])('synack %s on a script with control characters reports file:line:col without echoing them', async (cmd) => {
    const file = join(tmp.dir, `bad-${cmd}.tcp`);
    writeFileSync(file, `client connect\nclient ${E}]0;owned${BEL} 5\nserver ${E}[2Jsend\n`);
    const r = await runCli([cmd, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-\w+\.tcp:2:8: /);
    expect(r.stderr).toMatch(/bad-\w+\.tcp:3:8: /);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('script errors shown inside the players', () => {
  it('neutralise control characters quoted from the script', async () => {
    const { playerStrings } = await import('../../src/ui/player/strings.js');
    const line = playerStrings.scriptError(1, 8, "unknown action '\u001b]0;x\u0007'");
    expect(line).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(line).toContain('unknown action');
    expect(playerStrings.scriptErrors('evil\u001b[2J')).not.toContain('\u001b');
  });
});
