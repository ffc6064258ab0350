import { randomUUID } from 'node:crypto'
import { CONTROL_PROTOCOL_VERSION } from '../../../shared/protocol/controlMessages.js'
import { silenceAuditKey } from '../../../shared/silence/silenceAudit.js'
import type { BreakStatement, SilenceEvidence } from '../../../shared/silence/silenceSchemas.js'
import { ApiProblem } from '../http/ApiProblem.js'
import type { Logger } from '../log.js'
import type { ServerHooks } from '../serverHooks.js'
import { KeyedQueue } from '../store/KeyedQueue.js'
import type { AuthorRecord, Store } from '../store/Store.js'
import type { DocumentHub } from '../sync/DocumentHub.js'
import type { VersionService } from '../versions/VersionService.js'
import { checkBreak, type BreakSigner } from './checkBreak.js'
import { presentSilence } from './presentSilence.js'
import type { SilenceClock } from './SilenceClock.js'
import { silenceAuditEntries } from './silenceAuditEntries.js'
import type { SilenceBreakRecord, SilenceRecord, SilenceStore } from './SilenceStore.js'

/** The longest silence a moderator may set. */
const MAX_SILENCE_MS = 90 * 24 * 60 * 60 * 1000

/** A silence an unlock has begun to withdraw is the unlock's to settle, not the deadline's. */
const isDue = (silence: SilenceRecord, now: number) => !silence.outcome && !silence.unlocking && now >= Date.parse(silence.deadline)

/** Silence procedures: opened on a locked version, broken with signed statements, and decided at the deadline by the server's clock. */
export class SilenceService {
  /** Audit catch-ups run one at a time per declaration, so no entry is written twice. */
  private readonly auditQueue = new KeyedQueue()
  private readonly timers = new Map<string, () => void>()
  private closed = false

  constructor(
    private readonly silences: SilenceStore,
    private readonly store: Store,
    private readonly versions: VersionService,
    private readonly hub: DocumentHub,
    private readonly log: Logger,
    private readonly clock: SilenceClock,
    private readonly hooks: ServerHooks = {},
  ) {}

  /** Now, by the clock deadlines are kept by. */
  now(): number {
    return this.clock.now()
  }

  /** The latest silence of a declaration, decided first if its deadline has passed. */
  async current(declaration: string): Promise<SilenceRecord | undefined> {
    await this.decideDue(declaration)
    return (await this.silences.list(declaration)).at(-1)
  }

  /** Places the locked version under silence until `deadline`; checked against the lock in the step that stores it. */
  async open(declaration: string, versionId: string, deadline: number, timeZone: string, by: AuthorRecord): Promise<SilenceRecord> {
    const now = this.clock.now()
    if (deadline <= now) throw new ApiProblem(400, 'deadline_passed')
    if (deadline - now > MAX_SILENCE_MS) throw new ApiProblem(400, 'deadline_too_far', { count: 90 })
    const { record: version } = await this.versions.get(declaration, versionId)
    // Lock changes wait for the signature queue, so the lock cannot change between this check and the write.
    const silence = await this.store.signatures.exclusive(declaration, async () => {
      if ((await this.store.getDeclaration(declaration))?.lockedVersion !== versionId) throw new ApiProblem(409, 'not_locked.silence')
      return this.silences.update(declaration, (silences) => {
        if (silences.some((other) => !other.outcome)) throw new ApiProblem(409, 'silence_running')
        if (silences.some((other) => other.version.id === versionId)) throw new ApiProblem(409, 'already_under_silence', { name: version.name })
        const record: SilenceRecord = {
          id: randomUUID(),
          declaration,
          version: { id: version.id, seq: version.seq, name: version.name, sha256: version.sha256 },
          deadline: new Date(deadline).toISOString(),
          timeZone,
          openedAt: new Date(now).toISOString(),
          openedBy: by,
          breaks: [],
          outcome: null,
        }
        silences.push(record)
        return record
      })
    })
    await this.recordInAudit(declaration)
    this.log.info('silence_opened', { declaration, silence: silence.id, version: versionId, deadline: silence.deadline })
    this.schedule(silence)
    await this.push(silence)
    return silence
  }

