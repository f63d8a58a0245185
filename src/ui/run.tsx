/**
 * Starts the interactive app: checks for a terminal, loads lessons and progress, switches to the
 * alternate screen (restored on every exit path), renders <App>, saves progress (debounced, flushed
 * on exit) and resolves with the exit code. Imported lazily by src/cli/app.ts only.
 */
import { render } from 'ink';
import type { CliIO } from '../cli/io.js';
import type { AppContext, ScreenRequest } from './screen.js';
import type { Lesson } from '../lessons/types.js';
import type { Progress } from '../store/types.js';
// Only what the first frame needs is imported here; the lesson parser (YAML, Markdown), the model
// and the other screens are imported when they are needed (scripts/build.mjs splits them into
// chunks of their own), so Node compiles less before the first frame.
import type { AllLessons } from '../lessons/load.js';
import { bundledLessonsDir, resolveLessonsDir } from '../lessons/dirs.js';
import { cachedLessonIndex } from '../lessons/index-cache.js';
import { lessonIndexCacheFile, lessonsCacheDir } from '../cli/compile-cache.js';
import { lessonsWorkerFile, loadAllLessonsRemembered } from '../cli/lessons-remembered.js';
import { Worker } from 'node:worker_threads';
import type { LessonsJob, LessonsWorkerMessage } from './lessons-worker.js';
import { createModelRunner } from './worker/runner.js';
import { pathToFileURL } from 'node:url';
import { courseKey, loadProgress, progressDir, saveProgress } from '../store/progress.js';
import { App, realClock } from './app.js';
import { UI } from './strings.js';
import { getLang, resolveLang, setLang, type Lang } from '../i18n/index.js';
import { givenLangFlag } from '../cli/args.js';
import { appRefusal, colorEnabled, enterAltScreen, ENTER_ALT, EXIT_NOT_A_TERMINAL, HIDE_CURSOR, LEAVE_ALT, SHOW_CURSOR } from './terminal.js';
import { constants as osConstants } from 'node:os';
import { frameRenderOptions } from './output.js';
import { keyByKeyStdin } from './stdin-keys.js';
import { writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';

export interface RunAppOptions {
  io: CliIO;
  /** --lessons DIR */
  lessonsDir?: string;
  ascii?: boolean;
  /** Checked after the lessons load, before the screen switches: return an error message to refuse. */
  check?: (lessons: Lesson[], progress: Progress) => string | null;
  /** Save debounce (ms). */
  saveDelayMs?: number;
  /** `learn ID --watch`: reload the open lesson whenever a file of the lessons directory changes. */
  watch?: boolean;
}

type BrokenLesson = AppContext['broken'][number];

export { EXIT_NOT_A_TERMINAL, dumbTerminal, isInteractive } from './terminal.js';

/**
 * The signals whose default action ends the process (and that Node lets us catch): each one saves,
 * restores the terminal and exits 128 + its number. SIGUSR1 is Node's debugger signal; SIGKILL and
 * SIGSTOP cannot be caught. SIGPROF and SIGVTALRM are the profilers' timer signals (V8's
 * --cpu-prof samples with SIGPROF): catching them took the profiler's ticks for a request to quit,
 * and `node --cpu-prof synack` died of SIGPROF at exit, so they are left alone.
 */
export const FATAL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGPIPE', 'SIGXCPU', 'SIGXFSZ'];
export const EXIT_INTERNAL = 70;


/**
 * loadAllLessons(dir) in a worker thread (src/ui/lessons-worker.ts; unref'd, so it never keeps
 * synack alive; cancel() terminates it). With `cacheDir` the worker remembers the lessons and runs
 * there between runs (src/lessons/lessons-cache.ts). Without the worker file (running from the
 * sources) or if it cannot start, it loads on this thread after the first frame, as a fallback.
 */
export function loadLessonsOffThread(dir: string, lang: Lang = getLang(), cacheDir?: string): { result: Promise<AllLessons>; cancel(): void } {
  // The diagrams' model runs the worker computed while checking the lessons join this thread's
  // memo (after the lessons), so opening a lesson does not run its diagrams again here.
  const file = lessonsWorkerFile();
  const inProcess = () => {
    let cancelled = false;
    return {
      result: new Promise<AllLessons>((res, rej) =>
        setImmediate(() => {
          if (cancelled) rej(new Error('cancelled'));
          else import('../lessons/load.js').then((m) => res(m.loadAllLessons(dir, { lang })), rej);
        }),
      ),
      cancel: () => void (cancelled = true),
    };
  };
  if (!file) return inProcess();
  let worker: Worker;
  try {
    // A tiny bootstrap lowers the thread's priority first (Linux: per thread), so even loading the
    // worker's code yields to the UI thread.
    const boot = `try { require('node:os').setPriority(19) } catch {} import(${JSON.stringify(pathToFileURL(file).href)})`;
    const job: LessonsJob = cacheDir === undefined ? { dir, lang } : { dir, lang, cacheDir };
    worker = new Worker(boot, { eval: true, workerData: job });
  } catch {
    return inProcess();
  }
  worker.unref();
  // The model's run memo, loaded while the worker reads the lessons; the runs join it before the
  // lessons are handed over (messages keep their order through this one promise chain).
  let seeded: Promise<unknown> = import('../tcp/run-cache.js').catch(() => undefined);
  // From the lessons cache the two arrive serialized (src/lessons/lessons-cache.ts): decoded here,
  // as a message's data would be.
  const decoding = () => import('../lessons/lessons-cache.js');
  const result = new Promise<AllLessons>((res, rej) => {
    worker.on('message', (m: LessonsWorkerMessage) => {
      if (m.kind === 'lessons') seeded = seeded.then(() => res(m.all));
      else if (m.kind === 'lessons-v8')
        seeded = seeded
          .then(decoding)
          .then((c) => res(c.decodeLessons<AllLessons>(m.bytes)))
          .catch(rej);
      else if (m.kind === 'runs' || m.kind === 'runs-v8') {
        seeded = seeded
          .then(async () => {
            const rc = await import('../tcp/run-cache.js');
            rc.seedRuns(m.kind === 'runs' ? m.runs : (await decoding()).decodeRuns<Parameters<typeof rc.seedRuns>[0]>(m.bytes));
          })
          .catch(() => undefined);
      }
    });
    // In the same chain, so an exit right after the lessons message cannot overtake it.
    worker.once('error', (e) => void (seeded = seeded.then(() => rej(e))));
    worker.once('exit', (code) => void (seeded = seeded.then(() => rej(new Error(`lessons worker exited (${code})`)))));
  });
  return { result, cancel: () => void worker.terminate().catch(() => undefined) };
}

export async function runApp(request: ScreenRequest | ScreenRequest[], opts: RunAppOptions): Promise<number> {
  const { io } = opts;
  // No terminal, or one that cannot show the app (src/cli/app.ts asks first, before loading this).
  const cannotOpen = appRefusal(io);
  if (cannotOpen !== null) {
    io.stderr.write(UI[cannotOpen]);
    return EXIT_NOT_A_TERMINAL;
  }

  // Only the front matter before the first frame; the full lessons load right after it.
  const lessonsDir = resolveLessonsDir({ option: opts.lessonsDir, env: io.env, cwd: io.cwd });
  const pdir = progressDir(io.env);
  // A --lessons DIR course keeps its progress apart from the bundled course's (src/store/progress.ts).
  const course = courseKey(lessonsDir, bundledLessonsDir());
  const loaded = loadProgress(pdir, Date.now(), { course });
  // The language saved on the home screen, unless --lang or SYNACK_LANG says otherwise (the flag
  // was checked at start, so this cannot throw).
  setLang(resolveLang({ flag: givenLangFlag(), env: io.env, saved: loaded.progress.settings.lang ?? null }));
  // The lessons in the app's language (a lesson without a translation falls back to English, marked).
  // Remembered between runs while no lesson file changes (the YAML of every front matter is most of
  // the work before the first frame).
  const index = await cachedLessonIndex(lessonsDir, { lang: getLang(), cacheFile: lessonIndexCacheFile(io.env) });
  let lessons: Lesson[] = index.entries.map((e) => ({
    meta: e.meta,
    file: e.file,
    blocks: [],
    questions: [],
    ...(e.lang ? { lang: e.lang } : {}),
    ...(e.fallback ? { fallback: true } : {}),
  }));
  const brokenList = (bs: { file: string; problem: { message: string; line: number; col: number } }[]): BrokenLesson[] =>
    bs.map((b) => ({ file: b.file, message: b.problem.message, line: b.problem.line, col: b.problem.col }));
  const broken = brokenList(index.broken);

  const refusal = opts.check?.(lessons, loaded.progress) ?? null;
  if (refusal) {
    io.stderr.write(`synack: ${refusal}\n`);
    return 1;
  }
  // A lesson opened directly is loaded in full now (and refused with file:line:col if broken).
  for (const req of Array.isArray(request) ? request : [request]) {
    if (req.screen !== 'lesson') continue;
    const { loadLesson } = await import('../lessons/load.js');
    const r = loadLesson(lessonsDir, req.lessonId, { lang: getLang() });
    if (!r.lesson) {
      const p = r.problems.find((x) => x.severity === 'error') ?? r.problems[0];
      io.stderr.write(p ? `${p.file}:${p.line}:${p.col}: ${p.message}\n` : `synack: ${UI.readerNotFound(req.lessonId)}\n`);
      return 1;
    }
    const full = r.lesson;
    lessons = lessons.map((l) => (l.meta.id === full.meta.id ? full : l));
    // Its diagrams too, now: before the screen switches a Ctrl+C is the terminal's SIGINT and ends
    // synack at once; after it, the first render would compute them with keys waiting.
    (await import('./player/run.js')).precomputeLessonRuns([full]);
  }
  // A quiz opened from the command line (`synack quiz --mode ...`) builds its question bank at once:
  // it needs every lesson's questions, not the index stubs (Home -> Quiz starts after the full load).
  if ((Array.isArray(request) ? request : [request]).some((r) => r.screen === 'quiz')) lessons = (await loadAllLessonsRemembered(lessonsDir, getLang(), io.env)).lessons;

  const notices: string[] = [];
  if (loaded.warning) notices.push(loaded.warning);
  if (broken.length) notices.push(UI.brokenLessons(broken.length));
  if (lessons.length === 0 && broken.length === 0) notices.push(UI.noLessons(lessonsDir));

  // Progress saving: debounced; the last state is always flushed on exit.
  let pending: Progress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastError: string | null = null;
  // What this process last loaded or saved: a save changes on disk only what changed since (another
  // synack on the same file keeps its answers; see src/store/merge.ts).
  let base: Progress = loaded.progress;
  const flush = (): string | null => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending || !loaded.writable) return null;
    const p = pending;
    pending = null;
    const r = saveProgress(pdir, p, { base, course });
    if (r.ok) base = p;
    lastError = r.ok ? null : r.error;
    return lastError;
  };
  const save = (p: Progress): string | null => {
    pending = p;
    if (!timer) timer = setTimeout(flush, opts.saveDelayMs ?? 400);
    const err = lastError;
    lastError = null;
    return err;
  };

  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  // Raw mode before the first frame, not in Ink's input effect after it: a Ctrl+C typed as the first
  // frame appears is then the key (a clean quit, exit 0), never a SIGINT from the terminal driver.
  // And before the alternate screen: on a loaded machine this process can be preempted between the
  // two, and a Ctrl+C typed as the screen switched reached a terminal still in cooked mode (SIGINT
  // before the signal handlers below, the terminal left in the alternate screen; the e2e test
  // 'Ctrl+C typed as the screen switches' caught it 2 runs in 4 at load 26).
  const setRaw = (on: boolean) => {
    try {
      if (stdin.isTTY) stdin.setRawMode(on);
    } catch {
      /* not a terminal any more */
    }
  };
  setRaw(true);
  const term = enterAltScreen(stdout);
  let finished = false;
  // What the app would still save on quitting (a grade held back for undo): a signal saves it too.
  const exitHook: { current: (() => Progress | null) | null } = { current: null };
  const cleanup = () => {
    if (finished) return;
    finished = true;
    try {
      const held = exitHook.current?.() ?? null;
      if (held) pending = held;
    } catch {
      /* the shell's last saved state stands */
    }
    try {
      flush();
    } catch {
      /* reported below if it matters */
    }
    setRaw(false);
    term.restore();
  };
  const onExit = () => cleanup();
  // Every signal that ends the process by default: save, restore the terminal, exit 128 + its number.
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    process.exit(128 + (osConstants.signals[sig] ?? 15));
  };
  // Stopped (kill -TSTP, or a job-control stop): save and give the terminal back as it was, then
  // really stop; on SIGCONT take it again and repaint the whole screen.
  let suspended = false;
  const onStop = () => {
    if (finished || suspended) return;
    suspended = true;
    try {
      flush();
    } catch {
      /* reported at exit if it still fails */
    }
    setRaw(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALT);
    process.kill(process.pid, 'SIGSTOP');
  };
  // Back from a stop, the screens hear of it (a mock interview's timer does not count the time
  // stopped); another synack may have saved progress meanwhile: read it again when nothing of this
  // one's is waiting to be saved (it was flushed at the stop), so the screens show it.
  const resumeListeners = new Set<(p: Progress | null) => void>();
  const onResume = (fn: (p: Progress | null) => void) => {
    resumeListeners.add(fn);
    return () => void resumeListeners.delete(fn);
  };
  const reread = (): Progress | null => {
    if (pending || lastError || !loaded.writable) return null;
    try {
      const again = loadProgress(pdir, Date.now(), { course });
      if (again.warning || JSON.stringify(again.progress) === JSON.stringify(base)) return null;
      base = again.progress;
      return again.progress;
    } catch {
      return null;
    }
  };
  const onCont = () => {
    if (finished || !suspended) return;
    suspended = false;
    setRaw(true);
    stdout.write(ENTER_ALT + HIDE_CURSOR);
    frames.invalidate();
    frames.emit('resize');
    const fresh = reread();
    for (const fn of resumeListeners) fn(fresh);
  };
  const onCrash = (e: unknown) => {
    cleanup();
    io.stderr.write(UI.crashed(e instanceof Error ? e.message : String(e)));
    if (io.env.SYNACK_DEBUG) console.error(e);
    process.exit(EXIT_INTERNAL);
  };
  // Ink hands every whole frame to `frames`, which repaints only the changed lines (and the whole
  // screen after a resize). See output.ts for why not Ink's own incrementalRendering.
  const { frames, options: frameOptions } = frameRenderOptions(stdout);
  process.on('exit', onExit);
  for (const sig of FATAL_SIGNALS) process.on(sig, onSignal);
  process.on('SIGTSTP', onStop);
  process.on('SIGCONT', onCont);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  let code = 0;
  // The player's and the playground's model runs go to a worker thread (started at the first one).
  const models = createModelRunner();
  // Set when the app quits: the full lessons must not re-render (and so re-mount) an exiting app.
  let quitting = false;
  let reload: (lang: Lang) => void = () => undefined;
  try {
    const element = (ls: Lesson[], br: BrokenLesson[]) => (
      <App
        initial={request}
        lessons={ls}
        broken={br}
        progress={loaded.progress}
        ascii={!!opts.ascii}
        color={colorEnabled(io.env, io.stdout)}
        clock={realClock}
        notice={notices.length ? notices.join(' ') : null}
        saveProgress={save}
        runModel={models.run}
        exitHook={exitHook}
        writeFile={(path, content, opts) => writeFileSync(resolvePath(io.cwd, path), content, { encoding: 'utf8', flag: opts.overwrite ? 'w' : 'wx' })}
        onLang={(lang) => reload(lang)}
        onResume={onResume}
        onExit={(c) => {
          code = c;
          quitting = true;
        }}
      />
    );
    // What the app shows now (the watched lesson is replaced in it).
    let shown = { lessons, broken };
    const show = (ls: Lesson[], br: BrokenLesson[]) => {
      shown = { lessons: ls, broken: br };
      instance.rerender(element(ls, br));
    };
    const instance = render(element(lessons, broken), {
      ...frameOptions,
      // One key per read, each after the previous key's render (src/ui/stdin-keys.ts): keys that
      // arrive in one burst reach every component one at a time. Raw mode, ref/unref and isTTY
      // go through to the real stdin, which the signal handlers above keep using directly.
      stdin: keyByKeyStdin(stdin),
      stderr: process.stderr,
      exitOnCtrlC: false,
      patchConsole: true,
    });
    // After the first frame: the full lessons (blocks and questions) replace the stubs. They load
    // in a worker thread, so keys, Ctrl+C and signals are never held up by lesson parsing.
    let loading = loadLessonsOffThread(lessonsDir, getLang(), lessonsCacheDir(io.env));
    loading.result.then(
      (all) => {
        if (finished || quitting) return;
        // Keep a lesson already loaded in full (same object) so open screens keep their state.
        const next = all.lessons.map((l) => {
          const had = shown.lessons.find((x) => x.meta.id === l.meta.id && x.blocks.length > 0);
          return had ?? l;
        });
        show(next, brokenList(all.broken));
      },
      () => {
        /* the app keeps the front-matter stubs */
      },
    );
    // The home screen switched the language: the lessons again, in that language (the old ones stay
    // on screen until the new ones arrive).
    reload = (lang: Lang) => {
      loading.cancel();
      const mine = loadLessonsOffThread(lessonsDir, lang, lessonsCacheDir(io.env));
      loading = mine;
      mine.result.then(
        (all) => {
          if (finished || quitting || loading !== mine) return;
          show(all.lessons, brokenList(all.broken));
        },
        () => {
          /* keeps the lessons it has */
        },
      );
    };
    // learn ID --watch: the open lesson again after each save (its error, at file:line:col, in its
    // place while it does not load). The reload is one file, on this thread, after a debounce.
    const watched = opts.watch ? (Array.isArray(request) ? request : [request]).find((r) => r.screen === 'lesson') : undefined;
    const stopWatch = new AbortController();
    if (watched && watched.screen === 'lesson') {
      const id = watched.lessonId;
      const { watchLesson } = await import('../cli/watch-lesson.js');
      void watchLesson(
        lessonsDir,
        id,
        io,
        (r) => {
          if (finished || quitting) return;
          const others = shown.broken.filter((b) => b.lessonId !== id);
          if (r.ok) {
            const has = shown.lessons.some((l) => l.meta.id === id);
            show(has ? shown.lessons.map((l) => (l.meta.id === id ? r.lesson : l)) : [...shown.lessons, r.lesson], others);
          } else {
            show(
              shown.lessons.filter((l) => l.meta.id !== id),
              [...others, { file: r.file, message: r.message, line: r.line, col: r.col, lessonId: id }],
            );
          }
        },
        { signal: stopWatch.signal },
      ).catch(() => undefined);
    }
    await instance.waitUntilExit();
    stopWatch.abort();
    loading.cancel();
    instance.cleanup();
  } catch (e) {
    cleanup();
    io.stderr.write(UI.crashed(e instanceof Error ? e.message : String(e)));
    if (io.env.SYNACK_DEBUG) console.error(e);
    code = EXIT_INTERNAL;
  } finally {
    models.dispose();
    frames.dispose();
    const err = (() => {
      try {
        return flush();
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    })();
    cleanup();
    process.off('exit', onExit);
    for (const sig of FATAL_SIGNALS) process.off(sig, onSignal);
    process.off('SIGTSTP', onStop);
    process.off('SIGCONT', onCont);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    if (err) io.stderr.write(`synack: ${UI.saveFailed(err)}\n`);
  }
  // Saved and restored: nothing is left to do. A timer of Ink's (or a stream) must not hold the
  // process for another few hundred milliseconds after the learner quit (unref'd: exits no sooner
  // than the event loop would on its own).
  setTimeout(() => process.exit(), 20).unref();
  return code;
}
