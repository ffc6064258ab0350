import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { decodeControl, encodeControl } from '../../shared/protocol/controlCodec.js'
import { CONTROL_PROTOCOL_VERSION, ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'

/** Which way a held frame travels. */
export type Direction = 'toServer' | 'toClient'

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A client's Y.Doc on a real socket to /sync/<name>, behind a network the test controls: every sync frame, either
 * way, waits in `held` until the test delivers it (in any order, once or twice) or drops it. A disconnect loses
 * whatever was in flight; a connect starts with the sync step 1/2 exchange the stock provider makes, which heals
 * what was lost.
 */
export class FaultyLink {
  readonly held: Record<Direction, Uint8Array[]> = { toServer: [], toClient: [] }
  /** Close codes the server chose; an honest client on a bad network should never get one. */
  readonly serverCloses: number[] = []
  private ws: WebSocket | null = null
  /** On the current connection: the server's step 1 was answered, and its step 2 applied. */
  private greeted = false
  private synced = false
  private flushSeq = 0
  private readonly savedWaiters = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  private readonly awareness: Awareness

  constructor(
    private readonly url: string,
    private readonly token: string,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new Awareness(doc)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Like the stock provider, only a live connection carries edits; a reconnect's step 2 brings the rest.
      if (origin !== this && this.connected) this.held.toServer.push(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update)))
    })
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** True once this connection has answered the server's greeting and applied the server's state. */
  get caughtUp(): boolean {
    return this.synced && this.greeted
  }

  /** Opens a socket; its first frame, our sync step 1, is held like any other. */
  async connect(): Promise<void> {
    const ws = new WebSocket(this.url, { headers: { Authorization: `Bearer ${this.token}` } })
    this.ws = ws
    this.greeted = false
    this.synced = false
    ws.on('message', (data: Buffer) => {
      if (ws !== this.ws) return
      const frame = new Uint8Array(data)
      if (frame[0] === MessageType.sync) this.held.toClient.push(frame)
      if (frame[0] === MessageType.control) this.receiveControl(frame)
    })
    ws.on('close', (code) => {
      if (ws !== this.ws) return
      this.serverCloses.push(code)
      for (const { reject } of this.savedWaiters.values()) reject(new Error(`the server closed the connection with ${code}`))
      this.savedWaiters.clear()
    })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    this.held.toServer.push(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)))
    // Like the stock provider, announce presence at once: it tells the server which writer id this connection is.
    const presence = encoding.createEncoder()
    encoding.writeVarUint(presence, MessageType.awareness)
    encoding.writeVarUint8Array(presence, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]))
    ws.send(encoding.toUint8Array(presence))
  }

  /** Closes the socket; frames in flight either way are lost. */
  disconnect(): void {
    const ws = this.ws
    this.ws = null
    this.held.toServer.length = 0
    this.held.toClient.length = 0
    ws?.close()
  }

  /** Delivers the held frame at `pick` (modulo how many are held), twice if `duplicate`. */
  deliver(direction: Direction, pick: number, duplicate = false): void {
    const queue = this.held[direction]
    if (queue.length === 0) return
    const [frame] = queue.splice(pick % queue.length, 1)
    for (let copy = 0; copy < (duplicate ? 2 : 1); copy += 1) {
      if (direction === 'toServer') {
        if (this.connected) this.ws!.send(frame!)
      } else this.receive(frame!)
    }
  }

  /** Loses the held frame at `pick`. */
  drop(direction: Direction, pick: number): void {
    const queue = this.held[direction]
    if (queue.length > 0) queue.splice(pick % queue.length, 1)
  }

  /** Delivers everything held, in order, as a good network would. */
  flush(): void {
    while (this.held.toServer.length > 0 || this.held.toClient.length > 0) {
      while (this.held.toServer.length > 0) this.deliver('toServer', 0)
      while (this.held.toClient.length > 0) this.deliver('toClient', 0)
    }
  }

  /** Delivers everything held, then resolves once the server reports all of it on disk (its `saved` answer). */
  async saved(): Promise<void> {
    this.flush()
    if (!this.connected) throw new Error(`not connected; the server closed with ${this.serverCloses.join(', ') || 'nothing'}`)
    this.flushSeq += 1
    const seq = this.flushSeq
    const answered = new Promise<void>((resolve, reject) => this.savedWaiters.set(seq, { resolve, reject }))
    this.ws!.send(encodeControl({ v: CONTROL_PROTOCOL_VERSION, type: 'flush', seq }))
    return answered
  }

  private receiveControl(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    const message = decodeControl(decoder, ServerControlMessage)
    if (message.type !== 'saved') return
    this.savedWaiters.get(message.seq)?.resolve()
    this.savedWaiters.delete(message.seq)
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MessageType.sync)
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
    if (step === syncProtocol.messageYjsSyncStep1) {
      this.greeted = true
      this.held.toServer.push(encoding.toUint8Array(reply))
    }
    if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
  }
}