  /** Breaks silence for the signer's delegation with a signed statement; refused after the deadline. */
  async breakSilence(declaration: string, statement: BreakStatement, signature: string, signer: BreakSigner): Promise<SilenceRecord> {
    await this.decideDue(declaration)
    const found = (await this.silences.list(declaration)).find((silence) => silence.id === statement.silenceId)
    if (!found) throw new ApiProblem(404, 'unknown_silence')
    const over = () => new ApiProblem(409, 'silence_over', { name: found.version.name })
    if (found.outcome) throw over()
    const { text } = await this.versions.get(declaration, found.version.id)
    const key = await this.store.findKey(statement.keyId)
    await checkBreak(statement, signature, found, text, signer, key, this.clock.now())
    const record: SilenceBreakRecord = { id: randomUUID(), statement, signature, publicKey: key!.publicKey, receivedAt: new Date(this.clock.now()).toISOString() }
    const silence = await this.silences.update(declaration, (silences) => {
      const current = silences.find((candidate) => candidate.id === found.id)!
      // Checked again in the step that stores it: the deadline may have passed while the signature was checked.
      if (current.outcome || this.clock.now() >= Date.parse(current.deadline)) throw over()
      if (current.breaks.some((other) => other.statement.delegation.code === statement.delegation.code)) throw new ApiProblem(409, 'already_broken', { delegation: statement.delegation.name })
      current.breaks.push(record)
      return structuredClone(current)
    })
    await this.recordInAudit(declaration)
    this.log.info('silence_break', { declaration, silence: silence.id, delegation: statement.delegation.code })
    await this.push(silence)
    return silence
  }

  /** Decides every silence of the declaration whose deadline has passed: adopted with no break, broken with some. */
  async decideDue(declaration: string): Promise<void> {
    const due = (await this.silences.list(declaration)).filter((silence) => isDue(silence, this.clock.now()))
    if (due.length === 0) return
    await this.hooks.beforeSilenceDecision?.(declaration)
    const decided = await this.silences.update(declaration, (silences) => {
      const now = this.clock.now()
      const ready = silences.filter((silence) => isDue(silence, now))
      for (const silence of ready) silence.outcome = { state: silence.breaks.length > 0 ? 'broken' : 'adopted', decidedAt: new Date(now).toISOString() }
      return structuredClone(ready)
    })
    await this.recordInAudit(declaration)
    for (const silence of decided) {
      this.log.info('silence_decided', { declaration, silence: silence.id, outcome: silence.outcome?.state, breaks: silence.breaks.length })
      await this.push(silence)
    }
  }

  /**
   * Unlocks the draft with `unlockDraft`, withdrawing the silence running on the version it was locked on. The silence
   * is marked before the lock is cleared, so a stop between the two still ends it as withdrawn, as of the unlock.
   */
  async unlock<T>(declaration: string, by: AuthorRecord, unlockDraft: () => Promise<T>): Promise<T> {
    await this.markUnlocking(declaration, by)
    let unlocked: T
    try {
      unlocked = await unlockDraft()
    } catch (error) {
      // The lock is still on: the silence runs on, and is decided if its deadline passed meanwhile.
      await this.dropUnlockingMarks(declaration)
      await this.decideDue(declaration)
      throw error
    }
    await this.hooks.afterUnlock?.(declaration)
    await this.withdrawUnlocked(declaration, by)
    return unlocked
  }

  /** Marks the running silence on the locked version, before its deadline, as being withdrawn by an unlock. */
  private markUnlocking(declaration: string, by: AuthorRecord): Promise<void> {
    return this.store.signatures.exclusive(declaration, async () => {
      const locked = (await this.store.getDeclaration(declaration))?.lockedVersion ?? null
      const now = this.clock.now()
      const running = (silence: SilenceRecord) => !silence.outcome && silence.version.id === locked && now < Date.parse(silence.deadline)
      if (!(await this.silences.list(declaration)).some(running)) return
      await this.silences.update(declaration, (silences) => {
        // Of two unlocks at once, the first mark is kept.
        for (const silence of silences.filter(running)) silence.unlocking ??= { at: new Date(now).toISOString(), by }
      })
    })
  }

  /** Drops the marks of unlocks that did not clear the lock. */
  private dropUnlockingMarks(declaration: string): Promise<void> {
    return this.store.signatures.exclusive(declaration, async () => {
      const locked = (await this.store.getDeclaration(declaration))?.lockedVersion ?? null
      const stale = (silence: SilenceRecord) => !silence.outcome && Boolean(silence.unlocking) && silence.version.id === locked
      if (!(await this.silences.list(declaration)).some(stale)) return
      await this.silences.update(declaration, (silences) => {
        for (const silence of silences.filter(stale)) silence.unlocking = null
      })
    })
  }

