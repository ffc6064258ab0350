import { deleteDB } from 'lib0/indexeddb'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/schemaVersion.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { DraftStore } from '../drafts/DraftStore.js'
import { draftParagraphs } from '../drafts/unsentWords.js'
import { ControlChannel } from './ControlChannel.js'
import { followBrowserOnline } from './followBrowserOnline.js'
import { spreadReconnects } from './reconnectJitter.js'
import { SaveTracker, type SaveStatus } from './SaveTracker.js'
import { sendInPieces } from './sendInPieces.js'

/** A declaration's shared document, connected to the server and kept in the browser for offline use. */
export interface DeclarationSync {
  doc: Y.Doc
  provider: WebsocketProvider
  tracker: SaveTracker
  channel: ControlChannel
  /** True once the text is known: from the local copy or from the server. */
  ready: boolean
  /** Words of refused changes, kept for the person. */
  drafts: DraftStore
}

/** Closes after which the server applied none of a change: the page starts again from the server's text. */
function isRefusal(code: number): boolean {
  return code === CloseCode.changeRefused || code === CloseCode.tooLarge
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}/sync`
}

/**
 * Opens the document for the lifetime of the component. The local copy is keyed by the declaration's
 * creation time too, so a copy of an earlier declaration with the same name is never merged into this one.
 * A Yjs change cannot be taken back, so when the server refuses one, the page keeps its text as a draft, drops its
 * document and local copy, and opens a fresh one from the server's text: a refused change never blocks later ones.
 */
export function useDeclarationSync(name: string, createdAt: string): DeclarationSync | null {
  const [sync, setSync] = useState<DeclarationSync | null>(null)
  const [round, setRound] = useState(0)
  const storeName = `kelisim:${name}:${createdAt}`
  const drafts = useMemo(() => new DraftStore(`${storeName}:draft`), [storeName])

  useEffect(() => {
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(storeName, doc)
    const provider = new WebsocketProvider(syncUrl(), name, doc, {
      params: { schema: String(EDITOR_SCHEMA_VERSION) },
      // Every edit goes through the server, even between tabs of one browser.
      disableBc: true,
    })
    sendInPieces(provider)
    const stopSpreadingReconnects = spreadReconnects(provider)
    const stopFollowingBrowser = followBrowserOnline(provider)
    const channel = new ControlChannel(provider)
    const tracker = new SaveTracker(doc, provider, channel, new Set([local]))
    const current: DeclarationSync = { doc, provider, tracker, channel, ready: false, drafts }
    let refused = false
    let disposed = false
    const handleConnectionClose = (event: CloseEvent | null) => {
      if (refused || !event || !isRefusal(event.code)) return
      refused = true
      // Before the reconnect it would schedule: reconnecting would only resend the refused change.
      stopSpreadingReconnects()
      const { code } = event
      drafts.hold(draftParagraphs(doc), code)
      setSync({ ...current, ready: false })
      queueMicrotask(() => provider.disconnect())
      void local
        .destroy()
        .then(() => deleteDB(storeName))
        .finally(() => {
          if (disposed) return
          // Again, with what was typed before the editor stopped taking keys.
          drafts.hold(draftParagraphs(doc), code)
          setRound((value) => value + 1)
        })
    }
    provider.on('connection-close', handleConnectionClose)
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
      if (!synced) return
      drafts.settle(draftParagraphs(doc))
      markReady()
    })
    return () => {
      disposed = true
      stopSpreadingReconnects()
      stopFollowingBrowser()
      tracker.destroy()
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [name, storeName, drafts, round])

  return sync
}

/** The tracker's current status, re-rendering on change. */
export function useSaveStatus(tracker: SaveTracker): SaveStatus {
  return useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.status,
  )
}
