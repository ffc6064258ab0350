import { Low } from 'lowdb'
import { DurableJsonAdapter } from './DurableJsonAdapter.js'

/** A lowdb JSON file whose changes are applied to a copy, written durably, and only then made current. */
export class DurableRecords<T> {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(private readonly db: Low<T>) {}

  /** Opens the file, or starts from `defaults()` when there is none; `upgrade` fills fields older files lack. */
  static async open<T>(path: string, defaults: () => T, upgrade: (stored: T) => T = (stored) => stored): Promise<DurableRecords<T>> {
    const db = new Low<T>(new DurableJsonAdapter(path), defaults())
    await db.read()
    db.data = upgrade(db.data)
    return new DurableRecords(db)
  }

  /** The current records; change them only through `commit`. */
  get data(): T {
    return this.db.data
  }

  /** Applies a change, one at a time; if the change throws or the write fails, nothing changes. */
  commit<R = void>(change: (draft: T) => R): Promise<R> {
    const run = async () => {
      const next = structuredClone(this.db.data)
      const result = change(next)
      await this.db.adapter.write(next)
      this.db.data = next
      return result
    }
    const done = this.queue.then(run, run)
    this.queue = done.catch(() => undefined)
    return done
  }

  /** Resolves once every pending change is written. */
  async settled(): Promise<void> {
    await this.queue
  }
}
