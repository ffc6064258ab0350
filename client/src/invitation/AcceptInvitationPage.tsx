import { useEffect, useId, useState, type FormEvent } from 'react'
import { InvitationPreview, SignedIn } from '../../../shared/api/schemas.js'
import { roleLabel } from '../../../shared/roles.js'
import { ApiRequestError, callApi } from '../api/apiClient.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'

/** Where an invitation link leads: see what you are invited to, set a password, and you are signed in. */
export function AcceptInvitationPage({ token, onAccepted }: { token: string; onAccepted: (declaration: string) => void }) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const id = useId()
  useDocumentTitle('Accept your invitation', preview?.declarationTitle)

  useEffect(() => {
    callApi(`/invitations/${encodeURIComponent(token)}`, InvitationPreview).then(setPreview, (failure: unknown) =>
      setError(failure instanceof ApiRequestError ? failure.message : String(failure)),
    )
  }, [token])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (password !== repeat) return setError('The two passwords differ.')
    setBusy(true)
    setError(null)
    callApi(`/invitations/${encodeURIComponent(token)}/accept`, SignedIn, { method: 'POST', body: { password } })
      .then((answer) => onAccepted(answer.declaration ?? ''))
      .catch((failure: unknown) => setError(failure instanceof ApiRequestError ? failure.message : String(failure)))
      .finally(() => setBusy(false))
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="invitation">
      <h1 id={`${id}-heading`}>Accept your invitation</h1>
      {!preview && !error && <p role="status">Loading…</p>}
      {preview && (
        <>
          <p>
            {preview.name} ({preview.delegation.name}), you are invited to <strong>{preview.declarationTitle}</strong> as{' '}
            {roleLabel[preview.role]}. Your login is <strong>{preview.login}</strong>.
          </p>
          <form onSubmit={handleSubmit} className="stacked-form">
            <label htmlFor={`${id}-password`}>Choose a password (at least 10 characters)</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              minLength={10}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="new-password"
              required
            />
            <label htmlFor={`${id}-repeat`}>Repeat the password</label>
            <input
              id={`${id}-repeat`}
              type="password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              autoComplete="new-password"
              required
            />
            <button type="submit" disabled={busy}>
              Set password and sign in
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
