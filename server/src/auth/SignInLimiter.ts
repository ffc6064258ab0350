/** How many failed sign-ins are allowed within the window. */
export interface SignInLimits {
  perLogin: number
  /** Higher: a whole congress may share one address behind the venue's Wi-Fi. */
  perAddress: number
  windowMs: number
}

/** Limits failed sign-ins per login and per address within a sliding window. */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly limits: SignInLimits) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < this.limits.windowMs)
    if (times.length === 0) this.failures.delete(key)
    else this.failures.set(key, times)
    return times
  }

  private keys(login: string, address: string): [string, number][] {
    return [
      [`login:${login}`, this.limits.perLogin],
      [`address:${address}`, this.limits.perAddress],
    ]
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfter(login: string, address: string, now = Date.now()): number {
    let wait = 0
    for (const [key, max] of this.keys(login, address)) {
      const times = this.recent(key, now)
      if (times.length >= max) wait = Math.max(wait, Math.ceil((times[0]! + this.limits.windowMs - now) / 1000))
    }
    return wait
  }

  recordFailure(login: string, address: string, now = Date.now()): void {
    for (const [key] of this.keys(login, address)) this.failures.set(key, [...this.recent(key, now), now])
  }

  /** A success clears the login's failures; the address keeps its count. */
  recordSuccess(login: string): void {
    this.failures.delete(`login:${login}`)
  }
}
