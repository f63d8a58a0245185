/** The local calendar day of the machine's time zone (TZ, or the system's), for the shell to pass to pure code. */
import { offsetDay, type DayOf } from '../quiz/days.js';

export const systemDay: DayOf = offsetDay((ms) => -new Date(ms).getTimezoneOffset());
