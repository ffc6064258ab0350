/** A log with a bad record before its end: not what a crash leaves, so it is never cut or rewritten. */
export class DamagedLogError extends Error {
  constructor(readonly offset: number) {
    super(`update log damaged at byte ${offset}`)
  }
}
