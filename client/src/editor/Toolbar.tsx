import { useEditorState, type Editor } from '@tiptap/react'
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import './toolbar.css'

/**
 * Bold and italic, and the structure controls in a "More formatting" panel; each says in words what it does and whether
 * it is on. While suggesting, only bold and italic: they mark the words typed next.
 */
export function Toolbar({ editor, marksOnly = false }: { editor: Editor; marksOnly?: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      inClause: current.isActive('clause'),
      preambular: current.isActive('clause', { kind: 'preambular' }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      heading: current.isActive('heading'),
    }),
  })
  const [moreOpen, setMoreOpen] = useState(false)
  const [noteOpen, setNoteOpen] = useState(false)
  const moreRef = useRef<HTMLButtonElement>(null)
  const [noteText, setNoteText] = useState('')
  const noteId = useId()
  const { t } = useTranslation()

  const handleAddNote = (event: FormEvent) => {
    event.preventDefault()
    const text = noteText.trim()
    if (text) editor.chain().focus().insertFootnote(text).run()
    setNoteText('')
    setNoteOpen(false)
    setMoreOpen(false)
  }

  const closeMore = () => {
    setMoreOpen(false)
    setNoteOpen(false)
    moreRef.current?.focus()
  }

  const handleMoreKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') closeMore()
  }

  /** A structure command from the "More formatting" panel, which closes once it is used. */
  const structure = (command: () => void) => () => {
    setMoreOpen(false)
    command()
  }

  return (
    <div className="toolbar-area">
      <div role="toolbar" aria-label={t('editor.toolbar.label')} className="toolbar">
        <button type="button" aria-pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
          <b>{t('editor.toolbar.bold')}</b>
        </button>
        <button type="button" aria-pressed={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
          <i>{t('editor.toolbar.italic')}</i>
        </button>
        {!marksOnly && (
          <button ref={moreRef} type="button" aria-expanded={moreOpen} aria-controls={`${noteId}-more`} onClick={() => (moreOpen ? closeMore() : setMoreOpen(true))}>
            {t('editor.toolbar.more')}
          </button>
        )}
      </div>
      {moreOpen && !marksOnly && (
        // Over the text, so the bar keeps its one row; Escape closes it and goes back to its button.
        <div id={`${noteId}-more`} role="group" aria-label={t('editor.toolbar.more')} className="toolbar__more" onKeyDown={handleMoreKeyDown}>
          <button type="button" disabled={!state.inClause} onClick={structure(() => editor.chain().focus().setClauseKind(state.preambular ? 'operative' : 'preambular').run())}>
            {state.preambular ? t('editor.toolbar.makeOperative') : t('editor.toolbar.makePreambular')}
          </button>
          <button type="button" aria-pressed={state.heading} onClick={structure(() => editor.chain().focus().toggleNode('heading', 'clause', { level: 2 }).run())}>
            {t('editor.toolbar.heading')}
          </button>
          <button type="button" aria-pressed={state.bulletList} onClick={structure(() => editor.chain().focus().toggleBulletList().run())}>
            {t('editor.toolbar.bulletList')}
          </button>
          <button type="button" aria-pressed={state.orderedList} onClick={structure(() => editor.chain().focus().toggleOrderedList().run())}>
            {t('editor.toolbar.orderedList')}
          </button>
          <button type="button" aria-expanded={noteOpen} aria-controls={noteId} onClick={() => setNoteOpen(!noteOpen)}>
            {t('editor.toolbar.addNote')}
          </button>
          {noteOpen && (
            <form id={noteId} className="note-form" onSubmit={handleAddNote}>
              <label htmlFor={`${noteId}-text`}>{t('editor.toolbar.noteText')}</label>
              <input id={`${noteId}-text`} value={noteText} onChange={(event) => setNoteText(event.target.value)} autoFocus maxLength={2000} />
              <button type="submit">{t('editor.toolbar.insertNote')}</button>
            </form>
          )}
        </div>
      )}
    </div>
  )
}
