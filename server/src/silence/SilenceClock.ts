/** The clock a silence deadline is kept by; tests drive their own. */
export interface SilenceClock {
  /** Now, in ms since the epoch. */
  now(): number
  /** Calls `fire` once the clock reaches `time` (at once if it has); returns a function that cancels it. */
  at(time: number, fire: () => void): () => void
}

// setTimeout takes at most a signed 32-bit delay; longer waits are made of several.
const MAX_DELAY_MS = 2 ** 31 - 1

/** The machine's clock. */
export const systemClock: SilenceClock = {
  now: () => Date.now(),
  at(time, fire) {
    let handle: NodeJS.Timeout
    const arm = () => {
      const delay = time - Date.now()
      handle = delay > MAX_DELAY_MS ? setTimeout(arm, MAX_DELAY_MS) : setTimeout(fire, Math.max(0, delay))
      handle.unref()
    }
    arm()
    return () => clearTimeout(handle)
  },
}
