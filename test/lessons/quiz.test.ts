import { describe, it, expect } from 'vitest';
import { parseQuiz } from '../../src/lessons/quiz.js';
import { parseLesson } from '../../src/lessons/parse.js';
import type { Question } from '../../src/quiz/types.js';

const ctx = { lessonId: 'three-way-handshake', lessonTopics: ['handshake' as const], source: { file: 'l.md', line: 40, col: 1 } };
const base = {
  hints: [],
  topics: ['handshake'],
  lessonId: 'three-way-handshake',
  source: { file: 'l.md', line: 40, col: 1 },
};

function ok(yaml: string): Question {
  const r = parseQuiz(yaml, ctx);
  expect(r.problems).toEqual([]);
  return r.question!;
}

function problems(yaml: string): string[] {
  return parseQuiz(yaml, ctx).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
}

describe('quiz YAML -> questions, per type', () => {
  it('single: strings are wrong choices, {text, correct, why} objects, hints, namespaced id', () => {
    const q = ok(`id: ack-after-syn
type: single
prompt: The client's SYN carries seq=100. What ack does the server's SYN,ACK carry?
choices:
  - "100"
  - text: "101"
    correct: true
  - 300
  - text: "It carries no ack"
    why: After the first segment every segment has the ACK flag set.
explanation: A SYN consumes one sequence number.
hints:
  - What does the ack number mean?
`);
    expect(q).toEqual({
      ...base,
      id: 'three-way-handshake/ack-after-syn',
      type: 'single',
      prompt: "The client's SYN carries seq=100. What ack does the server's SYN,ACK carry?",
      choices: [
        { text: '100', correct: false },
        { text: '101', correct: true },
        { text: '300', correct: false },
        { text: 'It carries no ack', correct: false, why: 'After the first segment every segment has the ACK flag set.' },
      ],
      explanation: 'A SYN consumes one sequence number.',
      hints: ['What does the ack number mean?'],
    });
  });

  it('multi with its own topics', () => {
    const q = ok(`id: flags
type: multi
topics: [tcp-header, handshake]
prompt: Which flags does a SYN,ACK carry?
choices:
  - text: SYN
    correct: true
  - text: ACK
    correct: true
  - FIN
explanation: SYN and ACK.
`);
    expect(q).toEqual({
      ...base,
      topics: ['tcp-header', 'handshake'],
      id: 'three-way-handshake/flags',
      type: 'multi',
      prompt: 'Which flags does a SYN,ACK carry?',
      choices: [
        { text: 'SYN', correct: true },
        { text: 'ACK', correct: true },
        { text: 'FIN', correct: false },
      ],
      explanation: 'SYN and ACK.',
    });
  });

  it('truefalse', () => {
    expect(ok('id: tf\ntype: truefalse\nprompt: P?\nanswer: false\nexplanation: E.\n')).toEqual({
      ...base,
      id: 'three-way-handshake/tf',
      type: 'truefalse',
      prompt: 'P?',
      answer: false,
      explanation: 'E.',
    });
  });

  it('order keeps the steps in the written (correct) order', () => {
    const q = ok('id: o\ntype: order\nprompt: P?\nsteps: [SYN, "SYN,ACK", ACK]\nexplanation: E.\n');
    expect(q).toMatchObject({ type: 'order', steps: ['SYN', 'SYN,ACK', 'ACK'] });
  });

  it('numeric with tolerance and unit', () => {
    const q = ok('id: n\ntype: numeric\nprompt: P?\nanswer: 4001\ntolerance: 0\nunit: ms\nexplanation: E.\n');
    expect(q).toEqual({ ...base, id: 'three-way-handshake/n', type: 'numeric', prompt: 'P?', answer: 4001, tolerance: 0, unit: 'ms', explanation: 'E.' });
  });

  it('text: accept list (numbers become text)', () => {
    const q = ok('id: t\ntype: text\nprompt: P?\naccept: [SYN-RECEIVED, 101]\nexplanation: E.\n');
    expect(q).toMatchObject({ type: 'text', accept: ['SYN-RECEIVED', '101'] });
  });

  it('recall: answer and keyPoints', () => {
    const q = ok(`id: why-three
type: recall
prompt: Why does TCP need three handshakes and not two?
answer: >-
  So that each side's ISN is acknowledged
  and old duplicate SYNs are rejected.
keyPoints:
  - both ISNs acknowledged
  - old duplicates
explanation: RFC 9293 3.5.
`);
    expect(q).toMatchObject({
      type: 'recall',
      answer: "So that each side's ISN is acknowledged and old duplicate SYNs are rejected.",
      keyPoints: ['both ISNs acknowledged', 'old duplicates'],
    });
  });
});

