import type { WebsocketProvider } from 'y-websocket'

/** Capped exponential backoff for reconnecting: the n-th retry waits a random time up to min(capMs, baseMs * 2^n). */
export interface ReconnectBackoff {
  baseMs: number
  capMs: number
}

/** After a restart, a congress hall of browsers comes back over about a second instead of all in the same instant. */
export const defaultReconnectBackoff: ReconnectBackoff = { baseMs: 1000, capMs: 8000 }

/** The wait before retry number `attempt` (0 for the first): full jitter, uniform between 0 and the capped window. */
export function reconnectDelay(attempt: number, backoff: ReconnectBackoff, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt))
}

/**
 * Takes over the provider's reconnects after an unexpected close, which it would otherwise retry on a fixed
 * schedule shared by every client, and spreads them with `reconnectDelay`. A close in 4400-4499 (access refused
 * or revoked) is never retried: the provider clears shouldConnect for it, as for a deliberate disconnect. A synced
 * connection starts the backoff over. Returns the function that stops it.
 */
export function spreadReconnects(provider: WebsocketProvider, backoff = defaultReconnectBackoff, random: () => number = Math.random): () => void {
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const handleConnectionClose = () => {
    // Runs after the provider has finished closing and before its own retry timer, which then finds nothing to do.
    queueMicrotask(() => {
      if (stopped || !provider.shouldConnect) return
      provider.disconnect()
      const delay = reconnectDelay(attempt, backoff, random)
      attempt += 1
      timer = setTimeout(() => {
        timer = null
        if (!stopped) provider.connect()
      }, delay)
    })
  }
  const handleSync = (synced: boolean) => {
    if (synced) attempt = 0
  }

  provider.on('connection-close', handleConnectionClose)
  provider.on('sync', handleSync)
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    provider.off('connection-close', handleConnectionClose)
    provider.off('sync', handleSync)
  }
}
