/**
 * Public API of the lesson engine (pure parts). The file-system loader is in ./load.js.
 *
 *   parseLesson(text, file, options?)  -> { lesson?, problems, positions? }
 *   readMeta(text, file)               -> { meta?, problems }   (front matter only)
 *   splitFrontMatter(text)             -> the YAML and the body, with their first lines
 *   checkLessons(files, options?)      -> { lessons, problems, summary }   (synack check)
 *   formatProblem(p), formatSummary(s) -> the lines synack check prints
 *   sanitizeText(s), findUnsafe(s)     -> neutralise / find control characters and escape sequences
 *   decodeEntities(s)                  -> HTML character references decoded
 */
export * from './types.js';
export { parseLesson, sortProblems, type ParseOptions, type ParseResult } from './parse.js';
export { readMeta, splitFrontMatter, type FrontMatterSplit, type MetaResult, type MetaPositions } from './frontmatter.js';
export {
  checkLessons,
  formatProblem,
  formatSummary,
  unsafeTextProblems,
  type CheckResult,
  type CheckSummary,
  type LessonFile,
} from './validate.js';
export { sanitizeText, findUnsafe, type UnsafeSpan, type SanitizeOptions } from './sanitize.js';
export { decodeEntities } from './inline.js';
export { defaultTcpModel, parseTcpBlock, checkTcpBlock, type TcpModel, type ParsedTcp } from './tcp.js';
export { KEBAB } from './schema.js';
export { LESSON_MESSAGES } from './strings.js';
