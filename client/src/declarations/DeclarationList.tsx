import { useEffect, useState } from 'react'
import { z } from 'zod'
import { DeclarationSummary } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'

/** The declarations this server holds. */
export function DeclarationList({ onOpen }: { onOpen: (name: string) => void }) {
  const [declarations, setDeclarations] = useState<DeclarationSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    callApi('/declarations', z.array(DeclarationSummary)).then(setDeclarations, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [])

  return (
    <section aria-labelledby="declarations-heading">
      <h1 id="declarations-heading">Declarations</h1>
      {error && <p role="alert">{error}</p>}
      {declarations === null && !error && <p role="status">Loading…</p>}
      {declarations?.length === 0 && <p>There are no declarations yet.</p>}
      <ul className="declaration-list">
        {declarations?.map((declaration) => (
          <li key={declaration.name}>
            <a
              href={`/d/${declaration.name}`}
              onClick={(event) => {
                event.preventDefault()
                onOpen(declaration.name)
              }}
            >
              {declaration.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
