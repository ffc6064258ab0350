import type { WebsocketProvider } from 'y-websocket'
import { roleLabel } from '../../../shared/roles.js'
import { usePresence } from './usePresence.js'

/** Who is in the document now: name and delegation in words, the colour only as a second cue. */
export function PresenceList({ provider }: { provider: WebsocketProvider }) {
  const present = usePresence(provider)
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">In this document ({present.length})</h2>
      <ul>
        {present.map(({ clientId, user, isSelf }) => (
          <li key={clientId}>
            <span className="swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
            {user.name} <span className="delegation">({user.delegation.name}, {roleLabel[user.role]})</span>
            {isSelf && <span className="self"> — you</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
