import { describe, it, expect } from 'vitest';
import { join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLessonFiles } from '../../src/lessons/load.js';
import { checkLessons, formatProblem, formatSummary } from '../../src/lessons/validate.js';
import { defaultTcpModel } from '../../src/lessons/tcp.js';
import { checkCommand } from '../../src/cli/check.js';
import type { CliIO } from '../../src/cli/io.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(here, '../..');
const GOOD = join(ROOT, 'test/fixtures/lessons-good');
const BROKEN = join(ROOT, 'test/fixtures/lessons-broken');

function read(dir: string) {
  const r = readLessonFiles(dir);
  expect(r.problems).toEqual([]);
  return r.files.map((f) => ({ file: basename(f.file), text: f.text }));
}

function captureIO(cwd: string, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: { isTTY: false },
    env,
    cwd,
    readStdin: async () => '',
  };
  return { io, out: () => out, err: () => err };
}

/** The failing script of 12-tcp-fails.md, as the model reports it. */
function tcpFailure(): string {
  const source = '# caption: A script the model cannot run\nclient connect\nclient juggle 3';
  const errors = defaultTcpModel.check(source);
  expect(errors, 'the TCP model (src/tcp runSource) must be available').not.toBeNull();
  expect(errors!.length).toBeGreaterThan(0);
  const e = errors![0]!;
  expect(e.line).toBe(3);
  return `12-tcp-fails.md:${14 + e.line}:${e.col}: tcp script: ${e.message}`;
}

describe('synack check on the broken fixtures (one defect per file)', () => {
  it('yields exactly the expected file:line:col: message list', () => {
    const result = checkLessons(read(BROKEN));
    const names = defaultTcpModel.scenarioNames().join(', ');
    expect(result.problems.map(formatProblem)).toEqual([
      "01-missing-front-matter.md:1:1: missing front matter: the file must start with a line '---'",
      "02-unclosed-front-matter.md:1:1: front matter is not closed: add a line '---' after it",
      "03-bad-field.md:8:10: 'minutes' must be at most 60",
      "05-duplicate-id-b.md:2:5: duplicate lesson id 'duplicate-id' (also in 04-duplicate-id-a.md)",
      "06-unknown-topic.md:7:21: unknown topic 'tcp-magic'",
      "07-missing-prerequisite.md:9:31: prerequisite 'no-such-lesson' is not a lesson id",
      '08-quiz-yaml-syntax.md:17:9: YAML syntax error: the quoted text starting here is never closed (missing ")',
      "09-single-correct.md:18:1: a 'single' question needs exactly one correct choice, found 2",
      "10-order-steps.md:18:1: an 'order' question needs at least three steps, found 2",
      "11-numeric-answer.md:15:1: a 'numeric' question needs a numeric 'answer'",
      tcpFailure(),
      '13-escape-sequence.md:12:9: terminal escape sequence (CSI) in the text; remove it',
      '14-control-char.md:12:7: raw control character U+0007 (BEL); remove it',
      "15-unknown-quiz-field.md:20:1: unknown field 'hint' (did you mean 'hints'?)",
      "16-missing-title.md:2:1: missing field 'title'",
      "17-duplicate-question-id.md:23:5: duplicate question id 'same' (first used on line 15)",
      `18-unknown-scenario.md:15:11: unknown scenario 'three-way-dance' (built-in scenarios: ${names})`,
      "19-layers-empty.md:17:9: 'layers' must not be empty",
      "20-multi-no-correct.md:18:1: a 'multi' question needs at least one correct choice",
      "21-text-no-accept.md:15:1: missing field 'accept'",
      "22-recall-no-keypoints.md:15:1: missing field 'keyPoints'",
      "23-unknown-quiz-type.md:16:7: 'type' is 'essay', expected one of: single, multi, truefalse, order, numeric, text, recall",
      "24-truefalse-answer.md:18:9: 'answer' must be true or false",
      "25-bad-id.md:2:5: 'id' must be kebab-case (lower-case letters, digits and '-'), got 'Bad_Id'",
      "26-front-matter-yaml.md:3:8: YAML syntax error: the '[' starting here is never closed (missing ']')",
      "27-unquoted-colon.md:21:5: 'hints[0]' must be text, but YAML read a 'key: value' pair: put the text in quotes (it contains ': ')",
      "28-tcp-scenario-extra.md:17:1: after 'scenario:' only 'caption:', 'chart:' and 'option ...' lines are allowed",
      "29-quiz-in-quote.md:21:3: an 'order' question needs at least three steps, found 2",
    ]);
    expect(result.summary.errors).toBe(result.problems.length);
  });

  it('the command prints the same lines, then the summary, and exits 1', async () => {
    const c = captureIO(BROKEN);
    const code = await checkCommand([BROKEN], c.io);
    expect(code).toBe(1);
    const lines = c.out().trimEnd().split('\n');
    const result = checkLessons(read(BROKEN));
    expect(lines).toEqual([...result.problems.map(formatProblem), `${read(BROKEN).length} files checked: ${formatSummary(result.summary)}`]);
    expect(lines.at(-1)).toMatch(/: 28 errors$/);
    expect(c.err()).toBe('');
  });
});

