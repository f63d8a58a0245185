/**
 * The model worker: a worker thread that runs the TCP model for the app's `run-model` jobs (the
 * player's `d` and undo, the playground's every action), so a long run (a million spoofed SYNs, a
 * 10 MB transfer) never holds up keys, Ctrl+C or signals on the UI thread. Built as its own entry
 * (dist/model-worker.js, scripts/build.mjs) and started lazily, once, by src/ui/worker/runner.ts;
 * it takes jobs one at a time and keeps its own run memo between them.
 *
 * Message in:  { id, job, lang }            (a ModelJob, src/ui/screen.ts; the app's language)
 * Message out: { id, ok: true, parts }      (the job's value in parts, src/ui/worker/transfer.ts)
 *           or { id, ok: false, error }
 */
import { parentPort } from 'node:worker_threads';
import { computeJob } from '../model-job.js';
import { encodeParts } from './transfer.js';
import { getLang, isLang, setLang } from '../../i18n/index.js';
import type { ModelJob } from '../screen.js';

export interface WorkerJobMessage {
  id: number;
  job: ModelJob;
  lang: string;
}

export type WorkerReply = { id: number; ok: true; parts: ArrayBuffer[] } | { id: number; ok: false; error: string };

const port = parentPort;
port?.on('message', (m: WorkerJobMessage) => {
  let reply: WorkerReply;
  try {
    // The trace's words (each event's explanation) and the memo's key follow the app's language.
    if (isLang(m.lang) && m.lang !== getLang()) setLang(m.lang);
    const parts = encodeParts(computeJob(m.job));
    reply = { id: m.id, ok: true, parts };
    port.postMessage(reply, parts);
    return;
  } catch (e) {
    reply = { id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
