import * as Y from 'yjs'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { decideAmendment, markNeedsUpdate, type AcceptDecision } from '../../../shared/negotiation/amendmentRules.js'
import { resolveChange } from '../../../shared/negotiation/paragraphChanges.js'
import type { Logger } from '../log.js'
import type { ClosedParagraphs } from '../paragraphStatus/ParagraphGate.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { SharedDocument } from '../sync/SharedDocument.js'
import type { AmendmentStore, PendingAccept } from './AmendmentStore.js'
import { AmendmentOrigin } from './AmendmentOrigin.js'
import { recordAmendment } from './amendmentAudit.js'
import { holdsUpdate, insertedClauseId } from './changeUpdates.js'
import { changesClosedParagraph } from './paragraphClosing.js'

const actionOf = (decision: AcceptDecision) => (decision.status === 'accepted' ? 'amendment.accepted' : 'amendment.accepted-as-revised')

/**
 * The last step of an accept stored with its update: confirmed once the update is in the text, or abandoned when its
 * change no longer fits. Also finishes the accepts a crash or a failed save left between those steps.
 */
export class AcceptSettlement {
  constructor(
    private readonly store: AmendmentStore,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    /** Hands back an amendment as stored now, watched while it is pending. */
    private readonly stored: (declaration: string, amendment: AmendmentRecord) => AmendmentRecord,
    private readonly options: { log?: Logger; paragraphs?: ClosedParagraphs },
  ) {}

  /** Ends a stored accept whose change no longer fits the text: a plain accept flags the amendment, a revision leaves it. */
  async abandon(declaration: string, accept: PendingAccept, by: PersonRef | null): Promise<AmendmentRecord> {
    const flag = accept.decision.status === 'accepted'
    const settled = await this.store.settleAccept(declaration, accept.number, (current) => (flag ? markNeedsUpdate(current) : current))
    if (flag) await recordAmendment(this.audit, declaration, by, 'amendment.needs-update', settled)
    return this.stored(declaration, settled)
  }

  /** Records the decision in the audit log (once, also when recovering), then confirms it in the store; `doc` holds its update. */
  async confirm(declaration: string, accept: PendingAccept, recovering: boolean, doc: Y.Doc): Promise<AmendmentRecord> {
    const decide = (current: AmendmentRecord) => decideAmendment(current, accept.decision, accept.by, accept.at)
    const action = actionOf(accept.decision)
    const audited = recovering && (await this.audit.list(declaration)).some((entry) => entry.action === action && entry.details.number === accept.number)
    if (!audited) {
      const current = (await this.store.list(declaration)).find((candidate) => candidate.number === accept.number)
      if (current) await recordAmendment(this.audit, declaration, accept.by, action, decide(current), insertedClauseId(doc, new Uint8Array(Buffer.from(accept.update, 'base64'))))
    }
    return this.stored(declaration, await this.store.settleAccept(declaration, accept.number, decide))
  }

  /**
   * Finishes the accepts stored but not confirmed: an update already in the text is confirmed; one not yet applied is
   * applied if the words it changes are still as they were, else the amendment needs an update. Text and record then agree.
   */
  async settle(declaration: string): Promise<void> {
    const accepts = await this.store.pendingAccepts(declaration)
    if (accepts.length === 0) return
    await this.options.paragraphs?.load(declaration)
    await this.hub.withDocument(declaration, async (document: SharedDocument) => {
      for (const accept of accepts) {
        const update = new Uint8Array(Buffer.from(accept.update, 'base64'))
        if (!holdsUpdate(document.doc, update)) {
          const amendment = (await this.store.list(declaration)).find((candidate) => candidate.number === accept.number)
          const change = accept.decision.status === 'accepted-as-revised' ? accept.decision.revision : amendment?.change
          if (!amendment || !change || document.locked || changesClosedParagraph(this.options.paragraphs, declaration, change) || !resolveChange(document.doc, change)) {
            await this.abandon(declaration, accept, null)
            continue
          }
          Y.applyUpdate(document.doc, update, new AmendmentOrigin(amendmentLabel(accept.number)))
        }
        await document.flushAll()
        await this.confirm(declaration, accept, true, document.doc)
        this.options.log?.info('amendment_accept_recovered', { declaration, number: accept.number })
      }
    })
  }
}
