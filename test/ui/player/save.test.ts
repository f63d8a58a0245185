/**
 * Issue 14: "save as .tcp" from the player writes a script that replays the same run, drops
 * included (`drop segment N` lines armed before the first action).
 */
import { describe, it, expect } from 'vitest';
import { runSource, SCENARIOS } from '../../../src/tcp/index.js';
import { defaultSavePath, playerScript } from '../../../src/ui/player/save.js';
import type { Trace } from '../../../src/tcp/types.js';

/** The events without their explanation texts (a drop's reason names how it was asked for). */
const shape = (t: Trace) => JSON.stringify(t.events.map((e) => ({ ...e, explain: undefined, dropReason: undefined })));

describe('player: save as .tcp', () => {
  it('without drops the script is the source as run', () => {
    expect(playerScript({ source: 'client connect', dropIds: [], name: 'x' })).toBe('client connect\n');
  });

  it('drops become `drop segment N` lines after the options, and the saved script replays the same run', () => {
    let checked = 0;
    for (const sc of SCENARIOS.filter((_, i) => i % 3 === 0)) {
      const r = runSource(sc.source, { name: sc.name });
      if (!r.ok) continue;
      const ids = r.trace.events.flatMap((e) => (e.type === 'segment' && e.fate === 'delivered' ? [e.id] : [])).slice(0, 2);
      for (const id of ids) {
        const withDrop = runSource(sc.source, { name: sc.name, dropSegmentIds: [id] });
        const saved = playerScript({ source: sc.source, dropIds: [id], name: sc.name });
        expect(saved).toContain(`drop segment ${id}\n`);
        const replay = runSource(saved, { name: sc.name });
        expect(withDrop.ok && replay.ok).toBe(true);
        if (withDrop.ok && replay.ok) expect(shape(replay.trace), `${sc.name} #${id}`).toBe(shape(withDrop.trace));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the default file name comes from the scenario or script name', () => {
    expect(defaultSavePath('handshake')).toBe('./handshake.tcp');
    expect(defaultSavePath('/tmp/runs/my run.tcp')).toBe('./my-run.tcp');
    expect(defaultSavePath('-')).toBe('./synack-diagram.tcp');
    expect(defaultSavePath('../..')).toBe('./synack-diagram.tcp');
  });
});
