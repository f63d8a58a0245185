/**
 * `synack check` names the key a misspelled one was meant to be (issue 15), also where the block's
 * schema is not known yet: a quiz whose `type` is misspelled, a `scenario:` block's `captoin:`.
 */
import { describe, it, expect } from 'vitest';
import { parseLesson } from '../../src/lessons/parse.js';
import { parseTcpBlock, defaultTcpModel } from '../../src/lessons/tcp.js';

const FM = '---\nid: t\ntitle: T\norder: 1\nsummary: S\nobjectives: [o]\ntopics: [handshake]\nminutes: 5\n---\n';
const show = (text: string) => parseLesson(FM + text, 't.md', { checkTcp: false }).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe('misspelled keys where the schema is not chosen yet', () => {
  it("a quiz's misspelled type: missing 'type', and the key named with its suggestion", () => {
    const quiz = '```quiz\nid: q1\ntpye: single\nprompt: P?\nchoices:\n  - text: a\n    correct: true\n  - b\nexplanation: E\n```\n';
    expect(show(quiz)).toEqual(["11:1: missing field 'type'", "12:1: unknown field 'tpye' (did you mean 'type'?)"]);
  });

  it('a key far from type is not guessed at', () => {
    const quiz = '```quiz\nid: q1\nprompt: P?\nexplanation: E\n```\n';
    expect(show(quiz)).toEqual(["11:1: missing field 'type'"]);
  });

  it("a scenario block's captoin: is named as a misspelled caption", () => {
    const r = parseTcpBlock('scenario: handshake\ncaptoin: Three segments\n', defaultTcpModel);
    expect(r.problems).toEqual([{ line: 2, col: 1, message: "unknown field 'captoin' (did you mean 'caption'?)" }]);
    const other = parseTcpBlock('scenario: handshake\nclient send 5\n', defaultTcpModel);
    expect(other.problems.map((p) => p.message)).toEqual(["after 'scenario:' only 'caption:', 'chart:' and 'option ...' lines are allowed"]);
  });
});
