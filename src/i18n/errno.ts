/**
 * A file-system error in plain words, in the current language (the ERRNO table of ./strings.ts):
 * the one helper behind fsReason (src/cli/safe.ts), the lesson loader's and the progress store's
 * messages. Pure: it reads the error's `code` and `message`, nothing else.
 */
import { ERRNO } from './strings.js';

/** "no such file or directory", "没有权限" ...; an unknown code: Node's words, then the code. */
export function errnoReason(e: unknown): string {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  const reasons = ERRNO.reasons as Record<string, string>;
  if (typeof code === 'string' && Object.hasOwn(reasons, code)) return reasons[code]!;
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split('\n')[0] ?? '';
  // Node's text is "CODE: the reason, syscall 'path'": keep the reason, put the code after it.
  const m = /^(E[A-Z0-9]+): ([^,]+)/.exec(first);
  if (m) return ERRNO.other(m[2]!, m[1]!);
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return first.trim() === '' ? ERRNO.bare(code) : ERRNO.other(first, code);
  return first;
}
