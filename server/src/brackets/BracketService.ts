import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { auditAction, placeItem, resolveItem } from '../../../shared/brackets/bracketRules.js'
import type { BracketItem, NewBracketBody, ResolveBracketBody } from '../../../shared/brackets/bracketSchemas.js'
import { checkNewSpan, placeSpan, replaceSpan } from '../../../shared/brackets/bracketSpans.js'
import { bracketCount, frozenBrackets, type BracketCount } from '../../../shared/brackets/frozenBrackets.js'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import type { PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { SharedDocument } from '../sync/SharedDocument.js'
import type { BracketStore } from './BracketStore.js'

/** The origin of the text change a resolution makes (deleting bracketed words, choosing an alternative). */
export class BracketOrigin {
  constructor(readonly itemId: string) {}
}

/** Moments of a resolution that tests can wait for or hold. */
export type BracketEvent = 'requested' | 'text-applied'

/** How much of a quote is kept with an item. */
const QUOTE_LENGTH = 300

function refuseLocked(document: SharedDocument): void {
  if (document.locked) throw new NegotiationRefusal(409, 'locked.brackets')
}

/** Square brackets and alternatives: checked against the live text, stored durably, audited; resolving changes the text in one step. */
export class BracketService {
  /** Placements and resolutions run one at a time per declaration, so none lands between a resolution's check and its record. */
  private readonly queue = new KeyedQueue()

  constructor(
    readonly store: BracketStore,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    /** Told when a resolution arrives, and awaited after its text change is on disk, before its record is stored (tests hold it there). */
    private readonly hook: (event: BracketEvent) => Promise<void> = async () => undefined,
  ) {}

  list(declaration: string): Promise<BracketItem[]> {
    return this.store.list(declaration)
  }

  /** Places a bracket or a set of alternatives on a span (or a whole paragraph) of the live text. */
  place(declaration: string, body: NewBracketBody, by: PersonRef): Promise<BracketItem> {
    return this.queue.run(declaration, async () => {
      const quote = await this.hub.withDocument(declaration, (document) => {
        refuseLocked(document)
        return checkNewSpan(document.doc, body.clauseId, body.anchor)
      })
      const item = await this.store.add(declaration, placeItem(body, { id: randomUUID(), quote: quote.slice(0, QUOTE_LENGTH), by, at: new Date().toISOString() }))
      await this.record(declaration, by, item)
      return item
    })
  }

  /** Lifts, deletes the words of, or chooses an alternative of an open item; a text change is on disk before the record is stored. */
  async resolve(declaration: string, id: string, body: ResolveBracketBody, by: PersonRef): Promise<BracketItem> {
    await this.hook('requested')
    return this.queue.run(declaration, async () => {
      const current = (await this.store.list(declaration)).find((item) => item.id === id)
      if (!current) throw new NegotiationRefusal(404, 'unknown_bracket')
      const at = new Date().toISOString()
      const { words } = resolveItem(current, body, by, at)
      await this.applyToText(declaration, current, words)
      await this.hook('text-applied')
      const resolved = await this.store.update(declaration, id, (item) => resolveItem(item, body, by, at).item)
      await this.record(declaration, by, resolved)
      return resolved
    })
  }

  /** The open brackets and alternatives as a frozen version records them, read in one step with the live text. */
  snapshot(declaration: string): Promise<Pick<NegotiationSnapshot, 'brackets' | 'alternatives'>> {
    return this.queue.run(declaration, async () => {
      const items = await this.store.list(declaration)
      return this.hub.withDocument(declaration, (document) => frozenBrackets(document.doc, items))
    })
  }

  /** How many brackets and alternatives are open, and in how many paragraphs of the live text. */
  async count(declaration: string): Promise<BracketCount> {
    const items = await this.store.list(declaration)
    const clauseIds = await this.hub.withDocument(declaration, (document) => {
      const ids = document.doc.getXmlFragment(DECLARATION_FRAGMENT).toArray().map((node) => (node instanceof Y.XmlElement ? node.getAttribute('id') : undefined))
      return new Set(ids.filter((value): value is string => typeof value === 'string'))
    })
    return bracketCount(items, clauseIds)
  }

  /** Checks the draft is open and writes `words` (null: none) in place of the item's span in one synchronous step, then waits until it is on disk. */
  private async applyToText(declaration: string, item: BracketItem, words: string | null): Promise<void> {
    const document = await this.hub.acquire(declaration)
    try {
      refuseLocked(document)
      if (words === null) return
      const span = placeSpan(document.doc, item.clauseId, item.anchor)
      if (!span) throw new NegotiationRefusal(409, 'paragraph_removed')
      replaceSpan(document.doc, span, words, new BracketOrigin(item.id))
      await document.flushAll()
    } finally {
      this.hub.release(document)
    }
  }

  private async record(declaration: string, by: PersonRef, item: BracketItem): Promise<void> {
    const chosen = item.kind === 'alternatives' && item.chosen !== null ? { chosen: item.chosen, words: item.options[item.chosen - 1]?.text } : {}
    const requested = item.kind === 'bracket' ? { requestedBy: item.requestedBy } : { proposedBy: item.options.map((option) => option.proposedBy) }
    await this.audit.append(declaration, { actor: by, action: auditAction(item), details: { item: item.id, clauseId: item.clauseId, quote: item.quote, ...requested, ...chosen } })
  }
}
