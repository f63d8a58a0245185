// Bundles src/cli.ts into dist/cli.js plus lazily loaded chunks. Ink is imported lazily by the CLI,
// so --help, --version and the plain commands never load it. dist/ is self-contained: the package
// has no runtime dependencies. The build also writes dist/THIRD-PARTY-NOTICES.txt, the licences of
// every third-party package whose code ends up in dist/ (taken from the bundle's own metafile).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, chmodSync, rmSync, readdirSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join } from 'node:path';
import { rawPlugin } from './raw-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
// Stub of earlier builds (no longer needed: the devtools import is cut at its source below).
rmSync(join(dist, '.devtools-stub.js'), { force: true });

/**
 * Ink's reconciler imports its React devtools bridge (react-devtools-core and `ws`, ~130 kB) when
 * DEV=true. synack never uses it: cut that dynamic import so no dead chunk is emitted. The build
 * fails if Ink's source no longer has the expected line (so a silent no-op cannot ship).
 */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const line = "await import('./devtools.js');";
      if (!src.includes(line)) throw new Error(`ink's reconciler no longer contains ${line}: update scripts/build.mjs`);
      return { contents: src.replace(line, 'void 0;'), loader: 'js' };
    });
  },
};

/**
 * Ink measures every character it writes with string-width, whose first non-ASCII call compiles an
 * RGI_Emoji regex (~30 ms of the first frame). Ink's own imports of `string-width` (ink/build,
 * widest-line, cli-truncate) go to src/text/string-width-fast.ts, which returns string-width's
 * exact answer (tested over every code point) without that regex for single code points.
 */
const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    const target = join(root, 'src/text/string-width-fast.ts');
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/](ink[\\/]build|widest-line|cli-truncate)[\\/]/.test(args.importer) ? { path: target } : undefined,
    );
    // Ink's frame grid and its widest-line: the same frames, with what a frame shares with the one
    // before remembered (src/text/ink-output.ts).
    const inkBuild = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;
    b.onResolve({ filter: /^widest-line$/ }, (args) => (inkBuild.test(args.importer) ? { path: join(root, 'src/text/widest-line-fast.ts') } : undefined));
    b.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (inkBuild.test(args.importer) ? { path: join(root, 'src/text/ink-output.ts') } : undefined));
  },
};

/**
 * Source patches of third-party modules: each replaces exact text and fails the build if that text
 * is no longer there the expected number of times (so an update of the package cannot silently
 * undo it).
 */
function patchOnLoad(name, filter, edits, only = () => true) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, (args) => {
        if (!only(args.path)) return undefined;
        let src = readFileSync(args.path, 'utf8');
        for (const [from, to, count] of edits) {
          const n = src.split(from).length - 1;
          if (n !== count) throw new Error(`${name}: expected ${count} × ${JSON.stringify(from)} in ${args.path}, found ${n}: update scripts/build.mjs`);
          src = src.split(from).join(to);
        }
        return { contents: src, loader: 'js' };
      });
    },
  };
}

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL and, where `fetch` exists
 * (Node >= 18), loads it with fetch(): that loads Node's whole fetch implementation (undici), tens
 * of milliseconds before the first frame, to decode a string. The patch takes Yoga's own other path
 * (atob, then WebAssembly.instantiate of the same bytes).
 */
const yogaWithoutFetch = patchOnLoad('yoga-without-fetch', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
  ['w||"function"!=typeof fetch?', 'w||!0?', 1],
  ['||"function"!=typeof fetch?c(b)', '||!0?c(b)', 1],
]);

/**
 * string-width 8 builds `/^\p{RGI_Emoji}$/v` and an Intl.Segmenter when it is imported (the regex
 * alone is 40-60 ms: V8 expands every emoji sequence). Both are built at their first use instead
 * (no sooner than the first frame's non-ASCII line: src/text/string-width-fast.ts, which Ink's
 * measuring goes through, calls it only for the rare strings it cannot measure itself).
 */
const lazyStringWidth = patchOnLoad('lazy-string-width', /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, [
  ['const segmenter = new Intl.Segmenter();', 'let segmenterBuilt;\nconst segmenter = {segment: (s) => (segmenterBuilt ??= new Intl.Segmenter()).segment(s)};', 1],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiBuilt;\nconst rgiEmojiRegex = {test: (s) => (rgiEmojiBuilt ??= /^\\p{RGI_Emoji}$/v).test(s)};', 1],
  // Only string-width 8 (the top-level package); Ink's wrap-ansi keeps its own string-width 7.
], (path) => path === realpathSync(join(root, 'node_modules', 'string-width', 'index.js')));

