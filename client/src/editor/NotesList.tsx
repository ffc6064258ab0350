import { useEditorState, type Editor } from '@tiptap/react'
import { useId, useState, type FormEvent } from 'react'
import { updateNoteText } from './updateNoteText.js'
import './notes.css'

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
  const [editing, setEditing] = useState<{ index: number; original: string } | null>(null)
  // Focus goes back to the button the form was opened from.
  const [returnTo, setReturnTo] = useState<number | null>(null)
  if (notes.length === 0) return null
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <ol>
        {notes.map((text, index) => (
          <li key={index}>
            {editable && editing?.index === index ? (
              <NoteForm
                editor={editor}
                index={index}
                original={editing.original}
                onDone={() => {
                  setEditing(null)
                  setReturnTo(index)
                }}
              />
            ) : (
              <>
                <span dir="auto">{text}</span>{' '}
                {editable && (
                  <button type="button" className="notes__edit" autoFocus={returnTo === index} onClick={() => setEditing({ index, original: text })}>
                    Edit note {index + 1}
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

function NoteForm({ editor, index, original, onDone }: { editor: Editor; index: number; original: string; onDone: () => void }) {
  const [text, setText] = useState(original)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next = text.trim()
    if (!next) return setError('A note needs some text.')
    if (!updateNoteText(editor, index, original, next)) return setError('This note was changed or removed meanwhile.')
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
      <label htmlFor={`${id}-text`}>Text of note {index + 1}</label>
      <input id={`${id}-text`} dir="auto" value={text} onChange={(event) => setText(event.target.value)} autoFocus maxLength={2000} />
      <button type="submit">Save note</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}
