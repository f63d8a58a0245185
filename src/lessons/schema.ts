/**
 * zod schemas for everything a lesson file carries in YAML: front matter, quiz blocks, layers
 * blocks. Validation at the edge; the parsed values are the contract types. Pure.
 */
import { z } from 'zod';
import { TOPICS, QUESTION_TYPES } from '../quiz/types.js';
import { KEBAB } from './types.js';

export { KEBAB };

const text = z.string().trim().min(1);
const kebab = z.string().regex(KEBAB);
const topic = z.enum(TOPICS);
/** Lists of short strings: YAML numbers (`- 101`) are accepted and turned into text. */
const textItem = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text);

export const FrontMatterSchema = z.strictObject({
  id: kebab,
  title: text,
  order: z.number().int().min(0),
  summary: text,
  objectives: z.array(text).min(1),
  topics: z.array(topic).min(1),
  minutes: z.number().int().min(1).max(60),
  prerequisites: z.array(kebab).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const ChoiceSchema = z.preprocess(
  (v) => (typeof v === 'string' || typeof v === 'number' ? { text: String(v) } : v),
  z.strictObject({
    text: textItem,
    correct: z.boolean().default(false),
    why: text.optional(),
  }),
);

const common = {
  id: kebab,
  type: z.enum(QUESTION_TYPES),
  prompt: text,
  explanation: text,
  hints: z.array(text).optional(),
  topics: z.array(topic).min(1).optional(),
};

export const QuestionTypeSchema = z.object({ type: z.enum(QUESTION_TYPES) });

export const QUIZ_SCHEMAS = {
  single: z.strictObject({ ...common, type: z.literal('single'), choices: z.array(ChoiceSchema).min(2) }),
  multi: z.strictObject({ ...common, type: z.literal('multi'), choices: z.array(ChoiceSchema).min(2) }),
  truefalse: z.strictObject({ ...common, type: z.literal('truefalse'), answer: z.boolean() }),
  order: z.strictObject({ ...common, type: z.literal('order'), steps: z.array(textItem) }),
  numeric: z.strictObject({
    ...common,
    type: z.literal('numeric'),
    answer: z.number(),
    tolerance: z.number().min(0).optional(),
    unit: text.optional(),
  }),
  text: z.strictObject({ ...common, type: z.literal('text'), accept: z.array(textItem).min(1) }),
  recall: z.strictObject({
    ...common,
    type: z.literal('recall'),
    answer: text,
    keyPoints: z.array(text).min(1),
  }),
} as const;

export const LayersSchema = z.strictObject({
  title: text.optional(),
  payload: text,
  layers: z
    .array(
      z.strictObject({
        name: text,
        header: text,
        trailer: text.optional(),
        note: text.optional(),
      }),
    )
    .min(1),
});
