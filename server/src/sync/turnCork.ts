import type { Writable } from 'node:stream'

/** Sockets corked in this turn of the event loop. */
const corked = new Set<Writable>()

function uncorkAll(): void {
  for (const socket of corked) socket.uncork()
  corked.clear()
}

/**
 * Corks a socket until the end of this turn, so every frame it is given in the turn leaves in one write: a peer that
 * gets an update, a presence frame and an acknowledgement at once costs one system call, not three.
 */
export function corkForTurn(socket: Writable): void {
  if (corked.has(socket)) return
  if (corked.size === 0) process.nextTick(uncorkAll)
  corked.add(socket)
  socket.cork()
}
