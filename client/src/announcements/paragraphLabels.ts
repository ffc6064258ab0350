import type { Editor } from '@tiptap/core'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'

/** The label the editor shows for a paragraph (OP3, PP2, OP7bis); null when the paragraph is not in the text now. */
export function labelOfClause(editor: Editor, clauseId: string): string | null {
  return labelledClausesOf(editor.state).find((clause) => clause.id === clauseId)?.label ?? null
}

/** The label of the paragraph a presence cursor (a y-prosemirror relative position) is in; null when it is in none. */
export function labelAtCursor(editor: Editor, head: unknown): string | null {
  const sync = ySyncPluginKey.getState(editor.state) as { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null } | undefined
  if (!sync?.binding || typeof head !== 'object' || head === null) return null
  const position = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(head), sync.binding.mapping)
  if (position === null) return null
  return labelledClausesOf(editor.state).find((clause) => position > clause.pos && position < clause.pos + clause.node.nodeSize)?.label ?? null
}
