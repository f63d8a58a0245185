/**
 * The TCP model's words: the catalogues live in strings.ts (English and zh-CN); this module keeps
 * the import path the model uses, and the error names.
 */
export { X, PARSE } from './strings.js';

/** AppEvent.error values (RFC 9293's error names; stable, consumers may match on them). */
export const ERR = {
  timedOut: 'connection timed out',
  halfOpenExpired: 'half-open connection expired',
  refused: 'connection refused',
  reset: 'connection reset',
  exists: 'connection already exists',
  closing: 'connection closing',
  noConnection: 'connection does not exist',
} as const;
