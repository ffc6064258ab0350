import { useEditorState, type Editor } from '@tiptap/react'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { nearestNoteIndex, updateNoteText } from './updateNoteText.js'
import './notes.css'

/** A note being edited: where it was, what it read, and the words typed so far. */
interface NoteDraft {
  index: number
  original: string
  text: string
}

/** The footnote-style notes, numbered in the order they appear in the text; those who may edit can change them. */
export function NotesList({ editor, editable }: { editor: Editor; editable: boolean }) {
  const notes = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const texts: string[] = []
      current.state.doc.descendants((node) => {
        if (node.type.name === 'footnote') texts.push(String(node.attrs.text))
      })
      return texts
    },
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((text, index) => text === b[index]),
  })
  const [draft, setDraft] = useState<NoteDraft | null>(null)
  // Focus goes back to the button the form was opened from.
  const [returnTo, setReturnTo] = useState<number | null>(null)
  const { t } = useTranslation()
  // The note follows its text when others add or remove notes before it.
  const editing = draft && editable ? nearestNoteIndex(notes, draft.index, draft.original) : -1
  if (notes.length === 0) return null
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('editor.notes.heading')}</h2>
      <ol>
        {notes.map((text, index) => (
          <li key={index}>
            {draft && editing === index ? (
              <NoteForm
                editor={editor}
                index={index}
                draft={draft}
                onChange={(next) => setDraft({ ...draft, text: next })}
                onDone={() => {
                  setDraft(null)
                  setReturnTo(index)
                }}
              />
            ) : (
              <>
                <span dir="auto">{text}</span>{' '}
                {editable && (
                  <button type="button" className="notes__edit" autoFocus={returnTo === index} onClick={() => setDraft({ index, original: text, text })}>
                    {t('editor.notes.edit', { number: index + 1 })}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

interface NoteFormProps {
  editor: Editor
  index: number
  draft: NoteDraft
  onChange: (text: string) => void
  onDone: () => void
}

function NoteForm({ editor, index, draft, onChange, onDone }: NoteFormProps) {
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next = draft.text.trim()
    if (!next) return setError(t('editor.notes.empty'))
    if (!updateNoteText(editor, index, draft.original, next)) return setError(t('editor.notes.changed'))
    onDone()
  }

  return (
    <form
      className="note-form"
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone()
      }}
    >
      <label htmlFor={`${id}-text`}>{t('editor.notes.text', { number: index + 1 })}</label>
      <input id={`${id}-text`} dir="auto" value={draft.text} onChange={(event) => onChange(event.target.value)} autoFocus maxLength={2000} />
      <button type="submit">{t('editor.notes.save')}</button>
      <button type="button" onClick={onDone}>
        {t('dialog.cancel')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}
