// A ten-item ink-select-input list; Enter prints the picked item and exits. --wrap: Ink reads
// through synack's KeyByKeyStdin (src/ui/stdin-keys.ts). --limit: limit={5}.
import React from 'react';
import { render, Text, Box } from 'ink';
import SelectInput from 'ink-select-input';
import { keyByKeyStdin } from '../../../src/ui/stdin-keys.ts';

const wrap = process.argv.includes('--wrap');
// --nolag: the wrapper without its bounds for a slow machine (MAX_LAG_MS, MAX_RENDER_WAIT_MS): every
// key its own render, however far behind.
const nolag = process.argv.includes('--nolag');
const limit = process.argv.includes('--limit') ? 5 : undefined;
const items = Array.from({ length: 10 }, (_, i) => ({ label: `item ${i}`, value: i }));
let app;
function Probe() {
  return (
    <Box flexDirection="column">
      <Text>probe ready</Text>
      <SelectInput items={items} limit={limit} onSelect={(it) => { process.stdout.write(`\nPICKED ${it.value}\n`); app.unmount(); }} />
    </Box>
  );
}
app = render(<Probe />, { stdin: wrap ? keyByKeyStdin(process.stdin, nolag ? { maxLagMs: Infinity, maxRenderWaitMs: Infinity } : {}) : process.stdin, exitOnCtrlC: true });
await app.waitUntilExit();
process.exit(0);
