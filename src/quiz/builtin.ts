/**
 * Built-in interview questions: at least one per topic, so every topic can be drilled even before
 * (or without) the lesson files. Ids `core/<slug>`; never change an id once published (review
 * history keys on it). Each names the lesson to reread for it.
 *
 * This file holds what both languages share: id, type, topics and the answer keys (which choices
 * are right, the number, true or false). The words (prompt, choices, model answer, key points,
 * explanation, hints) are in the catalogue `BUILTIN_TEXT` (./builtin/strings.ts), en and zh-CN,
 * keyed by slug; `builtinQuestions(lang)` puts the two together, so a question answered in Chinese
 * is the same card (same id, same keys) as in English, as lesson questions are (a zh-CN lesson has
 * its English twin's ids and keys).
 */
import { getLang, withLang, type Lang } from '../i18n/index.js';
import type { Choice, Question, Topic } from './types.js';
import { lessonForTopic } from './topics.js';
import { BUILTIN_TEXT } from './builtin/strings.js';

/** What a question is, apart from its words. `correct`: per choice, in the catalogue's order. */
type Key =
  | { id: string; type: 'recall' | 'order'; topics: Topic[] }
  | { id: string; type: 'single' | 'multi'; topics: Topic[]; correct: boolean[] }
  | { id: string; type: 'numeric'; topics: Topic[]; answer: number }
  | { id: string; type: 'truefalse'; topics: Topic[]; answer: boolean };

export const BUILTIN_KEYS: readonly Key[] = [
  { id: 'core/client-server-roles', type: 'recall', topics: ['architecture'] },
  { id: 'core/osi-layers', type: 'order', topics: ['osi-model'] },
  { id: 'core/osi-encapsulation', type: 'recall', topics: ['osi-model'] },
  { id: 'core/dst-mac-next-hop', type: 'single', topics: ['ethernet-mac'], correct: [false, true, false] },
  { id: 'core/arp', type: 'recall', topics: ['ip-arp'] },
  { id: 'core/ports-four-tuple', type: 'recall', topics: ['ports'] },
  { id: 'core/well-known-http-port', type: 'numeric', topics: ['ports', 'http'], answer: 80 },
  { id: 'core/tcp-vs-udp', type: 'recall', topics: ['tcp-vs-udp', 'udp'] },
  { id: 'core/udp-header', type: 'truefalse', topics: ['udp'], answer: false },
  { id: 'core/tcp-header-fields', type: 'multi', topics: ['tcp-header'], correct: [true, true, false, true, false] },
  { id: 'core/why-three-way', type: 'recall', topics: ['handshake'] },
  { id: 'core/handshake-ack', type: 'numeric', topics: ['handshake'], answer: 1001 },
  { id: 'core/lost-segment', type: 'recall', topics: ['reliability'] },
  { id: 'core/why-four-close', type: 'recall', topics: ['close'] },
  { id: 'core/time-wait-why', type: 'recall', topics: ['time-wait'] },
  { id: 'core/time-wait-who', type: 'single', topics: ['time-wait', 'close'], correct: [true, false, false] },
  { id: 'core/syn-flood', type: 'recall', topics: ['syn-flood'] },
  { id: 'core/socket-calls', type: 'order', topics: ['sockets-api'] },
  { id: 'core/listen-backlog', type: 'recall', topics: ['sockets-api'] },
  { id: 'core/http-over-tcp', type: 'recall', topics: ['http'] },
  { id: 'core/flow-control', type: 'recall', topics: ['flow-control'] },
  { id: 'core/congestion-control', type: 'recall', topics: ['congestion-control'] },
  { id: 'core/tcp-vs-http-keepalive', type: 'recall', topics: ['keepalive'] },
  { id: 'core/epoll-vs-select', type: 'recall', topics: ['io-models'] },
  { id: 'core/http2-vs-http1', type: 'recall', topics: ['http-versions'] },
  { id: 'core/tls13-handshake', type: 'recall', topics: ['tls'] },
  { id: 'core/dns-resolution', type: 'recall', topics: ['dns'] },
  { id: 'core/nat-pat', type: 'recall', topics: ['nat'] },
  { id: 'core/close-wait-pileup', type: 'recall', topics: ['operations'] },
];

/** The words of one question, whatever its type (the catalogue's entries are each a subset). */
interface Words {
  prompt: string;
  answer?: string;
  keyPoints?: readonly string[];
  steps?: readonly string[];
  choices?: readonly { text: string; why?: string }[];
  explanation?: string;
  hints?: readonly string[];
}

/** The question `k` in the current language (its words from BUILTIN_TEXT). */
function build(k: Key): Question {
  const slug = k.id.slice('core/'.length);
  // Every key has its words and every choice its key: test/i18n/builtin-zh.test.tsx checks both.
  const w = (BUILTIN_TEXT as unknown as Record<string, Words>)[slug]!;
  const base = {
    id: k.id,
    prompt: w.prompt,
    explanation: w.explanation ?? (k.type === 'recall' ? (w.answer ?? '') : ''),
    hints: [...(w.hints ?? [])],
    topics: [...k.topics],
    lessonId: lessonForTopic(k.topics[0]!),
  };
  switch (k.type) {
    case 'recall':
      return { ...base, type: 'recall', answer: w.answer ?? '', keyPoints: [...(w.keyPoints ?? [])] };
    case 'order':
      return { ...base, type: 'order', steps: [...(w.steps ?? [])] };
    case 'numeric':
      return { ...base, type: 'numeric', answer: k.answer };
    case 'truefalse':
      return { ...base, type: 'truefalse', answer: k.answer };
    case 'single':
    case 'multi': {
      const choices: Choice[] = (w.choices ?? []).map((c, i) => ({ text: c.text, correct: k.correct[i]!, ...(c.why !== undefined ? { why: c.why } : {}) }));
      return { ...base, type: k.type, choices };
    }
  }
}

const byLang = new Map<Lang, readonly Question[]>();

/** The built-in questions in `lang` (default: the current language), built once per language. */
export function builtinQuestions(lang: Lang = getLang()): readonly Question[] {
  let qs = byLang.get(lang);
  if (!qs) {
    qs = withLang(lang, () => BUILTIN_KEYS.map(build));
    byLang.set(lang, qs);
  }
  return qs;
}

/** The built-in questions in English (tests and tools that want the reference text). */
export const BUILTIN_QUESTIONS: readonly Question[] = builtinQuestions('en');
