import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'

/** How the server ended a socket. */
export interface Closed {
  code: number
  reason: string
}

/** A websocket to /sync/<name> that sends exactly the bytes it is given, as a tampered client would. */
export interface RawSync {
  ws: WebSocket
  closed: Promise<Closed>
  send(frame: Uint8Array): void
  /** Control messages the server sent, in order. */
  controls: ServerControlMessage[]
  /** Resolves true once the server has handled everything sent so far, or false if it closed the socket instead. */
  probe(): Promise<boolean>
}

/** A sync step 1 frame; the server answers it, and only it, with a sync step 2. */
function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Opens a raw socket with a bearer token; resolves once the server has greeted it (rejects if the upgrade is refused). */
export function openRawSync(wsUrl: string, name: string, token: string): Promise<RawSync> {
  const ws = new WebSocket(`${wsUrl}/${name}`, { headers: { Authorization: `Bearer ${token}` } })
  const closed = new Promise<Closed>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const answers: (() => void)[] = []
  const controls: ServerControlMessage[] = []
  ws.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)))
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.control) controls.push(decodeControl(decoder, ServerControlMessage))
      if (type !== MessageType.sync) return
      const step = decoding.readVarUint(decoder)
      if (step === syncProtocol.messageYjsSyncStep2) answers.shift()?.()
      if (step !== syncProtocol.messageYjsSyncStep1) return
      // Asking with the server's own state vector keeps each answer small.
      const probeFrame = syncStep1Frame(decoding.readVarUint8Array(decoder))
      resolve({
        ws,
        closed,
        controls,
        send: (frame) => {
          if (ws.readyState === ws.OPEN) ws.send(frame)
        },
        probe: () => {
          if (ws.readyState !== ws.OPEN) return closed.then(() => false)
          ws.send(probeFrame)
          return Promise.race([new Promise<boolean>((answered) => answers.push(() => answered(true))), closed.then(() => false)])
        },
      })
    })
    void closed.then((how) => reject(new Error(`closed before the greeting: ${how.code} ${how.reason}`)))
  })
}
