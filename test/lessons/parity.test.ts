import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLessons } from '../../src/lessons/validate.js';
import { checkTranslations } from '../../src/lessons/parity.js';
import { checkCommand, checkWatch } from '../../src/cli/check.js';
import { fakeIO } from '../cli/helpers.js';

/** A small English lesson with every kind of key parity looks at. */
const EN = `---
id: demo
title: Demo
order: 1
summary: A demo lesson.
objectives: [Know the demo]
topics: [handshake]
minutes: 5
---
# Demo

## First

Text.

\`\`\`tcp
scenario: handshake
caption: The handshake
\`\`\`

\`\`\`quiz
id: pick
type: single
prompt: Which?
choices:
  - text: SYN
    correct: true
  - ACK
  - FIN
explanation: SYN opens.
\`\`\`

## Second

\`\`\`quiz
id: num
type: numeric
prompt: How many?
answer: 3
tolerance: 0
explanation: Three.
\`\`\`

\`\`\`quiz
id: word
type: text
prompt: Name it.
accept: [three-way handshake, handshake]
explanation: So.
\`\`\`

\`\`\`tcp
# caption: Lost ACK
option isn client 100
drop segment 2
client connect
\`\`\`
`;

/** The faithful translation: prose, captions, comments and choice texts change; keys do not. */
const ZH = `---
id: demo
title: 演示
order: 1
summary: 一个演示课。
objectives: [了解演示]
topics: [handshake]
minutes: 5
---
# 演示

## 第一节

正文。

\`\`\`tcp
scenario: handshake
caption: 三次握手
\`\`\`

\`\`\`quiz
id: pick
type: single
prompt: 哪一个？
choices:
  - text: SYN
    correct: true
  - ACK
  - FIN
explanation: SYN 发起连接。
\`\`\`

## 第二节

\`\`\`quiz
id: num
type: numeric
prompt: 几次？
answer: 3
tolerance: 0
explanation: 三次。
\`\`\`

\`\`\`quiz
id: word
type: text
prompt: 叫什么？
accept: [three-way handshake, handshake, 三次握手]
explanation: 就是它。
\`\`\`

\`\`\`tcp
# caption: 丢失的 ACK
option isn client 100   # 客户端的初始序号
drop segment 2
client connect
\`\`\`
`;

const EN_FILE = 'c/01-demo.md';
const ZH_FILE = 'c/zh-CN/01-demo.md';

function check(zh: string, zhFile = ZH_FILE) {
  const en = checkLessons([{ file: EN_FILE, text: EN }]);
  expect(en.problems).toEqual([]);
  return checkTranslations(en.lessons, [{ file: zhFile, text: zh }], 'zh-CN').problems.map(
    (p) => `${p.file}:${p.line}:${p.col}: ${p.severity}: ${p.message}`,
  );
}

