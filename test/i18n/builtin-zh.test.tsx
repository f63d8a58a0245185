/**
 * The built-in interview questions exist in both languages (issue 13): the same ids, types, topics
 * and answer keys, the same number of choices, steps and key points; zh-CN words are Chinese; the
 * bank and the app use the current language's twin, so a zh-CN drill or mock interview asks in
 * Chinese and a card answered in Chinese is the English card.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_KEYS, BUILTIN_QUESTIONS, builtinQuestions } from '../../src/quiz/builtin.js';
import { buildBank } from '../../src/quiz/bank.js';
import { BUILTIN_TEXT } from '../../src/quiz/builtin/strings.js';
import { grade } from '../../src/quiz/grade.js';
import { setLang, withLang } from '../../src/i18n/index.js';
import type { Question } from '../../src/quiz/types.js';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen } from '../../src/ui/screens/quiz.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from '../ui/helpers/render.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const CJK = /[\u3400-\u9fff]/;
const en = builtinQuestions('en');
const zh = builtinQuestions('zh-CN');

/** Everything of a question but its words. */
function keys(q: Question): unknown {
  const k: Record<string, unknown> = { id: q.id, type: q.type, topics: q.topics, lessonId: q.lessonId, hints: q.hints.length, explanation: q.explanation === '' };
  if (q.type === 'single' || q.type === 'multi') k.choices = q.choices.map((c) => [c.correct, c.why !== undefined]);
  if (q.type === 'numeric' || q.type === 'truefalse') k.answer = q.answer;
  if (q.type === 'order') k.steps = q.steps.length;
  if (q.type === 'recall') k.keyPoints = q.keyPoints.length;
  if (q.type === 'text') k.accept = q.accept.length > 0;
  return k;
}

/** The words of a question a learner reads. */
function words(q: Question): string[] {
  const w = [q.prompt, q.explanation, ...q.hints];
  if (q.type === 'single' || q.type === 'multi') for (const c of q.choices) w.push(c.text, ...(c.why ? [c.why] : []));
  if (q.type === 'recall') w.push(q.answer, ...q.keyPoints);
  if (q.type === 'order') w.push(...q.steps);
  return w.filter((s) => s !== '');
}

afterEach(() => setLang('en'));

describe('the built-in questions in zh-CN', () => {
  it('every question has both languages with the same ids, types, topics and answer keys', () => {
    expect(en.length).toBe(BUILTIN_KEYS.length);
    expect(zh.map((q) => q.id)).toEqual(en.map((q) => q.id));
    expect(new Set(en.map((q) => q.id)).size).toBe(en.length);
    for (let i = 0; i < en.length; i++) expect(keys(zh[i]!), en[i]!.id).toEqual(keys(en[i]!));
    expect(BUILTIN_QUESTIONS).toBe(en);
    // Every answer key has a choice to go with, in both languages, and every catalogue entry a key.
    for (const k of BUILTIN_KEYS) {
      if (k.type !== 'single' && k.type !== 'multi') continue;
      for (const qs of [en, zh]) expect((qs.find((q) => q.id === k.id) as { choices: unknown[] }).choices, k.id).toHaveLength(k.correct.length);
    }
    expect(Object.keys(withLang('zh-CN', () => ({ ...BUILTIN_TEXT }))).map((s) => `core/${s}`).sort()).toEqual(BUILTIN_KEYS.map((k) => k.id).sort());
  });

  it('zh-CN prompts, choices, answers and key points are Chinese (steps may be code: socket())', () => {
    for (const q of zh) {
      expect(q.prompt, q.id).toMatch(CJK);
      if (q.type !== 'order') for (const w of words(q)) expect(w, q.id).toMatch(CJK);
      else expect(q.explanation, q.id).toMatch(CJK);
    }
    // The English stays English: no Chinese in the reference text.
    for (const q of en) for (const w of words(q)) expect(w, q.id).not.toMatch(CJK);
  });

  it('the interview terms of Chinese material are used, with the English term at first use', () => {
    const text = (id: string) => words(zh.find((q) => q.id === id)!).join('\n');
    expect(text('core/why-three-way')).toContain('三次握手（three-way handshake）');
    expect(text('core/why-four-close')).toContain('四次挥手');
    expect(text('core/listen-backlog')).toContain('全连接队列（accept queue）');
    expect(text('core/listen-backlog')).toContain('半连接队列（SYN queue）');
    expect(text('core/syn-flood')).toContain('半连接队列');
    // Facts the notes get wrong: the backlog is not the half-open pool; TIME-WAIT lasts 2MSL (Linux 60 s).
    expect(text('core/listen-backlog')).toMatch(/限制的是全连接队列/);
    expect(text('core/time-wait-why')).toMatch(/2MSL[^]*Linux 固定等待 60 秒/);
  });

  it('grading uses the shared keys: the right choice in Chinese is the right choice in English', () => {
    for (const q of zh) {
      const e = en.find((x) => x.id === q.id)!;
      if (q.type === 'single') {
        const right = q.choices.findIndex((c) => c.correct);
        expect(grade(q, { type: 'single', choice: right }).correct).toBe(true);
        expect(grade(e, { type: 'single', choice: right }).correct).toBe(true);
      }
      if (q.type === 'numeric') expect(grade(q, { type: 'numeric', text: String(q.answer) }).correct).toBe(true);
    }
  });

  it('the bank takes the current language: zh-CN built-ins under zh-CN, English otherwise', () => {
    const pick = () => buildBank({ seed: 1 }).find((q) => q.id === 'core/why-three-way')!;
    expect(pick().prompt).toBe('Why does TCP use a three-way handshake and not two?');
    expect(withLang('zh-CN', pick).prompt).toBe('为什么 TCP 建立连接要三次握手（three-way handshake），而不是两次？');
    expect(builtinQuestions('zh-CN')).toBe(zh); // built once per language
  });
});

describe('a zh-CN session asks in Chinese', () => {
  const screens = { ...SCREENS, quiz: quizScreen };
  for (const mode of ['drill', 'mock'] as const) {
    it(`a ${mode} of built-in questions`, async () => {
      setLang('zh-CN');
      const r = await renderInk(
        <App initial={{ screen: 'quiz', options: { mode, topics: ['handshake'], count: 2, seed: 1, timeLimitSec: null } }} lessons={[]} progress={emptyProgress()} clock={new FakeClock(T0)} screens={screens} />,
        { columns: 80, rows: 24 },
      );
      const frame = r.frame();
      const shown = zh.filter((q) => q.topics.includes('handshake')).find((q) => frame.replace(/\s+/g, '').includes(q.prompt.replace(/\s+/g, '').slice(0, 12)));
      expect(shown, frame).toBeDefined();
      for (const q of en) expect(frame).not.toContain(q.prompt.slice(0, 30));
      await r.unmount();
    });
  }
});
