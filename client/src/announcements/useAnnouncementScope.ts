import { useCallback, useState } from 'react'
import type { AnnouncementScope } from './announcementQueue.js'

const SCOPES: readonly AnnouncementScope[] = ['all', 'mine', 'off']

/** The storage key of one person's choice, so people sharing a browser keep their own. */
const keyFor = (personId: string) => `kelisim.announcements.${personId}`

/** How much this person wants announced, kept in this browser; everything until they choose. */
export function useAnnouncementScope(personId: string, storage: Storage = window.localStorage): [AnnouncementScope, (scope: AnnouncementScope) => void] {
  const [scope, setScope] = useState<AnnouncementScope>(() => SCOPES.find((known) => known === storage.getItem(keyFor(personId))) ?? 'all')
  const choose = useCallback(
    (next: AnnouncementScope) => {
      storage.setItem(keyFor(personId), next)
      setScope(next)
    },
    [personId, storage],
  )
  return [scope, choose]
}

/** Reads a scope from a control's value; null for anything else. */
export function parseScope(value: string): AnnouncementScope | null {
  return SCOPES.find((known) => known === value) ?? null
}