  /**
   * Ends as withdrawn, recorded, every running silence whose version is no longer locked for signature: unlocking the
   * draft before the deadline takes the text from the delegations' consideration. One marked by an unlock ends as of
   * the unlock; one found unlocked unmarked and already due is left to `decideDue`.
   */
  async withdrawUnlocked(declaration: string, by: AuthorRecord | null): Promise<void> {
    // The same queue as opening, so a silence cannot open on a lock that is ending.
    const withdrawn = await this.store.signatures.exclusive(declaration, async () => {
      const locked = (await this.store.getDeclaration(declaration))?.lockedVersion ?? null
      const now = this.clock.now()
      const unlocked = (silence: SilenceRecord) => !silence.outcome && silence.version.id !== locked && (Boolean(silence.unlocking) || !isDue(silence, now))
      if (!(await this.silences.list(declaration)).some(unlocked)) return []
      return this.silences.update(declaration, (silences) => {
        const ended = silences.filter(unlocked)
        for (const silence of ended) {
          silence.outcome = { state: 'withdrawn', decidedAt: silence.unlocking?.at ?? new Date(now).toISOString(), by: silence.unlocking?.by ?? by }
          silence.unlocking = null
        }
        return structuredClone(ended)
      })
    })
    if (withdrawn.length === 0) return
    await this.recordInAudit(declaration)
    for (const silence of withdrawn) {
      this.log.info('silence_withdrawn', { declaration, silence: silence.id, breaks: silence.breaks.length })
      await this.push(silence)
    }
  }

  /**
   * At start: records what a crash left unrecorded, drops the marks of unlocks that never cleared the lock, withdraws
   * silences on a draft unlocked meanwhile, decides what fell due while the server was down, and arms the rest.
   */
  async resume(): Promise<void> {
    for (const { name } of await this.store.listDeclarations()) {
      await this.recordInAudit(name)
      await this.dropUnlockingMarks(name)
      await this.withdrawUnlocked(name, null)
      await this.decideDue(name)
      for (const silence of await this.silences.list(name)) if (!silence.outcome) this.schedule(silence)
    }
  }

  /** The silences of a version as an evidence bundle carries them. */
  async evidence(declaration: string, versionId: string): Promise<SilenceEvidence[]> {
    await this.decideDue(declaration)
    return (await this.silences.list(declaration))
      .filter((silence) => silence.version.id === versionId)
      .map((silence) => ({
        id: silence.id,
        versionId: silence.version.id,
        versionSha256: silence.version.sha256,
        deadline: silence.deadline,
        timeZone: silence.timeZone,
        outcome: silence.outcome && { state: silence.outcome.state, decidedAt: silence.outcome.decidedAt },
        breaks: silence.breaks.map(({ id, statement, signature, publicKey }) => ({ id, statement, signature, publicKey })),
      }))
  }

  /** Stops the deadline timers (shutdown). */
  close(): void {
    this.closed = true
    for (const cancel of this.timers.values()) cancel()
    this.timers.clear()
  }

  private schedule(silence: SilenceRecord): void {
    if (this.closed || this.timers.has(silence.id)) return
    const fire = () => {
      this.timers.delete(silence.id)
      if (this.closed) return
      this.decideDue(silence.declaration).catch((error: unknown) => {
        this.log.error('silence_decision_failed', { declaration: silence.declaration, silence: silence.id, error: String(error) })
        // Retried: the outcome must not wait for the next restart.
        this.schedule({ ...silence, deadline: new Date(this.clock.now() + 1000).toISOString() })
      })
    }
    this.timers.set(silence.id, this.clock.at(Date.parse(silence.deadline), fire))
  }

  /** Appends to the audit log every entry the stored silences call for and it lacks, so each is recorded exactly once. */
  private recordInAudit(declaration: string): Promise<void> {
    return this.auditQueue.run(declaration, async () => {
      const recorded = new Set((await this.store.audit.list(declaration)).map((entry) => silenceAuditKey(entry.action, entry.details)))
      for (const silence of await this.silences.list(declaration)) {
        for (const entry of await silenceAuditEntries(silence)) {
          if (!recorded.has(silenceAuditKey(entry.action, entry.details))) await this.store.audit.append(declaration, entry)
        }
      }
    })
  }

  private async push(silence: SilenceRecord): Promise<void> {
    await this.hub.broadcast(silence.declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'silence', silence: presentSilence(silence) })
  }
}
