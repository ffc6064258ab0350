import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MAX_PIECE_BYTES } from '../../../shared/protocol/syncLimits.js'
import { updatePieces } from './updatePieces.js'

/** A sync frame carrying one update. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * Makes the provider send what the server lacks in pieces the server accepts. A stock provider answers the server's
 * sync step 1 with one sync step 2 holding every change made offline, and sends each local change as one frame; past
 * the server's frame limit either closes the socket for good. Answers that fit are sent as before.
 */
export function sendInPieces(provider: WebsocketProvider, maxBytes = MAX_PIECE_BYTES): void {
  const { doc } = provider
  const send = (update: Uint8Array) => {
    for (const piece of updatePieces(update, maxBytes)) provider.ws?.send(updateFrame(piece))
  }

  const stockSync = provider.messageHandlers[messageSync]!
  provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
    const start = decoder.pos
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) {
      decoder.pos = start
      return stockSync(encoder, decoder, ...rest)
    }
    const update = Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder))
    if (update.byteLength <= maxBytes) {
      encoding.writeVarUint(encoder, messageSync)
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, update)
    } else send(update)
  }

  doc.off('update', provider._updateHandler)
  provider._updateHandler = (update: Uint8Array, origin: unknown) => {
    if (origin !== provider && provider.wsconnected) send(update)
  }
  doc.on('update', provider._updateHandler)
}
