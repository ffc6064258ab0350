import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Delegation } from '../../../shared/api/schemas.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import type { ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { RunsText } from './RunsText.js'
import { clearSuggestion, setSuggesting, suggestionKey, type SuggestionRefusal } from './SuggestingMode.js'
import { suggestionChange } from './suggestionChange.js'

function refusalText(t: TFunction, refusal: SuggestionRefusal): string {
  switch (refusal) {
    case 'crossing':
      return t('amendments.suggestion.refusedCrossing')
    case 'outside':
      return t('amendments.suggestion.refusedOutside')
    case 'otherParagraph':
      return t('amendments.suggestion.refusedOtherParagraph')
    case 'newParagraph':
      return t('amendments.suggestion.refusedNewParagraph')
  }
}

interface SuggestionBarProps {
  editor: Editor
  delegation: Delegation
  /** In negotiation mode editors only suggest: the switch stays on. */
  forced: boolean
  suggesting: boolean
  onSuggesting: (on: boolean) => void
  onPropose: (change: ChangeInput, justification: string) => Promise<unknown>
}

/** The Suggesting switch, and the person's suggestion in words with a justification, to submit as one amendment or discard. */
export function SuggestionBar({ editor, delegation, forced, suggesting, onSuggesting, onPropose }: SuggestionBarProps) {
  const suggestion = useEditorState({ editor, selector: ({ editor: current }) => suggestionKey.getState(current.state) ?? null })
  const label = useEditorState({ editor, selector: ({ editor: current }) => labelledClausesOf(current.state).find((clause) => clause.id === suggestion?.clauseId)?.label ?? '' })
  const [justification, setJustification] = useState('')
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()
  const tag = t('amendments.suggestion.tag', { code: delegation.code })

  useEffect(() => {
    setSuggesting(editor, { active: suggesting, code: delegation.code, color: delegation.color, tag })
  }, [editor, suggesting, delegation, tag])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const change = suggestion && suggestionChange(editor, suggestion)
    if (!change) return setError(t('amendments.suggestion.gone'))
    onPropose(change, justification).then(
      () => {
        clearSuggestion(editor)
        setJustification('')
        setMessage(t('amendments.suggestion.submitted', { label }))
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  const spans = suggestion?.spans ?? []
  const refused = suggestion?.refused ? refusalText(t, suggestion.refused) : null
  return (
    <div className="suggestion-bar">
      <button type="button" aria-pressed={suggesting} disabled={forced} onClick={() => onSuggesting(!suggesting)}>
        {forced ? t('amendments.suggestion.switchForced') : t('amendments.suggestion.switch')}
      </button>
      <p className="visually-hidden" role="status">
        {refused ?? message}
      </p>
      {refused && <p className="suggestion-bar__refused">{refused}</p>}
      {spans.length > 0 && (
        <form className="suggestion-bar__form" onSubmit={handleSubmit} aria-label={t('amendments.suggestion.formLabel', { label })}>
          <p dir="auto">
            {t('amendments.suggestion.yours', { label })}{' '}
            {spans.map((span, index) => (
              <span key={index}>
                {editor.state.doc.textBetween(span.from, span.to) && <del>[− {editor.state.doc.textBetween(span.from, span.to)} −]</del>}
                {span.inserted.length > 0 && (
                  <ins>
                    [+ <RunsText runs={span.inserted} /> +]
                  </ins>
                )}{' '}
              </span>
            ))}
          </p>
          <label htmlFor={`${id}-why`}>{t('amendments.justificationOptional')}</label>
          <textarea id={`${id}-why`} dir="auto" rows={2} maxLength={2000} value={justification} onChange={(event) => setJustification(event.target.value)} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit">{t('amendments.submit')}</button>
          <button type="button" onClick={() => clearSuggestion(editor)}>
            {t('amendments.suggestion.discard')}
          </button>
        </form>
      )}
    </div>
  )
}
