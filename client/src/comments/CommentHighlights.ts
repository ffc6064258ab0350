import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'
import { anchorRange } from './anchorPositions.js'

/** What the highlights show, set from React. */
export interface CommentHighlightState {
  threads: ThreadView[]
  activeThreadId: string | null
  onActivate: (threadId: string) => void
  /** How a paragraph's count of open threads reads ("2 comments"), in the interface language. */
  countWords: (count: number) => string
}

const highlightKey = new PluginKey('commentHighlights')

declare module '@tiptap/core' {
  interface Storage {
    commentHighlights: CommentHighlightState
  }
}

function decorations(editor: Editor): DecorationSet {
  const { threads, activeThreadId, countWords } = editor.storage.commentHighlights
  const { doc } = editor.state
  const found: Decoration[] = []
  const open = threads.filter((thread) => thread.status === 'open')
  for (const thread of open) {
    const range = thread.anchor ? anchorRange(editor, thread.anchor) : null
    if (!range) continue
    const active = thread.id === activeThreadId
    found.push(Decoration.inline(range.from, range.to, { class: `comment-anchor${active ? ' comment-anchor--active' : ''}`, 'data-thread-id': thread.id }))
  }
  for (const clause of labelClauses(doc)) {
    const count = open.filter((thread) => thread.clauseId === clause.id).length
    if (count > 0) {
      found.push(Decoration.node(clause.pos, clause.pos + clause.node.nodeSize, { 'data-threads': countWords(count) }))
    }
  }
  return DecorationSet.create(doc, found)
}

/** The thread whose highlight covers a position, if any. */
function threadAt(editor: Editor, pos: number): string | null {
  for (const thread of editor.storage.commentHighlights.threads) {
    if (thread.status !== 'open' || !thread.anchor) continue
    const range = anchorRange(editor, thread.anchor)
    if (range && pos >= range.from && pos <= range.to) return thread.id
  }
  return null
}

/** Highlights commented spans and counts threads per paragraph; a click or Ctrl+Alt+M on a span opens its thread. */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addStorage(): CommentHighlightState {
    return { threads: [], activeThreadId: null, onActivate: () => undefined, countWords: String }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': ({ editor }) => {
        const id = threadAt(editor, editor.state.selection.head)
        if (id) editor.storage.commentHighlights.onActivate(id)
        return id !== null
      },
    }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin({
        key: highlightKey,
        props: {
          decorations: () => decorations(editor),
          handleClick: (_view, pos) => {
            const id = threadAt(editor, pos)
            if (id) editor.storage.commentHighlights.onActivate(id)
            return false
          },
        },
      }),
    ]
  },
})

/** Replaces what the highlights show and redraws them. */
export function updateHighlights(editor: Editor, state: Partial<CommentHighlightState>): void {
  Object.assign(editor.storage.commentHighlights, state)
  editor.view.dispatch(editor.state.tr.setMeta(highlightKey, true))
}
