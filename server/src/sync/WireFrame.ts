import { Sender } from 'ws'

/** Opcode of a binary websocket frame (RFC 6455, 5.2). */
const BINARY = 2

/**
 * Binary messages framed once for the wire. Every socket they go to is written the same bytes, so a change sent to a
 * thousand peers costs one frame header and one buffer, not a thousand of each.
 */
export class WireFrame {
  private constructor(
    /** Header and payload of unmasked, final, uncompressed frames, as a server sends them, back to back. */
    readonly bytes: Buffer,
    /** How many messages the bytes carry. */
    readonly messages: number,
  ) {}

  /** One message as one frame. */
  static of(message: Uint8Array): WireFrame {
    const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    return new WireFrame(Buffer.concat(Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: true, rsv1: false })), 1)
  }

  /**
   * The frames given, in order, in one buffer (null when none): the peers that all get an update and a presence frame
   * in a turn write one buffer the server joined once, not two.
   */
  static joined(frames: (WireFrame | null)[]): WireFrame | null {
    const present = frames.filter((frame): frame is WireFrame => frame !== null)
    if (present.length <= 1) return present[0] ?? null
    return new WireFrame(Buffer.concat(present.map(({ bytes }) => bytes)), present.reduce((sum, { messages }) => sum + messages, 0))
  }
}
