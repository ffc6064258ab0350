import type * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { decodeControl, encodeControl } from '../../../shared/protocol/controlCodec.js'
import { ServerControlMessage, type ClientControlMessage, type LockMessage } from '../../../shared/protocol/controlMessages.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'

/** Kelisim's own messages on the provider's socket: validated on arrival and handed to whoever listens. */
export class ControlChannel {
  private readonly listeners = new Set<(message: ServerControlMessage) => void>()
  /** The last lock state the server sent, for screens that start listening after it arrived. */
  lastLock: LockMessage | null = null

  constructor(private readonly provider: WebsocketProvider) {
    provider.messageHandlers[MessageType.control] = (_encoder, decoder: decoding.Decoder) => {
      let message: ServerControlMessage
      try {
        message = decodeControl(decoder, ServerControlMessage)
      } catch (error) {
        console.warn('Ignoring a control message this page does not understand', error)
        return
      }
      if (message.type === 'lock') this.lastLock = message
      for (const listener of this.listeners) listener(message)
    }
  }

  /** Listens to every control message; returns the unsubscribe function. */
  subscribe(listener: (message: ServerControlMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Sends a message if the socket is open and synced; returns whether it was sent. */
  send(message: ClientControlMessage): boolean {
    const ws = this.provider.ws
    if (!ws || !this.provider.wsconnected || !this.provider.synced) return false
    ws.send(encodeControl(message))
    return true
  }
}
