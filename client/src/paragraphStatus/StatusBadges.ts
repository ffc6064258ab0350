import { Extension, type Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import { statusSymbol } from '../../../shared/paragraphStatus/statusLabels.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'

/** The DOM event the editor fires when it keeps a local edit out of an agreed paragraph; `detail` is the paragraph's label. */
export const PARAGRAPH_CLOSED_EVENT = 'kelisim:paragraph-closed'

const badgesKey = new PluginKey('statusBadges')

declare module '@tiptap/core' {
  interface Storage {
    statusBadges: { statuses: ReadonlyMap<string, ParagraphStatus>; word: (status: ParagraphStatus) => string }
  }
}

function badge(status: ParagraphStatus, word: string): HTMLElement {
  const element = document.createElement('span')
  element.className = 'status-badge'
  element.dataset.status = status
  element.contentEditable = 'false'
  const symbol = document.createElement('span')
  symbol.setAttribute('aria-hidden', 'true')
  symbol.textContent = `${statusSymbol[status]} `
  element.append(symbol, word)
  return element
}

function decorations(editor: Editor, doc: ProseMirrorNode): DecorationSet {
  const { statuses, word } = editor.storage.statusBadges
  const found = labelClauses(doc).flatMap((clause) => {
    const status = clause.id ? statuses.get(clause.id) : undefined
    if (!status || status === 'open') return []
    return [
      Decoration.node(clause.pos, clause.pos + clause.node.nodeSize, { 'data-status': status }),
      Decoration.widget(clause.pos + 1, () => badge(status, word(status)), { side: -1, key: `status-${clause.id}-${status}-${word(status)}`, ignoreSelection: true }),
    ]
  })
  return DecorationSet.create(doc, found)
}

/** The label of an agreed paragraph a local transaction would change, or null; new paragraphs beside one change nothing in it. */
function closedTouched(editor: Editor, transaction: Transaction): string | null {
  const { statuses } = editor.storage.statusBadges
  const closed = labelledClausesOf(editor.state).filter((clause) => clause.id !== null && statuses.get(clause.id) === 'agreed')
  if (closed.length === 0) return null
  for (const [index, step] of transaction.steps.entries()) {
    // Each step's range is in the document as the earlier steps left it; map it back to the one before the transaction.
    const back = transaction.mapping.slice(0, index).invert()
    const hits: string[] = []
    step.getMap().forEach((from, to) => {
      const start = back.map(from, -1)
      const end = back.map(to, 1)
      for (const clause of closed) if (start < clause.pos + clause.node.nodeSize && end > clause.pos) hits.push(clause.label)
    })
    if (hits[0]) return hits[0]
  }
  return null
}

/** Each paragraph's status in the text, as a symbol and a word ("✓ Agreed"), and agreed paragraphs kept from local edits, as the server keeps them. */
export const StatusBadges = Extension.create({
  name: 'statusBadges',

  addStorage() {
    return { statuses: new Map<string, ParagraphStatus>(), word: (status: ParagraphStatus) => status }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin({
        key: badgesKey,
        props: { decorations: (state) => decorations(editor, state.doc) },
        filterTransaction: (transaction) => {
          if (!transaction.docChanged || transaction.getMeta(ySyncPluginKey) !== undefined) return true
          const label = closedTouched(editor, transaction)
          if (label === null) return true
          editor.view.dom.dispatchEvent(new CustomEvent(PARAGRAPH_CLOSED_EVENT, { detail: label, bubbles: true }))
          return false
        },
      }),
    ]
  },
})

/** Replaces the statuses the text shows, and the words it shows them in, and redraws them. */
export function updateStatusBadges(editor: Editor, statuses: ReadonlyMap<string, ParagraphStatus>, word: (status: ParagraphStatus) => string): void {
  editor.storage.statusBadges.statuses = statuses
  editor.storage.statusBadges.word = word
  editor.view.dispatch(editor.state.tr.setMeta(badgesKey, true))
}
