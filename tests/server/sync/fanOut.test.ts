import net from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Sender } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../../shared/protocol/messageTypes.js'
import { encodeAwarenessFrame, encodeUpdateFrame } from '../../../server/src/sync/syncFrames.js'
import { encodePresence } from '../../../server/src/sync/presence.js'
import { clauseText, fragmentOf } from '../../helpers/declarationText.js'
import { openRawSync } from '../../helpers/rawSync.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const RECEIVERS = 5

let server: TestServer
let token: string

beforeAll(async () => {
  server = await startTestServer({ limits: { maxConnectionsPerPerson: RECEIVERS + 2 } })
  token = await startSession(server.url, 'editor-gbr')
})

afterEach(() => vi.restoreAllMocks())

afterAll(() => server.destroy())

/** True for a sync frame carrying a document update. */
function isUpdateFrame(bytes: Uint8Array): boolean {
  const decoder = decoding.createDecoder(bytes)
  return decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate
}

/** A masked client frame, as a browser sends it. */
function clientFrame(message: Uint8Array): Buffer {
  return Buffer.concat(Sender.frame(Buffer.from(message), { fin: true, opcode: 2, mask: true, readOnly: false, rsv1: false }))
}

/** Opcodes of the complete unmasked server frames at the start of `bytes` (payloads under 64 KiB), in order. */
function opcodes(bytes: Buffer): number[] {
  const found: number[] = []
  let at = 0
  while (at + 2 <= bytes.length) {
    const short = bytes[at + 1]! & 0x7f
    const head = short === 126 ? 4 : 2
    const length = short === 126 ? bytes.readUInt16BE(at + 2) : short
    if (at + head + length > bytes.length) break
    found.push(bytes[at]! & 0x0f)
    at += head + length
  }
  return found
}

const frameCount = (bytes: Buffer) => opcodes(bytes).length

/** A client's sync step 1 for an empty document: the server answers with everything. */
function askForEverything(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(encoder)
}

