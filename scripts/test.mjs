// Runs vitest, then prints one plain closing line ("N passed, N failed") that any CI can read,
// and exits with vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(mkdtempSync(join(tmpdir(), 'synack-vitest-')), 'results.json');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
let code = r.status ?? 1;
try {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  console.log(`\n${j.numPassedTests} passed, ${failed} failed${j.numPendingTests ? `, ${j.numPendingTests} skipped` : ''}`);
  if (j.numTotalTests === 0) code = code || 1;
} catch {
  console.log('\n0 passed, 1 failed');
  code = code || 1;
}
rmSync(dirname(out), { recursive: true, force: true });
process.exit(code);