describe('quiz errors, with positions inside the block', () => {
  const cases: [string, string, string[]][] = [
    ['YAML syntax', 'id: x\ntype: truefalse\nprompt: "open\nanswer: true\n', ['3:9: YAML syntax error: the quoted text starting here is never closed (missing ")']],
    ['not a mapping', '- a\n- b\n', ['1:1: a quiz block must be a YAML mapping (id:, type:, prompt:, ...)']],
    ['missing type', 'id: x\nprompt: P\n', ["1:1: missing field 'type'"]],
    ['unknown type', 'id: x\ntype: essay\n', ["2:7: 'type' is 'essay', expected one of: single, multi, truefalse, order, numeric, text, recall"]],
    [
      'single with two correct',
      'id: x\ntype: single\nprompt: P\nchoices:\n  - text: a\n    correct: true\n  - text: b\n    correct: true\nexplanation: E\n',
      ["4:1: a 'single' question needs exactly one correct choice, found 2"],
    ],
    ['single with none correct', 'id: x\ntype: single\nprompt: P\nchoices: [a, b]\nexplanation: E\n', ["4:1: a 'single' question needs exactly one correct choice, found 0"]],
    ['multi with none correct', 'id: x\ntype: multi\nprompt: P\nchoices: [a, b]\nexplanation: E\n', ["4:1: a 'multi' question needs at least one correct choice"]],
    ['order with two steps', 'id: x\ntype: order\nprompt: P\nsteps: [a, b]\nexplanation: E\n', ["4:1: an 'order' question needs at least three steps, found 2"]],
    ['numeric without answer', 'id: x\ntype: numeric\nprompt: P\nexplanation: E\n', ["1:1: a 'numeric' question needs a numeric 'answer'"]],
    ['numeric with a text answer', 'id: x\ntype: numeric\nprompt: P\nanswer: lots\nexplanation: E\n', ["4:9: a 'numeric' question needs a numeric 'answer'"]],
    ['text without accept', 'id: x\ntype: text\nprompt: P\nexplanation: E\n', ["1:1: missing field 'accept'"]],
    ['recall without keyPoints', 'id: x\ntype: recall\nprompt: P\nanswer: A\nexplanation: E\n', ["1:1: missing field 'keyPoints'"]],
    ['missing explanation', 'id: x\ntype: truefalse\nprompt: P\nanswer: true\n', ["1:1: missing field 'explanation'"]],
    ['unknown field', 'id: x\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E\nhint: h\n', ["6:1: unknown field 'hint' (did you mean 'hints'?)"]],
    ['misspelled field', 'id: x\ntype: truefalse\nprompt: P\nanswer: true\nexplenation: E\n', ["1:1: missing field 'explanation'", "5:1: unknown field 'explenation' (did you mean 'explanation'?)"]],
    ['bad id', 'id: Not Kebab\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E\n', ["1:5: 'id' must be kebab-case (lower-case letters, digits and '-'), got 'Not Kebab'"]],
    ['unknown topic', 'id: x\ntype: truefalse\ntopics: [handshake, bgp]\nprompt: P\nanswer: true\nexplanation: E\n', ["3:21: unknown topic 'bgp'"]],
    [
      'unquoted colon in a hint',
      'id: x\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E\nhints:\n  - Think: why?\n',
      ["7:5: 'hints[0]' must be text, but YAML read a 'key: value' pair: put the text in quotes (it contains ': ')"],
    ],
    ['empty prompt', 'id: x\ntype: truefalse\nprompt: ""\nanswer: true\nexplanation: E\n', ["3:9: 'prompt' must not be empty"]],
    ['duplicate choice', 'id: x\ntype: single\nprompt: P\nchoices: [a, a, {text: b, correct: true}]\nexplanation: E\n', ["4:14: choice 'a' appears twice"]],
  ];
  for (const [name, yaml, want] of cases) {
    it(name, () => {
      expect(problems(yaml)).toEqual(want);
    });
  }
});

describe('quiz blocks in a lesson', () => {
  const fm = '---\nid: l\ntitle: L\norder: 1\nsummary: S\nobjectives: [o]\ntopics: [close]\nminutes: 5\n---\n';
  it('a YAML error on line 3 of a fence at line 12 is reported at line 15, with the YAML column', () => {
    const md = fm + '# T\n\n```quiz\nid: q\ntype: single\nprompt: [oops\nexplanation: e\n```\n';
    const r = parseLesson(md, 'l.md');
    expect(r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      "15:9: YAML syntax error: the '[' starting here is never closed (missing ']')",
    ]);
  });

  it('questions default to the lesson topics and carry the fence position', () => {
    const md = fm + '\n```quiz\nid: q\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E\n```\n';
    const r = parseLesson(md, 'l.md');
    expect(r.problems).toEqual([]);
    expect(r.lesson!.questions).toHaveLength(1);
    expect(r.lesson!.questions[0]).toMatchObject({ id: 'l/q', topics: ['close'], lessonId: 'l', source: { file: 'l.md', line: 11, col: 1 } });
    expect(r.lesson!.blocks[0]).toEqual({ type: 'quiz', question: r.lesson!.questions[0], line: 11 });
  });

  it('a broken question is left out of the lesson, the rest stay', () => {
    const md = fm + '```quiz\nid: a\ntype: order\nprompt: P\nsteps: [x, y]\nexplanation: E\n```\n\n```quiz\nid: b\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E\n```\n';
    const r = parseLesson(md, 'l.md');
    expect(r.problems.map((p) => p.line)).toEqual([14]);
    expect(r.lesson!.questions.map((q) => q.id)).toEqual(['l/b']);
  });

  it('columns inside a quote are shifted by the "> " prefix', () => {
    const md = fm + '> ```quiz\n> id: q\n> type: numeric\n> prompt: P\n> answer: many\n> explanation: E\n> ```\n';
    const r = parseLesson(md, 'l.md');
    expect(r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([`14:11: a 'numeric' question needs a numeric 'answer'`]);
  });
});
