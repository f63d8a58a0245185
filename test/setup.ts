// Property tests explore new random inputs on developers' machines, but CI runs a fixed seed so a
// red run is reproducible (FC_SEED=N overrides both).
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261121 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
