import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import { liveClauseLabel } from '../../../shared/paragraphStatus/closedParagraphCheck.js'
import type { ParagraphStatusRecord } from '../../../shared/paragraphStatus/paragraphStatusRecord.js'
import type { NegotiationSnapshot, ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import type { AmendmentService } from '../negotiation/AmendmentService.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { ParagraphGate } from './ParagraphGate.js'
import type { ParagraphStatusStore } from './ParagraphStatusStore.js'

/** Moments of a status change that tests can hold: `closing` comes after the paragraph closed, before its status is written. */
export type StatusEvent = 'requested' | 'closing'

/** What setting a status did. */
export interface StatusChange {
  record: ParagraphStatusRecord
  /** The amendments closed as "not taken up" in the same step. */
  notTakenUp: AmendmentRecord[]
  /** False when the paragraph already had this status: nothing was written or recorded. */
  changed: boolean
}

/** Paragraph statuses: set by moderators, stored durably, recorded in the audit log, and enforced through the gate. */
export class ParagraphStatusService {
  /** Status changes run one at a time per declaration, so each reads the status it replaces. */
  private readonly queue = new KeyedQueue()

  constructor(
    readonly store: ParagraphStatusStore,
    readonly gate: ParagraphGate,
    private readonly amendments: AmendmentService,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    private readonly hook: (event: StatusEvent) => Promise<void> = async () => undefined,
  ) {}

  list(declaration: string): Promise<ParagraphStatusRecord[]> {
    return this.store.list(declaration)
  }

  /**
   * The statuses stored (a source of the frozen state); the text reader gives every paragraph of the text read its
   * entry from them, on its own thread, so the sync loop never walks 2,000 paragraphs for a freeze.
   */
  async snapshot(declaration: string): Promise<Pick<NegotiationSnapshot, 'statuses'>> {
    await this.store.list(declaration)
    return { statuses: [...this.store.current(declaration).values()].map(({ clauseId, status }) => ({ clauseId, status })) }
  }

  /**
   * Sets a paragraph's status. Marking it agreed closes it at once, decides its open amendments "not taken up" when
   * `notTakenUp` (or refuses while it has any), stores the status, records it, and waits until the text typed in it
   * before is on disk too; any other status reopens it once stored.
   */
  async set(declaration: string, clauseId: string, status: ParagraphStatus, notTakenUp: boolean, by: PersonRef): Promise<StatusChange> {
    await this.hook('requested')
    await this.gate.load(declaration)
    return this.queue.run(declaration, async () => {
      const label = await this.hub.withDocument(declaration, (document) => liveClauseLabel(document.doc.getXmlFragment(DECLARATION_FRAGMENT), clauseId))
      if (label === null) throw new NegotiationRefusal(404, 'unknown_paragraph.text')
      const current = this.store.current(declaration).get(clauseId)
      const previous = current?.status ?? 'open'
      if (previous === status) return { record: current ?? { clauseId, status, setBy: by, setAt: new Date().toISOString(), version: 0 }, notTakenUp: [], changed: false }
      // Status changes of a declaration run one at a time, so the version read is the one replaced.
      const record: ParagraphStatusRecord = { clauseId, status, setBy: by, setAt: new Date().toISOString(), version: (current?.version ?? 0) + 1 }
      const write = async (closedAmendments: AmendmentRecord[]) => {
        const release = status === 'agreed' ? this.gate.hold(declaration, clauseId) : null
        try {
          await this.hook('closing')
          await this.store.set(declaration, record)
          await this.audit.append(declaration, {
            actor: by,
            action: 'paragraph.status-set',
            details: { paragraph: label, clauseId, from: previous, to: status, notTakenUp: closedAmendments.map((amendment) => amendmentLabel(amendment.number)) },
          })
          await this.hub.withDocument(declaration, (document) => document.flushAll())
        } finally {
          release?.()
          this.gate.refresh(declaration)
        }
      }
      const closedAmendments = status === 'agreed' ? await this.amendments.closeParagraph(declaration, clauseId, notTakenUp, by, write) : []
      if (status !== 'agreed') await write([])
      return { record, notTakenUp: closedAmendments, changed: true }
    })
  }
}
