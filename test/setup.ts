// Property tests explore new random inputs on developers' machines, but CI runs a fixed seed so a
// red run is reproducible (FC_SEED=N overrides both).
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261121 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

// Every test file starts in English (the pure suites share modules between files: a file that
// switches to zh-CN must not leak its language into the next one).
import { setLang } from '../src/i18n/index.js';
setLang('en');
