import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurably } from './durableFile.js'

/** A lowdb adapter whose writes are atomic and fsynced, one at a time. */
export class DurableJsonAdapter<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2)
    const done = this.queue.then(() => writeFileDurably(this.path, text))
    this.queue = done.catch(() => undefined)
    return done
  }
}
