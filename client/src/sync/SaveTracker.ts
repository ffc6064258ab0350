import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { CONTROL_PROTOCOL_VERSION, type ServerControlMessage } from '../../../shared/protocol/controlMessages.js'
import type { ControlChannel } from './ControlChannel.js'

/** What the save indicator shows. */
export type SaveStatus =
  | { kind: 'connecting' }
  | { kind: 'saving' }
  /** `merged`: how many changes made offline the last reconnect brought to the server, until the next change. */
  | { kind: 'saved'; merged: number }
  | { kind: 'offline'; waiting: number }
  /** The server could not write; the words are the reader's language, the server's sentence is for logs. */
  | { kind: 'failed' }
  /** The close code says why, in the reader's language; the server's reason text is never shown. */
  | { kind: 'refused'; code: number }

/**
 * Tracks whether this browser's changes are on the server's disk. After changes, it asks the server
 * to confirm that everything sent so far is fsynced; the status is "saved" only once that answer comes.
 */
export class SaveTracker {
  private localChanges = 0
  private savedThrough = 0
  private seq = 0
  private readonly requested = new Map<number, number>()
  private confirmedSinceConnect = false
  private everConnected = false
  private failing = false
  private refusal: number | null = null
  /** Changes that waited while offline, and the count they end at, until the server confirms them. */
  private offlineBatch: { count: number; through: number } | null = null
  private merged = 0
  private readonly listeners = new Set<() => void>()
  private readonly unsubscribe: () => void
  status: SaveStatus = { kind: 'connecting' }

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly channel: ControlChannel,
    private readonly remoteOrigins: ReadonlySet<unknown>,
  ) {
    this.unsubscribe = channel.subscribe((message) => this.handleControl(message))
    doc.on('update', this.handleUpdate)
    provider.on('sync', this.handleSync)
    provider.on('status', this.handleStatus)
    provider.on('closed', this.handleClosed)
  }

  private readonly handleUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.remoteOrigins.has(origin)) return
    this.localChanges += 1
    this.merged = 0
    // After the provider's own update handler has sent the change, so the request follows it on the wire.
    queueMicrotask(() => this.requestConfirmation())
    this.refresh()
  }

  private readonly handleSync = (synced: boolean): void => {
    if (synced) this.requestConfirmation(true)
  }

  private readonly handleStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') {
      if (this.everConnected && this.waiting > 0) this.offlineBatch = { count: this.waiting, through: this.localChanges }
      this.everConnected = true
    } else {
      this.requested.clear()
      this.confirmedSinceConnect = false
    }
    this.refresh()
  }

  private readonly handleClosed = ({ code }: { code: number }): void => {
    this.refusal = code
    this.refresh()
  }

  private requestConfirmation(force = false): void {
    // One question at a time; its answer prompts the next if more changes came meanwhile.
    if (this.requested.size > 0 && !force) return
    if (!this.channel.send({ v: CONTROL_PROTOCOL_VERSION, type: 'flush', seq: this.seq + 1 })) return
    this.seq += 1
    this.requested.set(this.seq, this.localChanges)
  }

  private handleControl(message: ServerControlMessage): void {
    if (message.type === 'save-failed') {
      this.failing = true
    } else if (message.type === 'saved') {
      const through = this.requested.get(message.seq)
      if (through === undefined) return
      for (const seq of this.requested.keys()) if (seq <= message.seq) this.requested.delete(seq)
      this.savedThrough = Math.max(this.savedThrough, through)
      if (this.offlineBatch && this.savedThrough >= this.offlineBatch.through) {
        this.merged = this.offlineBatch.count
        this.offlineBatch = null
      }
      this.confirmedSinceConnect = true
      this.failing = false
      if (this.localChanges > this.savedThrough) this.requestConfirmation()
    } else return
    this.refresh()
  }

  /** Local changes not yet confirmed on disk. */
  get waiting(): number {
    return this.localChanges - this.savedThrough
  }

  private refresh(): void {
    this.status = this.compute()
    for (const listener of this.listeners) listener()
  }

  private compute(): SaveStatus {
    if (this.refusal !== null) return { kind: 'refused', code: this.refusal }
    if (!this.provider.wsconnected) {
      return this.everConnected || this.waiting > 0 ? { kind: 'offline', waiting: this.waiting } : { kind: 'connecting' }
    }
    if (this.failing) return { kind: 'failed' }
    if (!this.confirmedSinceConnect || this.waiting > 0) return { kind: 'saving' }
    return { kind: 'saved', merged: this.merged }
  }

  /** Subscribes to status changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.unsubscribe()
    this.doc.off('update', this.handleUpdate)
    this.provider.off('sync', this.handleSync)
    this.provider.off('status', this.handleStatus)
    this.provider.off('closed', this.handleClosed)
    this.listeners.clear()
  }
}
