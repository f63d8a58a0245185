/**
 * The CLI's error output: user input echoed in a message is sanitised, file-system failures are
 * one-line user errors naming the file (exit 1), and bad option values are named.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceCommand } from '../../src/cli/trace.js';
import { diagramCommand } from '../../src/cli/diagram.js';
import { progressCommand } from '../../src/cli/progress.js';
import { parseQuizArgs, quizCommand, statsCommand } from '../../src/cli/quiz.js';
import { learnCommand } from '../../src/cli/app.js';
import { UsageError } from '../../src/cli/io.js';
import { fakeIO, RAW_CONTROL } from './helpers.js';

const E = '\x1b';
const BEL = '\x07';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synack-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The UsageError a call throws (fails the test when it does not throw one). */
async function usageError(f: () => unknown): Promise<UsageError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe.each([
  ['trace', traceCommand],
  ['diagram', diagramCommand],
] as const)('synack %s error output', (name, command) => {
  it('parse errors of a script with control characters keep file:line:col and echo nothing raw', async () => {
    const file = join(dir, `ctl-${name}.tcp`);
    writeFileSync(file, `client connect\nclient ${E}]0;owned${BEL} 5\nserver ${E}[2Jsend\n`);
    const f = fakeIO({ cwd: dir });
    expect(await command([`ctl-${name}.tcp`], f.io)).toBe(1);
    const lines = f.err().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^ctl-${name}\\.tcp:2:8: .*'␛\\]0'`));
    expect(lines[1]).toMatch(new RegExp(`^ctl-${name}\\.tcp:3:8: .*␛\\[2Jsend`));
    expect(f.err()).not.toMatch(RAW_CONTROL);
    expect(f.out()).toBe('');
  });

  it('an unknown scenario name with escapes is shown visibly', async () => {
    const f = fakeIO({ cwd: dir });
    expect(await command([`${E}]0;x${BEL}`], f.io)).toBe(1);
    expect(f.err()).toContain("'␛]0;x␇'");
    expect(f.err()).not.toMatch(RAW_CONTROL);
  });

  it('a missing file and a directory are one-line "cannot read" errors', async () => {
    const f = fakeIO({ cwd: dir });
    expect(await command([`missing-${E}[2J.tcp`], f.io)).toBe(1);
    expect(f.err()).toMatch(/cannot read missing-␛\[2J\.tcp: no such file\n$/);
    const g = fakeIO({ cwd: dir });
    mkdirSync(join(dir, `d-${name}.tcp`));
    expect(await command([`d-${name}.tcp`], g.io)).toBe(1);
    expect(g.err()).toMatch(new RegExp(`cannot read d-${name}\\.tcp: it is a directory\\n$`));
  });

  it('a bad option value with escapes is not echoed raw', async () => {
    const f = fakeIO({ cwd: dir });
    expect(await command(['handshake', '--seed', `${E}[2J`], f.io)).toBe(2);
    expect(f.err()).toContain('␛[2J');
    expect(f.err()).not.toMatch(RAW_CONTROL);
    const g = fakeIO({ cwd: dir });
    expect(await command(['handshake', `--x${E}[2J`], g.io)).toBe(2);
    expect(g.err()).toContain('--x␛[2J');
    expect(g.err()).not.toMatch(RAW_CONTROL);
  });

  it('a script file name with escapes does not reach stdout raw (text output)', async () => {
    const file = `name-${E}]0;t${BEL}.tcp`;
    writeFileSync(join(dir, file), 'client connect\n');
    const f = fakeIO({ cwd: dir });
    const args = name === 'diagram' ? [file, '--plain'] : [file];
    expect(await command(args, f.io)).toBe(0);
    expect(f.out()).not.toMatch(RAW_CONTROL);
    if (name === 'trace') expect(f.out()).toContain('name-␛]0;t␇');
  });

  it('--json keeps names with controls as JSON escapes (same data, nothing raw)', async () => {
    const file = `json-${E}\x9b${name}.tcp`;
    writeFileSync(join(dir, file), 'client connect\n');
    const f = fakeIO({ cwd: dir });
    const args = name === 'diagram' ? [file, '--format', 'json'] : [file, '--json'];
    expect(await command(args, f.io)).toBe(0);
    expect(f.out()).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(f.out()).scenario).toBe(`json-${E}\x9b${name}`);
  });
});

describe('synack diagram --format mermaid', () => {
  it('sanitises a scenario name taken from the file name', async () => {
    const file = `m-${E}]0;t${BEL}.tcp`;
    writeFileSync(join(dir, file), 'client connect\n');
    const f = fakeIO({ cwd: dir });
    expect(await diagramCommand([file, '--format', 'mermaid'], f.io)).toBe(0);
    expect(f.out()).toContain('sequenceDiagram');
    expect(f.out()).not.toMatch(RAW_CONTROL);
  });
});

describe('synack progress file errors', () => {
  const home = () => join(dir, 'home');

  it('--export into a missing directory: exit 1, one line naming the file', async () => {
    const f = fakeIO({ cwd: dir, env: { SYNACK_HOME: home() } });
    const target = join(dir, 'nope', 'x.json');
    expect(await progressCommand(['--export', target], f.io)).toBe(1);
    expect(f.err()).toBe(`synack progress: cannot write ${target}: no such file or directory\n`);
    expect(f.out()).toBe('');
  });

  it('--export onto a directory: exit 1, "it is a directory"', async () => {
    const f = fakeIO({ cwd: dir, env: { SYNACK_HOME: home() } });
    expect(await progressCommand(['--export', dir], f.io)).toBe(1);
    expect(f.err()).toBe(`synack progress: cannot write ${dir}: it is a directory\n`);
  });

  it('--export to a good path still works; - writes JSON to stdout', async () => {
    const f = fakeIO({ cwd: dir, env: { SYNACK_HOME: home() } });
    expect(await progressCommand(['--export', 'out.json'], f.io)).toBe(0);
    expect(f.out()).toBe(`Exported progress to ${join(dir, 'out.json')}.\n`);
    const g = fakeIO({ cwd: dir, env: { SYNACK_HOME: home() } });
    expect(await progressCommand(['--export', '-'], g.io)).toBe(0);
    expect(JSON.parse(g.out())).toEqual(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')));
  });

  it('--import of a missing file names it with a short reason, without echoing controls', async () => {
    const f = fakeIO({ cwd: dir, env: { SYNACK_HOME: home() } });
    expect(await progressCommand(['--import', `gone-${E}[2J.json`], f.io)).toBe(1);
    expect(f.err()).toBe(`synack progress: ${join(dir, 'gone-␛[2J.json')}: cannot import: no such file or directory\n`);
  });
});

describe('synack quiz option values', () => {
  it.each([
    [['--time', '-1'], "--time must be a whole number from 0 to 86400, not '-1'."],
    [['--time=-1'], "--time must be a whole number from 0 to 86400, not '-1'."],
    [['--count', '-3'], "--count must be a whole number from 1 to 200, not '-3'."],
    [['--count', '0'], "--count must be a whole number from 1 to 200, not '0'."],
    [['--count', '999999999'], "--count must be a whole number from 1 to 200, not '999999999'."],
    [['--seed', '-5'], "--seed must be a whole number from 0 to 4294967295, not '-5'."],
    [['--seed', '4294967296'], "--seed must be a whole number from 0 to 4294967295, not '4294967296'."],
    [['--time', '--print'], "--time needs a value (--time SECONDS). Run 'synack help quiz'."],
    [['--mode', '-x'], "--mode needs a value (--mode mock|drill|review|mistakes). Run 'synack help quiz'."],
    [['--time'], "--time needs a value (--time SECONDS). Run 'synack help quiz'."],
    [['--bogus'], "unknown option '--bogus'. Run 'synack help quiz'."],
    [['--cuont', '3'], "unknown option '--cuont'. Did you mean '--count'? Run 'synack help quiz'."],
    [['--mode', `${E}[2J`], "--mode must be mock, drill, review or mistakes, not '␛[2J'."],
    [[`--x${E}`], "unknown option '--x␛'. Run 'synack help quiz'."],
  ])('%j -> %s', async (argv, message) => {
    const e = await usageError(() => parseQuizArgs(argv));
    expect(e.message).toBe(message);
    expect(e.code).toBe(2);
  });

  it('accepts the edges: --time 0 (no limit), --seed 4294967295', () => {
    expect(parseQuizArgs(['--time', '0']).timeLimitSec).toBeNull();
    expect(parseQuizArgs(['--seed', '4294967295']).seed).toBe(4294967295);
  });

  it('quiz --print with a missing --lessons directory is a user error naming it', async () => {
    const missing = join(dir, 'no-lessons');
    const f = fakeIO({ cwd: dir, env: { SYNACK_HOME: join(dir, 'home') } });
    expect(await quizCommand(['--print', '--lessons', missing, '--seed', '1'], f.io)).toBe(1);
    expect(f.err()).toBe(`synack quiz: ${missing}: cannot read: no such file or directory\n`);
    expect(f.out()).toBe('');
  });

  it('stats rejects an extra argument without echoing controls', async () => {
    const f = fakeIO();
    expect(await statsCommand([`${E}[2J`], f.io)).toBe(2);
    expect(f.err()).toBe("synack stats: unexpected argument: '␛[2J'. Run 'synack help stats'.\n");
  });
});

describe('synack learn arguments', () => {
  it('a lesson id with escapes is refused with the id made visible', async () => {
    const f = fakeIO();
    expect(await learnCommand([`${E}]0;x${BEL}`], f.io)).toBe(2);
    expect(f.err()).toContain("'␛]0;x␇' is not a lesson id");
    expect(f.err()).not.toMatch(RAW_CONTROL);
  });

  it('an unknown option with escapes is made visible', async () => {
    const f = fakeIO();
    expect(await learnCommand([`--x${E}[2J`], f.io)).toBe(2);
    expect(f.err()).toBe("synack learn: unknown option '--x␛[2J'. Run 'synack help learn'.\n");
  });
});
