import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { decideAmendment, isOpen, NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import type { AmendmentChange } from '../../../shared/negotiation/amendmentSchemas.js'
import { amendedParagraph } from '../../../shared/paragraphStatus/amendmentParagraph.js'
import type { ClosedParagraphs } from '../paragraphStatus/ParagraphGate.js'
import type { AuditLog } from '../store/Store.js'
import type { AmendmentStore } from './AmendmentStore.js'
import { recordAmendment } from './amendmentAudit.js'

/** Whether `change` touches a paragraph that is agreed (or being marked agreed) as of this moment. */
export function changesClosedParagraph(paragraphs: ClosedParagraphs | undefined, declaration: string, change: AmendmentChange): boolean {
  const clauseId = amendedParagraph(change)
  return clauseId !== null && (paragraphs?.closed(declaration).has(clauseId) ?? false)
}

/** Refuses a change to a paragraph that is agreed (or being marked agreed). */
export function requireParagraphOpen(paragraphs: ClosedParagraphs | undefined, declaration: string, change: AmendmentChange): void {
  if (changesClosedParagraph(paragraphs, declaration, change)) {
    throw new NegotiationRefusal(409, 'paragraph_agreed')
  }
}

/**
 * Decides the open amendments that change a paragraph "not taken up" (each recorded), or refuses while it has any and
 * `notTakenUp` is false; resolves with the amendments decided. Run it where no other amendment step can interleave.
 */
export async function closeOpenAmendments(store: AmendmentStore, audit: AuditLog, declaration: string, clauseId: string, notTakenUp: boolean, by: PersonRef): Promise<AmendmentRecord[]> {
  const open = (await store.list(declaration)).filter((amendment) => isOpen(amendment) && amendedParagraph(amendment.change) === clauseId)
  if (open.length > 0 && !notTakenUp) {
    const labels = open.map((amendment) => amendmentLabel(amendment.number)).join(', ')
    throw new NegotiationRefusal(409, 'amendments_pending', { labels })
  }
  const decided: AmendmentRecord[] = []
  for (const amendment of open) {
    const closed = await store.update(declaration, amendment.number, (current) => decideAmendment(current, { status: 'not-taken-up' }, by, new Date().toISOString()))
    await recordAmendment(audit, declaration, by, 'amendment.not-taken-up', closed)
    decided.push(closed)
  }
  return decided
}
