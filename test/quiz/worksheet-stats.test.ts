import { describe, it, expect } from 'vitest';
import { worksheet, shuffledSteps } from '../../src/quiz/worksheet.js';
import { computeStats, formatStats, streak, dueChart } from '../../src/quiz/stats.js';
import { emptyProgress, type Progress, type AnswerRecord } from '../../src/store/types.js';
import { reviewCard, dueForecast } from '../../src/quiz/srs.js';
import { utcDay, offsetDay } from '../../src/quiz/days.js';
import { ALL_TYPES, ORDER } from './fixtures.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86400000;

describe('worksheet', () => {
  it('lists every question, then a key whose order letters match the shuffled steps', () => {
    const text = worksheet(ALL_TYPES, 3);
    expect(text).toMatchSnapshot();
    const shown = shuffledSteps(ORDER as { id: string; steps: string[] }, 3);
    expect(shown.some((v, i) => v !== i)).toBe(true);
    const letters = (ORDER as { steps: string[] }).steps.map((_, pos) => String.fromCharCode(65 + shown.indexOf(pos)));
    expect(text).toContain(`4. ${letters.join(', ')}: SYN -> SYN,ACK -> ACK`);
  });
});

function ans(daysAgo: number, correct: boolean, topics: string[]): AnswerRecord {
  return { questionId: 'q', at: new Date(NOW - daysAgo * DAY).toISOString(), correct, rating: correct ? 3 : 1, ms: 1000, topics, mode: 'drill' };
}

describe('stats', () => {
  it('accuracy per topic per week, oldest first', () => {
    const p: Progress = { ...emptyProgress(), history: [ans(0.5, true, ['handshake']), ans(1, false, ['handshake']), ans(10, false, ['handshake']), ans(25, true, ['udp'])] };
    const s = computeStats(p, NOW, utcDay);
    expect(s.answers).toBe(4);
    expect(s.percent).toBe(50);
    expect(s.topics).toEqual([
      { topic: 'handshake', weeks: [null, null, 0, 0.5], all: 1 / 3, answers: 3 },
      { topic: 'udp', weeks: [1, null, null, null], all: 1, answers: 1 },
    ]);
    expect(s.streak).toBeNull();
  });

  it('streak counts consecutive days ending today or yesterday (opt-in)', () => {
    const p: Progress = { ...emptyProgress(), settings: { streak: true, relative: false }, history: [ans(1, true, []), ans(2, true, []), ans(3, false, []), ans(5, true, [])] };
    expect(streak(p, NOW, utcDay)).toBe(3);
    expect(computeStats(p, NOW, utcDay).streak).toBe(3);
    expect(streak(p, NOW + 3 * DAY, utcDay)).toBe(0);
  });

  it('streak and due days are the learner\'s local days, not UTC days', () => {
    // Shanghai (UTC+8): 23:30 on the 14th and 00:30 on the 15th local time are 15:30 and 16:30 UTC on
    // the 14th: one UTC day, two local days.
    const shanghai = offsetDay(() => 8 * 60);
    const at = (iso: string): AnswerRecord => ({ questionId: 'q', at: iso, correct: true, rating: 3, ms: 1000, topics: [], mode: 'drill' });
    const p: Progress = { ...emptyProgress(), settings: { streak: true, relative: false }, history: [at('2026-01-14T15:30:00Z'), at('2026-01-14T16:30:00Z')] };
    const now = Date.parse('2026-01-14T17:00:00Z'); // 01:00 on the 15th in Shanghai
    expect(streak(p, now, utcDay)).toBe(1);
    expect(streak(p, now, shanghai)).toBe(2);
    // New York (UTC-5): a card due at 03:00 UTC on the 15th is due at 22:00 on the 14th, today there.
    const newYork = offsetDay(() => -5 * 60);
    const q: Progress = { ...emptyProgress() };
    q.cards = { a: { ...reviewCard(undefined, 3, now - DAY, { fuzz: false }), due: '2026-01-15T03:00:00Z' } };
    const evening = Date.parse('2026-01-14T20:00:00Z'); // 15:00 in New York
    expect(dueForecast(q, evening, 3, utcDay)).toEqual([0, 1, 0]);
    expect(dueForecast(q, evening, 3, newYork)).toEqual([1, 0, 0]);
  });

  it('draws the due forecast as bars', () => {
    expect(dueChart([4, 0, 2, 0, 0, 0, 1], 30, true)).toEqual([
      '  today ################# 4',
      '  +1d   0',
      '  +2d   ######### 2',
      '  +3d   0',
      '  +4d   0',
      '  +5d   0',
      '  +6d   #### 1',
    ]);
  });

  it('formats the whole page', () => {
    const p: Progress = { ...emptyProgress(), history: [ans(0.5, true, ['handshake']), ans(8, false, ['close'])] };
    p.cards = { a: { ...reviewCard(undefined, 3, NOW - DAY, { fuzz: false }), due: new Date(NOW + DAY).toISOString() } };
    p.mistakes = { b: 0 };
    expect(formatStats(computeStats(p, NOW, utcDay), { width: 80, ascii: true }).join('\n')).toMatchSnapshot();
    expect(formatStats(computeStats(emptyProgress(), NOW, utcDay))).toContain('No answers yet: try `synack quiz`.');
  });
});
