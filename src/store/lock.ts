/**
 * A lock file beside progress.json, so a save's read-merge-write is never interleaved with another
 * process's.
 *
 * `<file>.lock` holds "pid time". It is written to a temp file first and then hard-linked into
 * place (link fails if the lock exists), so a lock is never seen empty: a process killed between
 * creating and writing an O_EXCL file would leave an empty lock that no pid check can break.
 * An empty lock (left by an older synack) is stale after `EMPTY_STALE_MS`. Another process waits for it (polling
 * every few milliseconds) up to `waitMs`. A lock is stale, and is broken, when its process is gone
 * (same host) or when it is older than `staleMs` (a save holds it for milliseconds). Synchronous on
 * purpose: saves also run from exit and signal handlers.
 */
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync, renameSync } from 'node:fs';
import { STORE_STRINGS as S } from './strings.js';

export const LOCK_WAIT_MS = 5000;
export const LOCK_STALE_MS = 10_000;
/** An empty lock file cannot come from this version; one older than this is broken. */
export const EMPTY_STALE_MS = 1000;

let tempCounter = 0;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock at `path` may be broken (its owner is dead or it is too old). */
function stale(path: string, now: number, staleMs: number): boolean {
  let text = '';
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch {
    return false; // gone meanwhile: just retry
  }
  if (text === '') return now - mtime > Math.min(EMPTY_STALE_MS, staleMs);
  const pid = Number(text.split(' ')[0]);
  if (!alive(pid)) return true;
  return now - mtime > staleMs;
}

export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
}

/** Takes the lock or throws after waitMs. Returns the release function. */
export function acquireLock(path: string, opts: LockOptions = {}): () => void {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const staleMs = opts.staleMs ?? LOCK_STALE_MS;
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    const tmp = `${path}.tmp-${process.pid}-${++tempCounter}`;
    let linked = false;
    try {
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid} ${new Date().toISOString()}`);
      } finally {
        closeSync(fd);
      }
      linkSync(tmp, path);
      linked = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOENT: our temp file was cleaned away by the lock holder's start-up clean: try again.
      if (code !== 'EEXIST' && code !== 'ENOENT') throw e;
    } finally {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    if (linked) {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          /* already broken by someone who thought it stale */
        }
      };
    }
    if (stale(path, Date.now(), staleMs)) {
      // Break it by renaming to a unique name first, so two breakers cannot both remove a fresh lock.
      const grave = `${path}.stale-${process.pid}-${attempt}`;
      try {
        renameSync(path, grave);
        unlinkSync(grave);
      } catch {
        /* someone else broke it */
      }
      continue;
    }
    if (Date.now() - start > waitMs) throw new Error(S.lockHeld(path));
    sleepSync(Math.min(5 + attempt, 25));
  }
}
