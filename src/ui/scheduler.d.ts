/** The parts of React's scheduler (the `scheduler` package react-reconciler runs on) that
 *  src/ui/stdin-keys.ts uses: it ships no types. */
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export const unstable_LowPriority: number;
  export const unstable_UserBlockingPriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
  export function unstable_getFirstCallbackNode(): unknown;
}
