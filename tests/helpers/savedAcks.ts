import type * as decoding from 'lib0/decoding'
import { decodeControl, encodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import type { SyncClient } from './syncClients.js'

/**
 * Lets a stock client ask, over its own socket, for confirmation that everything it sent is on disk.
 * Returns `confirm(seq)`, which resolves when the server's `saved` for that request arrives.
 */
export function savedAcks(client: SyncClient): (seq: number) => Promise<void> {
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    const message = decodeControl(decoder as decoding.Decoder, ServerControlMessage)
    if (message.type === 'saved') {
      waiting.get(message.seq)?.resolve()
      waiting.delete(message.seq)
    } else if (message.type === 'save-failed') {
      for (const { reject } of waiting.values()) reject(new Error(message.message))
      waiting.clear()
    }
  }
  return (seq) =>
    new Promise((resolve, reject) => {
      const ws = client.provider.ws
      if (!ws) return reject(new Error('not connected'))
      waiting.set(seq, { resolve, reject })
      ws.send(encodeControl({ v: 1, type: 'flush', seq }))
    })
}
