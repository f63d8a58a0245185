/**
 * Issue 14: `w` in the player saves the run as a .tcp script through the shell's write (the
 * playground's save), asking before it replaces a file (y replace, r new name, any key keep).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../../src/ui/app.js';
import { emptyProgress } from '../../../src/store/types.js';
import { scenarioSource } from '../../../src/ui/player/run.js';
import { runSource } from '../../../src/tcp/index.js';
import { renderInk, FakeClock } from '../helpers/render.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function player(dir: string, columns = 100, rows = 30) {
  return renderInk(
    <App
      initial={{ screen: 'player', source: scenarioSource('handshake')!, name: 'handshake' }}
      lessons={[]}
      progress={emptyProgress()}
      clock={new FakeClock()}
      writeFile={(path, content, opts) => writeFileSync(join(dir, path), content, { encoding: 'utf8', flag: opts.overwrite ? 'w' : 'wx' })}
    />,
    { columns, rows },
  );
}

function tmp() {
  const dir = mkdtempSync(join(tmpdir(), 'synack-player-'));
  dirs.push(dir);
  return dir;
}

describe('player: w saves the run as .tcp', () => {
  it('asks for a path (default: the scenario name) and writes the script with the drops, which replays the same run', async () => {
    const dir = tmp();
    const r = await player(dir);
    await r.press('?');
    expect(r.frame()).toContain('Save this run as a .tcp script');
    await r.press('esc', 'd', 'w');
    expect(r.frame()).toContain('Save to: [./handshake.tcp]');
    await r.press('enter');
    expect(r.frame()).toContain('Saved ./handshake.tcp');
    const text = readFileSync(join(dir, 'handshake.tcp'), 'utf8');
    expect(text).toContain('drop segment 0');
    const run = runSource(text, { name: 'handshake' });
    expect(run.ok && run.trace.events.some((e) => e.type === 'segment' && e.id === 0 && e.fate === 'dropped')).toBe(true);
    await r.unmount();
  });

  it('a typed name; Esc cancels without writing', async () => {
    const dir = tmp();
    const r = await player(dir);
    await r.press('w', 'esc');
    expect(r.frame()).not.toContain('Save to:');
    expect(existsSync(join(dir, 'handshake.tcp'))).toBe(false);
    await r.press('w');
    await r.type('mine.tcp');
    await r.press('enter');
    expect(r.frame()).toContain('Saved mine.tcp');
    expect(readFileSync(join(dir, 'mine.tcp'), 'utf8')).toBe(scenarioSource('handshake'));
    await r.unmount();
  });

  it('never replaces a file silently: any key keeps it, y replaces it, r saves under a new name', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'handshake.tcp'), 'mine\n');
    const r = await player(dir);
    await r.press('w', 'enter');
    expect(r.frame()).toContain('./handshake.tcp already exists. Press y to replace it, r to save as ./handshake-2.tcp');
    await r.press('n');
    expect(r.frame()).toContain('Not saved: ./handshake.tcp was kept');
    expect(readFileSync(join(dir, 'handshake.tcp'), 'utf8')).toBe('mine\n');
    await r.press('w', 'enter', 'r');
    expect(r.frame()).toContain('Saved ./handshake-2.tcp');
    expect(readFileSync(join(dir, 'handshake.tcp'), 'utf8')).toBe('mine\n');
    await r.press('w', 'enter', 'y');
    expect(r.frame()).toContain('Saved ./handshake.tcp');
    expect(readFileSync(join(dir, 'handshake.tcp'), 'utf8')).toBe(scenarioSource('handshake'));
    await r.unmount();
  });
});
