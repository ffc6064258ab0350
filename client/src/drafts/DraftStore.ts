import { z } from 'zod'
import { unsentParagraphs, type DraftParagraph } from './unsentWords.js'

const StoredDraft = z.object({
  reason: z.string(),
  paragraphs: z.array(z.object({ label: z.string(), text: z.string() })),
  /** False until the server's text is in: until then `paragraphs` is everything the page had. */
  settled: z.boolean(),
})

/** Words the server refused, kept for the person until they dismiss them. */
export type Draft = z.infer<typeof StoredDraft>

/**
 * The recoverable draft of one declaration in this browser, kept in localStorage so that a reload shows it again.
 * A refusal holds the page's whole text; once the server's text is loaded, only what it lacks is kept.
 */
export class DraftStore {
  private readonly listeners = new Set<() => void>()
  current: Draft | null

  constructor(
    private readonly key: string,
    private readonly storage: Storage = window.localStorage,
  ) {
    this.current = this.read()
  }

  private read(): Draft | null {
    const raw = this.storage.getItem(this.key)
    if (raw === null) return null
    try {
      return StoredDraft.parse(JSON.parse(raw))
    } catch {
      return null
    }
  }

  private write(draft: Draft | null): void {
    if (draft) this.storage.setItem(this.key, JSON.stringify(draft))
    else this.storage.removeItem(this.key)
    this.current = draft
    for (const listener of this.listeners) listener()
  }

  /**
   * Keeps the page's text when the server refused a change, beside earlier drafts not yet dismissed; a later hold
   * before the server's text is in replaces the earlier one, as it holds the words typed since.
   */
  hold(paragraphs: DraftParagraph[], reason: string): void {
    const earlier = this.current?.settled ? this.current.paragraphs : []
    const known = new Set(earlier.map((paragraph) => paragraph.text))
    this.write({ reason, paragraphs: [...earlier, ...paragraphs.filter((paragraph) => !known.has(paragraph.text))], settled: false })
  }

  /** Narrows a held draft to what the server's text lacks; drops it when nothing was lost. */
  settle(servers: DraftParagraph[]): void {
    const draft = this.current
    if (!draft || draft.settled) return
    const paragraphs = unsentParagraphs(draft.paragraphs, servers)
    this.write(paragraphs.length > 0 ? { ...draft, paragraphs, settled: true } : null)
  }

  /** Forgets the draft: the person has copied or no longer needs it. */
  dismiss(): void {
    this.write(null)
  }

  /** Listens to changes of the draft; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
