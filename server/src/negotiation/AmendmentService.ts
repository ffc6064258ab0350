import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
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
  type AcceptDecision,
} from '../../../shared/negotiation/amendmentRules.js'
import type { AmendmentChange, ChangeInput, DraftingMode, Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { prepareChange, resolveChange } from '../../../shared/negotiation/paragraphChanges.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { Logger } from '../log.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuditLog } from '../store/Store.js'
import type { ClosedParagraphs } from '../paragraphStatus/ParagraphGate.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { AmendmentStore, PendingAccept } from './AmendmentStore.js'
import { AcceptSettlement } from './AcceptSettlement.js'
import { AmendmentOrigin } from './AmendmentOrigin.js'
import { recordAmendment } from './amendmentAudit.js'
import { changeUpdate } from './changeUpdates.js'
import { NeedsUpdateWatch } from './NeedsUpdateWatch.js'
import { closeOpenAmendments, requireParagraphOpen } from './paragraphClosing.js'

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

/** What the service tells and asks besides its store. */
export interface AmendmentServiceOptions {
  /** Pushes an amendment the server changed on its own (flagged "needs update") to every open page. */
  announce?: (declaration: string, amendment: AmendmentRecord) => Promise<void>
  log?: Logger
  /** Told of each moment of a decision, and awaited there (tests hold it). */
  hook?: (event: DecisionEvent) => Promise<void>
  /** Agreed paragraphs take no amendment and no amendment's change. */
  paragraphs?: ClosedParagraphs
}

/** Amendments: checked against the live text, stored durably, and applied to it when a moderator accepts one. */
export class AmendmentService {
  /** Decisions, edits, withdrawals, flags and freezes run one at a time per declaration, so none lands inside another. */
  private readonly queue = new KeyedQueue()
  /** Flags pending amendments as soon as an applied update makes them unfit. */
  private readonly watch = new NeedsUpdateWatch((declaration, numbers) => this.flagUnfit(declaration, numbers))
  private readonly hook: (event: DecisionEvent) => Promise<void>
  private readonly paragraphs: ClosedParagraphs | undefined
  /** Ends stored accepts, and finishes those a crash or a failed save left open. */
  private readonly settlement: AcceptSettlement

  constructor(
    readonly store: AmendmentStore,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    private readonly options: AmendmentServiceOptions = {},
  ) {
    this.hook = options.hook ?? (async () => undefined)
    this.paragraphs = options.paragraphs
    this.settlement = new AcceptSettlement(store, hub, audit, (declaration, amendment) => this.stored(declaration, amendment), options)
    hub.onLoad(async (document) => this.watch.observe(document.name, document.doc, await store.list(document.name)))
  }

  /** Runs a step alone in the declaration's queue, after finishing any accept a crash or a failed save left open. */
  private serial<T>(declaration: string, step: () => Promise<T>): Promise<T> {
    return this.queue.run(declaration, async () => {
      await this.settlement.settle(declaration)
      return step()
    })
  }

  /** Runs `step` while no amendment is decided, edited, withdrawn or flagged (a freeze reads text and amendments in it). */
  exclusive<T>(declaration: string, step: () => Promise<T>): Promise<T> {
    return this.serial(declaration, step)
  }

  /** Finishes, at start, the accepts a crash left between their stored update and their confirmation. */
  async recover(declarations: readonly string[]): Promise<void> {
    for (const declaration of declarations) await this.serial(declaration, async () => undefined)
  }

  /** Reads the change against the live text and records what it was made against. */
  private async prepare(declaration: string, input: ChangeInput): Promise<AmendmentChange> {
    const prepared = await this.hub.withDocument(declaration, (document) => prepareChange(document.doc, input))
    return prepared.build(await sha256Hex(prepared.against))
  }

  /** The amendment as stored now, watched while it is pending. */
  private stored(declaration: string, amendment: AmendmentRecord): AmendmentRecord {
    this.watch.track(declaration, amendment)
    return amendment
  }

