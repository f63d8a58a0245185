/**
 * Keys typed faster than the event loop reads them (tmux send-keys, a fast typist, a paste) arrive as
 * one burst: "1001\r" must be the text 1001 then Enter, so the answer is submitted as typed.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { App } from '../../src/ui/app.js';
import { SCREENS } from '../../src/ui/screens/index.js';
import { setQuizRunner } from '../../src/ui/screens/quiz.js';
import { BUILTIN_QUESTIONS } from '../../src/quiz/builtin.js';
import { defaultRunner } from '../../src/quiz/model.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';

beforeAll(() => setQuizRunner(undefined));
afterAll(() => setQuizRunner(defaultRunner));
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('a burst of typed keys ending in Enter', () => {
  it('answers a numeric question in one write', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 15, 12));
    const r = await renderInk(
      <App initial={{ screen: 'quiz', options: { mode: 'mock', count: 3, seed: 112, timeLimitSec: 60 } }} lessons={[]} progress={emptyProgress()} clock={clock} screens={SCREENS} />,
      { columns: 80, rows: 24 },
    );
    const q = BUILTIN_QUESTIONS.find((x) => flat(r.frame()).includes(flat(x.prompt).slice(0, 60)));
    expect(q?.type).toBe('numeric');
    if (q?.type !== 'numeric') return;
    await r.paste(`${q.answer}\r`);
    expect(r.frame()).toContain('✓ Correct');
    await r.unmount();
  });
});
