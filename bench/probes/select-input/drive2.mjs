// ink-select-input's own behaviour, with the wrapper (every key seen): wrap-around, the rotated
// window of `limit`, what a digit picks. Prints the picked item and the visible rows before Enter.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../../package.json', import.meta.url));
const pty = require('node-pty');
const { Terminal } = require('@xterm/headless');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function once(args, keys, final = '\r') {
  const term = new Terminal({ cols: 40, rows: 14, allowProposedApi: true });
  const p = pty.spawn(process.execPath, ['probe-app.mjs', '--wrap', ...args], { cols: 40, rows: 14, cwd: process.cwd(), env: { ...process.env, TERM: 'xterm-256color' } });
  let out = '';
  p.onData((d) => { out += d; term.write(d); });
  const exited = new Promise((r) => p.onExit(r));
  for (let i = 0; i < 200 && !out.includes('probe ready'); i++) await sleep(25);
  await sleep(200);
  p.write(keys);
  await sleep(800);
  await new Promise((r) => term.write('', r));
  const rows = [];
  for (let i = 0; i < 14; i++) rows.push(term.buffer.active.getLine(i)?.translateToString(true).trimEnd() ?? '');
  const visible = rows.filter((r) => /item \d/.test(r)).map((r) => (r.includes('❯') ? '>' : '') + r.replace(/[^0-9]/g, '')).join(' ');
  p.write(final);
  await Promise.race([exited, sleep(4000)]);
  try { p.kill(); } catch {}
  const m = /PICKED (\d+)/.exec(out);
  return { picked: m ? Number(m[1]) : null, visible };
}
const U = '\u001B[A', D = '\u001B[B';
const cases = [
  ['10 items, no limit: ↑ on the first item, Enter', [], U],
  ['10 items, no limit: ↓ x10 (past the last), Enter', [], D.repeat(10)],
  ['limit 5: ↓ x7, Enter', ['--limit'], D.repeat(7)],
  ['limit 5: ↓ x7, then 3', ['--limit'], D.repeat(7), '3'],
  ['limit 5: ↑ on the first item, Enter', ['--limit'], U],
  ['limit 5: ↓ x9, ↓ (past the last), Enter', ['--limit'], D.repeat(10)],
];
for (const [name, args, keys, final] of cases) {
  const r = await once(args, keys, final);
  console.log(`${name} | picked ${r.picked} | rows shown before: ${r.visible}`);
}
