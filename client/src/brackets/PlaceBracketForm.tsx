import type { Editor } from '@tiptap/core'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Delegation } from '../../../shared/api/schemas.js'
import type { NewBracketInput } from '../../../shared/brackets/bracketSchemas.js'
import { TargetSelect, useTargetChoice, type ClauseOption } from '../comments/TargetChoice.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { useAction } from '../layout/useAction.js'

interface PlaceBracketFormProps {
  editor: Editor
  clauses: ClauseOption[]
  delegations: Delegation[]
  onPlace: (body: NewBracketInput) => Promise<void>
}

/** Checkboxes naming delegations: who asked for a bracket, or who proposes a formulation. */
function DelegationChoice({ legend, chosen, delegations, onChange }: { legend: string; chosen: string[]; delegations: Delegation[]; onChange: (codes: string[]) => void }) {
  return (
    <fieldset className="brackets__delegations">
      <legend>{legend}</legend>
      {delegations.map((delegation) => (
        <label key={delegation.code}>
          <input
            type="checkbox"
            checked={chosen.includes(delegation.code)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, delegation.code] : chosen.filter((code) => code !== delegation.code))}
          />
          {delegation.code}
          <span className="visually-hidden"> ({delegation.name})</span>
        </label>
      ))}
    </fieldset>
  )
}

type Option = { text: string; proposedBy: string[] }

/** Alternatives start as two empty wordings. */
const twoEmptyOptions = (): Option[] => [
  { text: '', proposedBy: [] },
  { text: '', proposedBy: [] },
]

/** Places a square bracket or a set of alternatives on the selected words, or on a whole paragraph chosen from a list. */
export function PlaceBracketForm({ editor, clauses, delegations, onPlace }: PlaceBracketFormProps) {
  const { target, choice, setChoice, place } = useTargetChoice(editor)
  const [kind, setKind] = useState<'bracket' | 'alternatives'>('bracket')
  const [requestedBy, setRequestedBy] = useState<string[]>([])
  const [reason, setReason] = useState('')
  const [options, setOptions] = useState<Option[]>(twoEmptyOptions)
  const { error, setError, run } = useAction()
  const [placed, setPlaced] = useState('')
  const id = useId()
  const { t } = useTranslation()

  const setOption = (index: number, change: Partial<Option>) => setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...change } : option)))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!place) return setError(t('brackets.form.nothingChosen'))
    const body: NewBracketInput = kind === 'bracket' ? { kind, ...place, requestedBy, reason } : { kind, ...place, options }
    run(onPlace(body), () => {
      setPlaced(kind === 'bracket' ? t('brackets.form.bracketPlaced') : t('brackets.form.alternativesPlaced'))
      setRequestedBy([])
      setReason('')
      setOptions(twoEmptyOptions())
    })
  }

  return (
    <form onSubmit={handleSubmit} className="brackets__form" aria-label={t('brackets.form.label')}>
      <TargetSelect
        id={`${id}-target`}
        label={t('brackets.form.placeOn')}
        choice={choice}
        target={target}
        clauses={clauses}
        onChange={setChoice}
        selected={(label, quote) => t('brackets.form.selectedWords', { label, quote })}
        atCursor={(label) => t('brackets.form.paragraphAtCursor', { label })}
        none={t('brackets.form.noSelection')}
        paragraph={(label, text) => t('brackets.form.wholeParagraph', { label, text })}
      />
      <fieldset>
        <legend>{t('brackets.form.place')}</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'bracket'} onChange={() => setKind('bracket')} /> {t('brackets.form.squareBracket')}
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'alternatives'} onChange={() => setKind('alternatives')} /> {t('brackets.form.alternatives')}
        </label>
      </fieldset>
      {kind === 'bracket' ? (
        <>
          <DelegationChoice legend={t('brackets.form.requestedBy')} chosen={requestedBy} delegations={delegations} onChange={setRequestedBy} />
          <label htmlFor={`${id}-reason`}>{t('brackets.form.reason')}</label>
          <textarea id={`${id}-reason`} dir="auto" value={reason} rows={2} maxLength={1000} onChange={(event) => setReason(event.target.value)} />
        </>
      ) : (
        <>
          {options.map((option, index) => (
            <div key={index} className="brackets__option">
              <label htmlFor={`${id}-option-${index}`}>{t('brackets.form.wording', { number: index + 1 })}</label>
              <input id={`${id}-option-${index}`} dir="auto" value={option.text} maxLength={4000} required onChange={(event) => setOption(index, { text: event.target.value })} />
              <DelegationChoice legend={t('brackets.form.altProposedBy', { number: index + 1 })} chosen={option.proposedBy} delegations={delegations} onChange={(codes) => setOption(index, { proposedBy: codes })} />
            </div>
          ))}
          {options.length < 10 && (
            <button type="button" onClick={() => setOptions((current) => [...current, { text: '', proposedBy: [] }])}>
              {t('brackets.form.addAlt', { number: options.length + 1 })}
            </button>
          )}
        </>
      )}
      <ErrorAlert error={error} />
      <p role="status" className="brackets__placed">
        {placed}
      </p>
      <button type="submit">{kind === 'bracket' ? t('brackets.form.placeBracket') : t('brackets.form.placeAlternatives')}</button>
    </form>
  )
}
