import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AmendmentChange, ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { rewordRuns } from './rewordRuns.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { useAction } from '../layout/useAction.js'

interface RevisionFormProps {
  change: Extract<AmendmentChange, { kind: 'words' }>
  /** Shown and sent when the justification may change too (an edit, not a decision). */
  justification: string | null
  submitLabel: string
  onSubmit: (change: ChangeInput, justification: string) => Promise<void>
  onCancel: () => void
}

/** New words for each span of a word change, on the same places in the text, and optionally a new justification. */
export function RevisionForm({ change, justification, submitLabel, onSubmit, onCancel }: RevisionFormProps) {
  const [words, setWords] = useState(() => change.spans.map((span) => span.content.map((run) => run.text).join('')))
  const [reason, setReason] = useState(justification ?? '')
  const { error, run } = useAction()
  const id = useId()
  const { t } = useTranslation()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const spans = change.spans.map((span, index) => ({ start: span.start, end: span.end, content: rewordRuns(span.content, words[index] ?? '') }))
    run(onSubmit({ kind: 'words', clauseId: change.clauseId, spans }, reason))
  }

  return (
    <form className="amendment__form" onSubmit={handleSubmit}>
      {change.spans.map((span, index) => (
        <p key={index}>
          <label htmlFor={`${id}-${index}`}>{span.original ? t('amendments.insteadOf', { original: span.original }) : t('amendments.wordsToInsert')}</label>
          <input id={`${id}-${index}`} dir="auto" value={words[index]} onChange={(event) => setWords(words.map((value, other) => (other === index ? event.target.value : value)))} />
        </p>
      ))}
      {justification !== null && (
        <p>
          <label htmlFor={`${id}-why`}>{t('amendments.justificationLabel')}</label>
          <textarea id={`${id}-why`} dir="auto" rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
        </p>
      )}
      <ErrorAlert error={error} />
      <button type="submit">{submitLabel}</button>
      <button type="button" onClick={onCancel}>
        {t('amendments.cancel')}
      </button>
    </form>
  )
}
