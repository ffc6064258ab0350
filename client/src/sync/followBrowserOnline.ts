import type { WebsocketProvider } from 'y-websocket'

/**
 * Follows the browser's own word on the network: its `offline` event closes the socket at once (a dead socket
 * otherwise looks open until the provider's 30 s timeout), and `online` reconnects. Returns the function that stops it.
 */
export function followBrowserOnline(provider: WebsocketProvider, target: Window = window): () => void {
  const handleOffline = () => provider.disconnect()
  const handleOnline = () => provider.connect()
  target.addEventListener('offline', handleOffline)
  target.addEventListener('online', handleOnline)
  return () => {
    target.removeEventListener('offline', handleOffline)
    target.removeEventListener('online', handleOnline)
  }
}
