import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { connectClient, whenSynced, type SyncClient } from '../../tests/helpers/syncClients.js'
import { providerUrl, type Target } from './wireDialect.js'

/** A complete client: a Y.Doc kept in sync by the provider people would use with that server. */
export interface FullClient {
  doc: Y.Doc
  awareness: Awareness
  synced: Promise<void>
  /** The stock y-websocket client underneath, where there is one (Kelisim and the reference). */
  stock: SyncClient | null
  destroy(): void
}

/** Connects a stock `WebsocketProvider`, or `HocuspocusProvider` for Hocuspocus. */
export function connectFullClient(target: Target, token: string): FullClient {
  if (target.kind !== 'hocuspocus') {
    const stock = connectClient(providerUrl(target), target.document, token)
    return { doc: stock.doc, awareness: stock.provider.awareness, synced: whenSynced(stock), stock, destroy: () => stock.destroy() }
  }
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: providerUrl(target), WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.document, document: doc, token })
  provider.attach()
  const synced = new Promise<void>((resolve) => {
    if (provider.isSynced) resolve()
    else provider.on('synced', () => resolve())
  })
  return {
    doc,
    awareness: provider.awareness as Awareness,
    synced,
    stock: null,
    destroy: () => {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  }
}
