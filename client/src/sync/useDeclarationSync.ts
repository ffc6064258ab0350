import { useEffect, useState, useSyncExternalStore } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/schemaVersion.js'
import { ControlChannel } from './ControlChannel.js'
import { spreadReconnects } from './reconnectJitter.js'
import { SaveTracker, type SaveStatus } from './SaveTracker.js'

/** A declaration's shared document, connected to the server and kept in the browser for offline use. */
export interface DeclarationSync {
  doc: Y.Doc
  provider: WebsocketProvider
  tracker: SaveTracker
  channel: ControlChannel
  /** True once the text is known: from the local copy or from the server. */
  ready: boolean
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}/sync`
}

/**
 * Opens the document for the lifetime of the component. The local copy is keyed by the declaration's
 * creation time too, so a copy of an earlier declaration with the same name is never merged into this one.
 */
export function useDeclarationSync(name: string, createdAt: string): DeclarationSync | null {
  const [sync, setSync] = useState<DeclarationSync | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`kelisim:${name}:${createdAt}`, doc)
    const provider = new WebsocketProvider(syncUrl(), name, doc, {
      params: { schema: String(EDITOR_SCHEMA_VERSION) },
      // Every edit goes through the server, even between tabs of one browser.
      disableBc: true,
    })
    const stopSpreadingReconnects = spreadReconnects(provider)
    const channel = new ControlChannel(provider)
    const tracker = new SaveTracker(doc, provider, channel, new Set([local]))
    const current: DeclarationSync = { doc, provider, tracker, channel, ready: false }
    // The document and its connections are external resources owned by this mount, so state follows them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSync(current)
    const markReady = () => {
      if (current.ready) return
      setSync({ ...current, ready: true })
      current.ready = true
    }
    // Offline, the local copy is the text; otherwise the server's.
    void local.whenSynced.then(() => {
      if (doc.getXmlFragment('default').length > 0) markReady()
    })
    provider.on('sync', (synced: boolean) => {
      if (synced) markReady()
    })
    return () => {
      stopSpreadingReconnects()
      tracker.destroy()
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [name, createdAt])

  return sync
}

/** The tracker's current status, re-rendering on change. */
export function useSaveStatus(tracker: SaveTracker): SaveStatus {
  return useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.status,
  )
}
