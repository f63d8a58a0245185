/**
 * The model worker's result crosses to the UI thread in parts (src/ui/worker/transfer.ts): read
 * one per turn of the event loop, they give back the same value, byte for byte.
 */
import { describe, it, expect } from 'vitest';
import { computeJob } from '../../../src/ui/model-job.js';
import { decodeAll, decodeParts, encodeParts, TRANSFER_EVENTS } from '../../../src/ui/worker/transfer.js';

const TRANSFER = 'option loss 1%\noption seed 7\nclient connect\nclient send 300000\nclient close\n';

describe('model job transfer', () => {
  it('splits a long trace into a header and slices of events, and reads them back unchanged', async () => {
    const v = computeJob({ kind: 'run', source: TRANSFER, options: { name: 't' } });
    if (!v.result.ok) throw new Error('the script runs');
    const n = v.result.trace.events.length;
    const parts = encodeParts(v);
    expect(parts.length).toBe(1 + Math.ceil(n / TRANSFER_EVENTS));
    expect(JSON.stringify(decodeAll(parts))).toBe(JSON.stringify(v));
    // Read asynchronously: other work of the event loop runs between every two parts.
    let done = false;
    let between = 0;
    const probe = () => {
      if (done) return;
      between++;
      setImmediate(probe);
    };
    setImmediate(probe);
    const got = await decodeParts(encodeParts(v));
    done = true;
    expect(JSON.stringify(got)).toBe(JSON.stringify(v));
    expect(between).toBeGreaterThanOrEqual(parts.length - 1);
  });

  it('a script with errors is one part; a cancelled read gives null', async () => {
    const bad = computeJob({ kind: 'run', source: 'client jump\n', options: {} });
    expect(bad.result.ok).toBe(false);
    const parts = encodeParts(bad);
    expect(parts.length).toBe(1);
    expect(decodeAll(parts)).toStrictEqual(bad);
    const good = computeJob({ kind: 'run', source: TRANSFER, options: {} });
    expect(await decodeParts(encodeParts(good), () => true)).toBeNull();
  });
});
