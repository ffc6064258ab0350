import { useEffect, useId, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { Delegation, Identity } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'

/** Until sign-in exists: a visitor gives a display name and picks a delegation. */
export function VisitorForm({ onSignedIn }: { onSignedIn: (identity: Identity) => void }) {
  const [delegations, setDelegations] = useState<Delegation[]>([])
  const [name, setName] = useState('')
  const [delegation, setDelegation] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const nameId = useId()
  const delegationId = useId()
  const errorId = useId()

  useEffect(() => {
    callApi('/delegations', z.array(Delegation)).then(setDelegations, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    callApi('/session', z.object({ identity: Identity }), { method: 'POST', body: { name, delegation } })
      .then(({ identity }) => onSignedIn(identity))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setBusy(false))
  }

  return (
    <section className="visitor" aria-labelledby={`${nameId}-heading`}>
      <h1 id={`${nameId}-heading`}>Join the drafting</h1>
      <p>Give the name others will see beside your cursor, and the delegation you speak for.</p>
      <form onSubmit={handleSubmit} aria-describedby={error ? errorId : undefined}>
        <label htmlFor={nameId}>Your name</label>
        <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} autoComplete="name" />
        <label htmlFor={delegationId}>Delegation</label>
        <select id={delegationId} value={delegation} onChange={(event) => setDelegation(event.target.value)} required>
          <option value="">Choose a delegation</option>
          {delegations.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entry.name}
            </option>
          ))}
        </select>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Continue
        </button>
      </form>
    </section>
  )
}
