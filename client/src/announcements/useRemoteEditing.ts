import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { Identity } from '../../../shared/api/schemas.js'
import { PresenceUser } from '../../../shared/awareness.js'
import type { Happening } from './announcementQueue.js'
import { labelAtCursor } from './paragraphLabels.js'

/** Tells `onHappening` who else changed the text and in which paragraph, from the changes and carets the page receives. */
export function useRemoteEditing(provider: WebsocketProvider, editor: Editor | null, identity: Identity, onHappening: (happening: Happening) => void): void {
  useEffect(() => {
    if (!editor) return
    const doc = provider.doc
    const handleTransaction = (transaction: Y.Transaction) => {
      // The catch-up after (re)connecting brings others' older work, not what they are doing now.
      if (transaction.local || !provider.synced) return
      const states = provider.awareness.getStates()
      for (const [client, clock] of transaction.afterState) {
        // A client's clock grows only with what it inserted, so this names the writers of this change.
        if (client === doc.clientID || clock <= (transaction.beforeState.get(client) ?? 0)) continue
        const state = states.get(client) as { user?: unknown; cursor?: { head?: unknown } | null } | undefined
        const user = PresenceUser.safeParse(state?.user)
        if (!user.success || (user.data.name === identity.name && user.data.delegation.code === identity.delegation.code)) continue
        const paragraph = labelAtCursor(editor, state?.cursor?.head)
        if (paragraph) onHappening({ kind: 'editing', name: user.data.name, delegation: user.data.delegation.name, paragraph, concernsMe: false })
      }
    }
    doc.on('afterTransaction', handleTransaction)
    return () => doc.off('afterTransaction', handleTransaction)
  }, [provider, editor, identity, onHappening])
}
