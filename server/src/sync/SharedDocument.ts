import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CONTROL_PROTOCOL_VERSION, type LockMessage } from '../../../shared/protocol/controlMessages.js'
import type { Logger } from '../log.js'
import type { DocumentStore } from '../store/Store.js'
import { DocumentSaver, type SaveOptions } from './DocumentSaver.js'
import { SchemaGuard } from './SchemaGuard.js'
import { encodeAwarenessFrame, encodeSyncStep1Frame, encodeSyncStep2Frame, encodeUpdateFrame } from './syncFrames.js'
import { WireFrame } from './WireFrame.js'

/** What a document needs from a connection: somewhere to send frames and an identity for logs. */
export interface DocumentPeer {
  readonly id: string
  /** Sends a frame framed once for every peer it goes to. */
  send(frame: WireFrame): void
  sendControl(message: object): void
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

interface HeldAck {
  peer: DocumentPeer
  seq: number
  parked: () => boolean
}

/** One loaded declaration: its Y.Doc, presence, connected peers and the fan-out of changes; saving is its saver's. */
export class SharedDocument {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly peers = new Set<DocumentPeer>()
  /** Which peer owns each presence client id, so no one speaks for another. */
  readonly presenceOwners = new Map<number, DocumentPeer>()
  /** Set once unloading starts: a closing document takes no peer and answers no flush. */
  closing = false
  /** Callers that acquired the document and have not released it; it unloads only at zero. */
  holds = 0
  /** Locked for signature on this version: no text change is applied. */
  lockedOn: { id: string; name: string } | null = null
  /** Checks client updates against the editor schema before they are applied. */
  readonly schema: SchemaGuard

  private readonly saver: DocumentSaver
  /** Save requests waiting for changes Yjs holds back. */
  private heldAcks: HeldAck[] = []
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  /** Updates applied in this turn of the event loop, not yet sent. */
  private outgoing: Outgoing[] = []
  /** Sync step 2 frames already encoded since the last change, by the state vector they answer. */
  private readonly answers = new Map<string, WireFrame>()
  /** The greeting every joiner gets (the document's state vector), encoded once per change. */
  private greeting: WireFrame | null = null

  private constructor(
    readonly name: string,
    store: DocumentStore,
    options: SaveOptions,
    log: Logger,
    private readonly mirror: DocumentMirror | null,
    records: number,
  ) {
    this.saver = new DocumentSaver(name, store, options, log, () => Y.encodeStateAsUpdate(this.doc), records)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessUpdate)
    this.schema = new SchemaGuard(this.doc, name, log)
  }

