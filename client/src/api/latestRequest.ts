import { useState } from 'react'

/** Lets only the last request made settle, so a slow earlier answer never replaces what was asked for since. */
export class LatestRequest {
  private made = 0

  /** Settles as `request` does, or never if another request was tracked in the meantime. */
  track<T>(request: Promise<T>): Promise<T> {
    const number = ++this.made
    return new Promise<T>((resolve, reject) => {
      request.then(
        (value) => number === this.made && resolve(value),
        (failure: unknown) => number === this.made && reject(failure instanceof Error ? failure : new Error(String(failure))),
      )
    })
  }
}

/** One LatestRequest for the component's lifetime. */
export function useLatestRequest(): LatestRequest {
  return useState(() => new LatestRequest())[0]
}
