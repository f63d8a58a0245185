/** User-facing messages of the progress store (English). */
export const STORE_STRINGS = {
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
  saveFailed: (file: string, m: string) => `Could not save progress to ${file}: ${m}`,
};
