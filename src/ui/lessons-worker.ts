/**
 * A worker thread that loads every lesson of a directory (src/lessons/load.ts) off the UI thread,
 * so a large or hostile lessons directory never holds up keys, Ctrl+C or signals. Built as its own
 * entry (dist/lessons-worker.js) and started by run.tsx after the first frame (through a bootstrap
 * that first lowers the thread's priority); it posts one message, the AllLessons result (plain
 * data), and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadAllLessons } from '../lessons/load.js';

const { dir } = workerData as { dir: string };
parentPort?.postMessage(loadAllLessons(dir));
