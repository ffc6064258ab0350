import { useCallback, useEffect, useState } from 'react'
import { Identity } from '../../shared/api/schemas.js'
import { ApiRequestError, callApi, NoContent } from './api/apiClient.js'
import { DeclarationPage } from './declaration/DeclarationPage.js'
import { DeclarationList } from './declarations/DeclarationList.js'
import { usePath } from './navigation/usePath.js'
import { VisitorForm } from './visitor/VisitorForm.js'

type SessionState = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'signed-in'; identity: Identity } | { kind: 'error'; message: string }

/** The shell: who is here, and which screen the path names. */
export function App() {
  const [path, navigate] = usePath()
  const [session, setSession] = useState<SessionState>({ kind: 'loading' })

  useEffect(() => {
    callApi('/session', Identity).then(
      (identity) => setSession({ kind: 'signed-in', identity }),
      (error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 401) setSession({ kind: 'anonymous' })
        else setSession({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
  }, [])

  const handleSignOut = useCallback(() => {
    void callApi('/session', NoContent, { method: 'DELETE' }).finally(() => setSession({ kind: 'anonymous' }))
  }, [])

  const declarationMatch = /^\/d\/([a-z0-9-]+)$/.exec(path)

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault()
            navigate('/')
          }}
        >
          Kelisim
        </a>
        {session.kind === 'signed-in' && (
          <div className="whoami">
            <span>
              {session.identity.name} · {session.identity.delegation.name}
            </span>
            <button type="button" onClick={handleSignOut}>
              Leave
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {session.kind === 'loading' && <p role="status">Loading…</p>}
        {session.kind === 'error' && <p role="alert">The server cannot be reached: {session.message}</p>}
        {session.kind === 'anonymous' && <VisitorForm onSignedIn={(identity) => setSession({ kind: 'signed-in', identity })} />}
        {session.kind === 'signed-in' &&
          (declarationMatch?.[1] ? (
            <DeclarationPage key={declarationMatch[1]} name={declarationMatch[1]} identity={session.identity} />
          ) : (
            <DeclarationList onOpen={(name) => navigate(`/d/${name}`)} />
          ))}
      </main>
    </>
  )
}
