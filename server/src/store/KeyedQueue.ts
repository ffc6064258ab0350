/** Runs operations one after another per key (a document, a declaration), and concurrently across keys. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(operation, operation)
    const settled = next.catch(() => undefined)
    this.tails.set(key, settled)
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key)
    })
    return next
  }

  /** Resolves once every operation queued so far has finished. */
  async settled(): Promise<void> {
    await Promise.all([...this.tails.values()])
  }
}
