// Bundles src/cli.ts into one ESM file (dist/cli.js). Ink is imported lazily by the CLI,
// so --help, --version and the plain commands never load it.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, chmodSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { rawPlugin } from './raw-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
const stub = join(root, 'dist', '.devtools-stub.js');
writeFileSync(stub, 'export default {};\n');

const result = await build({
  metafile: true,
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Code splitting keeps Ink, React and the app in chunks that only the interactive paths load.
  splitting: true,
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'react-devtools-core': stub },
  plugins: [rawPlugin],
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': 'undefined' },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __synackCreateRequire } from 'node:module';",
      "import { fileURLToPath as __synackFileURLToPath } from 'node:url';",
      "import { dirname as __synackDirname } from 'node:path';",
      'const require = __synackCreateRequire(import.meta.url);',
      'const __filename = __synackFileURLToPath(import.meta.url);',
      'const __dirname = __synackDirname(__filename);',
    ].join('\n'),
  },
});
chmodSync(join(root, 'dist/cli.js'), 0o755);
// Remove chunks of earlier builds (not all at once before building: a synack already running, such
// as a test in a pseudo-terminal, keeps its chunks until this build has written its own).
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => f.split('/').pop()));
const chunks = join(root, 'dist', 'chunks');
if (existsSync(chunks)) for (const f of readdirSync(chunks)) if (!fresh.has(f)) rmSync(join(chunks, f), { force: true });
