import type { Writable } from 'node:stream'

/** Sockets given frames in this turn of the event loop, in the order they got their first. */
const waiting: TurnWrites[] = []

/**
 * Bytes handed to sockets before the loop may turn: a freeze's 66 KB labels frame to 300 peers is 20 MB, whose copy into
 * the kernel held the loop 15 ms at once; in slices, keystrokes arriving meanwhile are read and relayed in between.
 */
export const TURN_WRITE_BUDGET_BYTES = 512 * 1024

function writeAll(): void {
  let written = 0
  let index = 0
  // Read the length each time: frames added while writing (by a handler a write sets off) join the end of the list.
  for (; index < waiting.length && written < TURN_WRITE_BUDGET_BYTES; index += 1) written += waiting[index]!.flush()
  if (index === waiting.length) {
    waiting.length = 0
    return
  }
  // The rest keep their order (moved up in place, no new array each turn), and a socket still waiting adds its next
  // frames behind the ones it holds.
  waiting.copyWithin(0, index)
  waiting.length -= index
  setImmediate(writeAll)
}

/**
 * The frames one socket is given in a turn, written together when the turn ends: a peer that gets an update, a
 * presence frame and an acknowledgement at once costs one system call, not three. A socket given one frame (the usual
 * case, since a turn's updates leave merged) is written that buffer alone, with no cork and no per-turn set of
 * sockets: at 280 peers a keystroke those were most of what the server allocated and kept past a collection.
 */
export class TurnWrites {
  private first: Buffer | null = null
  private more: Buffer[] | null = null
  /** Bytes waiting for the end of the turn, which the socket's own count does not include yet. */
  bytes = 0

  constructor(private readonly socket: Writable) {}

  add(frame: Buffer): void {
    this.bytes += frame.byteLength
    if (this.first === null) {
      this.first = frame
      if (waiting.push(this) === 1) process.nextTick(writeAll)
      return
    }
    if (this.more === null) this.more = [frame]
    else this.more.push(frame)
  }

  /** Writes what is waiting now, as a close frame must follow the frames sent before it; returns the bytes written. */
  flush(): number {
    const { first, more, bytes } = this
    if (first === null) return 0
    this.first = null
    this.more = null
    this.bytes = 0
    if (this.socket.destroyed) return 0
    if (more === null) {
      this.socket.write(first)
      return bytes
    }
    this.socket.cork()
    this.socket.write(first)
    for (const frame of more) this.socket.write(frame)
    this.socket.uncork()
    return bytes
  }
}
