import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { ServerHooks } from '../serverHooks.js'

/** How failed sign-ins are limited. */
export interface SignInLimits {
  /** Failures on one login within the window before each further attempt waits its turn. */
  perLogin: number
  /** Higher: a whole congress may share one address behind the venue's Wi-Fi. */
  perAddress: number
  /** Failures a browser that signed in to the login before may make before it is treated like any other. */
  perDevice: number
  windowMs: number
  /** The longest wait between two paced attempts on one login: the most a stranger can delay its owner. */
  maxPaceMs: number
}

/** An attempt the limiter let through, to report back as a failure or a success. */
export interface SignInAttempt {
  login: string
  address: string
  /** The browser signed in to this login before and holds its device token. */
  trusted: boolean
  device: string | null
}

/**
 * Either an attempt may go ahead, or it must wait this many seconds: the address or the login gave too many wrong
 * passwords, or (`busy`) the login has too many attempts still being checked, none of them yet found wrong.
 */
export type Admission = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfter: number; reason: 'address' | 'login' | 'busy' }

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/**
 * Limits failed sign-ins without letting a stranger lock anyone out: past the limit a login is slowed down (one
 * attempt per pause, the pause doubling up to `maxPaceMs`), never locked; a browser that signed in to the
 * login before skips the pause and the address limit; a moderator can clear a login's count. Each count is taken in
 * the same step as its check, so parallel guesses cannot slip past it.
 */
export class SignInLimiter {
  /** Attempts admitted on a login, counted before their password is checked so parallel guesses cannot slip past. */
  private readonly failures: RateLimiterMemory
  /** Of those, the ones whose password was found wrong: only these may be told of wrong passwords. */
  private readonly wrong: RateLimiterMemory
  private readonly pace: RateLimiterMemory
  private readonly addresses: RateLimiterMemory
  private readonly devices: RateLimiterMemory
  private readonly secret = randomBytes(32)

  constructor(
    private readonly limits: SignInLimits,
    private readonly hooks: ServerHooks = {},
  ) {
    const duration = seconds(limits.windowMs)
    this.failures = new RateLimiterMemory({ keyPrefix: 'login', points: Number.MAX_SAFE_INTEGER, duration })
    this.wrong = new RateLimiterMemory({ keyPrefix: 'wrong', points: Number.MAX_SAFE_INTEGER, duration })
    this.pace = new RateLimiterMemory({ keyPrefix: 'pace', points: 1, duration: 1 })
    this.addresses = new RateLimiterMemory({ keyPrefix: 'address', points: limits.perAddress, duration })
    this.devices = new RateLimiterMemory({ keyPrefix: 'device', points: limits.perDevice, duration })
  }

  /** The token a browser keeps after signing in to `login`, so a later attempt from it is known. */
  deviceToken(login: string, nonce = randomBytes(16).toString('base64url')): string {
    return `${nonce}.${createHmac('sha256', this.secret).update(`${login}\n${nonce}`).digest('base64url')}`
  }

  private isDeviceOf(login: string, token: string | undefined): token is string {
    const nonce = token?.split('.')[0]
    if (!token || !nonce) return false
    const expected = Buffer.from(this.deviceToken(login, nonce))
    const given = Buffer.from(token)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  /** Whether an attempt may go ahead now; an admitted attempt is already counted, and is uncounted by a success. */
  async admit(login: string, address: string, deviceToken: string | undefined): Promise<Admission> {
    const admission = await this.decide(login, address, deviceToken)
    await this.hooks.afterSignInAdmission?.(login)
    return admission
  }

  private async decide(login: string, address: string, deviceToken: string | undefined): Promise<Admission> {
    if (this.isDeviceOf(login, deviceToken)) {
      const device = `${login}|${deviceToken}`
      const trusted = await this.devices.consume(device).then(
        () => true,
        () => false,
      )
      if (trusted) return { allowed: true, attempt: { login, address, trusted, device } }
    }
    const crowded = await this.addresses.get(address)
    if (crowded && crowded.consumedPoints >= this.limits.perAddress) return { allowed: false, retryAfter: seconds(crowded.msBeforeNext), reason: 'address' }
    const counted = (await this.failures.penalty(login)).consumedPoints
    if (counted > this.limits.perLogin) {
      // Taking the one slot holds it while this attempt is checked, so a parallel guess waits as well.
      const waited = await this.pace.consume(login, 1, { customDuration: seconds(this.limits.maxPaceMs) }).then(
        () => null,
        (refused: RateLimiterRes) => refused,
      )
      if (waited) {
        // A refused attempt tried no password, so it does not lengthen the next pause.
        await this.failures.reward(login)
        const wrong = (await this.wrong.get(login))?.consumedPoints ?? 0
        // Tabs signing in at once with the right password fill the count too: they are told to retry, not that they guessed.
        if (wrong < this.limits.perLogin) return { allowed: false, retryAfter: 1, reason: 'busy' }
        return { allowed: false, retryAfter: seconds(waited.msBeforeNext), reason: 'login' }
      }
    }
    return { allowed: true, attempt: { login, address, trusted: false, device: null } }
  }

  /** A wrong password: the address counts it too (the login did on admission, or does now from a known browser); past the limit the login pauses. */
  async recordFailure(attempt: SignInAttempt): Promise<void> {
    await Promise.all([this.addresses.penalty(attempt.address), this.wrong.penalty(attempt.login)])
    const counted = attempt.trusted ? (await this.failures.penalty(attempt.login)).consumedPoints : ((await this.failures.get(attempt.login))?.consumedPoints ?? 0)
    if (counted >= this.limits.perLogin) await this.pace.block(attempt.login, seconds(Math.min(1000 * 2 ** (counted - this.limits.perLogin), this.limits.maxPaceMs)))
  }

  /** The right password clears the login's count and pause; the address keeps its count. */
  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await Promise.all([this.failures.delete(attempt.login), this.wrong.delete(attempt.login), this.pace.delete(attempt.login), attempt.device ? this.devices.delete(attempt.device) : null])
  }

  /** A moderator clears a login's failures and pause; true when there were any. */
  async clear(login: string): Promise<boolean> {
    const [failures, pace] = await Promise.all([this.failures.delete(login), this.pace.delete(login), this.wrong.delete(login)])
    return failures || pace
  }
}
