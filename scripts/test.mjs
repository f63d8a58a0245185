// Runs vitest, then prints one plain closing line ("N passed, N failed") that any CI can read,
// and exits with vitest's own exit code.
// `--cpu`: also prints the 15 test files that cost the most CPU time (this process and its
// children, user+sys, from test/setup.ts's probe) and the whole run's CPU. Use these figures, not
// wall time, to judge a speed change on a shared machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'synack-vitest-'));
const out = join(tmp, 'results.json');
const cpuLog = join(tmp, 'cpu.jsonl');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const cpu = process.argv.includes('--cpu');
// The probe reads the process's CPU time (test/setup.ts): one test file per process at a time, so
// --cpu runs the files in child processes (forks) instead of the config's worker threads.
const args = [...process.argv.slice(2).filter((a) => a !== '--cpu'), ...(cpu ? ['--pool=forks'] : [])];
const t0 = performance.now();
const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args], {
  stdio: 'inherit',
  cwd: root,
  env: cpu ? { ...process.env, SYNACK_TEST_CPU: cpuLog } : process.env,
});
const wall = (performance.now() - t0) / 1000;
let code = r.status ?? 1;
try {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  if (cpu) report(j);
  console.log(`\n${j.numPassedTests} passed, ${failed} failed${j.numPendingTests ? `, ${j.numPendingTests} skipped` : ''}`);
  if (j.numTotalTests === 0) code = code || 1;
} catch {
  console.log('\n0 passed, 1 failed');
  code = code || 1;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(code);

function report(j) {
  const rows = existsSync(cpuLog)
    ? readFileSync(cpuLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  const byFile = new Map(j.testResults.map((f) => [f.name, (f.endTime - f.startTime) / 1000]));
  rows.sort((a, b) => b.self + b.children - (a.self + a.children));
  console.log('\nCPU s (user+sys) per test file, top 15: file itself + its child processes, wall s');
  for (const x of rows.slice(0, 15)) {
    const name = relative(root, x.file);
    console.log(`${(x.self + x.children).toFixed(1).padStart(7)} = ${x.self.toFixed(1).padStart(5)} + ${x.children.toFixed(1).padStart(5)}  ${(byFile.get(x.file) ?? x.wall).toFixed(1).padStart(6)}  ${name}`);
  }
  const files = rows.reduce((a, x) => a + x.self + x.children, 0);
  // This process's reaped children (proc(5) cutime + cstime): vitest, its workers and all they ran.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const total = (Number(f[13]) + Number(f[14])) / 100;
  console.log(`test files: ${files.toFixed(1)} CPU s in ${rows.length} files; vitest in all: ${total.toFixed(1)} CPU s; wall ${wall.toFixed(1)} s`);
}
