import { vi } from 'vitest'
import { DurableRecords } from '../../server/src/store/DurableRecords.js'

/** Commits to the records file held back until `count` have arrived, then run one by one in a chosen order. */
export interface CommitBarrier {
  /** Resolves once `n` commits are being held. */
  arrived(n: number): Promise<void>
  /** Puts `commit` back as it was. */
  restore(): void
}

/**
 * Holds the next `count` record commits of every store in this process, so that each request has made every check it
 * makes outside the store before any of them writes; then runs them last-arrived first, each after the one before.
 */
export function holdCommits(count: number): CommitBarrier {
  const original = DurableRecords.prototype.commit
  const held: Array<() => Promise<unknown>> = []
  const waiters: Array<{ n: number; resolve: () => void }> = []
  const spy = vi.spyOn(DurableRecords.prototype, 'commit').mockImplementation(function <T, R>(this: DurableRecords<T>, change: (draft: T) => R): Promise<R> {
    if (held.length >= count) return original.call(this, change) as Promise<R>
    return new Promise<R>((resolve, reject) => {
      held.push(() => (original.call(this, change) as Promise<R>).then(resolve, reject))
      for (const waiter of waiters.filter(({ n }) => held.length >= n)) waiter.resolve()
      if (held.length === count) {
        void held
          .slice()
          .reverse()
          .reduce((previous, run) => previous.then(run).catch(() => undefined), Promise.resolve<unknown>(undefined))
      }
    })
  })
  return {
    arrived: (n) => (held.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    restore: () => spy.mockRestore(),
  }
}
