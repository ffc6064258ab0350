import type { ParagraphStatusStore } from './ParagraphStatusStore.js'

/** Which paragraphs of a declaration are closed to changes: what the sync and the amendments ask before each change. */
export interface ClosedParagraphs {
  /** Reads a declaration's statuses; `closed` knows them from then on. */
  load(declaration: string): Promise<unknown>
  /** The ids of the closed paragraphs, as of this moment; looked up at every change, so it must stay cheap. */
  closed(declaration: string): ReadonlySet<string>
}

const nothingClosed: ReadonlySet<string> = new Set()

/**
 * Closed paragraphs: those stored as agreed, and those being marked agreed right now. A paragraph closes in the same
 * synchronous step in which marking it agreed begins, before the status is written, so a change either was applied
 * before that step or is refused; it reopens only once its new status is on disk.
 */
export class ParagraphGate implements ClosedParagraphs {
  /** Paragraphs being marked agreed, by declaration, with how many steps hold each. */
  private readonly closing = new Map<string, Map<string, number>>()
  private readonly cache = new Map<string, ReadonlySet<string>>()

  constructor(private readonly store: ParagraphStatusStore) {}

  async load(declaration: string): Promise<void> {
    await this.store.list(declaration)
    this.refresh(declaration)
  }

  closed(declaration: string): ReadonlySet<string> {
    return this.cache.get(declaration) ?? nothingClosed
  }

  /** Closes a paragraph at once; the returned function lifts this hold (the stored status decides after that). */
  hold(declaration: string, clauseId: string): () => void {
    const holds = this.closing.get(declaration) ?? new Map<string, number>()
    this.closing.set(declaration, holds)
    holds.set(clauseId, (holds.get(clauseId) ?? 0) + 1)
    this.refresh(declaration)
    let held = true
    return () => {
      if (!held) return
      held = false
      const left = (holds.get(clauseId) ?? 1) - 1
      if (left > 0) holds.set(clauseId, left)
      else holds.delete(clauseId)
      if (holds.size === 0) this.closing.delete(declaration)
      this.refresh(declaration)
    }
  }

  /** Reads the closed set again after the stored statuses or the holds changed. */
  refresh(declaration: string): void {
    const closed = new Set(this.closing.get(declaration)?.keys())
    for (const record of this.store.current(declaration).values()) if (record.status === 'agreed') closed.add(record.clauseId)
    this.cache.set(declaration, closed)
  }
}
