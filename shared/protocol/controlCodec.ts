import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { z } from 'zod'
import { MessageType } from './messageTypes.js'

/** Encodes a control message as a y-websocket frame of type `control` with a JSON body. */
export function encodeControl(message: object): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.control)
  encoding.writeVarString(encoder, JSON.stringify(message))
  return encoding.toUint8Array(encoder)
}

/** Reads the JSON body of a control frame (type already read) and validates it; throws on anything else. */
export function decodeControl<T extends z.ZodType>(decoder: decoding.Decoder, schema: T): z.infer<T> {
  const json: unknown = JSON.parse(decoding.readVarString(decoder))
  return schema.parse(json)
}
