/**
 * Every user-facing message of the lesson parser, loader and checker (English).
 * A zh-CN catalogue can sit beside this one with the same shape.
 */
import { catalogue, type Translation } from '../i18n/index.js';
const LESSON_MESSAGES_EN = {
  // front matter
  noFrontMatter: "missing front matter: the file must start with a line '---'",
  unclosedFrontMatter: "front matter is not closed: add a line '---' after it",
  emptyFrontMatter: 'the front matter is empty',
  frontMatterNotMap: 'the front matter must be a YAML mapping (key: value lines)',

  // YAML and fields
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  yamlUnclosedQuote: (q: string) => `YAML syntax error: the quoted text starting here is never closed (missing ${q})`,
  yamlUnclosedFlow: (open: string, close: string) =>
    `YAML syntax error: the '${open}' starting here is never closed (missing '${close}')`,
  missingField: (field: string) => `missing field '${field}'`,
  unknownField: (field: string, suggestion: string | null) =>
    suggestion ? `unknown field '${field}' (did you mean '${suggestion}'?)` : `unknown field '${field}'`,
  wrongType: (field: string, expected: string) => `'${field}' must be ${expected}`,
  /** What wrongType's `expected` says for each zod type. */
  expectedTypes: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
  } as Record<string, string>,
  textLooksLikeMap: (field: string) =>
    `'${field}' must be text, but YAML read a 'key: value' pair: put the text in quotes (it contains ': ')`,
  tooFewItems: (field: string, min: number) =>
    min === 1 ? `'${field}' must not be empty` : `'${field}' needs at least ${min} items`,
  tooManyItems: (field: string, max: number) => `'${field}' has more than ${max} items`,
  emptyString: (field: string) => `'${field}' must not be empty`,
  tooSmall: (field: string, min: number) => `'${field}' must be at least ${min}`,
  tooBig: (field: string, max: number) => `'${field}' must be at most ${max}`,
  notKebab: (field: string, value: string) =>
    `'${field}' must be kebab-case (lower-case letters, digits and '-'), got '${value}'`,
  notInteger: (field: string) => `'${field}' must be a whole number`,
  unknownTopic: (topic: string) => `unknown topic '${topic}'`,
  badEnum: (field: string, value: string, allowed: readonly string[]) =>
    `'${field}' is '${value}', expected one of: ${allowed.join(', ')}`,
  invalidValue: (field: string) => `'${field}' has an invalid value`,

  // quiz
  quizNotMap: 'a quiz block must be a YAML mapping (id:, type:, prompt:, ...)',
  quizSingleCorrect: (n: number) =>
    `a 'single' question needs exactly one correct choice, found ${n}`,
  quizMultiCorrect: "a 'multi' question needs at least one correct choice",
  quizOrderSteps: (n: number) => `an 'order' question needs at least three steps, found ${n}`,
  quizNumericAnswer: "a 'numeric' question needs a numeric 'answer'",
  quizDuplicateChoice: (text: string) => `choice '${text}' appears twice`,
  quizDuplicateId: (id: string, line: number) => `duplicate question id '${id}' (first used on line ${line})`,

  // layers
  layersNotMap: 'a layers block must be a YAML mapping (title:, payload:, layers:)',

  // tcp
  tcpEmpty: 'the tcp block is empty',
  tcpUnknownScenario: (name: string, known: readonly string[]) =>
    known.length > 0
      ? `unknown scenario '${name}' (built-in scenarios: ${known.join(', ')})`
      : `unknown scenario '${name}'`,
  tcpScenarioLine: "after 'scenario:' only 'caption:', 'chart:' and 'option ...' lines are allowed",
  tcpChartEmpty: (known: readonly string[]) => `'chart:' needs the series to draw: one or more of ${known.join(', ')} (comma-separated), or all`,
  tcpChartUnknown: (name: string, known: readonly string[]) => `unknown chart series '${name}' (known: ${known.join(', ')})`,
  tcpChartTwice: (name: string) => `chart series '${name}' given twice`,
  tcpScenarioTwice: "'scenario:' given twice",
  tcpScript: (message: string) => `tcp script: ${message}`,
  tcpScenarioScript: (name: string, message: string) => `tcp scenario '${name}': ${message}`,
  tcpModelMissing: 'the TCP model is not available, the tcp block was not checked',

  // text
  controlChar: (code: number) => `raw control character ${codePoint(code)} (${controlName(code)}); remove it`,
  escapeSequence: (kind: string) => `terminal escape sequence (${kind}) in the text; remove it`,
  bidiChar: (code: number) => `invisible bidirectional control character ${codePoint(code)}; remove it`,
  lineTooWide: (width: number, max: number) => `code block line is ${width} columns wide (at most ${max} fit the reader)`,

  // across lessons
  duplicateLessonId: (id: string, other: string) => `duplicate lesson id '${id}' (also in ${other})`,
  unknownPrerequisite: (id: string) => `prerequisite '${id}' is not a lesson id`,
  selfPrerequisite: (id: string) => `lesson '${id}' lists itself as a prerequisite`,
  duplicateOrder: (order: number, other: string) => `order ${order} is also used by ${other}`,

  // limits (docs/limits.md)
  fileTooBig: (bytes: number, max: number) =>
    `the file has ${bytes} bytes; a lesson may have at most ${max} (split it into several lessons)`,
  lineTooLong: (chars: number, max: number) => `this line has ${chars} characters; a line may have at most ${max}`,
  nestedTooDeep: (max: number) => `quotes and lists nest more than ${max} levels deep here`,
  invalidUtf8: (offset: number) => `the file is not valid UTF-8 (byte ${offset}); save it as UTF-8`,
  yamlTooManyAliases: (max: number) => `YAML uses more than ${max} aliases (*name); write the values out`,
  notRegularFile: 'not a regular file (a pipe, device or directory named *.md); not read',
  prerequisiteCycle: (cycle: readonly string[]) => `prerequisites form a cycle: ${cycle.join(' -> ')}`,

  // loader
  badLessonId: (id: string) => `'${id}' is not a lesson id (lower-case letters, digits and '-')`,
  lessonNotFound: (id: string) => `no lesson with id '${id}'`,
  cannotRead: (detail: string) => `cannot read: ${detail}`,
  notADirectory: (dir: string) => `not a lessons directory: ${dir}`,
  noLessons: (dir: string) => `no lesson files (*.md) in ${dir}`,
  outsideLessonsDir: 'this file is a link that points outside the lessons directory; not loaded',

  warning: 'warning',
  summaryAllGood: 'all good',
  /** The summary's parts (counts, then errors and warnings) joined, and the counts before the verdict. */
  summaryList: (parts: readonly string[]) => parts.join(', '),
  summaryLine: (counts: string, verdict: string) => `${counts}: ${verdict}`,
  summaryWarnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
  summaryErrors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
  summaryLessons: (n: number) => `${n} lesson${n === 1 ? '' : 's'}`,
  summaryQuestions: (n: number, perType: string) => `${n} question${n === 1 ? '' : 's'}${perType ? ` (${perType})` : ''}`,
  summaryDiagrams: (n: number) => `${n} diagram${n === 1 ? '' : 's'}`,
  summaryLayers: (n: number) => `${n} layer figure${n === 1 ? '' : 's'}`,

  // translations (a zh-CN twin DIR/zh-CN/NN-x.md of DIR/NN-x.md; docs/lesson-format.md)
  /** Shown beside a lesson that has no translation in the chosen language (the English one is shown). */
  englishFallback: '(English)',
  summaryTranslations: (n: number, lang: string) => `${n} ${lang} translation${n === 1 ? '' : 's'}`,
  translationWithoutTwin: (name: string) =>
    `no English lesson '${name}' for this translation (a translation has the file name of its English twin)`,
  translationNotADirectory: (dir: string) => `not a translations directory: ${dir}`,
  parityField: (field: string, mine: string, english: string) => `'${field}' is ${mine}, the English lesson has ${english}`,
  paritySections: (mine: number, english: number) => `${mine} '##' sections, the English lesson has ${english} (keep the same sections in the same order)`,
  parityQuizMissing: (id: string) => `quiz '${id}' of the English lesson is missing here`,
  parityQuizExtra: (id: string) => `quiz '${id}' is not in the English lesson`,
  parityQuizOrder: (id: string, mine: number, english: number) =>
    `quiz '${id}' is question ${mine} here, question ${english} in the English lesson (keep the English order)`,
  parityQuizType: (id: string, mine: string, english: string) => `quiz '${id}': type is '${mine}', the English one is '${english}'`,
  parityQuizKey: (id: string, key: string, mine: string, english: string) =>
    `quiz '${id}': '${key}' is ${mine}, the English quiz has ${english}`,
  parityQuizCount: (id: string, key: string, mine: number, english: number) =>
    `quiz '${id}': ${mine} '${key}' items, the English quiz has ${english}`,
  parityQuizCorrect: (id: string, mine: string, english: string) =>
    `quiz '${id}': the correct choices are ${mine}, the English quiz's are ${english}`,
  parityNone: 'none',
  parityAcceptMissing: (id: string, missing: readonly string[]) =>
    `quiz '${id}': 'accept' lacks the English answer${missing.length === 1 ? '' : 's'} ${missing.map((a) => `'${a}'`).join(', ')} (keep them and add the translated ones)`,
  parityBlockCount: (kind: string, mine: number, english: number) => `${mine} ${kind} block${mine === 1 ? '' : 's'}, the English lesson has ${english}`,
  parityTcp: (n: number, mineLine: string, englishLine: string) =>
    `tcp block ${n} differs from the English one: '${mineLine}' where the English script has '${englishLine}' (only the caption and comments may be translated)`,
  parityLayersPayload: (n: number, mine: string, english: string) =>
    `layers block ${n}: the payload is '${mine}', the English block's is '${english}' (only title, name, header and note may be translated)`,
  parityLayersCount: (n: number, mine: number, english: number) => `layers block ${n}: ${mine} layers, the English block has ${english}`,
  parityLayersTrailer: (n: number, layer: number, english: boolean) =>
    english
      ? `layers block ${n}: layer ${layer} has no trailer, the English one has`
      : `layers block ${n}: layer ${layer} has a trailer, the English one has none`,
} as const;

