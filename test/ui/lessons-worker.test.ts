/**
 * The built lessons worker (dist/lessons-worker.js), as the app starts it: it sends the lessons,
 * then the model runs of every lesson diagram, which the UI thread adds to its memo so that opening
 * a lesson runs no diagram there.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { CLI, ROOT, ensureBuilt } from '../reliability/helpers.js';
import type { LessonsWorkerMessage } from '../../src/ui/lessons-worker.js';
import { clearRunCache, hasCachedRun, seedRuns } from '../../src/tcp/run-cache.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe('the lessons worker', () => {
  it('sends the lessons, then a run of every tcp block that seeds the UI thread\'s memo', async () => {
    const worker = new Worker(join(CLI, '..', 'lessons-worker.js'), { workerData: { dir: join(ROOT, 'lessons') } });
    const messages: LessonsWorkerMessage[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: LessonsWorkerMessage) => messages.push(m));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    expect(messages.map((m) => m.kind)).toEqual(['lessons', 'runs']);
    const all = (messages[0] as Extract<LessonsWorkerMessage, { kind: 'lessons' }>).all;
    const runs = (messages[1] as Extract<LessonsWorkerMessage, { kind: 'runs' }>).runs;
    clearRunCache();
    seedRuns(runs);
    const blocks = all.lessons.flatMap((l) => l.blocks.filter((b) => b.type === 'tcp'));
    expect(blocks.length).toBeGreaterThan(20);
    for (const b of blocks) if (b.type === 'tcp') expect(hasCachedRun(b.source), b.source.slice(0, 60)).toBe(true);
  }, 60_000);
});
