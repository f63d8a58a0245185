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
};

// zh-CN (the same shape; the parity test in test/i18n/catalogues.test.ts checks keys, arity and placeholders).
// TODO(i18n step 2): translate.
const STORE_STRINGS_ZH: Translation<typeof STORE_STRINGS_EN> = STORE_STRINGS_EN;

export const STORE_STRINGS = catalogue('store.STORE_STRINGS', { en: STORE_STRINGS_EN, 'zh-CN': STORE_STRINGS_ZH });
