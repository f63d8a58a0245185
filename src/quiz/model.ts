/** The TCP model the generated questions run on (the one place that binds src/tcp's runSource). */
import { runSource } from '../tcp/index.js';
import type { TcpRunner } from './generate.js';

export const defaultRunner: TcpRunner | undefined = runSource;
