import { Trans, useTranslation } from 'react-i18next'
import { PendingInvitation } from '../../../shared/api/schemas.js'
import { callApi, NoContent } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { SpokenLabel } from '../layout/SpokenLabel.js'

/** Invitations not yet used, each revocable. */
export function InvitationsList({ declaration, invitations, onChanged }: { declaration: string; invitations: PendingInvitation[]; onChanged: () => void }) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.heading')}</h2>
      {invitations.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <ul className="invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <Trans
                t={t}
                i18nKey="invitations.entry"
                values={{ role: roleName(t, invitation.role) }}
                components={{
                  person: (
                    <span dir="auto">
                      {invitation.name} ({invitation.login}, {invitation.delegation.name})
                    </span>
                  ),
                  until: <time dateTime={invitation.expiresAt}>{dateTime(invitation.expiresAt)}</time>,
                }}
              />{' '}
              <button
                type="button"
                onClick={() =>
                  void callApi(`/declarations/${declaration}/invitations/${invitation.id}`, NoContent, { method: 'DELETE' }).then(onChanged, onChanged)
                }
              >
                <SpokenLabel shown={t('invitations.revoke')} spoken={t('invitations.revokeOf', { name: invitation.name })} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
