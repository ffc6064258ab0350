import { useEffect, useState } from 'react'
import { z } from 'zod'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import { roleLabel } from '../../../shared/roles.js'
import { callApi } from '../api/apiClient.js'
import { AppLink } from '../navigation/AppLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'

/** The declarations the signed-in participant takes part in, with their role in each. */
export function DeclarationList({ onOpen }: { onOpen: (name: string) => void }) {
  const [declarations, setDeclarations] = useState<DeclarationAccess[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle('Declarations')

  useEffect(() => {
    callApi('/declarations', z.array(DeclarationAccess)).then(setDeclarations, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [])

  return (
    <section aria-labelledby="declarations-heading">
      <h1 id="declarations-heading">Declarations</h1>
      {error && <p role="alert">{error}</p>}
      {declarations === null && !error && <p role="status">Loading…</p>}
      {declarations?.length === 0 && <p>You take part in no declaration yet; a moderator can invite you.</p>}
      <ul className="declaration-list">
        {declarations?.map((declaration) => (
          <li key={declaration.name}>
            <AppLink to={`/d/${declaration.name}`} onNavigate={() => onOpen(declaration.name)}>
              {declaration.title}
            </AppLink>{' '}
            <span className="role-badge">{roleLabel[declaration.role]}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
