/**
 * The question bank of a session: lesson questions, the built-in interview questions (in the
 * current language: src/quiz/builtin.ts), and questions generated from the TCP model (fresh per
 * seed; due or mistaken generated cards are regenerated from their ids).
 */
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';
import { builtinQuestions } from './builtin.js';
import { generateById, generateQuestions, parseGenId, type TcpRunner } from './generate.js';
import { dueIds } from './srs.js';
import type { Question, Topic } from './types.js';

export interface BankInput {
  lessons?: readonly Lesson[];
  seed: number;
  topics?: readonly Topic[];
  /** How many fresh generated questions to add (needs `run`). */
  generated?: number;
  progress?: Progress;
  now?: number;
  /** The TCP model; without it there are no generated questions. */
  run?: TcpRunner;
  /** Include the built-in questions (default true). */
  builtin?: boolean;
}

/** At most this many generated cards are regenerated for review/mistakes. */
const REGEN_LIMIT = 60;

export function buildBank(i: BankInput): Question[] {
  const out = new Map<string, Question>();
  const add = (q: Question) => {
    if (!out.has(q.id)) out.set(q.id, q);
  };
  for (const l of i.lessons ?? []) for (const q of l.questions) add(q);
  if (i.builtin !== false) for (const q of builtinQuestions()) add(q);
  if (i.run) {
    for (const q of generateQuestions(i.seed, i.generated ?? 0, i.topics ?? [], i.run)) add(q);
    if (i.progress) {
      const wanted = new Set([...(i.now === undefined ? [] : dueIds(i.progress, i.now)), ...Object.keys(i.progress.mistakes)]);
      let n = 0;
      for (const id of wanted) {
        if (n >= REGEN_LIMIT || out.has(id) || !parseGenId(id)) continue;
        try {
          const q = generateById(id, i.run);
          if (q) {
            add(q);
            n++;
          }
        } catch {
          // A card whose scenario no longer runs (the model changed) is skipped, not fatal.
        }
      }
    }
  }
  return [...out.values()];
}