/** A websocket opened by hand, so the test decides which bytes go in one write. */
function rawSocket(port: number): Promise<{ socket: net.Socket; received: () => Buffer }> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0)
    let upgraded = false
    const socket = net.connect(port, '127.0.0.1', () => {
      const request = [`GET /sync/${DOC} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: Upgrade', 'Upgrade: websocket']
      request.push('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', `Authorization: Bearer ${token}`, '', '')
      socket.write(request.join('\r\n'))
    })
    socket.on('error', reject)
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (upgraded) return
      if (!received.toString('latin1').startsWith('HTTP/1.1 101')) return reject(new Error(received.toString()))
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      upgraded = true
      received = received.subarray(end + 4)
      resolve({ socket, received: () => received })
    })
  })
}

describe('fan-out', () => {
  it('frames an update once and writes the same bytes to every peer', async () => {
    const writer = connectClient(server.wsUrl, DOC, token)
    await whenSynced(writer)
    const receivers = await Promise.all(Array.from({ length: RECEIVERS }, () => openRawSync(server.wsUrl, DOC, token)))
    const got: Buffer[][] = receivers.map(() => [])
    receivers.forEach(({ ws }, index) => ws.on('message', (data: Buffer) => isUpdateFrame(data) && got[index]!.push(data)))
    const framing = vi.spyOn(Sender, 'frame')

    clauseText(writer.text, 0).insert(0, 'Алматы 阿拉木图 ')
    await waitFor(() => got.every((frames) => frames.length === 1), 'every receiver gets the update')

    const serverFramed = framing.mock.calls.filter(([data, options]) => !options.mask && isUpdateFrame(data))
    expect(serverFramed).toHaveLength(1)
    const [first] = got[0]!
    for (const [frame] of got) expect(Buffer.compare(frame!, first!)).toBe(0)
    writer.destroy()
    for (const { ws } of receivers) ws.close()
  })

  it('sends every frame a peer gets in one turn in one write', async () => {
    const { socket, received } = await rawSocket(server.port)
    await waitFor(() => frameCount(received()) >= 1, 'the greeting arrives')
    const before = frameCount(received())
    const ask = askForEverything()
    // Every write the server's side of a socket makes to the kernel, by how many chunks it carried.
    const serverWrites: number[] = []
    const { _write: writeOne, _writev: writeMany } = net.Socket.prototype
    vi.spyOn(net.Socket.prototype, '_write').mockImplementation(function (this: net.Socket, chunk, encoding, done) {
      if (this !== socket) serverWrites.push(1)
      writeOne.call(this, chunk, encoding, done)
    })
    vi.spyOn(net.Socket.prototype, '_writev').mockImplementation(function (this: net.Socket, chunks, done) {
      if (this !== socket) serverWrites.push(chunks.length)
      writeMany!.call(this, chunks, done)
    })

    // Three questions in one packet are answered in one turn of the server's event loop.
    socket.write(Buffer.concat([clientFrame(ask), clientFrame(ask), clientFrame(ask)]))
    await waitFor(() => frameCount(received()) >= before + 3, 'three answers arrive')
    expect(serverWrites).toHaveLength(1)
    socket.destroy()
  })

  it('sends a close after the frames the same turn gave the socket before it', async () => {
    const { socket, received } = await rawSocket(server.port)
    await waitFor(() => frameCount(received()) >= 1, 'the greeting arrives')
    const before = frameCount(received())
    // A question, then a message of no known type: the answer is written at the end of the turn, the refusal within it.
    socket.write(Buffer.concat([clientFrame(askForEverything()), clientFrame(Uint8Array.of(99))]))
    await waitFor(() => opcodes(received()).includes(8), 'the close frame arrives')
    expect(opcodes(received()).slice(before)).toEqual([2, 8])
    socket.destroy()
  })

  it('sends a cursor moved with a keystroke in the same write as the keystroke, not a presence tick later', async () => {
    const reader = connectClient(server.wsUrl, DOC, token)
    await whenSynced(reader)
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(reader.doc))
    reader.destroy()
    let update: Uint8Array | null = null
    local.once('update', (bytes: Uint8Array) => (update = bytes))
    clauseText(fragmentOf(local), 0).insert(0, 'Typed ')
    const presence = encodePresence([{ clientId: local.clientID, clock: 1, state: { cursor: null } }])
    const writer = await rawSocket(server.port)
    const receivers = [await rawSocket(server.port), await rawSocket(server.port)]
    const everyone = [writer, ...receivers]
    await waitFor(() => everyone.every(({ received }) => frameCount(received()) >= 1), 'all are greeted')
    const before = receivers.map(({ received }) => frameCount(received()))
    const serverWrites: unknown[] = []
    const { _write: writeOne, _writev: writeMany } = net.Socket.prototype
    const own = (socket: net.Socket) => everyone.some((each) => each.socket === socket)
    vi.spyOn(net.Socket.prototype, '_write').mockImplementation(function (this: net.Socket, chunk, encoding, done) {
      if (!own(this)) serverWrites.push(chunk)
      writeOne.call(this, chunk, encoding, done)
    })
    vi.spyOn(net.Socket.prototype, '_writev').mockImplementation(function (this: net.Socket, chunks, done) {
      if (!own(this)) serverWrites.push(chunks)
      writeMany!.call(this, chunks, done)
    })

    // The caret extension sends the keystroke and the cursor after it together.
    writer.socket.write(Buffer.concat([clientFrame(encodeAwarenessFrame(presence)), clientFrame(encodeUpdateFrame(update!))]))
    await waitFor(() => receivers.every(({ received }, index) => frameCount(received()) >= before[index]! + 2), 'the keystroke and the cursor arrive')
    // One write to each receiver with both frames, one to the writer with its own presence back; a presence tick of
    // its own would have made it five.
    expect(serverWrites).toHaveLength(3)
    // The two frames were joined once: both receivers were written the very same buffer.
    const joined = serverWrites.filter((chunk) => Buffer.isBuffer(chunk) && frameCount(chunk) === 2)
    expect(joined).toHaveLength(2)
    expect(joined[0]).toBe(joined[1])
    for (const each of everyone) each.socket.destroy()
  })
})