  list(declaration: string): Promise<AmendmentRecord[]> {
    return this.store.list(declaration)
  }

  /** Stores a new pending amendment with the next number. */
  async propose(declaration: string, input: ChangeInput, justification: string, by: PersonRef): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    await this.paragraphs?.load(declaration)
    // In the queue, so a paragraph being marked agreed sees every amendment proposed before it, and none after.
    return this.serial(declaration, async () => {
      requireParagraphOpen(this.paragraphs, declaration, change)
      const added = await this.store.add(declaration, (number) => proposeAmendment({ id: randomUUID(), number, change, justification, by, at: new Date().toISOString() }))
      return this.stored(declaration, added)
    })
  }

  /** Replaces the proposal, pending again; a moderator's change is audited, also to an amendment of the moderator's own delegation. */
  async edit(declaration: string, number: number, input: ChangeInput, justification: string, by: PersonRef, moderator: boolean): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    await this.paragraphs?.load(declaration)
    return this.serial(declaration, async () => {
      requireParagraphOpen(this.paragraphs, declaration, change)
      const edited = await this.store.update(declaration, number, (amendment) => editAmendment(amendment, change, justification, by, new Date().toISOString(), moderator))
      // Moderators propose nothing, so each change they make is to someone else's amendment.
      if (moderator) await this.record(declaration, by, 'amendment.edited', edited)
      return this.stored(declaration, edited)
    })
  }

  async withdraw(declaration: string, number: number, by: PersonRef): Promise<AmendmentRecord> {
    await this.hook('requested')
    return this.serial(declaration, async () => {
      await this.hook('started')
      const withdrawn = await this.store.update(declaration, number, (amendment) => withdrawAmendment(amendment, by, new Date().toISOString()))
      await this.record(declaration, by, 'amendment.withdrawn', withdrawn)
      return this.stored(declaration, withdrawn)
    })
  }

  /** Sets or drops (null) the stance of the delegation of `by`. */
  stance(declaration: string, number: number, stance: Stance | null, by: PersonRef): Promise<AmendmentRecord> {
    return this.store.update(declaration, number, (amendment) => setStance(amendment, stance, by, new Date().toISOString()))
  }

  async reject(declaration: string, number: number, reason: string, by: PersonRef): Promise<AmendmentRecord> {
    await this.hook('requested')
    return this.serial(declaration, async () => {
      await this.hook('started')
      const rejected = await this.store.update(declaration, number, (amendment) => decideAmendment(amendment, { status: 'rejected', reason }, by, new Date().toISOString()))
      await this.record(declaration, by, 'amendment.rejected', rejected)
      return this.stored(declaration, rejected)
    })
  }

  /** Applies the amendment to the live text and answers once text and record are on disk, or flags it "needs update". */
  async accept(declaration: string, number: number, by: PersonRef): Promise<AcceptOutcome> {
    await this.hook('requested')
    return this.serial(declaration, async () => {
      await this.hook('started')
      const amendment = await this.find(declaration, number)
      return this.applyAndDecide(declaration, amendment, amendment.change, { status: 'accepted' }, by)
    })
  }

  /** Applies the moderator's wording instead of the proposal, as one change, and records both. */
  acceptRevised(declaration: string, number: number, input: ChangeInput, by: PersonRef): Promise<AmendmentRecord> {
    return this.serial(declaration, async () => {
      const amendment = await this.find(declaration, number)
      const revision = await this.prepare(declaration, input)
      const outcome = await this.applyAndDecide(declaration, amendment, revision, { status: 'accepted-as-revised', revision }, by)
      if (!outcome.applied) throw new NegotiationRefusal(409, 'text_changed')
      return outcome.amendment
    })
  }

  /**
   * Runs `close` (marking a paragraph agreed) with no other amendment step in between, after deciding the open
   * amendments that change the paragraph "not taken up", or refusing while it has any and `notTakenUp` is false.
   * `close` is given the amendments decided, and the call resolves with them.
   */
  closeParagraph(declaration: string, clauseId: string, notTakenUp: boolean, by: PersonRef, close: (decided: AmendmentRecord[]) => Promise<void>): Promise<AmendmentRecord[]> {
    return this.serial(declaration, async () => {
      const decided = (await closeOpenAmendments(this.store, this.audit, declaration, clauseId, notTakenUp, by)).map((amendment) => this.stored(declaration, amendment))
      await close(decided)
      return decided
    })
  }

  /**
   * Accepts in three durable steps, so a crash between any two leaves what `settle` finishes: the decision with the
   * exact update it applies, then the update in the text, then the decision confirmed. The text is checked in the step
   * that applies the update.
   */
  private async applyAndDecide(declaration: string, amendment: AmendmentRecord, change: AmendmentChange, decision: AcceptDecision, by: PersonRef): Promise<AcceptOutcome> {
    await this.paragraphs?.load(declaration)
    const document = await this.hub.acquire(declaration)
    try {
      const fits = () => {
        if (document.locked) throw new NegotiationRefusal(409, 'locked.amendment')
        requireParagraphOpen(this.paragraphs, declaration, change)
        return resolveChange(document.doc, change) !== null
      }
      const update = fits() ? changeUpdate(document.doc, change) : null
      if (!update) return { amendment: await this.notFitting(declaration, amendment.number, decision, by), applied: false }
      const accept: PendingAccept = { number: amendment.number, decision, by, at: new Date().toISOString(), update: Buffer.from(update).toString('base64') }
      this.watch.forget(declaration, amendment.number)
      await this.store.beginAccept(declaration, accept).catch((error: unknown) => {
        this.stored(declaration, amendment)
        throw error
      })
      await this.hook('accept-stored')
      let applies: boolean
      try {
        applies = fits()
      } catch (error) {
        this.stored(declaration, await this.store.settleAccept(declaration, amendment.number, (current) => current))
        throw error
      }
      if (!applies) return { amendment: await this.settlement.abandon(declaration, accept, by), applied: false }
      Y.applyUpdate(document.doc, update, new AmendmentOrigin(amendmentLabel(amendment.number)))
      await document.flushAll()
      await this.hook('text-applied')
      return { amendment: await this.settlement.confirm(declaration, accept, false, document.doc), applied: true }
    } finally {
      this.hub.release(document)
    }
  }

  /** An accept whose change no longer fits the text: a plain accept flags it, a revision leaves it as it was. */
  private async notFitting(declaration: string, number: number, decision: AcceptDecision, by: PersonRef | null): Promise<AmendmentRecord> {
    if (decision.status === 'accepted-as-revised') return this.find(declaration, number)
    const flagged = await this.store.update(declaration, number, markNeedsUpdate)
    await this.record(declaration, by, 'amendment.needs-update', flagged)
    return this.stored(declaration, flagged)
  }

  /**
   * Flags amendments an applied update made unfit, checked again in the queue against the text as it is then: an edit
   * made against the new text meanwhile leaves it pending. Runs after the update, off the path that applied it.
   */
  private flagUnfit(declaration: string, numbers: readonly number[]): void {
    void this.serial(declaration, () =>
      this.hub.withDocument(declaration, async (document) => {
        for (const number of numbers) {
          const current = (await this.store.list(declaration)).find((candidate) => candidate.number === number)
          if (!current || current.status !== 'pending') continue
          if (resolveChange(document.doc, current.change)) {
            this.stored(declaration, current)
            continue
          }
          const flagged = await this.store.update(declaration, number, (latest) => (latest.status === 'pending' ? markNeedsUpdate(latest) : latest))
          await this.record(declaration, null, 'amendment.needs-update', flagged)
          await this.options.announce?.(declaration, this.stored(declaration, flagged))
        }
      }),
    ).catch((error: unknown) => this.options.log?.error('amendment_flag_failed', { declaration, numbers, error: String(error) }))
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

  private record(declaration: string, by: PersonRef | null, action: string, amendment: AmendmentRecord): Promise<void> {
    return recordAmendment(this.audit, declaration, by, action, amendment)
  }
}
