// Baseline for the start-up benchmark: the smallest bundled Ink app that renders one line.
import React from 'react';
import { render, Text } from 'ink';

render(<Text>hello from ink</Text>);
setTimeout(() => process.exit(0), 50);
