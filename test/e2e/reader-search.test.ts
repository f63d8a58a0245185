/**
 * The reader's search in a real terminal (node-pty + @xterm/headless, the built CLI, NO_COLOR=1):
 * Chinese text committed by an input method arrives as one write and goes into the prompt, Enter
 * jumps to the match, and the match is drawn in reverse video, which NO_COLOR keeps (it is not a
 * colour). Then the table of contents jumps to a section.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, warmLessonsCache } from '../reliability/helpers.js';
import { startPty } from '../reliability/pty.js';

let home: string;

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'synack-e2e-search-'));
  await warmLessonsCache();
}, 120_000);

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

describe('reader search and contents in a real terminal', () => {
  it('an IME-committed Chinese query finds its text, marked in reverse video under NO_COLOR; t jumps to a section', async () => {
    const s = startPty(['learn', 'three-way-handshake', '--lang', 'zh-CN'], { SYNACK_HOME: home }, 80, 24);
    await s.waitFor((x) => x.includes('? 帮助'), 'the lesson');
    s.send('/');
    await s.waitFor((x) => /^\/█/m.test(x), 'the prompt');
    // An input method commits its text in one write.
    s.send('三次握手');
    await s.waitFor((x) => x.includes('/三次握手█'), 'the query typed');
    const before = s.raw().length;
    s.send('\r');
    const screen = await s.waitFor((x) => /\/三次握手 +第 1\/\d+ 个匹配/.test(x), 'the first match');
    expect(screen.split('\n').slice(1, 4).join('\n')).toContain('三次握手');
    // Reverse video (SGR 7) right before the matched text, in what was drawn after Enter.
    const drawn = s.raw().slice(before);
    expect(drawn).toMatch(/\u001b\[7m(?:\u001b\[[0-9;]*m)*三次握手|(?:\u001b\[[0-9;]*m)*\u001b\[7m三次握手/);
    // n: the next match (or the wrap note).
    s.send('n');
    await s.waitFor((x) => /第 2\/\d+ 个匹配|搜索已绕回开头/.test(x), 'the next match');
    // Esc clears the search; t opens the contents, j and Enter go to the second section.
    s.send('\u001b');
    await s.waitFor((x) => !/个匹配/.test(x), 'the search cleared');
    s.send('t');
    await s.waitFor((x) => x.includes('目录') && x.includes('↑/↓ j/k 移动'), 'the contents');
    // Two moves, each awaited (a settle could end before a slow frame came, and the row read would
    // be one entry behind the app's cursor).
    const cursorOf = (x: string) => x.split('\n').find((l) => l.startsWith('›')) ?? '';
    for (const move of ['first', 'second']) {
      const at = cursorOf(s.screen());
      s.send('j');
      await s.waitFor((x) => cursorOf(x) !== at && cursorOf(x) !== '', `the contents cursor to move (${move} j)`);
    }
    const cursorRow = cursorOf(s.screen());
    const section = cursorRow.replace(/^›\s+/, '').trim();
    s.send('\r');
    // The section is at the top, and the status row names it.
    await s.waitFor((x) => !x.includes('↑/↓ j/k 移动') && x.split('\n')[1]!.startsWith(section.slice(0, 4)), `the section '${section}' at the top`);
    s.send('t');
    await s.waitFor((x) => x.includes('↑/↓ j/k 移动'), 'the contents again');
    s.send('q');
    await s.waitFor((x) => !x.includes('↑/↓ j/k 移动') && x.includes('? 帮助'), 'the contents closed by q, still in the lesson');
    s.send('q');
    await s.waitFor((x) => x.includes('synack › 课程') || x.includes('synack › Lessons') || x.includes('课程'), 'the lesson list');
    s.send('\u0003');
    expect((await s.exit).exitCode).toBe(0);
  }, 60_000);
});
