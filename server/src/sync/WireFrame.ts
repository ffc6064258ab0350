import { Sender } from 'ws'

/** Opcode of a binary websocket frame (RFC 6455, 5.2). */
const BINARY = 2

/**
 * A binary message framed once for the wire. Every socket it goes to is written the same bytes, so a change sent to a
 * thousand peers costs one frame header and one buffer, not a thousand of each.
 */
export class WireFrame {
  /** Header and payload of one unmasked, final, uncompressed frame, as a server sends it. */
  readonly bytes: Buffer

  constructor(message: Uint8Array) {
    const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    this.bytes = Buffer.concat(Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: true, rsv1: false }))
  }
}
