import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { PresenceUser } from '../../../shared/awareness.js'

/** Someone in the document now. */
export interface Present {
  clientId: number
  user: PresenceUser
  isSelf: boolean
}

/** Everyone whose presence this page receives, with identities as the server stamped them. */
export function usePresence(provider: WebsocketProvider): Present[] {
  const [present, setPresent] = useState<Present[]>([])
  useEffect(() => {
    const { awareness } = provider
    const handleChange = () => {
      const people: Present[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user = PresenceUser.safeParse((state as { user?: unknown }).user)
        if (user.success) people.push({ clientId, user: user.data, isSelf: clientId === awareness.clientID })
      })
      setPresent(people)
    }
    handleChange()
    awareness.on('change', handleChange)
    return () => awareness.off('change', handleChange)
  }, [provider])
  return present
}