  /** Loads a document's history from the store. */
  static async load(name: string, store: DocumentStore, options: SaveOptions, log: Logger, mirror: DocumentMirror | null = null): Promise<SharedDocument> {
    const updates = await store.load(name)
    const shared = new SharedDocument(name, store, options, log, mirror, updates.length)
    Y.transact(shared.doc, () => {
      for (const update of updates) Y.applyUpdate(shared.doc, update)
    })
    shared.doc.on('update', shared.handleUpdate)
    mirror?.load(name, updates)
    // After the handler, so the repair is saved and sent like any change.
    shared.schema.repairLoaded()
    return shared
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    this.mirror?.update(this.name, update)
    this.answers.clear()
    this.greeting = null
    this.saver.record(update)
    this.releaseHeldAcks()
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
    const merged = (from: Outgoing[]) =>
      WireFrame.of(encodeUpdateFrame(from.length === 1 ? from[0]!.update : Y.mergeUpdates(from.map(({ update }) => update))))
    // Presence waiting for its tick leaves now, joined to the update once for every peer: a caret extension moves the
    // cursor with every keystroke, and a second buffer per peer per keystroke costs more than the bytes it carries.
    const presence = this.presenceChanged.size > 0 ? this.takePresence() : null
    const everything = WireFrame.joined([merged(outgoing), presence])!
    const origins = new Set(outgoing.map(({ origin }) => origin))
    for (const peer of this.peers) {
      if (!origins.has(peer)) {
        peer.send(everything)
        continue
      }
      // The sender gets its own presence back too: a lone client's provider treats a silent socket as dead.
      const others = outgoing.filter(({ origin }) => origin !== peer)
      const frame = WireFrame.joined([others.length > 0 ? merged(others) : null, presence])
      if (frame) peer.send(frame)
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

  /** One frame per tick (or per batch of updates) with every presence that changed in it: a frame per cursor move costs every peer a write. */
  private readonly sendPresence = (): void => {
    const frame = this.takePresence()
    // The sender gets its own presence back too: a lone client's provider treats a silent socket as dead.
    for (const peer of this.peers) peer.send(frame)
  }

  /** The presence that changed since the last frame, as one frame; the tick waiting for it is called off. */
  private takePresence(): WireFrame {
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    const frame = WireFrame.of(encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.presenceChanged])))
    this.presenceChanged.clear()
    return frame
  }

  get locked(): boolean {
    return this.lockedOn !== null
  }

  /** Tells everyone whether the draft is locked. */
  lockMessage(): LockMessage {
    return { v: CONTROL_PROTOCOL_VERSION, type: 'lock', locked: this.locked, version: this.lockedOn }
  }

  /** The server's opening sync step for a joiner: its state vector. */
  syncStep1Frame(): WireFrame {
    this.greeting ??= WireFrame.of(encodeSyncStep1Frame(this.doc))
    return this.greeting
  }

  /** The answer to a peer's state vector: everything it is missing; encoded once per state vector between changes. */
  syncStep2Frame(stateVector: Uint8Array): WireFrame {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('base64')
    const cached = this.answers.get(key)
    if (cached) return cached
    const frame = WireFrame.of(encodeSyncStep2Frame(this.doc, stateVector))
    if (this.answers.size >= CACHED_ANSWERS) this.answers.clear()
    this.answers.set(key, frame)
    return frame
  }

  /** Every presence state now, for a peer that just joined or asked. */
  presenceFrame(): WireFrame | null {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length === 0 ? null : WireFrame.of(encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, clients)))
  }

  /** Adds a peer; false, adding nothing, when the document is closing. */
  addPeer(peer: DocumentPeer): boolean {
    if (this.closing) return false
    this.peers.add(peer)
    return true
  }

  /** Removes a peer and the presence it owned. */
  removePeer(peer: DocumentPeer): void {
    this.peers.delete(peer)
    this.saver.forget(peer)
    this.heldAcks = this.heldAcks.filter((request) => request.peer !== peer)
    const owned = [...this.presenceOwners].filter(([, owner]) => owner === peer).map(([clientId]) => clientId)
    for (const clientId of owned) this.presenceOwners.delete(clientId)
    removeAwarenessStates(this.awareness, owned, peer)
  }

  /**
   * Answers `saved` to the peer once everything it sent is on disk. What Yjs holds back fires no update until what it
   * waits for arrives, so while `parked` holds the request waits, and only then waits for the disk.
   */
  requestSavedAck(peer: DocumentPeer, seq: number, parked: () => boolean = () => false): void {
    // Changes sent to a closing document were never applied to what is saved: no "saved" may answer them.
    if (this.closing) return
    if (parked()) this.heldAcks.push({ peer, seq, parked })
    else this.saver.requestSavedAck(peer, seq)
  }

  /** Passes on to the saver the requests whose parked changes have now been applied, in the order they came. */
  private releaseHeldAcks(): void {
    if (this.heldAcks.length === 0) return
    const held = this.heldAcks
    this.heldAcks = []
    for (const request of held) {
      if (request.parked() || this.heldAcks.some((earlier) => earlier.peer === request.peer)) this.heldAcks.push(request)
      else this.saver.requestSavedAck(request.peer, request.seq)
    }
  }

  /** Writes everything pending; resolves when all applied changes are on disk. */
  flushAll(): Promise<void> {
    return this.saver.flushAll()
  }

  /** Saves, compacts and frees the document; it must have no peers left. Throws, keeping everything, if it cannot save. */
  async close(): Promise<void> {
    await this.saver.close()
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.destroy()
    this.doc.destroy()
    this.mirror?.unload(this.name)
  }
}
