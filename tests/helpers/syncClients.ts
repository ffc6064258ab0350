import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from '../../shared/editor/declarationExtensions.js'

/** A WebSocket class that presents a bearer token, for the stock provider in Node. */
export function authenticatedWebSocket(token: string): typeof globalThis.WebSocket {
  class AuthenticatedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { Authorization: `Bearer ${token}` } })
    }
  }
  return AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket
}

/** A stock y-websocket client connected over a real socket. */
export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  text: Y.XmlFragment
  destroy(): void
}

/** Connects the unmodified WebsocketProvider to a document. */
export function connectClient(wsUrl: string, name: string, token: string, options: { connect?: boolean; params?: Record<string, string> } = {}): SyncClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, name, doc, {
    WebSocketPolyfill: authenticatedWebSocket(token),
    disableBc: true,
    connect: options.connect ?? true,
    params: options.params ?? {},
  })
  return {
    doc,
    provider,
    text: doc.getXmlFragment(DECLARATION_FRAGMENT),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the provider has synced with the server. */
export function whenSynced(client: SyncClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const handleSync = (synced: boolean) => {
      if (!synced) return
      client.provider.off('sync', handleSync)
      resolve()
    }
    client.provider.on('sync', handleSync)
  })
}

/** Polls until the condition holds, or fails with a message after the timeout. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
