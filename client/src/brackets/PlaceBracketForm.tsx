import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useId, useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api/schemas.js'
import type { NewBracketInput } from '../../../shared/brackets/bracketSchemas.js'
import { selectionTarget } from '../comments/anchorPositions.js'

interface PlaceBracketFormProps {
  editor: Editor
  clauses: { clauseId: string | null; label: string; text: string }[]
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

/** Places a square bracket or a set of alternatives on the selected words, or on a whole paragraph chosen from a list. */
export function PlaceBracketForm({ editor, clauses, delegations, onPlace }: PlaceBracketFormProps) {
  const target = useEditorState({ editor, selector: ({ editor: current }) => selectionTarget(current), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  const [choice, setChoice] = useState('selection')
  const [kind, setKind] = useState<'bracket' | 'alternatives'>('bracket')
  const [requestedBy, setRequestedBy] = useState<string[]>([])
  const [reason, setReason] = useState('')
  const [options, setOptions] = useState<Option[]>([
    { text: '', proposedBy: [] },
    { text: '', proposedBy: [] },
  ])
  const [error, setError] = useState<string | null>(null)
  const [placed, setPlaced] = useState('')
  const id = useId()

  const setOption = (index: number, change: Partial<Option>) => setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...change } : option)))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const place = choice === 'selection' ? target && { clauseId: target.clauseId, ...(target.anchor ? { anchor: target.anchor } : {}) } : { clauseId: choice }
    if (!place) return setError('Select some words in a paragraph, or choose a paragraph.')
    const body: NewBracketInput = kind === 'bracket' ? { kind, ...place, requestedBy, reason } : { kind, ...place, options }
    onPlace(body).then(
      () => {
        setPlaced(kind === 'bracket' ? 'Bracket placed.' : 'Alternatives placed.')
        setRequestedBy([])
        setReason('')
        setOptions([
          { text: '', proposedBy: [] },
          { text: '', proposedBy: [] },
        ])
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  const selectionLabel = target ? (target.anchor ? `Selected words in ${target.label}: “${target.quote.slice(0, 60)}”` : `Whole paragraph ${target.label} (at the cursor)`) : 'The selection (select some words first)'
  return (
    <form onSubmit={handleSubmit} className="brackets__form" aria-label="Place a bracket or alternatives">
      <label htmlFor={`${id}-target`}>Place on</label>
      <select id={`${id}-target`} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="selection">{selectionLabel}</option>
        {clauses
          .filter((clause) => clause.clauseId)
          .map((clause) => (
            <option key={clause.clauseId} value={clause.clauseId!}>
              Whole paragraph {clause.label}: {clause.text.slice(0, 50)}
            </option>
          ))}
      </select>
      <fieldset>
        <legend>Place</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'bracket'} onChange={() => setKind('bracket')} /> Square bracket
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'alternatives'} onChange={() => setKind('alternatives')} /> Alternatives
        </label>
      </fieldset>
      {kind === 'bracket' ? (
        <>
          <DelegationChoice legend="Requested by" chosen={requestedBy} delegations={delegations} onChange={setRequestedBy} />
          <label htmlFor={`${id}-reason`}>Reason (optional)</label>
          <textarea id={`${id}-reason`} dir="auto" value={reason} rows={2} maxLength={1000} onChange={(event) => setReason(event.target.value)} />
        </>
      ) : (
        <>
          {options.map((option, index) => (
            <div key={index} className="brackets__option">
              <label htmlFor={`${id}-option-${index}`}>Alt {index + 1} wording</label>
              <input id={`${id}-option-${index}`} dir="auto" value={option.text} maxLength={4000} required onChange={(event) => setOption(index, { text: event.target.value })} />
              <DelegationChoice legend={`Alt ${index + 1} proposed by`} chosen={option.proposedBy} delegations={delegations} onChange={(codes) => setOption(index, { proposedBy: codes })} />
            </div>
          ))}
          {options.length < 10 && (
            <button type="button" onClick={() => setOptions((current) => [...current, { text: '', proposedBy: [] }])}>
              Add Alt {options.length + 1}
            </button>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="brackets__placed">
        {placed}
      </p>
      <button type="submit">{kind === 'bracket' ? 'Place bracket' : 'Place alternatives'}</button>
    </form>
  )
}
