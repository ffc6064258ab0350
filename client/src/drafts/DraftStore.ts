import { z } from 'zod'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { unsentParagraphs, type DraftParagraph } from './unsentWords.js'

const Paragraphs = z.array(z.object({ label: z.string(), text: z.string() }))

const StoredDraft = z.object({
  /** The close code of the refusal, which says why in the reader's language; drafts kept before it was stored count as refused changes. */
  code: z.number().int().default(CloseCode.changeRefused),
  /** What the server lacked: shown to the person. */
  paragraphs: Paragraphs,
  /** The page's whole text at a refusal, until the server's text is in and it is narrowed into `paragraphs`. */
  held: Paragraphs.nullable(),
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
   * Holds the page's text when the server refused a change, beside what earlier refusals kept; a later hold before
   * the server's text is in replaces the earlier one, as it has the words typed since.
   */
  hold(paragraphs: DraftParagraph[], code: number): void {
    this.write({ code, paragraphs: this.current?.paragraphs ?? [], held: paragraphs })
  }

  /** Keeps of the held text what the server's text lacks; forgets the draft when nothing at all was lost. */
  settle(servers: DraftParagraph[]): void {
    const draft = this.current
    if (!draft?.held) return
    const known = new Set(draft.paragraphs.map((paragraph) => paragraph.text))
    const paragraphs = [...draft.paragraphs, ...unsentParagraphs(draft.held, servers).filter((paragraph) => !known.has(paragraph.text))]
    this.write(paragraphs.length > 0 ? { code: draft.code, paragraphs, held: null } : null)
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
