#!/bin/sh
# The ink-select-input probe of docs/decisions.md "Menus", in a scratch directory (ink-select-input
# is not a dependency of synack). Usage, from the repository root:
#   sh bench/probes/select-input/build.sh /tmp/select-probe && cd /tmp/select-probe
#   node drive.mjs [--load]   # three ↓ / jjj / separate writes, without and with the stdin wrapper
#   node drive2.mjs           # wrap-around, the rotated window of `limit`, what a digit picks
set -e
out=${1:-/tmp/select-probe}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
mkdir -p "$out"
cd "$out"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund ink-select-input@6.2.0 ink@6.8.0 react@19.2 >/dev/null
sed "s#'../../../src/ui/stdin-keys.ts'#'$root/src/ui/stdin-keys.ts'#" "$here/probe-app.jsx" > probe-app.jsx
sed "s#new URL('../../../package.json', import.meta.url)#'$root/package.json'#" "$here/drive.mjs" > drive.mjs
sed "s#new URL('../../../package.json', import.meta.url)#'$root/package.json'#" "$here/drive2.mjs" > drive2.mjs
# One bundle, one copy of React's scheduler (the wrapper waits on it).
"$root/node_modules/.bin/esbuild" probe-app.jsx --bundle --platform=node --format=esm --outfile=probe-app.mjs --jsx=automatic \
  --alias:react-devtools-core=/dev/null --alias:scheduler="$out/node_modules/scheduler" \
  --define:process.env.NODE_ENV='"production"' --log-level=warning \
  --banner:js="import { createRequire } from 'module'; const require = createRequire(import.meta.url);"
