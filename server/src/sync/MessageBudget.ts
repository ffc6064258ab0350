/** How much a connection may ask of the server. */
export interface BudgetLimits {
  /** Tokens regained per second. */
  perSecond: number
  /** Tokens a quiet connection has saved up. */
  burst: number
}

/**
 * A token bucket per connection. A message costs one token plus one per millisecond the server spent on it,
 * so a flood of small frames and a few expensive ones are limited alike.
 */
export class MessageBudget {
  private tokens: number
  private updatedAt = performance.now()

  constructor(private readonly limits: BudgetLimits) {
    this.tokens = limits.burst
  }

  /** Spends `cost` tokens; returns how long the sender must wait until the budget is whole again, or 0. */
  spend(cost: number): number {
    const now = performance.now()
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.updatedAt) * this.limits.perSecond) / 1000)
    this.updatedAt = now
    this.tokens -= cost
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.limits.perSecond
  }
}
