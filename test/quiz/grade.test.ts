import { describe, it, expect } from 'vitest';
import { grade, normalizeText, parseNumber, parseTrueFalse, expectedAnswer, textMatches } from '../../src/quiz/grade.js';
import type { Response } from '../../src/quiz/types.js';
import { SINGLE, MULTI, TF, ORDER, NUMERIC, TEXT, RECALL } from './fixtures.js';

describe('normalizeText', () => {
  it.each([
    ['SYN-ACK', 'syn,ack'],
    ['SYN-ACK', 'SYN ACK'],
    ['SYN-ACK', 'synack'],
    ['SYN-ACK', 'syn_ack'],
    ['SYN-ACK', 'syn/ack'],
    ['SYN-ACK', 'syn+ack'],
    ['TIME-WAIT', '  time wait  '],
    ['TIME-WAIT', '"time-wait".'],
  ])('%s equals %s', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
  });
  it.each([
    ['三次 握手', '三次握手'],
    ['三次　握手', '三次握手'],
    ['ＳＹＮ', 'SYN'],
    ['ｓｙｎ－ａｃｋ', 'SYN-ACK'],
    ['SYN，ACK', 'SYN ACK'],
    ['SYN、ACK', 'SYN ACK'],
    ['三次握手。', '三次握手'],
    ['三次握手！', '三次握手'],
    ['“三次握手”', '三次握手'],
    ['「半连接队列」', '半连接队列'],
  ])('Chinese input: %s equals %s', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(textMatches(a, ['three-way handshake', b])).toBe(true);
  });
  it('keeps different words apart', () => {
    expect(normalizeText('半连接队列')).not.toBe(normalizeText('全连接队列'));
    expect(normalizeText('FIN-WAIT-1')).not.toBe(normalizeText('FIN-WAIT-2'));
    expect(textMatches('', ['x'])).toBe(false);
  });
});

describe('parseNumber', () => {
  it.each([
    ['4001', undefined, 4001],
    ['4,001', undefined, 4001],
    ['4 001', undefined, 4001],
    ['1_000_000', undefined, 1000000],
    ["4'001", undefined, 4001],
    ['-3', undefined, -3],
    ['2.5', undefined, 2.5],
    ['1000ms', 'ms', 1000],
    ['1000 ms', 'ms', 1000],
    ['1 s', 'ms', 1000],
    ['1.5s', 'ms', 1500],
    ['3000 MS', 'ms', 3000],
    ['2 min', 's', 120],
    ['1 KiB', 'bytes', 1024],
  ] as const)('%s (unit %s) -> %d', (text, unit, value) => {
    expect(parseNumber(text, unit)).toEqual({ ok: true, value });
  });
  it.each([
    ['', 'empty'],
    ['abc', 'not-a-number'],
    ['4,5', 'not-a-number'],
    ['12,34,567', 'not-a-number'],
    ['-', 'not-a-number'],
    ['10 parsecs', 'unit'],
  ] as const)('%s is rejected (%s)', (text, reason) => {
    expect(parseNumber(text, 'ms')).toEqual({ ok: false, reason });
  });
  it('rejects a unit when the question has none', () => {
    expect(parseNumber('5 ms')).toEqual({ ok: false, reason: 'unit' });
  });
});

describe('parseTrueFalse', () => {
  it.each([
    ['t', true],
    ['T', true],
    ['true', true],
    ['Yes', true],
    ['y', true],
    ['f', false],
    ['FALSE', false],
    ['no', false],
    ['n', false],
    ['maybe', null],
    ['', null],
  ] as const)('%s -> %s', (s, v) => {
    expect(parseTrueFalse(s)).toBe(v);
  });
});

describe('grade', () => {
  const cases: [string, typeof SINGLE, Response, boolean][] = [
    ['single right', SINGLE, { type: 'single', choice: 1 }, true],
    ['single wrong', SINGLE, { type: 'single', choice: 0 }, false],
    ['single out of range', SINGLE, { type: 'single', choice: 9 }, false],
    ['multi exact set', MULTI, { type: 'multi', choices: [2, 0] }, true],
    ['multi subset', MULTI, { type: 'multi', choices: [0] }, false],
    ['multi superset', MULTI, { type: 'multi', choices: [0, 1, 2] }, false],
    ['multi duplicates of one', MULTI, { type: 'multi', choices: [0, 0] }, false],
    ['truefalse right', TF, { type: 'truefalse', value: false }, true],
    ['truefalse wrong', TF, { type: 'truefalse', value: true }, false],
    ['order right', ORDER, { type: 'order', order: [0, 1, 2] }, true],
    ['order swapped', ORDER, { type: 'order', order: [1, 0, 2] }, false],
    ['order short', ORDER, { type: 'order', order: [0, 1] }, false],
    ['numeric exact', NUMERIC, { type: 'numeric', text: '1000' }, true],
    ['numeric thousands', NUMERIC, { type: 'numeric', text: '1,000' }, true],
    ['numeric unit conversion', NUMERIC, { type: 'numeric', text: '1s' }, true],
    ['numeric off by one', NUMERIC, { type: 'numeric', text: '1001' }, false],
    ['text normalised', TEXT, { type: 'text', text: 'syn ack' }, true],
    ['text comma', TEXT, { type: 'text', text: 'SYN,ACK' }, true],
    ['text wrong', TEXT, { type: 'text', text: 'ACK' }, false],
    ['recall good', RECALL, { type: 'recall', grade: 'good' }, true],
    ['recall hard', RECALL, { type: 'recall', grade: 'hard' }, true],
    ['recall again', RECALL, { type: 'recall', grade: 'again' }, false],
    ['wrong response type', SINGLE, { type: 'text', text: '101' }, false],
  ];
  it.each(cases)('%s', (_name, q, r, correct) => {
    expect(grade(q, r).correct).toBe(correct);
  });

  it('tolerance is absolute', () => {
    const q = { ...NUMERIC, tolerance: 50 } as typeof NUMERIC;
    expect(grade(q, { type: 'numeric', text: '1050' }).correct).toBe(true);
    expect(grade(q, { type: 'numeric', text: '949' }).correct).toBe(false);
  });

  it('says why an unreadable number is wrong', () => {
    expect(grade(NUMERIC, { type: 'numeric', text: 'soon' })).toEqual({ correct: false, expected: '1000 ms', invalid: 'not-a-number' });
  });

  it('gives the expected answer in display form', () => {
    expect(expectedAnswer(SINGLE)).toBe('B) 101');
    expect(expectedAnswer(MULTI)).toBe('A) Sequence number; C) Window');
    expect(expectedAnswer(TF)).toBe('false');
    expect(expectedAnswer(ORDER)).toBe('SYN -> SYN,ACK -> ACK');
    expect(expectedAnswer(NUMERIC)).toBe('1000 ms');
    expect(expectedAnswer({ ...NUMERIC, tolerance: 5 } as typeof NUMERIC)).toBe('1000 ± 5 ms');
    expect(expectedAnswer(TEXT)).toBe('SYN-ACK');
    expect(expectedAnswer(RECALL)).toBe('Both ISNs must be sent and acknowledged.');
  });
});
