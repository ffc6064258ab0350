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
import { prepareChange, resolveChange } from '../../../shared/negotiation/paragraphChanges.js'
import { sha256Hex } from '../../../shared/versions/canonicalText.js'
import type { Logger } from '../log.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuditLog } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import { AcceptSteps, type AcceptOutcome, type DecisionEvent } from './AcceptSteps.js'
import { recordAmendment } from './amendmentAudit.js'
import type { AmendmentStore } from './AmendmentStore.js'
import { NeedsUpdateWatch } from './NeedsUpdateWatch.js'

/** What the service tells and asks besides its store. */
export interface AmendmentServiceOptions {
  /** Pushes an amendment the server changed on its own (flagged "needs update") to every open page. */
  announce?: (declaration: string, amendment: AmendmentRecord) => Promise<void>
  log?: Logger
  /** Told of each moment of a decision, and awaited there (tests hold it). */
  hook?: (event: DecisionEvent) => Promise<void>
}

/** Amendments: checked against the live text, stored durably, and applied to it when a moderator accepts one. */
export class AmendmentService {
  /** Decisions, edits, withdrawals, flags and freezes run one at a time per declaration, so none lands inside another. */
  private readonly queue = new KeyedQueue()
  /** Flags pending amendments as soon as an applied update makes them unfit. */
  private readonly watch = new NeedsUpdateWatch((declaration, numbers) => this.flagUnfit(declaration, numbers))
  private readonly hook: (event: DecisionEvent) => Promise<void>
  private readonly accepts: AcceptSteps

  constructor(
    readonly store: AmendmentStore,
    private readonly hub: DocumentHub,
    private readonly audit: AuditLog,
    private readonly options: AmendmentServiceOptions = {},
  ) {
    this.hook = options.hook ?? (async () => undefined)
    this.accepts = new AcceptSteps({ store, hub, audit, watch: this.watch, hook: this.hook, log: options.log })
    hub.onLoad(async (document) => this.watch.observe(document.name, document.doc, await store.list(document.name)))
  }

  /** Runs a step alone in the declaration's queue, after finishing any accept a crash or a failed save left open. */
  private serial<T>(declaration: string, step: () => Promise<T>): Promise<T> {
    return this.queue.run(declaration, async () => {
      await this.accepts.settle(declaration)
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

  list(declaration: string): Promise<AmendmentRecord[]> {
    return this.store.list(declaration)
  }

  /** Stores a new pending amendment with the next number. */
  async propose(declaration: string, input: ChangeInput, justification: string, by: PersonRef): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    const added = await this.store.add(declaration, (number) => proposeAmendment({ id: randomUUID(), number, change, justification, by, at: new Date().toISOString() }))
    return this.accepts.stored(declaration, added)
  }

  /** Replaces the proposal, pending again; a moderator's change to another delegation's amendment is audited. */
  async edit(declaration: string, number: number, input: ChangeInput, justification: string, by: PersonRef, moderator: boolean): Promise<AmendmentRecord> {
    const change = await this.prepare(declaration, input)
    return this.serial(declaration, async () => {
      const edited = await this.store.update(declaration, number, (amendment) => editAmendment(amendment, change, justification, by, new Date().toISOString(), moderator))
      if (edited.proposedBy.delegation !== by.delegation) await recordAmendment(this.audit, declaration, by, 'amendment.edited', edited)
      return this.accepts.stored(declaration, edited)
    })
  }

  async withdraw(declaration: string, number: number, by: PersonRef): Promise<AmendmentRecord> {
    await this.hook('requested')
    return this.serial(declaration, async () => {
      await this.hook('started')
      const withdrawn = await this.store.update(declaration, number, (amendment) => withdrawAmendment(amendment, by, new Date().toISOString()))
      await recordAmendment(this.audit, declaration, by, 'amendment.withdrawn', withdrawn)
      return this.accepts.stored(declaration, withdrawn)
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
      await recordAmendment(this.audit, declaration, by, 'amendment.rejected', rejected)
      return this.accepts.stored(declaration, rejected)
    })
  }

  /** Applies the amendment to the live text and answers once text and record are on disk, or flags it "needs update". */
  async accept(declaration: string, number: number, by: PersonRef): Promise<AcceptOutcome> {
    await this.hook('requested')
    return this.serial(declaration, async () => {
      await this.hook('started')
      const amendment = await this.find(declaration, number)
      return this.accepts.apply(declaration, amendment, amendment.change, { status: 'accepted' }, by)
    })
  }

  /** Applies the moderator's wording instead of the proposal, as one change, and records both. */
  acceptRevised(declaration: string, number: number, input: ChangeInput, by: PersonRef): Promise<AmendmentRecord> {
    return this.serial(declaration, async () => {
      const amendment = await this.find(declaration, number)
      const revision = await this.prepare(declaration, input)
      const outcome = await this.accepts.apply(declaration, amendment, revision, { status: 'accepted-as-revised', revision }, by)
      if (!outcome.applied) throw new NegotiationRefusal(409, 'text_changed', 'The paragraph changed while the revision was applied; revise it again.')
      return outcome.amendment
    })
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
            this.accepts.stored(declaration, current)
            continue
          }
          const flagged = await this.store.update(declaration, number, (latest) => (latest.status === 'pending' ? markNeedsUpdate(latest) : latest))
          await recordAmendment(this.audit, declaration, null, 'amendment.needs-update', flagged)
          await this.options.announce?.(declaration, this.accepts.stored(declaration, flagged))
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
    if (!amendment) throw new NegotiationRefusal(404, 'unknown_amendment', `There is no amendment ${amendmentLabel(number)}.`)
    requireOpen(amendment)
    return amendment
  }
}