/** Replaces exactly one occurrence (the fixture must contain it once). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, from).toBe(2);
  return text.replace(from, to);
}

/** The 1-based line of the first line containing `needle` in ZH. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('checkTranslations (parity of a zh-CN twin)', () => {
  it('a faithful translation has no problems (prose, captions, comments and added accepts are free)', () => {
    expect(check(ZH)).toEqual([]);
  });

  it('a twin with a wrong answer key: the correct choice moved', () => {
    const zh = edit(ZH, '  - text: SYN\n    correct: true\n  - ACK', '  - SYN\n  - text: ACK\n    correct: true');
    expect(check(zh)).toEqual([
      `${ZH_FILE}:${lineOf(zh, 'id: pick') - 1}:1: error: quiz 'pick': the correct choices are B, the English quiz's are A`,
    ]);
  });

  it('numeric answer and tolerance, choice count, type and accept lists are keys too', () => {
    let zh = edit(ZH, 'answer: 3', 'answer: 4');
    zh = edit(zh, 'tolerance: 0', 'tolerance: 1');
    zh = edit(zh, '  - FIN\n', '  - FIN\n  - RST\n');
    zh = edit(zh, 'accept: [three-way handshake, handshake, 三次握手]', 'accept: [三次握手, handshake]');
    const pick = lineOf(zh, 'id: pick') - 1;
    const num = lineOf(zh, 'id: num') - 1;
    const word = lineOf(zh, 'id: word') - 1;
    expect(check(zh)).toEqual([
      `${ZH_FILE}:${pick}:1: error: quiz 'pick': 4 'choices' items, the English quiz has 3`,
      `${ZH_FILE}:${num}:1: error: quiz 'num': 'answer' is 4, the English quiz has 3`,
      `${ZH_FILE}:${num}:1: error: quiz 'num': 'tolerance' is 1, the English quiz has 0`,
      `${ZH_FILE}:${word}:1: error: quiz 'word': 'accept' lacks the English answer 'three-way handshake' (keep them and add the translated ones)`,
    ]);
    const typed = edit(ZH, 'type: single', 'type: multi');
    expect(check(typed)).toEqual([`${ZH_FILE}:${pick}:1: error: quiz 'pick': type is 'multi', the English one is 'single'`]);
  });

  it('a missing quiz is reported where it belongs; an extra one at its block; a moved one by its place', () => {
    const start = ZH.indexOf('```quiz\nid: num');
    const end = ZH.indexOf('```\n', start + 7) + 4;
    const missing = ZH.slice(0, start) + ZH.slice(end);
    expect(check(missing)).toEqual([
      `${ZH_FILE}:${lineOf(missing, 'id: word') - 1}:1: error: quiz 'num' of the English lesson is missing here`,
    ]);
    const extra = edit(ZH, 'id: num', 'id: count');
    expect(check(extra)).toEqual([
      `${ZH_FILE}:${lineOf(extra, 'id: count') - 1}:1: error: quiz 'count' is not in the English lesson`,
      `${ZH_FILE}:${lineOf(extra, 'id: word') - 1}:1: error: quiz 'num' of the English lesson is missing here`,
    ]);
    const numBlock = ZH.slice(start, end);
    const moved = ZH.slice(0, start) + ZH.slice(end) + '\n' + numBlock;
    expect(check(moved)).toEqual([
      `${ZH_FILE}:${lineOf(moved, 'id: word') - 1}:1: error: quiz 'word' is question 2 here, question 3 in the English lesson (keep the English order)`,
    ]);
  });

  it('a changed tcp block (an action or a scenario) is an error at its fence; a missing one is counted', () => {
    const action = edit(ZH, 'drop segment 2', 'drop segment 3');
    expect(check(action)).toEqual([
      `${ZH_FILE}:${lineOf(action, 'caption: 丢失的 ACK') - 1}:1: error: tcp block 2 differs from the English one: 'drop segment 3' where the English script has 'drop segment 2' (only the caption and comments may be translated)`,
    ]);
    const scenario = edit(ZH, 'scenario: handshake', 'scenario: transfer');
    expect(check(scenario)).toEqual([
      `${ZH_FILE}:${lineOf(scenario, 'scenario: transfer') - 1}:1: error: tcp block 1 differs from the English one: 'scenario: transfer' where the English script has 'scenario: handshake' (only the caption and comments may be translated)`,
    ]);
    const gone = ZH.replace(/```tcp\n# caption[^`]*```\n/, '');
    expect(check(gone)).toEqual([`${ZH_FILE}:${lineOf(gone, 'scenario: handshake') - 1}:1: error: 1 tcp block, the English lesson has 2`]);
  });

  it('front matter keys: id, order, topics, minutes and prerequisites, each at its field', () => {
    let zh = edit(ZH, 'order: 1', 'order: 2');
    zh = edit(zh, 'minutes: 5', 'minutes: 6');
    zh = edit(zh, 'topics: [handshake]', 'topics: [handshake, close]');
    zh = edit(zh, 'minutes: 6\n', 'minutes: 6\nprerequisites: [ports]\n');
    expect(check(zh)).toEqual([
      `${ZH_FILE}:4:8: error: 'order' is 2, the English lesson has 1`,
      `${ZH_FILE}:7:9: error: 'topics' is [handshake, close], the English lesson has [handshake]`,
      `${ZH_FILE}:8:10: error: 'minutes' is 6, the English lesson has 5`,
      `${ZH_FILE}:9:16: error: 'prerequisites' is [ports], the English lesson has []`,
    ]);
    const id = edit(ZH, 'id: demo', 'id: demo-zh');
    expect(check(id)[0]).toBe(`${ZH_FILE}:2:5: error: 'id' is 'demo-zh', the English lesson has 'demo'`);
  });

  it('a layers block keeps its payload, its number of layers and its trailers; its labels may be translated', () => {
    const layers = (title: string, payload: string, link: string, trailer: string) =>
      `\n\`\`\`layers\ntitle: ${title}\npayload: "${payload}"\nlayers:\n  - name: ${link}\n    header: "src -> dst"\n${trailer}\`\`\`\n`;
    const en = EN + layers('Down the stack', 'GET /', 'Link', '    trailer: FCS\n');
    const base = checkLessons([{ file: EN_FILE, text: en }]);
    expect(base.problems).toEqual([]);
    const run = (zh: string) =>
      checkTranslations(base.lessons, [{ file: ZH_FILE, text: zh }], 'zh-CN').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    expect(run(ZH + layers('沿协议栈向下', 'GET /', '链路层', '    trailer: FCS\n'))).toEqual([]);
    const zh = ZH + layers('沿协议栈向下', 'POST /', '链路层', '');
    const at = lineOf(zh, '```layers');
    expect(run(zh)).toEqual([
      `${at}:1: layers block 1: the payload is 'POST /', the English block's is 'GET /' (only title, name, header and note may be translated)`,
      `${at}:1: layers block 1: layer 1 has no trailer, the English one has`,
    ]);
  });

  it('the same ## sections: one dropped is an error', () => {
    const zh = edit(ZH, '## 第二节\n', '');
    expect(check(zh)).toEqual([`${ZH_FILE}:${lineOf(zh, '## 第一节')}:1: error: 1 '##' sections, the English lesson has 2 (keep the same sections in the same order)`]);
  });

  it('an extra file (no English twin of that name) is an error at 1:1', () => {
    expect(check(ZH, 'c/zh-CN/02-demo.md')).toEqual([
      `c/zh-CN/02-demo.md:1:1: error: no English lesson '02-demo.md' for this translation (a translation has the file name of its English twin)`,
    ]);
  });

  it("a translation's own errors are reported like an English lesson's", () => {
    const zh = edit(ZH, 'minutes: 5', 'minutes: 500');
    expect(check(zh)[0]).toBe(`${ZH_FILE}:8:10: error: 'minutes' must be at most 60`);
  });
});

describe('synack check DIR with DIR/zh-CN', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'synack-parity-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function run(dir: string) {
    const f = fakeIO({ cwd: tmp });
    return checkCommand([dir], f.io).then((code) => ({ code, lines: f.out().trimEnd().split('\n') }));
  }

  it('checks the twins, prints file:line:col relative to the working directory and fails on a difference', async () => {
    const dir = join(tmp, 'course');
    mkdirSync(join(dir, 'zh-CN'), { recursive: true });
    writeFileSync(join(dir, '01-demo.md'), EN);
    writeFileSync(join(dir, 'zh-CN', '01-demo.md'), ZH);
    const good = await run('course');
    expect(good.code).toBe(0);
    expect(good.lines).toHaveLength(1);
    expect(good.lines[0]).toMatch(/^2 files checked: 1 lesson, 3 questions .*, 1 zh-CN translation: all good$/);

    writeFileSync(join(dir, 'zh-CN', '01-demo.md'), edit(ZH, 'answer: 3', 'answer: 30'));
    writeFileSync(join(dir, 'zh-CN', '09-extra.md'), ZH);
    const bad = await run('course');
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([
      `course/zh-CN/01-demo.md:${lineOf(ZH, 'id: num') - 1}:1: quiz 'num': 'answer' is 30, the English quiz has 3`,
      `course/zh-CN/09-extra.md:1:1: no English lesson '09-extra.md' for this translation (a translation has the file name of its English twin)`,
      expect.stringMatching(/^3 files checked: .*, 2 zh-CN translations: 2 errors$/),
    ]);
  });

  it('check --watch checks again when a translation changes', async () => {
    const dir = join(tmp, 'watched');
    mkdirSync(join(dir, 'zh-CN'), { recursive: true });
    writeFileSync(join(dir, '01-demo.md'), EN);
    writeFileSync(join(dir, 'zh-CN', '01-demo.md'), ZH);
    const f = fakeIO({ cwd: tmp });
    const stop = new AbortController();
    const done = checkWatch(dir, f.io, stop.signal, 20);
    expect(f.out()).toMatch(/zh-CN translation: all good\n$/);
    writeFileSync(join(dir, 'zh-CN', '01-demo.md'), edit(ZH, 'answer: 3', 'answer: 30'));
    for (let i = 0; i < 300 && !/the English quiz has 3/.test(f.out()); i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    expect(await done).toBe(1);
    expect(f.out()).toMatch(/zh-CN\/01-demo\.md changed: checking again/);
    expect(f.out()).toMatch(/watched\/zh-CN\/01-demo\.md:\d+:1: quiz 'num': 'answer' is 30, the English quiz has 3/);
  });

  it('without a zh-CN directory the output is the English check alone', async () => {
    const dir = join(tmp, 'plain');
    mkdirSync(dir);
    writeFileSync(join(dir, '01-demo.md'), EN);
    const r = await run('plain');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/^1 file checked: 1 lesson, 3 questions .*, 2 diagrams, 0 layer figures: all good$/)]);
  });
});
