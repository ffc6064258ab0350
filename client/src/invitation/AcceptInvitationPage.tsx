import { useEffect, useId, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { InvitationPreview, SignedIn } from '../../../shared/api/schemas.js'
import { ApiRequestError, callApi } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'

/** Where an invitation link leads: see what you are invited to, set a password, and you are signed in. */
export function AcceptInvitationPage({ token, onAccepted }: { token: string; onAccepted: (declaration: string) => void }) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const id = useId()
  const { t } = useTranslation()
  useDocumentTitle(t('invitation.title'), preview?.declarationTitle)

  useEffect(() => {
    callApi(`/invitations/${encodeURIComponent(token)}`, InvitationPreview).then(setPreview, (failure: unknown) =>
      setError(failure instanceof ApiRequestError ? failure.message : String(failure)),
    )
  }, [token])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (password !== repeat) return setError(t('invitation.mismatch'))
    setBusy(true)
    setError(null)
    callApi(`/invitations/${encodeURIComponent(token)}/accept`, SignedIn, { method: 'POST', body: { password } })
      .then((answer) => onAccepted(answer.declaration ?? ''))
      .catch((failure: unknown) => setError(failure instanceof ApiRequestError ? failure.message : String(failure)))
      .finally(() => setBusy(false))
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="invitation">
      <h1 id={`${id}-heading`}>{t('invitation.title')}</h1>
      {!preview && !error && <p role="status">{t('app.loading')}</p>}
      {preview && (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="invitation.intro"
              values={{ role: roleName(t, preview.role) }}
              components={{
                person: (
                  <span dir="auto">
                    {preview.name} ({preview.delegation.name})
                  </span>
                ),
                declaration: <strong dir="auto">{preview.declarationTitle}</strong>,
                login: <strong dir="ltr">{preview.login}</strong>,
              }}
            />
          </p>
          <form onSubmit={handleSubmit} className="stacked-form">
            <label htmlFor={`${id}-password`}>{t('invitation.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              minLength={10}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="new-password"
              required
            />
            <label htmlFor={`${id}-repeat`}>{t('invitation.repeat')}</label>
            <input
              id={`${id}-repeat`}
              type="password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              autoComplete="new-password"
              required
            />
            <button type="submit" disabled={busy}>
              {t('invitation.submit')}
            </button>
          </form>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
