import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Delegation } from '../../../shared/api/schemas.js'
import { adviseColor, suggestColor } from '../../../shared/delegations/delegationColor.js'
import { callApi } from '../api/apiClient.js'
import { ColorAdviceNote } from './ColorAdviceNote.js'

const FIRST_WISH = '#3d4f5c'

/** The delegations taking part, and a form to add one that warns of a colour too like another's. */
export function DelegationsPanel({ delegations, onChanged }: { delegations: Delegation[]; onChanged: () => void }) {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [chosenColor, setColor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()
  // Until the moderator picks one, offer a colour no delegation has yet.
  const color = useMemo(() => chosenColor ?? suggestColor(FIRST_WISH, delegations) ?? FIRST_WISH, [chosenColor, delegations])
  const advice = useMemo(() => adviseColor(color, delegations), [color, delegations])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    callApi('/delegations', Delegation, { method: 'POST', body: { code: code.toUpperCase(), name, color } }).then(
      () => {
        setCode('')
        setName('')
        setColor(null)
        onChanged()
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('delegations.heading')}</h2>
      <ul className="delegations">
        {delegations.map((delegation) => (
          <li key={delegation.code}>
            <span className="swatch" style={{ backgroundColor: delegation.color }} aria-hidden="true" />{' '}
            <span dir="auto">
              {delegation.name} ({delegation.code})
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={handleSubmit} className="stacked-form">
        <label htmlFor={`${id}-code`}>{t('delegations.code')}</label>
        <input id={`${id}-code`} value={code} onChange={(event) => setCode(event.target.value)} required maxLength={8} />
        <label htmlFor={`${id}-name`}>{t('delegations.name')}</label>
        <input id={`${id}-name`} dir="auto" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
        <label htmlFor={`${id}-color`}>{t('delegations.color')}</label>
        <input id={`${id}-color`} type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        <ColorAdviceNote advice={advice} onUse={setColor} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{t('delegations.submit')}</button>
      </form>
    </section>
  )
}
