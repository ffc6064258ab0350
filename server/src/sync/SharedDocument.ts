import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CONTROL_PROTOCOL_VERSION, type LockMessage } from '../../../shared/protocol/controlMessages.js'
import type { Logger } from '../log.js'
import type { DocumentStore } from '../store/Store.js'
import { SchemaGuard } from './SchemaGuard.js'
import { encodeAwarenessFrame, encodeSyncStep1Frame, encodeSyncStep2Frame, encodeUpdateFrame } from './syncFrames.js'

/** What a document needs from a connection: somewhere to send frames and an identity for logs. */
export interface DocumentPeer {
  readonly id: string
  send(frame: Uint8Array): void
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

/** Something that keeps its own copy of loaded documents, told of every change in order. */
export interface DocumentMirror {
  load(name: string, updates: Uint8Array[]): void
  update(name: string, update: Uint8Array): void
  unload(name: string): void
}

/** Presence changes gather this long, then one frame carries them all: cursors move at typing speed in every room. */
const PRESENCE_TICK_MS = 30

/** Sync answers kept per document between changes; joiners mostly send one of a few state vectors (often the empty one). */
const CACHED_ANSWERS = 4

interface Outgoing {
  update: Uint8Array
  origin: unknown
}

interface AckWaiter {
  peer: DocumentPeer
  seq: number
  generation: number
}

/** One loaded declaration: its Y.Doc, presence, connected peers, and its path to disk. */
export class SharedDocument {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly peers = new Set<DocumentPeer>()
  /** Which peer owns each presence client id, so no one speaks for another. */
  readonly presenceOwners = new Map<number, DocumentPeer>()
  closing = false
  /** Locked for signature on this version: no text change is applied. */
  lockedOn: { id: string; name: string } | null = null
  /** Checks client updates against the editor schema before they are applied. */
  readonly schema: SchemaGuard

  private pending: Uint8Array[] = []
  /** When the oldest change not yet on disk arrived. */
  private pendingSince = 0
  /** Counts updates applied; an update is durable once `durableGeneration` has reached its count. */
  private generation = 0
  private durableGeneration = 0
  private waiters: AckWaiter[] = []
  private timer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null
  private records = 0
  private saveFailed = false
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  /** Updates applied in this turn of the event loop, not yet sent. */
  private outgoing: Outgoing[] = []
  /** Sync step 2 frames already encoded since the last change, by the state vector they answer. */
  private readonly answers = new Map<string, Uint8Array>()
  /** The greeting every joiner gets (the document's state vector), encoded once per change. */
  private greeting: Uint8Array | null = null

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: SaveOptions,
    private readonly log: Logger,
    private readonly mirror: DocumentMirror | null,
  ) {
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessUpdate)
    this.schema = new SchemaGuard(this.doc, name, log)
  }

  /** Loads a document's history from the store. */
  static async load(name: string, store: DocumentStore, options: SaveOptions, log: Logger, mirror: DocumentMirror | null = null): Promise<SharedDocument> {
    const updates = await store.load(name)
    const shared = new SharedDocument(name, store, options, log, mirror)
    Y.transact(shared.doc, () => {
      for (const update of updates) Y.applyUpdate(shared.doc, update)
    })
    shared.doc.on('update', shared.handleUpdate)
    shared.records = updates.length
    mirror?.load(name, updates)
    // After the handler, so the repair is saved and sent like any change.
    shared.schema.repairLoaded()
    return shared
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    this.mirror?.update(this.name, update)
    this.answers.clear()
    this.greeting = null
    if (this.pending.length === 0) this.pendingSince = performance.now()
    this.pending.push(update)
    this.generation += 1
    this.scheduleFlush()
    this.outgoing.push({ update, origin })
    if (this.outgoing.length === 1) setImmediate(this.sendUpdates)
  }

  /**
   * Sends the updates applied in one turn of the event loop as one frame per peer, each without the peer's own
   * changes. When idle a turn holds one update, so nothing waits; under load a turn holds many, and a write per update
   * per peer is what would saturate the server.
   */
  private readonly sendUpdates = (): void => {
    const outgoing = this.outgoing
    this.outgoing = []
    const merged = (from: Outgoing[]) => encodeUpdateFrame(from.length === 1 ? from[0]!.update : Y.mergeUpdates(from.map(({ update }) => update)))
    const everything = merged(outgoing)
    const origins = new Set(outgoing.map(({ origin }) => origin))
    for (const peer of this.peers) {
      if (!origins.has(peer)) {
        peer.send(everything)
        continue
      }
      const others = outgoing.filter(({ origin }) => origin !== peer)
      if (others.length > 0) peer.send(merged(others))
    }
  }

  private readonly handleAwarenessUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    for (const clientId of [...added, ...updated, ...removed]) this.presenceChanged.add(clientId)
    this.presenceTimer ??= setTimeout(this.sendPresence, PRESENCE_TICK_MS)
  }

  /** One frame per tick with every presence that changed in it: a frame per cursor move costs every peer a write. */
  private readonly sendPresence = (): void => {
    this.presenceTimer = null
    const frame = encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.presenceChanged]))
    this.presenceChanged.clear()
    // The sender gets its own presence back too: a lone client's provider treats a silent socket as dead.
    for (const peer of this.peers) peer.send(frame)
  }

  get locked(): boolean {
    return this.lockedOn !== null
  }

  /** Tells everyone whether the draft is locked. */
  lockMessage(): LockMessage {
    return { v: CONTROL_PROTOCOL_VERSION, type: 'lock', locked: this.locked, version: this.lockedOn }
  }

  /** The server's opening sync step for a joiner: its state vector. */
  syncStep1Frame(): Uint8Array {
    this.greeting ??= encodeSyncStep1Frame(this.doc)
    return this.greeting
  }

  /** The answer to a peer's state vector: everything it is missing; encoded once per state vector between changes. */
  syncStep2Frame(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('base64')
    const cached = this.answers.get(key)
    if (cached) return cached
    const frame = encodeSyncStep2Frame(this.doc, stateVector)
    if (this.answers.size >= CACHED_ANSWERS) this.answers.clear()
    this.answers.set(key, frame)
    return frame
  }

  /** Every presence state now, for a peer that just joined or asked. */
  presenceFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length === 0 ? null : encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, clients))
  }

  /** Removes a peer and the presence it owned. */
  removePeer(peer: DocumentPeer): void {
    this.peers.delete(peer)
    this.waiters = this.waiters.filter((waiter) => waiter.peer !== peer)
    const owned = [...this.presenceOwners].filter(([, owner]) => owner === peer).map(([clientId]) => clientId)
    for (const clientId of owned) this.presenceOwners.delete(clientId)
    removeAwarenessStates(this.awareness, owned, peer)
  }

  /** Answers `saved` to the peer once everything applied so far is on disk. */
  requestSavedAck(peer: DocumentPeer, seq: number): void {
    if (this.durableGeneration >= this.generation) {
      peer.sendControl({ v: CONTROL_PROTOCOL_VERSION, type: 'saved', seq })
      return
    }
    this.waiters.push({ peer, seq, generation: this.generation })
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
      await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc))
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

  /** Saves, compacts and frees the document; it must have no peers left. Throws, keeping everything, if it cannot save. */
  async close(): Promise<void> {
    await this.flushAll()
    if (this.records > 1) await this.compact()
    await this.store.release(this.name)
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.destroy()
    this.doc.destroy()
    this.mirror?.unload(this.name)
  }
}
