import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import type { ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { MAX_RUN_LENGTH } from '../../../shared/negotiation/amendmentSchemas.js'

/** A paragraph as the form offers it. */
export interface ProposalClause {
  id: string
  label: string
  kind: ClauseKind
}

type ProposalKind = 'paragraph.insert' | 'paragraph.delete' | 'paragraph.move'

interface ParagraphProposalFormProps {
  clauses: ProposalClause[]
  /** The paragraph the proposal starts on: where the caret was. */
  initial: string
  titleId: string
  onSubmit: (change: ChangeInput, justification: string) => Promise<void>
  onCancel: () => void
}

/** A new paragraph after one (PP or OP, with its words), its deletion, or its move after another; with a justification. */
export function ParagraphProposalForm({ clauses, initial, titleId, onSubmit, onCancel }: ParagraphProposalFormProps) {
  const [target, setTarget] = useState(initial)
  const [kind, setKind] = useState<ProposalKind>('paragraph.insert')
  const targetClause = clauses.find((clause) => clause.id === target)
  const [newKind, setNewKind] = useState<ClauseKind>(targetClause?.kind ?? 'operative')
  const [text, setText] = useState('')
  const [after, setAfter] = useState('')
  const [justification, setJustification] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const { t } = useTranslation()
  const label = targetClause?.label ?? ''
  const others = clauses.filter((clause) => clause.id !== target)
  const moveAfter = others.some((clause) => clause.id === after) ? after : (others[0]?.id ?? '')

  const change = (): ChangeInput => {
    switch (kind) {
      case 'paragraph.insert':
        // A paragraph's words are one line: line breaks typed in the box become spaces.
        return { kind, after: target, clauseKind: newKind, content: [{ text: text.replace(/\s*\n\s*/g, ' ').trim().normalize('NFC'), marks: [] }] }
      case 'paragraph.delete':
        return { kind, clauseId: target }
      case 'paragraph.move':
        return { kind, clauseId: target, after: moveAfter }
    }
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setBusy(true)
    onSubmit(change(), justification).catch((failure: unknown) => {
      setBusy(false)
      setError(failure instanceof Error ? failure.message : String(failure))
    })
  }

  const choices: { value: ProposalKind; text: string }[] = [
    { value: 'paragraph.insert', text: t('amendments.proposal.insert', { label }) },
    { value: 'paragraph.delete', text: t('amendments.proposal.delete', { label }) },
    { value: 'paragraph.move', text: t('amendments.proposal.move', { label }) },
  ]
  return (
    <form className="proposal-form" onSubmit={handleSubmit}>
      <h2 id={titleId}>{t('amendments.proposal.title', { label })}</h2>
      <p>
        <label htmlFor={`${id}-paragraph`}>{t('amendments.paragraph')}</label>
        <select id={`${id}-paragraph`} value={target} onChange={(event) => setTarget(event.target.value)}>
          {clauses.map((clause) => (
            <option key={clause.id} value={clause.id}>
              {clause.label}
            </option>
          ))}
        </select>
      </p>
      <fieldset>
        <legend>{t('amendments.proposal.kind')}</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="proposal-form__choice">
            <input type="radio" name={`${id}-kind`} value={choice.value} checked={kind === choice.value} onChange={() => setKind(choice.value)} /> {choice.text}
          </label>
        ))}
      </fieldset>
      {kind === 'paragraph.insert' && (
        <>
          <p>
            <label htmlFor={`${id}-new-kind`}>{t('amendments.proposal.newKind')}</label>
            <select id={`${id}-new-kind`} value={newKind} onChange={(event) => setNewKind(event.target.value as ClauseKind)}>
              <option value="operative">{t('amendments.proposal.operative')}</option>
              <option value="preambular">{t('amendments.proposal.preambular')}</option>
            </select>
          </p>
          <p>
            <label htmlFor={`${id}-text`}>{t('amendments.proposal.text')}</label>
            <textarea id={`${id}-text`} dir="auto" rows={3} required maxLength={MAX_RUN_LENGTH} value={text} onChange={(event) => setText(event.target.value)} />
          </p>
        </>
      )}
      {kind === 'paragraph.move' && (
        <p>
          <label htmlFor={`${id}-after`}>{t('amendments.proposal.moveAfter', { label })}</label>
          <select id={`${id}-after`} value={moveAfter} onChange={(event) => setAfter(event.target.value)}>
            {others.map((clause) => (
              <option key={clause.id} value={clause.id}>
                {clause.label}
              </option>
            ))}
          </select>
        </p>
      )}
      <p>
        <label htmlFor={`${id}-why`}>{t('amendments.justificationOptional')}</label>
        <textarea id={`${id}-why`} dir="auto" rows={2} maxLength={2000} value={justification} onChange={(event) => setJustification(event.target.value)} />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="modal-dialog__buttons">
        <button type="submit" disabled={busy}>
          {t('amendments.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('amendments.cancel')}
        </button>
      </div>
    </form>
  )
}
