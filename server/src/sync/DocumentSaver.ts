import * as Y from 'yjs'
import { CONTROL_PROTOCOL_VERSION } from '../../../shared/protocol/controlMessages.js'
import type { Logger } from '../log.js'
import type { DocumentStore } from '../store/Store.js'

/** Where a save answer goes: a peer that can be sent control messages. */
export interface AckRecipient {
  sendControl(message: object): void
}

/** Tuning of durable saving. */
export interface SaveOptions {
  /** Group commit: changes arriving within this many ms share one write and one fsync. */
  commitDelayMs: number
  /** Compact the history into one state once it has this many records. */
  compactAfterRecords: number
  /** Wait before retrying a failed write. */
  retryDelayMs: number
  /** Told how long each group of changes waited before it was on disk. */
  onSaved?: (milliseconds: number) => void
}

interface AckWaiter {
  peer: AckRecipient
  seq: number
  generation: number
}

/** The path of one document's changes to disk: group commit, "saved" answers and compaction. */
export class DocumentSaver {
  private pending: Uint8Array[] = []
  /** When the oldest change not yet on disk arrived. */
  private pendingSince = 0
  /** Counts updates applied; an update is durable once `durableGeneration` has reached its count. */
  private generation = 0
  private durableGeneration = 0
  private waiters: AckWaiter[] = []
  private timer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null
  private saveFailed = false

  constructor(
    private readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: SaveOptions,
    private readonly log: Logger,
    /** The whole state, written when the history is compacted. */
    private readonly state: () => Uint8Array,
    /** Records the stored history has now. */
    private records: number,
  ) {}

  /** Takes one applied update to be written with the next group commit. */
  record(update: Uint8Array): void {
    if (this.pending.length === 0) this.pendingSince = performance.now()
    this.pending.push(update)
    this.generation += 1
    this.scheduleFlush()
  }

  /** Answers `saved` to the peer once everything applied so far is on disk. */
  requestSavedAck(peer: AckRecipient, seq: number): void {
    if (this.durableGeneration >= this.generation) {
      peer.sendControl({ v: CONTROL_PROTOCOL_VERSION, type: 'saved', seq })
      return
    }
    this.waiters.push({ peer, seq, generation: this.generation })
  }

  /** Drops the answers a peer that left was waiting for. */
  forget(peer: AckRecipient): void {
    this.waiters = this.waiters.filter((waiter) => waiter.peer !== peer)
  }

  private scheduleFlush(): void {
    if (this.timer || this.flushing) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, this.options.commitDelayMs)
  }

  private flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = null
      if (this.pending.length > 0 && !this.saveFailed) this.scheduleFlush()
    })
    return this.flushing
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending
      const target = this.generation
      const since = this.pendingSince
      this.pending = []
      try {
        // One record per group commit; merging a small batch once is cheap, unlike merging a whole history.
        this.records = await this.store.append(this.name, [batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)])
      } catch (error) {
        this.pending = batch.concat(this.pending)
        this.pendingSince = since
        this.reportSaveFailure(error)
        return
      }
      this.durableGeneration = target
      this.options.onSaved?.(performance.now() - since)
      if (this.saveFailed) {
        this.saveFailed = false
        this.log.info('save_recovered', { document: this.name })
      }
      this.acknowledge()
      if (this.records >= this.options.compactAfterRecords) await this.compact()
    }
  }

  private reportSaveFailure(error: unknown): void {
    if (!this.saveFailed) {
      this.log.error('save_failed', { document: this.name, error: String(error) })
    }
    this.saveFailed = true
    const message = { v: CONTROL_PROTOCOL_VERSION, type: 'save-failed', message: 'The server cannot write to disk; your changes are kept and saving is retried.' }
    for (const peer of new Set(this.waiters.map((waiter) => waiter.peer))) peer.sendControl(message)
    this.timer ??= setTimeout(() => {
      this.timer = null
      void this.flush()
    }, this.options.retryDelayMs)
  }

  private acknowledge(): void {
    const ready = this.waiters.filter((waiter) => waiter.generation <= this.durableGeneration)
    this.waiters = this.waiters.filter((waiter) => waiter.generation > this.durableGeneration)
    for (const waiter of ready) {
      waiter.peer.sendControl({ v: CONTROL_PROTOCOL_VERSION, type: 'saved', seq: waiter.seq })
    }
  }

  /** Folds the history into one state by applying it to the Y.Doc, not by merging updates. */
  private async compact(): Promise<void> {
    try {
      await this.store.compact(this.name, this.state())
      this.records = 1
    } catch (error) {
      // The longer history is still whole on disk; compaction is retried at the next threshold.
      this.log.warn('compaction_failed', { document: this.name, error: String(error) })
    }
  }

  /** Writes everything pending; resolves when all applied changes are on disk. */
  async flushAll(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    while (this.pending.length > 0 || this.flushing) {
      await this.flush()
      if (this.saveFailed) throw new Error(`document ${this.name} could not be saved`)
    }
  }

  /** Saves, compacts and releases the stored document. Throws, keeping everything, if it cannot save. */
  async close(): Promise<void> {
    await this.flushAll()
    if (this.records > 1) await this.compact()
    await this.store.release(this.name)
  }
}
