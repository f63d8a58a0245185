import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quizCommand, statsCommand, parseQuizArgs } from '../../src/cli/quiz.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';
import { emptyProgress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synack-quiz-'));
  mkdirSync(join(dir, 'lessons'));
  mkdirSync(join(dir, 'home'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(tty = false): CliIO & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: { write: (s: string) => ((o.out += s), true), isTTY: tty, columns: 80 },
    stderr: { write: (s: string) => ((o.err += s), true), isTTY: tty },
    stdin: { isTTY: tty },
    env: { SYNACK_HOME: join(dir, 'home'), SYNACK_LESSONS: join(dir, 'lessons') },
    cwd: dir,
    readStdin: async () => '',
  };
  return o;
}

describe('synack quiz --print', () => {
  it('prints a worksheet: questions, then the answer key, reproducible with --seed', async () => {
    const a = io();
    expect(await quizCommand(['--print', '--seed', '5', '--count', '6'], a)).toBe(0);
    const b = io();
    await quizCommand(['--print', '--seed', '5', '--count', '6'], b);
    expect(b.out).toBe(a.out);
    expect(a.out).toMatch(/^synack worksheet: 6 questions \(seed 5\)/);
    const [questions, key] = a.out.split('\nAnswer key\n');
    for (let i = 1; i <= 6; i++) {
      expect(questions).toContain(`\n${i}. `);
      expect(key).toContain(`\n${i}. `);
    }
    const c = io();
    await quizCommand(['--print', '--seed', '6', '--count', '6'], c);
    expect(c.out).not.toBe(a.out);
  });

  it('filters by topic', async () => {
    const a = io();
    expect(await quizCommand(['--print', '--topic', 'time-wait', '--count', '3', '--seed', '1'], a)).toBe(0);
    const heads = a.out.split('\nAnswer key\n')[0].split('\n').filter((l) => /^\d+\. /.test(l));
    expect(heads.length).toBeGreaterThan(0);
    for (const h of heads) expect(h).toMatch(/\[[^\]]*time-wait[^\]]*\]$/);
  });

  it('includes a generated question with its partial diagram', async () => {
    const a = io();
    await quizCommand(['--print', '--topic', 'reliability', '--count', '4', '--seed', '3'], a);
    expect(a.out).toContain('Diagram so far:');
    expect(a.out).toContain('option isn client');
  });

  it.each([
    [['--mode', 'exam'], /--mode must be mock, drill, review or mistakes, not 'exam'/],
    [['--topic', 'bgp'], /unknown topic 'bgp'/],
    [['--count', 'ten'], /--count must be a whole number from 1 to 200/],
    [['--count'], /--count needs a value/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('rejects %j (usage error: one line, exit 2)', async (argv, msg) => {
    expect(() => parseQuizArgs(argv as string[])).toThrow(UsageError);
    const f = io();
    expect(await quizCommand(argv as string[], f)).toBe(2);
    expect(f.err).toMatch(msg);
    expect(f.err).toMatch(/^synack quiz: [^\n]*\n$/);
  });

  it('interactive mode needs a terminal (exit 2, one synack: prefix)', async () => {
    const f = io(false);
    expect(await quizCommand(['--mode', 'mock'], f)).toBe(2);
    expect(f.err).toMatch(/^synack quiz: interactive mode needs a terminal/);
    expect(f.err.match(/synack/g)).toHaveLength(1);
  });

  it('parses options for the interactive screen', () => {
    expect(parseQuizArgs(['--mode', 'mock', '--topic', 'handshake,udp', '--count', '3', '--time', '30', '--seed', '9'])).toEqual({
      mode: 'mock',
      topics: ['handshake', 'udp'],
      count: 3,
      timeLimitSec: 30,
      seed: 9,
      print: false,
      ascii: false,
    });
    expect(parseQuizArgs(['--time', '0']).timeLimitSec).toBeNull();
  });
});

describe('synack stats', () => {
  it('says there is nothing yet, then shows totals and topics', async () => {
    const a = io();
    expect(await statsCommand([], a)).toBe(0);
    expect(a.out).toContain('No answers yet');
    let p = emptyProgress();
    const now = Date.now();
    p = recordAnswer(p, { questionId: 'core/arp', correct: true, rating: 3, ms: 5000, topics: ['ip-arp'], mode: 'drill' }, now - 3600000);
    p = recordAnswer(p, { questionId: 'core/syn-flood', correct: false, rating: 1, ms: 5000, topics: ['syn-flood'], mode: 'mock' }, now - 3600000);
    writeFileSync(join(dir, 'home', 'progress.json'), JSON.stringify(p));
    const b = io();
    expect(await statsCommand(['--ascii'], b)).toBe(0);
    expect(b.out).toContain('Answers: 2   correct: 1 (50%)');
    expect(b.out).toMatch(/ip-arp\s.*100%/);
    expect(b.out).toMatch(/syn-flood\s.*0%/);
    expect(b.out).toContain('Due in the next 7 days:');
    const bad = io();
    expect(await statsCommand(['--x'], bad)).toBe(2);
    expect(bad.err).toMatch(/unknown option '--x'/);
  });
});
