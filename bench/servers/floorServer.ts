import * as decoding from 'lib0/decoding'
import { createServer } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { TurnWrites } from '../../server/src/sync/TurnWrites.js'
import { WireFrame } from '../../server/src/sync/WireFrame.js'
import { listenInMemory } from './listenInMemory.js'
import { serveBenchServer } from './serveBenchServer.js'

const SYNC = 0
const STEP1 = 0
const UPDATE = 2
const AWARENESS = 1
/** Sync step 2 carrying an empty update (no structs, empty delete set): "you now have everything". */
const EMPTY_STEP2 = WireFrame.of(Buffer.from([SYNC, 1, 2, 0, 0]))

/** One socket of a room, written the way Kelisim writes its peers. */
interface Peer {
  writes: TurnWrites
}

/** One document's sockets and the sync-update frames relayed in it, replayed verbatim to each joiner. */
interface Room {
  peers: Set<Peer>
  updates: WireFrame[]
  /** The newest awareness clock seen per client. */
  clocks: Map<number, number>
  /** Frames received in this turn of the event loop, relayed together when it ends. */
  turn: { frame: WireFrame; from: Peer }[]
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

/** Relays a turn's frames: one buffer per socket, without the frames that socket sent itself. */
function relayTurn(room: Room): void {
  const turn = room.turn
  room.turn = []
  const everything = WireFrame.joined(turn.map(({ frame }) => frame))!
  const senders = new Set(turn.map(({ from }) => from))
  for (const peer of room.peers) {
    const frame = senders.has(peer) ? WireFrame.joined(turn.map(({ frame, from }) => (from === peer ? null : frame))) : everything
    if (frame) peer.writes.add(frame.bytes)
  }
}

/**
 * The latency floor: a relay doing no work beyond Kelisim's way of writing. It reads a frame's first two bytes, answers
 * sync step 1 by replaying the sync-update frames it has relayed and an empty sync step 2, and forwards every other
 * frame unchanged to every other socket of the room, awareness only when it is new. Like Kelisim it frames each
 * message once and gives each socket one buffer per turn: a floor that wrote more per socket than a server does would
 * sit above it. No Y.Doc: joiners get the document as the updates that built it.
 */
serveBenchServer(async () => {
  const rooms = new Map<string, Room>()
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((_request, response) => response.end('okay'))
  wss.on('connection', (ws: WebSocket, name: string, socket: Duplex) => {
    ws.binaryType = 'nodebuffer'
    const room = rooms.get(name) ?? { peers: new Set<Peer>(), updates: [], clocks: new Map<number, number>(), turn: [] }
    rooms.set(name, room)
    const peer: Peer = { writes: new TurnWrites(socket) }
    room.peers.add(peer)
    ws.on('message', (data: Buffer) => {
      if (data[0] === SYNC && data[1] === STEP1) {
        for (const update of room.updates) peer.writes.add(update.bytes)
        peer.writes.add(EMPTY_STEP2.bytes)
        return
      }
      if (data[0] === AWARENESS && !isNewAwareness(data, room.clocks)) return
      const frame = WireFrame.of(data)
      if (data[0] === SYNC && data[1] === UPDATE) room.updates.push(frame)
      if (room.turn.push({ frame, from: peer }) === 1) setImmediate(relayTurn, room)
    })
    ws.on('close', () => {
      room.peers.delete(peer)
      // Like the peers, it forgets a document when its last client leaves.
      if (room.peers.size === 0) rooms.delete(name)
    })
  })
  server.on('upgrade', (request, socket, head) => {
    const name = (request.url ?? '/').split('?')[0]!.slice(1)
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, name, socket))
  })
  return listenInMemory(server)
})
