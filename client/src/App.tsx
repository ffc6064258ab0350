import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SessionInfo } from '../../shared/api/schemas.js'
import { ApiRequestError, callApi, NoContent } from './api/apiClient.js'
import { DeclarationPage } from './declaration/DeclarationPage.js'
import { DeclarationList } from './declarations/DeclarationList.js'
import { LanguageChoice } from './i18n/LanguageChoice.js'
import { LanguageSwitcher } from './i18n/LanguageSwitcher.js'
import { AcceptInvitationPage } from './invitation/AcceptInvitationPage.js'
import { AppLink } from './navigation/AppLink.js'
import { usePath } from './navigation/usePath.js'
import { ParticipantsPage } from './participants/ParticipantsPage.js'
import { CompilationPage } from './amendments/CompilationPage.js'
import { SignaturesPage } from './signatures/SignaturesPage.js'
import { SignInPage } from './signin/SignInPage.js'
import { VersionsPage } from './versions/VersionsPage.js'
import './layout/phoneWidth.css'

type SessionState = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'signed-in'; info: SessionInfo } | { kind: 'error'; message: string }

/** The shell: who is signed in, and which screen the path names. */
export function App() {
  const [path, navigate] = usePath()
  const [session, setSession] = useState<SessionState>({ kind: 'loading' })
  const { t, i18n } = useTranslation()
  const [languageChoice] = useState(() => new LanguageChoice(i18n))

  const refreshSession = useCallback(() => {
    callApi('/session', SessionInfo).then(
      (info) => {
        languageChoice.follow(info.language)
        setSession({ kind: 'signed-in', info })
      },
      (error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 401) setSession({ kind: 'anonymous' })
        else setSession({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
  }, [languageChoice])

  useEffect(refreshSession, [refreshSession])

  // A language failing to save does not keep anyone out: the session is read either way.
  const handleSignedIn = useCallback(
    () =>
      void languageChoice
        .signedIn()
        .catch(() => undefined)
        .then(refreshSession),
    [languageChoice, refreshSession],
  )

  const signOut = (everywhere: boolean) => {
    void callApi(everywhere ? '/session/all' : '/session', NoContent, { method: 'DELETE' }).finally(() => {
      setSession({ kind: 'anonymous' })
      navigate('/')
    })
  }

  const invitation = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(path)?.[1]
  const participants = /^\/d\/([a-z0-9-]+)\/participants$/.exec(path)?.[1]
  const versions = /^\/d\/([a-z0-9-]+)\/versions$/.exec(path)?.[1]
  const signatures = /^\/d\/([a-z0-9-]+)\/signatures$/.exec(path)?.[1]
  const compilation = /^\/d\/([a-z0-9-]+)\/compilation$/.exec(path)?.[1]
  const declaration = /^\/d\/([a-z0-9-]+)$/.exec(path)?.[1]

  const screen = () => {
    if (invitation) {
      return (
        <AcceptInvitationPage
          token={invitation}
          onAccepted={(name) => {
            handleSignedIn()
            navigate(name ? `/d/${name}` : '/')
          }}
        />
      )
    }
    // Before the session is known the page still has its one heading, for those who move through it by headings.
    if (session.kind === 'loading' || session.kind === 'error') {
      return (
        <>
          <h1 className="visually-hidden">Kelisim</h1>
          {session.kind === 'loading' ? <p role="status">{t('app.loading')}</p> : <p role="alert">{t('app.unreachable', { message: session.message })}</p>}
        </>
      )
    }
    if (session.kind === 'anonymous') return <SignInPage onSignedIn={handleSignedIn} />
    const { identity } = session.info
    if (participants) return <ParticipantsPage key={participants} name={participants} selfId={identity.id} onBack={() => navigate(`/d/${participants}`)} />
    if (signatures) return <SignaturesPage key={signatures} name={signatures} identity={identity} onBack={() => navigate(`/d/${signatures}`)} />
    if (compilation) return <CompilationPage key={compilation} name={compilation} onBack={() => navigate(`/d/${compilation}`)} />
    if (versions) return <VersionsPage key={versions} name={versions} onBack={() => navigate(`/d/${versions}`)} />
    if (declaration) {
      return (
        <DeclarationPage
          key={declaration}
          name={declaration}
          identity={identity}
          onNavigate={navigate}
          onSessionEnded={() => setSession({ kind: 'anonymous' })}
        />
      )
    }
    return <DeclarationList onOpen={(name) => navigate(`/d/${name}`)} />
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <AppLink className="brand" to="/" onNavigate={navigate}>
          Kelisim
        </AppLink>
        <div className="app-header__tools">
          <LanguageSwitcher choice={languageChoice} signedIn={session.kind === 'signed-in'} />
          {session.kind === 'signed-in' && (
            <nav aria-label={t('app.account')} className="whoami">
              <span>
                <span dir="auto">{session.info.identity.name}</span> · <span dir="auto">{session.info.identity.delegation.name}</span>
              </span>
              <button type="button" onClick={() => signOut(false)}>
                {t('app.signOut')}
              </button>
              <button type="button" onClick={() => signOut(true)}>
                {t('app.signOutEverywhere')}
              </button>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screen()}
      </main>
    </>
  )
}
