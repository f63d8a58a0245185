/**
 * Issue 16 item 3: the playground's "save as .tcp" never replaces an existing file silently. The
 * write goes through the same exclusive-create rule as src/ui/run.tsx (flag 'wx' unless the learner
 * said y), on a real temporary directory.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src/ui/app.js';
import { emptyProgress } from '../../src/store/types.js';
import { renderInk, FakeClock } from './helpers/render.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function saveTo(dir: string) {
  const r = await renderInk(
    <App
      initial={{ screen: 'playground' }}
      lessons={[]}
      progress={emptyProgress()}
      clock={new FakeClock()}
      writeFile={(path, content, opts) => writeFileSync(join(dir, path), content, { encoding: 'utf8', flag: opts.overwrite ? 'w' : 'wx' })}
    />,
    { columns: 100, rows: 30 },
  );
  // Connect once (so the script has a line), then go to the last action: save.
  await r.press('enter');
  await r.press('up'); // the menu wraps: up from the first action is the last one
  expect(r.frame()).toMatch(/› save as \.tcp/);
  await r.press('enter');
  await r.type('run.tcp');
  await r.press('enter');
  return r;
}

describe('playground: save as .tcp', () => {
  it('asks before replacing an existing file; any key but y keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-pg-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'run.tcp'), 'my own work\n');
    const r = await saveTo(dir);
    expect(r.frame()).toContain('run.tcp already exists. Press y to replace it');
    await r.press('n');
    expect(r.frame()).toContain('Not saved: run.tcp was kept');
    expect(readFileSync(join(dir, 'run.tcp'), 'utf8')).toBe('my own work\n');
    await r.unmount();
  });

  it('y replaces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-pg-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'run.tcp'), 'my own work\n');
    const r = await saveTo(dir);
    await r.press('y');
    expect(r.frame()).toContain('Saved run.tcp');
    expect(readFileSync(join(dir, 'run.tcp'), 'utf8')).toContain('client connect');
    await r.unmount();
  });

  it('r saves under a new name instead (run-2.tcp, then run-3.tcp when that exists too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-pg-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'run.tcp'), 'my own work\n');
    writeFileSync(join(dir, 'run-2.tcp'), 'older work\n');
    const r = await saveTo(dir);
    expect(r.frame()).toContain('r to save as run-2.tcp instead');
    await r.press('r');
    expect(r.frame()).toContain('run-2.tcp already exists');
    expect(r.frame()).toContain('r to save as run-3.tcp instead');
    await r.press('r');
    expect(r.frame()).toContain('Saved run-3.tcp');
    expect(readFileSync(join(dir, 'run.tcp'), 'utf8')).toBe('my own work\n');
    expect(readFileSync(join(dir, 'run-2.tcp'), 'utf8')).toBe('older work\n');
    expect(readFileSync(join(dir, 'run-3.tcp'), 'utf8')).toContain('client connect');
    await r.unmount();
  });

  it('a new file is written without a question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-pg-'));
    dirs.push(dir);
    const r = await saveTo(dir);
    expect(r.frame()).toContain('Saved run.tcp');
    expect(readFileSync(join(dir, 'run.tcp'), 'utf8')).toContain('client connect');
    await r.unmount();
  });
});
