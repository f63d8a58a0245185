// Drives probe-app.mjs in a real pty: sends the keys, then Enter in its own write, reads PICKED n.
import { createRequire } from 'node:module';
import { spawn as spawnChild } from 'node:child_process';
const require = createRequire(new URL('../../../package.json', import.meta.url));
const pty = require('node-pty');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function once(args, writes, gapMs) {
  const p = pty.spawn(process.execPath, ['probe-app.mjs', ...args], { cols: 80, rows: 24, cwd: process.cwd(), env: { ...process.env, TERM: 'xterm-256color' } });
  let out = '';
  p.onData((d) => (out += d));
  const exited = new Promise((r) => p.onExit(r));
  for (let i = 0; i < 200 && !out.includes('probe ready'); i++) await sleep(25);
  await sleep(200);
  for (const w of writes) {
    p.write(w);
    await sleep(gapMs);
  }
  await sleep(400);
  p.write('\r');
  await Promise.race([exited, sleep(5000)]);
  try { p.kill(); } catch {}
  const m = /PICKED (\d+)/.exec(out);
  return m ? Number(m[1]) : null;
}

const D = '\u001B[B';
const cases = [
  ['three ↓ in one write', [D + D + D], 0, 3],
  ['three ↓ as three writes 150 ms apart', [D, D, D], 150, 3],
  ['jjj in one write', ['jjj'], 0, 3],
  ['one ↓', [D], 0, 1],
  ['↓ x6 then ↑ x2 in one write', [D.repeat(6) + '\u001B[A\u001B[A'], 0, 4],
  ['↓ x9 in one write', [D.repeat(9)], 0, 9],
];
const load = process.argv.includes('--load');
const hogs = load ? [0, 1].map(() => spawnChild(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' })) : [];
try {
  for (const mode of [[], ['--wrap'], ['--wrap', '--nolag']]) {
    for (const [name, writes, gap, want] of cases) {
      const got = [];
      for (let r = 0; r < 3; r++) got.push(await once(mode, writes, gap));
      console.log(`${load ? 'loaded' : 'quiet '} | ${mode.join(' ') || 'no wrapper'} | ${name} | want ${want} | got ${got.join(', ')}`);
    }
  }
} finally {
  for (const h of hogs) h.kill();
}
