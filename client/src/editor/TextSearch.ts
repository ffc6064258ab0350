import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { findMatches, type TextRange } from './findMatches.js'

/** What the search shows: whether it is open, what is sought, the hits and which one is current. */
export interface SearchState {
  open: boolean
  /** Counts every Ctrl+F, so pressing it again while open brings the field back into focus. */
  requests: number
  query: string
  matches: TextRange[]
  current: number
  decorations: DecorationSet
}

type SearchChange = { open: true } | { open: false } | { query: string } | { current: number }

/** The search's plugin key, to read its state. */
export const textSearchKey = new PluginKey<SearchState>('textSearch')

function decorate(state: EditorState, matches: TextRange[], current: number): DecorationSet {
  return DecorationSet.create(
    state.doc,
    matches.map((match, index) =>
      Decoration.inline(match.from, match.to, { class: index === current ? 'search-match search-match--current' : 'search-match' }),
    ),
  )
}

function withMatches(base: SearchState, state: EditorState, query: string, current: number): SearchState {
  const matches = base.open ? findMatches(state.doc, query) : []
  // No hit is current until the person moves to one.
  const kept = matches.length === 0 || current < 0 ? -1 : Math.min(current, matches.length - 1)
  return { ...base, query, matches, current: kept, decorations: decorate(state, matches, kept) }
}

function change(view: EditorView, meta: SearchChange): void {
  view.dispatch(view.state.tr.setMeta(textSearchKey, meta))
}

/** Opens the search, or brings its field back into focus. */
export function openSearch(view: EditorView): void {
  change(view, { open: true })
}

/** Closes the search and clears its highlights. */
export function closeSearch(view: EditorView): void {
  change(view, { open: false })
}

/** Looks for this text; the first hit becomes current. */
export function setSearchQuery(view: EditorView, query: string): void {
  change(view, { query })
}

/** Moves to the next (1) or previous (-1) hit, wrapping round, and selects it in the text. */
export function goToMatch(view: EditorView, step: 1 | -1): void {
  const search = textSearchKey.getState(view.state)
  if (!search || search.matches.length === 0) return
  const count = search.matches.length
  const current = search.current < 0 ? (step === 1 ? 0 : count - 1) : (search.current + step + count) % count
  const match = search.matches[current]!
  const tr = view.state.tr.setMeta(textSearchKey, { current }).setSelection(TextSelection.create(view.state.doc, match.from, match.to))
  view.dispatch(tr.scrollIntoView())
}

/** Search in the text with highlighted hits; Ctrl+F opens it from the editor, even where the text is read-only. */
export const TextSearch = Extension.create({
  name: 'textSearch',

  addProseMirrorPlugins() {
    return [
      new Plugin<SearchState>({
        key: textSearchKey,
        state: {
          init: () => ({ open: false, requests: 0, query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
          apply: (tr, search, _old, state) => {
            const meta = tr.getMeta(textSearchKey) as SearchChange | undefined
            if (meta && 'open' in meta) {
              return meta.open
                ? withMatches({ ...search, open: true, requests: search.requests + 1 }, state, search.query, search.current)
                : withMatches({ ...search, open: false }, state, '', -1)
            }
            if (meta && 'query' in meta) return withMatches(search, state, meta.query, -1)
            if (meta && 'current' in meta) return withMatches(search, state, search.query, meta.current)
            return tr.docChanged && search.open ? withMatches(search, state, search.query, search.current) : search
          },
        },
        props: {
          decorations: (state) => textSearchKey.getState(state)?.decorations,
          handleDOMEvents: {
            // Key handlers of the editor only run where it is editable; search is for readers too.
            keydown: (view, event) => {
              if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return false
              event.preventDefault()
              openSearch(view)
              return true
            },
          },
        },
      }),
    ]
  },
})
