import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { MessageType } from '../../shared/protocol/messageTypes.js'

/** A frame with a message type and a length-prefixed payload, as the protocol frames it. */
function framed(type: number, ...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

const bytes = fc.uint8Array({ maxLength: 96 })

/** Bit flips, cuts and splices of a frame the server would accept. */
function mutationOf(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const copy = valid.slice()
      for (const [at, mask] of flips) copy[at]! ^= mask
      return copy
    }),
    fc.nat(valid.length - 1).map((end) => valid.slice(0, end)),
    bytes.map((tail) => Uint8Array.from([...valid, ...tail])),
  )
}

/** Kinds of garbage a broken or hostile client sends, each framed to get past a different check. */
function hostileFrame(validFrames: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    bytes,
    // Truncated varints: continuation bits with nothing after them.
    fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 12 }).map((prefix) => Uint8Array.from(prefix)),
    // Lengths far beyond the frame.
    fc.tuple(fc.constantFrom(MessageType.sync, MessageType.awareness, MessageType.control), bytes).map(([type, tail]) =>
      Uint8Array.from([type, ...(type === MessageType.sync ? [2] : []), 0xff, 0xff, 0xff, 0xff, 0x0f, ...tail]),
    ),
    fc.tuple(fc.integer({ min: 4, max: 10_000 }).filter((type) => type !== MessageType.control), bytes).map(([type, tail]) => framed(type, tail)),
    // Valid framing around payloads that are not updates, state vectors, presence or control messages.
    fc.tuple(fc.constantFrom(0, 1, 2), bytes).map(([step, payload]) => framed(MessageType.sync, step, payload)),
    fc.tuple(fc.integer({ min: 3, max: 300 }), bytes).map(([step, payload]) => framed(MessageType.sync, step, payload)),
    bytes.map((payload) => framed(MessageType.awareness, payload)),
    fc.string({ maxLength: 80 }).map((text) => framed(MessageType.control, new TextEncoder().encode(text))),
    fc.constantFrom(...validFrames).chain(mutationOf),
  )
}

/** `count` hostile frames, the same for the same seed. */
export function hostileFrames(count: number, seed: number, validFrames: readonly Uint8Array[]): Uint8Array[] {
  return fc.sample(hostileFrame(validFrames), { numRuns: count, seed })
}
