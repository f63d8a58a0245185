/** Congestion control: pure modules (see docs/decisions.md, "Congestion control: pure modules"). */
export * from './types.js';
export * from './controller.js';
export { reno, slowStart, renoCongestionAvoidance, packetsOf } from './reno.js';
export { cubic, wCubic, cubicK, alphaCubic, linuxCubicK, CUBIC_C, CUBIC_BETA, LINUX_CUBIC_BETA } from './cubic.js';
export { prrStep, type PrrInput } from './prr.js';
export { PHASE_LABEL, CC_LABEL } from './strings.js';
