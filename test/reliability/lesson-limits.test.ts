/**
 * Issue 16, item 9 (and the lesson part of 13): bounded work for every lesson file. Each hostile
 * file of the attack sits in a directory with the bundled lessons; `synack check` reports it as
 * that file's error at file:line:col within seconds (no hang, no V8 abort, no stack overflow), the
 * loader sets it aside while every bundled lesson still loads, and the limits hold just past their
 * values. A FIFO or a directory named *.md is never opened; invalid UTF-8 and a prerequisite cycle
 * are errors.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAllLessons, loadLessonIndex } from '../../src/lessons/load.js';
import { parseLesson } from '../../src/lessons/parse.js';
import { firstInvalidUtf8, lessonLimitProblem, MAX_LESSON_BYTES, MAX_LINE_CHARS, MAX_NESTING, MAX_YAML_ALIASES } from '../../src/lessons/limits.js';
import { LESSONS, ensureBuilt, runCli, tempDir, STACK_FRAME } from './helpers.js';

const FM = (id: string) => `---\nid: ${id}\ntitle: T\norder: 900\nsummary: s\nobjectives: [a]\ntopics: [handshake]\nminutes: 5\n---\n`;
const HEAD = FM('x').split('\n').length; // first body line

/** The attack's files (each is ~what the issue measured), and where each must be reported. */
const HOSTILE: Record<string, { text: () => string | Buffer; where: RegExp; message: RegExp }> = {
  'nested-list-1500': {
    text: () => FM('nested-list') + Array.from({ length: 1500 }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n'),
    where: /:1:1: /,
    message: /at most 262144/,
  },
  'nested-list-300': {
    text: () => FM('nested-list-300') + Array.from({ length: 300 }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n'),
    where: new RegExp(`:${HEAD + 16}:\\d+: `),
    message: /nest more than 16 levels/,
  },
  'quotes-3000-lines': {
    text: () => FM('quotes') + Array.from({ length: 3000 }, (_, i) => '>'.repeat(Math.min(i + 1, 1000)) + ' a').join('\n'),
    where: /:1:1: /,
    message: /bytes; a lesson may have at most/,
  },
  'quotes-on-one-line': { text: () => FM('quotes-line') + '> '.repeat(1999) + 'a\n', where: new RegExp(`:${HEAD}:\\d+: `), message: /nest more than/ },
  'quotes-10000': { text: () => FM('quotes-10000') + '>'.repeat(10000) + '\n', where: new RegExp(`:${HEAD}:4001: `), message: /at most 4000/ },
  'stars-50000': { text: () => FM('stars') + '*'.repeat(50000) + '\n', where: new RegExp(`:${HEAD}:4001: `), message: /at most 4000/ },
  'one-line-20mb': { text: () => FM('huge-line') + 'a'.repeat(20_000_000) + '\n', where: /:1:1: /, message: /at most 262144/ },
  'alias-bomb': {
    text: () =>
      '---\nid: alias-bomb\ntitle: T\norder: 900\nsummary: s\nobjectives: [a]\ntopics: [handshake]\nminutes: 5\n' +
      'a: &a [x,x,x,x,x,x,x,x,x]\n' +
      'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`).join('\n') +
      '\n---\nbody\n',
    where: /:15:23: /,
    message: /more than 50 aliases/,
  },
  'invalid-utf8': {
    text: () => Buffer.concat([Buffer.from(FM('bad-utf8') + 'line one\nabc'), Buffer.from([0xc3, 0x28]), Buffer.from(' rest\n')]),
    where: new RegExp(`:${HEAD + 1}:4: `),
    message: /not valid UTF-8/,
  },
};

let tmp: { dir: string; cleanup(): void };
let dir: string;
let check: { code: number | null; stdout: string; stderr: string; ms: number };

beforeAll(async () => {
  tmp = tempDir();
  dir = join(tmp.dir, 'lessons');
  cpSync(LESSONS, dir, { recursive: true });
  for (const [name, h] of Object.entries(HOSTILE)) writeFileSync(join(dir, `zz-${name}.md`), h.text());
  execFileSync('mkfifo', [join(dir, 'zz-fifo.md')]);
  mkdirSync(join(dir, 'zz-directory.md'));
  await ensureBuilt();
  const t0 = Date.now();
  const r = await runCli(['check', dir], { timeoutMs: 60_000 });
  check = { ...r, ms: Date.now() - t0 };
}, 90_000);
afterAll(() => tmp.cleanup());

describe('synack check on the attack files', () => {
  it('finishes quickly with an error per hostile file, no stack trace', () => {
    expect(check.code).toBe(1);
    expect(check.stderr + check.stdout).not.toMatch(STACK_FRAME);
    expect(check.stdout + check.stderr).not.toMatch(/Maximum call stack|heap out of memory/);
    expect(check.ms).toBeLessThan(20_000);
  });

  it.each(Object.keys(HOSTILE))('%s: reported at its file:line:col', (name) => {
    const h = HOSTILE[name]!;
    const lines = check.stdout.split('\n').filter((l) => l.includes(`zz-${name}.md`));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(h.where);
    expect(lines[0]).toMatch(h.message);
  });

  it('a FIFO and a directory named *.md are reported, never opened', () => {
    expect(check.stdout).toMatch(/zz-fifo\.md:1:1: not a regular file/);
    expect(check.stdout).toMatch(/zz-directory\.md:1:1: not a regular file/);
  });

  it('no bundled lesson gets an error', () => {
    const bundled = readdirSync(LESSONS).filter((f) => f.endsWith('.md'));
    for (const f of bundled) expect(check.stdout).not.toContain(`/${f}:`);
  });
});

describe('the loader sets hostile files aside and keeps the others', () => {
  it('loadLessonIndex and loadAllLessons return every bundled lesson, each hostile one broken', () => {
    const bundled = readdirSync(LESSONS).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').length;
    const index = loadLessonIndex(dir);
    expect(index.entries.length).toBeGreaterThanOrEqual(bundled);
    const all = loadAllLessons(dir);
    expect(all.lessons).toHaveLength(bundled);
    const broken = all.broken.map((b) => b.file.slice(b.file.lastIndexOf('/') + 1)).sort();
    expect(broken).toEqual([...Object.keys(HOSTILE).map((n) => `zz-${n}.md`), 'zz-directory.md', 'zz-fifo.md'].sort());
  }, 30_000);
});

describe('each limit, just inside and just past', () => {
  it('file size', () => {
    const body = (n: number) => FM('size') + ('word '.repeat(15) + '\n').repeat(Math.ceil(n / 76));
    const text = body(MAX_LESSON_BYTES);
    const fits = text.slice(0, MAX_LESSON_BYTES);
    expect(fits).toHaveLength(MAX_LESSON_BYTES);
    expect(lessonLimitProblem(fits, 'f.md')).toBeNull();
    expect(lessonLimitProblem(fits + 'x', 'f.md')?.message).toMatch(/at most 262144/);
  });

  it('line length', () => {
    expect(lessonLimitProblem(FM('l') + 'a'.repeat(MAX_LINE_CHARS), 'f.md')).toBeNull();
    expect(lessonLimitProblem(FM('l') + 'a'.repeat(MAX_LINE_CHARS + 1), 'f.md')?.col).toBe(MAX_LINE_CHARS + 1);
  });

  it('nesting, by quotes, list markers or indentation; code fences are not nesting', () => {
    expect(lessonLimitProblem(FM('n') + '> '.repeat(MAX_NESTING) + 'a', 'f.md')).toBeNull();
    expect(lessonLimitProblem(FM('n') + '> '.repeat(MAX_NESTING + 1) + 'a', 'f.md')?.message).toMatch(/nest more than 16/);
    expect(lessonLimitProblem(FM('n') + '- '.repeat(MAX_NESTING + 1) + 'a', 'f.md')).not.toBeNull();
    expect(lessonLimitProblem(FM('n') + '1. '.repeat(MAX_NESTING + 1) + 'a', 'f.md')).not.toBeNull();
    const indented = (levels: number) => Array.from({ length: levels }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n');
    expect(lessonLimitProblem(FM('n') + indented(MAX_NESTING), 'f.md')).toBeNull();
    expect(lessonLimitProblem(FM('n') + indented(MAX_NESTING + 1), 'f.md')).not.toBeNull();
    const code = '```\n' + ' '.repeat(200) + 'deeply indented code\n' + '> '.repeat(40) + '\n```\n';
    expect(lessonLimitProblem(FM('n') + code + 'after\n', 'f.md')).toBeNull();
    // a fence inside a list item still closes
    expect(lessonLimitProblem(FM('n') + '- item\n  ```\n' + ' '.repeat(100) + 'x\n  ```\n' + '> '.repeat(17), 'f.md')).not.toBeNull();
  });

  it('YAML aliases', () => {
    const fm = (n: number) =>
      `---\nid: y\ntitle: T\norder: 1\nsummary: s\nobjectives: [a]\ntopics: [handshake]\nminutes: 5\nx: &x 1\nz: [${Array(n).fill('*x').join(',')}]\n---\n`;
    expect(parseLesson(fm(MAX_YAML_ALIASES), 'f.md').problems.map((p) => p.message).join()).not.toMatch(/aliases/);
    expect(parseLesson(fm(MAX_YAML_ALIASES + 1), 'f.md').problems[0]?.message).toMatch(/more than 50 aliases/);
  });

  it('UTF-8: the first invalid byte, with its line and column', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo\n世界 🙂\n'))).toBeNull();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xff]))).toEqual({ line: 2, col: 2, offset: 3 });
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).not.toBeNull(); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).not.toBeNull(); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xe4, 0xb8]))).not.toBeNull(); // truncated
    // agrees with the platform's decoder on random bytes
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(Array.from({ length: 1 + (rnd() % 12) }, () => rnd() % 256));
      let ok = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        ok = false;
      }
      expect(firstInvalidUtf8(b) === null).toBe(ok);
    }
  });
});

describe('prerequisite cycles', () => {
  it('synack check reports a cycle once, at the prerequisite that closes it', async () => {
    const d = join(tmp.dir, 'cycle');
    mkdirSync(d);
    const lesson = (id: string, order: number, pre: string[]) =>
      `---\nid: ${id}\ntitle: ${id}\norder: ${order}\nsummary: s\nobjectives: [a]\ntopics: [handshake]\nminutes: 5\nprerequisites: [${pre.join(', ')}]\n---\n\nText.\n`;
    writeFileSync(join(d, '01-a.md'), lesson('a', 1, ['c']));
    writeFileSync(join(d, '02-b.md'), lesson('b', 2, ['a']));
    writeFileSync(join(d, '03-c.md'), lesson('c', 3, ['b']));
    writeFileSync(join(d, '04-d.md'), lesson('d', 4, ['a']));
    const r = await runCli(['check', d]);
    expect(r.code).toBe(1);
    const cycles = r.stdout.split('\n').filter((l) => /cycle/.test(l));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/01-a\.md:9:\d+: prerequisites form a cycle: a -> c -> b -> a/);
  }, 20_000);
});
