import * as decoding from 'lib0/decoding'
import { createServer } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { listenInMemory } from './listenInMemory.js'
import { serveBenchServer } from './serveBenchServer.js'

const SYNC = 0
const STEP1 = 0
const UPDATE = 2
const AWARENESS = 1
/** Sync step 2 carrying an empty update (no structs, empty delete set): "you now have everything". */
const EMPTY_STEP2 = Buffer.from([SYNC, 1, 2, 0, 0])

/** One document's sockets and the sync-update frames relayed in it, replayed verbatim to each joiner. */
interface Room {
  sockets: Set<WebSocket>
  updates: Buffer[]
  /** The newest awareness clock seen per client. */
  clocks: Map<number, number>
}

/**
 * Whether an awareness frame carries a clock newer than the room has seen. The stock client re-sends every awareness
 * change it receives; every server drops those repeats by clock, and so must the floor, or it would send each cursor
 * move once per writer.
 */
function isNewAwareness(frame: Buffer, clocks: Map<number, number>): boolean {
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoding.createDecoder(frame.subarray(1))))
  let fresh = false
  for (let count = decoding.readVarUint(update); count > 0; count -= 1) {
    const client = decoding.readVarUint(update)
    const clock = decoding.readVarUint(update)
    decoding.readVarString(update)
    if (clock > (clocks.get(client) ?? -1)) {
      clocks.set(client, clock)
      fresh = true
    }
  }
  return fresh
}

/**
 * The latency floor: a relay doing no work. It reads a frame's first two bytes, answers sync step 1 by replaying the
 * sync-update frames it has relayed and an empty sync step 2, and forwards every other frame unchanged to every other
 * socket of the room, awareness only when it is new. No Y.Doc: joiners get the document as the updates that built it.
 */
serveBenchServer(async () => {
  const rooms = new Map<string, Room>()
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((_request, response) => response.end('okay'))
  wss.on('connection', (socket: WebSocket, name: string) => {
    const room = rooms.get(name) ?? { sockets: new Set<WebSocket>(), updates: [], clocks: new Map<number, number>() }
    rooms.set(name, room)
    room.sockets.add(socket)
    socket.on('message', (data: Buffer) => {
      if (data[0] === SYNC && data[1] === STEP1) {
        for (const update of room.updates) socket.send(update)
        socket.send(EMPTY_STEP2)
        return
      }
      if (data[0] === SYNC && data[1] === UPDATE) room.updates.push(data)
      if (data[0] === AWARENESS && !isNewAwareness(data, room.clocks)) return
      for (const other of room.sockets) if (other !== socket) other.send(data)
    })
    socket.on('close', () => {
      room.sockets.delete(socket)
      // Like the peers, it forgets a document when its last client leaves.
      if (room.sockets.size === 0) rooms.delete(name)
    })
  })
  server.on('upgrade', (request, socket, head) => {
    const name = (request.url ?? '/').split('?')[0]!.slice(1)
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, name))
  })
  return listenInMemory(server)
})
