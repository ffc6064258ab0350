import { useId, useState, type FormEvent } from 'react'
import { Delegation } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'

/** The delegations taking part, and a form to add one. */
export function DelegationsPanel({ delegations, onChanged }: { delegations: Delegation[]; onChanged: () => void }) {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [color, setColor] = useState('#3d4f5c')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    callApi('/delegations', Delegation, { method: 'POST', body: { code: code.toUpperCase(), name, color } }).then(
      () => {
        setCode('')
        setName('')
        onChanged()
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Delegations</h2>
      <ul className="delegations">
        {delegations.map((delegation) => (
          <li key={delegation.code}>
            <span className="swatch" style={{ backgroundColor: delegation.color }} aria-hidden="true" /> {delegation.name} ({delegation.code})
          </li>
        ))}
      </ul>
      <form onSubmit={handleSubmit} className="stacked-form">
        <label htmlFor={`${id}-code`}>Code (2 to 8 capital letters)</label>
        <input id={`${id}-code`} value={code} onChange={(event) => setCode(event.target.value)} required maxLength={8} />
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
        <label htmlFor={`${id}-color`}>Colour</label>
        <input id={`${id}-color`} type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Add delegation</button>
      </form>
    </section>
  )
}
