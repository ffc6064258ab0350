import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { assignLabels, type RoundLabelRecords } from '../negotiation/roundLabels.js'
import { clauseKindOf, type ClauseKind } from './clauseKind.js'

/** A clause of the declaration as read from the document, with its label. */
export interface LabelledClause {
  id: string | null
  kind: ClauseKind
  /** PP1, PP2, ... and OP1, OP2, ... by position before the first frozen version; the round's labels (OP7bis) after it. */
  label: string
  /** Position of the clause node in the document. */
  pos: number
  node: ProseMirrorNode
}

const noRecords: RoundLabelRecords = new Map()

/** Labels every clause from the round's records (plain numbering when there are none); the only place labels are derived. */
export function labelClauses(doc: ProseMirrorNode, records: RoundLabelRecords = noRecords): LabelledClause[] {
  const clauses: Omit<LabelledClause, 'label'>[] = []
  doc.forEach((node, pos) => {
    if (node.type.name !== 'clause') return
    const kind = clauseKindOf(node.attrs.kind)
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : null
    clauses.push({ id, kind, pos, node })
  })
  const { labels } = assignLabels(records, clauses)
  return clauses.map((clause, index) => ({ ...clause, label: labels[index]! }))
}
