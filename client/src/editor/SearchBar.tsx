import { useEditorState, type Editor } from '@tiptap/react'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { closeSearch, goToMatch, setSearchQuery, textSearchKey } from './TextSearch.js'
import './search.css'

function describe(query: string, count: number, current: number): string {
  if (query === '') return ''
  if (count === 0) return 'No matches'
  return current < 0 ? `${count} ${count === 1 ? 'match' : 'matches'}` : `${current + 1} of ${count}`
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
    <div className="editor-search" role="search" aria-label="Search in the text">
      <label htmlFor={`${id}-query`}>Find in text</label>
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
        Previous match
      </button>
      <button type="button" disabled={search.count === 0} onClick={() => goToMatch(editor.view, 1)}>
        Next match
      </button>
      <button type="button" onClick={handleClose}>
        Close search
      </button>
      <p className="editor-search__count" role="status">
        {describe(search.query, search.count, search.current)}
      </p>
    </div>
  )
}
