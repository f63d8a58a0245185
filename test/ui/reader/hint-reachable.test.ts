/**
 * Issue 14, "a hint always reachable": on a focused quiz with a hint left, the hint row the footer
 * shows runs and shows the hint, for every quiz type, in a lesson and in the interview screens.
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse.js';
import type { Lesson } from '../../../src/lessons/types.js';
import { initShell, keymapOf, shellUpdate, topOf, type ShellEnv, type ShellState } from '../../../src/ui/shell.js';
import { SCREENS } from '../../../src/ui/screens/index.js';
import type { AppContext } from '../../../src/ui/screen.js';
import { utcDay } from '../../../src/quiz/days.js';
import { emptyProgress } from '../../../src/store/types.js';
import { T0 } from '../helpers/fixtures.js';
import type { LessonState } from '../../../src/ui/screens/lesson.js';
import type { QuizScreenState } from '../../../src/ui/screens/quiz.js';

const FRONT = ['---', 'id: hints', 'title: Hints', 'order: 1', 'summary: s', 'objectives:', '  - o', 'topics: [handshake]', 'minutes: 5', 'prerequisites: []', '---', '', '# Hints', ''];
const QUIZZES: Record<string, string[]> = {
  single: ['type: single', 'prompt: Which opens?', 'choices:', '  - text: FIN', '  - text: SYN', '    correct: true'],
  multi: ['type: multi', 'prompt: Which flags?', 'choices:', '  - text: SYN', '    correct: true', '  - text: FIN'],
  truefalse: ['type: truefalse', 'prompt: The SYN carries ACK.', 'answer: false'],
  numeric: ['type: numeric', "prompt: \"ISN 100: the server's ack?\"", 'answer: 101'],
  text: ['type: text', 'prompt: The server state after SYN,ACK?', 'accept: [SYN-RECEIVED]'],
  order: ['type: order', 'prompt: Order them.', 'steps:', '  - SYN', '  - SYN,ACK', '  - ACK'],
  recall: ['type: recall', 'prompt: Why three segments?', 'answer: Both ISNs must be acknowledged.', 'keyPoints:', '  - both ISNs'],
};
const TYPES = Object.keys(QUIZZES);

function lesson(): Lesson {
  const body = TYPES.flatMap((t) => ['```quiz', `id: h-${t}`, ...QUIZZES[t], 'explanation: Because.', 'hints:', `  - First hint for ${t}.`, `  - Second hint for ${t}.`, '```', '', 'Some text between the quizzes.', '']);
  const r = parseLesson([...FRONT, ...body].join('\n'), 'hints.md');
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.lesson!;
}

function env(lessons: Lesson[]): ShellEnv {
  return {
    registry: SCREENS,
    tooSmall: false,
    ctx: (s: ShellState): AppContext => ({ width: 80, height: 21, ascii: false, color: false, lessons, broken: [], progress: s.progress, now: T0, dayOf: utcDay }),
  };
}

const key = (s: ShellState, e: ShellEnv, k: string) => shellUpdate(s, { type: 'key', key: k }, e)[0];

/** The hint row's first key as the footer shows it ('h', 'Ctrl+T', 'h/Tab' ...), as a KeyName. */
function hintKey(s: ShellState, e: ShellEnv): string | null {
  const row = keymapOf(s, e.ctx(s)).find((a) => a.cmd.id === 'question.hint' || a.cmd.id === 'quiz.answered-hint' || a.cmd.id === 'reader.hint');
  if (!row || row.footer === false) return null;
  const first = row.cmd.display.split('/')[0]!;
  return first === 'Ctrl+T' ? 'ctrl-t' : first === 'Tab' ? 'tab' : first;
}

describe('a hint is always reachable', () => {
  it('in a lesson: every quiz type, focused, shows its hint with the key the footer names (before and after answering)', () => {
    const l = lesson();
    const e = env([l]);
    let s = initShell([{ screen: 'lesson', lessonId: 'hints' }], emptyProgress(), null, e);
    const st = () => topOf(s)!.state as LessonState;
    for (const t of TYPES) {
      const block = l.blocks.findIndex((b) => b.type === 'quiz' && b.question.id.endsWith(`h-${t}`));
      for (let i = 0; i < 20 && st().focus !== block; i++) s = key(s, e, 'tab');
      expect(st().focus, t).toBe(block);
      const k = hintKey(s, e);
      expect(k, `${t}: hint row in the footer`).not.toBeNull();
      s = key(s, e, k!);
      expect(st().quizzes[block]!.hintsShown, `${t}: ${k} shows the first hint`).toBe(1);
      if (t === 'recall') {
        // Revealed: the grade step still offers the second hint, and its key shows it.
        s = key(s, e, 'enter');
        const k2 = hintKey(s, e);
        if (k2) {
          s = key(s, e, k2);
          expect(st().quizzes[block]!.hintsShown, `${t} revealed: ${k2}`).toBe(2);
        }
      }
    }
  });

  it('in a drill: every quiz type shows its hint with the key the footer names, at every step that shows one', () => {
    const l = lesson();
    const e = env([l]);
    let s = initShell([{ screen: 'quiz', options: { mode: 'drill', topics: ['handshake'], count: 40, seed: 1 } }], emptyProgress(), null, e);
    const st = () => topOf(s)!.state as QuizScreenState;
    const seen = new Set<string>();
    const has = (id: string) => keymapOf(s, e.ctx(s)).some((a) => a.cmd.id === id);
    for (let n = 0; n < 400 && st().engine.phase !== 'done'; n++) {
      const eng = st().engine;
      const q = eng.questions[eng.index]!;
      if (eng.phase === 'answered') {
        s = key(s, e, 'enter');
        continue;
      }
      if (/(^|\/)h-/.test(q.id) && !seen.has(q.type + eng.phase)) {
        seen.add(q.type + eng.phase);
        // A recall question keeps its second hint for the grade step.
        for (let h = 0; h < (q.type === 'recall' && eng.phase === 'asking' ? 1 : 3); h++) {
          const k = hintKey(s, e);
          const before = st().engine.hintsShown;
          if (!k) {
            // No hint row: only when none is left, or the step cannot take one.
            expect(eng.phase === 'revealed' || before === q.hints.length, `${q.type} ${eng.phase}: no hint row while hints are left`).toBe(true);
            break;
          }
          s = key(s, e, k);
          expect(st().engine.hintsShown, `${q.type} ${st().engine.phase}: ${k} shows a hint`).toBe(before + 1);
        }
      }
      // Answer it with the keys its rows name.
      if (has('question.grade')) s = key(s, e, '3');
      else if (has('question.type')) s = key(s, e, has('question.reveal') ? 'enter' : '1'), (s = has('question.answer') ? key(s, e, 'enter') : s);
      else s = key(s, e, 'enter');
    }
    expect([...seen].filter((x) => x.endsWith('asking')).length).toBe(TYPES.length);
    expect(seen.has('recallrevealed')).toBe(true);
    expect(seen.size).toBeGreaterThan(0);
  });
});
