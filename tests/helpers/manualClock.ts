import type { SilenceClock } from '../../server/src/silence/SilenceClock.js'

/** A clock the test moves on by hand: timers fire when it passes their time, never by waiting. */
export class ManualClock implements SilenceClock {
  private timers: { time: number; fire: () => void }[] = []

  constructor(private time = Date.now()) {}

  now(): number {
    return this.time
  }

  at(time: number, fire: () => void): () => void {
    const timer = { time, fire }
    if (time <= this.time) queueMicrotask(fire)
    else this.timers.push(timer)
    return () => (this.timers = this.timers.filter((other) => other !== timer))
  }

  /** Moves the clock on by `ms` and fires every timer now due. */
  advance(ms: number): void {
    this.lag(ms)
    this.fireDue()
  }

  /** Moves the clock on by `ms` without firing timers yet, as when the event loop is busy at the deadline. */
  lag(ms: number): void {
    this.time += ms
  }

  /** Fires every timer now due. */
  fireDue(): void {
    const due = this.timers.filter((timer) => timer.time <= this.time)
    this.timers = this.timers.filter((timer) => timer.time > this.time)
    for (const timer of due) timer.fire()
  }
}
