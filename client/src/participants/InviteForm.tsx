import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CreatedInvitation, type Delegation } from '../../../shared/api/schemas.js'
import { Role } from '../../../shared/roles.js'
import { callApi } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { useAction } from '../layout/useAction.js'

/** Invites a new participant; the one-time link is shown to copy, since there is no mail server. */
export function InviteForm({ declaration, delegations, onInvited }: { declaration: string; delegations: Delegation[]; onInvited: () => void }) {
  const [name, setName] = useState('')
  const [login, setLogin] = useState('')
  const [delegation, setDelegation] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [link, setLink] = useState<string | null>(null)
  const { error, run } = useAction()
  const id = useId()
  const { t } = useTranslation()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    run(callApi(`/declarations/${declaration}/invitations`, CreatedInvitation, { method: 'POST', body: { name, login, delegation, role } }), (created) => {
      setLink(created.link)
      setName('')
      setLogin('')
      onInvited()
    })
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('invite.heading')}</h2>
      <form onSubmit={handleSubmit} className="stacked-form">
        <label htmlFor={`${id}-name`}>{t('invite.name')}</label>
        <input id={`${id}-name`} dir="auto" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
        <label htmlFor={`${id}-login`}>{t('invite.login')}</label>
        <input id={`${id}-login`} value={login} onChange={(event) => setLogin(event.target.value)} required maxLength={40} />
        <label htmlFor={`${id}-delegation`}>{t('invite.delegation')}</label>
        <select id={`${id}-delegation`} value={delegation} onChange={(event) => setDelegation(event.target.value)} required>
          <option value="">{t('invite.chooseDelegation')}</option>
          {delegations.map((entry) => (
            <option key={entry.code} value={entry.code} dir="auto">
              {entry.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-role`}>{t('invite.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(event) => setRole(Role.parse(event.target.value))}>
          {Role.options.map((option) => (
            <option key={option} value={option}>
              {roleName(t, option)}
            </option>
          ))}
        </select>
        <ErrorAlert error={error} />
        <button type="submit">{t('invite.submit')}</button>
      </form>
      {link && (
        <div className="invitation-link" role="status">
          <label htmlFor={`${id}-link`}>{t('invite.link')}</label>
          <input id={`${id}-link`} readOnly value={link} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
            {t('invite.copy')}
          </button>
        </div>
      )}
    </section>
  )
}
