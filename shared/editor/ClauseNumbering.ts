import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { RoundLabelRecords } from '../negotiation/roundLabels.js'
import { labelClauses, type LabelledClause } from './clauseLabels.js'

interface NumberingState {
  records: RoundLabelRecords
  clauses: LabelledClause[]
  decorations: DecorationSet
}

const numberingKey = new PluginKey<NumberingState>('clauseNumbering')

function numbering(doc: ProseMirrorNode, records: RoundLabelRecords): NumberingState {
  const clauses = labelClauses(doc, records)
  const decorations = DecorationSet.create(
    doc,
    clauses.map((clause) => Decoration.node(clause.pos, clause.pos + clause.node.nodeSize, { 'data-label': clause.label })),
  )
  return { records, clauses, decorations }
}

/** Gives the editor the round's labels as the server recorded them. */
export function withRoundLabels(tr: Transaction, records: RoundLabelRecords): Transaction {
  return tr.setMeta(numberingKey, records)
}

/** The editor's clauses with the labels it shows. */
export function labelledClausesOf(state: EditorState): LabelledClause[] {
  return numberingKey.getState(state)?.clauses ?? labelClauses(state.doc)
}

/** Shows each clause's label (PP1, OP3, OP7bis) from the round's records, or its position before the first round. */
export const ClauseNumbering = Extension.create({
  name: 'clauseNumbering',

  addProseMirrorPlugins() {
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_, state) => numbering(state.doc, new Map()),
          apply: (tr, previous) => {
            const records = tr.getMeta(numberingKey) as RoundLabelRecords | undefined
            return records || tr.docChanged ? numbering(tr.doc, records ?? previous.records) : previous
          },
        },
        props: {
          decorations: (state) => numberingKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})
