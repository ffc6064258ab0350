/** A point the server stops at until the test opens it; `reached` resolves when the server first arrives there. */
export interface Barrier {
  reached: Promise<void>
  /** What the hook awaits: the first caller waits for `open`, later ones pass. */
  hold(): Promise<void>
  open(): void
}

/** Makes a barrier for one hook. */
export function barrier(): Barrier {
  let arrive = () => {}
  let open = () => {}
  const reached = new Promise<void>((resolve) => (arrive = resolve))
  const opened = new Promise<void>((resolve) => (open = resolve))
  let used = false
  return {
    reached,
    hold: () => {
      if (used) return Promise.resolve()
      used = true
      arrive()
      return opened
    },
    open: () => open(),
  }
}
