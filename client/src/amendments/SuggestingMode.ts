import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import './suggesting.css'
import { appendRuns } from './runElements.js'
import { backspace, deleteForward, strikeSelection, typeText, type EditOutcome, type RunMark, type SuggestedSpan } from './suggestionEdits.js'

/** Why a suggesting keystroke was not taken: it crossed changed words, fell outside a paragraph or in another one, or pressed Enter. */
export type SuggestionRefusal = 'crossing' | 'outside' | 'otherParagraph' | 'newParagraph'

/** The person's suggestion, kept only in this browser: one paragraph's struck and inserted words. */
export interface Suggestion {
  readonly clauseId: string | null
  readonly spans: readonly SuggestedSpan[]
  /** Why the last keystroke was not taken, for the live region; null when it was. */
  readonly refused: SuggestionRefusal | null
}

/** Who is suggesting, for the marks in the text; set from React. */
export interface SuggestingOptions {
  active: boolean
  code: string
  color: string
  /** The words before the suggestion in the text: "KAZ suggests", in the interface language. */
  tag: string
}

declare module '@tiptap/core' {
  interface Storage {
    suggesting: SuggestingOptions
  }
}

/** Where the suggestion plugin keeps its state. */
export const suggestionKey = new PluginKey<Suggestion>('suggestion')
const empty: Suggestion = { clauseId: null, spans: [], refused: null }

function clauseAround(state: EditorState, pos: number): { id: string; start: number; end: number } | null {
  const $pos = state.doc.resolve(pos)
  const node = $pos.parent
  if (node.type.name !== 'clause' || typeof node.attrs.id !== 'string') return null
  return { id: node.attrs.id, start: $pos.start(), end: $pos.end() }
}

function decorations(state: EditorState, options: SuggestingOptions): DecorationSet {
  const { spans } = suggestionKey.getState(state) ?? empty
  const found = spans.flatMap((span) => {
    const marks: Decoration[] = []
    if (span.to > span.from) marks.push(Decoration.inline(span.from, span.to, { class: 'suggestion-del', 'data-code': options.code, style: `text-decoration-color: ${options.color}` }))
    if (span.inserted.length > 0) {
      marks.push(
        Decoration.widget(
          span.to,
          () => {
            const element = document.createElement('ins')
            element.className = 'suggestion-ins'
            element.style.textDecorationColor = options.color
            appendRuns(element, span.inserted)
            return element
          },
          { side: -1, key: `${span.from}-${span.to}-${JSON.stringify(span.inserted)}` },
        ),
      )
    }
    const code = document.createElement('span')
    code.className = 'suggestion-code'
    code.style.borderColor = options.color
    code.textContent = options.tag
    marks.push(Decoration.widget(span.from, code, { side: -1, key: `code-${span.from}`, ignoreSelection: true }))
    return marks
  })
  return DecorationSet.create(state.doc, found)
}

/** Applies one suggesting keystroke instead of changing the text; always takes the key so the shared text stays as it is. */
function edit(view: EditorView, pos: number, change: (spans: readonly SuggestedSpan[], clause: { start: number; end: number }) => EditOutcome, refusal: SuggestionRefusal = 'crossing'): boolean {
  const current = suggestionKey.getState(view.state) ?? empty
  const clause = clauseAround(view.state, pos)
  const decline = (refused: SuggestionRefusal) => {
    view.dispatch(view.state.tr.setMeta(suggestionKey, { ...current, refused }))
    return true
  }
  if (!clause) return decline('outside')
  if (current.clauseId && current.clauseId !== clause.id) return decline('otherParagraph')
  const outcome = change(current.spans, clause)
  if (!outcome) return decline(refusal)
  const tr = view.state.tr.setMeta(suggestionKey, { clauseId: outcome.spans.length ? clause.id : null, spans: outcome.spans, refused: null })
  // Moving the caret forgets the marks chosen with Ctrl+B or Ctrl+I; the next letters are typed with them too.
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, outcome.caret)).setStoredMarks(view.state.storedMarks))
  return true
}

/** The marks typed letters take: those chosen with Ctrl+B or Ctrl+I, else those of the words at the caret. */
function typingMarks(state: EditorState): RunMark[] {
  const marks = state.storedMarks ?? state.selection.$from.marks()
  return marks.map((mark) => mark.type.name).filter((name): name is RunMark => name === 'bold' || name === 'italic')
}

/** Suggesting mode: typing (bold and italic included), Backspace and Delete become a local suggestion shown in place; nothing reaches the shared text. */
export const SuggestingMode = Extension.create({
  name: 'suggesting',

  addStorage(): SuggestingOptions {
    return { active: false, code: '', color: '#000000', tag: '' }
  },

  addProseMirrorPlugins() {
    const options = this.storage
    return [
      new Plugin<Suggestion>({
        key: suggestionKey,
        state: {
          init: () => empty,
          apply: (tr: Transaction, value: Suggestion) => {
            const next = tr.getMeta(suggestionKey) as Suggestion | undefined
            if (next) return next
            if (!tr.docChanged) return value
            // Others' edits move the suggestion's places with the text around them.
            const spans = value.spans.map((span) => ({ ...span, from: tr.mapping.map(span.from, 1), to: tr.mapping.map(span.to, -1) })).filter((span) => span.to >= span.from)
            return { ...value, spans }
          },
        },
        // Only the sync plugin's remote changes reach the text while suggesting.
        filterTransaction: (tr) => !options.active || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
        props: {
          decorations: (state) => decorations(state, options),
          handleTextInput: (view, from, to, text) => options.active && edit(view, from, (spans) => typeText(spans, from, to, text, typingMarks(view.state))),
          handlePaste: (view, event) => {
            if (!options.active) return false
            const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\s+/g, ' ')
            const { from, to } = view.state.selection
            return edit(view, from, (spans) => typeText(spans, from, to, text, typingMarks(view.state)))
          },
          handleDrop: () => options.active,
          handleKeyDown: (view, event) => {
            if (!options.active) return false
            const { from, to, empty: collapsed } = view.state.selection
            if (event.key === 'Enter') return edit(view, from, () => null, 'newParagraph')
            if (event.key !== 'Backspace' && event.key !== 'Delete') return false
            if (!collapsed) return edit(view, from, (spans) => strikeSelection(spans, from, to))
            return edit(view, from, (spans, clause) => (event.key === 'Backspace' ? backspace(spans, from, clause.start) : deleteForward(spans, from, clause.end)))
          },
        },
      }),
    ]
  },
})

/** Turns suggesting on or off for this person and redraws; turning it off keeps the suggestion until it is submitted or discarded. */
export function setSuggesting(editor: Editor, options: SuggestingOptions): void {
  Object.assign(editor.storage.suggesting, options)
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false))
}

/** Forgets the suggestion (after it became an amendment, or when the person discards it). */
export function clearSuggestion(editor: Editor): void {
  editor.view.dispatch(editor.state.tr.setMeta(suggestionKey, empty))
}
