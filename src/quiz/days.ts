/**
 * Calendar days for streaks and the "due" forecast. A learner's day is their local day, not UTC's:
 * an answer at 23:30 and one at 00:30 the next morning are two days of a streak wherever the learner
 * lives. The time zone is an input like the time (pure code never reads it): the shell passes
 * `systemDay` (src/util/system-day.ts); tests pass `utcDay` or `offsetDay` with a fixed offset.
 */
export const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01 in some time zone) of an instant. */
export type DayOf = (ms: number) => number;

export const utcDay: DayOf = (ms) => Math.floor(ms / DAY_MS);

/** Days in a zone whose offset east of UTC, in minutes, at instant `ms` is `offsetMinutes(ms)` (daylight saving may change it). */
export function offsetDay(offsetMinutes: (ms: number) => number): DayOf {
  return (ms) => Math.floor((ms + offsetMinutes(ms) * 60_000) / DAY_MS);
}
