import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { AppLink } from '../navigation/AppLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'

/** The declarations the signed-in participant takes part in, with their role in each. */
export function DeclarationList({ onOpen }: { onOpen: (name: string) => void }) {
  const [declarations, setDeclarations] = useState<DeclarationAccess[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { t } = useTranslation()
  useDocumentTitle(t('declarations.title'))

  useEffect(() => {
    callApi('/declarations', z.array(DeclarationAccess)).then(setDeclarations, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [])

  return (
    <section aria-labelledby="declarations-heading">
      <h1 id="declarations-heading">{t('declarations.title')}</h1>
      {error && <p role="alert">{error}</p>}
      {declarations === null && !error && <p role="status">{t('app.loading')}</p>}
      {declarations?.length === 0 && <p>{t('declarations.none')}</p>}
      <ul className="declaration-list">
        {declarations?.map((declaration) => (
          <li key={declaration.name}>
            <AppLink to={`/d/${declaration.name}`} onNavigate={() => onOpen(declaration.name)}>
              <span dir="auto">{declaration.title}</span>
            </AppLink>{' '}
            <span className="role-badge">{roleName(t, declaration.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
