import { useTranslation } from 'react-i18next'
import type { WebsocketProvider } from 'y-websocket'
import { roleName } from '../i18n/roleName.js'
import { usePresence } from './usePresence.js'

/** Who is in the document now: name and delegation in words, the colour only as a second cue. */
export function PresenceList({ provider }: { provider: WebsocketProvider }) {
  const present = usePresence(provider)
  const { t } = useTranslation()
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">{t('presence.heading', { count: present.length })}</h2>
      <ul>
        {present.map(({ clientId, user, isSelf }) => (
          <li key={clientId}>
            <span className="swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
            <span dir="auto">{user.name}</span>{' '}
            <span className="delegation">
              (<span dir="auto">{user.delegation.name}</span>, {roleName(t, user.role)})
            </span>
            {isSelf && <span className="self"> {t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
