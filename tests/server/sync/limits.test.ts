import { readdir } from 'node:fs/promises'
import net from 'node:net'
import { dirname } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { clauseText } from '../../helpers/declarationText.js'
import { capturedLogger } from '../../helpers/logCapture.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'
import { upgradeStatus } from '../../helpers/rawHttp.js'

const DOC = 'almaty-declaration'
const MAX_BUFFERED = 1024 * 1024

let server: TestServer
let token: string
const captured = capturedLogger()

beforeAll(async () => {
  server = await startTestServer({ log: captured.log, limits: { maxBufferedBytes: MAX_BUFFERED } })
  token = await startSession(server.url, 'editor-gbr')
})

afterAll(() => server.destroy())

/** A presence query: the cheapest valid message there is. */
const query = (() => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
})()

/** Every name in the data folder and its documents, and any name beside it that an attempt could have made. */
async function namesAround(dataDir: string): Promise<string[]> {
  const [parent, inside, documents] = await Promise.all([readdir(dirname(dataDir)), readdir(dataDir), readdir(`${dataDir}/documents`)])
  return [...parent.filter((name) => name.includes('unknown-declaration')), ...inside, ...documents].sort()
}

/** Opens a websocket by hand and then never reads from it, like a client on a stalled link. */
function stalledReader(port: number, token: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        [
          `GET /sync/${DOC} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          `Authorization: Bearer ${token}`,
          '',
          '',
        ].join('\r\n'),
      )
    })
    socket.once('data', (head: Buffer) => {
      if (!head.toString().startsWith('HTTP/1.1 101')) return reject(new Error(head.toString()))
      socket.pause()
      resolve(socket)
    })
    socket.on('error', () => undefined)
  })
}

describe('limits on one connection', () => {
  it('refuses a frame over 1 MiB with close code 1009', async () => {
    const socket = await openRawSync(server.wsUrl, DOC, token)
    socket.send(new Uint8Array(1024 * 1024 + 16))
    expect((await socket.closed).code).toBe(CloseCode.tooLarge)
  })

  it('throttles a socket that floods messages, then closes it with 4429, while others keep editing', async () => {
    const honest = connectClient(server.wsUrl, DOC, token)
    await whenSynced(honest)
    const flooder = await openRawSync(server.wsUrl, DOC, token)
    const started = performance.now()
    let sent = 0
    // The socket keeps writing as fast as it can; the server stops reading it when it is over budget.
    while (flooder.ws.readyState === flooder.ws.OPEN && sent < 200_000) {
      for (let i = 0; i < 500; i += 1) flooder.send(query)
      sent += 500
      await new Promise((resolve) => setImmediate(resolve))
    }
    const closed = await flooder.closed
    expect(closed.code).toBe(CloseCode.tooManyMessages)
    expect(closed.reason).toMatch(/Too many messages/)
    // Throttled first: the close came only after pauses, not at the first message over the budget.
    expect(performance.now() - started).toBeGreaterThan(1000)
    clauseText(honest.text, 0).insert(0, 'still here ')
    const check = connectClient(server.wsUrl, DOC, token)
    await whenSynced(check)
    await waitFor(() => check.text.toString().includes('still here'), 'edits continue')
    honest.destroy()
    check.destroy()
  })

  it('creates nothing in memory or on disk for thousands of attempts on unknown document names', async () => {
    await waitFor(() => server.hub.size === 0, 'earlier documents unloaded')
    const before = await namesAround(server.dataDir)
    const heapBefore = process.memoryUsage().heapUsed
    const statuses = new Set<number>()
    // In waves, as a reconnecting crowd would come, so the test measures the server and not the client's sockets.
    for (let wave = 0; wave < 30; wave += 1) {
      const attempts = Array.from({ length: 100 }, (_, i) => upgradeStatus(server.port, `/sync/unknown-declaration-${wave}-${i}`, { Authorization: `Bearer ${token}` }))
      for (const status of await Promise.all(attempts)) statuses.add(status)
    }
    expect([...statuses]).toEqual([404])
    expect(server.hub.size).toBe(0)
    expect(await namesAround(server.dataDir)).toEqual(before)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
  })

  it('closes a reader that never reads once its backlog passes the limit, so memory stays bounded', async () => {
    // The writer pastes 64 KiB a few ms apart, far past a person's byte budget: it is a test device, not a person.
    const own = await startTestServer({ log: captured.log, limits: { maxBufferedBytes: MAX_BUFFERED, budget: { perSecond: 1e9, burst: 1e9 } } })
    const ownToken = await startSession(own.url, 'editor-gbr')
    const writer = connectClient(own.wsUrl, DOC, ownToken)
    await whenSynced(writer)
    const stalled = await stalledReader(own.port, ownToken)
    const rssBefore = process.memoryUsage().rss
    const chunk = 'x'.repeat(64 * 1024)
    const dropped = () => captured.lines.some((line) => line.event === 'sync_backlog_dropped')
    for (let i = 0; i < 400 && !dropped(); i += 1) {
      clauseText(writer.text, 1).insert(0, chunk)
      clauseText(writer.text, 1).delete(0, chunk.length)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(dropped, 'the stalled reader is dropped')
    // 400 x 64 KiB were sent past it; the server kept at most its limit plus what the kernel buffers.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024)
    const { connection } = captured.lines.find((line) => line.event === 'sync_backlog_dropped')!
    await waitFor(() => captured.lines.some((line) => line.event === 'sync_disconnected' && line.connection === connection), 'the server let go of it')
    stalled.destroy()
    writer.destroy()
    await own.destroy()
  })
})
