import { useEditorState, type Editor } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { closeSearch, goToMatch, setSearchQuery, textSearchKey } from './TextSearch.js'
import './search.css'

/** How many hits there are, and which one is shown. */
function describe(t: TFunction, query: string, count: number, current: number): string {
  if (query === '') return ''
  if (count === 0) return t('editor.search.none')
  return current < 0 ? t('editor.search.count', { count }) : t('editor.search.current', { current: current + 1, count })
}

/** The search field Ctrl+F opens: Enter and Shift+Enter move between hits, Escape goes back to the text. */
export function SearchBar({ editor }: { editor: Editor }) {
  const search = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const state = textSearchKey.getState(current.state)
      return { open: state?.open ?? false, requests: state?.requests ?? 0, query: state?.query ?? '', count: state?.matches.length ?? 0, current: state?.current ?? -1 }
    },
  })
  const [text, setText] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const { t } = useTranslation()

  useEffect(() => {
    if (search.open) input.current?.select()
  }, [search.open, search.requests])

  if (!search.open) return null

  const handleClose = () => {
    setText('')
    closeSearch(editor.view)
    editor.view.focus()
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      goToMatch(editor.view, event.shiftKey ? -1 : 1)
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      // Ctrl+F again selects what is sought, rather than opening the browser's own search.
      event.preventDefault()
      event.currentTarget.select()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      handleClose()
    }
  }

  return (
    <div className="editor-search" role="search" aria-label={t('editor.search.label')}>
      <label htmlFor={`${id}-query`}>{t('editor.search.find')}</label>
      <input
        id={`${id}-query`}
        ref={input}
        type="search"
        dir="auto"
        value={text}
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value)
          setSearchQuery(editor.view, event.target.value)
        }}
        onKeyDown={handleKeyDown}
      />
      <button type="button" disabled={search.count === 0} onClick={() => goToMatch(editor.view, -1)}>
        {t('editor.search.previous')}
      </button>
      <button type="button" disabled={search.count === 0} onClick={() => goToMatch(editor.view, 1)}>
        {t('editor.search.next')}
      </button>
      <button type="button" onClick={handleClose}>
        {t('editor.search.close')}
      </button>
      <p className="editor-search__count" role="status">
        {describe(t, search.query, search.count, search.current)}
      </p>
    </div>
  )
}
