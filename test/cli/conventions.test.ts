/**
 * The command line's conventions as a new user meets them (issue 15, checked line by line on the
 * installed package): help in every spelling, one error format with one bounded line per message,
 * no internal error for a hostile argument, the watchers' messages for a missing directory or a
 * deleted lesson. In-process (runMain with a fake IO): no synack is started.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { runMain } from '../../src/cli/main.js';
import { quietOnClosedOutput } from '../../src/cli/epipe.js';
import { commandHelp, generalHelp, wrapLite } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/strings.js';
import stringWidth from 'string-width';
import { checkWatch } from '../../src/cli/check.js';
import { reloadLesson } from '../../src/cli/watch-lesson.js';
import { arg, ECHO_MAX } from '../../src/cli/safe.js';
import { setLang } from '../../src/i18n/index.js';
import { fakeIO, RAW_CONTROL } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GOOD = join(ROOT, 'test', 'fixtures', 'lessons-good');

async function run(argv: string[], o: Parameters<typeof fakeIO>[0] = {}) {
  const f = fakeIO({ env: {}, ...o });
  // --lang is remembered for the rest of the process (as in synack), and test files may share one:
  // every run names its language.
  const code = await runMain(argv.includes('--lang') ? argv : ['--lang', 'en', ...argv], f.io);
  return { code, out: f.out(), err: f.err() };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'synack-conv-'));
});
afterAll(() => {
  setLang('en');
  rmSync(tmp, { recursive: true, force: true });
});

describe('help in every spelling', () => {
  it('help help, help -h, help --help and --help are the general help (exit 0)', async () => {
    for (const argv of [['help', 'help'], ['help', '-h'], ['help', '--help'], ['--help'], ['-v', '-h']]) {
      const r = await run(argv);
      expect([argv, r.code, r.err]).toEqual([argv, 0, '']);
      expect(r.out).toBe(generalHelp());
    }
  });

  it("--help CMD and help CMD --help are that command's help", async () => {
    for (const argv of [['--help', 'trace'], ['help', 'trace', '--help'], ['-h', 'trace']]) {
      const r = await run(argv);
      expect([argv, r.code]).toEqual([argv, 0]);
      expect(r.out).toBe(commandHelp('trace'));
    }
  });

  it('the general help lists synack help [CMD]', () => {
    expect(generalHelp()).toMatch(/^ {2}synack help \[CMD\] +\S/m);
  });

  it('--version with an extra argument is a usage error (exit 2), like every command', async () => {
    const r = await run(['--version', 'extra']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("synack: unexpected argument: 'extra'. Run 'synack --help' for the list.\n");
  });

  it("a mistyped 'help' gets its suggestion", async () => {
    const r = await run(['hepl']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Did you mean 'help'?");
  });
});

describe('help fits the terminal', () => {
  const cmds = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
  it('every help, en and zh-CN, fits in 80 columns (the widest line was 143), and no text is lost', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      setLang(lang);
      for (const [name, text] of [['--help', generalHelp()], ...cmds.map((c) => [c, commandHelp(c)])] as const) {
        const wide = text.split('\n').filter((l) => stringWidth(l) > 80);
        expect([lang, name, wide]).toEqual([lang, name, []]);
      }
      for (const c of cmds) {
        // Every option's text is there whole, in order, wherever its lines were broken.
        const joined = commandHelp(c).replace(/\s+/g, '');
        for (const o of Object.values(COMMANDS[c].options)) expect(joined).toContain(o.help.replace(/\s+/g, ''));
      }
    }
    setLang('en');
  });

  it('a wider terminal gets longer lines; a non-terminal 80', async () => {
    const wide = fakeIO({ env: {}, tty: true, columns: 160 });
    expect(await runMain(['--lang', 'en', 'help', 'plot'], wide.io)).toBe(0);
    expect(wide.out()).toBe(commandHelp('plot', 160));
    expect(wide.out()).toMatch(/^ {2}--host H +whose windows \(default: the host that sends the most data\)$/m);
    const piped = await run(['help', 'plot']);
    expect(piped.out).toBe(commandHelp('plot', 80));
  });

  it('wrapLite breaks at spaces and beside CJK, never before closing punctuation', () => {
    expect(wrapLite('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapLite('使用 DIR 中的课程（也可设置）', 12)).toEqual(['使用 DIR 中', '的课程（也可', '设置）']);
    expect(wrapLite('一二三四五（六）', 12)).toEqual(['一二三四五（', '六）']);
    expect(wrapLite('一二三四五六）', 12)).toEqual(['一二三四五', '六）']);
    expect(wrapLite('a-very-long-word b', 5)).toEqual(['a-very-long-word', 'b']);
  });
});

describe("the general help's options before the command", () => {
  it('synack --lessons DIR learn ID is synack learn ID --lessons DIR (it was "unexpected argument")', async () => {
    const a = await run(['--lessons', GOOD, 'learn', 'good-basics', '--plain', '--width', '60']);
    const b = await run(['learn', 'good-basics', '--plain', '--width', '60', '--lessons', GOOD]);
    expect([a.code, a.err]).toEqual([0, '']);
    expect(a.out).toBe(b.out);
    expect(a.out).toMatch(/Quiz/);
  });

  it('a mistyped command after them gets its suggestion; a command that does not take them says so', async () => {
    const r = await run(['--ascii', 'trce']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack: unknown command 'trce'. Did you mean 'trace'? Run 'synack --help' for the list.\n");
    const t = await run(['--ascii', 'scenarios']);
    expect(t.code).toBe(2);
    expect(t.err).toBe("synack scenarios: unknown option '--ascii'. Run 'synack help scenarios'.\n");
  });

  it('a bad choice names the close one', async () => {
    const r = await run(['diagram', 'handshake', '--format', 'mermaind']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack diagram: --format must be text, mermaid or json, not 'mermaind'. Did you mean 'mermaid'?\n");
    const p = await run(['trace', 'handshake', '--profile', 'linx']);
    expect(p.err).toBe("synack trace: --profile must be rfc or linux, not 'linx'. Did you mean 'linux'?\n");
  });
});

describe('one error format: one bounded line', () => {
  it('a newline in a value is shown, not printed (the message stays one line)', async () => {
    const r = await run(['trace', 'handshake', '--seed', '1\n2']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack trace: --seed must be a whole number from 0 to 4294967295, not '1␊2'.\n");
  });

  it('a 100,000-character argument is echoed cut short, in every kind of message', async () => {
    const long = 'x'.repeat(100_000);
    for (const argv of [[long], ['trace', long], ['diagram', 'handshake', '--width', long], ['quiz', '--print', '--topic', long], ['help', long], ['trace', 'handshake', `--${long}`]]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ').slice(0, 40)).toBeGreaterThan(0);
      expect(r.code).not.toBe(70);
      const first = r.err.split('\n')[0]!;
      expect(first.length, first.slice(0, 60)).toBeLessThan(ECHO_MAX + 400);
      expect(first).toContain('…');
    }
  });

  it('many extra arguments are listed up to five', async () => {
    const r = await run(['scenarios', ...Array.from({ length: 1000 }, (_, i) => `a${i}`)]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack scenarios: unexpected arguments: 'a0' 'a1' 'a2' 'a3' 'a4' '…'. Run 'synack help scenarios'.\n");
  });

  it('arg keeps a short value as it is and both ends of a long one', () => {
    expect(arg('three-way')).toBe('three-way');
    expect(arg('a\tb\r\n\x1b[2J')).toBe('a␉b␍␊␛[2J');
    const s = arg('s' + 'm'.repeat(1000) + 'e');
    expect([...s]).toHaveLength(ECHO_MAX);
    expect(s.startsWith('smm')).toBe(true);
    expect(s.endsWith('mme')).toBe(true);
  });

  it('a lesson id longer than any lesson file can hold is a usage error, not an internal error', async () => {
    // 70,000 characters made a regular expression too large in the loader: exit 70 before.
    const r = await run(['learn', 'a'.repeat(70_000), '--plain', '--lessons', GOOD]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack learn: LESSON-ID has 70000 characters; it may have at most 4000.\n");
  });

  it('synack progress: import and export failures carry the command prefix', async () => {
    const home = join(tmp, 'home');
    const imp = await run(['progress', '--import', join(tmp, 'missing.json')], { env: { SYNACK_HOME: home } });
    expect(imp.code).toBe(1);
    expect(imp.err).toMatch(/^synack progress: .*missing\.json: cannot import: no such file or directory\n$/);
    const exp = await run(['progress', '--export', join(tmp, 'no-dir', 'x.json')], { env: { SYNACK_HOME: home } });
    expect(exp.code).toBe(1);
    expect(exp.err).toMatch(/^synack progress: cannot write .*x\.json: no such file or directory\n$/);
  });

});

describe('exit codes', () => {
  it('learn --plain of an unknown id lists the lessons there are, as the interactive learn does (exit 1)', async () => {
    const r = await run(['learn', 'no-such-lesson', '--plain', '--lessons', GOOD]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^synack learn: no lesson 'no-such-lesson'\. Lessons: good-basics(, [a-z0-9-]+)*\.\n$/);
  });


  it('stats --streak on that cannot be saved exits 1 (it printed the error and exited 0)', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a directory');
    const r = await run(['stats', '--streak', 'on'], { env: { SYNACK_HOME: file } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^synack stats: /m);
    expect(r.out).toMatch(/^Stats/);
  });
});

describe('the app without a person at the terminal', () => {
  it('with CI set on a terminal, the message names CI (it said stdin and stdout must be a TTY, which they were)', async () => {
    for (const argv of [[], ['learn'], ['playground']]) {
      const r = await run(argv, { tty: true, env: { CI: 'true' } });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^synack does not open the app while CI is set/);
      expect(r.err).not.toContain('must be a TTY');
    }
    const piped = await run(['learn'], { env: { CI: 'true' } });
    expect(piped.err).toMatch(/stdin and stdout must be a TTY/);
  });

  it('synack diagram on a terminal where the app cannot open (CI set, TERM=dumb) prints the diagram as when piped', async () => {
    const piped = await run(['diagram', 'handshake', '--width', '80']);
    expect(piped.code).toBe(0);
    expect(piped.out).toContain('SYN-SENT');
    for (const env of [{ CI: 'true' }, { TERM: 'dumb' }]) {
      const r = await run(['diagram', 'handshake', '--width', '80'], { tty: true, columns: 80, env });
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toBe(piped.out);
    }
  });
});

describe('output that cannot be written', () => {
  const proc = () => {
    const stdout = new EventEmitter();
    const stderr = Object.assign(new EventEmitter(), { text: '', write: (s: string) => void (stderr.text += s) });
    const exits: number[] = [];
    const p = { stdout, stderr, exit: ((code?: number) => void exits.push(code ?? 0)) as (code?: number) => never };
    quietOnClosedOutput(p);
    return { stdout, stderr, exits };
  };
  const err = (code: string) => Object.assign(new Error(code), { code });

  it('a closed pipe ends quietly with 0; a full disk says why on stderr and exits 1 (it exited 1 without a word)', () => {
    const a = proc();
    a.stdout.emit('error', err('EPIPE'));
    expect([a.exits, a.stderr.text]).toEqual([[0], '']);
    const b = proc();
    b.stdout.emit('error', err('ENOSPC'));
    expect(b.exits).toEqual([1]);
    expect(b.stderr.text).toBe('synack: cannot write the output: no space left on the device\n');
  });
});

describe('the watchers, for a missing directory or a deleted lesson', () => {
  it('check --watch of a missing directory says it cannot be read, once, and exits 1 without watching', async () => {
    const f = fakeIO({ env: {}, cwd: tmp });
    const code = await checkWatch(join(tmp, 'nope'), f.io, undefined, 10);
    expect(code).toBe(1);
    expect(f.out()).toBe('nope: cannot read: no such file or directory\n');
    expect(f.err()).toBe('');
  });

  it('learn --plain --watch of a missing directory exits 1 without watching', async () => {
    const r = await run(['learn', 'good-basics', '--plain', '--watch', '--lessons', join(tmp, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/Watching|ENOENT/);
  });

  it("an editor's swap, backup and temp files do not check again; the lesson file's save does", async () => {
    const dir = join(tmp, 'swap');
    cpSync(GOOD, dir, { recursive: true });
    const f = fakeIO({ env: {}, cwd: dir });
    const stop = new AbortController();
    const done = checkWatch(dir, f.io, stop.signal, 20);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    writeFileSync(join(dir, '.01-good-basics.md.swp'), 'vim swap');
    writeFileSync(join(dir, '01-good-basics.md~'), 'backup');
    writeFileSync(join(dir, '4913'), '');
    await wait(250);
    expect(f.out()).not.toMatch(/changed/);
    const file = join(dir, '01-good-basics.md');
    writeFileSync(file, readFileSync(file, 'utf8'));
    for (let i = 0; i < 200 && !/changed: checking again/.test(f.out()); i++) await wait(10);
    stop.abort();
    await done;
    expect(f.out()).toMatch(/\n01-good-basics\.md changed: checking again\.\n/);
  });

  it("a deleted lesson file is reported in the checker's words, not Node's", () => {
    const dir = join(tmp, 'deleted');
    cpSync(GOOD, dir, { recursive: true });
    const first = reloadLesson(dir, 'good-basics');
    expect(first.ok).toBe(true);
    const file = first.ok ? first.lesson.file : '';
    expect(readFileSync(file, 'utf8')).toMatch(/id: good-basics/);
    unlinkSync(file);
    const r = reloadLesson(dir, 'good-basics', 'en', file);
    expect(r).toMatchObject({ ok: false, file, message: 'cannot read: no such file or directory' });
    expect(JSON.stringify(r)).not.toMatch(RAW_CONTROL);
  });
});

describe('zh-CN', () => {
  it('zh-CN: the hint follows the message without a stray space', async () => {
    const r = await run(['--lang', 'zh-CN', 'trce']);
    setLang('en');
    expect(r.code).toBe(2);
    expect(r.err).toBe("synack：未知命令 'trce'。你是不是想输入 'trace'？运行 'synack --help' 查看命令列表。\n");
  });
});
