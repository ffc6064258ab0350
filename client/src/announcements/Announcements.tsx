import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import type { DeclarationSync } from '../sync/useDeclarationSync.js'
import type { AnnouncementGroup, Happening } from './announcementQueue.js'
import { announcementWords } from './announcementWords.js'
import { Announcer } from './Announcer.js'
import { parseScope, useAnnouncementScope } from './useAnnouncementScope.js'
import { useControlHappenings } from './useControlHappenings.js'
import { useRemoteEditing } from './useRemoteEditing.js'
import './announcements.css'

interface AnnouncementsProps {
  declaration: string
  sync: DeclarationSync
  editor: Editor | null
  identity: Identity
}

/** Says politely what others do in the declaration, grouped and spaced out, as much as the person chose to hear. */
export function Announcements({ declaration, sync, editor, identity }: AnnouncementsProps) {
  const { t } = useTranslation()
  const id = useId()
  const [scope, setScope] = useAnnouncementScope(identity.id)
  // Each announcement gets new elements, so that words said again are a change the screen reader hears.
  const [said, setSaid] = useState<{ round: number; groups: AnnouncementGroup[] }>({ round: 0, groups: [] })
  const [announcer] = useState(() => new Announcer((groups) => setSaid(({ round }) => ({ round: round + 1, groups }))))
  useEffect(() => announcer.setScope(scope), [announcer, scope])
  useEffect(() => () => announcer.stop(), [announcer])
  const handleHappening = useCallback((happening: Happening) => announcer.hear(happening), [announcer])

  useRemoteEditing(sync.provider, editor, identity, handleHappening)
  useControlHappenings(declaration, sync.channel, sync.provider, editor, identity, handleHappening)

  return (
    <div className="announcements">
      <label htmlFor={id}>{t('announcements.setting')}</label>{' '}
      <select
        id={id}
        value={scope}
        onChange={(event) => {
          const next = parseScope(event.target.value)
          if (next) setScope(next)
        }}
      >
        <option value="all">{t('announcements.scope.all')}</option>
        <option value="mine">{t('announcements.scope.mine')}</option>
        <option value="off">{t('announcements.scope.off')}</option>
      </select>
      <div role="status" aria-live="polite" className="visually-hidden">
        {said.groups.map((group, index) => (
          <p key={`${said.round}-${index}`} dir="auto">
            {announcementWords(t, group)}
          </p>
        ))}
      </div>
    </div>
  )
}
