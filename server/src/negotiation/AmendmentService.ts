import { randomUUID } from 'node:crypto'
import { amendmentLabel, type AmendmentRecord, type PersonRef } from '../../../shared/negotiation/amendmentRecord.js'
import {
  decideAmendment,
  editAmendment,
  requireOpen,
  markNeedsUpdate,
  NegotiationRefusal,
  proposeAmendment,
  setStance,
  withdrawAmendment,
} from '../../../shared/negotiation/amendmentRules.js'
import type { AmendmentChange, ChangeInput, DraftingMode, Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { applyChange, prepareChange, resolveChange } from '../../../shared/negotiation/paragraphChanges.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { AmendmentStore } from './AmendmentStore.js'

/** The origin of the text change an accepted amendment makes: the redline and observers can tell it from typing. */
export class AmendmentOrigin {
  constructor(readonly label: string) {}
}

/** Moments of a decision that tests can wait for or hold. */
export type DecisionEvent = 'requested' | 'text-applied'

/** What an accept did: applied the amendment, or found the words it changes edited and flagged it. */
export interface AcceptOutcome {
  amendment: AmendmentRecord
  applied: boolean
}

/** Amendments: checked against the live text, stored durably, and applied to it when a moderator accepts one. */
export class AmendmentService {
  /** Decisions, edits and withdrawals run one at a time per declaration, so none lands between an accept's check and its record. */
  private readonly queue = new KeyedQueue()

  constructor(
    readonly store: AmendmentStore,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    /** Told when a decision or withdrawal arrives, and awaited after an accept's text is on disk before its decision is stored (tests hold it there). */
    private readonly hook: (event: DecisionEvent) => Promise<void> = async () => undefined,
  ) {}

  /** Reads the change against the live text and records what it was made against. */
  private async prepare(declaration: string, input: ChangeInput): Promise<AmendmentChange> {
    const prepared = await this.hub.withDocument(declaration, (document) => prepareChange(document.doc, input))
    return prepared.build(await sha256Hex(prepared.against))
  }

  list(declaration: string): Promise<AmendmentRecord[]> {
    return this.store.list(declaration)
  }

  /** Stores a new pending amendment with the next number. */
  async propose(declaration: string, input: ChangeInput, justification: string, by: PersonRef): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    return this.store.add(declaration, (number) => proposeAmendment({ id: randomUUID(), number, change, justification, by, at: new Date().toISOString() }))
  }

  /** Replaces the proposal; a moderator's change to another delegation's amendment is audited. */
  async edit(declaration: string, number: number, input: ChangeInput, justification: string, by: PersonRef, moderator: boolean): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    return this.queue.run(declaration, async () => {
      const edited = await this.store.update(declaration, number, (amendment) => editAmendment(amendment, change, justification, by, new Date().toISOString(), moderator))
      if (edited.proposedBy.delegation !== by.delegation) await this.record(declaration, by, 'amendment.edited', edited)
      return edited
    })
  }

  async withdraw(declaration: string, number: number, by: PersonRef): Promise<AmendmentRecord> {
    await this.hook('requested')
    return this.queue.run(declaration, async () => {
      const withdrawn = await this.store.update(declaration, number, (amendment) => withdrawAmendment(amendment, by, new Date().toISOString()))
      await this.record(declaration, by, 'amendment.withdrawn', withdrawn)
      return withdrawn
    })
  }

  /** Sets or drops (null) the stance of the delegation of `by`. */
  stance(declaration: string, number: number, stance: Stance | null, by: PersonRef): Promise<AmendmentRecord> {
    return this.store.update(declaration, number, (amendment) => setStance(amendment, stance, by, new Date().toISOString()))
  }

  async reject(declaration: string, number: number, reason: string, by: PersonRef): Promise<AmendmentRecord> {
    await this.hook('requested')
    return this.queue.run(declaration, async () => {
      const rejected = await this.store.update(declaration, number, (amendment) => decideAmendment(amendment, { status: 'rejected', reason }, by, new Date().toISOString()))
      await this.record(declaration, by, 'amendment.rejected', rejected, { reason })
      return rejected
    })
  }

  /** Applies the amendment to the live text and answers once that is on disk, or flags it "needs update". */
  async accept(declaration: string, number: number, by: PersonRef): Promise<AcceptOutcome> {
    await this.hook('requested')
    return this.queue.run(declaration, async () => {
      const amendment = await this.find(declaration, number)
      const applied = await this.applyToText(declaration, amendment.change, amendmentLabel(number))
      await this.hook('text-applied')
      if (!applied) {
        const flagged = await this.store.update(declaration, number, markNeedsUpdate)
        await this.record(declaration, by, 'amendment.needs-update', flagged)
        return { amendment: flagged, applied: false }
      }
      const accepted = await this.store.update(declaration, number, (current) => decideAmendment(current, { status: 'accepted' }, by, new Date().toISOString()))
      await this.record(declaration, by, 'amendment.accepted', accepted)
      return { amendment: accepted, applied: true }
    })
  }

  /** Applies the moderator's wording instead of the proposal, as one change, and records both. */
  acceptRevised(declaration: string, number: number, input: ChangeInput, by: PersonRef): Promise<AmendmentRecord> {
    return this.queue.run(declaration, async () => {
      await this.find(declaration, number)
      const revision = await this.prepare(declaration, input)
      if (!(await this.applyToText(declaration, revision, amendmentLabel(number)))) {
        throw new NegotiationRefusal(409, 'text_changed')
      }
      const accepted = await this.store.update(declaration, number, (current) =>
        decideAmendment(current, { status: 'accepted-as-revised', revision }, by, new Date().toISOString()),
      )
      await this.record(declaration, by, 'amendment.accepted-as-revised', accepted)
      return accepted
    })
  }

  /** Sets the drafting mode; resolves with the mode it replaced. */
  async setMode(declaration: string, mode: DraftingMode, by: PersonRef): Promise<DraftingMode> {
    const previous = await this.store.setMode(declaration, mode)
    await this.audit.append(declaration, { actor: by, action: 'mode.changed', details: { from: previous, to: mode } })
    return previous
  }

  private async find(declaration: string, number: number): Promise<AmendmentRecord> {
    const amendment = (await this.store.list(declaration)).find((candidate) => candidate.number === number)
    if (!amendment) throw new NegotiationRefusal(404, 'unknown_amendment', { label: amendmentLabel(number) })
    requireOpen(amendment)
    return amendment
  }

  /** Checks and applies a change in one synchronous step, then waits until the text is on disk; false if it no longer fits. */
  private async applyToText(declaration: string, change: AmendmentChange, label: string): Promise<boolean> {
    const document = await this.hub.acquire(declaration)
    try {
      if (document.locked) throw new NegotiationRefusal(409, 'locked.amendment')
      const resolved = resolveChange(document.doc, change)
      if (!resolved) return false
      applyChange(document.doc, resolved, new AmendmentOrigin(label))
      await document.flushAll()
      return true
    } finally {
      this.hub.release(document)
    }
  }

  private async record(declaration: string, by: PersonRef, action: string, amendment: AmendmentRecord, extra: Record<string, unknown> = {}): Promise<void> {
    const clauseId = 'clauseId' in amendment.change ? amendment.change.clauseId : amendment.change.after
    await this.audit.append(declaration, {
      actor: by,
      action,
      details: { amendment: amendmentLabel(amendment.number), number: amendment.number, delegation: amendment.proposedBy.delegation, clauseId, ...extra },
    })
  }
}
