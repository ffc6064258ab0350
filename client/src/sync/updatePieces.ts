import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC

/** A run of one writer's structs, contiguous in clock, as an update holds it. */
interface Run {
  client: number
  clock: number
  end: number
  structs: Struct[]
}

/** What one struct adds to an encoded update, in bytes. */
function encodedSize(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1()
  struct.write(encoder, 0)
  return encoder.toUint8Array().byteLength
}

/** Splits an item in two at `offset`, as Yjs itself slices updates: the right part continues after the left one. */
function sliceItem(item: Y.Item, offset: number): [Y.Item, Y.Item] {
  const { client, clock } = item.id
  const right = item.content.splice(offset)
  return [
    new Y.Item(item.id, null, item.origin, null, item.rightOrigin, item.parent, item.parentSub, item.content),
    new Y.Item(Y.createID(client, clock + offset), null, Y.createID(client, clock + offset - 1), null, item.rightOrigin, item.parent, item.parentSub, right),
  ]
}

/** Cuts a struct larger than `maxBytes` into parts that fit, where its content can be cut (text, deletions, values). */
function fitted(struct: Struct, maxBytes: number): Struct[] {
  const size = encodedSize(struct)
  if (size <= maxBytes || !(struct instanceof Y.Item) || struct.length < 2) return [struct]
  let offset = Math.max(1, Math.floor((struct.length * maxBytes) / size / 2))
  // Cutting between the halves of a surrogate pair would turn both into U+FFFD.
  if (struct.content instanceof Y.ContentString) {
    const code = struct.content.str.charCodeAt(offset - 1)
    if (code >= 0xd800 && code <= 0xdbff) offset = offset > 1 ? offset - 1 : offset + 1
  }
  if (offset >= struct.length) return [struct]
  const [left, right] = sliceItem(struct, offset)
  return [...fitted(left, maxBytes), ...fitted(right, maxBytes)]
}

/** The ids an item needs to be integrated: its neighbours at insertion, and its parent when that is an item. */
function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return []
  const ids = [struct.origin, struct.rightOrigin]
  if (struct.parent instanceof Y.ID) ids.push(struct.parent)
  return ids.filter((id): id is Y.ID => id !== null)
}

/** Encodes runs of structs, then a delete set, as one V1 update. */
function encodePiece(runs: Run[], deletions: [number, { clock: number; len: number }[]][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, runs.length)
  for (const run of [...runs].sort((a, b) => b.client - a.client)) {
    encoding.writeVarUint(encoder.restEncoder, run.structs.length)
    encoder.writeClient(run.client)
    encoding.writeVarUint(encoder.restEncoder, run.clock)
    for (const struct of run.structs) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.length)
  for (const [client, ranges] of deletions) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const range of ranges) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return encoder.toUint8Array()
}

/** Most deletion ranges per piece: each takes at most a few bytes, and a piece of them stays far under any limit. */
const RANGES_PER_PIECE = 8192

/**
 * Splits a V1 update into updates of about `maxBytes` or less that the receiver can apply one after the other,
 * each without waiting for a later one: structs go in an order where what each builds on comes first (or is
 * already there), cut where a single one is too large, and deletions go last, once what they delete has arrived.
 * An update that fits is returned as it is.
 */
export function updatePieces(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update]
  const { structs, ds } = Y.decodeUpdate(update)
  const queues = new Map<number, Struct[]>()
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const queue = queues.get(struct.id.client) ?? []
    queues.set(struct.id.client, queue)
    queue.push(...fitted(struct, maxBytes))
  }
  // Below its first clock here, a writer's changes are taken to be on the receiving side already.
  const reached = new Map([...queues].map(([client, queue]) => [client, queue[0]!.id.clock]))
  const isThere = (id: Y.ID) => id.clock < (reached.get(id.client) ?? Infinity)

  const pieces: Uint8Array[] = []
  let runs = new Map<number, Run>()
  let bytes = 0
  const flush = () => {
    if (runs.size > 0) pieces.push(encodePiece([...runs.values()], []))
    runs = new Map()
    bytes = 0
  }
  const take = (struct: Struct) => {
    const size = encodedSize(struct)
    if (bytes + size > maxBytes) flush()
    const { client, clock } = struct.id
    const run = runs.get(client)
    if (run?.end === clock) {
      run.structs.push(struct)
      run.end += struct.length
    } else {
      if (run) flush()
      runs.set(client, { client, clock, end: clock + struct.length, structs: [struct] })
    }
    bytes += size
    reached.set(client, clock + struct.length)
  }
  while (queues.size > 0) {
    let progressed = false
    for (const [client, queue] of queues) {
      while (queue.length > 0 && dependencies(queue[0]!).every(isThere)) {
        take(queue.shift()!)
        progressed = true
      }
      if (queue.length === 0) queues.delete(client)
    }
    // What nothing here provides is left to the receiver, which has or awaits it: the rest goes in its order.
    if (!progressed) {
      for (const queue of queues.values()) for (const struct of queue) take(struct)
      queues.clear()
    }
  }
  flush()

  let deletions: [number, { clock: number; len: number }[]][] = []
  let count = 0
  for (const [client, ranges] of ds.clients) {
    for (let start = 0; start < ranges.length; ) {
      const part = ranges.slice(start, start + RANGES_PER_PIECE - count)
      deletions.push([client, part])
      count += part.length
      start += part.length
      if (count >= RANGES_PER_PIECE) {
        pieces.push(encodePiece([], deletions))
        deletions = []
        count = 0
      }
    }
  }
  if (deletions.length > 0) pieces.push(encodePiece([], deletions))
  return pieces
}
