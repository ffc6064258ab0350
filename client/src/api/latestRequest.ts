import { useState } from 'react'

/**
 * Hands every caller the answer to the last request made: a slow earlier answer never replaces what was asked for
 * since, and whoever waited on it still hears how the newest one ended.
 */
export class LatestRequest<T> {
  private newest: Promise<T> | null = null

  /** Settles as `request` does if it is still the newest when it ends, else as the newest request then does. */
  track(request: Promise<T>): Promise<T> {
    this.newest = request
    return this.settled(request)
  }

  private settled(request: Promise<T>): Promise<T> {
    const after = (): Promise<T> => (this.newest === request ? request : this.settled(this.newest!))
    return request.then(after, after)
  }
}

/** One LatestRequest for the component's lifetime. */
export function useLatestRequest<T>(): LatestRequest<T> {
  return useState(() => new LatestRequest<T>())[0]
}
