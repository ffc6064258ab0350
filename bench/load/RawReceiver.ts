import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { openingFrames, readFrame, socketPath, type Target } from './wireDialect.js'

/** What a light receiver reports. */
export interface ReceiverEvents {
  /** Each full answer to a sync step 1. */
  onSynced?: () => void
  onUpdate?: (update: Uint8Array) => void
}

const OPCODE_BINARY = 0x2
const OPCODE_CLOSE = 0x8
const OPCODE_PING = 0x9
const OPCODE_PONG = 0xa

/**
 * The one buffer every receiver in this process reads its socket into (Node's `onread`): reads are handled before the
 * next one, so no read allocates a buffer or passes through a stream, which at a thousand receivers was most of a
 * load process's own work per delivery.
 */
const readInto = Buffer.allocUnsafe(256 * 1024)

/** Frames a client message; the mask is all zeros, which RFC 6455 allows and which leaves the payload as it is. */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const header = length < 126 ? Buffer.alloc(6) : length < 65536 ? Buffer.alloc(8) : Buffer.alloc(14)
  header[0] = 0x80 | opcode
  if (length < 126) header[1] = 0x80 | length
  else if (length < 65536) {
    header[1] = 0x80 | 126
    header.writeUInt16BE(length, 2)
  } else {
    header[1] = 0x80 | 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  return Buffer.concat([header, payload])
}

/**
 * A light connection: a plain TCP socket speaking just enough WebSocket and sync protocol to join a document and
 * recognise each edit it receives, without a Y.Doc. Frames are parsed in place, many per read, so a thousand of
 * these cost the load generator far less than a thousand full clients.
 */
export class RawReceiver {
  private readonly socket: Socket
  private buffered: Buffer | null = null
  private upgraded = false
  synced = false
  readonly opened = performance.now()
  /** Milliseconds from creation to the server's full answer to sync step 1. */
  syncedAfterMs = 0
  bytesReceived = 0
  readonly closed: Promise<void>

  constructor(
    private readonly target: Target,
    private readonly token: string,
    private readonly events: ReceiverEvents,
  ) {
    this.socket = connect({
      host: '127.0.0.1',
      port: target.port,
      noDelay: true,
      onread: {
        buffer: readInto,
        callback: (bytes: number, buffer: Uint8Array) => {
          this.handleData(buffer.subarray(0, bytes) as Buffer)
          return true
        },
      },
    })
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()))
    this.socket.on('error', () => this.socket.destroy())
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${socketPath(target)} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      )
    })
  }

  /** Sends one binary message. */
  send(message: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(clientFrame(OPCODE_BINARY, message))
  }

  /** Asks again for everything the server has; its answer comes after everything sent before it is applied. */
  requestSync(): void {
    const opening = openingFrames(this.target, this.token)
    this.send(opening[opening.length - 1]!)
  }

  /** Closes the TCP connection at once, as a vanished client would. */
  close(): Promise<void> {
    this.socket.destroy()
    return this.closed
  }

  /** Reads what arrived; `chunk` is the shared read buffer, so anything kept past this call is copied. */
  private handleData(chunk: Buffer): void {
    this.bytesReceived += chunk.byteLength
    let data = this.buffered ? Buffer.concat([this.buffered, chunk]) : chunk
    this.buffered = null
    if (!this.upgraded) {
      const end = data.indexOf('\r\n\r\n')
      if (end < 0) {
        this.buffered = Buffer.from(data)
        return
      }
      if (!data.subarray(0, 12).toString('latin1').includes(' 101')) {
        this.socket.destroy()
        return
      }
      this.upgraded = true
      data = data.subarray(end + 4)
      for (const message of openingFrames(this.target, this.token)) this.send(message)
    }
    let at = 0
    while (data.byteLength - at >= 2) {
      const opcode = data[at]! & 0x0f
      let length = data[at + 1]! & 0x7f
      let start = at + 2
      if (length === 126) {
        if (data.byteLength - at < 4) break
        length = data.readUInt16BE(at + 2)
        start = at + 4
      } else if (length === 127) {
        if (data.byteLength - at < 10) break
        length = Number(data.readBigUInt64BE(at + 2))
        start = at + 10
      }
      if (data.byteLength < start + length) break
      this.handleFrame(opcode, data.subarray(start, start + length))
      at = start + length
    }
    if (at < data.byteLength) this.buffered = Buffer.from(data.subarray(at))
  }

  private handleFrame(opcode: number, payload: Buffer): void {
    if (opcode === OPCODE_PING) {
      this.socket.write(clientFrame(OPCODE_PONG, payload))
      return
    }
    if (opcode === OPCODE_CLOSE) {
      this.socket.destroy()
      return
    }
    if (opcode !== OPCODE_BINARY) return
    const meaning = readFrame(this.target.kind, payload)
    if (meaning.kind === 'update') this.events.onUpdate?.(meaning.update)
    else if (meaning.kind === 'synced') {
      if (!this.synced) this.syncedAfterMs = performance.now() - this.opened
      this.synced = true
      this.events.onSynced?.()
    }
  }
}
