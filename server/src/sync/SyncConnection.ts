import * as decoding from 'lib0/decoding'
import type { Writable } from 'node:stream'
import type { WebSocket } from 'ws'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { PresenceUser } from '../../../shared/awareness.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { fitCloseReason } from '../../../shared/protocol/closeReason.js'
import { decodeControl, encodeControl } from '../../../shared/protocol/controlCodec.js'
import { ClientControlMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import type { Logger } from '../log.js'
import { MessageBudget, type BudgetLimits } from './MessageBudget.js'
import { decodePresence, encodePresence, stampIdentity } from './presence.js'
import { ProtocolViolation } from './ProtocolViolation.js'
import type { DocumentPeer, SharedDocument } from './SharedDocument.js'
import { addsNothing } from './syncFrames.js'
import { TurnWrites } from './TurnWrites.js'
import { checkPending, checkUntrustedUpdate, parkedWriters } from './untrustedUpdate.js'
import { WireFrame } from './WireFrame.js'

/** Limits that protect the server from one connection. */
export interface ConnectionLimits {
  /** Close a peer whose unsent backlog passes this many bytes: it is not reading. */
  maxBufferedBytes: number
  /** What one connection may ask of the server; past it, reading pauses. */
  budget: BudgetLimits
  /** Close a connection throttled this many times within `throttleWindowMs`: it is flooding, not typing. */
  maxThrottles: number
  throttleWindowMs: number
  /** Messages and bytes held for a connection while its declaration loads; past either, it is closed. */
  maxEarlyMessages: number
  maxEarlyBytes: number
  /** Connections one person may have open at once, over all declarations. */
  maxConnectionsPerPerson: number
}

/**
 * Bytes that cost one token of the message budget, on top of the token every message costs: a burst of about 8 MiB
 * and 2.4 MB/s sustained, so a delegate's offline changes (sent in pieces) get through while a flood of large frames
 * is slowed, then closed.
 */
export const BYTES_PER_TOKEN = 8192

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
  private earlyBytes = 0
  private closed = false
  private presenceId: number | null = null
  private readonly budget: MessageBudget
  private throttledAt: number[] = []
  /** Some deletions this connection sent may still be held back by Yjs. */
  private parkedDeletes = false
  private readonly turn: TurnWrites

  constructor(
    readonly id: string,
    /** Whose session this is. */
    readonly participant: string,
    private readonly ws: WebSocket,
    /** The socket under `ws`: frames framed once are written to it as they are. */
    private readonly socket: Writable,
    private readonly user: PresenceUser,
    /** Why this connection may not change the text now, or null when it may. */
    private readonly writeRefusal: () => ProtocolViolation | null,
    /** The paragraphs closed to changes now (agreed), looked up at each change. */
    private readonly closedParagraphs: () => ReadonlySet<string>,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    private readonly counters: MessageCounters,
  ) {
    ws.binaryType = 'nodebuffer'
    this.turn = new TurnWrites(socket)
    this.budget = new MessageBudget(limits.budget)
    // Messages that arrive while the document loads are held, then replayed in order.
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.closed) return
      if (!isBinary) return this.close(CloseCode.malformedMessage, 'Text frames are not part of the protocol.')
      counters.messagesIn += 1
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      const started = performance.now()
      if (this.document) this.receive(message)
      else this.hold(message)
      // Bytes count too: a thousand 1 MiB frames are not a thousand keystrokes.
      this.charge(1 + message.byteLength / BYTES_PER_TOKEN + performance.now() - started)
    })
  }

  /** Holds a message until the declaration is loaded, within the bounds of what a page sends before then. */
  private hold(message: Uint8Array): void {
    this.earlyBytes += message.byteLength
    if (this.early.length >= this.limits.maxEarlyMessages || this.earlyBytes > this.limits.maxEarlyBytes) {
      this.log.warn('sync_early_overflow', { connection: this.id, messages: this.early.length + 1, bytes: this.earlyBytes })
      this.counters.connectionsRefused += 1
      this.early = []
      this.close(CloseCode.tooMuchBeforeLoad, 'Too much was sent before the declaration loaded; the connection was closed.')
      return
    }
    this.early.push(message)
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
    if (!document.addPeer(this)) return this.close(CloseCode.tryAgainLater, 'The declaration was being closed; reconnect.')
    this.document = document
    this.send(document.syncStep1Frame())
    const presence = document.presenceFrame()
    if (presence) this.send(presence)
    if (document.locked) this.sendControl(document.lockMessage())
    const early = this.early
    this.early = []
    this.earlyBytes = 0
    for (const message of early) this.receive(message)
  }

  /** Writes a frame to the socket at the end of the turn; ends a peer whose backlog is past the limit instead. */
  send(frame: WireFrame): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount + this.turn.bytes > this.limits.maxBufferedBytes) {
      // A close frame would queue behind the backlog it cannot drain; the client reconnects and resyncs.
      this.log.warn('sync_backlog_dropped', { connection: this.id, document: this.document?.name, bufferedBytes: this.ws.bufferedAmount })
      this.closed = true
      this.ws.terminate()
      return
    }
    this.counters.messagesOut += frame.messages
    // ws frames whole messages synchronously (no compression, no blobs), so these bytes never split one of its frames.
    this.turn.add(frame.bytes)
  }

  sendControl(message: object): void {
    this.send(WireFrame.of(encodeControl(message)))
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    // The close frame goes after what this turn already sent: a client hears every change before the reason.
    this.turn.flush()
    // A throttled socket must be read again, or the client's half of the closing handshake is never seen.
    this.ws.resume()
    this.ws.close(code, fitCloseReason(reason))
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
        if (control.type === 'flush') document.requestSavedAck(this, control.seq, () => this.hasParked(document))
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
        const refusal = this.writeRefusal()
        if (refusal || document.locked) {
          // A copy of what the server already has is no change (local copies are resent on connect); anything else is refused.
          if (addsNothing(document.doc, update)) break
          if (refusal) throw refusal
          // An editor's keystroke can race the lock: the page resyncs and keeps the words as a draft.
          throw new ProtocolViolation(CloseCode.changeRefused, 'The draft is locked for signature; the change was not applied.')
        }
        const checked = checkUntrustedUpdate(document.doc, update, {
          own: this.presenceId,
          isLiveElsewhere: (client) => this.isOthers(document.presenceOwners.get(client)),
        })
        this.parkedDeletes ||= checked.parked.deletes
        document.schema.apply(checked.decoded, update, this, this.closedParagraphs())
        checkPending(document.doc)
        break
      }
      default:
        throw new ProtocolViolation(CloseCode.malformedMessage, `Unknown sync step ${step}.`)
    }
  }

  /** True while Yjs holds back anything this connection sent, waiting for changes the server does not have. */
  private hasParked(document: SharedDocument): boolean {
    const { pendingStructs, pendingDs } = document.doc.store
    if (pendingDs === null) this.parkedDeletes = false
    if (this.parkedDeletes) return true
    return pendingStructs !== null && this.presenceId !== null && parkedWriters(document.doc).has(this.presenceId)
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
