import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api/schemas.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import type { ChangeInput } from '../../../shared/negotiation/amendmentSchemas.js'
import { RunsText } from './RunsText.js'
import { clearSuggestion, setSuggesting, suggestionKey } from './SuggestingMode.js'
import { suggestionChange } from './suggestionChange.js'

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

  useEffect(() => {
    setSuggesting(editor, { active: suggesting, code: delegation.code, color: delegation.color })
  }, [editor, suggesting, delegation])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const change = suggestion && suggestionChange(editor, suggestion)
    if (!change) return setError('The words you changed are no longer in the text; discard the suggestion and make it again.')
    onPropose(change, justification).then(
      () => {
        clearSuggestion(editor)
        setJustification('')
        setMessage(`Your amendment on ${label} was submitted.`)
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  const spans = suggestion?.spans ?? []
  return (
    <div className="suggestion-bar">
      <button type="button" aria-pressed={suggesting} disabled={forced} onClick={() => onSuggesting(!suggesting)}>
        Suggesting{forced ? ' (always, in negotiation)' : ''}
      </button>
      <p className="visually-hidden" role="status">
        {suggestion?.refused ?? message}
      </p>
      {suggestion?.refused && <p className="suggestion-bar__refused">{suggestion.refused}</p>}
      {spans.length > 0 && (
        <form className="suggestion-bar__form" onSubmit={handleSubmit} aria-label={`Your suggestion in ${label}`}>
          <p dir="auto">
            Your suggestion in {label}:{' '}
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
          <label htmlFor={`${id}-why`}>Justification (optional)</label>
          <textarea id={`${id}-why`} dir="auto" rows={2} maxLength={2000} value={justification} onChange={(event) => setJustification(event.target.value)} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit">Submit as amendment</button>
          <button type="button" onClick={() => clearSuggestion(editor)}>
            Discard suggestion
          </button>
        </form>
      )}
    </div>
  )
}
