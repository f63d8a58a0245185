/**
 * zh-CN snapshots at 80x24 and 120x40: home, the lesson list, the help overlay, the interview menu,
 * a question of each type (the built-in questions' zh-CN twins) and the interview report. Every
 * frame fits the terminal in display columns (a CJK character is two).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { tooWide } from '../ui/helpers/frame-width.js';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen, setQuizRunner } from '../../src/ui/screens/quiz.js';
import { QuestionView } from '../../src/ui/quiz/QuestionView.js';
import { ReportView } from '../../src/ui/quiz/ReportView.js';
import { initQuestionUi } from '../../src/ui/quiz/question.js';
import { builtinQuestions } from '../../src/quiz/builtin.js';
import { defaultRunner } from '../../src/quiz/model.js';
import type { Report } from '../../src/quiz/engine.js';
import { emptyProgress } from '../../src/store/types.js';
import { setLang } from '../../src/i18n/index.js';
import { renderInk, FakeClock, type Rendered } from '../ui/helpers/render.js';
import { fixtureLessons, sampleProgress, T0 } from '../ui/helpers/fixtures.js';

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];

beforeAll(() => {
  setLang('zh-CN');
  setQuizRunner(undefined); // the built-in bank only: known questions
});
afterAll(() => {
  setLang('en');
  setQuizRunner(defaultRunner);
});

const screens = { ...SCREENS, quiz: quizScreen };

function fits(r: Rendered, size: { columns: number; rows: number }) {
  const lines = r.lines();
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  expect(tooWide(lines, size.columns)).toEqual([]);
}

describe.each(SIZES)('zh-CN at $columns x $rows', (size) => {
  const tag = `${size.columns}x${size.rows}`;
  const open = (initial: Parameters<typeof App>[0]['initial']) => {
    const lessons = fixtureLessons();
    return renderInk(<App initial={initial} lessons={lessons} progress={sampleProgress(lessons)} clock={new FakeClock(T0)} screens={screens} />, size);
  };

  it('home', async () => {
    const r = await open({ screen: 'home' });
    expect(r.frame()).toContain('面试题练习');
    expect(r.frame()).toContain('语言：简体中文');
    fits(r, size);
    expect(r.frame()).toMatchSnapshot(`home ${tag}`);
    await r.unmount();
  });

  it('the lesson list', async () => {
    const r = await open({ screen: 'lessons' });
    fits(r, size);
    expect(r.frame()).toMatchSnapshot(`lessons ${tag}`);
    await r.unmount();
  });

  it('the help overlay', async () => {
    const r = await open({ screen: 'lesson', lessonId: 'basics', position: 0 });
    await r.press('?');
    expect(r.frame()).toContain('按键：');
    fits(r, size);
    expect(r.frame()).toMatchSnapshot(`help overlay ${tag}`);
    await r.unmount();
  });

  it('the interview menu', async () => {
    const r = await open({ screen: 'quiz', options: {} });
    expect(r.frame()).toContain('面试准备');
    fits(r, size);
    // The mode names are padded by display width: every blurb starts in the same column.
    const modes = r.lines().filter((l) => /^[› ] (模拟面试|专题练习|到期复习|错题本) /.test(l));
    expect(modes).toHaveLength(4);
    const starts = modes.map((l) => stringWidth(/^[› ] \S+ +/.exec(l)![0]));
    expect(new Set(starts).size, modes.join('\n')).toBe(1);
    expect(r.frame()).toMatchSnapshot(`quiz menu ${tag}`);
    await r.unmount();
  });

  for (const type of ['single', 'multi', 'truefalse', 'order', 'numeric', 'text', 'recall'] as const) {
    it(`a ${type} question, answered`, async () => {
      const q = builtinQuestions('zh-CN').find((x) => x.type === type);
      if (!q) return; // the bank has no question of this type
      const ui = initQuestionUi(q, 1);
      const r = await renderInk(
        <QuestionView
          question={q}
          ui={ui}
          width={size.columns}
          ascii={false}
          color={false}
          hintsShown={1}
          revealed={type === 'recall'}
          result={type === 'recall' ? null : { correct: false, expected: 'SYN' }}
          showExplanation
          header="第 2/5 题  handshake"
        />,
        size,
      );
      fits(r, size);
      expect(r.frame()).toMatchSnapshot(`${type} ${tag}`);
      await r.unmount();
    });
  }

  it('the interview report', async () => {
    const report: Report = {
      mode: 'mock',
      total: 3,
      correct: 2,
      percent: 67,
      skipped: 1,
      totalMs: 95_000,
      avgMs: 31_667,
      questions: builtinQuestions('zh-CN').slice(0, 3).map((q, i) => ({
        questionId: q.id,
        type: q.type,
        topics: q.topics,
        correct: i !== 1,
        ms: 30_000 + i * 1000,
        hintsUsed: i,
        rating: i === 1 ? 1 : 3,
        timedOut: i === 2,
        response: null,
        expected: 'SYN',
        at: T0 + i * 31_000,
        prompt: q.prompt,
      })),
      topics: [{ topic: 'handshake', correct: 1, total: 2, accuracy: 0.5 }],
      weakest: [{ topic: 'handshake', correct: 1, total: 2, accuracy: 0.5, lessonId: 'three-way-handshake' }],
      dueNow: 2,
      nextDue: new Date(T0 + 86_400_000).toISOString(),
    };
    const r = await renderInk(
      <ReportView report={report} width={size.columns} height={size.rows} ascii={false} color={false} now={T0} lessonTitles={{ 'three-way-handshake': '三次握手' }} />,
      size,
    );
    expect(r.frame()).toContain('得分：2/3（67%）');
    fits(r, size);
    expect(r.frame()).toMatchSnapshot(`report ${tag}`);
    await r.unmount();
  });
});
