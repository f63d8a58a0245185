/** The TIME-WAIT bracket says what the profile waits: 2MSL in the rfc profile, Linux's fixed 60 s
 *  (TCP_TIMEWAIT_LEN) labelled TIME-WAIT, never "2MSL" (issue 10). */
import { describe, it, expect } from 'vitest';
import { render } from '../../src/diagram/render.js';
import { toMermaid } from '../../src/diagram/mermaid.js';
import { getScenario, runSource } from '../../src/tcp/index.js';

function trace(profile: 'rfc' | 'linux') {
  const r = runSource(getScenario('four-way-close')!.source, { profile });
  if (!r.ok) throw new Error('parse');
  return r.trace;
}

describe('the TIME-WAIT bracket per profile', () => {
  it('rfc: 2MSL 240s', () => {
    const text = render(trace('rfc'), { width: 120 }).join('\n');
    expect(text).toContain('2MSL 240s');
  });

  it('linux: TW 60s, no 2MSL anywhere (diagram at every width tier, Mermaid)', () => {
    const t = trace('linux');
    expect(render(t, { width: 120 }).join('\n')).toContain('TW 60s');
    for (const width of [36, 60, 80, 120, 200]) expect(render(t, { width }).join('\n')).not.toContain('2MSL');
    expect(toMermaid(t)).not.toContain('2MSL');
  });
});
