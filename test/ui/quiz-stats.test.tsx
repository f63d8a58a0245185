/** The stats screen at 80x24, and a drill session with a question generated from the TCP model. */
import { describe, it, expect } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { quizScreen } from '../../src/ui/screens/quiz.js';
import { statsScreen } from '../../src/ui/screens/stats.js';
import { emptyProgress, type Progress } from '../../src/store/types.js';
import { recordAnswer } from '../../src/quiz/srs.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { runSource } from '../../src/tcp/index.js';
import { renderInk, FakeClock } from './helpers/render.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOUR = 3600000;
const screens = { ...SCREENS, quiz: quizScreen, stats: statsScreen };
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('stats screen', () => {
  it('shows totals, per-topic accuracy, the due chart and the streak', async () => {
    let p: Progress = { ...emptyProgress(), settings: { streak: true, relative: false } };
    const add = (id: string, correct: boolean, topics: string[], at: number) => {
      p = recordAnswer(p, { questionId: id, correct, rating: correct ? 3 : 1, ms: 4000, topics, mode: 'drill' }, at, { fuzz: false });
    };
    add('core/arp', true, ['ip-arp'], T0 - 2 * HOUR);
    add('core/why-three-way', false, ['handshake'], T0 - 26 * HOUR);
    add('core/why-three-way', true, ['handshake'], T0 - 1 * HOUR);
    add('core/syn-flood', true, ['syn-flood'], T0 - 9 * 24 * HOUR);
    const r = await renderInk(<App initial={{ screen: 'stats' }} lessons={[]} progress={p} clock={new FakeClock(T0)} screens={screens} />, { columns: 80, rows: 24 });
    const f = r.frame();
    expect(f).toContain('Answers: 4   correct: 3 (75%)');
    expect(f).toContain('Streak: 2 days');
    expect(f).toMatch(/handshake\s+-\s+-\s+-\s+50%\s+50%/);
    expect(f).toMatch(/syn-flood\s+-\s+-\s+100%\s+-\s+100%/);
    expect(f).toMatchSnapshot();
    await r.unmount();
  });
});

describe('a drill with a generated question', () => {
  it('shows the partial diagram and grades the answer the model computed', async () => {
    const seed = 8;
    const [gen] = generateQuestions(seed, 1, ['reliability'], runSource);
    const clock = new FakeClock(T0);
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: { mode: 'drill', topics: ['reliability'], count: 4, seed } }} lessons={[]} progress={emptyProgress()} clock={clock} screens={screens} />,
      { columns: 80, rows: 24 },
    );
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      const f = flat(r.frame());
      if (f.includes(flat(gen.prompt).slice(0, 60))) {
        seen.push(gen.id);
        expect(r.frame()).toMatch(/client\s+.*server/);
        expect(r.frame()).toContain('│');
        expect(gen.type).toBe('numeric');
        if (gen.type !== 'numeric') return;
        await r.type(String(gen.answer));
        await r.press('enter');
        expect(r.frame()).toContain('✓ Correct');
        expect(flat(r.frame())).toContain(flat(gen.explanation).slice(0, 40));
      } else {
        const q = BUILTIN_QUESTIONS.find((x) => f.includes(flat(x.prompt).slice(0, 60)))!;
        expect(q.topics).toContain('reliability');
        seen.push(q.id);
        await r.press('enter', '3');
      }
      await r.press('enter');
    }
    expect(seen).toContain(gen.id);
    expect(r.frame()).toContain('Score: 2/2 (100%)');
    await r.unmount();
  });
});

describe('review mode', () => {
  it('asks the due cards, most overdue first, and reschedules them', async () => {
    let p: Progress = emptyProgress();
    // Answered wrong a day ago: due again (10 min learning step); the other one answered right: not due.
    p = recordAnswer(p, { questionId: 'core/arp', correct: false, rating: 1, ms: 4000, topics: ['ip-arp'], mode: 'drill' }, T0 - 24 * HOUR, { fuzz: false });
    p = recordAnswer(p, { questionId: 'core/ports-four-tuple', correct: true, rating: 4, ms: 4000, topics: ['ports'], mode: 'drill' }, T0 - 1 * HOUR, { fuzz: false });
    p.settings.newPerDay = 0; // due cards only (new cards: test/ui/review-keys.test.tsx)
    let saved: Progress | null = null;
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }} lessons={[]} progress={p} clock={new FakeClock(T0)} screens={screens} saveProgress={(x) => void (saved = x)} />,
      { columns: 80, rows: 24 },
    );
    expect(r.frame()).toContain('Question 1/1');
    expect(r.frame()).toContain('What does ARP do');
    await r.press('enter', '4');
    await r.press('enter');
    expect(r.frame()).toContain('Score: 1/1 (100%)');
    const after = saved as unknown as Progress;
    expect(Date.parse(after.cards['core/arp'].due)).toBeGreaterThan(T0);
    expect(after.mistakes['core/arp']).toBe(1);
    await r.unmount();
  });

  it('says so when nothing is due (and no new cards are allowed today)', async () => {
    const none = { ...emptyProgress(), settings: { streak: false, relative: false, newPerDay: 0 } };
    const r = await renderInk(<App initial={{ screen: 'quiz', options: { mode: 'review', seed: 1 } }} lessons={[]} progress={none} clock={new FakeClock(T0)} screens={screens} />, { columns: 80, rows: 24 });
    expect(r.frame()).toContain('No questions matched');
    await r.unmount();
  });
});
