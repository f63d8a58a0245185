/**
 * How a model job's value (src/ui/model-job.ts: the run memo's key and the run's result) crosses
 * from the model worker to the UI thread without holding the UI thread up.
 *
 * postMessage's structured clone is read on the receiving thread in one go: a 10 MB transfer's
 * trace (about 20,000 events, each with every host's snapshot) is about 17 MB of clone data and
 * takes the UI thread a quarter to half a second to read. So the worker serialises the value
 * itself (node:v8, the same algorithm postMessage uses) in parts: a header (the result with the
 * trace's events and snapshots left empty), then the events and snapshots in slices of
 * TRANSFER_EVENTS. The parts' buffers are transferred (no copy), and the UI thread reads one part
 * per turn of its event loop (`decodeParts`), so a key or a signal waits at most one slice.
 *
 * The decoded value is the same value, byte for byte (test/reliability/model-worker.test.ts).
 */
import { deserialize, serialize } from 'node:v8';
import type { ModelJobValue } from '../model-job.js';
import type { CachedRunResult } from '../../tcp/run-cache.js';

/** Events (with their snapshots) per part: a part takes a few milliseconds to read. */
export const TRANSFER_EVENTS = 250;

function exact(buf: Buffer): ArrayBuffer {
  // A transferable ArrayBuffer with exactly these bytes (a Buffer may be a view into a larger one).
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength && buf.buffer instanceof ArrayBuffer) return buf.buffer;
  const out = new ArrayBuffer(buf.byteLength);
  new Uint8Array(out).set(buf);
  return out;
}

/** The value as parts (worker side). */
export function encodeParts(value: ModelJobValue, perPart = TRANSFER_EVENTS): ArrayBuffer[] {
  const r = value.result;
  if (!r.ok) return [exact(serialize(value))];
  const { events, snapshots } = r.trace;
  // The header keeps the trace's own key order (events and snapshots are filled in place later).
  const header: ModelJobValue = { key: value.key, result: { ok: true, trace: { ...r.trace, events: [], snapshots: [] } } };
  const parts = [exact(serialize(header))];
  const n = Math.max(events.length, snapshots.length);
  const step = Math.max(1, Math.floor(perPart));
  for (let i = 0; i < n; i += step) parts.push(exact(serialize({ events: events.slice(i, i + step), snapshots: snapshots.slice(i, i + step) })));
  return parts;
}

/** Reads one part into the value being built (`acc` is null before the header). */
export function decodePart(acc: ModelJobValue | null, part: ArrayBuffer): ModelJobValue {
  const data = deserialize(Buffer.from(part)) as unknown;
  if (acc === null) return data as ModelJobValue;
  const r = acc.result as CachedRunResult;
  if (!r.ok) return acc;
  const slice = data as { events: typeof r.trace.events; snapshots: typeof r.trace.snapshots };
  for (const e of slice.events) r.trace.events.push(e);
  for (const s of slice.snapshots) r.trace.snapshots.push(s);
  return acc;
}

/** Every part at once (tests, and the in-process check). */
export function decodeAll(parts: readonly ArrayBuffer[]): ModelJobValue {
  let acc: ModelJobValue | null = null;
  for (const p of parts) acc = decodePart(acc, p);
  if (acc === null) throw new RangeError('parts=0');
  return acc;
}

/** Reads the parts one per turn of the event loop (setImmediate), so input is read in between. */
export function decodeParts(parts: readonly ArrayBuffer[], cancelled: () => boolean = () => false): Promise<ModelJobValue | null> {
  return new Promise((resolve, reject) => {
    let acc: ModelJobValue | null = null;
    let i = 0;
    const next = () => {
      if (cancelled()) return resolve(null);
      try {
        acc = decodePart(acc, parts[i++]);
      } catch (e) {
        return reject(e);
      }
      if (i < parts.length) setImmediate(next);
      else resolve(acc);
    };
    if (parts.length === 0) reject(new RangeError('parts=0'));
    else setImmediate(next);
  });
}
