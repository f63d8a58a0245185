// `npm run bench`: measures synack side by side with baselines taken in the same run, prints a
// table and writes bench/results.json. Medians over repeated runs.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { rawPlugin } from '../scripts/raw-plugin.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'synack-bench-'));
const cli = join(root, 'dist', 'cli.js');
// Ink's optional devtools import, stubbed for the bench's own bundles (the app build no longer
// writes dist/.devtools-stub.js).
const devtoolsStub = join(tmp, 'devtools-stub.js');
writeFileSync(devtoolsStub, 'export default {};\n');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const banner = {
  js: "import { createRequire } from 'node:module'; import { fileURLToPath } from 'node:url'; const require = createRequire(import.meta.url); const __filename = fileURLToPath(import.meta.url);",
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
const add = (group, what, value, unit, baseline) =>
  rows.push({ group, what, value: Math.round(value * 100) / 100, unit, ratio: baseline ? Math.round((value / baseline) * 100) / 100 : null });

function timeCommand(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** The CPU time (ms) a process's main thread has used so far (Linux: /proc; elsewhere NaN). */
function mainThreadCpu(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * Spawn in a pseudo-terminal and time until `marker` appears on screen: the wall time, and the CPU
 * time of the process's main thread by then (less sensitive to other processes on a shared machine).
 */
async function timeToText(args, marker, env = {}) {
  const pty = require('node-pty');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = pty.spawn(process.execPath, args, {
      cols: 100, rows: 30, cwd: root, env: { ...process.env, TERM: 'xterm-256color', ...env },
    });
    let out = '';
    let done = false;
    const timer = setTimeout(() => { if (!done) { done = true; p.kill(); reject(new Error(`no '${marker}' in 10 s: ${out.slice(-300)}`)); } }, 10000);
    p.onData((d) => {
      out += d;
      if (!done && out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(marker)) {
        done = true;
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const cpu = mainThreadCpu(p.pid);
        clearTimeout(timer);
        p.write('\u0003');
        setTimeout(() => { try { p.kill(); } catch {} resolve({ ms, cpu }); }, 30);
      }
    });
  });
}

async function startup() {
  const hello = join(tmp, 'ink-hello.mjs');
  await build({ entryPoints: [join(root, 'bench/ink-hello.tsx')], outfile: hello, bundle: true, platform: 'node', format: 'esm', jsx: 'automatic', logLevel: 'error', banner, plugins: [rawPlugin],
    alias: { 'react-devtools-core': devtoolsStub }, define: { 'process.env.NODE_ENV': '"production"' } });
  const home = join(tmp, 'home');
  // synack's cache directory (lesson index, Node >= 22's compile cache) of its own, filled by one
  // start that is not counted: the figures are those of every start after the first.
  const appEnv = { SYNACK_HOME: home, SYNACK_CACHE: join(tmp, 'cache') };
  const marker = process.env.BENCH_HOME_MARKER ?? '? help';
  await timeToText([cli], marker, appEnv);
  await timeToText([hello], 'hello from ink');
  const nodeE = [], ver = [], traceJson = [], inkHello = [], app = [];
  for (let i = 0; i < RUNS; i++) {
    nodeE.push(timeCommand(['-e', '0']));
    ver.push(timeCommand([cli, '--version']));
    traceJson.push(timeCommand([cli, 'trace', 'handshake', '--json']));
    inkHello.push(await timeToText([hello], 'hello from ink'));
    app.push(await timeToText([cli], marker, appEnv));
  }
  const floor = median(nodeE);
  add('start-up', 'node -e 0 (floor)', floor, 'ms', floor);
  add('start-up', 'synack --version', median(ver), 'ms', floor);
  add('start-up', 'synack trace handshake --json', median(traceJson), 'ms', floor);
  const ink = median(inkHello.map((r) => r.ms));
  const homeMs = median(app.map((r) => r.ms));
  add('start-up', 'bundled Ink hello (pty, first frame)', ink, 'ms', floor);
  add('start-up', 'synack home screen (pty, first frame)', homeMs, 'ms', floor);
  add('start-up', 'synack home screen vs Ink hello', homeMs, 'ms', ink);
  // The same two in main-thread CPU time (what other processes on the machine change least).
  const inkCpu = median(inkHello.map((r) => r.cpu));
  if (!Number.isNaN(inkCpu)) {
    add('start-up', 'Ink hello, main-thread CPU to the first frame', inkCpu, 'ms', inkCpu);
    add('start-up', 'synack home, main-thread CPU to the first frame', median(app.map((r) => r.cpu)), 'ms', inkCpu);
  }
}

async function inProcess() {
  // The pure benchmarks run in a child built from bench/cases.ts (imports the TypeScript sources).
  const out = join(tmp, 'cases.mjs');
  await build({ entryPoints: [join(root, 'bench/cases.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', jsx: 'automatic', logLevel: 'error', banner, plugins: [rawPlugin],
    alias: { 'react-devtools-core': devtoolsStub }, define: { 'process.env.NODE_ENV': '"production"' } });
  const names = JSON.parse(spawnSync(process.execPath, [out, '--list'], { encoding: 'utf8' }).stdout);
  for (const name of names) {
    // each case in its own process so peak memory is its own
    const r = spawnSync(process.execPath, ['--expose-gc', out, name, String(RUNS)], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      rows.push({ group: 'error', what: name, value: null, unit: r.stderr.split('\n').slice(0, 3).join(' '), ratio: null });
      continue;
    }
    for (const row of JSON.parse(r.stdout)) rows.push(row);
  }
}

function print() {
  const w = [12, 58, 12, 6, 8];
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(w[i])).join(' ');
  console.log(line(['group', 'what', 'value', 'unit', 'ratio']));
  console.log(w.map((n) => '-'.repeat(n)).join(' '));
  for (const r of rows) console.log(line([r.group, r.what, r.value, r.unit, r.ratio === null ? '' : `${r.ratio}x`]));
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`;
  console.log(`\nmachine: ${machine}; medians of ${RUNS} runs; ratio = value / the baseline of its group`);
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify({ machine, runs: RUNS, rows }, null, 2) + '\n');
}

const t0 = Date.now();
await startup();
// BENCH_ONLY=startup: the start-up rows alone (a quick check of the first frame).
if (process.env.BENCH_ONLY !== 'startup') await inProcess();
print();
console.log(`bench took ${Math.round((Date.now() - t0) / 1000)} s`);
