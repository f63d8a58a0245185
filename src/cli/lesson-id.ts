/**
 * `synack learn ID`: which lesson ID names (pure). The exact id; the number the lesson list shows
 * (`synack learn 8`); a unique prefix of an id (`three-way`); a word of a title or an id
 * (`handshake`). More than one match is an error that lists them, never a guess.
 */
export interface LessonRef {
  id: string;
  order: number;
  title: string;
}

export type LessonQuery = { ok: true; id: string } | { ok: false; candidates: string[] };

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The lessons in list order (by order, then id), as the lesson list numbers them. */
export function listOrder(lessons: LessonRef[]): LessonRef[] {
  return [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function resolveLessonQuery(query: string, lessons: LessonRef[]): LessonQuery {
  const q = query.trim().toLowerCase();
  const sorted = listOrder(lessons);
  const exact = sorted.find((l) => l.id === q);
  if (exact) return { ok: true, id: exact.id };
  if (/^\d+$/.test(q)) {
    const n = Number(q);
    const l = sorted[n - 1];
    return l ? { ok: true, id: l.id } : { ok: false, candidates: [] };
  }
  const prefix = sorted.filter((l) => l.id.startsWith(q));
  if (prefix.length === 1) return { ok: true, id: prefix[0].id };
  if (prefix.length > 1) return { ok: false, candidates: prefix.map((l) => l.id) };
  const qw = words(q);
  const byWord = sorted.filter((l) => {
    const w = new Set([...words(l.title), ...l.id.split('-')]);
    return qw.length > 0 && qw.every((x) => w.has(x));
  });
  if (byWord.length === 1) return { ok: true, id: byWord[0].id };
  return { ok: false, candidates: byWord.map((l) => l.id) };
}
