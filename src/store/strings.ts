/** User-facing messages of the progress store (English). */
import { catalogue, type Translation } from '../i18n/index.js';
const STORE_STRINGS_EN = {
  empty: 'the file is empty',
  notJson: (m: string) => `it is not valid JSON (${m})`,
  future: (v: number) => `it was written by a newer synack (progress version ${v})`,
  schema: (where: string, m: string) => `it does not match the progress format at ${where}: ${m}`,
  readOnly: (dir: string) => `Progress will not be saved: ${dir} is not writable.`,
  unreadable: (file: string, m: string) => `Could not read ${file} (${m}); progress will not be saved this time.`,
  cannotKeepAside: (file: string, reason: string, m: string) =>
    `${file} is unusable (${reason}) and could not be moved aside (${m}); it was left untouched and progress will not be saved.`,
  keptAside: (file: string, reason: string, aside: string) =>
    `${file} was unusable (${reason}). It was kept as ${aside}; starting fresh.`,
  notRegular: (file: string) =>
    `${file} is not a regular file (a pipe, device or directory); it was not read and progress will not be saved.`,
  notRegularReason: 'it is not a regular file',
  tooBig: (size: number, max: number) => `it is ${size} bytes, more than the ${max} a progress file may have`,
  importOverBad: (file: string, reason: string) =>
    `${file} is unusable (${reason}); start synack once (it keeps the file aside), then import again`,
  imported: (
    file: string,
    r: { newAnswers: number; cardsTaken: number; futureCardsIgnored: number; lessonsUpdated: number; trimmed: number },
    backup: string | null,
    cards: number,
    answers: number,
  ) =>
    [
      `Imported ${file}:`,
      `  ${r.newAnswers} new answer${r.newAnswers === 1 ? '' : 's'} added to the history`,
      `  ${r.cardsTaken} review card${r.cardsTaken === 1 ? '' : 's'} taken from the import (reviewed more recently)`,
      ...(r.futureCardsIgnored > 0
        ? [`  ${r.futureCardsIgnored} imported card${r.futureCardsIgnored === 1 ? '' : 's'} ignored: reviewed at a date in the future`]
        : []),
      `  ${r.lessonsUpdated} lesson${r.lessonsUpdated === 1 ? '' : 's'} updated`,
      ...(r.trimmed > 0 ? [`  ${r.trimmed} oldest or future-dated answers dropped (the history keeps ${5000})`] : []),
      `Now ${cards} review cards and ${answers} answers recorded.`,
      backup ? `The file before the import was kept as ${backup}.` : 'There was no progress before the import.',
    ].join('\n'),
  saveFailed: (file: string, m: string) => `Could not save progress to ${file}: ${m}`,
  // Schema problems and name exhaustion (issue 13: they were inline in progress.ts).
  notIsoDate: 'not an ISO date',
  topLevel: '(top level)',
  invalidValue: 'invalid value',
  // What a schema check found, in our words (zod's own messages are English only).
  expectedType: (expected: string, got: string) => `expected ${expected}, found ${got}`,
  atLeast: (min: number | string) => `must be at least ${min}`,
  atMost: (max: number | string) => `must be at most ${max}`,
  oneOf: (values: string) => `must be one of ${values}`,
  mustBe: (value: string) => `must be ${value}`,
  missing: 'missing',
  unknownKeys: (keys: string) => `unknown field ${keys}`,
  typeNames: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', record: 'an object', array: 'a list', null: 'null', undefined: 'nothing' } as Record<string, string>,
  tooManyAside: (name: string) => `too many kept-aside files named ${name}`,
  tooManyBackups: (name: string) => `too many backups named ${name}`,
  lockHeld: (path: string) => `${path} is held by another synack process`,
};

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
const STORE_STRINGS_ZH: Translation<typeof STORE_STRINGS_EN> = {
  empty: '文件是空的',
  notJson: (m) => `不是有效的 JSON（${m}）`,
  future: (v) => `它由更新版本的 synack 写入（进度格式版本 ${v}）`,
  schema: (where, m) => `在 ${where} 处不符合进度文件格式：${m}`,
  readOnly: (dir) => `进度不会被保存：${dir} 不可写。`,
  unreadable: (file, m) => `无法读取 ${file}（${m}）；本次进度不会被保存。`,
  cannotKeepAside: (file, reason, m) => `${file} 无法使用（${reason}），也无法移到一旁（${m}）；文件保持原样，进度不会被保存。`,
  keptAside: (file, reason, aside) => `${file} 无法使用（${reason}）。已将它保留为 ${aside}；从头开始。`,
  notRegular: (file) => `${file} 不是普通文件（而是管道、设备或目录）；没有读取，进度不会被保存。`,
  notRegularReason: '它不是普通文件',
  tooBig: (size, max) => `它有 ${size} 字节，超过了进度文件的上限 ${max} 字节`,
  importOverBad: (file, reason) => `${file} 无法使用（${reason}）；请先启动一次 synack（它会把该文件移到一旁），再重新导入`,
  imported: (file, r, backup, cards, answers) =>
    [
      `已导入 ${file}：`,
      `  历史记录中新增 ${r.newAnswers} 条作答`,
      `  采用了导入文件中的 ${r.cardsTaken} 张复习卡片（它们的复习时间更近）`,
      ...(r.futureCardsIgnored > 0 ? [`  忽略了 ${r.futureCardsIgnored} 张导入的卡片：复习日期在未来`] : []),
      `  更新了 ${r.lessonsUpdated} 门课程`,
      ...(r.trimmed > 0 ? [`  丢弃了 ${r.trimmed} 条最早或日期在未来的作答（历史记录最多保留 ${5000} 条）`] : []),
      `现在共记录了 ${cards} 张复习卡片和 ${answers} 条作答。`,
      backup ? `导入之前的文件已保留为 ${backup}。` : '导入之前没有进度记录。',
    ].join('\n'),
  saveFailed: (file, m) => `无法把进度保存到 ${file}：${m}`,
  notIsoDate: '不是 ISO 格式的日期',
  topLevel: '（顶层）',
  invalidValue: '无效的值',
  expectedType: (expected, got) => `应为${expected}，实际是${got}`,
  atLeast: (min) => `不能小于 ${min}`,
  atMost: (max) => `不能大于 ${max}`,
  oneOf: (values) => `只能是 ${values} 之一`,
  mustBe: (value) => `必须是 ${value}`,
  missing: '缺少此字段',
  unknownKeys: (keys) => `未知字段 ${keys}`,
  typeNames: { string: '文本', number: '数字', int: '整数', boolean: 'true 或 false', object: '对象', record: '对象', array: '列表', null: 'null', undefined: '空' },
  tooManyAside: (name) => `名为 ${name} 的移到一旁的文件太多`,
  tooManyBackups: (name) => `名为 ${name} 的备份太多`,
  lockHeld: (path) => `${path} 正被另一个 synack 进程占用`,
};

export const STORE_STRINGS = catalogue('store.STORE_STRINGS', { en: STORE_STRINGS_EN, 'zh-CN': STORE_STRINGS_ZH });
