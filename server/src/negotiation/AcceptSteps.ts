import * as Y from 'yjs'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import { decideAmendment, markNeedsUpdate, NegotiationRefusal, type AcceptDecision } from '../../../shared/negotiation/amendmentRules.js'
import type { AmendmentChange } from '../../../shared/negotiation/amendmentSchemas.js'
import { resolveChange } from '../../../shared/negotiation/paragraphChanges.js'
import type { Logger } from '../log.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { SharedDocument } from '../sync/SharedDocument.js'
import type { AmendmentStore, PendingAccept } from './AmendmentStore.js'
import { recordAmendment } from './amendmentAudit.js'
import { changeUpdate, holdsUpdate } from './changeUpdates.js'
import type { NeedsUpdateWatch } from './NeedsUpdateWatch.js'

/** The origin of the text change an accepted amendment makes: the redline and observers can tell it from typing. */
export class AmendmentOrigin {
  constructor(readonly label: string) {}
}

/**
 * Moments of a decision that tests can wait for or hold: its arrival, its start (no other decision, edit or freeze
 * running), an accept stored with its update, and that update on disk in the text before the accept is confirmed.
 */
export type DecisionEvent = 'requested' | 'started' | 'accept-stored' | 'text-applied'

/** What an accept did: applied the amendment, or found the words it changes edited and flagged it. */
export interface AcceptOutcome {
  amendment: AmendmentRecord
  applied: boolean
}

/** What accepting shares with the service that queues it. */
export interface AcceptParts {
  store: AmendmentStore
  hub: DocumentHub
  audit: AuditLog
  watch: NeedsUpdateWatch
  hook: (event: DecisionEvent) => Promise<void>
  log?: Logger
}

const actionOf = (decision: AcceptDecision) => (decision.status === 'accepted' ? 'amendment.accepted' : 'amendment.accepted-as-revised')

/** Accepting an amendment into the live text, and finishing the accepts a crash or a failed save left open. */
export class AcceptSteps {
  constructor(private readonly parts: AcceptParts) {}

  /** The amendment as stored now, watched while it is pending. */
  stored(declaration: string, amendment: AmendmentRecord): AmendmentRecord {
    this.parts.watch.track(declaration, amendment)
    return amendment
  }

  /**
   * Accepts in three durable steps, so a crash between any two leaves what `settle` finishes: the decision with the
   * exact update it applies, then the update in the text, then the decision confirmed. The text is checked in the step
   * that applies the update. Runs in the declaration's queue.
   */
  async apply(declaration: string, amendment: AmendmentRecord, change: AmendmentChange, decision: AcceptDecision, by: PersonRef): Promise<AcceptOutcome> {
    const { store, hub, watch, hook } = this.parts
    const document = await hub.acquire(declaration)
    try {
      const fits = () => {
        if (document.locked) throw new NegotiationRefusal(409, 'locked', 'The draft is locked for signature; no amendment can be applied.')
        return resolveChange(document.doc, change) !== null
      }
      const update = fits() ? changeUpdate(document.doc, change) : null
      if (!update) return { amendment: decision.status === 'accepted-as-revised' ? await this.current(declaration, amendment) : await this.flag(declaration, amendment.number, by), applied: false }
      const accept: PendingAccept = { number: amendment.number, decision, by, at: new Date().toISOString(), update: Buffer.from(update).toString('base64') }
      watch.forget(declaration, amendment.number)
      await store.beginAccept(declaration, accept).catch((error: unknown) => {
        this.stored(declaration, amendment)
        throw error
      })
      await hook('accept-stored')
      let applies: boolean
      try {
        applies = fits()
      } catch (error) {
        this.stored(declaration, await store.settleAccept(declaration, amendment.number, (current) => current))
        throw error
      }
      if (!applies) return { amendment: await this.abandon(declaration, accept, by), applied: false }
      Y.applyUpdate(document.doc, update, new AmendmentOrigin(amendmentLabel(amendment.number)))
      await document.flushAll()
      await hook('text-applied')
      return { amendment: await this.confirm(declaration, accept, false), applied: true }
    } finally {
      hub.release(document)
    }
  }

  /** The amendment as stored now: stances may have changed since it was read. */
  private async current(declaration: string, amendment: AmendmentRecord): Promise<AmendmentRecord> {
    return (await this.parts.store.list(declaration)).find((candidate) => candidate.number === amendment.number) ?? amendment
  }

  /** Flags a pending amendment whose change no longer fits the text. */
  private async flag(declaration: string, number: number, by: PersonRef | null): Promise<AmendmentRecord> {
    const flagged = await this.parts.store.update(declaration, number, markNeedsUpdate)
    await recordAmendment(this.parts.audit, declaration, by, 'amendment.needs-update', flagged)
    return this.stored(declaration, flagged)
  }

  /** Ends a stored accept whose change no longer fits the text: a plain accept flags the amendment, a revision leaves it. */
  private async abandon(declaration: string, accept: PendingAccept, by: PersonRef | null): Promise<AmendmentRecord> {
    const flag = accept.decision.status === 'accepted'
    const settled = await this.parts.store.settleAccept(declaration, accept.number, (current) => (flag ? markNeedsUpdate(current) : current))
    if (flag) await recordAmendment(this.parts.audit, declaration, by, 'amendment.needs-update', settled)
    return this.stored(declaration, settled)
  }

  /** Records the decision in the audit log (once, also when recovering), then confirms it in the store. */
  private async confirm(declaration: string, accept: PendingAccept, recovering: boolean): Promise<AmendmentRecord> {
    const { store, audit } = this.parts
    const decide = (current: AmendmentRecord) => decideAmendment(current, accept.decision, accept.by, accept.at)
    const action = actionOf(accept.decision)
    const audited = recovering && (await audit.list(declaration)).some((entry) => entry.action === action && entry.details.number === accept.number)
    if (!audited) {
      const current = (await store.list(declaration)).find((candidate) => candidate.number === accept.number)
      if (current) await recordAmendment(audit, declaration, accept.by, action, decide(current))
    }
    return this.stored(declaration, await store.settleAccept(declaration, accept.number, decide))
  }

  /**
   * Finishes the accepts stored but not confirmed: an update already in the text is confirmed; one not yet applied is
   * applied if the words it changes are still as they were, else the amendment needs an update. Text and record then agree.
   */
  async settle(declaration: string): Promise<void> {
    const { store, hub, log } = this.parts
    const accepts = await store.pendingAccepts(declaration)
    if (accepts.length === 0) return
    await hub.withDocument(declaration, async (document: SharedDocument) => {
      for (const accept of accepts) {
        const update = new Uint8Array(Buffer.from(accept.update, 'base64'))
        if (!holdsUpdate(document.doc, update)) {
          const amendment = (await store.list(declaration)).find((candidate) => candidate.number === accept.number)
          const change = accept.decision.status === 'accepted-as-revised' ? accept.decision.revision : amendment?.change
          if (!amendment || !change || document.locked || !resolveChange(document.doc, change)) {
            await this.abandon(declaration, accept, null)
            continue
          }
          Y.applyUpdate(document.doc, update, new AmendmentOrigin(amendmentLabel(accept.number)))
        }
        await document.flushAll()
        await this.confirm(declaration, accept, true)
        log?.info('amendment_accept_recovered', { declaration, number: accept.number })
      }
    })
  }
}
