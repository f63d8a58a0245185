import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/store/progress.js';
import { emptyProgress } from '../../src/store/types.js';

describe('the language saved with the progress', () => {
  const file = (settings: Record<string, unknown>) => JSON.stringify({ ...emptyProgress(), settings });

  it('reads files from before the setting existed (no lang: the locale decides)', () => {
    const r = parseProgress(file({ streak: true, relative: false }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.progress.settings).toEqual({ streak: true, relative: false });
  });

  it('keeps a saved language', () => {
    const r = parseProgress(file({ streak: false, relative: false, lang: 'zh-CN' }));
    expect(r.ok && r.progress.settings.lang).toBe('zh-CN');
  });

  it('drops an unknown language instead of setting the whole file aside', () => {
    const r = parseProgress(file({ streak: false, relative: true, lang: 'klingon' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.progress.settings).toEqual({ streak: false, relative: true });
  });
});