function codePoint(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

function controlName(code: number): string {
  if (code < 0x20) return C0_NAMES[code]!;
  if (code === 0x7f) return 'DEL';
  if (code === 0x9b) return 'CSI';
  if (code === 0x9d) return 'OSC';
  return 'C1 control';
}

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
const LESSON_MESSAGES_ZH: Translation<typeof LESSON_MESSAGES_EN> = {
  noFrontMatter: "缺少 front matter：文件必须以一行 '---' 开头",
  unclosedFrontMatter: "front matter 没有结束：请在其后加一行 '---'",
  emptyFrontMatter: 'front matter 是空的',
  frontMatterNotMap: 'front matter 必须是 YAML 映射（key: value 形式的行）',

  yamlSyntax: (detail) => `YAML 语法错误：${detail}`,
  yamlUnclosedQuote: (q) => `YAML 语法错误：从这里开始的引号文本没有结束（缺少 ${q}）`,
  yamlUnclosedFlow: (open, close) => `YAML 语法错误：从这里开始的 '${open}' 没有结束（缺少 '${close}'）`,
  missingField: (field) => `缺少字段 '${field}'`,
  unknownField: (field, suggestion) => (suggestion ? `未知字段 '${field}'（你是不是想写 '${suggestion}'？）` : `未知字段 '${field}'`),
  wrongType: (field, expected) => `'${field}' 必须是${expected}`,
  expectedTypes: {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: 'true 或 false',
    array: '列表',
    object: '映射（key: value）',
  },
  textLooksLikeMap: (field) => `'${field}' 必须是文本，但 YAML 把它读成了 'key: value' 键值对：请给文本加上引号（其中含有 ': '）`,
  tooFewItems: (field, min) => (min === 1 ? `'${field}' 不能为空` : `'${field}' 至少需要 ${min} 项`),
  tooManyItems: (field, max) => `'${field}' 超过了 ${max} 项`,
  emptyString: (field) => `'${field}' 不能为空`,
  tooSmall: (field, min) => `'${field}' 不能小于 ${min}`,
  tooBig: (field, max) => `'${field}' 不能大于 ${max}`,
  notKebab: (field, value) => `'${field}' 必须是 kebab-case 格式（小写字母、数字和 '-'），实际是 '${value}'`,
  notInteger: (field) => `'${field}' 必须是整数`,
  unknownTopic: (topic) => `未知主题 '${topic}'`,
  badEnum: (field, value, allowed) => `'${field}' 的值是 '${value}'，应为以下之一：${allowed.join(', ')}`,
  invalidValue: (field) => `'${field}' 的值无效`,

  quizNotMap: 'quiz 块必须是 YAML 映射（id:、type:、prompt: 等）',
  quizSingleCorrect: (n) => `'single' 题必须恰好有一个正确选项，实际有 ${n} 个`,
  quizMultiCorrect: "'multi' 题至少需要一个正确选项",
  quizOrderSteps: (n) => `'order' 题至少需要三个步骤，实际有 ${n} 个`,
  quizNumericAnswer: "'numeric' 题需要一个数字 'answer'",
  quizDuplicateChoice: (text) => `选项 '${text}' 出现了两次`,
  quizDuplicateId: (id, line) => `题目 id '${id}' 重复（第 ${line} 行已经用过）`,

  layersNotMap: 'layers 块必须是 YAML 映射（title:、payload:、layers:）',

  tcpEmpty: 'tcp 块是空的',
  tcpUnknownScenario: (name, known) =>
    known.length > 0 ? `未知场景 '${name}'（内置场景：${known.join(', ')}）` : `未知场景 '${name}'`,
  tcpScenarioLine: "'scenario:' 之后只允许 'caption:'、'chart:' 和 'option ...' 行",
  tcpChartEmpty: (known) => `'chart:' 需要给出要画的曲线：${known.join('、')} 中的一个或多个（用逗号分隔），或 all`,
  tcpChartUnknown: (name, known) => `未知的曲线 '${name}'（可用：${known.join('、')}）`,
  tcpChartTwice: (name) => `曲线 '${name}' 重复给出`,
  tcpScenarioTwice: "'scenario:' 出现了两次",
  tcpScript: (message) => `tcp 脚本：${message}`,
  tcpScenarioScript: (name, message) => `tcp 场景 '${name}'：${message}`,
  tcpModelMissing: 'TCP 模型不可用，没有检查这个 tcp 块',

  controlChar: (code) => `原始控制字符 ${codePoint(code)}（${controlName(code)}）；请删除它`,
  escapeSequence: (kind) => `文本中有终端转义序列（${kind}）；请删除它`,
  bidiChar: (code) => `不可见的双向文本控制字符 ${codePoint(code)}；请删除它`,
  lineTooWide: (width, max) => `代码块中这一行宽 ${width} 列（阅读器最多容纳 ${max} 列）`,

  duplicateLessonId: (id, other) => `课程 id '${id}' 重复（${other} 中也有）`,
  unknownPrerequisite: (id) => `先修课程 '${id}' 不是课程 id`,
  selfPrerequisite: (id) => `课程 '${id}' 把自己列为先修课程`,
  duplicateOrder: (order, other) => `顺序号 ${order} 已被 ${other} 使用`,

  fileTooBig: (bytes, max) => `文件有 ${bytes} 字节；一个课程最多 ${max} 字节（请拆成几个课程）`,
  lineTooLong: (chars, max) => `这一行有 ${chars} 个字符；一行最多 ${max} 个字符`,
  nestedTooDeep: (max) => `这里的引用和列表嵌套超过了 ${max} 层`,
  invalidUtf8: (offset) => `文件不是有效的 UTF-8（第 ${offset} 字节）；请以 UTF-8 保存`,
  yamlTooManyAliases: (max) => `YAML 使用了超过 ${max} 个别名（*name）；请直接写出值`,
  notRegularFile: '不是普通文件（而是名为 *.md 的管道、设备或目录）；没有读取',
  prerequisiteCycle: (cycle) => `先修关系构成了循环：${cycle.join(' -> ')}`,

  badLessonId: (id) => `'${id}' 不是课程 id（只能用小写字母、数字和 '-'）`,
  lessonNotFound: (id) => `没有 id 为 '${id}' 的课程`,
  cannotRead: (detail) => `无法读取：${detail}`,
  notADirectory: (dir) => `不是课程目录：${dir}`,
  noLessons: (dir) => `${dir} 中没有课程文件（*.md）`,
  outsideLessonsDir: '这个文件是指向课程目录之外的链接；没有加载',

  warning: '警告',
  summaryAllGood: '全部正确',
  summaryList: (parts: readonly string[]) => parts.join('，'),
  summaryLine: (counts: string, verdict: string) => `${counts}：${verdict}`,
  summaryWarnings: (n) => `${n} 个警告`,
  summaryErrors: (n) => `${n} 个错误`,
  summaryLessons: (n) => `${n} 个课程`,
  summaryQuestions: (n, perType) => `${n} 道题${perType ? `（${perType}）` : ''}`,
  summaryDiagrams: (n) => `${n} 张时序图`,
  summaryLayers: (n) => `${n} 张分层图`,
  // translations and parity (issue 13)
  englishFallback: '（英文）',
  summaryTranslations: (n: number, lang: string) => `${n} 篇 ${lang} 译文`,
  translationWithoutTwin: (name: string) => `没有与这篇译文对应的英文课程 '${name}'（译文的文件名必须与英文原文相同）`,
  translationNotADirectory: (dir: string) => `不是译文目录：${dir}`,
  parityField: (field: string, mine: string, english: string) => `'${field}' 为 ${mine}，英文课程为 ${english}`,
  paritySections: (mine: number, english: number) => `这里有 ${mine} 个 '##' 小节，英文课程有 ${english} 个（保持相同的小节和顺序）`,
  parityQuizMissing: (id: string) => `这里缺少英文课程中的测验 '${id}'`,
  parityQuizExtra: (id: string) => `测验 '${id}' 不在英文课程中`,
  parityQuizOrder: (id: string, mine: number, english: number) =>
    `测验 '${id}' 在这里是第 ${mine} 题，在英文课程中是第 ${english} 题（保持英文的顺序）`,
  parityQuizType: (id: string, mine: string, english: string) => `测验 '${id}'：类型为 '${mine}'，英文测验为 '${english}'`,
  parityQuizKey: (id: string, key: string, mine: string, english: string) => `测验 '${id}'：'${key}' 为 ${mine}，英文测验为 ${english}`,
  parityQuizCount: (id: string, key: string, mine: number, english: number) =>
    `测验 '${id}'：'${key}' 有 ${mine} 项，英文测验有 ${english} 项`,
  parityQuizCorrect: (id: string, mine: string, english: string) => `测验 '${id}'：正确选项为 ${mine}，英文测验为 ${english}`,
  parityNone: '无',
  parityAcceptMissing: (id: string, missing: readonly string[]) =>
    `测验 '${id}'：'accept' 缺少英文答案 ${missing.map((a) => `'${a}'`).join('、')}（保留英文答案，再加上中文答案）`,
  parityBlockCount: (kind: string, mine: number, english: number) => `这里有 ${mine} 个 ${kind} 块，英文课程有 ${english} 个`,
  parityTcp: (n: number, mineLine: string, englishLine: string) =>
    `第 ${n} 个 tcp 块与英文不同：这里是 '${mineLine}'，英文脚本是 '${englishLine}'（只有 caption 和注释可以翻译）`,
  parityLayersPayload: (n: number, mine: string, english: string) =>
    `第 ${n} 个 layers 块：payload 为 '${mine}'，英文块为 '${english}'（只有 title、name、header 和 note 可以翻译）`,
  parityLayersCount: (n: number, mine: number, english: number) => `第 ${n} 个 layers 块：有 ${mine} 层，英文块有 ${english} 层`,
  parityLayersTrailer: (n: number, layer: number, english: boolean) =>
    english ? `第 ${n} 个 layers 块：第 ${layer} 层没有 trailer，英文块有` : `第 ${n} 个 layers 块：第 ${layer} 层有 trailer，英文块没有`,
};

export const LESSON_MESSAGES = catalogue('lessons.LESSON_MESSAGES', { en: LESSON_MESSAGES_EN, 'zh-CN': LESSON_MESSAGES_ZH });
