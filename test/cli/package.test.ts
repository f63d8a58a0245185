/** The package as users install it: no runtime dependencies, licences shipped, no dead chunks. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  it('has no runtime dependencies (dist/ is self-contained)', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });
  it('runs no script when installed (a global install prints no install-scripts warning)', () => {
    const scripts = (pkg.scripts ?? {}) as Record<string, string>;
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[s]).toBeUndefined();
    expect(scripts.prepack).toBe('node scripts/build.mjs');
  });
  it('ships the docs, the licence and the lessons; names its repository', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'lessons', 'scenarios', 'docs', 'LICENSE']));
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);
    expect(pkg.repository).toBeTruthy();
    expect(pkg.homepage).toBeTruthy();
    expect(pkg.bugs).toBeTruthy();
    expect(pkg.allowScripts).toEqual(expect.objectContaining({ esbuild: true, 'node-pty': true }));
  });
});

describe('dist/ (built by npm test before the tests run)', () => {
  const dist = join(ROOT, 'dist');
  it.runIf(existsSync(join(dist, 'cli.js')))('has a third-party notice and no devtools/ws chunk', () => {
    const notice = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['ink', 'react', 'zod', 'yaml', 'marked']) expect(notice).toMatch(new RegExp(`^- ${name} \\d`, 'm'));
    const chunks = readdirSync(join(dist, 'chunks'));
    expect(chunks.filter((c) => /devtools/.test(c))).toEqual([]);
    for (const c of chunks) expect(readFileSync(join(dist, 'chunks', c), 'utf8')).not.toContain('react-devtools-core/dist/backend');
    const total = chunks.reduce((n, c) => n + statSync(join(dist, 'chunks', c)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
    expect(existsSync(join(dist, '.devtools-stub.js'))).toBe(false);
  });
  it.runIf(existsSync(join(dist, 'cli.js')))('installs under 3 MB: every file the package ships (package.json "files", README, package.json)', () => {
    const size = (p: string): number => {
      const st = statSync(p);
      return st.isDirectory() ? readdirSync(p).reduce((n, f) => n + size(join(p, f)), 0) : st.size;
    };
    const shipped = [...(pkg.files as string[]), 'README.md', 'package.json'].filter((f) => existsSync(join(ROOT, f)));
    expect(shipped).toContain('dist');
    const total = shipped.reduce((n, f) => n + size(join(ROOT, f)), 0);
    expect(total).toBeLessThan(3_000_000);
  });
});
