/**
 * No unused dependency (issue 15): every package of package.json is imported somewhere in the
 * project (src, test, bench, scripts, tools, the vitest config), is a command a package.json script
 * runs, or is the @types of such a package.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts: Record<string, string>;
};

/** The commands the scripts run, by the package that provides them. */
const COMMANDS: Record<string, string> = { typescript: 'tsc', '@typescript/native-preview': 'tsgo', vitest: 'vitest', esbuild: 'esbuild' };

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures' || name === '__snapshots__' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(m?[jt]sx?|cjs)$/.test(name)) out.push(p);
  }
  return out;
}

describe('package.json dependencies', () => {
  it('are each imported, run by a script, or the types of one that is', () => {
    // (not this file: its own comments name packages)
    const files = ['src', 'test', 'bench', 'scripts', 'tools'].flatMap((d) => sources(join(ROOT, d))).filter((f) => f !== import.meta.filename);
    files.push(join(ROOT, 'vitest.config.ts'));
    const imported = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        const parts = spec.split('/');
        imported.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
      // A name imported through a variable (`const name = 'jsdom'; await import(name)`).
      for (const m of text.matchAll(/=\s*['"](@?[a-z0-9][\w./-]*)['"];/g)) imported.add(m[1]!);
    }
    const scripts = Object.values(pkg.scripts).join('\n');
    const used = (name: string): boolean => {
      if (imported.has(name)) return true;
      const command = COMMANDS[name];
      if (command !== undefined && new RegExp(`(^|[\\s&|;])${command}\\b`).test(scripts)) return true;
      if (name === '@types/node') return true; // node:* imports
      if (name.startsWith('@types/')) return used(name.slice('@types/'.length).replace(/^(.*)__(.*)$/, '@$1/$2'));
      return false;
    };
    const all = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((name) => !used(name))).toEqual([]);
  });
});
