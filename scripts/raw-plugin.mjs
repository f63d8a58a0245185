// esbuild plugin: `import text from './file.tcp?raw'` bundles the file's text (as vite does for the
// tests), so the built-in scenarios have one source, scenarios/*.tcp.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (a) => ({ contents: await readFile(a.path, 'utf8'), loader: 'text', watchFiles: [a.path] }));
  },
};
