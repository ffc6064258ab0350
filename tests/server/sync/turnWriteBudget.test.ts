import { once } from 'node:events'
import { createServer, connect, type Socket } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TURN_WRITE_BUDGET_BYTES, TurnWrites } from '../../../server/src/sync/TurnWrites.js'

const PEERS = 12
let pairs: { sending: Socket; received: Buffer[] }[] = []
const server = createServer()

beforeAll(async () => {
  const accepted: Socket[] = []
  server.on('connection', (socket) => accepted.push(socket))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  for (let index = 0; index < PEERS; index += 1) {
    const reading = connect(port, '127.0.0.1')
    await once(reading, 'connect')
    const received: Buffer[] = []
    reading.on('data', (chunk: Buffer) => received.push(chunk))
    pairs.push({ sending: null as unknown as Socket, received })
  }
  while (accepted.length < PEERS) await once(server, 'connection')
  pairs = pairs.map((pair, index) => ({ ...pair, sending: accepted[index]! }))
})
afterAll(async () => {
  for (const { sending } of pairs) sending.destroy()
  server.close()
})

const turn = () => new Promise((resolve) => setImmediate(resolve))
const frame = (peer: number, sequence: number, size: number) => Buffer.alloc(size, `${peer}:${sequence};`)

describe('frames written at the end of a turn', () => {
  it('leave in slices of the budget, so the loop turns between slices of a large broadcast', async () => {
    const writes = pairs.map(({ sending }) => new TurnWrites(sending))
    const before = pairs.map(({ sending }) => sending.bytesWritten)
    const size = Math.ceil(TURN_WRITE_BUDGET_BYTES / 4)
    for (const write of writes) write.add(Buffer.alloc(size))
    // Queued before the slices' own continuation, so it runs after the first slice and before the second.
    await turn()
    const sent = pairs.map(({ sending }, index) => sending.bytesWritten - before[index]!)
    expect(sent.filter((bytes) => bytes === size)).toHaveLength(4)
    expect(sent.slice(4).every((bytes) => bytes === 0)).toBe(true)
    await turn()
    await turn()
    await turn()
    expect(pairs.every(({ sending }, index) => sending.bytesWritten - before[index]! === size)).toBe(true)
  })

  it('reach every socket whole and in the order given, however adds, sizes and turns interleave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ peer: fc.integer({ min: 0, max: PEERS - 1 }), size: fc.integer({ min: 1, max: 200_000 }), turnAfter: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        async (steps) => {
          const writes = pairs.map(({ sending }) => new TurnWrites(sending))
          for (const pair of pairs) pair.received.length = 0
          const expected: Buffer[][] = pairs.map(() => [])
          for (const [sequence, { peer, size, turnAfter }] of steps.entries()) {
            const bytes = frame(peer, sequence, size)
            expected[peer]!.push(bytes)
            writes[peer]!.add(bytes)
            if (turnAfter) await turn()
          }
          const totals = expected.map((frames) => frames.reduce((sum, bytes) => sum + bytes.byteLength, 0))
          while (pairs.some(({ received }, peer) => received.reduce((sum, chunk) => sum + chunk.byteLength, 0) < totals[peer]!)) await turn()
          for (const [peer, { received }] of pairs.entries()) expect(Buffer.concat(received).equals(Buffer.concat(expected[peer]!))).toBe(true)
        },
      ),
      { numRuns: 40 },
    )
  })
})
