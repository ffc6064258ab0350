/** A log with a bad record before its end: not what a crash leaves, so it is never cut or rewritten. */
export class DamagedLogError extends Error {
  constructor(readonly offset: number) {
    super(`update log damaged at byte ${offset}`)
  }
}

/** What people are told about a damaged declaration (short enough for a close reason). */
export const DAMAGED_MESSAGE = "This declaration's stored text is damaged; it is kept unchanged until an administrator restores it."
