import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { newClauseId } from './clauseId.js'

const clauseIdsKey = new PluginKey('clauseIds')

function isRemoteChange(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey)
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true
}

/** Gives every clause without an id, or with the id of an earlier clause, a fresh one. */
export function assignClauseIds(state: EditorState): Transaction | null {
  const seen = new Set<string>()
  let tr: Transaction | null = null
  state.doc.forEach((node, pos) => {
    if (node.type.name !== 'clause') return
    const id: unknown = node.attrs.id
    if (typeof id === 'string' && id !== '' && !seen.has(id)) {
      seen.add(id)
      return
    }
    const fresh = newClauseId()
    seen.add(fresh)
    tr = (tr ?? state.tr).setNodeAttribute(pos, 'id', fresh)
  })
  return tr
}

/** Keeps clause ids present and unique after local edits (splits, pastes, new clauses). */
export const ClauseIds = Extension.create({
  name: 'clauseIds',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: clauseIdsKey,
        // Remote changes are left alone: writing into a document that has not synced yet would duplicate it.
        appendTransaction: (transactions, _old, state) =>
          transactions.some((tr) => tr.docChanged && !isRemoteChange(tr)) ? assignClauseIds(state) : null,
      }),
    ]
  },
})
