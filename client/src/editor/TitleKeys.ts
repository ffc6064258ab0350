import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'

const titleFocusKey = new PluginKey('titleFocus')

/** The position just after the title, where the first paragraph starts. */
function afterTitle(state: EditorState): number {
  return state.doc.firstChild?.nodeSize ?? 0
}

function inTitle(state: EditorState): boolean {
  return state.selection.$from.parent.type.name === 'title' && state.selection.$to.parent.type.name === 'title'
}

/** Puts the caret at the start of the first paragraph; with `open`, opens one when a heading or list comes first. */
function enterFirstParagraph(view: EditorView, open: boolean): boolean {
  const { state } = view
  const start = afterTitle(state)
  let tr = state.tr
  if (state.doc.nodeAt(start)?.type.name !== 'clause') {
    if (!open) {
      view.dispatch(tr.setSelection(TextSelection.near(state.doc.resolve(start))).scrollIntoView())
      return true
    }
    // A new paragraph takes the kind of the first one, so it does not renumber the preamble.
    const kind = labelClauses(state.doc)[0]?.kind ?? 'preambular'
    tr = tr.insert(start, state.schema.nodes.clause!.create({ kind }))
  }
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 1)).scrollIntoView())
  return true
}

/**
 * The title stays the title: Enter in it goes on to the first paragraph instead of splitting it into a clause,
 * the paragraph after it is never merged into it, and Tab into the editor lands in the first paragraph.
 */
export const TitleKeys = Extension.create({
  name: 'titleKeys',
  // Before the default keymap, which would split the title.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => inTitle(editor.state) && enterFirstParagraph(editor.view, true),
      // Delete at the end of the title would pull the first paragraph into it.
      Delete: ({ editor }) => {
        const { $from, empty } = editor.state.selection
        return empty && inTitle(editor.state) && $from.parentOffset === $from.parent.content.size
      },
      // Backspace at the start of the first paragraph would merge it into the title; it goes to the title's end.
      Backspace: ({ editor }) => {
        const { state } = editor
        const { $from, empty } = state.selection
        if (!empty || $from.parentOffset !== 0 || $from.depth !== 1 || $from.before() !== afterTitle(state)) return false
        const tr = state.tr
        if ($from.parent.content.size === 0 && state.doc.childCount > 2) tr.delete($from.before(), $from.after())
        editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, afterTitle(state) - 1)).scrollIntoView())
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    // Only a focus that Tab brings moves the caret; a click or a toolbar button returning focus leaves it alone.
    let tabbed = false
    const handleKey = (event: KeyboardEvent) => {
      tabbed = event.key === 'Tab'
    }
    const handlePointer = () => {
      tabbed = false
    }
    return [
      new Plugin({
        key: titleFocusKey,
        view: (view) => {
          const document = view.dom.ownerDocument
          document.addEventListener('keydown', handleKey, true)
          document.addEventListener('pointerdown', handlePointer, true)
          return {
            destroy: () => {
              document.removeEventListener('keydown', handleKey, true)
              document.removeEventListener('pointerdown', handlePointer, true)
            },
          }
        },
        props: {
          handleDOMEvents: {
            focus: (view) => {
              if (!tabbed) return false
              tabbed = false
              // The browser puts the caret at the title's start on Tab; it is moved once that has settled.
              setTimeout(() => {
                const { $from, empty } = view.state.selection
                if (view.hasFocus() && empty && $from.parent.type.name === 'title' && $from.parentOffset === 0) enterFirstParagraph(view, false)
              }, 0)
              return false
            },
          },
        },
      }),
    ]
  },
})
