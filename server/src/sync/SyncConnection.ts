import * as decoding from 'lib0/decoding'
import type { WebSocket } from 'ws'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { PresenceUser } from '../../../shared/awareness.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { decodeControl, encodeControl } from '../../../shared/protocol/controlCodec.js'
import { ClientControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import type { Logger } from '../log.js'
import { MessageBudget, type BudgetLimits } from './MessageBudget.js'
import { decodePresence, encodePresence, stampIdentity } from './presence.js'
import { ProtocolViolation } from './ProtocolViolation.js'
import type { DocumentPeer, SharedDocument } from './SharedDocument.js'
import { addsNothing } from './syncFrames.js'
import { checkPending, checkUntrustedUpdate } from './untrustedUpdate.js'

/** Limits that protect the server from one connection. */
export interface ConnectionLimits {
  /** Close a peer whose unsent backlog passes this many bytes: it is not reading. */
  maxBufferedBytes: number
  /** What one connection may ask of the server; past it, reading pauses. */
  budget: BudgetLimits
  /** Close a connection throttled this many times within `throttleWindowMs`: it is flooding, not typing. */
  maxThrottles: number
  throttleWindowMs: number
}

/** Counts of messages and connections, for /metrics. */
export interface MessageCounters {
  messagesIn: number
  messagesOut: number
  connectionsOpened: number
  /** Connections the server closed for what they sent or how fast they sent it. */
  connectionsRefused: number
}

/** One websocket speaking y-protocols for one session on one document. */
export class SyncConnection implements DocumentPeer {
  private document: SharedDocument | null = null
  private early: Uint8Array[] = []
  private closed = false
  private presenceId: number | null = null
  private readonly budget: MessageBudget
  private throttledAt: number[] = []

  constructor(
    readonly id: string,
    /** Whose session this is. */
    readonly participant: string,
    private readonly ws: WebSocket,
    private readonly user: PresenceUser,
    private readonly canWrite: boolean,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    private readonly counters: MessageCounters,
  ) {
    ws.binaryType = 'nodebuffer'
    this.budget = new MessageBudget(limits.budget)
    // Messages that arrive while the document loads are held, then replayed in order.
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.closed) return
      if (!isBinary) return this.close(CloseCode.malformedMessage, 'Text frames are not part of the protocol.')
      counters.messagesIn += 1
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      const started = performance.now()
      if (this.document) this.receive(message)
      else this.early.push(message)
      this.charge(1 + performance.now() - started)
    })
  }

  /** Pauses reading from a connection that is over its budget, and closes one that keeps flooding. */
  private charge(cost: number): void {
    const waitMs = this.budget.spend(cost)
    // Frames already received keep arriving for a moment after a pause; they add to the debt, not to the count.
    if (waitMs === 0 || this.closed || this.ws.isPaused) return
    const now = performance.now()
    this.throttledAt = this.throttledAt.filter((at) => now - at < this.limits.throttleWindowMs)
    this.throttledAt.push(now)
    if (this.throttledAt.length > this.limits.maxThrottles) {
      this.log.warn('sync_flood_closed', { connection: this.id, document: this.document?.name })
      this.counters.connectionsRefused += 1
      this.close(CloseCode.tooManyMessages, 'Too many messages; the connection was closed.')
      return
    }
    this.ws.pause()
    setTimeout(() => {
      if (!this.closed) this.ws.resume()
    }, waitMs)
  }

  /** Joins the loaded document: greet, then replay what arrived meanwhile. */
  attach(document: SharedDocument): void {
    if (this.closed) return
    this.document = document
    document.peers.add(this)
    this.send(document.syncStep1Frame())
    const presence = document.presenceFrame()
    if (presence) this.send(presence)
    if (document.locked) this.sendControl(document.lockMessage())
    const early = this.early
    this.early = []
    for (const message of early) this.receive(message)
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // A close frame would queue behind the backlog it cannot drain; the client reconnects and resyncs.
      this.log.warn('sync_backlog_dropped', { connection: this.id, document: this.document?.name, bufferedBytes: this.ws.bufferedAmount })
      this.closed = true
      this.ws.terminate()
      return
    }
    this.counters.messagesOut += 1
    this.ws.send(frame)
  }

  sendControl(message: object): void {
    this.send(encodeControl(message))
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    // A throttled socket must be read again, or the client's half of the closing handshake is never seen.
    this.ws.resume()
    this.ws.close(code, reason)
  }

  private receive(message: Uint8Array): void {
    if (this.closed || !this.document) return
    try {
      this.dispatch(this.document, message)
    } catch (error) {
      const violation =
        error instanceof ProtocolViolation ? error : new ProtocolViolation(CloseCode.malformedMessage, 'Malformed message.')
      this.log.warn('sync_message_refused', {
        connection: this.id,
        document: this.document.name,
        code: violation.code,
        reason: violation.message,
        detail: error instanceof ProtocolViolation ? undefined : String(error),
      })
      this.counters.connectionsRefused += 1
      this.close(violation.code, violation.message)
    }
  }

  private dispatch(document: SharedDocument, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync:
        this.handleSync(document, decoder)
        break
      case MessageType.awareness:
        this.handlePresence(document, decoding.readVarUint8Array(decoder))
        break
      case MessageType.queryAwareness: {
        const presence = document.presenceFrame()
        if (presence) this.send(presence)
        break
      }
      case MessageType.control: {
        const control = decodeControl(decoder, ClientControlMessage)
        if (control.type === 'flush') document.requestSavedAck(this, control.seq)
        break
      }
      default:
        throw new ProtocolViolation(CloseCode.malformedMessage, `Unknown message type ${type}.`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolViolation(CloseCode.malformedMessage, 'Trailing bytes in message.')
  }

  private handleSync(document: SharedDocument, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    switch (step) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        Y.decodeStateVector(stateVector)
        this.send(document.syncStep2Frame(stateVector))
        break
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder)
        if (!this.canWrite || document.locked) {
          // A copy of what the server already has is no change (local copies are resent on connect); anything else is refused.
          if (addsNothing(document.doc, update)) break
          if (!this.canWrite) throw new ProtocolViolation(CloseCode.readOnly, 'Your role in this declaration is read-only; the change was not applied.')
          throw new ProtocolViolation(CloseCode.locked, 'The draft is locked for signature; the change was not applied.')
        }
        const decoded = checkUntrustedUpdate(document.doc, update, {
          own: this.presenceId,
          isLiveElsewhere: (client) => this.isOthers(document.presenceOwners.get(client)),
        })
        document.schema.apply(decoded, update, this)
        checkPending(document.doc)
        break
      }
      default:
        throw new ProtocolViolation(CloseCode.malformedMessage, `Unknown sync step ${step}.`)
    }
  }

  /**
   * True when a writer id belongs to someone else's open connection. A page reconnecting from bad Wi-Fi may find its
   * old socket not yet known dead, so the same person's connections share their ids.
   */
  private isOthers(owner: DocumentPeer | undefined): boolean {
    return owner !== undefined && owner !== this && !(owner instanceof SyncConnection && owner.participant === this.participant)
  }

  /**
   * Stock providers relay every presence state they hear, so a connection's messages carry others' states too.
   * A connection speaks only for the one client id it claims, with its first single own state; the rest is dropped.
   */
  private handlePresence(document: SharedDocument, update: Uint8Array): void {
    const entries = decodePresence(update)
    if (this.presenceId === null) {
      const [first] = entries
      const owner = first ? document.presenceOwners.get(first.clientId) : undefined
      if (entries.length !== 1 || !first || first.state === null || this.isOthers(owner)) return
      this.presenceId = first.clientId
      document.presenceOwners.set(first.clientId, this)
    }
    const own = entries.filter((entry) => entry.clientId === this.presenceId)
    if (own.length === 0) return
    applyAwarenessUpdate(document.awareness, encodePresence(stampIdentity(own, this.user)), this)
  }
}
