import { PendingInvitation } from '../../../shared/api/schemas.js'
import { roleLabel } from '../../../shared/roles.js'
import { callApi, NoContent } from '../api/apiClient.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'

/** Invitations not yet used, each revocable. */
export function InvitationsList({ declaration, invitations, onChanged }: { declaration: string; invitations: PendingInvitation[]; onChanged: () => void }) {
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      {invitations.length === 0 ? (
        <p>No invitation is waiting.</p>
      ) : (
        <ul className="invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.name} ({invitation.login}, {invitation.delegation.name}) as {roleLabel[invitation.role]}, valid until{' '}
              <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>{' '}
              <button
                type="button"
                onClick={() =>
                  void callApi(`/declarations/${declaration}/invitations/${invitation.id}`, NoContent, { method: 'DELETE' }).then(onChanged, onChanged)
                }
              >
                Revoke<span className="visually-hidden"> the invitation of {invitation.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
