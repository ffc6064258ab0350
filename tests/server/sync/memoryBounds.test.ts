import { once } from 'node:events'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { defaultLimits } from '../../../server/src/startServer.js'
import { barrier } from '../../helpers/barrier.js'
import { openRawSync, type Closed } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const MiB = 1024 * 1024
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

/** A valid sync step 1 of exactly `bytes` bytes: an empty state vector, padded (Yjs reads no further than its count). */
function paddedStepOne(bytes: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 0)
  const head = encoding.length(encoder)
  const lengthBytes = (n: number) => (n < 2 ** 7 ? 1 : n < 2 ** 14 ? 2 : n < 2 ** 21 ? 3 : 4)
  let inner = bytes - head - 1
  while (head + lengthBytes(inner) + inner > bytes) inner -= 1
  encoding.writeVarUint8Array(encoder, new Uint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/** A presence query: the cheapest valid message there is. */
const query = new Uint8Array([MessageType.queryAwareness])

/** A socket whose declaration is still loading: the server holds what it sends. */
async function whileLoading(server: TestServer, token: string): Promise<{ ws: WebSocket; closed: Promise<Closed> }> {
  const ws = new WebSocket(`${server.wsUrl}/${DOC}`, { headers: { Authorization: `Bearer ${token}` } })
  const closed = new Promise<Closed>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  await once(ws, 'open')
  return { ws, closed }
}

describe('memory a client can make the server hold', () => {
  it(`holds at most ${defaultLimits.maxEarlyMessages} messages and ${defaultLimits.maxEarlyBytes / MiB} MiB per connection while the declaration loads`, async () => {
    const load = barrier()
    const server = await startTestServer({ hooks: { beforeLoad: load.hold } })
    cleanups.push(() => server.destroy())
    const token = await startSession(server.url, 'editor-gbr')
    const atCount = await whileLoading(server, token)
    const overCount = await whileLoading(server, token)
    const atBytes = await whileLoading(server, token)
    const overBytes = await whileLoading(server, token)
    await load.reached
    for (let i = 0; i < defaultLimits.maxEarlyMessages; i += 1) atCount.ws.send(query)
    for (let i = 0; i <= defaultLimits.maxEarlyMessages; i += 1) overCount.ws.send(query)
    const half = paddedStepOne(defaultLimits.maxEarlyBytes / 2)
    expect(half.byteLength).toBe(MiB)
    atBytes.ws.send(half)
    atBytes.ws.send(half)
    overBytes.ws.send(half)
    overBytes.ws.send(half)
    overBytes.ws.send(query)

    expect(await overCount.closed).toMatchObject({ code: CloseCode.tooMuchBeforeLoad, reason: expect.stringMatching(/before the declaration loaded/) })
    expect(await overBytes.closed).toMatchObject({ code: CloseCode.tooMuchBeforeLoad })
    load.open()
    const answered = (socket: { ws: WebSocket }) => new Promise<void>((resolve) => socket.ws.on('message', () => resolve()))
    await Promise.all([answered(atCount), answered(atBytes)])
    expect([atCount.ws.readyState, atBytes.ws.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN])
    for (const socket of [atCount, atBytes]) socket.ws.close()
  })

  it('counts bytes in the message budget: a stream of 1 MiB frames is closed with 4429 after a few', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.destroy())
    const socket = await openRawSync(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
    const frame = paddedStepOne(MiB)
    let sent = 0
    let closed: Closed | null = null
    void socket.closed.then((how) => (closed = how))
    // Each frame costs 129 tokens against a burst of 1,000: the burst is spent after a few, then every frame is throttled and the fourth throttle closes.
    while (!closed && sent < 1000) {
      if (socket.ws.bufferedAmount < 2 * MiB) {
        socket.send(frame)
        sent += 1
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(closed).toMatchObject({ code: CloseCode.tooManyMessages })
    // The server stopped reading long before: what it holds is what the kernel buffers.
    expect(sent).toBeLessThan(100)
  })

  it(`lets one person open ${defaultLimits.maxConnectionsPerPerson} connections and closes the next with 4430`, async () => {
    const server = await startTestServer()
    cleanups.push(() => server.destroy())
    const token = await startSession(server.url, 'editor-gbr')
    const open = []
    for (let i = 0; i < defaultLimits.maxConnectionsPerPerson; i += 1) open.push(await openRawSync(server.wsUrl, DOC, token))
    const refused = await whileLoading(server, await startSession(server.url, 'editor-gbr'))
    expect(await refused.closed).toMatchObject({ code: CloseCode.tooManyConnections, reason: expect.stringMatching(/connections open/) })
    // Someone else is not affected, and a freed slot is usable again.
    const other = await openRawSync(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))
    expect(await other.probe()).toBe(true)
    open.pop()!.ws.close()
    await open[0]!.probe()
    for (;;) {
      const retry = await openRawSync(server.wsUrl, DOC, token).catch(() => null)
      if (retry) {
        expect(await retry.probe()).toBe(true)
        retry.ws.close()
        break
      }
    }
    for (const socket of [...open, other]) socket.ws.close()
  })
})
