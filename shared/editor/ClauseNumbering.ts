import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { labelClauses } from './clauseLabels.js'

const numberingKey = new PluginKey<DecorationSet>('clauseNumbering')

function decorate(doc: ProseMirrorNode): DecorationSet {
  return DecorationSet.create(
    doc,
    labelClauses(doc).map((clause) =>
      Decoration.node(clause.pos, clause.pos + clause.node.nodeSize, { 'data-label': clause.label }),
    ),
  )
}

/** Shows each clause's label (PP1, OP3) from its position, so every screen renumbers on every change. */
export const ClauseNumbering = Extension.create({
  name: 'clauseNumbering',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: numberingKey,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, decorations) => (tr.docChanged ? decorate(tr.doc) : decorations),
        },
        props: {
          decorations: (state) => numberingKey.getState(state),
        },
      }),
    ]
  },
})