describe('synack check on good lessons', () => {
  it('finds nothing and prints the one-line summary', async () => {
    const result = checkLessons(read(GOOD));
    expect(result.problems).toEqual([]);
    expect(formatSummary(result.summary)).toBe(
      '2 lessons, 7 questions (single 1, multi 1, truefalse 1, order 1, numeric 1, text 1, recall 1), 2 diagrams, 1 layer figure: all good',
    );
    const c = captureIO(ROOT, { SYNACK_LESSONS: GOOD });
    expect(await checkCommand([], c.io)).toBe(0);
    expect(c.out()).toBe(`2 files checked: ${formatSummary(result.summary)}\n`);
  });

  it('--lessons DIR works like DIR; bad options are usage errors', async () => {
    const c = captureIO(ROOT);
    expect(await checkCommand(['--lessons', 'test/fixtures/lessons-good'], c.io)).toBe(0);
    const u = captureIO(ROOT);
    expect(await checkCommand(['--nope'], u.io)).toBe(2);
    expect(u.err()).toContain("synack check: unknown option '--nope'");
    const v = captureIO(ROOT);
    expect(await checkCommand(['a', 'b'], v.io)).toBe(2);
    expect(v.err()).toContain("synack check: unexpected argument: 'b'");
  });

  it('an empty or missing directory is an error, not a crash', async () => {
    const c = captureIO(ROOT);
    expect(await checkCommand(['test/fixtures/no-such-dir'], c.io)).toBe(1);
    expect(c.out()).toBe('test/fixtures/no-such-dir: cannot read: no such file or directory\n');
  });

  it('cross-lesson rules: duplicate order is a warning, a self-prerequisite an error', () => {
    const fm = (id: string, order: number, extra = '') =>
      `---\nid: ${id}\ntitle: T\norder: ${order}\nsummary: S\nobjectives: [o]\ntopics: [udp]\nminutes: 5\n${extra}---\n`;
    const r = checkLessons([
      { file: 'a.md', text: fm('a', 1) },
      { file: 'b.md', text: fm('b', 1, 'prerequisites: [b]\n') },
    ]);
    expect(r.problems.map(formatProblem)).toEqual([
      'b.md:4:8: warning: order 1 is also used by a.md',
      "b.md:9:17: lesson 'b' lists itself as a prerequisite",
    ]);
    expect(formatSummary(r.summary)).toBe('2 lessons, 0 questions, 0 diagrams, 0 layer figures: 1 error, 1 warning');
  });
});

describe('golden block lists', () => {
  for (const name of ['01-good-basics.md', '02-good-handshake.md']) {
    it(name, async () => {
      const result = checkLessons(read(GOOD));
      const lesson = result.lessons.find((l) => l.file === name)!;
      await expect(JSON.stringify({ meta: lesson.meta, blocks: lesson.blocks }, null, 2) + '\n').toMatchFileSnapshot(
        `./__snapshots__/${name.replace(/\.md$/, '')}.blocks.json`,
      );
    });
  }
});

describe('the bundled course', () => {
  const COURSE = join(ROOT, 'lessons');

  it('synack check passes on it (default directory) and prints the summary', async () => {
    const c = captureIO(ROOT);
    const code = await checkCommand([], c.io);
    expect(c.out()).toMatch(/^\d+ files checked: \d+ lessons, \d+ questions \(.*\), \d+ diagrams?, \d+ layer figures?, \d+ zh-CN translations?: all good\n$/);
    expect(code).toBe(0);
  });

  // Golden block lists of two real lessons (update with `npx vitest run test/lessons -u` after editing them).
  for (const name of ['02-layered-models.md', '08-three-way-handshake.md']) {
    it(`golden blocks: ${name}`, async () => {
      const files = read(COURSE);
      const result = checkLessons(files);
      const lesson = result.lessons.find((l) => l.file === name);
      expect(lesson, name).toBeDefined();
      await expect(JSON.stringify({ meta: lesson!.meta, blocks: lesson!.blocks }, null, 2) + '\n').toMatchFileSnapshot(
        `./__snapshots__/course-${name.replace(/\.md$/, '')}.blocks.json`,
      );
    });
  }
});
