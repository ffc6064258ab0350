import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DemoAccount, SignedIn } from '../../../shared/api/schemas.js'
import { ApiRequestError, callApi } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'

/** Sign-in with login and password; in demo mode, a one-click list of the demo accounts. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [demo, setDemo] = useState<DemoAccount[]>([])
  const id = useId()
  const passwordRef = useRef<HTMLInputElement>(null)
  const { t } = useTranslation()
  useDocumentTitle(t('signIn.title'))

  useEffect(() => {
    callApi('/demo/accounts', z.array(DemoAccount)).then(setDemo, () => setDemo([]))
  }, [])

  const signIn = (credentials: { login: string; password: string }) => {
    setBusy(true)
    setError(null)
    callApi('/session', SignedIn, { method: 'POST', body: credentials })
      .then(() => onSignedIn())
      .catch((failure: unknown) => {
        setError(failure instanceof ApiRequestError ? failure.message : String(failure))
        setBusy(false)
        // The disabled button dropped focus; bring it back to the form, on the field to correct.
        requestAnimationFrame(() => {
          passwordRef.current?.focus()
          passwordRef.current?.select()
        })
      })
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    signIn({ login, password })
  }

  return (
    <div className="signin">
      <section aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`}>{t('signIn.title')}</h1>
        <form onSubmit={handleSubmit} className="stacked-form">
          <label htmlFor={`${id}-login`}>{t('signIn.login')}</label>
          <input id={`${id}-login`} value={login} onChange={(event) => setLogin(event.target.value)} autoComplete="username" required />
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
            required
          />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
      </section>
      {demo.length > 0 && (
        <section aria-labelledby={`${id}-demo`} className="demo-accounts">
          <h2 id={`${id}-demo`}>{t('signIn.demoHeading')}</h2>
          <p>{t('signIn.demoNote')}</p>
          <ul>
            {demo.map((account) => (
              <li key={account.login}>
                <button type="button" dir="auto" disabled={busy} onClick={() => signIn({ login: account.login, password: account.password })}>
                  {t('signIn.demoAccount', { name: account.name, delegation: account.delegation, role: roleName(t, account.role) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