/**
 * zod/mini gets a copy of zod's core of its own. The modules read before the first frame (the
 * progress file, the lesson index cache) validate with zod/mini, whose code is a tenth of the
 * classic API's. But esbuild splits code by file, not by function: while the lesson schemas (read
 * after the first frame) use the classic API, zod's core files would sit whole (with every
 * locale: 520 kB) in a chunk shared by both. Every import of `zod/mini` (and of its English
 * locale) therefore resolves in a namespace of its own, where everything it imports stays, so the
 * first frame loads only the ~60 kB zod/mini needs; the classic API keeps its own copy.
 */
const MINI = /^zod\/(mini|v4\/locales\/en\.js)$/;
const zodMiniCopy = {
  name: 'zod-mini-copy',
  setup(b) {
    const own = async (args) => {
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'zod-mini' });
      if (r.errors.length) return { errors: r.errors };
      // zod declares itself free of side effects (but its compile step): keep that here too.
      return { path: r.path, namespace: 'zod-mini', sideEffects: false };
    };
    b.onResolve({ filter: MINI }, (args) => (args.pluginData === 'zod-mini' || args.namespace === 'zod-mini' ? undefined : own(args)));
    b.onResolve({ filter: /.*/, namespace: 'zod-mini' }, own);
    b.onLoad({ filter: /.*/, namespace: 'zod-mini' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), resolveDir: dirname(args.path), loader: 'js' }));
  },
};

const result = await build({
  // Metafile paths are relative to this directory (whatever the caller's cwd).
  absWorkingDir: root,
  metafile: true,
  // The lessons worker (src/ui/lessons-worker.ts) loads lessons off the UI thread, the model worker
  // (src/ui/worker/model-worker.ts) runs the app's model jobs: each its own entry beside cli.js.
  entryPoints: [join(root, 'src/cli.ts'), join(root, 'src/ui/lessons-worker.ts'), join(root, 'src/ui/worker/model-worker.ts')],
  outdir: dist,
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
  // Smaller download and faster parse. Local identifiers are shortened too (keepNames keeps every
  // function's and class's own name, so SYNACK_DEBUG stack traces still name their frames).
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [rawPlugin, noDevtools, fastStringWidth, zodMiniCopy, yogaWithoutFetch, lazyStringWidth],
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
chmodSync(join(dist, 'cli.js'), 0o755);
// SYNACK_BUILD_META=FILE writes esbuild's metafile there (to see what each chunk holds).
if (process.env.SYNACK_BUILD_META) writeFileSync(process.env.SYNACK_BUILD_META, JSON.stringify(result.metafile));
// Remove chunks of earlier builds (not all at once before building: a synack already running, such
// as a test in a pseudo-terminal, keeps its chunks until this build has written its own).
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => f.split('/').pop()));
const chunks = join(dist, 'chunks');
if (existsSync(chunks)) for (const f of readdirSync(chunks)) if (!fresh.has(f)) rmSync(join(chunks, f), { force: true });

// Third-party notices: every package under node_modules that contributed bytes to an output.
const packages = new Map();
for (const out of Object.values(result.metafile.outputs)) {
  for (const [input, info] of Object.entries(out.inputs)) {
    if (info.bytesInOutput === 0) continue;
    // A plugin's namespace prefixes its paths (`zod-mini:/abs/node_modules/zod/...`): the path after it.
    const path = input.replace(/^[\w-]{2,}:(?=[\\/]|[A-Za-z]:)/, '');
    const parts = path.split(/[\\/]/);
    const i = parts.lastIndexOf('node_modules');
    if (i < 0) continue;
    const n = parts[i + 1].startsWith('@') ? 2 : 1;
    const dir = parts.slice(0, i + 1 + n).join('/');
    const abs = isAbsolute(path) ? dir : join(root, dir);
    packages.set(parts.slice(i + 1, i + 1 + n).join('/') + '@' + abs, abs);
  }
}
const seen = new Map();
for (const abs of packages.values()) {
  // A bundled package whose package.json cannot be read fails the build: the notice must be complete.
  const pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
  const key = `${pkg.name}@${pkg.version}`;
  if (seen.has(key)) continue;
  const licenceFile = readdirSync(abs).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = licenceFile ? readFileSync(join(abs, licenceFile), 'utf8').trim() : null;
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package');
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  // A package without a licence file: its declared licence and author stand for the notice.
  seen.set(key, { name: pkg.name, version: pkg.version, licence, text: text ?? `${licence} licence${author ? `, copyright ${author}` : ''} (the package ships no licence file).` });
}
if (seen.size === 0) throw new Error('no third-party package found in the bundle: the notice would be empty');
const entries = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
const notice = [
  'synack bundles the following third-party packages in dist/. Their licences follow.',
  '',
  ...entries.map((e) => `- ${e.name} ${e.version} (${e.licence})`),
  '',
  ...entries.flatMap((e) => ['='.repeat(78), `${e.name} ${e.version} (${e.licence})`, '='.repeat(78), '', e.text, '']),
].join('\n');
writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), notice);
